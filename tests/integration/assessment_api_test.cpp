// Needs assessment over HTTP (issue 20), on both backends: the demo region's form in versions, an
// assessment by the advisor during a call and one by the client's delegate, each answer keeping the
// version it was given on, answers sealed at rest, each read in the client's access log, 422 at the
// question for every bad answer, and nobody else reading or writing them.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api_helpers.hpp"
#include "demo_world.hpp"
#include "problem_assertions.hpp"

namespace allmende::testing {
namespace {

namespace json = boost::json;

class AssessmentApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new DemoWorld(true);
    for (auto name : {"mikko.neuvoja", "outi.koordinaattori", "jussi.siivous", "aino.virtanen", "liisa.virtanen",
                      "ebba.lindqvist"}) {
      sessions_[name] = world_->SignIn(name);
    }
  }
  static void TearDownTestSuite() {
    delete world_;
    world_ = nullptr;
  }
  static std::optional<HttpResponse> As(const std::string& who, const std::string& method, const std::string& path,
                                        const std::string& body = "") {
    return world_->Call(sessions_.at(who), method, path, body, {{"X-Access-Purpose", "Neuvontapuhelu"}});
  }
  static std::string Sql(const std::string& sql) { return world_->Id(sql); }
  static json::object Form(const std::string& who) {
    auto forms = Body(As(who, "GET", "/api/v1/regions/" + world_->RegionId("pirkanmaa") + "/assessment-forms"), 200);
    EXPECT_EQ(forms["items"].as_array().size(), 1u);
    return forms["items"].as_array().at(0).as_object();
  }

  static DemoWorld* world_;
  static std::map<std::string, Session> sessions_;
};

DemoWorld* AssessmentApiTest::world_ = nullptr;
std::map<std::string, Session> AssessmentApiTest::sessions_;

const std::string kAnswers =
    R"({"cleaning":"some_help","shopping":"lots_of_help","meals":"independent","mobility":"some_help",)"
    R"("lives_alone":true,"falls":1,"loneliness":"often","wishes":"Pääsisin joskus kahvilaan; polvi kipeä."})";

