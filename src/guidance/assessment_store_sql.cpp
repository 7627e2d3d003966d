#include "guidance/assessment_store.hpp"

namespace allmende::guidance {
namespace {

constexpr std::string_view kFormColumns =
    "SELECT f.id, f.region_id, f.code, f.version, f.title, f.definition, f.created_at, f.created_by, "
    "(SELECT max(g.version) FROM assessment_forms g WHERE g.region_id = f.region_id AND g.code = f.code) "
    "FROM assessment_forms f ";

FormRow ToForm(const storage::Row& r, int at = 0) {
  return {r.Text(at + 0), r.Text(at + 1), r.Text(at + 2), static_cast<int>(r.Int(at + 3)), r.Text(at + 4),
          r.Text(at + 5), r.Text(at + 6), r.Text(at + 7), static_cast<int>(r.Int(at + 8))};
}

constexpr std::string_view kAssessmentColumns =
    "SELECT a.id, a.region_id, a.client_id, a.form_id, a.answers, a.score, a.categories, a.filled_by, "
    "a.filled_as, a.created_at, u.name, "
    "f.id, f.region_id, f.code, f.version, f.title, f.definition, f.created_at, f.created_by, "
    "(SELECT max(g.version) FROM assessment_forms g WHERE g.region_id = f.region_id AND g.code = f.code) "
    "FROM assessments a JOIN users u ON u.id = a.filled_by JOIN assessment_forms f ON f.id = a.form_id ";

AssessmentRow ToAssessment(const storage::Row& r) {
  AssessmentRow a{r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), static_cast<int>(r.Int(5)),
                  r.Text(6), r.Text(7), r.Text(8), r.Text(9)};
  a.filled_by_name = r.Text(10);
  a.form = ToForm(r, 11);
  return a;
}

}  // namespace

Result<std::map<std::string, Localized>> AssessmentStore::Categories(storage::Connection& c) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto rows, c.Query("SELECT code, name_fi, name_sv, name_en, name_de, name_da FROM directory_categories "
                         "ORDER BY position",
                         {}));
  std::map<std::string, Localized> out;
  for (const auto& r : rows) {
    out[r.Text(0)] = {{"fi", r.Text(1)}, {"sv", r.Text(2)}, {"en", r.Text(3)}, {"de", r.Text(4)}, {"da", r.Text(5)}};
  }
  return out;
}

Result<std::vector<FormRow>> AssessmentStore::LatestForms(storage::Connection& c, const std::string& region_id) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto rows, c.Query(std::string(kFormColumns) +
                             "WHERE f.region_id = $1 AND f.version = (SELECT max(g.version) FROM assessment_forms g "
                             "WHERE g.region_id = f.region_id AND g.code = f.code) ORDER BY f.code",
                         {region_id}));
  std::vector<FormRow> out;
  for (const auto& r : rows) out.push_back(ToForm(r));
  return out;
}

Result<std::optional<FormRow>> AssessmentStore::GetForm(storage::Connection& c, const std::string& id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(std::string(kFormColumns) + "WHERE f.id = $1", {id}));
  if (!row) return std::optional<FormRow>();
  return std::optional<FormRow>(ToForm(*row));
}

Result<int> AssessmentStore::LatestVersion(storage::Connection& c, const std::string& region_id,
                                           const std::string& code) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT coalesce(max(version), 0) FROM assessment_forms "
                                                 "WHERE region_id = $1 AND code = $2",
                                                 {region_id, code}));
  return row ? static_cast<int>(row->Int(0)) : 0;
}

Result<void> AssessmentStore::InsertForm(storage::Connection& c, const FormRow& f) {
  ALLMENDE_TRY(c.Execute(
      "INSERT INTO assessment_forms (id, region_id, code, version, title, definition, created_at, "
      "created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      {f.id, f.region_id, f.code, std::int64_t{f.version}, f.title, f.definition, f.created_at, f.created_by}));
  return Ok();
}

Result<void> AssessmentStore::InsertAssessment(storage::Connection& c, const AssessmentRow& a) {
  ALLMENDE_TRY(
      c.Execute("INSERT INTO assessments (id, region_id, client_id, form_id, answers, score, categories, "
                "filled_by, filled_as, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                {a.id, a.region_id, a.client_id, a.form_id, a.answers, std::int64_t{a.score}, a.categories, a.filled_by,
                 a.filled_as, a.created_at}));
  return Ok();
}

Result<std::vector<AssessmentRow>> AssessmentStore::AssessmentsOf(storage::Connection& c, const std::string& client_id,
                                                                  int limit) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto rows,
      c.Query(std::string(kAssessmentColumns) + "WHERE a.client_id = $1 ORDER BY a.created_at DESC, a.id DESC LIMIT $2",
              {client_id, std::int64_t{limit}}));
  std::vector<AssessmentRow> out;
  for (const auto& r : rows) out.push_back(ToAssessment(r));
  return out;
}

Result<std::optional<AssessmentRow>> AssessmentStore::GetAssessment(storage::Connection& c, const std::string& id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(std::string(kAssessmentColumns) + "WHERE a.id = $1", {id}));
  if (!row) return std::optional<AssessmentRow>();
  return std::optional<AssessmentRow>(ToAssessment(*row));
}

}  // namespace allmende::guidance
