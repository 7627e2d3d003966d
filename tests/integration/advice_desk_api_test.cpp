// The advice desk over HTTP (issue 20), on both backends: Mikko notes a call (the note sealed at
// rest), orders for a client only with her consent, the provider reaches her data through that
// consent only while it holds, and her withdrawal ends the access and cancels the open order.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>

#include "api_helpers.hpp"
#include "demo_world.hpp"
#include "problem_assertions.hpp"

namespace allmende::testing {
namespace {

namespace json = boost::json;

class AdviceDeskApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new DemoWorld(true);
    for (auto name : {"mikko.neuvoja", "outi.koordinaattori", "jussi.siivous", "aino.virtanen", "ebba.lindqvist",
                      "liisa.virtanen", "sari.tilaaja"}) {
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
  static std::string Count(const std::string& sql) { return world_->Id(sql); }

  static DemoWorld* world_;
  static std::map<std::string, Session> sessions_;
};

DemoWorld* AdviceDeskApiTest::world_ = nullptr;
std::map<std::string, Session> AdviceDeskApiTest::sessions_;

TEST_F(AdviceDeskApiTest, ACallIsNotedWithItsTopicsAndTheNoteIsSealed) {
  const std::string aino = world_->UserId("aino.virtanen");
  auto topics = Body(As("mikko.neuvoja", "GET", "/api/v1/advice-topics"), 200);
  ASSERT_GE(topics["items"].as_array().size(), 10u);
  EXPECT_EQ(topics["items"].as_array()[0].at("names").at("sv").as_string(), "Hemhjälp och städning");

  auto noted = Body(As("mikko.neuvoja", "POST", "/api/v1/clients/" + aino + "/contacts",
                       R"({"channel":"phone","topics":["home_help","funding","home_help"],"duration_minutes":12,)"
                       R"("outcome":"order_placed","note":"Toivoo siivousta tiistaisin; polvi kipeä."})"),
                    201);
  ASSERT_TRUE(noted.contains("id"));
  EXPECT_EQ(noted["advisor_name"].as_string(), "Mikko Neuvoja");
  EXPECT_EQ(noted["topics"].as_array().size(), 2u) << "a topic once";
  const std::string id(noted["id"].as_string());
  EXPECT_EQ(Count("SELECT note FROM advice_contacts WHERE id = '" + id + "'").rfind("enc1:", 0), 0u)
      << "the note is sealed at rest";
  EXPECT_EQ(Count("SELECT count(*) FROM advice_contacts WHERE note LIKE '%polvi%'"), "0");

  auto list = Body(As("mikko.neuvoja", "GET", "/api/v1/clients/" + aino + "/contacts"), 200);
  ASSERT_FALSE(list["items"].as_array().empty());
  EXPECT_EQ(list["items"].as_array()[0].at("note").as_string(), "Toivoo siivousta tiistaisin; polvi kipeä.");
  // Reading the notes is in Aino's log, with the purpose Mikko stated.
  EXPECT_NE(Count("SELECT count(*) FROM access_log WHERE action = 'advice.contact.read' AND client_id = '" + aino +
                  "' AND purpose = 'Neuvontapuhelu'"),
            "0");
  // Nobody but the region's desk reads or writes them: not the client, her delegate or her provider.
  for (auto who : {"aino.virtanen", "liisa.virtanen", "jussi.siivous"}) {
    EXPECT_EQ(As(who, "GET", "/api/v1/clients/" + aino + "/contacts")->status, 403) << who;
    EXPECT_EQ(As(who, "POST", "/api/v1/clients/" + aino + "/contacts",
                 R"({"channel":"phone","topics":["other"],"duration_minutes":1,"outcome":"informed"})")
                  ->status,
              403)
        << who;
  }
}

TEST_F(AdviceDeskApiTest, EveryBadContactFieldIsNamedAndNothingIsWritten) {
  const std::string aino = world_->UserId("aino.virtanen");
  const std::string before = Count("SELECT count(*) FROM advice_contacts");
  const std::string path = "/api/v1/clients/" + aino + "/contacts";
  const std::vector<std::pair<std::string, std::string>> cases{
      {R"({"channel":"fax","topics":["other"],"duration_minutes":5,"outcome":"informed"})", "channel"},
      {R"({"channel":"phone","topics":["astrology"],"duration_minutes":5,"outcome":"informed"})", "topics"},
      {R"({"channel":"phone","topics":[],"duration_minutes":5,"outcome":"informed"})", "topics"},
      {R"({"channel":"phone","topics":["other"],"duration_minutes":601,"outcome":"informed"})", "duration_minutes"},
      {R"({"channel":"phone","topics":["other"],"duration_minutes":5,"outcome":"solved"})", "outcome"},
      {R"({"channel":"phone","topics":["other"],"duration_minutes":5,"outcome":"informed",)"
       R"("occurred_at":"2999-01-01T10:00:00Z"})",
       "occurred_at"},
      {R"({"channel":"phone","topics":["other"],"duration_minutes":5,"outcome":"informed","note":")" +
           std::string(4001, 'x') + R"("})",
       "note"},
  };
  for (const auto& [body, field] : cases) {
    auto r = As("mikko.neuvoja", "POST", path, body);
    ASSERT_TRUE(r);
    ExpectProblemField(*r, field);
  }
  EXPECT_EQ(Count("SELECT count(*) FROM advice_contacts"), before);
  // No such client: the same answer as another region's client, so ids cannot be probed.
  EXPECT_EQ(As("mikko.neuvoja", "POST", "/api/v1/clients/usr_nobody/contacts",
               R"({"channel":"phone","topics":["other"],"duration_minutes":1,"outcome":"informed"})")
                ->status,
            403);
}

