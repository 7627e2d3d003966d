// Feedback, complaints and the quality score over HTTP (issue 21, journey 7), on both backends:
// Aino's visit is delivered and confirmed, she is asked to rate it and gives 2 stars, which opens
// one follow-up for the coordinators; Liisa files a complaint, Outi takes it through each status
// to closure as upheld with replies Liisa sees (and the staff notes she does not); the provider's
// score drops with each; nobody else reads the case; files are checked by content.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <map>
#include <thread>

#include "api_helpers.hpp"
#include "demo_world.hpp"
#include "problem_assertions.hpp"

namespace allmende::testing {
namespace {

namespace json = boost::json;

class QualityApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new DemoWorld(true);
    for (auto name : {"aino.virtanen", "liisa.virtanen", "outi.koordinaattori", "jussi.siivous", "aleksi.tyontekija",
                      "ebba.lindqvist", "mikko.neuvoja", "sari.tilaaja", "hanna.vapaaehtoinen"}) {
      sessions_[name] = world_->SignIn(name);
    }
    provider_ = world_->OrgId("Hervannan Kotisiivous Oy");
    region_ = world_->Id("SELECT region_id FROM organizations WHERE id = '" + provider_ + "'");
  }
  static void TearDownTestSuite() {
    delete world_;
    world_ = nullptr;
  }
  static std::optional<HttpResponse> As(const std::string& who, const std::string& method, const std::string& path,
                                        const std::string& body = "",
                                        std::vector<std::pair<std::string, std::string>> headers = {}) {
    return world_->Call(sessions_.at(who), method, path, body, headers);
  }
  static std::string Tag(const json::object& o) { return "\"" + std::to_string(o.at("version").as_int64()) + "\""; }
  static double Score() {
    auto r = Fetch(world_->port(), "GET", "/api/v1/providers/" + provider_ + "/quality", {}, "");
    return Body(r, 200)["score"].as_double();
  }
  // Aino's next planned visit, moved to now and delivered by Aleksi.
  static std::string DeliveredVisit() {
    const std::string aino = world_->UserId("aino.virtanen");
    const std::string visit =
        world_->Id("SELECT v.id FROM visits v JOIN orders o ON o.id = v.order_id WHERE o.client_id = '" + aino +
                   "' AND v.state = 'planned' AND v.worker_id IS NOT NULL ORDER BY v.starts_at LIMIT 1");
    EXPECT_EQ(visit.rfind("vis", 0), 0u) << visit;
    world_->db().Execute("UPDATE visits SET starts_at = '" + NowPlusMinutes(-90) + "', ends_at = '" +
                         NowPlusMinutes(30) + "' WHERE id = '" + visit + "'");
    Body(As("aleksi.tyontekija", "POST", "/api/v1/visits/" + visit + "/check-in"), 200);
    Body(As("aleksi.tyontekija", "POST", "/api/v1/visits/" + visit + "/check-out", R"({"done_tasks":[]})"), 200);
    return visit;
  }

  static DemoWorld* world_;
  static std::map<std::string, Session> sessions_;
  static std::string provider_;
  static std::string region_;
};

DemoWorld* QualityApiTest::world_ = nullptr;
std::map<std::string, Session> QualityApiTest::sessions_;
std::string QualityApiTest::provider_;
std::string QualityApiTest::region_;

