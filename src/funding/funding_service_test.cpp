#include "funding/funding_service.hpp"

#include <set>

#include "funding/balance_warnings.hpp"
#include "funding/funding_store.hpp"
#include "orders/order_test_world.hpp"

namespace allmende::funding {
namespace {

using FundingServiceTest = orders::OrderServiceTest;
using orders::kRegionA;
using orders::kRegionB;
using orders::Why;

TEST_F(FundingServiceTest, AWrongDecisionNamesTheFieldAndWritesNothing) {
  Region(kRegionB);
  Org("org_01JD000000000000000000000A", kRegionB, "welfare_area");
  Member("sari", "org_01JD000000000000000000000A", kRegionB, "purchaser_officer");
  funding::GrantDraft d;
  d.client_id = "aino";
  d.payer_id = "org_01JD000000000000000000000A";
  d.kind = "voucher";
  d.categories = {"cleaning"};
  d.unit = "hour";
  d.quantity = 240;
  d.period = "month";
  d.value_cents = 2800;
  d.currency = "EUR";
  d.valid_from = "2026-12-01";
  d.decision_reference = "X/1";
  auto other_region = funding_->Record(Person("sari"), d);
  ASSERT_FALSE(other_region);
  ASSERT_FALSE(other_region.error().fields.empty()) << Why(other_region);
  EXPECT_EQ(other_region.error().fields.at(0).field, "payer_id");
  d.payer_id = "org_01JD00000000000000000000WE";
  d.currency = "XYZ";
  auto currency = funding_->Record(Person("sari"), d);
  ASSERT_FALSE(currency);
  EXPECT_EQ(currency.error().fields.at(0).field, "currency");
  d.currency = "EUR";
  ASSERT_TRUE(funding_->Record(Person("sari"), d));
  auto overlap = funding_->Record(Person("sari"), d);
  ASSERT_FALSE(overlap);
  EXPECT_EQ(overlap.error().fields.at(0).field, "valid_from");
  EXPECT_EQ(Sql1("SELECT COUNT(*) FROM grants"), "1");
}

TEST_F(FundingServiceTest, ABudgetPricedOutOfOrderIsNeverOverdrawn) {
  GrantDraft d;
  d.client_id = "aino";
  d.payer_id = "org_01JD00000000000000000000WE";
  d.kind = "periodic_budget";
  d.categories = {"cleaning"};
  d.unit = "money";
  d.quantity = 10000;  // 100.00 € a month
  d.period = "month";
  d.currency = "EUR";
  d.valid_from = "2026-01-01";
  d.decision_reference = "B/1";
  auto g = funding_->Record(Person("sari"), d);
  ASSERT_TRUE(g) << Why(g);
  auto price = [&](const std::string& visit, const std::string& day, std::int64_t cents) {
    return db_->WriteValue<PricedDelivery>([&](storage::Connection& c) {
      Delivery del{kRegionA, "aino", "org_01JD00000000000000000000C1", "cleaning",
                   visit,    day,    {cents, 120, cents, "EUR"}};
      return FundingService::Price(c, {g->id}, del, true, clock_.Now());
    });
  };
  // By 20 March 300.00 € accrued; that visit uses 250.00 €.
  auto later = price("vis_later", "2026-03-20", 25000);
  ASSERT_TRUE(later) << Why(later);
  // A visit of 10 March priced afterwards sees 300.00 € that day, but only 50.00 € is left.
  auto earlier = price("vis_earlier", "2026-03-10", 10000);
  ASSERT_TRUE(earlier) << Why(earlier);
  std::int64_t budget = 0, client = 0;
  for (const auto& share : earlier->split.shares) (share.client ? client : budget) += share.amount_cents;
  EXPECT_EQ(budget, 5000);
  EXPECT_EQ(client, 5000);
}

TEST_F(FundingServiceTest, ACareInsurerPaysTheReliefBudgetWithCareGradeAndInsuranceNumber) {
  Org("org_01JD00000000000000000000PK", kRegionA, "care_insurer");
  User("petra");
  Member("petra", "org_01JD00000000000000000000PK", kRegionA, "purchaser_officer");
  Sql("INSERT INTO funding_rates (id, region_id, rate_key, effective_from, amount, unit, currency, legal_basis, "
      "updated_by, updated_at) VALUES ('rate_1', $1, 'relief.monthly_amount', '2025-01-01', 13100, 'cents', 'EUR', "
      "'§ 45b SGB XI', 'test', $2)",
      {kRegionA, std::string(kT)});
  GrantDraft d;
  d.client_id = "aino";
  d.payer_id = "org_01JD00000000000000000000PK";
  d.kind = "periodic_budget";
  d.categories = {"cleaning"};
  d.unit = "money";
  d.period = "month";
  d.rate_key = "relief.monthly_amount";
  d.currency = "EUR";
  d.valid_from = "2026-01-01";
  d.decision_reference = "PK/45b/1";
  auto missing = funding_->Record(Person("petra"), d);
  ASSERT_FALSE(missing);
  std::set<std::string> fields;
  for (const auto& f : missing.error().fields) fields.insert(f.field);
  EXPECT_TRUE(fields.count("care_grade")) << Why(missing);
  EXPECT_TRUE(fields.count("insurance_number")) << Why(missing);
  d.care_grade = 7;
  d.insurance_number = "A123456780";
  auto wrong = funding_->Record(Person("petra"), d);
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().fields.at(0).field, "care_grade");
  d.care_grade = 2;
  auto g = funding_->Record(Person("petra"), d);
  ASSERT_TRUE(g) << Why(g);
  EXPECT_EQ(g->care_grade, 2);
  // The insurance number in full for the paying insurer and the client, masked for the region's
  // coordinator; another payer's officer does not see the insurer's decision at all.
  auto number_for = [&](const std::string& who) -> std::string {
    auto list = funding_->GrantsOf(Person(who), "aino");
    EXPECT_TRUE(list) << who << " " << Why(list);
    if (!list) return "ERROR";
    for (const auto& v : *list) {
      if (v.grant.id == g->id) return v.grant.insurance_number.value_or("");
    }
    return "NOT LISTED";
  };
  EXPECT_EQ(number_for("petra"), "A123456780");
  EXPECT_EQ(number_for("aino"), "A123456780");
  EXPECT_EQ(number_for("outi"), "A1******80");
  EXPECT_EQ(number_for("sari"), "NOT LISTED");
  // The relief amount pays only a provider the insurer recognises.
  auto unrecognised = db_->ReadValue<std::vector<Grant>>([&](storage::Connection& c) {
    return FundingService::CheckGrants(c, "aino", {g->id}, "cleaning", "org_01JD00000000000000000000C1", "2026-12-01");
  });
  ASSERT_FALSE(unrecognised);
  EXPECT_EQ(unrecognised.error().fields.at(0).field, "grants[0]");
  Sql("INSERT INTO voucher_approvals (purchaser_id, provider_id, category, region_id, approved_by, approved_at) "
      "VALUES ('org_01JD00000000000000000000PK', 'org_01JD00000000000000000000C1', 'cleaning', $1, 'petra', $2)",
      {kRegionA, std::string(kT)});
  auto recognised = db_->ReadValue<std::vector<Grant>>([&](storage::Connection& c) {
    return FundingService::CheckGrants(c, "aino", {g->id}, "cleaning", "org_01JD00000000000000000000C1", "2026-12-01");
  });
  EXPECT_TRUE(recognised) << Why(recognised);
  // A welfare area's budget records no care grade.
  GrantDraft welfare = d;
  welfare.payer_id = "org_01JD00000000000000000000WE";
  welfare.decision_reference = "WE/B/1";
  auto graded = funding_->Record(Person("sari"), welfare);
  ASSERT_FALSE(graded);
  EXPECT_EQ(graded.error().fields.at(0).field, "care_grade");
  // A care insurer pays no voucher, and a voucher records no care grade.
  GrantDraft v = d;
  v.kind = "voucher";
  v.unit = "hour";
  v.quantity = 240;
  v.value_cents = 2800;
  v.decision_reference = "PK/V/1";
  auto voucher = funding_->Record(Person("petra"), v);
  ASSERT_FALSE(voucher);
  fields.clear();
  for (const auto& f : voucher.error().fields) fields.insert(f.field);
  EXPECT_TRUE(fields.count("payer_id")) << Why(voucher);
  EXPECT_TRUE(fields.count("care_grade")) << Why(voucher);
  EXPECT_EQ(Sql1("SELECT COUNT(*) FROM grants WHERE payer_id = 'org_01JD00000000000000000000PK'"), "1");
}

TEST_F(FundingServiceTest, ClientsAreWarnedOnceBeforeAGrantRunsOutOrLapses) {
  auto warnings = [&](const std::string& kind) {
    return Sql1(
        "SELECT COUNT(*) FROM notifications n JOIN notification_audience a ON a.notification_id = n.id "
        "WHERE n.kind = '" +
        kind + "' AND a.audience = 'user:aino'");
  };
  auto run = [&] {
    auto r = db_->WriteValue<int>([&](storage::Connection& c) { return WarnAboutBalances(c, bus_, clock_.Now()); });
    EXPECT_TRUE(r) << Why(r);
    return r ? *r : -1;
  };
  // Aino's voucher: 4 h in December; 3 h 15 min used leaves less than a quarter.
  const std::string voucher = Voucher();
  clock_.Set(*ParseRfc3339("2026-12-10T08:00:00Z"));
  EXPECT_EQ(run(), 0);
  auto used = db_->WriteValue<PricedDelivery>([&](storage::Connection& c) {
    Delivery del{kRegionA, "aino",       "org_01JD00000000000000000000C1", "cleaning",
                 "vis_1",  "2026-12-09", {12675, 195, 12675, "EUR"}};
    return FundingService::Price(c, {voucher}, del, true, clock_.Now());
  });
  ASSERT_TRUE(used) << Why(used);
  EXPECT_EQ(run(), 1);
  EXPECT_EQ(warnings("grant.low"), "1");
  EXPECT_EQ(run(), 0) << "once a period";
  // A relief budget whose 2026 amounts lapse on 30 June 2027: warned from mid-May, once.
  GrantDraft d;
  d.client_id = "aino";
  d.payer_id = "org_01JD00000000000000000000WE";
  d.kind = "periodic_budget";
  d.categories = {"home_help"};
  d.unit = "money";
  d.quantity = 13100;
  d.period = "month";
  d.currency = "EUR";
  d.valid_from = "2026-01-01";
  d.decision_reference = "B/2";
  ASSERT_TRUE(funding_->Record(Person("sari"), d));
  clock_.Set(*ParseRfc3339("2027-04-01T08:00:00Z"));
  run();
  EXPECT_EQ(warnings("grant.lapsing"), "0") << "three months ahead is too early";
  clock_.Set(*ParseRfc3339("2027-05-20T08:00:00Z"));
  run();
  EXPECT_EQ(warnings("grant.lapsing"), "1");
  clock_.Set(*ParseRfc3339("2027-06-10T08:00:00Z"));
  run();
  EXPECT_EQ(warnings("grant.lapsing"), "1") << "once a lapse date";
}

TEST_F(FundingServiceTest, AnEmployersCapHoldsPerCalendarYearAcrossItsDecisions) {
  Org("org_01JD00000000000000000000EM", kRegionA, "employer");
  User("hr");
  Member("hr", "org_01JD00000000000000000000EM", kRegionA, "employer_hr");
  auto decide = [&](const std::string& ref, const std::string& from, const std::string& until) {
    GrantDraft d;
    d.client_id = "aino";
    d.payer_id = "org_01JD00000000000000000000EM";
    d.kind = "employer_benefit";
    d.categories = {"child_care", "cleaning"};
    d.unit = "money";
    d.quantity = 60000;  // 600 € a year
    d.period = "year";
    d.currency = "EUR";
    d.valid_from = from;
    d.valid_until = until;
    d.decision_reference = ref;
    auto g = funding_->Record(Person("hr"), d);
    EXPECT_TRUE(g) << Why(g);
    return g ? g->id : "";
  };
  const std::string spring = decide("E/1", "2026-01-01", "2026-06-30");
  const std::string autumn = decide("E/2", "2026-07-01", "2026-12-31");
  auto price = [&](const std::string& grant, const std::string& visit, const std::string& day, std::int64_t cents) {
    return db_->WriteValue<PricedDelivery>([&](storage::Connection& c) {
      Delivery del{kRegionA, "aino", "org_01JD00000000000000000000C1", "cleaning",
                   visit,    day,    {cents, 120, cents, "EUR"}};
      return FundingService::Price(c, {grant}, del, true, clock_.Now());
    });
  };
  ASSERT_TRUE(price(spring, "vis_e1", "2026-03-02", 50000));
  // The autumn decision has 100 € left of the year's 600 €, not a fresh 600 €.
  auto left = db_->ReadValue<Balance>([&](storage::Connection& c) -> Result<Balance> {
    ALLMENDE_ASSIGN_OR_RETURN(auto g, FundingStore::GetGrant(c, autumn));
    return FundingService::BalanceOn(c, *g, "2026-08-03");
  });
  ASSERT_TRUE(left) << Why(left);
  EXPECT_EQ(left->remaining, 10000);
  auto autumn_visit = price(autumn, "vis_e2", "2026-08-03", 20000);
  ASSERT_TRUE(autumn_visit) << Why(autumn_visit);
  std::int64_t employer = 0, client = 0;
  for (const auto& s : autumn_visit->split.shares) (s.client ? client : employer) += s.amount_cents;
  EXPECT_EQ(employer, 10000);
  EXPECT_EQ(client, 10000);
  // A new calendar year starts a new cap.
  const std::string next = decide("E/3", "2027-01-01", "2027-12-31");
  auto fresh = db_->ReadValue<Balance>([&](storage::Connection& c) -> Result<Balance> {
    ALLMENDE_ASSIGN_OR_RETURN(auto g, FundingStore::GetGrant(c, next));
    return FundingService::BalanceOn(c, *g, "2027-01-10");
  });
  ASSERT_TRUE(fresh) << Why(fresh);
  EXPECT_EQ(fresh->remaining, 60000);
}

}  // namespace
}  // namespace allmende::funding
