#include "common/money.hpp"

#include <gtest/gtest.h>

namespace allmende {
namespace {

TEST(Money, RejectsUnknownCurrency) {
  auto m = Money::Of(100, "XXX");
  ASSERT_FALSE(m);
  EXPECT_EQ(m.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(m.error().fields.at(0).field, "currency");
}

TEST(Money, AddsOnlyTheSameCurrency) {
  auto eur = *Money::Of(1050, "EUR");
  auto dkk = *Money::Of(1050, "DKK");
  EXPECT_EQ(eur.Plus(eur)->minor_units(), 2100);
  EXPECT_FALSE(eur.Plus(dkk));
  EXPECT_EQ(eur.Minus(*Money::Of(2000, "EUR"))->minor_units(), -950);
}

TEST(Money, DetectsOverflow) {
  auto big = *Money::Of(INT64_MAX, "EUR");
  EXPECT_FALSE(big.Plus(*Money::Of(1, "EUR")));
  EXPECT_FALSE(big.MultiplyRational(2, 1));
}

TEST(Money, MultiplyRoundsHalfAwayFromZeroOnce) {
  auto price = *Money::Of(3990, "EUR");  // 39.90 € an hour
  // 25 minutes: 39.90 * 25 / 60 = 16.625 → 16.63
  EXPECT_EQ(price.MultiplyRational(25, 60)->minor_units(), 1663);
  EXPECT_EQ(Money::Of(-3990, "EUR")->MultiplyRational(25, 60)->minor_units(), -1663);
  // VAT 25.5 %: 100.00 * 255 / 1000 = 25.50
  EXPECT_EQ(Money::Of(10000, "EUR")->MultiplyRational(255, 1000)->minor_units(), 2550);
  EXPECT_FALSE(price.MultiplyRational(1, 0));
}

TEST(Money, PrintsLocaleFreeForm) {
  EXPECT_EQ(Money::Of(1250, "EUR")->ToString(), "12.50 EUR");
  EXPECT_EQ(Money::Of(-5, "DKK")->ToString(), "-0.05 DKK");
}

}  // namespace
}  // namespace allmende