TEST_F(QualityApiTest, AinoRatesTwoStarsWithOneRequestAndOutiGetsOneFollowUp) {
  const std::string aino = world_->UserId("aino.virtanen");
  const std::string visit = DeliveredVisit();
  const std::string rating = "/api/v1/visits/" + visit + "/rating";
  auto before = Body(As("aino.virtanen", "GET", rating), 200);
  EXPECT_TRUE(before["can_rate"].as_bool());
  EXPECT_TRUE(before["rating"].is_null());
  EXPECT_EQ(before["provider_name"], "Hervannan Kotisiivous Oy");
  EXPECT_EQ(before["visit_state"], "delivered");

  // Confirming asks for a rating: in the bell and by e-mail, in Finnish.
  const std::string asked =
      "SELECT COUNT(*) FROM outbox_messages WHERE recipient = 'aino.virtanen@allmende.demo' AND "
      "subject LIKE 'Allmende: Miten käynti onnistui?%'";
  const int mails_before = std::stoi(world_->Id(asked));
  Body(As("aino.virtanen", "POST", "/api/v1/visits/" + visit + "/confirm"), 200);
  EXPECT_EQ(world_->Id("SELECT COUNT(*) FROM notifications n JOIN notification_audience a ON a.notification_id = n.id "
                       "WHERE n.kind = 'visit.rate' AND n.subject_id = '" +
                       visit + "' AND a.audience = 'user:" + aino + "'"),
            "1");
  EXPECT_EQ(std::stoi(world_->Id(asked)), mails_before + 1);

  const double score_before = Score();
  auto rated = Body(As("aino.virtanen", "PUT", rating, R"({"stars":2,"comment":"Tuli tunnin myöhässä"})"), 201);
  EXPECT_EQ(rated["rating"].at("stars").as_int64(), 2);
  EXPECT_EQ(rated["rating"].at("comment"), "Tuli tunnin myöhässä");
  EXPECT_TRUE(rated["rating"].at("follow_up").as_bool());
  // The same rating again (a double tap) changes nothing and opens no second follow-up.
  auto again = Body(As("aino.virtanen", "PUT", rating, R"({"stars":2,"comment":"Tuli tunnin myöhässä"})"), 200);
  EXPECT_EQ(again["rating"].at("version"), rated["rating"].at("version"));
  EXPECT_EQ(world_->Id("SELECT COUNT(*) FROM quality_cases WHERE kind = 'follow_up' AND visit_id = '" + visit + "'"),
            "1");
  EXPECT_LT(Score(), score_before) << "a poor rating lowers the provider's score";

  auto queue = Body(As("outi.koordinaattori", "GET", "/api/v1/regions/" + region_ + "/quality-cases?state=open"), 200);
  bool found = false;
  for (const auto& k : queue["items"].as_array()) {
    if (k.at("visit_id") == json::value(visit)) {
      found = true;
      EXPECT_EQ(k.at("kind"), "follow_up");
      EXPECT_EQ(k.at("category"), "low_rating");
      EXPECT_EQ(k.at("description"), "Tuli tunnin myöhässä");
      EXPECT_EQ(k.at("client_name"), "Aino Virtanen");
    }
  }
  EXPECT_TRUE(found) << json::serialize(queue);
  EXPECT_GE(queue["counts"].at("received").as_int64(), 1);

  // Stars and comment are checked; nobody else rates the visit.
  ExpectProblemField(*As("aino.virtanen", "PUT", rating, R"({"stars":6})"), "stars");
  ExpectProblemField(*As("aino.virtanen", "PUT", rating, R"({"stars":"two"})"), "stars");
  ExpectProblem(As("ebba.lindqvist", "GET", rating), 403);
  ExpectProblem(As("jussi.siivous", "PUT", rating, R"({"stars":5})"), 403);
  // Jussi's admins read the rating without Aino's name, the visit or its day; nor do they see the
  // follow-up, which would say who rated them low.
  auto theirs = Body(As("jussi.siivous", "GET", "/api/v1/providers/" + provider_ + "/ratings"), 200);
  ASSERT_FALSE(theirs["items"].as_array().empty());
  EXPECT_EQ(json::serialize(theirs).find("Aino"), std::string::npos);
  EXPECT_EQ(json::serialize(theirs).find(visit), std::string::npos);
  for (const auto& r : theirs["items"].as_array()) {
    EXPECT_FALSE(r.as_object().contains("visit_id"));
    EXPECT_FALSE(r.as_object().contains("created_at"));
    EXPECT_EQ(r.at("month").as_string().size(), 7u);
  }
  const std::string follow_up =
      world_->Id("SELECT id FROM quality_cases WHERE kind = 'follow_up' AND visit_id = '" + visit + "'");
  ExpectProblem(As("jussi.siivous", "GET", "/api/v1/quality-cases/" + follow_up), 404);
  auto about_them = Body(As("jussi.siivous", "GET", "/api/v1/organizations/" + provider_ + "/quality-cases"), 200);
  for (const auto& k : about_them["items"].as_array()) EXPECT_NE(k.at("kind"), "follow_up");
  // Liisa, Aino's delegate, looks at the rating: that is in Aino's access log.
  Body(As("liisa.virtanen", "GET", rating), 200);
  EXPECT_NE(world_->Id("SELECT COUNT(*) FROM access_log WHERE action = 'rating.read' AND client_id = '" + aino +
                       "' AND actor_id = '" + world_->UserId("liisa.virtanen") + "'"),
            "0");
  ExpectProblem(As("liisa.virtanen", "GET", "/api/v1/providers/" + provider_ + "/ratings"), 403);
}

