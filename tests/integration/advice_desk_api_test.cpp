// The advice desk over HTTP (issue 20), on both backends: Mikko notes a call (the note sealed at
// rest), orders for a client only with her consent, the provider reaches her data through that
// consent only while it holds, and her withdrawal ends the access and cancels the open order.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <set>

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
  // Ebba hears of her order in Swedish; Mikko gets no "your order" mail for hers.
  EXPECT_EQ(Count("SELECT count(*) FROM outbox_messages WHERE recipient = 'ebba.lindqvist@allmende.demo' AND "
                  "subject LIKE 'Allmende: Din beställning har tagits emot%'"),
            "1");
  EXPECT_EQ(Count("SELECT count(*) FROM outbox_messages WHERE recipient = 'mikko.neuvoja@allmende.demo'"), "0");

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
  // The queue comes in pages: a second referral, one a page, oldest first.
  Body(As("mikko.neuvoja", "POST", path,
          R"({"purchaser_id":")" + welfare + R"(","category":"meals","reason":"Ruokailu jää väliin."})"),
       201);
  const std::string queue_path = "/api/v1/organizations/" + welfare + "/referrals?limit=1";
  auto first = Body(As("sari.tilaaja", "GET", queue_path), 200);
  ASSERT_EQ(first["items"].as_array().size(), 1u);
  ASSERT_TRUE(first["next_cursor"].is_string());
  std::set<std::string> seen{std::string(first["items"].as_array()[0].at("id").as_string())};
  std::string cursor(first["next_cursor"].as_string());
  for (int pages = 0; pages < 10 && !cursor.empty(); ++pages) {
    auto page = Body(As("sari.tilaaja", "GET", queue_path + "&cursor=" + cursor), 200);
    for (const auto& q : page["items"].as_array()) {
      EXPECT_TRUE(seen.insert(std::string(q.at("id").as_string())).second) << "each once";
    }
    cursor = page["next_cursor"].is_string() ? std::string(page["next_cursor"].as_string()) : "";
  }
  EXPECT_TRUE(seen.count(id));
  EXPECT_GE(seen.size(), 2u);
  ExpectProblemField(*As("sari.tilaaja", "GET", queue_path + "&cursor=ref_nothing"), "cursor");
  EXPECT_EQ(As("mikko.neuvoja", "GET", "/api/v1/organizations/" + welfare + "/referrals")->status, 403);
  EXPECT_EQ(As("jussi.siivous", "POST", "/api/v1/referrals/" + id + "/decide", R"({"outcome":"declined","note":"x"})")
                ->status,
            404)
      << "a provider learns nothing of it";

  const std::string decide = "/api/v1/referrals/" + id + "/decide";
  ExpectProblemField(*As("sari.tilaaja", "POST", decide, R"({"outcome":"granted"})"), "grant_id");
  ExpectProblemField(*As("sari.tilaaja", "POST", decide, R"({"outcome":"declined"})"), "note");
  ExpectProblemField(*As("sari.tilaaja", "POST", decide, R"({"outcome":"maybe","note":"x"})"), "outcome");
  // Her cleaning voucher is not what this referral asked about: the decision must cover personal care.
  const std::string voucher = world_->Id("SELECT id FROM grants WHERE client_id = '" + aino + "' AND payer_id = '" +
                                         welfare + "' AND categories LIKE '%cleaning%' LIMIT 1");
  ASSERT_FALSE(voucher.empty());
  ExpectProblemField(*As("sari.tilaaja", "POST", decide, R"({"outcome":"granted","grant_id":")" + voucher + R"("})"),
                     "grant_id");
  auto recorded = Body(As("sari.tilaaja", "POST", "/api/v1/clients/" + aino + "/grants",
                          R"({"payer_id":")" + welfare +
                              R"(","kind":"purchased_service","categories":["personal_care"],"unit":"visit",)"
                              R"("quantity":8,"period":"month","fee_cents":1200,"fee_unit":"visit","currency":"EUR",)"
                              R"("valid_from":"2026-01-01","decision_reference":"PSHVA/2026/REF1"})"),
                       201);
  const std::string grant(recorded["id"].as_string());
  auto decided =
      Body(As("sari.tilaaja", "POST", decide, R"({"outcome":"granted","grant_id":")" + grant + R"("})"), 200);
  EXPECT_EQ(decided["state"].as_string(), "granted");
  EXPECT_EQ(decided["grant_id"].as_string(), grant);
  EXPECT_EQ(decided["decided_by_name"].as_string(), "Sari Tilaaja");
  EXPECT_EQ(As("sari.tilaaja", "POST", decide, R"({"outcome":"declined","note":"x"})")->status, 409);

  auto own = Body(As("aino.virtanen", "GET", path), 200);
  std::string outcome;
  for (const auto& f : own["items"].as_array()) {
    if (f.at("id").as_string() == id) outcome = std::string(f.at("state").as_string());
  }
  EXPECT_EQ(outcome, "granted") << "Aino sees the outcome";
}

