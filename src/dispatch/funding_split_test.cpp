#include "dispatch/funding_split.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace allmende::dispatch {
namespace {

using Unit = GrantInput::Unit;

DeliveryLine Line(std::int64_t price, std::int64_t minutes, std::string currency = "EUR") {
  return {price, minutes, price, std::move(currency)};
}

GrantInput HourVoucher(std::int64_t per_hour, std::optional<std::int64_t> minutes_left) {
  GrantInput g{.grant_id = "voucher", .kind = GrantKind::kVoucher, .payer_id = "welfare-area-pirkanmaa"};
  g.unit = Unit::kHour;
  g.value_cents = per_hour;
  g.remaining_minutes = minutes_left;
  return g;
}

GrantInput Employer(std::int64_t cap_left, std::int64_t copay_bp, std::int64_t copay_cents = 0) {
  GrantInput g{.grant_id = "employer", .kind = GrantKind::kEmployerBenefit, .payer_id = "employer-balingen"};
  g.unit = Unit::kMoney;
  g.remaining_cents = cap_left;
  g.copay_basis_points = copay_bp;
  g.copay_cents = copay_cents;
  return g;
}

GrantInput Budget(std::int64_t left) {
  GrantInput g{.grant_id = "relief", .kind = GrantKind::kPeriodicBudget, .payer_id = "pflegekasse"};
  g.unit = Unit::kMoney;
  g.remaining_cents = left;
  return g;
}

GrantInput PurchasedService(Unit unit, std::int64_t fee, std::optional<std::int64_t> fee_cap_left = std::nullopt) {
  GrantInput g{.grant_id = "purchase", .kind = GrantKind::kPurchasedService, .payer_id = "welfare-area-pirkanmaa"};
  g.unit = unit;
  g.fee_cents = fee;
  g.remaining_cents = fee_cap_left;
  return g;
}

SplitResult Split(const DeliveryLine& line, const std::vector<GrantInput>& grants) {
  auto result = SplitDelivery(line, grants);
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().fields.at(0).field);
  return result.ok() ? *result : SplitResult{};
}

const FieldError& OnlyFieldError(const Result<SplitResult>& result) {
  static const FieldError none{"", "no error"};
  if (result.ok() || result.error().fields.size() != 1) {
    ADD_FAILURE() << "expected exactly one field error";
    return none;
  }
  return result.error().fields[0];
}

TEST(FundingSplit, VoucherThatDoesNotCoverAnExpensiveProviderLeavesTheRestToTheClient) {
  SplitResult r = Split(Line(7500, 120), {HourVoucher(2800, 600)});
  ASSERT_EQ(r.shares.size(), 2u);
  EXPECT_EQ(r.shares[0].rule, "voucher_per_hour");
  EXPECT_EQ(r.shares[0].amount_cents, 5600);
  EXPECT_EQ(r.shares[0].consumed_minutes, 120);
  EXPECT_FALSE(r.shares[0].capped);
  EXPECT_TRUE(r.shares[1].client);
  EXPECT_EQ(r.shares[1].rule, "client_rest");
  EXPECT_EQ(r.shares[1].amount_cents, 1900);
  EXPECT_EQ(ExplainInEnglish(r, "EUR"), "voucher 28.00 €/h × 2 h = 56.00 €; your share 19.00 €");
}

TEST(FundingSplit, VoucherPaysAtMostThePriceOfACheapProviderAndStillUsesTheHours) {
  SplitResult r = Split(Line(5000, 120), {HourVoucher(2800, 600)});
  ASSERT_EQ(r.shares.size(), 1u);
  EXPECT_EQ(r.shares[0].amount_cents, 5000);
  EXPECT_EQ(r.shares[0].consumed_minutes, 120);
  EXPECT_EQ(ExplainInEnglish(r, "EUR"), "voucher 28.00 €/h × 2 h = 56.00 €, covers 50.00 €");
}

TEST(FundingSplit, VoucherHoursRunningOutMidVisitSplitToTheClient) {
  SplitResult r = Split(Line(6400, 120), {HourVoucher(2800, 45)});
  ASSERT_EQ(r.shares.size(), 2u);
  EXPECT_EQ(r.shares[0].amount_cents, 2100);  // 28.00 × 45 / 60
  EXPECT_EQ(r.shares[0].consumed_minutes, 45);
  EXPECT_EQ(r.shares[0].quantity_minutes, 45);
  EXPECT_TRUE(r.shares[0].capped);
  EXPECT_TRUE(r.shares[1].client);
  EXPECT_EQ(r.shares[1].amount_cents, 4300);
}

