// The German and Danish demo regions over HTTP: Monika orders household help for her mother Helga
// (care grade 2) paid from the care insurer's relief budget, and the balance drops by exactly the
// delivery's share; Karen's free-choice decision in Gladsaxe pays her whole visit at the
// municipality's price in DKK; decisions in the wrong currency or by the wrong payer are refused.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <ctime>

#include "api_helpers.hpp"
#include "demo_world.hpp"
#include "problem_assertions.hpp"

namespace allmende::testing {
namespace {

namespace json = boost::json;

// Today's date in Balingen: a delivered visit draws on the budget on its local date.
std::string BerlinToday() {
  setenv("TZ", "Europe/Berlin", 1);
  tzset();
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

class OtherCountriesApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new DemoWorld(true);
    for (auto name :
         {"monika.schmid", "lena.alltagshilfe", "petra.pflegekasse", "karen.jensen", "lars.hjemmeservice"}) {
      sessions_[name] = world_->SignIn(name);
    }
  }
  static void TearDownTestSuite() {
    delete world_;
    world_ = nullptr;
  }
  static std::optional<HttpResponse> As(const std::string& who, const std::string& method, const std::string& path,
                                        const std::string& body = "") {
    return world_->Call(sessions_.at(who), method, path, body);
  }
  static json::object GrantOf(const std::string& who, const std::string& client, const std::string& kind) {
    auto grants = Body(As(who, "GET", "/api/v1/clients/" + client + "/grants"), 200);
    for (const auto& g : grants["items"].as_array()) {
      if (g.at("kind").as_string() == kind) return g.as_object();
    }
    return {};
  }

  static DemoWorld* world_;
  static std::map<std::string, Session> sessions_;
};

DemoWorld* OtherCountriesApiTest::world_ = nullptr;
std::map<std::string, Session> OtherCountriesApiTest::sessions_;

TEST_F(OtherCountriesApiTest, ARelativeOrdersFromTheReliefBudgetAndTheBalanceDropsByTheShare) {
  const std::string helga = world_->UserId("helga.schmid");
  auto budget = GrantOf("monika.schmid", helga, "periodic_budget");
  ASSERT_FALSE(budget.empty()) << "Monika sees her mother's relief budget";
  EXPECT_EQ(budget["care_grade"].as_int64(), 2);
  EXPECT_EQ(budget["payer_name"].as_string(), "Pflegekasse Zollernalb (Demo)");
  EXPECT_EQ(budget["balance"].at("unit").as_string(), "cents");
  const std::int64_t before = budget["balance"].at("remaining").as_int64();
  EXPECT_GT(before, 13100) << "at least one month's 131 € accrued";

  const std::string alltagshilfe = world_->OrgId("Alltagshilfe Balingen gGmbH");
  const std::string service = world_->Id("SELECT id FROM services WHERE organization_id = '" + alltagshilfe +
                                         "' AND state = 'published' LIMIT 1");
  ASSERT_FALSE(service.empty());
  auto placed = Body(As("monika.schmid", "POST", "/api/v1/orders",
                        R"({"client_id":")" + helga + R"(","origin":"shop","service_id":")" + service +
                            R"(","category":"home_help","municipality_code":"de-08417008","language":"de",)"
                            R"("address":"Friedrichstraße 12, 72336 Balingen","duration_minutes":120,"grants":[")" +
                            std::string(budget["id"].as_string()) + R"("],"schedule":{"start_date":")" + DaysAhead(4) +
                            R"(","window_start":"09:00","window_end":"11:00"}})"),
                     201);
  ASSERT_EQ(placed["state"].as_string(), "offered") << placed;
  EXPECT_EQ(placed["provider_name"].as_string(), "Alltagshilfe Balingen gGmbH");
  const std::string id(placed["id"].as_string());
  auto accepted = Body(As("lena.alltagshilfe", "POST", "/api/v1/orders/" + id + "/accept"), 200);
  ASSERT_EQ(accepted["visits"].as_array().size(), 1u);
  const std::string visit(accepted["visits"].as_array()[0].at("id").as_string());
  // The day has come: the visit is moved to now, as if it were today.
  world_->db().Execute("UPDATE visits SET starts_at = '" + NowPlusMinutes(-10) + "', ends_at = '" +
                       NowPlusMinutes(110) + "', local_date = '" + BerlinToday() + "' WHERE id = '" + visit + "'");
  Body(As("lena.alltagshilfe", "POST", "/api/v1/visits/" + visit + "/check-in"), 200);
  world_->db().Execute("UPDATE visits SET checked_in_at = '" + NowPlusMinutes(-120) + "' WHERE id = '" + visit + "'");
  auto done = Body(As("lena.alltagshilfe", "POST", "/api/v1/visits/" + visit + "/check-out",
                      R"({"done_tasks":[],"note":"Wäsche gewaschen"})"),
                   200);
  const std::int64_t price = done["price_cents"].as_int64();
  EXPECT_EQ(price, 7200);  // two hours at 36.00 €
  std::int64_t from_budget = 0, sum = 0;
  for (const auto& s : done["split"].at("shares").as_array()) {
    sum += s.at("amount_cents").as_int64();
    if (s.at("grant_id").is_string() && s.at("grant_id").as_string() == budget["id"].as_string()) {
      from_budget += s.at("amount_cents").as_int64();
    }
  }
  EXPECT_EQ(sum, price) << done["split"];
  EXPECT_EQ(from_budget, 7200) << done["split"];
  // Lena did the visit herself without assigning anyone: the order follows its visit all the same.
  EXPECT_EQ(Body(As("monika.schmid", "GET", "/api/v1/orders/" + id), 200)["state"].as_string(), "delivered");
  auto after = GrantOf("monika.schmid", helga, "periodic_budget");
  EXPECT_EQ(after["balance"].at("remaining").as_int64(), before - from_budget);
}

