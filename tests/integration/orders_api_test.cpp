// Orders and funding over HTTP on the demo region: journey 3 from Sari's voucher decision to
// Aleksi's visit and Aino's confirmation, the split shown to every payer, data minimization
// before acceptance and the access-log entries after it, one winner when two providers accept at
// once, idempotent retries, illegal transitions, escalation on the board, field errors. One demo
// world for the whole file.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <ctime>
#include <thread>

#include "api_helpers.hpp"
#include "demo_world.hpp"
#include "problem_assertions.hpp"
#include "smtp_sink.hpp"

namespace allmende::testing {
namespace {

namespace json = boost::json;

class OrdersApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    sink_ = new SmtpSink();
    world_ = new DemoWorld(
        true, std::vector<std::string>{"--set", "mail.smtp_url=" + sink_->url(), "--set", "mail.poll_ms=50"});
    aino_id_ = world_->UserId("aino.virtanen");
    aleksi_id_ = world_->UserId("aleksi.tyontekija");
    welfare_ = world_->OrgId("Pirkanmaan hyvinvointialue");
    provider_ = world_->OrgId("Hervannan Kotisiivous Oy");
    region_ = world_->RegionId("pirkanmaa");
    for (auto name : {"aino.virtanen", "sari.tilaaja", "jussi.siivous", "aleksi.tyontekija", "outi.koordinaattori"}) {
      sessions_[name] = world_->SignIn(name);
    }
  }
  static void TearDownTestSuite() {
    delete world_;
    delete sink_;
    world_ = nullptr;
    sink_ = nullptr;
  }
  static std::optional<HttpResponse> As(const std::string& who, const std::string& method, const std::string& path,
                                        const std::string& body = "",
                                        std::vector<std::pair<std::string, std::string>> headers = {}) {
    return world_->Call(sessions_.at(who), method, path, body, std::move(headers));
  }
  static std::string VoucherId() {
    auto grants = Body(As("aino.virtanen", "GET", "/api/v1/clients/" + aino_id_ + "/grants"), 200);
    for (const auto& g : grants["items"].as_array()) {
      bool cleaning = false;
      for (const auto& c : g.at("categories").as_array()) cleaning |= c.as_string() == "cleaning";
      if (g.at("kind").as_string() == "voucher" && cleaning) return std::string(g.at("id").as_string());
    }
    return "";
  }
  // Sari's one-off cleaning for Aino, two days ahead, drawn on her voucher.
  static std::string OrderBody(const std::string& date, const std::string& extra = "") {
    return R"({"client_id":")" + aino_id_ + R"(","origin":"purchaser","purchaser_id":")" + welfare_ +
           R"(","category":"cleaning","municipality_code":"fi-837","district_code":"fi-837-hervanta",)"
           R"("language":"fi","needs":"Kaksio, imurointi","address":"Insinöörinkatu 48 B 17, 33720 Tampere",)"
           R"("door_code":"B 2468","duration_minutes":120,"tasks":["Imurointi","Kylpyhuone"],)"
           R"("grants":[")" +
           VoucherId() + R"("],"schedule":{"start_date":")" + date +
           R"(","window_start":"10:00","window_end":"12:00"})" + extra + "}";
  }

  static SmtpSink* sink_;
  static DemoWorld* world_;
  static std::map<std::string, Session> sessions_;
  static std::string aino_id_, aleksi_id_, welfare_, provider_, region_;
};

SmtpSink* OrdersApiTest::sink_ = nullptr;
DemoWorld* OrdersApiTest::world_ = nullptr;
std::map<std::string, Session> OrdersApiTest::sessions_;
std::string OrdersApiTest::aino_id_, OrdersApiTest::aleksi_id_, OrdersApiTest::welfare_, OrdersApiTest::provider_,
    OrdersApiTest::region_;