TEST_F(QualityApiTest, APlannedVisitCannotBeRated) {
  const std::string aino = world_->UserId("aino.virtanen");
  const std::string planned =
      world_->Id("SELECT v.id FROM visits v JOIN orders o ON o.id = v.order_id WHERE o.client_id = '" + aino +
                 "' AND v.state = 'planned' ORDER BY v.starts_at DESC LIMIT 1");
  auto view = Body(As("aino.virtanen", "GET", "/api/v1/visits/" + planned + "/rating"), 200);
  EXPECT_FALSE(view["can_rate"].as_bool());
  auto refused =
      ExpectProblem(As("aino.virtanen", "PUT", "/api/v1/visits/" + planned + "/rating", R"({"stars":5})"), 409);
  EXPECT_EQ(refused["current_state"], "planned");
}

TEST_F(QualityApiTest, LiisasComplaintGoesThroughEachStatusToClosureAndSheSeesEachStep) {
  const std::string aino = world_->UserId("aino.virtanen");
  const std::string order = world_->Id("SELECT id FROM orders WHERE client_id = '" + aino + "' AND provider_id = '" +
                                       provider_ + "' ORDER BY created_at LIMIT 1");
  auto filed = As("liisa.virtanen", "POST", "/api/v1/quality-cases",
                  R"({"kind":"complaint","category":"punctuality","severity":"medium","description":)"
                  R"("Siivooja tuli tunnin myöhässä eikä ilmoittanut.","order_id":")" +
                      order + R"("})");
  auto k = Body(filed, 201);
  const std::string id(k["id"].as_string());
  EXPECT_EQ(filed->Header("location"), "/api/v1/quality-cases/" + id);
  EXPECT_EQ(k["state"], "received");
  EXPECT_EQ(k["filed_as"], "delegate");
  EXPECT_TRUE(k["filed_by_me"].as_bool());
  EXPECT_EQ(k["client_name"], "Aino Virtanen");
  EXPECT_EQ(k["provider_name"], "Hervannan Kotisiivous Oy");
  EXPECT_GT(k["number"].as_int64(), 0);

  // Liisa and Aino find it among their cases.
  for (auto who : {"liisa.virtanen", "aino.virtanen"}) {
    auto mine = Body(As(who, "GET", "/api/v1/quality-cases/mine"), 200);
    bool listed = false;
    for (const auto& c : mine["items"].as_array()) listed = listed || c.at("id") == json::value(id);
    EXPECT_TRUE(listed) << who;
  }
  // Nobody outside the case reads it.
  for (auto who : {"ebba.lindqvist", "mikko.neuvoja", "aleksi.tyontekija"}) {
    ExpectProblem(As(who, "GET", "/api/v1/quality-cases/" + id), 404);
  }

  // The provider's statement is for the staff handling it, and so is its file.
  ExpectProblemField(*As("jussi.siivous", "POST", "/api/v1/quality-cases/" + id + "/messages",
                         R"({"body":"Liikenneruuhka","visibility":"all"})"),
                     "visibility");
  const std::string report = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
  auto internal = Body(As("jussi.siivous", "POST", "/api/v1/quality-cases/" + id + "/attachments?name=ajoloki.pdf",
                          report, {{"Content-Type", "application/pdf"}}),
                       201);
  const std::string internal_file = "/api/v1/quality-attachments/" + std::string(internal["id"].as_string());
  ExpectProblem(As("liisa.virtanen", "GET", internal_file), 404);
  EXPECT_EQ(As("outi.koordinaattori", "GET", internal_file)->status, 200);
  Body(As("jussi.siivous", "POST", "/api/v1/quality-cases/" + id + "/messages",
          R"({"body":"Liikenneruuhka Hervannassa"})"),
       201);

  const double score_before = Score();
  auto step = [&](const std::string& body) {
    auto current = Body(As("outi.koordinaattori", "GET", "/api/v1/quality-cases/" + id), 200);
    return Body(As("outi.koordinaattori", "POST", "/api/v1/quality-cases/" + id + "/transition", body,
                   {{"If-Match", Tag(current)}}),
                200);
  };
  EXPECT_EQ(step(R"({"to":"investigating","note":"Soitin Jussille."})")["state"], "investigating");
  Body(As("outi.koordinaattori", "POST", "/api/v1/quality-cases/" + id + "/messages",
          R"({"body":"Selvitämme asiaa palveluntuottajan kanssa."})"),
       201);
  EXPECT_EQ(step(R"({"to":"action_taken"})")["state"], "action_taken");
  // Closing needs the resolution and whether it was upheld.
  auto current = Body(As("outi.koordinaattori", "GET", "/api/v1/quality-cases/" + id), 200);
  auto missing = As("outi.koordinaattori", "POST", "/api/v1/quality-cases/" + id + "/transition", R"({"to":"closed"})",
                    {{"If-Match", Tag(current)}});
  ExpectProblemField(*missing, "resolution");
  ExpectProblemField(*missing, "upheld");
  ExpectProblem(As("outi.koordinaattori", "POST", "/api/v1/quality-cases/" + id + "/transition",
                   R"({"to":"closed","resolution":"x","upheld":true})", {{"If-Match", "\"1\""}}),
                412);
  auto closed = step(R"({"to":"closed","upheld":true,"resolution":"Myöhästyminen vahvistui. Palveluntuottaja )"
                     R"(ilmoittaa jatkossa viivästyksistä tekstiviestillä."})");
  EXPECT_EQ(closed["state"], "closed");
  EXPECT_TRUE(closed["upheld"].as_bool());
  EXPECT_FALSE(closed["closed_at"].is_null());
  auto illegal = ExpectProblem(As("outi.koordinaattori", "POST", "/api/v1/quality-cases/" + id + "/transition",
                                  R"({"to":"investigating"})", {{"If-Match", Tag(closed)}}),
                               409);
  EXPECT_EQ(illegal["current_state"], "closed");
  // Only coordinators move a case.
  ExpectProblem(As("jussi.siivous", "POST", "/api/v1/quality-cases/" + id + "/transition", R"({"to":"closed"})",
                   {{"If-Match", Tag(closed)}}),
                403);
  EXPECT_LT(Score(), score_before) << "an upheld complaint lowers the provider's score";

  // Liisa sees every status and Outi's reply, not the notes of the staff.
  auto seen = Body(As("liisa.virtanen", "GET", "/api/v1/quality-cases/" + id), 200);
  std::vector<std::string> states;
  bool reply = false;
  for (const auto& e : seen["events"].as_array()) {
    EXPECT_EQ(e.at("visibility"), "all");
    if (e.at("kind") == "state" || e.at("kind") == "filed") states.emplace_back(e.at("to_state").as_string());
    if (e.at("kind") == "reply") reply = e.at("body") == "Selvitämme asiaa palveluntuottajan kanssa.";
  }
  EXPECT_EQ(states, (std::vector<std::string>{"received", "investigating", "action_taken", "closed"}));
  EXPECT_TRUE(reply);
  EXPECT_EQ(json::serialize(seen).find("Liikenneruuhka"), std::string::npos);
  EXPECT_EQ(json::serialize(seen).find("ajoloki"), std::string::npos);
  EXPECT_EQ(json::serialize(seen).find("Soitin Jussille"), std::string::npos);
  EXPECT_EQ(std::string(seen["resolution"].as_string()).rfind("Myöhästyminen", 0), 0u);
  // Each step reached Liisa in the bell and by e-mail.
  const std::string liisa = world_->UserId("liisa.virtanen");
  EXPECT_EQ(world_->Id("SELECT COUNT(*) FROM notifications n JOIN notification_audience a ON a.notification_id = n.id "
                       "WHERE n.subject_id = '" +
                       id + "' AND a.audience = 'user:" + liisa + "'"),
            "4");  // three changes and a reply
  EXPECT_EQ(world_->Id("SELECT COUNT(*) FROM outbox_messages WHERE recipient = 'liisa.virtanen@allmende.demo' AND "
                       "subject LIKE 'Allmende: Palautteesi #%'"),
            "4");
  // Jussi's reads of the case are in Aino's access log.
  EXPECT_NE(world_->Id("SELECT COUNT(*) FROM access_log WHERE action = 'quality.case.read' AND client_id = '" + aino +
                       "' AND actor_id = '" + world_->UserId("jussi.siivous") + "'"),
            "0");
}

