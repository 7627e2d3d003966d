// Needs-assessment forms as data: a region's form is a list of questions (choice, yes/no, number,
// free text), points per answer, and rules that turn answers into suggested service categories.
// Pure functions: parsing and checking a form a coordinator sends, and scoring answers against
// one version of a form. Stored as JSON (assessment_forms.definition); see assessment_service.hpp.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/result.hpp"

namespace allmende::guidance {

// Language code (fi, sv, en, de, da) → text; at least one.
using Localized = std::map<std::string, std::string>;

struct AnswerOption {
  std::string value;  // what an answer sends: "some_help"
  int points = 0;
  Localized label;
};

struct Question {
  std::string id;    // [a-z0-9_], unique in the form: "cleaning"
  std::string type;  // choice, yes_no, number, text
  bool required = true;
  Localized text = {};
  std::vector<AnswerOption> options = {};  // choice: 2–10
  int points_yes = 0;                      // yes_no
  std::int64_t min = 0, max = 0;           // number
};

// A category suggested when a question's answer reaches `at_least` (its points; a number answer's
// value), or when the total score reaches `score_at_least`.
struct SuggestionRule {
  std::string category;
  std::optional<std::string> question;
  std::optional<std::int64_t> at_least;
  std::optional<std::int64_t> score_at_least;
};

struct FormDefinition {
  Localized title;
  std::vector<Question> questions;
  std::vector<SuggestionRule> suggestions;

  int MaxScore() const;
};

// The form a coordinator sends ({"title","questions","suggestions"}), checked whole: 422 listing
// each problem at its path ("questions[2].options"). `categories`: the taxonomy's codes.
Result<FormDefinition> ParseFormDefinition(const boost::json::value& body, const std::set<std::string>& categories);

// The stored form (assessment_forms.title and .definition) and back. FromStored trusts its input
// (it was checked on the way in) but never throws.
std::string TitleJson(const FormDefinition& form);
std::string DefinitionJson(const FormDefinition& form);
FormDefinition FromStored(std::string_view title_json, std::string_view definition_json);
// The form as the API shows it, without id and version.
boost::json::object FormBody(const FormDefinition& form);
boost::json::object LocalizedObject(const Localized& text);

struct Scored {
  boost::json::object answers;          // the answers as kept: only the form's questions
  int score = 0;                        // sum of the answers' points
  std::vector<std::string> categories;  // suggested, in the order of the rules, each once
};

// Scores `answers` ({"question id": value}) against the form: 422 at "answers.<id>" for a required
// question left out or a value the question does not take; "answers" if it is not an object.
Result<Scored> ScoreAnswers(const FormDefinition& form, const boost::json::value& answers);

}  // namespace allmende::guidance