TEST_F(OrdersApiTest, AVoucherOrderGoesFromDecisionToAConfirmedVisit) {
  // Aino sees her voucher with its balance, and the price net of it before anything is ordered.
  auto grants = Body(As("aino.virtanen", "GET", "/api/v1/clients/" + aino_id_ + "/grants"), 200);
  ASSERT_FALSE(grants["items"].as_array().empty());
  const auto& voucher = grants["items"].as_array()[0].as_object();
  EXPECT_EQ(voucher.at("balance").at("unit").as_string(), "minutes");
  EXPECT_EQ(voucher.at("balance").at("granted").as_int64(), 240);
  auto quote =
      Body(As("aino.virtanen", "POST", "/api/v1/clients/" + aino_id_ + "/funding-quote",
              R"({"grants":[")" + std::string(voucher.at("id").as_string()) +
                  R"("],"category":"cleaning",)"
                  R"("provider_id":")" +
                  provider_ + R"(","date":")" + DaysAhead(2) + R"(","price_cents":7800,"billable_minutes":120})"),
           200);
  EXPECT_EQ(quote["client_cents"].as_int64(), 2200);  // 78.00 € − voucher 28.00 €/h × 2 h
  EXPECT_NE(std::string(quote["explanation"].as_string()).find("56.00"), std::string::npos) << quote["explanation"];

  const std::string date = DaysAhead(2);
  auto placed = Body(As("sari.tilaaja", "POST", "/api/v1/orders", OrderBody(date)), 201);
  ASSERT_EQ(placed["state"].as_string(), "offered") << placed;
  const std::string id(placed["id"].as_string());

  // Before acceptance the offer shows the district and the needs, never who or where exactly.
  auto inbox = Body(As("jussi.siivous", "GET", "/api/v1/organizations/" + provider_ + "/offers"), 200);
  bool seen = false;
  for (const auto& item : inbox["items"].as_array()) {
    if (item.at("order_id").as_string() != id) continue;
    seen = true;
    const auto& order = item.at("order").as_object();
    EXPECT_TRUE(order.at("client_id").is_null());
    EXPECT_TRUE(order.at("client_name").is_null());
    EXPECT_FALSE(order.contains("address"));
    EXPECT_EQ(item.at("place_name").as_string(), "Hervanta");
  }
  EXPECT_TRUE(seen) << "the offer is in Jussi's inbox";
  ExpectProblem(As("jussi.siivous", "GET", "/api/v1/orders/" + id), 403);

  auto accepted = Body(As("jussi.siivous", "POST", "/api/v1/orders/" + id + "/accept"), 200);
  EXPECT_EQ(accepted["state"].as_string(), "accepted");
  EXPECT_EQ(accepted["address"].as_string(), "Insinöörinkatu 48 B 17, 33720 Tampere");
  ASSERT_EQ(accepted["visits"].as_array().size(), 1u);
  // Aino sees that Jussi's company read her order for the delivery.
  auto log = Body(As("aino.virtanen", "GET", "/api/v1/me/access-log?client_id=" + aino_id_), 200);
  bool logged = false;
  for (const auto& e : log["items"].as_array()) {
    logged |= e.at("action").as_string() == "order.read" && e.at("organization_name").is_string() &&
              e.at("organization_name").as_string() == "Hervannan Kotisiivous Oy";
  }
  EXPECT_TRUE(logged) << "the provider's read is in Aino's access log";

  Body(As("jussi.siivous", "POST", "/api/v1/orders/" + id + "/assign", R"({"worker_id":")" + aleksi_id_ + R"("})"),
       200);
  auto day = Body(As("aleksi.tyontekija", "GET", "/api/v1/me/visits?date=" + date), 200);
  std::string visit;
  for (const auto& v : day["items"].as_array()) {
    if (v.at("order_id").as_string() == id) {
      visit = std::string(v.at("id").as_string());
      EXPECT_EQ(v.at("door_code").as_string(), "B 2468");
    }
  }
  ASSERT_FALSE(visit.empty()) << "the visit is on Aleksi's day";
  // Two days ahead nobody checks in; the visit is moved to now, as if the day had come.
  ExpectProblem(As("aleksi.tyontekija", "POST", "/api/v1/visits/" + visit + "/check-in"), 409);
  world_->db().Execute("UPDATE visits SET starts_at = '" + NowPlusMinutes(-10) + "', ends_at = '" +
                       NowPlusMinutes(110) + "' WHERE id = '" + visit + "'");
  Body(As("aleksi.tyontekija", "POST", "/api/v1/visits/" + visit + "/check-in", "", {{"Idempotency-Key", "in-1"}}),
       200);
  // A check-out sent twice on a slow connection records once.
  const std::string out = R"({"done_tasks":["Imurointi"],"note":"Kaikki hyvin"})";
  auto first = Body(
      As("aleksi.tyontekija", "POST", "/api/v1/visits/" + visit + "/check-out", out, {{"Idempotency-Key", "out-1"}}),
      200);
  auto retry = Body(
      As("aleksi.tyontekija", "POST", "/api/v1/visits/" + visit + "/check-out", out, {{"Idempotency-Key", "out-1"}}),
      200);
  EXPECT_EQ(first, retry);
  EXPECT_EQ(first["state"].as_string(), "delivered");
  EXPECT_EQ(first["price_cents"].as_int64(), 3900);  // the agreement's minimum hour at 39.00 €
  std::int64_t sum = 0;
  for (const auto& s : first["split"].at("shares").as_array()) sum += s.at("amount_cents").as_int64();
  EXPECT_EQ(sum, 3900) << "the shares add up to the price";
  EXPECT_EQ(world_->Id("SELECT COUNT(*) FROM grant_uses WHERE visit_id = '" + visit + "'"), "1");

  Body(As("aino.virtanen", "POST", "/api/v1/visits/" + visit + "/confirm"), 200);
  auto done = Body(As("aino.virtanen", "GET", "/api/v1/orders/" + id), 200);
  EXPECT_EQ(done["state"].as_string(), "confirmed");
  // The acceptance reached Aino in Finnish.
  ASSERT_TRUE(sink_->WaitFor(1, std::chrono::seconds(20)));
  bool finnish = false;
  for (const auto& m : sink_->Messages()) finnish |= m.data.find("hyv") != std::string::npos;
  EXPECT_TRUE(finnish);
}

