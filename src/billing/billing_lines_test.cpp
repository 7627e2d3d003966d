#include "billing/billing_lines.hpp"

#include <gtest/gtest.h>

namespace allmende::billing {
namespace {

ChargeableVisit Visit(std::string split, std::int64_t price) {
  ChargeableVisit v;
  v.visit_id = "vis_1";
  v.order_id = "ord_1";
  v.provider_id = "org_provider";
  v.client_id = "usr_aino";
  v.purchaser_id = "org_welfare";
  v.local_date = "2026-10-06";
  v.state = "confirmed";
  v.minutes = 120;
  v.price_cents = price;
  v.split = std::move(split);
  v.price = R"({"model":"hourly","amount_cents":3900,"currency":"EUR"})";
  v.price_source = "agreement:agr_1";
  return v;
}

// Aino's cleaning: 2 h at 39.00 €/h = 78.00 €; her voucher 28.00 €/h × 2 h = 56.00 €; she pays 22.00 €.
TEST(LinesOfVisit, EachShareWithAnAmountIsALineOfItsPayer) {
  auto lines = LinesOfVisit(Visit(
      R"({"shares":[{"grant_id":"grt_1","payer_id":"org_welfare","client":false,"paid_to_purchaser":false,)"
      R"("amount_cents":5600,"rule":"voucher_per_hour","rate_cents":2800,"quantity_minutes":120,"basis_points":0},)"
      R"({"grant_id":null,"payer_id":null,"client":true,"paid_to_purchaser":false,"amount_cents":2200,)"
      R"("rule":"client_rest","rate_cents":0,"quantity_minutes":0,"basis_points":0}],"explanation":"…"})",
      7800));
  ASSERT_TRUE(lines.ok()) << lines.error().message;
  ASSERT_EQ(lines->size(), 2u);
  const auto& voucher = (*lines)[0];
  EXPECT_EQ(voucher.payer_kind, "organization");
  EXPECT_EQ(voucher.payer_id, "org_welfare");
  EXPECT_EQ(voucher.grant_id, "grt_1");
  EXPECT_EQ(voucher.amount_cents, 5600);
  EXPECT_EQ(voucher.rule, "voucher_per_hour");
  EXPECT_EQ(voucher.rate_cents, 2800);
  EXPECT_EQ(voucher.share_index, 0);
  EXPECT_EQ(voucher.charge, "delivery");
  EXPECT_EQ(voucher.visit_price_cents, 7800);
  EXPECT_EQ(voucher.price_source, "agreement:agr_1");
  const auto& own = (*lines)[1];
  EXPECT_EQ(own.payer_kind, "client");
  EXPECT_EQ(own.payer_id, "usr_aino");
  EXPECT_EQ(own.paid_to, "provider");
  EXPECT_EQ(own.amount_cents, 2200);
  EXPECT_FALSE(own.grant_id.has_value());
  EXPECT_FALSE(own.rate_cents.has_value());
  EXPECT_EQ(voucher.amount_cents + own.amount_cents, 7800);
}

// A purchased service: the purchaser pays the provider in full and bills the client's fee itself.
TEST(LinesOfVisit, AClientFeeUnderAPurchasedServiceIsPaidToThePurchaser) {
  auto lines = LinesOfVisit(
      Visit(R"({"shares":[{"grant_id":"grt_2","payer_id":"org_welfare","client":false,"amount_cents":6000,)"
            R"("rule":"purchased_service"},{"grant_id":"grt_2","payer_id":null,"client":true,"paid_to_purchaser":true,)"
            R"("amount_cents":1800,"rule":"client_fee"}]})",
            7800));
  ASSERT_TRUE(lines.ok()) << lines.error().message;
  ASSERT_EQ(lines->size(), 2u);
  EXPECT_EQ((*lines)[1].paid_to, "purchaser");
  EXPECT_EQ((*lines)[1].payer_id, "usr_aino");
}

TEST(LinesOfVisit, AShareOfNothingIsNoLineAndTheOthersKeepTheirPlace) {
  auto v =
      Visit(R"({"shares":[{"grant_id":"grt_1","payer_id":"org_welfare","client":false,"amount_cents":0,)"
            R"("rule":"voucher_per_hour","capped":true},{"client":true,"amount_cents":3900,"rule":"client_rest"}]})",
            3900);
  v.state = "failed";
  v.charge_bp = 10000;
  auto lines = LinesOfVisit(v);
  ASSERT_TRUE(lines.ok()) << lines.error().message;
  ASSERT_EQ(lines->size(), 1u);
  EXPECT_EQ((*lines)[0].share_index, 1);
  EXPECT_EQ((*lines)[0].charge, "no_show");
}

TEST(LinesOfVisit, ASplitThatDoesNotAddUpToThePriceIsNeverBilled) {
  auto lines = LinesOfVisit(Visit(R"({"shares":[{"client":true,"amount_cents":7700,"rule":"client_rest"}]})", 7800));
  ASSERT_FALSE(lines.ok());
  EXPECT_EQ(lines.error().code, ErrorCode::kInternal);
  EXPECT_NE(lines.error().message.find("77.00"), std::string::npos);
  EXPECT_FALSE(LinesOfVisit(Visit("not json", 7800)).ok());
  EXPECT_FALSE(LinesOfVisit(Visit(R"({"shares":[{"client":false,"amount_cents":7800}]})", 7800)).ok())
      << "an organization's share names its payer";
}

TEST(Money, CentsAsDecimals) {
  EXPECT_EQ(Money(0), "0.00");
  EXPECT_EQ(Money(5), "0.05");
  EXPECT_EQ(Money(7800), "78.00");
  EXPECT_EQ(Money(-1230), "-12.30");
  EXPECT_EQ(Money(-5), "-0.05");
}

TEST(LinesCsv, QuotesTextAndDefusesFormulas) {
  BillingRun run;
  run.id = "brun_1";
  run.period_start = "2026-10-01";
  run.period_end = "2026-11-01";
  run.currency = "EUR";
  BillingLine l;
  l.seq = 1;
  l.visit_id = "vis_1";
  l.provider_name = "Siivous \"Puhdas\", Oy";
  l.client_name = "=HYPERLINK(\"x\")";
  l.payer_name = "Pirkanmaan hyvinvointialue";
  l.amount_cents = -5600;
  l.vat_rate_bp = 2550;
  const std::string csv = LinesCsv(run, {l});
  EXPECT_EQ(csv.substr(0, 4), "run,");
  EXPECT_NE(csv.find("\"Siivous \"\"Puhdas\"\", Oy\""), std::string::npos) << csv;
  EXPECT_NE(csv.find("\"'=HYPERLINK(\"\"x\"\")\""), std::string::npos) << csv;
  EXPECT_NE(csv.find(",-56.00,EUR,25.50,"), std::string::npos) << "amounts stay numbers: " << csv;
  EXPECT_EQ(csv.substr(csv.size() - 2), "\r\n");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 2);
}

}  // namespace
}  // namespace allmende::billing