TEST_F(QualityApiTest, FilingChecksEveryFieldAndWhatBelongsTogether) {
  const std::string greta = world_->UserId("greta.sjoberg"), aino = world_->UserId("aino.virtanen");
  const std::string gretas_order = world_->Id("SELECT id FROM orders WHERE client_id = '" + greta + "' LIMIT 1");
  const std::string cases_before = world_->Id("SELECT COUNT(*) FROM quality_cases");
  auto bad =
      As("liisa.virtanen", "POST", "/api/v1/quality-cases",
         R"({"kind":"praise","category":"mood","severity":"urgent","description":"","client_id":")" + aino + R"("})");
  for (auto field : {"kind", "category", "severity", "description"}) ExpectProblemField(*bad, field);
  // A delegate files complaints, not deviations; another client's order is not there.
  ExpectProblemField(*As("liisa.virtanen", "POST", "/api/v1/quality-cases",
                         R"({"kind":"deviation","category":"other","severity":"low","description":"x","client_id":")" +
                             aino + R"("})"),
                     "kind");
  ExpectProblemField(*As("liisa.virtanen", "POST", "/api/v1/quality-cases",
                         R"({"kind":"complaint","category":"other","severity":"low","description":"x","order_id":")" +
                             gretas_order + R"("})"),
                     "order_id");
  ExpectProblemField(*As("liisa.virtanen", "POST", "/api/v1/quality-cases",
                         R"({"kind":"complaint","category":"other","severity":"low","description":"x","extra":1})"),
                     "extra");
  // A provider reports only on the orders it delivers: Hanna's association does not clean for Aino.
  const std::string aino_order = world_->Id("SELECT id FROM orders WHERE client_id = '" + aino + "' LIMIT 1");
  ExpectProblemField(*As("hanna.vapaaehtoinen", "POST", "/api/v1/quality-cases",
                         R"({"kind":"deviation","category":"other","severity":"low","description":"x","order_id":")" +
                             aino_order + R"("})"),
                     "order_id");
  EXPECT_EQ(world_->Id("SELECT COUNT(*) FROM quality_cases"), cases_before) << "nothing was filed";
}