TEST_F(OrdersApiTest, AnIllegalStepAnswersWithTheCurrentState) {
  auto placed = Body(As("sari.tilaaja", "POST", "/api/v1/orders", OrderBody(DaysAhead(3))), 201);
  const std::string id(placed["id"].as_string());
  auto submit = ExpectProblem(As("sari.tilaaja", "POST", "/api/v1/orders/" + id + "/submit"), 409);
  EXPECT_EQ(submit["current_state"].as_string(), "offered");
  Body(As("jussi.siivous", "POST", "/api/v1/orders/" + id + "/accept"), 200);
  auto again = ExpectProblem(As("jussi.siivous", "POST", "/api/v1/orders/" + id + "/accept"), 409);
  EXPECT_EQ(again["current_state"].as_string(), "accepted");
  auto cancelled =
      Body(As("aino.virtanen", "POST", "/api/v1/orders/" + id + "/cancel", R"({"reason":"sairaala"})"), 200);
  EXPECT_EQ(cancelled["state"].as_string(), "cancelled");
  auto late = ExpectProblem(As("aino.virtanen", "POST", "/api/v1/orders/" + id + "/cancel"), 409);
  EXPECT_EQ(late["current_state"].as_string(), "cancelled");
}

TEST_F(OrdersApiTest, ARetriedOrderIsCreatedOnce) {
  const std::string body = OrderBody(DaysAhead(4));
  auto first = Body(As("sari.tilaaja", "POST", "/api/v1/orders", body, {{"Idempotency-Key", "order-once"}}), 201);
  auto second = Body(As("sari.tilaaja", "POST", "/api/v1/orders", body, {{"Idempotency-Key", "order-once"}}), 201);
  EXPECT_EQ(first["id"], second["id"]);
  EXPECT_EQ(world_->Id("SELECT COUNT(*) FROM orders WHERE id = '" + std::string(first["id"].as_string()) + "'"), "1");
}