TEST_F(OtherCountriesApiTest, AFreeChoiceDecisionPaysTheWholeVisitInDanishKroner) {
  const std::string karen = world_->UserId("karen.jensen");
  auto decision = GrantOf("karen.jensen", karen, "free_choice");
  ASSERT_FALSE(decision.empty());
  EXPECT_EQ(decision["currency"].as_string(), "DKK");
  auto orders = Body(As("karen.jensen", "GET", "/api/v1/clients/" + karen + "/orders"), 200);
  ASSERT_EQ(orders["items"].as_array().size(), 1u);
  const auto& order = orders["items"].as_array()[0].as_object();
  EXPECT_EQ(order.at("state").as_string(), "accepted");
  EXPECT_EQ(order.at("price").at("currency").as_string(), "DKK");
  EXPECT_EQ(order.at("price").at("amount_cents").as_int64(), 41200);
  auto quote =
      Body(As("karen.jensen", "POST", "/api/v1/clients/" + karen + "/funding-quote",
              R"({"grants":[")" + std::string(decision["id"].as_string()) + R"("],"category":"cleaning","date":")" +
                  DaysAhead(1) + R"(","price_cents":82400,"billable_minutes":120,"currency":"DKK"})"),
           200);
  EXPECT_EQ(quote["client_cents"].as_int64(), 0) << quote;  // no share for the citizen
  EXPECT_TRUE(quote["tax_credit"].is_null()) << "Denmark has no household tax credit in the demo";
}