TEST(FundingSplit, VoucherHoursRunningOutFallToTheNextGrantBeforeTheClient) {
  SplitResult r = Split(Line(6400, 120), {HourVoucher(2800, 45), Budget(10000)});
  ASSERT_EQ(r.shares.size(), 2u);
  EXPECT_EQ(r.shares[0].amount_cents, 2100);
  EXPECT_EQ(r.shares[1].rule, "budget");
  EXPECT_EQ(r.shares[1].amount_cents, 4300);
  EXPECT_EQ(r.shares[1].consumed_cents, 4300);
}

TEST(FundingSplit, SecondHourVoucherCoversOnlyTheMinutesTheFirstDidNot) {
  GrantInput second = HourVoucher(2000, std::nullopt);
  second.grant_id = "voucher-2";
  SplitResult r = Split(Line(6000, 120), {HourVoucher(3000, 60), second});
  ASSERT_EQ(r.shares.size(), 3u);
  EXPECT_EQ(r.shares[0].amount_cents, 3000);
  EXPECT_EQ(r.shares[1].consumed_minutes, 60);
  EXPECT_EQ(r.shares[1].amount_cents, 2000);
  EXPECT_EQ(r.shares[2].amount_cents, 1000);
}

TEST(FundingSplit, UsedUpVoucherDoesNotAppearAndTheClientPaysAll) {
  SplitResult r = Split(Line(6400, 120), {HourVoucher(2800, 0)});
  ASSERT_EQ(r.shares.size(), 1u);
  EXPECT_TRUE(r.shares[0].client);
  EXPECT_EQ(r.shares[0].amount_cents, 6400);
}

TEST(FundingSplit, VoucherPerVisitDrawsOneVisit) {
  GrantInput g{.grant_id = "visit-voucher", .kind = GrantKind::kVoucher, .payer_id = "wa"};
  g.unit = Unit::kVisit;
  g.value_cents = 3000;
  g.remaining_visits = 1;
  SplitResult r = Split(Line(4500, 60), {g});
  ASSERT_EQ(r.shares.size(), 2u);
  EXPECT_EQ(r.shares[0].amount_cents, 3000);
  EXPECT_EQ(r.shares[0].consumed_visits, 1);
  EXPECT_EQ(r.shares[1].amount_cents, 1500);
  g.remaining_visits = 0;
  EXPECT_TRUE(Split(Line(4500, 60), {g}).shares.at(0).client);
}

TEST(FundingSplit, MonthlyVoucherCoversUpToWhatIsLeftOfTheMonth) {
  GrantInput g{.grant_id = "month-voucher", .kind = GrantKind::kVoucher, .payer_id = "wa"};
  g.unit = Unit::kMoney;
  g.value_cents = 40000;
  g.remaining_cents = 1000;
  SplitResult r = Split(Line(4500, 60), {g});
  EXPECT_EQ(r.shares.at(0).amount_cents, 1000);
  EXPECT_TRUE(r.shares.at(0).capped);
  EXPECT_EQ(r.shares.at(1).amount_cents, 3500);
}

TEST(FundingSplit, EmployerCapExhaustedMidOrder) {
  // Three deliveries of 100 € under a 10 % co-pay with 250 € of the yearly cap left.
  std::int64_t cap_left = 25000;
  std::vector<std::int64_t> employer_paid, client_paid;
  for (int delivery = 0; delivery < 4; ++delivery) {
    SplitResult r = Split(Line(10000, 120), {Employer(cap_left, 1000)});
    std::int64_t employer = 0, client = 0;
    for (const Share& s : r.shares) {
      (s.client ? client : employer) += s.amount_cents;
      cap_left -= s.consumed_cents;
    }
    employer_paid.push_back(employer);
    client_paid.push_back(client);
  }
  EXPECT_EQ(employer_paid, (std::vector<std::int64_t>{9000, 9000, 7000, 0}));
  EXPECT_EQ(client_paid, (std::vector<std::int64_t>{1000, 1000, 3000, 10000}));
  EXPECT_EQ(cap_left, 0);
}