TEST_F(AssessmentApiTest, MikkoAssessesAinoOnTheNewestVersionAndTheFirstKeepsItsOwn) {
  const std::string aino = world_->UserId("aino.virtanen");
  auto form = Form("mikko.neuvoja");
  EXPECT_EQ(form["code"].as_string(), "coping_at_home");
  EXPECT_EQ(form["version"].as_int64(), 2);
  EXPECT_TRUE(form["latest"].as_bool());
  EXPECT_EQ(form["title"].at("fi").as_string(), "Kotona pärjääminen");
  EXPECT_EQ(form["max_score"].as_int64(), 16);
  const std::string form_id(form["id"].as_string());

  auto before = Body(As("mikko.neuvoja", "GET", "/api/v1/clients/" + aino + "/assessments"), 200);
  ASSERT_EQ(before["items"].as_array().size(), 1u) << "the demo's first assessment";
  auto first = before["items"].as_array()[0].as_object();
  EXPECT_EQ(first["form_version"].as_int64(), 1);
  EXPECT_FALSE(first["latest_version"].as_bool());
  EXPECT_EQ(first["max_score"].as_int64(), 13) << "scored against its own version";
  EXPECT_FALSE(first["answers"].as_object().contains("loneliness"));
  // The old version stays readable with its own questions.
  auto old =
      Body(As("mikko.neuvoja", "GET", "/api/v1/assessment-forms/" + std::string(first["form_id"].as_string())), 200);
  EXPECT_EQ(old["version"].as_int64(), 1);
  EXPECT_FALSE(old["latest"].as_bool());
  EXPECT_EQ(old["questions"].as_array().size(), 7u);
  // Answering the old version is refused: the desk answers the current one.
  auto stale =
      As("mikko.neuvoja", "POST", "/api/v1/clients/" + aino + "/assessments",
         R"({"form_id":")" + std::string(first["form_id"].as_string()) + R"(","answers":{"cleaning":"independent"}})");
  ASSERT_TRUE(stale);
  ExpectProblemField(*stale, "form_id");

  const std::string reads_before =
      Sql("SELECT count(*) FROM access_log WHERE client_id = '" + aino + "' AND action = 'assessment.read'");
  auto made = Body(As("mikko.neuvoja", "POST", "/api/v1/clients/" + aino + "/assessments",
                      R"({"form_id":")" + form_id + R"(","answers":)" + kAnswers + "}"),
                   201);
  EXPECT_EQ(made["score"].as_int64(), 7);
  EXPECT_EQ(made["max_score"].as_int64(), 16);
  EXPECT_EQ(made["form_version"].as_int64(), 2);
  EXPECT_EQ(made["filled_as"].as_string(), "advisor");
  EXPECT_EQ(made["filled_by_name"].as_string(), "Mikko Neuvoja");
  std::vector<std::string> suggested;
  for (const auto& c : made["suggested_categories"].as_array()) suggested.emplace_back(c.at("code").as_string());
  EXPECT_EQ(suggested, (std::vector<std::string>{"cleaning", "shopping", "safety_alarms", "friendship_visits"}));
  EXPECT_EQ(made["suggested_categories"].as_array()[0].at("names").at("fi").as_string(), "Siivous");
  const std::string id(made["id"].as_string());
  EXPECT_EQ(Sql("SELECT answers FROM assessments WHERE id = '" + id + "'").rfind("enc1:", 0), 0u)
      << "the answers are sealed at rest";
  EXPECT_EQ(Sql("SELECT count(*) FROM assessments WHERE answers LIKE '%polvi%' OR answers LIKE '%lots_of_help%'"), "0");

  auto after = Body(As("mikko.neuvoja", "GET", "/api/v1/clients/" + aino + "/assessments"), 200);
  ASSERT_EQ(after["items"].as_array().size(), 2u);
  EXPECT_EQ(after["items"].as_array()[0].at("id").as_string(), id) << "newest first";
  EXPECT_EQ(after["items"].as_array()[0].at("answers").at("wishes").as_string(),
            "Pääsisin joskus kahvilaan; polvi kipeä.");
  EXPECT_EQ(after["items"].as_array()[1].at("form_version").as_int64(), 1) << "the first keeps its version";
  // Each look is in the log Aino sees, with the stated purpose.
  EXPECT_EQ(
      std::stoi(Sql("SELECT count(*) FROM access_log WHERE client_id = '" + aino + "' AND action = 'assessment.read'")),
      std::stoi(reads_before) + 1);
  EXPECT_EQ(Sql("SELECT purpose FROM access_log WHERE client_id = '" + aino +
                "' AND action = 'assessment.write' ORDER BY at DESC LIMIT 1"),
            "Neuvontapuhelu");
}

TEST_F(AssessmentApiTest, EveryWrongAnswerIsNamedAtItsQuestionAndNothingIsStored) {
  const std::string aino = world_->UserId("aino.virtanen");
  const std::string form_id(Form("mikko.neuvoja")["id"].as_string());
  const std::string path = "/api/v1/clients/" + aino + "/assessments";
  const std::string count = "SELECT count(*) FROM assessments WHERE client_id = '" + aino + "'";
  const std::string stored = Sql(count);
  struct Case {
    std::string body, field;
  };
  const std::vector<Case> cases{
      {R"({"answers":{}})", "form_id"},
      {R"({"form_id":"asf_nope","answers":{}})", "form_id"},
      {R"({"form_id":")" + form_id + R"("})", "answers"},
      {R"({"form_id":")" + form_id + R"(","answers":[1]})", "answers"},
      {R"({"form_id":")" + form_id + R"(","answers":{"shopping":"independent"}})", "answers.cleaning"},
      {R"({"form_id":")" + form_id + R"(","answers":{"cleaning":"sometimes"}})", "answers.cleaning"},
      {R"({"form_id":")" + form_id + R"(","answers":{"lives_alone":"yes"}})", "answers.lives_alone"},
      {R"({"form_id":")" + form_id + R"(","answers":{"falls":-1}})", "answers.falls"},
      {R"({"form_id":")" + form_id + R"(","answers":{"falls":1.5}})", "answers.falls"},
      {R"({"form_id":")" + form_id + R"(","answers":{"age":90}})", "answers.age"},
      {R"({"form_id":")" + form_id + R"(","answers":{"wishes":")" + std::string(1001, 'x') + R"("}})",
       "answers.wishes"},
  };
  for (const auto& c : cases) {
    auto r = As("mikko.neuvoja", "POST", path, c.body);
    ASSERT_TRUE(r) << c.body;
    ExpectProblemField(*r, c.field);
  }
  auto not_json = As("mikko.neuvoja", "POST", path, "{");
  ASSERT_TRUE(not_json);
  EXPECT_EQ(not_json->status, 400);
  EXPECT_EQ(Sql(count), stored) << "no half-written assessment";
}