TEST_F(AdviceDeskApiTest, TheProviderReachesTheClientOnlyWhileHerConsentHolds) {
  const std::string ebba = world_->UserId("ebba.lindqvist");
  const std::string hervanta = world_->OrgId("Hervannan Kotisiivous Oy");
  const std::string service =
      world_->Id("SELECT id FROM services WHERE organization_id = '" + hervanta +
                 "' AND state = 'published' AND published_content LIKE '%Kotisiivous Hervannassa%' LIMIT 1");
  ASSERT_FALSE(service.empty());
  auto order_body = [&](const std::string& consent) {
    return R"({"client_id":")" + ebba + R"(","origin":"shop","service_id":")" + service +
           R"(","category":"cleaning","municipality_code":"fi-837","language":"fi",)"
           R"("address":"Insinöörinkatu 48 B 17, 33720 Tampere","duration_minutes":120,)"
           R"("schedule":{"start_date":")" +
           DaysAhead(3) + R"(","window_start":"10:00","window_end":"12:00"})" + consent + "}";
  };
  const std::string orders_before = Count("SELECT count(*) FROM orders");
  // The desk must record her consent; she herself gives none for her own order.
  auto without = As("mikko.neuvoja", "POST", "/api/v1/orders", order_body(""));
  ASSERT_TRUE(without);
  ExpectProblemField(*without, "consent");
  auto bad = As("mikko.neuvoja", "POST", "/api/v1/orders",
                order_body(R"(,"consent":{"given_how":"telepathy","given_by":"Ebba Lindqvist"})"));
  ASSERT_TRUE(bad);
  ExpectProblemField(*bad, "consent.given_how");
  auto own = As("ebba.lindqvist", "POST", "/api/v1/orders",
                order_body(R"(,"consent":{"given_how":"phone","given_by":"Ebba Lindqvist"})"));
  ASSERT_TRUE(own);
  ExpectProblemField(*own, "consent");
  EXPECT_EQ(Count("SELECT count(*) FROM orders"), orders_before);
  EXPECT_EQ(Count("SELECT count(*) FROM client_consents WHERE client_id = '" + ebba + "'"), "0");

  auto placed = Body(As("mikko.neuvoja", "POST", "/api/v1/orders",
                        order_body(R"(,"consent":{"given_how":"phone","given_by":"Ebba Lindqvist"})")),
                     201);
  ASSERT_TRUE(placed.contains("consent_id") && placed["consent_id"].is_string());
  const std::string order(placed["id"].as_string()), consent(placed["consent_id"].as_string());

  // Before acceptance the provider does not reach her record; after it, through the consent.
  EXPECT_EQ(As("jussi.siivous", "GET", "/api/v1/clients/" + ebba)->status, 403);
  Body(As("jussi.siivous", "POST", "/api/v1/orders/" + order + "/accept"), 200);
  EXPECT_EQ(As("jussi.siivous", "GET", "/api/v1/clients/" + ebba)->status, 200);

  // Ebba sees the consent and who recorded it.
  auto consents = Body(As("ebba.lindqvist", "GET", "/api/v1/clients/" + ebba + "/consents"), 200);
  ASSERT_EQ(consents["items"].as_array().size(), 1u);
  auto k = consents["items"].as_array()[0].as_object();
  EXPECT_EQ(k["state"].as_string(), "active");
  EXPECT_EQ(k["recorded_by_name"].as_string(), "Mikko Neuvoja");
  EXPECT_EQ(k["organization_name"].as_string(), "Hervannan Kotisiivous Oy");
  EXPECT_EQ(k["given_how"].as_string(), "phone");
  // Nobody else withdraws it: not the provider, not another client.
  EXPECT_EQ(As("jussi.siivous", "POST", "/api/v1/clients/" + ebba + "/consents/" + consent + "/withdraw")->status, 403);
  EXPECT_EQ(As("aino.virtanen", "POST", "/api/v1/clients/" + ebba + "/consents/" + consent + "/withdraw")->status, 403);

  // An expired consent lets the provider in no more.
  world_->db().Execute("UPDATE client_consents SET valid_until = '2020-01-01T00:00:00.000Z' WHERE id = '" + consent +
                       "'");
  EXPECT_EQ(As("jussi.siivous", "GET", "/api/v1/clients/" + ebba)->status, 403);
  world_->db().Execute("UPDATE client_consents SET valid_until = NULL WHERE id = '" + consent + "'");
  EXPECT_EQ(As("jussi.siivous", "GET", "/api/v1/clients/" + ebba)->status, 200);

  // She withdraws it: the access ends at once and the order is cancelled.
  auto withdrawn =
      Body(As("ebba.lindqvist", "POST", "/api/v1/clients/" + ebba + "/consents/" + consent + "/withdraw"), 200);
  EXPECT_EQ(withdrawn["state"].as_string(), "withdrawn");
  EXPECT_EQ(withdrawn["withdrawn_by_name"].as_string(), "Ebba Lindqvist");
  EXPECT_EQ(As("jussi.siivous", "GET", "/api/v1/clients/" + ebba)->status, 403);
  EXPECT_EQ(Body(As("ebba.lindqvist", "GET", "/api/v1/orders/" + order), 200)["state"].as_string(), "cancelled");
  auto again = As("ebba.lindqvist", "POST", "/api/v1/clients/" + ebba + "/consents/" + consent + "/withdraw");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 409);
  EXPECT_EQ(As("ebba.lindqvist", "POST", "/api/v1/clients/" + ebba + "/consents/cns_none/withdraw")->status, 404);
}

