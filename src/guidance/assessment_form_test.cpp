#include "guidance/assessment_form.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "guidance/guidance_module.hpp"

namespace allmende::guidance {
namespace {

namespace json = boost::json;

const std::set<std::string> kCategories{"cleaning",      "shopping",          "meals",    "transport",
                                        "safety_alarms", "friendship_visits", "home_help"};

std::vector<std::string> Fields(const Error& e) {
  std::vector<std::string> out;
  for (const auto& f : e.fields) out.push_back(f.field);
  return out;
}

TEST(AssessmentForm, TheDemoFormGoesThroughTheApiAndStorageUnchanged) {
  for (int version : {1, 2}) {
    const FormDefinition demo = DemoAssessmentForm(version);
    auto parsed = ParseFormDefinition(json::value(FormBody(demo)), kCategories);
    ASSERT_TRUE(parsed.ok()) << parsed.error().message << " "
                             << (Fields(parsed.error()).empty() ? "" : Fields(parsed.error())[0]);
    EXPECT_EQ(json::serialize(FormBody(*parsed)), json::serialize(FormBody(demo)));
    auto stored = FromStored(TitleJson(demo), DefinitionJson(demo));
    EXPECT_EQ(json::serialize(FormBody(stored)), json::serialize(FormBody(demo)));
  }
  EXPECT_EQ(DemoAssessmentForm(1).MaxScore(), 13);
  EXPECT_EQ(DemoAssessmentForm(2).MaxScore(), 16);
}

TEST(AssessmentForm, EachProblemOfAFormIsNamedAtItsPath) {
  auto body = json::parse(R"({
    "title": {"fi": "Testi", "xx": "?"},
    "questions": [
      {"id": "Cleaning", "type": "choice", "text": {"fi": "Siivous?"}, "options": [{"value": "a", "points": 0, "label": {"fi": "A"}}]},
      {"id": "falls", "type": "number", "text": {"fi": "Kaatumiset"}, "min": 5, "max": 1},
      {"id": "falls", "type": "essay", "text": {}},
      {"id": "ok", "type": "choice", "text": {"fi": "?"}, "options": [{"value": "a", "points": 101, "label": {"fi": "A"}}, {"value": "a", "points": 1, "label": {"fi": "B"}}]}
    ],
    "suggestions": [{"category": "astrology", "score_at_least": 1}, {"category": "cleaning", "question": "nope", "at_least": 1},
                    {"category": "cleaning"}]
  })");
  auto parsed = ParseFormDefinition(body, kCategories);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(
      Fields(parsed.error()),
      (std::vector<std::string>{
          "title.xx", "questions[0].id", "questions[0].options", "questions[1].max", "questions[2].id",
          "questions[2].type", "questions[2].text", "questions[3].options[0].points", "questions[3].options[1].value",
          "suggestions[0].category", "suggestions[1].question", "suggestions[2].score_at_least"}));
  EXPECT_FALSE(ParseFormDefinition(json::parse(R"({"title": {"fi": "T"}, "questions": []})"), kCategories).ok());
  EXPECT_FALSE(ParseFormDefinition(json::parse("[]"), kCategories).ok());
}

TEST(AssessmentForm, AnswersAreScoredAndSuggestCategoriesByTheRules) {
  const FormDefinition form = DemoAssessmentForm(2);
  auto scored = ScoreAnswers(form, json::parse(R"({"cleaning": "some_help", "shopping": "lots_of_help",
      "meals": "independent", "mobility": "some_help", "lives_alone": true, "falls": 1, "loneliness": "often",
      "wishes": "Pääsisin joskus kahvilaan."})"));
  ASSERT_TRUE(scored.ok()) << scored.error().message;
  EXPECT_EQ(scored->score, 7);
  EXPECT_EQ(scored->categories,
            (std::vector<std::string>{"cleaning", "shopping", "safety_alarms", "friendship_visits"}));
  EXPECT_EQ(scored->answers.at("falls").as_int64(), 1);

  // Everything at its worst: every rule, the score rule too.
  auto worst = ScoreAnswers(form, json::parse(R"({"cleaning": "cannot", "shopping": "cannot", "meals": "cannot",
      "mobility": "cannot", "lives_alone": true, "falls": 20, "loneliness": "always"})"));
  ASSERT_TRUE(worst.ok());
  EXPECT_EQ(worst->score, 16);
  EXPECT_EQ(worst->categories.back(), "home_help");
  EXPECT_EQ(worst->categories.size(), 7u);
}

TEST(AssessmentForm, EachWrongAnswerIsNamedAtItsQuestion) {
  const FormDefinition form = DemoAssessmentForm(2);
  auto wrong = ScoreAnswers(form, json::parse(R"({"cleaning": "sometimes", "shopping": "", "meals": 2,
      "mobility": "independent", "lives_alone": "yes", "falls": 21, "loneliness": "never", "age": 90,
      "wishes": "a\u0000b"})"));
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(Fields(wrong.error()),
            (std::vector<std::string>{"answers.age", "answers.cleaning", "answers.shopping", "answers.meals",
                                      "answers.lives_alone", "answers.falls", "answers.wishes"}));
  // Optional questions may stay unanswered; a number may come as 2.0.
  auto minimal = ScoreAnswers(form, json::parse(R"({"cleaning": "independent", "shopping": "independent",
      "meals": "independent", "mobility": "independent", "lives_alone": false, "loneliness": "never", "falls": 2.0})"));
  ASSERT_TRUE(minimal.ok()) << minimal.error().message;
  EXPECT_EQ(minimal->score, 0);
  EXPECT_EQ(minimal->categories, (std::vector<std::string>{"safety_alarms"}));
  EXPECT_FALSE(ScoreAnswers(form, json::parse("[]")).ok());
  // Limits count characters, not bytes: 1,000 "ä" (2,000 bytes) fit, 1,001 do not.
  json::object answers = json::parse(R"({"cleaning": "independent", "shopping": "independent",
      "meals": "independent", "mobility": "independent", "lives_alone": false, "loneliness": "never"})")
                             .as_object();
  std::string long_text;
  for (int i = 0; i < 1000; ++i) long_text += "ä";
  answers["wishes"] = long_text;
  EXPECT_TRUE(ScoreAnswers(form, answers).ok());
  answers["wishes"] = long_text + "ä";
  EXPECT_FALSE(ScoreAnswers(form, answers).ok());
  // Version 1 has no question on loneliness: an answer given for version 2 does not fit it.
  auto old = ScoreAnswers(DemoAssessmentForm(1), json::parse(R"({"cleaning": "independent",
      "shopping": "independent", "meals": "independent", "mobility": "independent", "lives_alone": false,
      "loneliness": "never"})"));
  ASSERT_FALSE(old.ok());
  EXPECT_EQ(Fields(old.error()), (std::vector<std::string>{"answers.loneliness"}));
}

}  // namespace
}  // namespace allmende::guidance