TEST_F(QualityApiTest, AttachmentsAreCheckedByContentAndServedAsDownloadsToTheCaseOnly) {
  auto k =
      Body(As("aino.virtanen", "POST", "/api/v1/quality-cases",
              R"({"kind":"complaint","category":"quality_of_work","severity":"low","description":"Lasku ja kuva"})"),
           201);
  const std::string files =
      "/api/v1/quality-cases/" + std::string(k["id"].as_string()) + "/attachments?name=kuitti.pdf";
  const std::string pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
  auto added = Body(As("aino.virtanen", "POST", files, pdf, {{"Content-Type", "application/pdf"}}), 201);
  EXPECT_EQ(added["file_name"], "kuitti.pdf");
  EXPECT_EQ(added["byte_size"].as_int64(), static_cast<std::int64_t>(pdf.size()));
  ExpectProblemField(
      *As("aino.virtanen", "POST", files, "<html><script>alert(1)</script>", {{"Content-Type", "application/pdf"}}),
      "file");
  ExpectProblem(As("aino.virtanen", "POST", files, "<html></html>", {{"Content-Type", "text/html"}}), 415);
  const std::string url = "/api/v1/quality-attachments/" + std::string(added["id"].as_string());
  auto got = As("outi.koordinaattori", "GET", url);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->status, 200);
  EXPECT_EQ(got->body, pdf);
  EXPECT_EQ(got->Header("content-disposition").rfind("attachment;", 0), 0u);
  EXPECT_EQ(got->Header("x-content-type-options"), "nosniff");
  EXPECT_NE(got->Header("content-security-policy").find("sandbox"), std::string::npos);
  ExpectProblem(As("ebba.lindqvist", "GET", url), 404);
}