// Every step of the loop sent twice with one Idempotency-Key, as a phone on a bad connection
// would: the retry gets the first answer (marked Idempotent-Replayed) and nothing happens twice.
TEST_F(OrdersApiTest, EveryStepRetriedWithItsKeyHappensOnce) {
  int n = 0;
  auto twice = [&](const std::string& who, const std::string& path, const std::string& body, int status) {
    const std::vector<std::pair<std::string, std::string>> key{{"Idempotency-Key", "retry-" + std::to_string(++n)}};
    auto first = As(who, "POST", path, body, key);
    auto second = As(who, "POST", path, body, key);
    EXPECT_TRUE(first && second) << path;
    if (!first || !second) return json::object{};
    EXPECT_EQ(first->status, status) << path << ": " << first->body;
    EXPECT_EQ(second->status, first->status) << path;
    EXPECT_EQ(second->body, first->body) << path;
    EXPECT_EQ(second->Header("idempotent-replayed"), "true") << path;
    return first->status == status ? json::parse(first->body).as_object() : json::object{};
  };
  auto count = [&](const std::string& sql) { return world_->Id(sql); };

  // An agreement, a funding decision and an order, each made once.
  const std::string agreements = count("SELECT COUNT(*) FROM framework_agreements");
  twice("sari.tilaaja", "/api/v1/agreements",
        R"({"purchaser_id":")" + welfare_ + R"(","provider_id":")" + world_->OrgId("Ystäväpalvelu Tampere ry") +
            R"(","categories":["shopping"],"municipalities":["fi-837"],"languages":["fi"],"price_model":"hourly",)"
            R"("price_cents":3000,"currency":"EUR","billing_unit_minutes":30,"weekly_capacity_minutes":600,)"
            R"("rank":3,"response_minutes":60,"valid_from":")" +
            DaysAhead(1) + R"("})",
        201);
  EXPECT_EQ(std::stoi(count("SELECT COUNT(*) FROM framework_agreements")), std::stoi(agreements) + 1);
  const std::string grants = count("SELECT COUNT(*) FROM grants");
  twice("sari.tilaaja", "/api/v1/clients/" + aino_id_ + "/grants",
        R"({"payer_id":")" + welfare_ +
            R"(","kind":"voucher","categories":["shopping"],"unit":"hour","quantity":120,"period":"month",)"
            R"("value_cents":2500,"currency":"EUR","valid_from":")" +
            DaysAhead(1) + R"(","decision_reference":"PSHVA/RETRY/1"})",
        201);
  EXPECT_EQ(std::stoi(count("SELECT COUNT(*) FROM grants")), std::stoi(grants) + 1);
  auto order = twice("sari.tilaaja", "/api/v1/orders", OrderBody(DaysAhead(6)), 201);
  const std::string id(order["id"].as_string());
  const std::string path = "/api/v1/orders/" + id;

  // Accept, assign, a message, check-in, check-out, dispute: each once.
  twice("jussi.siivous", path + "/accept", "", 200);
  twice("jussi.siivous", path + "/assign", R"({"worker_id":")" + aleksi_id_ + R"("})", 200);
  twice("aino.virtanen", path + "/messages", R"({"body":"Kiitos!"})", 201);
  EXPECT_EQ(count("SELECT COUNT(*) FROM order_messages WHERE order_id = '" + id + "'"), "1");
  const std::string visit = count("SELECT id FROM visits WHERE order_id = '" + id + "'");
  world_->db().Execute("UPDATE visits SET starts_at = '" + NowPlusMinutes(-10) + "', ends_at = '" +
                       NowPlusMinutes(110) + "' WHERE id = '" + visit + "'");
  twice("aleksi.tyontekija", "/api/v1/visits/" + visit + "/check-in", "", 200);
  twice("aleksi.tyontekija", "/api/v1/visits/" + visit + "/check-out", R"({"done_tasks":[],"note":"ok"})", 200);
  EXPECT_EQ(count("SELECT COUNT(*) FROM grant_uses WHERE visit_id = '" + visit + "'"), "1");
  twice("aino.virtanen", "/api/v1/visits/" + visit + "/dispute", R"({"reason":"Kylpyhuone jäi pesemättä"})", 200);
  for (const char* kind : {"accept", "assign", "check_in", "check_out", "dispute"}) {
    EXPECT_EQ(count("SELECT COUNT(*) FROM order_timeline WHERE order_id = '" + id + "' AND kind = '" + kind + "'"), "1")
        << kind;
  }

  // Decline, route by hand, cancel on other orders; a not-at-home on a visit of its own.
  auto declined = twice("sari.tilaaja", "/api/v1/orders", OrderBody(DaysAhead(7)), 201);
  const std::string second(declined["id"].as_string());
  twice("jussi.siivous", "/api/v1/orders/" + second + "/decline", R"({"reason":"Ei kapasiteettia"})", 200);
  EXPECT_EQ(count("SELECT COUNT(*) FROM order_timeline WHERE order_id = '" + second + "' AND kind = 'reroute'"), "1");
  twice("outi.koordinaattori", "/api/v1/orders/" + second + "/route", "{}", 200);  // the cascade again
  EXPECT_EQ(count("SELECT COUNT(*) FROM order_timeline WHERE order_id = '" + second + "' AND note = 'routed by hand'"),
            "1");
  twice("sari.tilaaja", "/api/v1/orders/" + second + "/cancel", R"({"reason":"Ei tarvita"})", 200);
  EXPECT_EQ(count("SELECT COUNT(*) FROM order_timeline WHERE order_id = '" + second + "' AND kind = 'cancel'"), "1");
  auto third = twice("sari.tilaaja", "/api/v1/orders", OrderBody(DaysAhead(8)), 201);
  const std::string third_id(third["id"].as_string());
  twice("jussi.siivous", "/api/v1/orders/" + third_id + "/accept", "", 200);
  const std::string absent = count("SELECT id FROM visits WHERE order_id = '" + third_id + "'");
  world_->db().Execute("UPDATE visits SET starts_at = '" + NowPlusMinutes(-30) + "', ends_at = '" + NowPlusMinutes(90) +
                       "' WHERE id = '" + absent + "'");
  twice("jussi.siivous", "/api/v1/visits/" + absent + "/not-at-home", R"({"note":"Ei vastannut ovella"})", 200);
  EXPECT_EQ(count("SELECT COUNT(*) FROM grant_uses WHERE visit_id = '" + absent + "'"), "1");
}