// Two purchasers of one client: each officer reads the referrals to their own organization only;
// a declined referral ends the access it gave; the queue's pages go on after the officer decides
// the last item of one; listing the queue is in each listed client's log.
TEST_F(AdviceDeskApiTest, EachPurchaserReadsItsOwnReferralsAndADeclinedOneEndsTheAccess) {
  const std::string aino = world_->UserId("aino.virtanen");
  const std::string town = world_->AddOrganization(world_->RegionId("pirkanmaa"), "municipality", "Tampereen kaupunki");
  ASSERT_FALSE(town.empty());
  ASSERT_FALSE(world_->AddStaff("tiina.kunta", town, "purchaser_officer").empty());
  const Session tiina = world_->SignIn("tiina.kunta");
  auto as_tiina = [&](const std::string& method, const std::string& path, const std::string& body = "") {
    return world_->Call(tiina, method, path, body, {{"X-Access-Purpose", "Kuljetuspalvelu"}});
  };
  const std::string path = "/api/v1/clients/" + aino + "/referrals";
  EXPECT_EQ(as_tiina("GET", path)->status, 403) << "not before a referral makes the town her purchaser";
  auto made = Body(As("mikko.neuvoja", "POST", path,
                      R"({"purchaser_id":")" + town + R"(","category":"transport","reason":"Ei pääse bussiin."})"),
                   201);
  const std::string id(made["id"].as_string());

  auto town_sees = Body(as_tiina("GET", path), 200);
  ASSERT_FALSE(town_sees["items"].as_array().empty());
  for (const auto& f : town_sees["items"].as_array()) {
    EXPECT_EQ(f.at("purchaser_id").as_string(), town) << "not the welfare area's reasons";
  }
  auto welfare_sees = Body(As("sari.tilaaja", "GET", path), 200);
  for (const auto& f : welfare_sees["items"].as_array()) {
    EXPECT_NE(f.at("purchaser_id").as_string(), town) << "not the town's";
  }
  Body(As("mikko.neuvoja", "GET", path), 200);  // the desk reads all of them

  // The queue, one a page: listed, Aino's log says so; deciding the page's item keeps the next page coming.
  auto first = Body(as_tiina("GET", "/api/v1/organizations/" + town + "/referrals?limit=1"), 200);
  ASSERT_EQ(first["items"].as_array().size(), 1u);
  EXPECT_NE(Count("SELECT count(*) FROM access_log WHERE action = 'referral.queue' AND client_id = '" + aino +
                  "' AND purpose = 'Kuljetuspalvelu'"),
            "0");
  const std::string cursor(first["items"].as_array()[0].at("id").as_string());
  auto declined = Body(as_tiina("POST", "/api/v1/referrals/" + id + "/decide",
                                R"({"outcome":"declined","note":"Kuuluu sote-alueen kuljetuspalveluun."})"),
                       200);
  EXPECT_EQ(declined["state"].as_string(), "declined");
  EXPECT_EQ(as_tiina("GET", "/api/v1/organizations/" + town + "/referrals?limit=1&cursor=" + cursor)->status, 200)
      << "the cursor's item was decided meanwhile";
  // The town pays for nothing of hers and has nothing else open: its officer no longer reads her.
  EXPECT_EQ(as_tiina("GET", "/api/v1/clients/" + aino)->status, 403);
  EXPECT_EQ(as_tiina("GET", path)->status, 403);
  EXPECT_EQ(Body(As("aino.virtanen", "GET", path), 200)["items"].as_array()[0].at("state").as_string(), "declined");
}

// A day `days` from today (UTC), as YYYY-MM-DD.
std::string DayFromToday(int days) {
  const auto day = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()) + std::chrono::days(days);
  const std::chrono::year_month_day ymd{day};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return text;
}

