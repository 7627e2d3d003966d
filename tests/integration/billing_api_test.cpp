// Billing runs over HTTP (issue 21, journey 6), on both backends: Sari bills the month of Aino's
// delivered cleaning that the demo seeds (four or five Tuesdays: two confirmed visits on her
// voucher, one she disputes, one where she was not at home); every total reconciles with the
// lines to the cent, the disputed visit is listed and not billed, a locked run never changes (409,
// and the database refuses too), the CSV holds the same numbers, and nobody else sees the run.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <set>
#include <sstream>

#include "api_helpers.hpp"
#include "demo_world.hpp"
#include "problem_assertions.hpp"

namespace allmende::testing {
namespace {

namespace json = boost::json;

class BillingApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new DemoWorld(true);
    for (auto name : {"sari.tilaaja", "jussi.siivous", "mikko.neuvoja", "aino.virtanen"}) {
      sessions_[name] = world_->SignIn(name);
    }
    welfare_ = world_->OrgId("Pirkanmaan hyvinvointialue");
    // The month the demo delivered (the previous one, in Helsinki).
    month_ = world_->Id("SELECT substr(MIN(local_date), 1, 7) FROM visits WHERE state = 'disputed'");
  }
  static void TearDownTestSuite() {
    delete world_;
    world_ = nullptr;
  }
  static std::optional<HttpResponse> As(const std::string& who, const std::string& method, const std::string& path,
                                        const std::string& body = "", const std::string& if_match = "") {
    std::vector<std::pair<std::string, std::string>> headers{{"X-Access-Purpose", "Laskutus"}};
    if (!if_match.empty()) headers.emplace_back("If-Match", if_match);
    return world_->Call(sessions_.at(who), method, path, body, headers);
  }
  static std::string Tag(const json::object& run) { return "\"" + std::to_string(run.at("version").as_int64()) + "\""; }
  static std::vector<json::object> AllLines(const std::string& who, const std::string& run_id) {
    std::vector<json::object> out;
    std::string cursor;
    for (int page = 0; page < 100; ++page) {
      auto body =
          Body(As(who, "GET",
                  "/api/v1/billing-runs/" + run_id + "/lines?limit=3" + (cursor.empty() ? "" : "&cursor=" + cursor)),
               200);
      for (const auto& l : body["items"].as_array()) out.push_back(l.as_object());
      if (body["next_cursor"].is_null()) break;
      cursor = std::string(body["next_cursor"].as_string());
    }
    return out;
  }
  static std::int64_t Sum(const json::array& totals) {
    std::int64_t sum = 0;
    for (const auto& t : totals) sum += t.at("amount_cents").as_int64();
    return sum;
  }

  static DemoWorld* world_;
  static std::map<std::string, Session> sessions_;
  static std::string welfare_;
  static std::string month_;
};

DemoWorld* BillingApiTest::world_ = nullptr;
std::map<std::string, Session> BillingApiTest::sessions_;
std::string BillingApiTest::welfare_;
std::string BillingApiTest::month_;