TEST_F(OrdersApiTest, TheBoardShowsTheEscalationInWords) {
  auto board = Body(As("outi.koordinaattori", "GET", "/api/v1/regions/" + region_ + "/board?state=escalated"), 200);
  bool found = false;
  for (const auto& o : board["items"].as_array()) {
    if (o.at("escalation_reason").is_string()) {
      const bool orivesi =
          o.at("escalation_reason").as_string() == "no provider with capacity in Orivesi serving in Swedish";
      if (orivesi) {
        EXPECT_EQ(o.at("escalation_code").as_string(), "language+capacity");
      }
      found |= orivesi;
    }
    EXPECT_FALSE(o.as_object().contains("address")) << "the board shows no address";
  }
  EXPECT_TRUE(found) << board;
  EXPECT_GE(board["counts"].at("escalated").as_int64(), 1);
}

TEST_F(OrdersApiTest, TwoProvidersAcceptingAtOnceGetOneWinner) {
  // A second provider with an equal agreement; both get the offer at once.
  const std::string pirkan = world_->OrgId("Pirkan Kotiapu Oy");
  world_->db().Execute("UPDATE framework_agreements SET agreement_rank = 1, offer_count = 2 WHERE purchaser_id = '" +
                       welfare_ + "' AND provider_id IN ('" + provider_ + "', '" + pirkan + "')");
  auto admin = Fetch(world_->port(), "POST", "/api/v1/users",
                     {{"Authorization", std::string("Bearer ") + kAdminToken}, {"Content-Type", "application/json"}},
                     R"({"email":"pirkan.admin@allmende.demo","name":"Pirkan Admin","password":")" +
                         std::string(kDemoPassword) + R"(","language":"fi"})");
  ASSERT_TRUE(admin && admin->status == 201) << (admin ? admin->body : "");
  const std::string admin_id(json::parse(admin->body).at("id").as_string());
  world_->db().Execute("UPDATE users SET demo_account = 1 WHERE id = '" + admin_id + "'");
  world_->db().Execute(
      "INSERT INTO memberships (id, region_id, organization_id, user_id, role, created_at, created_by) VALUES "
      "('mem_pirkan_admin', '" +
      region_ + "', '" + pirkan + "', '" + admin_id + "', 'provider_admin', '2026-11-24T08:00:00.000Z', 'test')");
  Session other = world_->SignIn("pirkan.admin");
  auto placed = Body(As("sari.tilaaja", "POST", "/api/v1/orders", OrderBody(DaysAhead(5))), 201);
  ASSERT_EQ(placed["offers"].as_array().size(), 2u) << placed;
  const std::string path = "/api/v1/orders/" + std::string(placed["id"].as_string()) + "/accept";
  std::optional<HttpResponse> a, b;
  std::thread t1([&] { a = As("jussi.siivous", "POST", path); });
  std::thread t2([&] { b = world_->Call(other, "POST", path); });
  t1.join();
  t2.join();
  ASSERT_TRUE(a && b);
  EXPECT_EQ((a->status == 200) + (b->status == 200), 1) << a->body << " / " << b->body;
  EXPECT_EQ((a->status == 409) + (b->status == 409), 1) << a->body << " / " << b->body;
  world_->db().Execute("UPDATE framework_agreements SET agreement_rank = 2, offer_count = 1 WHERE provider_id = '" +
                       pirkan + "'");
}