class ServicePlanApiTest : public AdviceDeskApiTest {
 protected:
  static std::string Aino() { return world_->UserId("aino.virtanen"); }
  static std::string PlanPath() { return "/api/v1/clients/" + Aino() + "/plan"; }
  static std::optional<HttpResponse> OnItem(const std::string& who, const std::string& method, const std::string& path,
                                            const std::string& if_match, const std::string& body = "") {
    std::vector<std::pair<std::string, std::string>> headers{{"X-Access-Purpose", "Neuvontapuhelu"}};
    if (!if_match.empty()) headers.emplace_back("If-Match", if_match);
    return world_->Call(sessions_.at(who), method, path, body, headers);
  }
  // The active item of that kind on Aino's plan.
  static json::object ItemOfKind(const std::string& kind) {
    auto plan = Body(As("mikko.neuvoja", "GET", PlanPath()), 200);
    for (const auto& i : plan["items"].as_array()) {
      if (i.at("kind").as_string() == kind && i.at("state").as_string() == "active") return i.as_object();
    }
    return {};
  }
  static std::string Activity(const std::string& title) {
    return R"({"kind":"activity","title":")" + title +
           R"(","category":"leisure_activities","goal":"Polvi vahvistuu",)"
           R"("follow_up_date":")" +
           DayFromToday(30) + R"("})";
  }
};

// The plan Mikko agreed with Aino a month ago (demo): her voucher, the friendship visits and the
// senior club. Aino, Liisa and the desk read it; her provider, the purchaser and strangers do not.
TEST_F(ServicePlanApiTest, TheDemoPlanIsReadByAinoHerDaughterAndTheDeskOnly) {
  auto plan = Body(As("aino.virtanen", "GET", PlanPath()), 200);
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
  EXPECT_FALSE(by_kind["activity"]["follow_up_due"].as_bool());
  EXPECT_EQ(Body(As("liisa.virtanen", "GET", PlanPath()), 200)["items"].as_array().size(), 3u)
      << "her daughter reads it";
  for (auto who : {"jussi.siivous", "sari.tilaaja", "ebba.lindqvist"}) {
    EXPECT_EQ(As(who, "GET", PlanPath())->status, 403) << who;
  }
  EXPECT_EQ(Body(As("mikko.neuvoja", "GET", PlanPath()), 200)["items"].as_array().size(), 3u);
  EXPECT_NE(Count("SELECT count(*) FROM access_log WHERE action = 'plan.read' AND client_id = '" + Aino() +
                  "' AND actor_id = '" + world_->UserId("mikko.neuvoja") + "' AND purpose = 'Neuvontapuhelu'"),
            "0")
      << "Mikko's look is in her log with his purpose";
}

TEST_F(ServicePlanApiTest, EveryBadPlanFieldIsNamedAndNothingIsWritten) {
  const std::string day = DayFromToday(30);
  const std::string items = PlanPath() + "/items";
  const std::string other_grant =
      world_->Id("SELECT id FROM grants WHERE client_id <> '" + Aino() + "' AND state = 'active' LIMIT 1");
  ASSERT_FALSE(other_grant.empty()) << "another client's decision to try";
  const std::string count = "SELECT count(*) FROM plan_items";
  const std::string before = Count(count);
  const std::string tail = R"(,"goal":"Liikkuu enemmän","follow_up_date":")" + day + R"("})";
  const std::string activity = R"({"kind":"activity","title":"Kerho","category":"leisure_activities")";
  for (const auto& [body, field] : std::vector<std::pair<std::string, std::string>>{
           {R"({"kind":"wish")" + tail, "kind"},
           {R"({"kind":"grant","grant_id":")" + other_grant + R"(")" + tail, "grant_id"},
           {R"({"kind":"grant")" + tail, "grant_id"},
           {R"({"kind":"service","service_id":"svc_nothing")" + tail, "service_id"},
           {R"({"kind":"activity","category":"leisure_activities")" + tail, "title"},
           {R"({"kind":"activity","title":"Kerho","category":"astrology")" + tail, "category"},
           {activity + R"(,"grant_id":"grt_x")" + tail, "grant_id"},
           {activity + R"(,"details":")" + std::string(1001, 'x') + "\"" + tail, "details"},
           {activity + R"(,"goal":"","follow_up_date":")" + day + R"("})", "goal"},
           {activity + R"(,"goal":"  \n ","follow_up_date":")" + day + R"("})", "goal"},
           {activity + R"(,"goal":"x","follow_up_date":"2020-01-01"})", "follow_up_date"},
           {activity + R"(,"goal":"x","follow_up_date":"2026-02-30"})", "follow_up_date"},
           {activity + R"(,"goal":"x","follow_up_date":"2099-01-01"})", "follow_up_date"},
           {activity + R"(,"gaol":"typo")" + tail, "gaol"},
       }) {
    auto r = As("mikko.neuvoja", "POST", items, body);
    ASSERT_TRUE(r) << body;
    ExpectProblemField(*r, field);
  }
  EXPECT_EQ(Count(count), before) << "nothing half-written";
  const std::string id(ItemOfKind("activity")["id"].as_string());
  for (const auto& [body, field] :
       std::vector<std::pair<std::string, std::string>>{{R"({"gaol":"typo"})", "gaol"},
                                                        {R"({})", "goal"},
                                                        {R"({"goal":" "})", "goal"},
                                                        {R"({"state":"ended"})", "state"},
                                                        {R"({"follow_up_date":"2020-01-01"})", "follow_up_date"}}) {
    auto r = OnItem("mikko.neuvoja", "PATCH", "/api/v1/plan-items/" + id, "\"1\"", body);
    ASSERT_TRUE(r) << body;
    ExpectProblemField(*r, field);
  }
  ExpectProblemField(*OnItem("mikko.neuvoja", "PATCH", "/api/v1/plan-items/" + id, "", R"({"goal":"x"})"), "If-Match");
  EXPECT_EQ(Count("SELECT version FROM plan_items WHERE id = '" + id + "'"), "1") << "nothing changed";
}