TEST(FundingSplit, EmployerCapRunningOutNamesTheCoPayAndTheRest) {
  SplitResult r = Split(Line(10000, 120), {Employer(7000, 1000)});
  ASSERT_EQ(r.shares.size(), 3u);
  EXPECT_EQ(r.shares[0].rule, "employer_benefit");
  EXPECT_TRUE(r.shares[0].capped);
  EXPECT_EQ(r.shares[1].rule, "employer_copay");
  EXPECT_EQ(r.shares[1].grant_id, "employer");
  EXPECT_TRUE(r.shares[1].payer_id.empty());
  EXPECT_EQ(r.shares[1].basis_points, 1000);
  EXPECT_EQ(r.shares[2].rule, "client_rest");
  EXPECT_EQ(ExplainInEnglish(r, "EUR"),
            "employer 70.00 € (yearly cap reached); your co-pay 10 % = 10.00 €; your share 20.00 €");
}

TEST(FundingSplit, EmployerFixedCoPayComesFirst) {
  SplitResult r = Split(Line(4000, 60), {Employer(60000, 0, 500)});
  ASSERT_EQ(r.shares.size(), 2u);
  EXPECT_EQ(r.shares[0].amount_cents, 3500);
  EXPECT_EQ(r.shares[1].amount_cents, 500);
  EXPECT_EQ(r.shares[1].rate_cents, 500);
}

TEST(FundingSplit, DanishFreeChoiceDecisionHasNoClientShare) {
  GrantInput g{.grant_id = "visitation", .kind = GrantKind::kFreeChoice, .payer_id = "gladsaxe-kommune"};
  g.value_cents = 39100;  // the municipality's price per hour
  g.remaining_minutes = 180;
  SplitResult r = Split(Line(78200, 120, "DKK"), {g});
  ASSERT_EQ(r.shares.size(), 1u);
  EXPECT_EQ(r.shares[0].rule, "free_choice");
  EXPECT_EQ(r.shares[0].payer_id, "gladsaxe-kommune");
  EXPECT_EQ(r.shares[0].amount_cents, 78200);
  EXPECT_EQ(r.shares[0].consumed_minutes, 120);
  EXPECT_EQ(ExplainInEnglish(r, "DKK"), "free choice 391.00 DKK/h × 2 h = 782.00 DKK");
}

TEST(FundingSplit, FreeChoiceBeyondTheGrantedHoursFallsToTheClient) {
  GrantInput g{.grant_id = "visitation", .kind = GrantKind::kFreeChoice, .payer_id = "gladsaxe-kommune"};
  g.value_cents = 39100;
  g.remaining_minutes = 90;
  SplitResult r = Split(Line(78200, 120, "DKK"), {g});
  ASSERT_EQ(r.shares.size(), 2u);
  EXPECT_EQ(r.shares[0].amount_cents, 58650);
  EXPECT_TRUE(r.shares[0].capped);
  EXPECT_EQ(r.shares[1].amount_cents, 19550);
}

TEST(FundingSplit, PurchasedServiceClientFeeIsPaidToThePurchaser) {
  SplitResult r = Split(Line(9000, 90), {PurchasedService(Unit::kVisit, 1250)});
  ASSERT_EQ(r.shares.size(), 2u);
  EXPECT_EQ(r.shares[0].rule, "purchased_service");
  EXPECT_EQ(r.shares[0].amount_cents, 7750);
  EXPECT_FALSE(r.shares[0].client);
  EXPECT_EQ(r.shares[1].rule, "client_fee");
  EXPECT_TRUE(r.shares[1].client);
  EXPECT_TRUE(r.shares[1].paid_to_purchaser);
  EXPECT_EQ(r.shares[1].amount_cents, 1250);
}

TEST(FundingSplit, PurchasedServiceHourlyFeeFollowsTheMinutes) {
  SplitResult r = Split(Line(9000, 90), {PurchasedService(Unit::kHour, 1000)});
  EXPECT_EQ(r.shares.at(1).amount_cents, 1500);
  EXPECT_EQ(r.shares.at(1).quantity_minutes, 90);
}

TEST(FundingSplit, PurchasedServiceFeeStopsAtTheMonthlyFeeCap) {
  SplitResult r = Split(Line(9000, 90), {PurchasedService(Unit::kVisit, 1250, 500)});
  EXPECT_EQ(r.shares.at(0).amount_cents, 8500);
  EXPECT_EQ(r.shares.at(1).amount_cents, 500);
  EXPECT_EQ(r.shares.at(1).consumed_cents, 500);
  EXPECT_TRUE(r.shares.at(1).capped);
}