// "Call back in two weeks": on Mikko's list, on the coordinators' board once overdue, done once.
TEST_F(AdviceDeskApiTest, AFollowUpTaskIsOnTheAdvisorsListAndOnTheBoardWhenOverdue) {
  const std::string aino = world_->UserId("aino.virtanen");
  const std::string path = "/api/v1/clients/" + aino + "/tasks";
  const auto in_two_weeks =
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()) + std::chrono::days(14);
  const std::chrono::year_month_day ymd{in_two_weeks};
  char due_text[16];
  std::snprintf(due_text, sizeof due_text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  const std::string due = due_text;
  const std::string count = "SELECT count(*) FROM advice_tasks";
  const std::string before = Count(count);
  struct Case {
    std::string body, field;
  };
  for (const auto& c : std::vector<Case>{
           {R"({"title":"","due_date":")" + due + R"("})", "title"},
           {R"({"title":"Soita","due_date":"2020-01-01"})", "due_date"},
           {R"({"title":"Soita","due_date":"2026-02-30"})", "due_date"},
           {R"({"title":"Soita","due_date":"2099-01-01"})", "due_date"},
           {R"({"title":"Soita","due_date":")" + due + R"(","assigned_to":")" + world_->UserId("jussi.siivous") +
                R"("})",
            "assigned_to"},
           {R"({"due_date":")" + due + R"("})", "title"},
       }) {
    auto r = As("mikko.neuvoja", "POST", path, c.body);
    ASSERT_TRUE(r) << c.body;
    ExpectProblemField(*r, c.field);
  }
  EXPECT_EQ(Count(count), before) << "nothing half-written";
  std::string umlauts;  // 200 characters, 400 bytes: the limit counts characters
  for (int i = 0; i < 200; ++i) umlauts += "ä";
  auto long_title =
      Body(As("mikko.neuvoja", "POST", path, R"({"title":")" + umlauts + R"(","due_date":")" + due + R"("})"), 201);
  world_->Id("DELETE FROM advice_tasks WHERE id = '" + std::string(long_title["id"].as_string()) + "'");

  auto task = Body(As("mikko.neuvoja", "POST", path,
                      R"({"title":"Soita takaisin: alkoiko siivous, polvi?","due_date":")" + due + R"("})"),
                   201);
  EXPECT_EQ(task["state"].as_string(), "open");
  EXPECT_FALSE(task["overdue"].as_bool());
  EXPECT_EQ(task["assigned_to_name"].as_string(), "Mikko Neuvoja");
  EXPECT_EQ(task["client_name"].as_string(), "Aino Virtanen");
  const std::string id(task["id"].as_string());
  EXPECT_EQ(Count("SELECT title FROM advice_tasks WHERE id = '" + id + "'").rfind("enc1:", 0), 0u) << "sealed";
  auto mine = Body(As("mikko.neuvoja", "GET", "/api/v1/me/tasks"), 200);
  bool listed = false;
  for (const auto& t : mine["items"].as_array()) listed |= t.at("id").as_string() == id;
  EXPECT_TRUE(listed) << "on Mikko's list";
  auto of_aino = Body(As("mikko.neuvoja", "GET", path), 200);
  EXPECT_EQ(of_aino["items"].as_array()[0].at("title").as_string(), "Soita takaisin: alkoiko siivous, polvi?");

  // Two weeks on and still open: the board shows it to the coordinator.
  const std::string region = world_->RegionId("pirkanmaa");
  world_->Id("UPDATE advice_tasks SET due_date = '2026-01-05' WHERE id = '" + id + "'");
  auto board = Body(As("outi.koordinaattori", "GET", "/api/v1/regions/" + region + "/overdue-tasks"), 200);
  ASSERT_EQ(board["items"].as_array().size(), 1u);
  EXPECT_TRUE(board["items"].as_array()[0].at("overdue").as_bool());
  EXPECT_EQ(As("mikko.neuvoja", "GET", "/api/v1/regions/" + region + "/overdue-tasks")->status, 403)
      << "the board is the coordinators'";
  // The provider serving Aino neither reads nor closes the desk's tasks.
  EXPECT_EQ(As("jussi.siivous", "GET", path)->status, 403);
  EXPECT_EQ(As("jussi.siivous", "POST", "/api/v1/tasks/" + id + "/done")->status, 404);

  auto done = Body(As("mikko.neuvoja", "POST", "/api/v1/tasks/" + id + "/done"), 200);
  EXPECT_EQ(done["state"].as_string(), "done");
  EXPECT_FALSE(done["overdue"].as_bool());
  auto again = Body(As("mikko.neuvoja", "POST", "/api/v1/tasks/" + id + "/done"), 200);
  EXPECT_EQ(again["done_at"], done["done_at"]) << "done once";
  EXPECT_TRUE(Body(As("outi.koordinaattori", "GET", "/api/v1/regions/" + region + "/overdue-tasks"), 200)["items"]
                  .as_array()
                  .empty());
}

