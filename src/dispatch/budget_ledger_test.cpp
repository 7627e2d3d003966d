#include "dispatch/budget_ledger.hpp"

#include <gtest/gtest.h>

#include <random>

#include "common/time.hpp"

namespace allmende::dispatch {
namespace {

std::int32_t D(int year, unsigned month, unsigned day) {
  return static_cast<std::int32_t>(DaysFromCivil(year, month, day));
}

// § 45b SGB XI: 125 € a month from 2017, 131 € from 2025.
const std::vector<RateChange> kRates = {{D(2017, 1, 1), 12500}, {D(2025, 1, 1), 13100}};

BudgetState On(std::int32_t from, std::optional<std::int32_t> until, const std::vector<RateChange>& rates,
               const std::vector<Consumption>& consumptions, std::int32_t day) {
  auto state = BudgetOn(from, until, rates, consumptions, day);
  EXPECT_TRUE(state.ok()) << (state.ok() ? "" : state.error().fields.at(0).message);
  return state.ok() ? *state : BudgetState{};
}

std::string FirstErrorField(const Result<BudgetState>& state) {
  return state.ok() || state.error().fields.empty() ? "" : state.error().fields[0].field;
}

TEST(BudgetLedger, AmountsCarryOverTheYearEndAndLapseAfterThirtyJune) {
  BudgetState june = On(D(2024, 1, 1), std::nullopt, kRates, {}, D(2025, 6, 30));
  EXPECT_EQ(june.accrued_cents_total, 12 * 12500 + 6 * 13100);
  EXPECT_EQ(june.available_cents, 12 * 12500 + 6 * 13100);
  EXPECT_EQ(june.lapsed_cents_total, 0);
  ASSERT_EQ(june.upcoming_lapses.size(), 2u);
  EXPECT_EQ(june.upcoming_lapses[0].day, D(2025, 6, 30));
  EXPECT_EQ(june.upcoming_lapses[0].amount_cents, 12 * 12500);
  EXPECT_EQ(june.upcoming_lapses[1].day, D(2026, 6, 30));
  EXPECT_EQ(june.upcoming_lapses[1].amount_cents, 6 * 13100);

  BudgetState july = On(D(2024, 1, 1), std::nullopt, kRates, {}, D(2025, 7, 1));
  EXPECT_EQ(july.lapsed_cents_total, 12 * 12500);
  EXPECT_EQ(july.available_cents, 7 * 13100);
  ASSERT_EQ(july.upcoming_lapses.size(), 1u);
  EXPECT_EQ(july.upcoming_lapses[0].day, D(2026, 6, 30));
}

TEST(BudgetLedger, SpendingUsesTheOldestAmountsFirst) {
  BudgetState july = On(D(2024, 1, 1), std::nullopt, kRates, {{D(2025, 2, 10), 40000}}, D(2025, 7, 1));
  EXPECT_EQ(july.consumed_cents_total, 40000);
  EXPECT_EQ(july.lapsed_cents_total, 12 * 12500 - 40000);  // the spending came out of 2024's amounts
  EXPECT_EQ(july.available_cents, 7 * 13100);
}

TEST(BudgetLedger, LapsingAmountCanStillBeSpentOnThirtiethOfJune) {
  const std::int32_t from = D(2024, 12, 1);
  BudgetState spent = On(from, std::nullopt, kRates, {{D(2025, 6, 30), 12500 + 6 * 13100}}, D(2025, 7, 1));
  EXPECT_EQ(spent.lapsed_cents_total, 0);
  EXPECT_EQ(spent.available_cents, 13100);

  auto too_late = BudgetOn(from, std::nullopt, kRates, {{D(2025, 7, 1), 7 * 13100 + 1}}, D(2025, 7, 1));
  EXPECT_EQ(FirstErrorField(too_late), "consumptions[0].amount_cents");
  EXPECT_TRUE(BudgetOn(from, std::nullopt, kRates, {{D(2025, 7, 1), 7 * 13100}}, D(2025, 7, 1)).ok());
}

TEST(BudgetLedger, RateChangeAppliesFromTheFirstAccrualOnOrAfterIt) {
  // A hypothetical raise to 140 € in the middle of 2025.
  std::vector<RateChange> rates = kRates;
  rates.push_back({D(2025, 7, 1), 14000});
  EXPECT_EQ(On(D(2025, 1, 1), std::nullopt, rates, {}, D(2025, 12, 31)).accrued_cents_total, 6 * 13100 + 6 * 14000);

  rates.back().effective_day = D(2025, 7, 15);  // July accrued on the 1st, at the old rate
  EXPECT_EQ(On(D(2025, 1, 1), std::nullopt, rates, {}, D(2025, 12, 31)).accrued_cents_total, 7 * 13100 + 5 * 14000);
}

TEST(BudgetLedger, ConsumptionAboveTheAvailableAmountIsAnError) {
  auto overdrawn = BudgetOn(D(2025, 1, 1), std::nullopt, kRates, {{D(2025, 1, 20), 13101}}, D(2025, 3, 1));
  ASSERT_FALSE(overdrawn.ok());
  EXPECT_EQ(overdrawn.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(FirstErrorField(overdrawn), "consumptions[0].amount_cents");
  // The month's amount accrues before that day's spending.
  EXPECT_EQ(On(D(2025, 1, 1), std::nullopt, kRates, {{D(2025, 2, 1), 26200}}, D(2025, 3, 1)).available_cents, 13100);
}

TEST(BudgetLedger, ConsumptionsAreAppliedInDayOrderAndLaterOnesIgnored) {
  std::vector<Consumption> spent = {{D(2025, 3, 5), 10000}, {D(2025, 1, 5), 13100}, {D(2025, 12, 1), 1}};
  BudgetState state = On(D(2025, 1, 1), std::nullopt, kRates, spent, D(2025, 3, 31));
  EXPECT_EQ(state.consumed_cents_total, 23100);
  EXPECT_EQ(state.available_cents, 3 * 13100 - 23100);
}

TEST(BudgetLedger, GrantAccruesFromItsFirstValidDayUntilItEnds) {
  const std::int32_t from = D(2025, 3, 15);
  const std::int32_t until = D(2025, 5, 31);
  EXPECT_EQ(On(from, until, kRates, {}, D(2025, 3, 14)).accrued_cents_total, 0);
  EXPECT_EQ(On(from, until, kRates, {}, D(2025, 3, 15)).accrued_cents_total, 13100);
  EXPECT_EQ(On(from, until, kRates, {}, D(2025, 12, 31)).accrued_cents_total, 3 * 13100);
}

TEST(BudgetLedger, MonthWithoutARateIsAnError) {
  auto state = BudgetOn(D(2016, 12, 1), std::nullopt, kRates, {}, D(2017, 2, 1));
  EXPECT_EQ(FirstErrorField(state), "rates");
}

TEST(BudgetLedger, ImpossibleInputsAreInvalid) {
  EXPECT_EQ(FirstErrorField(BudgetOn(D(2025, 2, 1), D(2025, 1, 1), kRates, {}, D(2025, 3, 1))), "valid_until_day");
  EXPECT_EQ(FirstErrorField(BudgetOn(D(2025, 1, 1), std::nullopt, kRates, {{D(2025, 1, 2), -1}}, D(2025, 3, 1))),
            "consumptions[0].amount_cents");
  EXPECT_EQ(FirstErrorField(
                BudgetOn(D(2025, 1, 1), std::nullopt, {{D(2025, 1, 1), 1}, {D(2025, 1, 1), 2}}, {}, D(2025, 3, 1))),
            "rates[1].effective_day");
  EXPECT_EQ(FirstErrorField(BudgetOn(D(2025, 1, 1), std::nullopt, kRates, {}, D(9999, 1, 1))), "day");
}

TEST(BudgetLedgerProperties, AccruedIsAlwaysAvailablePlusConsumedPlusLapsed) {
  std::mt19937_64 rng(45);
  auto between = [&](std::int64_t low, std::int64_t high) {
    return std::uniform_int_distribution<std::int64_t>(low, high)(rng);
  };
  for (int n = 0; n < 2000; ++n) {
    SCOPED_TRACE("case " + std::to_string(n));
    std::int32_t from = D(2020, 1, 1) + static_cast<std::int32_t>(between(0, 1500));
    std::optional<std::int32_t> until;
    if (between(0, 1) == 1) until = from + static_cast<std::int32_t>(between(0, 1500));
    std::vector<RateChange> rates = {{D(2017, 1, 1), between(0, 20000)}, {D(2023, 5, 17), between(0, 20000)}};
    std::vector<Consumption> spent;
    for (int i = 0, count = static_cast<int>(between(0, 10)); i < count; ++i) {
      spent.push_back({from + static_cast<std::int32_t>(between(-30, 2000)), between(0, 20000)});
    }
    std::int32_t day = from + static_cast<std::int32_t>(between(-10, 2500));
    auto state = BudgetOn(from, until, rates, spent, day);
    if (!state.ok()) {
      ASSERT_EQ(state.error().fields.size(), 1u);
      ASSERT_EQ(state.error().fields[0].field.rfind("consumptions[", 0), 0u);  // only ever an overdraw
      continue;
    }
    EXPECT_GE(state->available_cents, 0);
    EXPECT_EQ(state->accrued_cents_total,
              state->available_cents + state->consumed_cents_total + state->lapsed_cents_total);
    std::int64_t upcoming = 0;
    for (std::size_t i = 0; i < state->upcoming_lapses.size(); ++i) {
      EXPECT_GT(state->upcoming_lapses[i].amount_cents, 0);
      EXPECT_GE(state->upcoming_lapses[i].day, day);
      if (i > 0) {
        EXPECT_GT(state->upcoming_lapses[i].day, state->upcoming_lapses[i - 1].day);
      }
      upcoming += state->upcoming_lapses[i].amount_cents;
    }
    EXPECT_EQ(upcoming, state->available_cents);
  }
}

}  // namespace
}  // namespace allmende::dispatch