// Mikko adds the chair gym, sharpens its goal, ends it and takes it up again; each step is in
// Aino's log and a stale form loses nothing.
TEST_F(ServicePlanApiTest, AnActivityIsAddedChangedEndedAndTakenUpAgain) {
  auto added = Body(As("mikko.neuvoja", "POST", PlanPath() + "/items",
                       R"({"kind":"activity","title":"Tuolijumppa","category":"leisure_activities",)"
                       R"("details":"Maanantaisin klo 10 palvelutalolla","goal":"Polvi vahvistuu",)"
                       R"("follow_up_date":")" +
                           DayFromToday(30) + R"("})"),
                    201);
  const std::string id(added["id"].as_string());
  EXPECT_EQ(added["version"].as_int64(), 1);
  EXPECT_EQ(added["created_by_name"].as_string(), "Mikko Neuvoja");
  for (auto column : {"title", "details", "goal"}) {
    EXPECT_EQ(Count(std::string("SELECT ") + column + " FROM plan_items WHERE id = '" + id + "'").rfind("enc1:", 0), 0u)
        << column << " is sealed";
  }
  EXPECT_EQ(Count("SELECT count(*) FROM plan_items WHERE goal LIKE '%Polvi%' OR title LIKE '%jumppa%'"), "0");

  const std::string item = "/api/v1/plan-items/" + id;
  EXPECT_EQ(OnItem("mikko.neuvoja", "PATCH", item, "\"7\"", R"({"goal":"x"})")->status, 412);
  auto changed = OnItem("mikko.neuvoja", "PATCH", item, "\"1\"", R"({"goal":"Polvi vahvistuu ja kävely sujuu"})");
  ASSERT_TRUE(changed);
  auto changed_body = Body(changed, 200);
  EXPECT_EQ(changed_body["goal"].as_string(), "Polvi vahvistuu ja kävely sujuu");
  EXPECT_EQ(changed_body["details"].as_string(), "Maanantaisin klo 10 palvelutalolla") << "only the goal changed";
  EXPECT_EQ(changed->Header("etag"), "\"2\"");
  EXPECT_EQ(OnItem("mikko.neuvoja", "PATCH", item, "\"1\"", R"({"goal":"vanha"})")->status, 412)
      << "a stale form loses nothing";

  auto ended = Body(OnItem("mikko.neuvoja", "POST", item + "/end", "\"2\""), 200);
  EXPECT_EQ(ended["state"].as_string(), "ended");
  EXPECT_TRUE(ended["ended_at"].is_string());
  EXPECT_EQ(ended["goal"].as_string(), "Polvi vahvistuu ja kävely sujuu") << "ending keeps the goal";
  EXPECT_EQ(Body(OnItem("mikko.neuvoja", "POST", item + "/end", "\"3\""), 200)["ended_at"], ended["ended_at"])
      << "ended once";
  auto list = Body(As("aino.virtanen", "GET", PlanPath()), 200)["items"].as_array();
  EXPECT_EQ(list.back().at("id").as_string(), id) << "ended ones after the active ones";
  EXPECT_EQ(list.front().at("state").as_string(), "active");

  auto resumed = Body(OnItem("mikko.neuvoja", "POST", item + "/resume", "\"3\""), 200);
  EXPECT_EQ(resumed["state"].as_string(), "active");
  EXPECT_TRUE(resumed["ended_at"].is_null());
  EXPECT_EQ(OnItem("mikko.neuvoja", "POST", item + "/resume", "\"4\"")->status, 409) << "active already";
  // Its day passed while it rested: taking it up again asks for a new one.
  world_->Id(
      "UPDATE plan_items SET state = 'ended', ended_at = '2026-01-01T00:00:00.000Z', follow_up_date = "
      "'2026-01-05', version = 9 WHERE id = '" +
      id + "'");
  ExpectProblemField(*OnItem("mikko.neuvoja", "POST", item + "/resume", "\"9\""), "follow_up_date");
  auto again = Body(
      OnItem("mikko.neuvoja", "POST", item + "/resume", "\"9\"", R"({"follow_up_date":")" + DayFromToday(7) + "\"}"),
      200);
  EXPECT_EQ(again["follow_up_date"].as_string(), DayFromToday(7));
  EXPECT_NE(Count("SELECT count(*) FROM access_log WHERE action = 'plan.write' AND client_id = '" + Aino() + "'"), "0");
}