TEST_F(BillingApiTest, SariBillsTheMonthAndEveryTotalReconcilesWithTheLines) {
  ASSERT_EQ(month_.size(), 7u) << "the demo delivered a month: " << month_;
  const std::string aino = world_->UserId("aino.virtanen");
  const std::string runs = "/api/v1/organizations/" + welfare_ + "/billing-runs";
  auto made = As("sari.tilaaja", "POST", runs, R"({"period":")" + month_ + R"("})");
  auto run = Body(made, 201);
  ASSERT_TRUE(run.contains("id"));
  const std::string id(run["id"].as_string());
  EXPECT_EQ(made->Header("location"), "/api/v1/billing-runs/" + id);
  EXPECT_EQ(run["state"], "draft");
  EXPECT_EQ(run["currency"], "EUR");
  EXPECT_EQ(run["period_start"].as_string(), month_ + "-01");

  // Hand-computed from the demo: 39.00 €/h in started quarter hours; Aino's voucher 28.00 €/h for
  // 4 h a month. 1st visit 2 h = 78.00: voucher 56.00, Aino 22.00. 2nd visit 2 h 25 min → 2 h 30
  // = 97.50: the voucher's last 2 h 56.00, Aino 41.50. 3rd disputed: not billed. 4th not at home,
  // charged in full by the agreement: 78.00, all Aino's (the voucher is used up).
  auto lines = AllLines("sari.tilaaja", id);
  std::map<std::string, std::vector<json::object>> by_visit;
  std::vector<std::string> order;
  for (const auto& l : lines) {
    std::string visit(l.at("visit_id").as_string());
    if (!by_visit.count(visit)) order.push_back(visit);
    by_visit[visit].push_back(l);
  }
  ASSERT_GE(order.size(), 3u);
  auto amounts = [&](const std::string& visit) {
    std::vector<std::pair<std::string, std::int64_t>> out;
    for (const auto& l : by_visit[visit]) {
      out.emplace_back(std::string(l.at("rule").as_string()), l.at("amount_cents").as_int64());
    }
    return out;
  };
  using Amounts = std::vector<std::pair<std::string, std::int64_t>>;
  EXPECT_EQ(amounts(order[0]), (Amounts{{"voucher_per_hour", 5600}, {"client_rest", 2200}}));
  EXPECT_EQ(amounts(order[1]), (Amounts{{"voucher_per_hour", 5600}, {"client_rest", 4150}}));
  EXPECT_EQ(by_visit[order[1]][0].at("minutes").as_int64(), 150);
  EXPECT_EQ(amounts(order[2]), (Amounts{{"client_rest", 7800}}));
  EXPECT_EQ(by_visit[order[2]][0].at("charge"), "no_show");
  for (const auto& l : lines) {
    EXPECT_EQ(l.at("client_id").as_string(), aino);
    EXPECT_EQ(l.at("provider_name"), "Hervannan Kotisiivous Oy");
    EXPECT_EQ(std::string(l.at("price_source").as_string()).rfind("agreement:", 0), 0u);
    if (l.at("payer_kind") == "client") {
      EXPECT_EQ(l.at("payer_name"), "Aino Virtanen");
    } else {
      EXPECT_EQ(l.at("payer_name"), "Pirkanmaan hyvinvointialue");
    }
  }

  // Every total is the sum of its lines, to the cent: per payer, per provider and overall.
  std::int64_t sum = 0;
  std::map<std::string, std::int64_t> per_payer;
  for (const auto& l : lines) {
    sum += l.at("amount_cents").as_int64();
    per_payer[std::string(l.at("payer_kind").as_string())] += l.at("amount_cents").as_int64();
  }
  auto summary = Body(As("sari.tilaaja", "GET", "/api/v1/billing-runs/" + id), 200);
  EXPECT_EQ(summary["total_cents"].as_int64(), sum);
  EXPECT_EQ(summary["line_count"].as_int64(), static_cast<std::int64_t>(lines.size()));
  EXPECT_EQ(Sum(summary["by_payer"].as_array()), sum);
  EXPECT_EQ(Sum(summary["by_provider"].as_array()), sum);
  for (const auto& t : summary["by_payer"].as_array()) {
    EXPECT_EQ(t.at("amount_cents").as_int64(), per_payer[std::string(t.at("kind").as_string())]);
  }
  EXPECT_EQ(per_payer["organization"], 11200);
  // The disputed visit is listed for review with Aino's words, and billed by no line.
  const auto& unbilled = summary["unbilled"].as_array();
  ASSERT_EQ(unbilled.size(), 1u) << json::serialize(unbilled);
  EXPECT_EQ(unbilled[0].at("state"), "disputed");
  EXPECT_NE(std::string(unbilled[0].at("reason").as_string()).find("Kylpyhuone"), std::string::npos);
  EXPECT_FALSE(by_visit.count(std::string(unbilled[0].at("visit_id").as_string())));
  // Reading the lines is in Aino's access log, with the purpose Sari gave.
  EXPECT_NE(world_->Id("SELECT count(*) FROM access_log WHERE action = 'billing.lines.read' AND client_id = '" + aino +
                       "' AND purpose = 'Laskutus'"),
            "0");

  // Only a locked run is exported; locking needs the version read.
  EXPECT_EQ(As("sari.tilaaja", "GET", "/api/v1/billing-runs/" + id + "/export.csv")->status, 409);
  EXPECT_EQ(As("sari.tilaaja", "POST", "/api/v1/billing-runs/" + id + "/lock", "", "\"999\"")->status, 412);
  auto locked = Body(As("sari.tilaaja", "POST", "/api/v1/billing-runs/" + id + "/lock", "", Tag(summary)), 200);
  EXPECT_EQ(locked["state"], "locked");
  EXPECT_EQ(locked["total_cents"].as_int64(), sum);

  // A locked run never changes: 409 naming the state, and the database refuses as well.
  for (const auto* step : {"collect", "lock", "discard"}) {
    auto refused = Body(As("sari.tilaaja", "POST", "/api/v1/billing-runs/" + id + "/" + step, "", Tag(locked)), 409);
    EXPECT_EQ(refused["current_state"], "locked") << step;
  }
  EXPECT_EQ(world_->Id("UPDATE billing_lines SET amount_cents = 1 WHERE run_id = '" + id + "'").rfind("ERROR", 0), 0u);
  EXPECT_EQ(world_->Id("DELETE FROM billing_lines WHERE run_id = '" + id + "'").rfind("ERROR", 0), 0u);
  EXPECT_EQ(world_->Id("UPDATE billing_runs SET total_cents = 0 WHERE id = '" + id + "'").rfind("ERROR", 0), 0u);
  // Nor by the side doors: a new line in it, a replaced run or line, the whole table at once.
  const std::string first_line = world_->Id("SELECT id FROM billing_lines WHERE run_id = '" + id + "' AND seq = 1");
  EXPECT_EQ(world_
                ->Id("INSERT INTO billing_lines SELECT 'bil_extra', run_id, 99, kind, corrects_line_id, visit_id, 99, "
                     "order_id, provider_id, client_id, payer_kind, payer_id, paid_to, grant_id, visit_date, charge, "
                     "charge_bp, minutes, visit_price_cents, amount_cents, vat_rate_bp, rule, rate_cents, "
                     "basis_points, price_source FROM billing_lines WHERE id = '" +
                     first_line + "'")
                .rfind("ERROR", 0),
            0u);
  if (TestBackend() == "sqlite") {
    EXPECT_EQ(world_
                  ->Id("INSERT OR REPLACE INTO billing_runs SELECT id, region_id, purchaser_id, period_start, "
                       "period_end, currency, 'draft', line_count, total_cents, created_by, created_at, collected_at, "
                       "NULL, NULL, version FROM billing_runs WHERE id = '" +
                       id + "'")
                  .rfind("ERROR", 0),
              0u);
    EXPECT_EQ(world_
                  ->Id("INSERT OR REPLACE INTO billing_lines SELECT id, run_id, seq, kind, corrects_line_id, visit_id, "
                       "share_index, order_id, provider_id, client_id, payer_kind, payer_id, paid_to, grant_id, "
                       "visit_date, charge, charge_bp, minutes, visit_price_cents, 1, vat_rate_bp, rule, rate_cents, "
                       "basis_points, price_source FROM billing_lines WHERE id = '" +
                       first_line + "'")
                  .rfind("ERROR", 0),
              0u);
  } else {
    EXPECT_EQ(world_->Id("TRUNCATE billing_lines").rfind("ERROR", 0), 0u);
    EXPECT_EQ(world_->Id("TRUNCATE billing_runs CASCADE").rfind("ERROR", 0), 0u);
  }
  EXPECT_EQ(world_->Id("SELECT state FROM billing_runs WHERE id = '" + id + "'"), "locked");
  EXPECT_EQ(world_->Id("SELECT SUM(amount_cents) FROM billing_lines WHERE run_id = '" + id + "'"), std::to_string(sum));

  // The CSV for the finance system: a row per line with the same amounts.
  auto csv = As("sari.tilaaja", "GET", "/api/v1/billing-runs/" + id + "/export.csv");
  ASSERT_TRUE(csv);
  ASSERT_EQ(csv->status, 200);
  EXPECT_EQ(csv->Header("content-type").rfind("text/csv", 0), 0u);
  EXPECT_NE(csv->Header("content-disposition").find("attachment"), std::string::npos);
  std::istringstream rows(csv->body);
  std::string row;
  std::getline(rows, row);
  EXPECT_EQ(row.rfind("run,period_start,", 0), 0u);
  std::size_t count = 0;
  while (std::getline(rows, row)) {
    if (!row.empty()) ++count;
  }
  EXPECT_EQ(count, lines.size());
  // The same as a workbook (its content is checked in billing_xlsx_test).
  auto xlsx = As("sari.tilaaja", "GET", "/api/v1/billing-runs/" + id + "/export.xlsx");
  ASSERT_TRUE(xlsx);
  ASSERT_EQ(xlsx->status, 200);
  EXPECT_EQ(xlsx->Header("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(xlsx->body.substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_NE(xlsx->Header("content-disposition").find(".xlsx"), std::string::npos);
  EXPECT_EQ(As("sari.tilaaja", "GET", "/api/v1/billing-runs/" + std::string("brun_none") + "/export.xlsx")->status,
            404);

  // Jussi's statement of the run has the same numbers: its payers add up to the run's total for
  // his company, and so do its lines.
  const std::string hervanta = world_->OrgId("Hervannan Kotisiivous Oy");
  std::int64_t for_hervanta = 0;
  for (const auto& t : summary["by_provider"].as_array()) {
    if (t.at("id") == json::value(hervanta)) for_hervanta = t.at("amount_cents").as_int64();
  }
  ASSERT_GT(for_hervanta, 0);
  const std::string statements = "/api/v1/organizations/" + hervanta + "/billing-statements";
  auto listed = Body(As("jussi.siivous", "GET", statements), 200);
  ASSERT_EQ(listed["items"].as_array().size(), 1u) << json::serialize(listed);
  EXPECT_EQ(listed["items"].as_array()[0].at("run_id"), json::value(id));
  EXPECT_EQ(listed["items"].as_array()[0].at("total_cents").as_int64(), for_hervanta);
  auto statement = Body(As("jussi.siivous", "GET", statements + "/" + id), 200);
  EXPECT_EQ(Sum(statement["by_payer"].as_array()), for_hervanta);
  EXPECT_EQ(statement["purchaser_name"], "Pirkanmaan hyvinvointialue");
  auto theirs = Body(As("jussi.siivous", "GET", statements + "/" + id + "/lines?limit=500"), 200);
  std::int64_t statement_sum = 0;
  for (const auto& l : theirs["items"].as_array()) {
    EXPECT_EQ(l.at("provider_id"), json::value(hervanta));
    statement_sum += l.at("amount_cents").as_int64();
  }
  EXPECT_EQ(statement_sum, for_hervanta);
  // Nobody else reads the statement: another provider, the purchaser (its run is its own view).
  EXPECT_EQ(As("sari.tilaaja", "GET", statements)->status, 403);
  EXPECT_EQ(As("mikko.neuvoja", "GET", statements + "/" + id)->status, 403);

  // Aino sees only her own share, the same sum as the clients' total of the run, with the
  // estimate of the household tax credit as each visit was priced.
  auto shares = Body(As("aino.virtanen", "GET", "/api/v1/clients/" + aino + "/billing-shares"), 200);
  std::int64_t own = 0;
  for (const auto& sh : shares["items"].as_array()) {
    own += sh.at("amount_cents").as_int64();
    EXPECT_EQ(sh.at("provider_name"), "Hervannan Kotisiivous Oy");
    ASSERT_TRUE(sh.at("tax_credit").is_object());
    // A visit not made (she was not at home) has no work in it to deduct.
    if (sh.at("charge") == "no_show") {
      EXPECT_EQ(sh.at("tax_credit").at("labour_cents").as_int64(), 0);
      EXPECT_EQ(sh.at("tax_credit").at("amount_cents").as_int64(), 0);
    }
    EXPECT_FALSE(sh.as_object().contains("visit_price_cents")) << "the whole price would show the purchaser's part";
  }
  EXPECT_EQ(own, per_payer["client"]);
  EXPECT_EQ(As("jussi.siivous", "GET", "/api/v1/clients/" + aino + "/billing-shares")->status, 403);

  // The next run finds nothing more to bill for the month: each share is charged once.
  auto again = Body(As("sari.tilaaja", "POST", runs, R"({"period":")" + month_ + R"("})"), 201);
  EXPECT_EQ(again["line_count"].as_int64(), 0);
  EXPECT_EQ(again["unbilled"].as_array().size(), 1u) << "the dispute is still open";
  EXPECT_EQ(As("sari.tilaaja", "POST", "/api/v1/billing-runs/" + std::string(again["id"].as_string()) + "/discard", "",
               Tag(again))
                ->status,
            204);
  auto list = Body(As("sari.tilaaja", "GET", runs), 200);
  ASSERT_EQ(list["items"].as_array().size(), 1u);
  EXPECT_EQ(list["items"].as_array()[0].at("state"), "locked");
}

TEST_F(BillingApiTest, NobodyElseSeesARunAndBadRequestsNameTheirField) {
  const std::string runs = "/api/v1/organizations/" + welfare_ + "/billing-runs";
  for (const auto& [body, field] :
       std::vector<std::pair<std::string, std::string>>{{R"({"period":"2026-13"})", "period"},
                                                        {R"({"period":"october"})", "period"},
                                                        {R"({"period":"2099-01"})", "period"},
                                                        {R"({})", "period"},
                                                        {R"({"period":"2026-10","extra":1})", "extra"}}) {
    auto r = As("sari.tilaaja", "POST", runs, body);
    ASSERT_TRUE(r) << body;
    ExpectProblemField(*r, field);
  }
  EXPECT_EQ(world_->Id("SELECT count(*) FROM billing_runs WHERE state = 'draft'"), "0") << "nothing was written";

  auto draft = Body(As("sari.tilaaja", "POST", runs, R"({"period":")" + month_ + R"("})"), 201);
  const std::string id(draft["id"].as_string());
  auto second = Body(As("sari.tilaaja", "POST", runs, R"({"period":")" + month_ + R"("})"), 409);
  EXPECT_EQ(second["current_state"], "draft") << "one draft at a time";
  // A provider, the desk and the client learn nothing of the purchaser's runs.
  const std::string jussis = world_->OrgId("Hervannan Kotisiivous Oy");
  for (const auto* who : {"jussi.siivous", "mikko.neuvoja", "aino.virtanen"}) {
    EXPECT_EQ(As(who, "GET", "/api/v1/billing-runs/" + id)->status, 404) << who;
    EXPECT_EQ(As(who, "GET", "/api/v1/billing-runs/" + id + "/lines")->status, 404) << who;
    EXPECT_EQ(As(who, "POST", "/api/v1/billing-runs/" + id + "/lock", "", Tag(draft))->status, 404) << who;
    EXPECT_EQ(As(who, "GET", runs)->status, 403) << who;
  }
  EXPECT_EQ(As("jussi.siivous", "POST", "/api/v1/organizations/" + jussis + "/billing-runs",
               R"({"period":")" + month_ + R"("})")
                ->status,
            403);
  EXPECT_EQ(As("sari.tilaaja", "GET", "/api/v1/billing-runs/brun_nosuchrun")->status, 404);
  ExpectProblemField(*As("sari.tilaaja", "GET", "/api/v1/billing-runs/" + id + "/lines?cursor=x"), "cursor");
  ExpectProblemField(*As("sari.tilaaja", "POST", "/api/v1/billing-runs/" + id + "/lock"), "If-Match");
  EXPECT_EQ(As("sari.tilaaja", "POST", "/api/v1/billing-runs/" + id + "/discard", "", Tag(draft))->status, 204);
}

}  // namespace
}  // namespace allmende::testing

