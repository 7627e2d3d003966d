// Needs assessment (issue 20): forms defined as data per region in versions, filled in for a client
// by an advisor during a call, or by the client or their delegate themselves; the answers are
// scored and suggest service categories. Answers are sealed at rest; the routes declare client
// data, so each read and write is an access-log entry with its purpose.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <string>
#include <utility>
#include <vector>

#include "access/policy.hpp"
#include "common/time.hpp"
#include "guidance/assessment_form.hpp"
#include "guidance/assessment_store.hpp"
#include "storage/database.hpp"
#include "storage/field_cipher.hpp"

namespace allmende::guidance {

struct FormView {
  FormRow row;
  FormDefinition form;
};

struct AssessmentView {
  AssessmentRow row;
  boost::json::object answers;  // opened
  FormDefinition form;
  std::vector<std::pair<std::string, Localized>> categories;  // suggested: code and names
};

class AssessmentService {
 public:
  AssessmentService(storage::Database& db, const TimeSource& clock, const storage::FieldCipher& cipher)
      : db_(db), clock_(clock), cipher_(cipher) {}

  // The newest version of each form of the region.
  Result<std::vector<FormView>> Forms(const std::string& region_id);
  // Any version; NotFound if none.
  Result<FormView> Form(const std::string& form_id);
  // The next version of the form `code` in the region (a coordinator's): 422 per field of the form.
  Result<FormView> PublishForm(const access::Actor& actor, const std::string& region_id, const std::string& code,
                               const boost::json::value& body);
  // An assessment of the client on the newest version of a form of their region: 422 at
  // "form_id" (unknown, another region's, or not the newest version) or "answers.<question>".
  Result<AssessmentView> Assess(const access::Actor& actor, const std::string& client_id, const std::string& form_id,
                                const boost::json::value& answers);
  // Newest first, at most 100.
  Result<std::vector<AssessmentView>> Assessments(const access::Actor& actor, const std::string& client_id);

  // Demo data and tests: a form version and an assessment recorded as given (no policy).
  static Result<FormRow> InsertForm(storage::Connection& c, const std::string& region_id, const std::string& code,
                                    const FormDefinition& form, const std::string& by, Timestamp now);
  static Result<void> InsertAssessment(storage::Connection& c, const storage::FieldCipher& cipher,
                                       const FormRow& form_row, const std::string& client_id,
                                       const boost::json::value& answers, const std::string& by,
                                       const std::string& filled_as, Timestamp at);

 private:
  // `categories`: the taxonomy (AssessmentStore::Categories), read once per request.
  AssessmentView View(AssessmentRow row, const std::map<std::string, Localized>& categories) const;

  storage::Database& db_;
  const TimeSource& clock_;
  const storage::FieldCipher& cipher_;
};

}  // namespace allmende::guidance
