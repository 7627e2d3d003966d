// The billing basis (issue 21): a purchaser's billing runs and their lines. Money is integer
// cents in the run's currency; dates are days in the region's time zone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace allmende::billing {

struct BillingRun {
  std::string id;
  std::string region_id;
  std::string purchaser_id;
  std::string purchaser_name;
  std::string period_start;  // first day
  std::string period_end;    // the day after the last
  std::string currency;
  std::string state;  // draft, locked
  std::int64_t line_count = 0;
  std::int64_t total_cents = 0;
  std::string created_by;
  std::string created_at;
  std::string collected_at;
  std::optional<std::string> locked_by;
  std::optional<std::string> locked_at;
  std::int64_t version = 1;
};

// One payer's share of one chargeable visit.
struct BillingLine {
  std::string id;
  std::string run_id;
  std::int64_t seq = 0;
  std::string kind = "charge";  // charge; credit and debit correct a line of a locked run
  std::optional<std::string> corrects_line_id;
  std::string visit_id;
  std::int64_t share_index = 0;
  std::string order_id;
  std::string provider_id;
  std::string provider_name;
  std::string client_id;
  std::string client_name;
  std::string payer_kind;  // organization, client
  std::string payer_id;
  std::string payer_name;
  std::string paid_to;  // provider, purchaser
  std::optional<std::string> grant_id;
  std::string visit_date;
  std::string charge;  // delivery, no_show, late_cancellation
  std::int64_t charge_bp = 10000;
  std::int64_t minutes = 0;
  std::int64_t visit_price_cents = 0;
  std::int64_t amount_cents = 0;
  std::int64_t vat_rate_bp = 0;
  std::string rule;
  std::optional<std::int64_t> rate_cents;
  std::optional<std::int64_t> basis_points;
  std::string price_source;  // agreement:<id>, service:<id>
  std::string price;         // the order's price list as accepted (JSON, read from the order)
};

// A sum of lines: per payer, per provider, or the whole run.
struct Total {
  std::string kind;  // organization, client (payers); provider
  std::string id;
  std::string name;
  std::int64_t cents = 0;
  std::int64_t lines = 0;
};

// A visit that the run does not bill, and why: the client disputes it or has not confirmed it yet
// (visits of the period), or it cannot be billed as stored (any visit before the period's end):
// confirmed without a price, a split that does not add up to the price, another currency.
struct UnbilledVisit {
  std::string visit_id;
  std::string order_id;
  std::string client_id;
  std::string local_date;
  std::string state;  // disputed, delivered; or the state of a visit with a problem
  std::string provider_name;
  std::string reason;   // the client's words for a dispute
  std::string problem;  // empty, or unpriced, split, currency
  std::optional<std::int64_t> price_cents;
};

// A locked run as a provider's statement lists it: the sums of the provider's lines.
struct StatementRun {
  std::string run_id;
  std::string purchaser_id;
  std::string purchaser_name;
  std::string period_start;
  std::string period_end;
  std::string currency;
  std::string locked_at;
  std::int64_t total_cents = 0;
  std::int64_t line_count = 0;
};

// A provider's statement of one locked run: its totals per payer, which add up to the run's
// total for the provider.
struct Statement {
  StatementRun run;
  std::string provider_id;
  std::string provider_name;
  std::vector<Total> by_payer;
};

// A client's own share of a billed visit, as the client and their delegates see it.
struct ClientShare {
  std::string line_id;
  std::string run_id;
  std::string period_start;
  std::string purchaser_name;
  std::string provider_name;
  std::string visit_id;
  std::string visit_date;
  std::string charge;
  std::int64_t minutes = 0;
  std::string rule;
  std::optional<std::int64_t> rate_cents;
  std::int64_t visit_price_cents = 0;
  std::int64_t amount_cents = 0;
  std::string currency;
  std::string paid_to;  // provider, purchaser
  std::string provider_id;
  std::string tax_credit;  // the visit's estimate as priced (JSON), or empty
};

struct RunSummary {
  BillingRun run;
  std::vector<Total> by_payer;     // organizations by name, then the clients' own shares together
  std::vector<Total> by_provider;  // by name
  std::vector<UnbilledVisit> unbilled;
};

}  // namespace allmende::billing