// The voucher is on the plan once while active: added again it is refused, and once ended and
// added anew, the old item cannot be taken up beside it.
TEST_F(ServicePlanApiTest, AGrantIsOnThePlanOnceWhileActive) {
  const json::object voucher = ItemOfKind("grant");
  ASSERT_FALSE(voucher.empty());
  const std::string grant(voucher.at("grant_id").as_string());
  const std::string body = R"({"kind":"grant","grant_id":")" + grant +
                           R"(","goal":"Koti pysyy siistinä",)"
                           R"("follow_up_date":")" +
                           DayFromToday(60) + R"("})";
  EXPECT_EQ(As("mikko.neuvoja", "POST", PlanPath() + "/items", body)->status, 409);
  const std::string old_item = "/api/v1/plan-items/" + std::string(voucher.at("id").as_string());
  const std::string version = "\"" + std::to_string(voucher.at("version").as_int64()) + "\"";
  Body(OnItem("mikko.neuvoja", "POST", old_item + "/end", version), 200);
  Body(As("mikko.neuvoja", "POST", PlanPath() + "/items", body), 201);
  const std::string ended_version = "\"" + std::to_string(voucher.at("version").as_int64() + 1) + "\"";
  auto twin = OnItem("mikko.neuvoja", "POST", old_item + "/resume", ended_version,
                     R"({"follow_up_date":")" + DayFromToday(10) + "\"}");
  ASSERT_TRUE(twin);
  EXPECT_EQ(twin->status, 409) << twin->body;
  EXPECT_EQ(Count("SELECT count(*) FROM plan_items WHERE grant_id = '" + grant + "' AND state = 'active'"), "1");
}

// Only the region's desk changes an item; everyone else learns nothing, not even that it exists.
TEST_F(ServicePlanApiTest, OnlyTheDeskChangesAnItem) {
  const json::object activity = ItemOfKind("activity");
  ASSERT_FALSE(activity.empty());
  const std::string item = "/api/v1/plan-items/" + std::string(activity.at("id").as_string());
  const std::string version = "\"" + std::to_string(activity.at("version").as_int64()) + "\"";
  for (auto who : {"aino.virtanen", "liisa.virtanen", "jussi.siivous", "sari.tilaaja", "ebba.lindqvist"}) {
    EXPECT_EQ(OnItem(who, "PATCH", item, version, R"({"goal":"x"})")->status, 404) << who;
    EXPECT_EQ(OnItem(who, "POST", item + "/end", version)->status, 404) << who;
    EXPECT_EQ(OnItem(who, "POST", item + "/resume", version)->status, 404) << who;
    EXPECT_EQ(As(who, "POST", PlanPath() + "/items", Activity("Kerho"))->status, 403) << who;
  }
  EXPECT_EQ(Count("SELECT state FROM plan_items WHERE id = '" + std::string(activity.at("id").as_string()) + "'"),
            "active");
}

}  // namespace
}  // namespace allmende::testing