TEST_F(OrdersApiTest, WrongInputNamesTheFieldAndWritesNothing) {
  const std::string before = world_->Id("SELECT COUNT(*) FROM orders");
  auto reversed = OrderBody(DaysAhead(2));
  reversed.replace(reversed.find(R"("window_end":"12:00")"), 20, R"("window_end":"09:00")");
  auto r = As("sari.tilaaja", "POST", "/api/v1/orders", reversed);
  ASSERT_TRUE(r);
  ExpectProblemField(*r, "schedule.window_end");
  auto past = OrderBody("2020-01-07");
  auto p = As("sari.tilaaja", "POST", "/api/v1/orders", past);
  ASSERT_TRUE(p);
  ExpectProblemField(*p, "schedule.start_date");
  // A grant paid by an organization of another region.
  const std::string employer = world_->OrgId("Muster Präzisionstechnik GmbH");
  auto g = As("sari.tilaaja", "POST", "/api/v1/clients/" + aino_id_ + "/grants",
              R"({"payer_id":")" + employer +
                  R"(","kind":"voucher","categories":["cleaning"],"unit":"hour","quantity":60,"period":"month",)"
                  R"("value_cents":2800,"currency":"EUR","valid_from":"2030-01-01","decision_reference":"X/1"})");
  ASSERT_TRUE(g);
  EXPECT_EQ(g->status, 403) << g->body;  // Sari may not decide for another organization
  auto currency = As("sari.tilaaja", "POST", "/api/v1/clients/" + aino_id_ + "/grants",
                     R"({"payer_id":")" + welfare_ +
                         R"(","kind":"voucher","categories":["cleaning"],"unit":"hour","quantity":60,)"
                         R"("period":"month","value_cents":2800,"currency":"DKK","valid_from":"2030-01-01",)"
                         R"("decision_reference":"X/2"})");
  ASSERT_TRUE(currency);
  ExpectProblemField(*currency, "currency");
  EXPECT_EQ(world_->Id("SELECT COUNT(*) FROM orders"), before);
}

TEST_F(OrdersApiTest, AVisitorOrdersFromTheShopAndHasAnAccountAfterwards) {
  const std::string tammerfors = world_->OrgId("Tammerfors Hemservice Ab");
  const std::string service =
      world_->Id("SELECT id FROM services WHERE organization_id = '" + tammerfors +
                 "' AND state = 'published' AND published_content LIKE '%\"category\":\"cleaning\"%' LIMIT 1");
  ASSERT_FALSE(service.empty());
  const std::string body =
      R"({"account":{"email":"britta.sjoholm@example.fi","name":"Britta Sjöholm","password":"Hemstädning-varje-tisdag",)"
      R"("language":"sv"},"order":{"service_id":")" +
      service +
      R"(","category":"cleaning","municipality_code":"fi-837","language":"sv","address":"Satakunnankatu 18 A 4, 33210 Tampere",)"
      R"("schedule":{"frequency":"weekly","interval":2,"weekdays":[2],"start_date":")" +
      DaysAhead(7) + R"(","window_start":"10:00","window_end":"12:00"},"duration_minutes":120}})";
  auto r = Fetch(world_->port(), "POST", "/api/v1/shop/orders", {{"Content-Type", "application/json"}}, body);
  auto placed = Body(r, 201);
  ASSERT_FALSE(placed.empty());
  EXPECT_EQ(placed["order"].at("origin").as_string(), "shop");
  EXPECT_EQ(placed["order"].at("state").as_string(), "offered");
  const std::string cookie = r->Header("set-cookie").substr(0, r->Header("set-cookie").find(';'));
  ASSERT_FALSE(cookie.empty());
  // Signed in with the new account: the order is hers.
  Session britta{cookie, std::string(placed["csrf_token"].as_string())};
  auto mine =
      Body(world_->Call(britta, "GET", "/api/v1/orders/" + std::string(placed["order"].at("id").as_string())), 200);
  EXPECT_EQ(mine["viewer"].as_string(), "client");
  // The same address again: an account exists, so sign in instead; nothing is ordered twice.
  auto again = Fetch(world_->port(), "POST", "/api/v1/shop/orders", {{"Content-Type", "application/json"}}, body);
  ASSERT_TRUE(again);
  ExpectProblemField(*again, "account.email");
  EXPECT_EQ(world_->Id("SELECT COUNT(*) FROM orders o JOIN users u ON u.id = o.client_id WHERE u.email = "
                       "'britta.sjoholm@example.fi'"),
            "1");
  // A verification link and the order's confirmation, in Swedish.
  ASSERT_TRUE(sink_->WaitFor(2, std::chrono::seconds(20)));
  bool swedish = false;
  for (const auto& m : sink_->Messages()) {
    swedish |= !m.to.empty() && m.to.at(0) == "britta.sjoholm@example.fi" &&
               m.data.find("Tack för din beställning") != std::string::npos;
  }
  EXPECT_TRUE(swedish);
}