TEST_F(QualityApiTest, AnOverdueCaseIsEscalatedOnceToTheCoordinatorsAndThePurchaser) {
  const std::string aino = world_->UserId("aino.virtanen");
  const std::string order = world_->Id("SELECT id FROM orders WHERE client_id = '" + aino + "' AND provider_id = '" +
                                       provider_ + "' AND purchaser_id IS NOT NULL ORDER BY created_at LIMIT 1");
  auto k = Body(As("liisa.virtanen", "POST", "/api/v1/quality-cases",
                   R"({"kind":"complaint","category":"safety","severity":"critical","description":"Ovi jäi auki.",)"
                   R"("order_id":")" +
                       order + R"("})"),
                201);
  const std::string id(k["id"].as_string());
  // A day has passed: the deadline of a critical case is 24 hours. The job of this five-minute
  // period is run again at once.
  world_->db().Execute("UPDATE quality_cases SET due_at = '" + NowPlusMinutes(-1) + "' WHERE id = '" + id + "'");
  world_->db().Execute("DELETE FROM jobs WHERE kind = 'quality.escalate'");
  std::string escalated;
  for (int i = 0; i < 100 && (escalated.empty() || escalated.rfind("ERROR", 0) == 0); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    escalated =
        world_->Id("SELECT escalated_at FROM quality_cases WHERE id = '" + id + "' AND escalated_at IS NOT NULL");
  }
  ASSERT_FALSE(escalated.empty()) << "the escalation job ran within 10 s";
  auto staff = Body(As("outi.koordinaattori", "GET", "/api/v1/quality-cases/" + id), 200);
  EXPECT_TRUE(staff["overdue"].as_bool());
  int escalations = 0;
  for (const auto& e : staff["events"].as_array()) escalations += e.at("kind") == "escalated";
  EXPECT_EQ(escalations, 1);
  auto filer = Body(As("liisa.virtanen", "GET", "/api/v1/quality-cases/" + id), 200);
  for (const auto& e : filer["events"].as_array()) EXPECT_NE(e.at("kind"), "escalated");
  const std::string welfare = world_->OrgId("Pirkanmaan hyvinvointialue");
  EXPECT_EQ(world_->Id("SELECT COUNT(*) FROM notifications n JOIN notification_audience a ON a.notification_id = n.id "
                       "WHERE n.kind = 'quality.case.escalated' AND n.subject_id = '" +
                       id + "' AND a.audience IN ('role:coordinator@" + region_ + "', 'role:purchaser_officer@" +
                       welfare + "')"),
            "2");
  // The queue counts it as overdue.
  auto queue = Body(As("outi.koordinaattori", "GET", "/api/v1/regions/" + region_ + "/quality-cases"), 200);
  EXPECT_GE(queue["counts"].at("overdue").as_int64(), 1);
  EXPECT_EQ(queue["items"].as_array().front().at("id"), json::value(id)) << "the most overdue comes first";
}

TEST_F(QualityApiTest, ACaseIsAssignedToACoordinatorAndWhoeverLeftTheClientNoLongerReadsIt) {
  auto k = Body(As("liisa.virtanen", "POST", "/api/v1/quality-cases",
                   R"({"kind":"complaint","category":"conduct","severity":"low","description":"Epäkohtelias puhelu.",)"
                   R"("client_id":")" +
                       world_->UserId("aino.virtanen") + R"("})"),
                201);
  const std::string id(k["id"].as_string());
  // Only a coordinator of the region takes a case: an advisor could not read it.
  auto current = Body(As("outi.koordinaattori", "GET", "/api/v1/quality-cases/" + id), 200);
  ExpectProblemField(
      *As("outi.koordinaattori", "POST", "/api/v1/quality-cases/" + id + "/assign",
          R"({"assignee_id":")" + world_->UserId("mikko.neuvoja") + R"("})", {{"If-Match", Tag(current)}}),
      "assignee_id");
  auto assigned =
      Body(As("outi.koordinaattori", "POST", "/api/v1/quality-cases/" + id + "/assign",
              R"({"assignee_id":")" + world_->UserId("outi.koordinaattori") + R"("})", {{"If-Match", Tag(current)}}),
           200);
  EXPECT_EQ(std::string(assigned["assignee_name"].as_string()).rfind("Outi", 0), 0u);
  // Liisa's delegation ends: her complaint about her mother is no longer hers to read.
  const std::string liisa = world_->UserId("liisa.virtanen");
  const std::string delegation =
      world_->Id("SELECT id FROM delegations WHERE delegate_id = '" + liisa + "' AND client_id = '" +
                 world_->UserId("aino.virtanen") + "' AND revoked_at IS NULL");
  world_->db().Execute("UPDATE delegations SET revoked_at = '" + NowPlusMinutes(0) + "' WHERE id = '" + delegation +
                       "'");
  ExpectProblem(As("liisa.virtanen", "GET", "/api/v1/quality-cases/" + id), 404);
  auto mine = Body(As("liisa.virtanen", "GET", "/api/v1/quality-cases/mine"), 200);
  for (const auto& c : mine["items"].as_array()) EXPECT_NE(c.at("id"), json::value(id));
  world_->db().Execute("UPDATE delegations SET revoked_at = NULL WHERE id = '" + delegation + "'");
}

}  // namespace
}  // namespace allmende::testing