// Mikko refers Aino to the welfare area; Sari finds her in the queue and closes the referral with
// the decision she recorded; Aino sees the outcome.
TEST_F(AdviceDeskApiTest, AReferralWaitsInThePurchasersQueueUntilItsDecisionIsRecorded) {
  const std::string aino = world_->UserId("aino.virtanen");
  const std::string welfare = world_->Id("SELECT id FROM organizations WHERE name = 'Pirkanmaan hyvinvointialue'");
  const std::string provider = world_->Id("SELECT id FROM organizations WHERE name = 'Hervannan Kotisiivous Oy'");
  const std::string path = "/api/v1/clients/" + aino + "/referrals";
  const std::string body = R"({"purchaser_id":")" + welfare +
                           R"(","category":"personal_care","reason":"Peseytyminen ei enää onnistu yksin; polvi."})";
  for (const auto& [bad, field] : std::vector<std::pair<std::string, std::string>>{
           {R"({"purchaser_id":")" + provider + R"(","category":"personal_care","reason":"x"})", "purchaser_id"},
           {R"({"purchaser_id":")" + welfare + R"(","category":"astrology","reason":"x"})", "category"},
           {R"({"purchaser_id":")" + welfare + R"(","category":"personal_care","reason":""})", "reason"},
           {R"({"category":"personal_care","reason":"x"})", "purchaser_id"}}) {
    auto r = As("mikko.neuvoja", "POST", path, bad);
    ASSERT_TRUE(r) << bad;
    ExpectProblemField(*r, field);
  }
  auto made = Body(As("mikko.neuvoja", "POST", path, body), 201);
  EXPECT_EQ(made["state"].as_string(), "open");
  EXPECT_EQ(made["purchaser_name"].as_string(), "Pirkanmaan hyvinvointialue");
  const std::string id(made["id"].as_string());
  EXPECT_EQ(Count("SELECT reason FROM referrals WHERE id = '" + id + "'").rfind("enc1:", 0), 0u) << "sealed";
  EXPECT_EQ(As("mikko.neuvoja", "POST", path, body)->status, 409) << "the queue has it already";

  auto queue = Body(As("sari.tilaaja", "GET", "/api/v1/organizations/" + welfare + "/referrals"), 200);
  bool queued = false;
  for (const auto& q : queue["items"].as_array()) {
    if (q.at("id").as_string() != id) continue;
    queued = true;
    EXPECT_EQ(q.at("reason").as_string(), "Peseytyminen ei enää onnistu yksin; polvi.");
    EXPECT_EQ(q.at("client_name").as_string(), "Aino Virtanen");
  }
  EXPECT_TRUE(queued);
  EXPECT_EQ(As("mikko.neuvoja", "GET", "/api/v1/organizations/" + welfare + "/referrals")->status, 403);
  EXPECT_EQ(As("jussi.siivous", "POST", "/api/v1/referrals/" + id + "/decide", R"({"outcome":"declined","note":"x"})")
                ->status,
            404)
      << "a provider learns nothing of it";

  const std::string decide = "/api/v1/referrals/" + id + "/decide";
  ExpectProblemField(*As("sari.tilaaja", "POST", decide, R"({"outcome":"granted"})"), "grant_id");
  ExpectProblemField(*As("sari.tilaaja", "POST", decide, R"({"outcome":"declined"})"), "note");
  ExpectProblemField(*As("sari.tilaaja", "POST", decide, R"({"outcome":"maybe","note":"x"})"), "outcome");
  const std::string grant =
      world_->Id("SELECT id FROM grants WHERE client_id = '" + aino + "' AND payer_id = '" + welfare + "' LIMIT 1");
  ASSERT_FALSE(grant.empty());
  auto decided =
      Body(As("sari.tilaaja", "POST", decide, R"({"outcome":"granted","grant_id":")" + grant + R"("})"), 200);
  EXPECT_EQ(decided["state"].as_string(), "granted");
  EXPECT_EQ(decided["grant_id"].as_string(), grant);
  EXPECT_EQ(decided["decided_by_name"].as_string(), "Sari Tilaaja");
  EXPECT_EQ(As("sari.tilaaja", "POST", decide, R"({"outcome":"declined","note":"x"})")->status, 409);

  auto own = Body(As("aino.virtanen", "GET", path), 200);
  ASSERT_FALSE(own["items"].as_array().empty());
  EXPECT_EQ(own["items"].as_array()[0].at("state").as_string(), "granted");
}

