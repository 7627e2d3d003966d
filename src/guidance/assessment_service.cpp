#include "guidance/assessment_service.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "access/access_log.hpp"
#include "common/ids.hpp"

namespace allmende::guidance {
namespace {

namespace json = boost::json;

std::vector<std::string> CodesFrom(const std::string& text) {
  std::vector<std::string> out;
  boost::system::error_code ec;
  auto v = json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& c : v.as_array()) {
    if (c.is_string()) out.emplace_back(c.as_string());
  }
  return out;
}

std::string CodesJson(const std::vector<std::string>& codes) {
  json::array a;
  for (const auto& c : codes) a.emplace_back(c);
  return json::serialize(a);
}

std::set<std::string> Keys(const std::map<std::string, Localized>& categories) {
  std::set<std::string> out;
  for (const auto& [code, names] : categories) out.insert(code);
  return out;
}

// The role the policy granted, as the assessment records who filled it in.
std::string FilledAs(const access::Decision& d) {
  if (d.relation == "self") return "client";
  if (d.relation == "delegate") return "delegate";
  return "advisor";
}

bool IsFormCode(const std::string& s) {
  if (s.empty() || s.size() > 40 || !(s[0] >= 'a' && s[0] <= 'z')) return false;
  return std::all_of(s.begin(), s.end(),
                     [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_'; });
}

}  // namespace

Result<std::vector<FormView>> AssessmentService::Forms(const std::string& region_id) {
  return db_.ReadValue<std::vector<FormView>>([&](storage::Connection& c) -> Result<std::vector<FormView>> {
    ALLMENDE_ASSIGN_OR_RETURN(auto rows, AssessmentStore::LatestForms(c, region_id));
    std::vector<FormView> out;
    for (auto& r : rows) {
      auto form = FromStored(r.title, r.definition);
      out.push_back({std::move(r), std::move(form)});
    }
    return out;
  });
}

Result<FormView> AssessmentService::Form(const std::string& form_id) {
  return db_.ReadValue<FormView>([&](storage::Connection& c) -> Result<FormView> {
    ALLMENDE_ASSIGN_OR_RETURN(auto row, AssessmentStore::GetForm(c, form_id));
    if (!row) return Error::NotFound("There is no such form.");
    auto form = FromStored(row->title, row->definition);
    return FormView{std::move(*row), std::move(form)};
  });
}

Result<FormRow> AssessmentService::InsertForm(storage::Connection& c, const std::string& region_id,
                                              const std::string& code, const FormDefinition& form,
                                              const std::string& by, Timestamp now) {
  ALLMENDE_ASSIGN_OR_RETURN(int latest, AssessmentStore::LatestVersion(c, region_id, code));
  FormRow row{NewId("asf"),         region_id,          code, latest + 1, TitleJson(form),
              DefinitionJson(form), FormatRfc3339(now), by,   latest + 1};
  ALLMENDE_TRY(AssessmentStore::InsertForm(c, row));
  return row;
}

Result<FormView> AssessmentService::PublishForm(const access::Actor& actor, const std::string& region_id,
                                                const std::string& code, const json::value& body) {
  const Timestamp now = clock_.Now();
  return db_.WriteValue<FormView>([&](storage::Connection& c) -> Result<FormView> {
    ALLMENDE_ASSIGN_OR_RETURN(auto decision, access::Authorize(c, actor.principal, access::Action::kAssessmentFormWrite,
                                                               {.region_id = region_id}, now));
    ALLMENDE_ASSIGN_OR_RETURN(auto categories, AssessmentStore::Categories(c));
    auto parsed = ParseFormDefinition(body, Keys(categories));
    std::vector<FieldError> errors;
    if (!IsFormCode(code)) {
      errors.push_back({"code", "A code of lower-case letters, digits and _ (at most 40), starting with a letter."});
    }
    if (!parsed.ok()) {
      if (parsed.error().code != ErrorCode::kInvalidArgument) return std::move(parsed).error();
      for (auto& e : parsed.error().fields) errors.push_back(e);
    }
    if (!errors.empty()) return Error::Invalid(std::move(errors));
    ALLMENDE_ASSIGN_OR_RETURN(auto row, InsertForm(c, region_id, code, *parsed, decision.actor_id, now));
    ALLMENDE_TRY(access::AppendAccess(c, decision,
                                      {.action = "assessment.form.write",
                                       .subject_type = "assessment_form",
                                       .subject_id = row.id,
                                       .region_id = region_id,
                                       .purpose = actor.purpose},
                                      actor.request_id, now));
    return FormView{std::move(row), std::move(*parsed)};
  });
}

Result<void> AssessmentService::InsertAssessment(storage::Connection& c, const storage::FieldCipher& cipher,
                                                 const FormRow& form_row, const std::string& client_id,
                                                 const json::value& answers, const std::string& by,
                                                 const std::string& filled_as, Timestamp at) {
  auto form = FromStored(form_row.title, form_row.definition);
  ALLMENDE_ASSIGN_OR_RETURN(auto scored, ScoreAnswers(form, answers));
  AssessmentRow row{
      NewId("asm"), form_row.region_id,           client_id, form_row.id, cipher.Seal(json::serialize(scored.answers)),
      scored.score, CodesJson(scored.categories), by,        filled_as,   FormatRfc3339(at)};
  return AssessmentStore::InsertAssessment(c, row);
}

AssessmentView AssessmentService::View(AssessmentRow row, const std::map<std::string, Localized>& categories) const {
  AssessmentView v;
  auto opened = cipher_.Open(row.answers);
  if (opened.ok()) {
    boost::system::error_code ec;
    auto doc = json::parse(*opened, ec);
    if (!ec && doc.is_object()) v.answers = std::move(doc.as_object());
  }
  v.form = FromStored(row.form.title, row.form.definition);
  for (const auto& code : CodesFrom(row.categories)) {
    auto it = categories.find(code);
    v.categories.emplace_back(code, it == categories.end() ? Localized{} : it->second);
  }
  v.row = std::move(row);
  return v;
}

Result<AssessmentView> AssessmentService::Assess(const access::Actor& actor, const std::string& client_id,
                                                 const std::string& form_id, const json::value& answers) {
  const Timestamp now = clock_.Now();
  return db_.WriteValue<AssessmentView>([&](storage::Connection& c) -> Result<AssessmentView> {
    // Authorized first: a stranger learns nothing, not even whether the client exists.
    ALLMENDE_ASSIGN_OR_RETURN(auto decision, access::Authorize(c, actor.principal, access::Action::kAssessmentWrite,
                                                               {.client_id = client_id}, now));
    ALLMENDE_ASSIGN_OR_RETURN(std::string region, access::ClientRegion(c, client_id));
    ALLMENDE_ASSIGN_OR_RETURN(auto form, AssessmentStore::GetForm(c, form_id));
    if (!form || form->region_id != region) {
      return Error::Invalid("form_id", "No form of the client's region has this id.");
    }
    if (form->version != form->latest_version) {
      return Error::Invalid("form_id", "Version " + std::to_string(form->latest_version) +
                                           " of this form is the current one: answer that.");
    }
    const std::string id = NewId("asm");
    auto definition = FromStored(form->title, form->definition);
    ALLMENDE_ASSIGN_OR_RETURN(auto scored, ScoreAnswers(definition, answers));
    AssessmentRow row{id,
                      region,
                      client_id,
                      form->id,
                      cipher_.Seal(json::serialize(scored.answers)),
                      scored.score,
                      CodesJson(scored.categories),
                      decision.actor_id,
                      FilledAs(decision),
                      FormatRfc3339(now)};
    ALLMENDE_TRY(AssessmentStore::InsertAssessment(c, row));
    ALLMENDE_ASSIGN_OR_RETURN(auto stored, AssessmentStore::GetAssessment(c, id));
    if (!stored) return Error::Internal("The assessment could not be read back.");
    ALLMENDE_ASSIGN_OR_RETURN(auto categories, AssessmentStore::Categories(c));
    return View(std::move(*stored), categories);
  });
}

Result<std::vector<AssessmentView>> AssessmentService::Assessments(const access::Actor& actor,
                                                                   const std::string& client_id) {
  const Timestamp now = clock_.Now();
  return db_.ReadValue<std::vector<AssessmentView>>([&](storage::Connection& c) -> Result<std::vector<AssessmentView>> {
    ALLMENDE_TRY(access::Authorize(c, actor.principal, access::Action::kAssessmentRead, {.client_id = client_id}, now));
    ALLMENDE_ASSIGN_OR_RETURN(auto rows, AssessmentStore::AssessmentsOf(c, client_id, 100));
    ALLMENDE_ASSIGN_OR_RETURN(auto categories, AssessmentStore::Categories(c));
    std::vector<AssessmentView> out;
    for (auto& r : rows) out.push_back(View(std::move(r), categories));
    return out;
  });
}

}  // namespace allmende::guidance
