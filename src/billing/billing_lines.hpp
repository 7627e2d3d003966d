// The pure part of billing: a priced visit's lines, and the CSV of a run. No database, no clock.
#pragma once

#include <string>
#include <vector>

#include "billing/billing_types.hpp"
#include "common/result.hpp"

namespace allmende::billing {

// A visit a run charges, as stored: priced and split when it ended (orders::PriceVisit).
struct ChargeableVisit {
  std::string visit_id;
  std::string order_id;
  std::string provider_id;
  std::string provider_name;
  std::string client_id;
  std::string purchaser_id;
  std::string local_date;
  std::string state;  // confirmed, failed (client not at home), cancelled (late)
  std::int64_t charge_bp = 10000;
  std::int64_t minutes = 0;
  std::int64_t price_cents = 0;
  std::string split;  // visits.split: {"shares":[…]}
  std::string price;  // orders.price
  std::string price_source;
  std::int64_t vat_rate_bp = 0;
};

// The visit's lines: one per share of its split with an amount, in the split's order (share_index
// is the share's place). The client's shares are the client's to pay, to the provider or, for a
// client fee under a purchased service, to the purchaser. An internal error when the shares do
// not add up to the visit's price: a run never bills a split that does not reconcile.
Result<std::vector<BillingLine>> LinesOfVisit(const ChargeableVisit& visit);

// "-12.30" from -1230.
std::string Money(std::int64_t cents);

// The run as CSV (RFC 4180, a header row, CRLF) for the purchaser's finance system: one row per
// line with the visit, the payer, the provider, the rule and the amount. Text that a spreadsheet
// would run as a formula (=, +, -, @ first) is prefixed with an apostrophe.
std::string LinesCsv(const BillingRun& run, const std::vector<BillingLine>& lines);

}  // namespace allmende::billing