TEST(FundingSplit, ReliefBudgetCoversUpToItsBalance) {
  SplitResult r = Split(Line(5000, 60), {Budget(3100)});
  EXPECT_EQ(r.shares.at(0).amount_cents, 3100);
  EXPECT_TRUE(r.shares.at(0).capped);
  EXPECT_EQ(r.shares.at(1).amount_cents, 1900);
}

TEST(FundingSplit, PartialHoursRoundHalfAwayFromZeroOnce) {
  EXPECT_EQ(Split(Line(10000, 1), {HourVoucher(90, std::nullopt)}).shares.at(0).amount_cents, 2);       // 1.5
  EXPECT_EQ(Split(Line(10000, 1), {HourVoucher(89, std::nullopt)}).shares.at(0).amount_cents, 1);       // 1.48
  EXPECT_EQ(Split(Line(10000, 20), {HourVoucher(2525, std::nullopt)}).shares.at(0).amount_cents, 842);  // 841.67
}

TEST(FundingSplit, HugeAmountsDoNotOverflow) {
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  SplitResult r = Split(Line(kMax, kMax), {HourVoucher(kMax, kMax), Employer(kMax, 10000)});
  ASSERT_EQ(r.shares.size(), 1u);
  EXPECT_EQ(r.shares[0].amount_cents, kMax);
}

TEST(FundingSplit, WithoutGrantsTheClientPaysTheWholePrice) {
  SplitResult r = Split(Line(4200, 60), {});
  ASSERT_EQ(r.shares.size(), 1u);
  EXPECT_TRUE(r.shares[0].client);
  EXPECT_EQ(ExplainInEnglish(r, "EUR"), "your share 42.00 €");
  EXPECT_TRUE(Split(Line(0, 60), {HourVoucher(2800, 60)}).shares.empty());
}

TEST(FundingSplit, LabourAbovePriceIsInvalid) {
  EXPECT_EQ(OnlyFieldError(SplitDelivery({1000, 60, 1001, "EUR"}, {})).field, "line.labour_cents");
}

TEST(FundingSplit, NegativeInputsAreInvalid) {
  EXPECT_EQ(OnlyFieldError(SplitDelivery({1000, -1, 0, "EUR"}, {})).field, "line.billable_minutes");
  EXPECT_EQ(OnlyFieldError(SplitDelivery(Line(1000, 60), {HourVoucher(2800, -5)})).field,
            "grants[0].remaining_minutes");
  EXPECT_EQ(OnlyFieldError(SplitDelivery(Line(1000, 60), {Budget(-1)})).field, "grants[0].remaining_cents");
}

TEST(FundingSplit, UnitTheKindDoesNotAcceptIsInvalid) {
  GrantInput budget = Budget(100);
  budget.unit = Unit::kHour;
  EXPECT_EQ(OnlyFieldError(SplitDelivery(Line(1000, 60), {budget})).field, "grants[0].unit");
  EXPECT_EQ(OnlyFieldError(SplitDelivery(Line(1000, 60), {PurchasedService(Unit::kMoney, 100)})).field,
            "grants[0].unit");
}

TEST(FundingSplit, AmbiguousOrIncompleteGrantsAreInvalid) {
  EXPECT_EQ(OnlyFieldError(SplitDelivery(Line(1000, 60), {Employer(100, 1000, 500)})).field, "grants[0].copay_cents");
  EXPECT_EQ(OnlyFieldError(SplitDelivery(Line(1000, 60), {Employer(100, 10001)})).field,
            "grants[0].copay_basis_points");
  GrantInput no_balance = Budget(0);
  no_balance.remaining_cents.reset();
  EXPECT_EQ(OnlyFieldError(SplitDelivery(Line(1000, 60), {no_balance})).field, "grants[0].remaining_cents");
  EXPECT_EQ(OnlyFieldError(SplitDelivery(Line(1000, 60), {Budget(1), Budget(2)})).field, "grants[1].grant_id");
  EXPECT_EQ(OnlyFieldError(SplitDelivery(Line(1000, 60, "XXX"), {})).field, "line.currency");
}

}  // namespace
}  // namespace allmende::dispatch
