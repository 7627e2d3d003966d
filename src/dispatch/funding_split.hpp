// Who pays for one delivery: the price split across the client's grants in priority order, the client
// paying what is left (DOMAIN.md of the shared design docs, "Who pays"). Pure: no database, no clock, no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"

namespace allmende::dispatch {

enum class GrantKind { kVoucher, kPurchasedService, kPeriodicBudget, kEmployerBenefit, kFreeChoice };

// How much of a grant is left for the delivery's period, in the grant's own unit.
// Units each kind accepts (anything else is InvalidArgument):
//   Voucher           kHour (value_cents per hour, draws remaining_minutes), kVisit (value_cents per visit, draws
//                     remaining_visits) or kMoney (draws remaining_cents; value_cents, the monthly amount, when
//                     remaining_cents is not set).
//   FreeChoice        kHour: value_cents is the municipality's fixed price per hour; draws remaining_minutes.
//   PurchasedService  kVisit (fee_cents per visit) or kHour (fee_cents per hour); remaining_cents, when set, is what
//                     is left of the client's monthly fee cap.
//   PeriodicBudget    kMoney: covers up to remaining_cents (required).
//   EmployerBenefit   kMoney: covers up to remaining_cents (required), after the co-pay.
// An unset remaining_minutes / remaining_visits means the grant has no limit in that unit.
struct GrantInput {
  std::string grant_id;
  GrantKind kind;
  std::string payer_id;  // organization that pays (welfare area, care insurer, employer, municipality)
  enum class Unit { kHour, kVisit, kMoney } unit = Unit::kHour;
  std::int64_t value_cents = 0;
  std::int64_t fee_cents = 0;
  std::int64_t copay_basis_points = 0;  // employer co-pay as a share of the price (10000 = 100 %) ...
  std::int64_t copay_cents = 0;         // ... or a fixed co-pay per delivery; not both
  // Balances: remaining_minutes for hours-based grants (voucher hours / free-choice hours per week),
  // remaining_visits for visit-based grants, remaining_cents for money-based ones (budget balance, employer cap
  // left, fee cap left).
  std::optional<std::int64_t> remaining_minutes = std::nullopt;
  std::optional<std::int64_t> remaining_visits = std::nullopt;
  std::optional<std::int64_t> remaining_cents = std::nullopt;
};

struct DeliveryLine {
  std::int64_t price_cents = 0;  // what the provider charges for this delivery (already rounded to the billing unit)
  std::int64_t billable_minutes = 0;
  std::int64_t labour_cents = 0;  // part of the price that is labour (for tax credits); <= price_cents
  std::string currency;           // "EUR", "DKK"
};

// One payer's part of a delivery. Client parts have client = true and an empty payer_id; a client fee or co-pay
// that belongs to a grant (purchased-service fee, employer co-pay) carries that grant's id, the client's rest does
// not.
struct Share {
  std::string grant_id;                  // empty for the client's rest
  std::string payer_id;                  // empty for the client
  GrantKind kind = GrantKind::kVoucher;  // the grant's kind; meaningless for the client's rest
  bool client = false;
  bool paid_to_purchaser = false;  // client fee under a purchased service: the client pays the purchaser
  std::int64_t amount_cents = 0;
  std::int64_t consumed_minutes = 0, consumed_visits = 0, consumed_cents = 0;  // what this draws from the grant
  // Structured explanation the UI renders in its own language: rate_cents=2800, quantity_minutes=120 →
  // "28.00 €/h × 2 h = 56.00 €". Rules: "voucher_per_hour", "voucher_per_visit", "voucher_monthly", "free_choice",
  // "purchased_service", "client_fee", "budget", "employer_benefit", "employer_copay", "client_rest".
  std::string rule;
  std::int64_t rate_cents = 0;        // per hour (voucher_per_hour, free_choice, client_fee by the hour) or per visit
  std::int64_t quantity_minutes = 0;  // minutes the rate applies to; 0 for per-visit and money rules
  std::int64_t basis_points = 0;      // employer_copay as a share of the price (0 for a fixed co-pay)
  bool capped = false;                // the grant's balance ran out within this line
};

struct SplitResult {
  std::vector<Share> shares;
};

// Splits one delivery's price across `grants` in the given priority order; the client pays the rest.
//
// Each grant covers part of what is still uncovered after the grants before it:
//   voucher per hour / free choice: min(rest, rate × covered minutes / 60), covered minutes = the line's minutes not
//     yet drawn from an earlier hours-based grant, limited by remaining_minutes. Free choice covers the whole rest
//     (no client share) when its hours cover every remaining minute; beyond its hours the rest falls through.
//   voucher per visit: min(rest, value) for one visit; voucher per month: min(rest, remaining money).
//   purchased service: the client fee (per visit, or per hour × minutes / 60), capped by the fee cap left and by
//     the rest, paid by the client to the purchaser; the purchaser pays everything else, so no later grant pays.
//   budget: min(rest, remaining_cents).
//   employer: the co-pay (basis points of the price, or fixed) goes to the client first; the employer then covers
//     min(rest, cap left); a grant whose cap is used up adds no co-pay and is passed over.
// Grants that contribute nothing (balance used up, nothing left to cover) do not appear in the result.
//
// Guarantees: shares sum to price_cents exactly; no grant draws more than its remaining_*; every amount >= 0;
// the same input gives the same output. Amounts are integer cents, each share rounded once, half away from
// zero, with 128-bit intermediates (no overflow for any int64 input).
// Returns InvalidArgument naming the field ("line.labour_cents", "grants[1].unit", ...) for: negative amounts,
// minutes or balances, labour above the price, a currency that is not a supported ISO 4217 code, an empty or
// repeated grant_id, a unit the kind does not accept, a budget or employer grant without remaining_cents,
// co-pay basis points above 10000, or both co-pay forms set.
Result<SplitResult> SplitDelivery(const DeliveryLine& line, const std::vector<GrantInput>& grants);

// English one-line explanation for logs and the API ("voucher 28.00 €/h × 2 h = 56.00 €; your share 9.80 €").
// The UI builds its own text from the structured fields. Never fails; an empty result gives "nothing to pay".
std::string ExplainInEnglish(const SplitResult& result, const std::string& currency);

}  // namespace allmende::dispatch