TEST_F(OtherCountriesApiTest, SelfPaidLabourShowsTheEstimatedTaxCreditOfTheCountry) {
  // Monika pays two hours herself for her mother: § 35a EStG gives 20 % of the labour back.
  const std::string helga = world_->UserId("helga.schmid");
  auto quote = Body(As("monika.schmid", "POST", "/api/v1/clients/" + helga + "/funding-quote",
                       R"({"grants":[],"category":"home_help","date":")" + DaysAhead(3) +
                           R"(","price_cents":7200,"billable_minutes":120,"labour_cents":7200})"),
                    200);
  ASSERT_TRUE(quote["tax_credit"].is_object()) << quote;
  const auto& tax = quote["tax_credit"].as_object();
  EXPECT_EQ(tax.at("rate_bp").as_int64(), 2000);
  EXPECT_EQ(tax.at("labour_cents").as_int64(), 7200);
  EXPECT_EQ(tax.at("amount_cents").as_int64(), 1440);
  EXPECT_EQ(tax.at("yearly_max_cents").as_int64(), 400000);
  EXPECT_EQ(tax.at("legal_basis").as_string(), "§ 35a EStG");
  // Paid from the relief budget, nothing of it is the client's labour.
  auto budget = GrantOf("monika.schmid", helga, "periodic_budget");
  auto covered =
      Body(As("monika.schmid", "POST", "/api/v1/clients/" + helga + "/funding-quote",
              R"({"grants":[")" + std::string(budget["id"].as_string()) + R"("],"category":"home_help","date":")" +
                  DaysAhead(3) + R"(","price_cents":7200,"billable_minutes":120,"labour_cents":7200})"),
           200);
  EXPECT_EQ(covered["tax_credit"].at("amount_cents").as_int64(), 0) << covered;
  EXPECT_EQ(covered["tax_credit"].at("excluded").as_string(), "public_support") << covered;
  // Labour is part of the price, never more.
  auto wrong = As("monika.schmid", "POST", "/api/v1/clients/" + helga + "/funding-quote",
                  R"({"grants":[],"category":"home_help","date":")" + DaysAhead(3) +
                      R"(","price_cents":100,"billable_minutes":60,"labour_cents":100000})");
  ASSERT_TRUE(wrong);
  ExpectProblem(wrong, 422);
  ExpectProblemField(*wrong, "labour_cents");
}

TEST_F(OtherCountriesApiTest, ADecisionInTheWrongCurrencyOrByTheWrongPayerIsRefused) {
  const std::string helga = world_->UserId("helga.schmid");
  const std::string insurer = world_->OrgId("Pflegekasse Zollernalb (Demo)");
  const std::string before = world_->Id("SELECT COUNT(*) FROM grants");
  auto dkk = As("petra.pflegekasse", "POST", "/api/v1/clients/" + helga + "/grants",
                R"({"payer_id":")" + insurer +
                    R"(","kind":"periodic_budget","categories":["home_help"],"unit":"money","period":"month",)"
                    R"("rate_key":"relief.monthly_amount","currency":"DKK","valid_from":"2030-01-01",)"
                    R"("decision_reference":"X/1","care_grade":3,"insurance_number":"A123456780"})");
  ASSERT_TRUE(dkk);
  ExpectProblem(dkk, 422);
  ExpectProblemField(*dkk, "currency");
  auto voucher = As("petra.pflegekasse", "POST", "/api/v1/clients/" + helga + "/grants",
                    R"({"payer_id":")" + insurer +
                        R"(","kind":"voucher","categories":["home_help"],"unit":"hour","quantity":60,)"
                        R"("period":"month","value_cents":2800,"currency":"EUR","valid_from":"2030-01-01",)"
                        R"("decision_reference":"X/2"})");
  ASSERT_TRUE(voucher);
  ExpectProblemField(*voucher, "payer_id");
  auto grade = As("petra.pflegekasse", "POST", "/api/v1/clients/" + helga + "/grants",
                  R"({"payer_id":")" + insurer +
                      R"(","kind":"periodic_budget","categories":["home_help"],"unit":"money","period":"month",)"
                      R"("rate_key":"relief.monthly_amount","currency":"EUR","valid_from":"2030-01-01",)"
                      R"("decision_reference":"X/3","care_grade":6,"insurance_number":"A123456780"})");
  ASSERT_TRUE(grade);
  ExpectProblem(grade, 422);
  ExpectProblemField(*grade, "care_grade");
  EXPECT_EQ(world_->Id("SELECT COUNT(*) FROM grants"), before);
}

}  // namespace
}  // namespace allmende::testing