TEST_F(AssessmentApiTest, LiisaAssessesForHerMotherAndStrangersCannotReadOrWrite) {
  const std::string aino = world_->UserId("aino.virtanen");
  const std::string form_id(Form("liisa.virtanen")["id"].as_string());
  const std::string path = "/api/v1/clients/" + aino + "/assessments";
  auto by_liisa =
      Body(As("liisa.virtanen", "POST", path, R"({"form_id":")" + form_id + R"(","answers":)" + kAnswers + "}"), 201);
  EXPECT_EQ(by_liisa["filled_as"].as_string(), "delegate");
  auto by_aino =
      Body(As("aino.virtanen", "POST", path, R"({"form_id":")" + form_id + R"(","answers":)" + kAnswers + "}"), 201);
  EXPECT_EQ(by_aino["filled_as"].as_string(), "client") << "filled in by herself";
  auto own = Body(As("aino.virtanen", "GET", path), 200);
  EXPECT_GE(own["items"].as_array().size(), 3u);
  EXPECT_EQ(own["items"].as_array()[0].at("filled_by_name").as_string(), "Aino Virtanen");
  EXPECT_EQ(own["items"].as_array()[1].at("filled_by_name").as_string(), "Liisa Virtanen");
  EXPECT_EQ(own["items"].as_array()[1].at("filled_as").as_string(), "delegate");
  // A provider serving Aino, another client and an outsider: not even whether she exists.
  for (const char* who : {"jussi.siivous", "ebba.lindqvist"}) {
    auto read = As(who, "GET", path);
    ASSERT_TRUE(read);
    EXPECT_TRUE(read->status == 403 || read->status == 404) << who << " " << read->status;
    auto write = As(who, "POST", path, R"({"form_id":")" + form_id + R"(","answers":)" + kAnswers + "}");
    ASSERT_TRUE(write);
    EXPECT_TRUE(write->status == 403 || write->status == 404) << who << " " << write->status;
  }
}

TEST_F(AssessmentApiTest, OutiPublishesVersionThreeAndEachProblemOfTheFormIsNamed) {
  const std::string region = world_->RegionId("pirkanmaa");
  const std::string path = "/api/v1/regions/" + region + "/assessment-forms";
  auto form = Form("outi.koordinaattori");
  form["code"] = "coping_at_home";
  form["questions"].as_array().push_back(
      json::object{{"id", "digital"}, {"type", "yes_no"}, {"text", json::object{{"fi", "Käytättekö älypuhelinta?"}}}});
  auto mikko = As("mikko.neuvoja", "POST", path, json::serialize(form));
  ASSERT_TRUE(mikko);
  EXPECT_EQ(mikko->status, 403) << "an advisor answers forms, a coordinator publishes them";
  auto v3 = Body(As("outi.koordinaattori", "POST", path, json::serialize(form)), 201);
  EXPECT_EQ(v3["version"].as_int64(), 3);
  EXPECT_EQ(v3["questions"].as_array().back().at("required").as_bool(), true);
  EXPECT_EQ(Form("mikko.neuvoja")["version"].as_int64(), 3) << "the desk now answers version 3";
  EXPECT_EQ(Sql("SELECT count(*) FROM access_log WHERE action = 'assessment.form.write'"), "1");

  json::object bad = form;
  bad["code"] = "Coping At Home";
  bad["questions"].as_array()[0].as_object()["type"] = "essay";
  bad["suggestions"].as_array()[0].as_object()["category"] = "astrology";
  auto r = As("outi.koordinaattori", "POST", path, json::serialize(bad));
  ASSERT_TRUE(r);
  ExpectProblemField(*r, "code");
  ExpectProblemField(*r, "questions[0].type");
  ExpectProblemField(*r, "suggestions[0].category");
  EXPECT_EQ(Form("mikko.neuvoja")["version"].as_int64(), 3) << "nothing published";
  auto other_region =
      As("outi.koordinaattori", "POST", "/api/v1/regions/" + world_->RegionId("zollernalbkreis") + "/assessment-forms",
         json::serialize(form));
  ASSERT_TRUE(other_region);
  EXPECT_TRUE(other_region->status == 403 || other_region->status == 404) << other_region->status;
}

}  // namespace
}  // namespace allmende::testing