namespace allmende::testing {
namespace {

// A visit that cannot be billed as stored (here its split no longer adds up to its price) is left
// out and listed with its problem; the purchaser's other visits are billed as ever.
TEST(BillingProblems, AVisitThatCannotBeBilledAsStoredIsListedAndTheRestIsBilled) {
  DemoWorld world(true);
  const Session sari = world.SignIn("sari.tilaaja");
  const std::string welfare = world.OrgId("Pirkanmaan hyvinvointialue");
  const std::string month = world.Id("SELECT substr(MIN(local_date), 1, 7) FROM visits WHERE state = 'disputed'");
  const std::string broken = world.Id("SELECT id FROM visits WHERE state = 'confirmed' ORDER BY local_date LIMIT 1");
  ASSERT_FALSE(broken.empty());
  world.db().Execute(
      R"(UPDATE visits SET split = '{"shares":[{"client":true,"amount_cents":1,"rule":"client_rest"}]}' )"
      "WHERE id = '" +
      broken + "'");
  auto made = world.Call(sari, "POST", "/api/v1/organizations/" + welfare + "/billing-runs",
                         R"({"period":")" + month + R"("})", {{"X-Access-Purpose", "Laskutus"}});
  auto run = Body(made, 201);
  EXPECT_GT(run["line_count"].as_int64(), 0) << "the other visits are billed";
  bool listed = false;
  for (const auto& u : run["unbilled"].as_array()) {
    if (u.at("visit_id").as_string() == broken) {
      listed = true;
      EXPECT_EQ(u.at("problem"), "split");
    }
  }
  EXPECT_TRUE(listed) << json::serialize(run["unbilled"]);
  EXPECT_EQ(world.Id("SELECT count(*) FROM billing_lines WHERE visit_id = '" + broken + "'"), "0");
}

}  // namespace
}  // namespace allmende::testing