// A shop order goes to one provider: its notice period holds on the server (not only in the form),
// the order names the provider and its first visit from the start, and a service that serves
// single postal code areas gets the orders from them.
TEST_F(OrdersApiTest, AShopOrderKeepsTheProvidersNoticeAndNamesProviderAndFirstVisit) {
  const std::string birkala = world_->OrgId("Birkala Städ & Hem Ab");
  const std::string service =
      world_->Id("SELECT id FROM services WHERE organization_id = '" + birkala +
                 "' AND state = 'published' AND published_content LIKE '%\"category\":\"cleaning\"%' LIMIT 1");
  ASSERT_FALSE(service.empty());
  Session ebba = world_->SignIn("ebba.lindqvist");
  const std::string ebba_id = world_->UserId("ebba.lindqvist");
  auto order = [&](const std::string& date, const std::string& address) {
    return world_->Call(ebba, "POST", "/api/v1/orders",
                        R"({"client_id":")" + ebba_id + R"(","origin":"shop","service_id":")" + service +
                            R"(","category":"cleaning","municipality_code":"fi-837","language":"sv","address":")" +
                            address + R"(","duration_minutes":120,"schedule":{"start_date":")" + date +
                            R"(","window_start":"10:00","window_end":"12:00"}})");
  };
  // Birkala needs a week's notice.
  auto early = ExpectProblem(order(DaysAhead(2), "Satakunnankatu 18 A 4, 33210 Tampere"), 422);
  ASSERT_FALSE(FieldErrors(early).empty());
  EXPECT_TRUE(FieldErrors(early)[0].starts_with("schedule.start_date: This provider needs 7 days' notice"))
      << FieldErrors(early)[0];
  auto placed = Body(order(DaysAhead(9), "Satakunnankatu 18 A 4, 33210 Tampere"), 201);
  EXPECT_EQ(placed["state"].as_string(), "offered");
  EXPECT_EQ(placed["provider_name"].as_string(), "Birkala Städ & Hem Ab");
  EXPECT_TRUE(placed["provider_id"].is_null()) << "the provider is the client's only once it accepts";
  ASSERT_TRUE(placed["first_visit_at"].is_string());
  EXPECT_TRUE(placed["first_visit_at"].as_string().starts_with(DaysAhead(9).substr(0, 4)));
  EXPECT_NE(placed["first_visit_at"].as_string().find("T08:00:00"), std::string::npos)  // 10:00 in Helsinki, winter
      << placed["first_visit_at"];

  // Served by postal code only: 33210 is served, 33720 is not.
  world_->db().Execute(
      "UPDATE services SET published_content = REPLACE(published_content, "
      "'\"municipalities\":[\"fi-604\",\"fi-837\"]', '\"municipalities\":[]') WHERE id = '" +
      service + "'");
  world_->db().Execute(
      "UPDATE services SET published_content = REPLACE(published_content, "
      "'\"postal_codes\":[]', '\"postal_codes\":[\"33210\"]') WHERE id = '" +
      service + "'");
  EXPECT_EQ(Body(order(DaysAhead(10), "Satakunnankatu 18 A 4, 33210 Tampere"), 201)["state"].as_string(), "offered");
  // Elsewhere the order is refused as it is placed, at the address, and nothing is written.
  const std::string before = world_->Id("SELECT COUNT(*) FROM orders");
  auto elsewhere = order(DaysAhead(10), "Insinöörinkatu 48, 33720 Tampere");
  ExpectProblem(elsewhere, 422);
  ExpectProblemField(*elsewhere, "address");
  EXPECT_EQ(world_->Id("SELECT COUNT(*) FROM orders"), before);
}

}  // namespace
}  // namespace allmende::testing