// The plan Mikko agreed with Aino a month ago (demo): her voucher, the friendship visits and the
// senior club. He adds an activity, changes and ends it with If-Match; Aino and Liisa read the
// plan, her provider and the purchaser do not; every bad field is named and nothing is written.
TEST_F(AdviceDeskApiTest, TheServicePlanIsKeptByTheDeskAndReadByAinoAndHerDaughter) {
  const std::string aino = world_->UserId("aino.virtanen");
  const std::string path = "/api/v1/clients/" + aino + "/plan";
  auto plan = Body(As("aino.virtanen", "GET", path), 200);
  EXPECT_EQ(plan["client_name"].as_string(), "Aino Virtanen");
  std::map<std::string, json::object> by_kind;
  for (const auto& i : plan["items"].as_array()) by_kind[std::string(i.at("kind").as_string())] = i.as_object();
  ASSERT_EQ(by_kind.size(), 3u) << json::serialize(plan);
  EXPECT_EQ(by_kind["grant"]["organization_name"].as_string(), "Pirkanmaan hyvinvointialue");
  EXPECT_EQ(by_kind["grant"]["grant_kind"].as_string(), "voucher");
  EXPECT_EQ(by_kind["service"]["organization_name"].as_string(), "Ystäväpalvelu Tampere ry");
  EXPECT_EQ(by_kind["service"]["name"].at("fi").as_string(), "Ystäväpalvelu");
  EXPECT_EQ(by_kind["activity"]["title"].as_string(), "Hervannan seniorikerho");
  EXPECT_FALSE(by_kind["activity"]["goal"].as_string().empty());
  EXPECT_EQ(Body(As("liisa.virtanen", "GET", path), 200)["items"].as_array().size(), 3u) << "her daughter reads it";
  for (auto who : {"jussi.siivous", "sari.tilaaja", "ebba.lindqvist"}) {
    EXPECT_EQ(As(who, "GET", path)->status, 403) << who;
  }
  EXPECT_EQ(Body(As("mikko.neuvoja", "GET", path), 200)["items"].as_array().size(), 3u);
  EXPECT_NE(Count("SELECT count(*) FROM access_log WHERE action = 'plan.read' AND client_id = '" + aino +
                  "' AND purpose = 'Neuvontapuhelu'"),
            "0")
      << "Mikko's look is in her log with his purpose";

  const auto in_a_month =
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()) + std::chrono::days(30);
  const std::chrono::year_month_day ymd{in_a_month};
  char day_text[16];
  std::snprintf(day_text, sizeof day_text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  const std::string day = day_text;
  const std::string items = path + "/items";
  const std::string other_grant =
      world_->Id("SELECT id FROM grants WHERE client_id <> '" + aino + "' AND state = 'active' LIMIT 1");
  const std::string count = "SELECT count(*) FROM plan_items";
  const std::string before = Count(count);
  const std::string tail = R"(,"goal":"Liikkuu enemmän","follow_up_date":")" + day + R"("})";
  for (const auto& [body, field] : std::vector<std::pair<std::string, std::string>>{
           {R"({"kind":"wish")" + tail, "kind"},
           {R"({"kind":"grant","grant_id":")" + other_grant + R"(")" + tail, "grant_id"},
           {R"({"kind":"grant")" + tail, "grant_id"},
           {R"({"kind":"service","service_id":"svc_nothing")" + tail, "service_id"},
           {R"({"kind":"activity","category":"leisure_activities")" + tail, "title"},
           {R"({"kind":"activity","title":"Kerho","category":"astrology")" + tail, "category"},
           {R"({"kind":"activity","title":"Kerho","category":"leisure_activities","details":")" +
                std::string(1001, 'x') + "\"" + tail,
            "details"},
           {R"({"kind":"activity","title":"Kerho","category":"leisure_activities","goal":"","follow_up_date":")" + day +
                R"("})",
            "goal"},
           {R"({"kind":"activity","title":"Kerho","category":"leisure_activities","goal":"x",)"
            R"("follow_up_date":"2020-01-01"})",
            "follow_up_date"},
           {R"({"kind":"activity","title":"Kerho","category":"leisure_activities","goal":"x",)"
            R"("follow_up_date":"2026-02-30"})",
            "follow_up_date"},
       }) {
    auto r = As("mikko.neuvoja", "POST", items, body);
    ASSERT_TRUE(r) << body;
    ExpectProblemField(*r, field);
  }
  EXPECT_EQ(Count(count), before) << "nothing half-written";
  auto twin =
      As("mikko.neuvoja", "POST", items,
         R"({"kind":"grant","grant_id":")" + std::string(by_kind["grant"]["grant_id"].as_string()) + R"(")" + tail);
  ASSERT_TRUE(twin);
  EXPECT_EQ(twin->status, 409) << "the voucher is on the plan already";
  for (auto who : {"aino.virtanen", "liisa.virtanen", "jussi.siivous"}) {
    EXPECT_EQ(
        As(who, "POST", items, R"({"kind":"activity","title":"Kerho","category":"leisure_activities")" + tail)->status,
        403)
        << who << " reads the plan but does not keep it";
  }

  auto added = Body(As("mikko.neuvoja", "POST", items,
                       R"({"kind":"activity","title":"Tuolijumppa","category":"leisure_activities",)"
                       R"("details":"Maanantaisin klo 10 palvelutalolla","goal":"Polvi vahvistuu",)"
                       R"("follow_up_date":")" +
                           day + R"("})"),
                    201);
  const std::string id(added["id"].as_string());
  EXPECT_EQ(added["version"].as_int64(), 1);
  EXPECT_EQ(added["created_by_name"].as_string(), "Mikko Neuvoja");
  for (auto column : {"title", "details", "goal"}) {
    EXPECT_EQ(Count(std::string("SELECT ") + column + " FROM plan_items WHERE id = '" + id + "'").rfind("enc1:", 0), 0u)
        << column << " is sealed";
  }
  EXPECT_EQ(Count("SELECT count(*) FROM plan_items WHERE goal LIKE '%Polvi%' OR title LIKE '%jumppa%'"), "0");

  const std::string item_path = "/api/v1/plan-items/" + id;
  auto patch = [&](const std::string& who, const std::string& if_match, const std::string& body) {
    std::vector<std::pair<std::string, std::string>> headers{{"X-Access-Purpose", "Neuvontapuhelu"}};
    if (!if_match.empty()) headers.emplace_back("If-Match", if_match);
    return world_->Call(sessions_.at(who), "PATCH", item_path, body, headers);
  };
  ExpectProblemField(*patch("mikko.neuvoja", "", R"({"goal":"x"})"), "If-Match");
  EXPECT_EQ(patch("mikko.neuvoja", "\"7\"", R"({"goal":"Polvi vahvistuu ja kävely sujuu"})")->status, 412);
  ExpectProblemField(*patch("mikko.neuvoja", "\"1\"", R"({"state":"paused"})"), "state");
  ExpectProblemField(*patch("mikko.neuvoja", "\"1\"", R"({"follow_up_date":"2020-01-01"})"), "follow_up_date");
  EXPECT_EQ(patch("jussi.siivous", "\"1\"", R"({"goal":"x"})")->status, 404) << "not even that it exists";
  EXPECT_EQ(patch("aino.virtanen", "\"1\"", R"({"goal":"x"})")->status, 404);
  auto changed = patch("mikko.neuvoja", "\"1\"", R"({"goal":"Polvi vahvistuu ja kävely sujuu"})");
  ASSERT_TRUE(changed);
  auto changed_body = Body(changed, 200);
  EXPECT_EQ(changed_body["goal"].as_string(), "Polvi vahvistuu ja kävely sujuu");
  EXPECT_EQ(changed_body["version"].as_int64(), 2);
  EXPECT_EQ(changed->Header("etag"), "\"2\"");
  EXPECT_EQ(patch("mikko.neuvoja", "\"1\"", R"({"goal":"vanha"})")->status, 412) << "a stale form loses nothing";
  auto ended = Body(patch("mikko.neuvoja", "\"2\"", R"({"state":"ended"})"), 200);
  EXPECT_EQ(ended["state"].as_string(), "ended");
  EXPECT_TRUE(ended["ended_at"].is_string());
  EXPECT_EQ(ended["goal"].as_string(), "Polvi vahvistuu ja kävely sujuu") << "ending keeps the goal";
  EXPECT_NE(Count("SELECT count(*) FROM access_log WHERE action = 'plan.write' AND client_id = '" + aino + "'"), "0");
  auto after = Body(As("aino.virtanen", "GET", path), 200);
  const auto& list = after["items"].as_array();
  ASSERT_EQ(list.size(), 4u);
  EXPECT_EQ(list.back().at("id").as_string(), id) << "ended ones after the active ones";
  EXPECT_EQ(list.front().at("state").as_string(), "active");
}

}  // namespace
}  // namespace allmende::testing
