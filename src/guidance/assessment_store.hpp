// SQL of needs assessments (assessment_forms, assessments), inside the caller's transaction.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "guidance/assessment_form.hpp"
#include "storage/database.hpp"

namespace allmende::guidance {

struct FormRow {
  std::string id;
  std::string region_id;
  std::string code;
  int version = 0;
  std::string title;       // JSON, as stored
  std::string definition;  // JSON, as stored
  std::string created_at;
  std::string created_by;
  int latest_version = 0;  // the newest version of this code in the region
};

struct AssessmentRow {
  std::string id;
  std::string region_id;
  std::string client_id;
  std::string form_id;
  std::string answers;  // sealed JSON
  int score = 0;
  std::string categories;  // JSON array of category codes
  std::string filled_by;
  std::string filled_as;  // advisor, client, delegate
  std::string created_at;
  // Read with it:
  std::string filled_by_name = {};
  FormRow form = {};
};

class AssessmentStore {
 public:
  // The service taxonomy: code → names by language.
  static Result<std::map<std::string, Localized>> Categories(storage::Connection& c);
  // The newest version of each form of the region, by code.
  static Result<std::vector<FormRow>> LatestForms(storage::Connection& c, const std::string& region_id);
  static Result<std::optional<FormRow>> GetForm(storage::Connection& c, const std::string& id);
  // The newest version of the code in the region (0 when there is none).
  static Result<int> LatestVersion(storage::Connection& c, const std::string& region_id, const std::string& code);
  static Result<void> InsertForm(storage::Connection& c, const FormRow& row);
  static Result<void> InsertAssessment(storage::Connection& c, const AssessmentRow& row);
  // The client's assessments with their forms, newest first, at most `limit`; answers sealed.
  static Result<std::vector<AssessmentRow>> AssessmentsOf(storage::Connection& c, const std::string& client_id,
                                                          int limit);
  static Result<std::optional<AssessmentRow>> GetAssessment(storage::Connection& c, const std::string& id);
};

}  // namespace allmende::guidance
