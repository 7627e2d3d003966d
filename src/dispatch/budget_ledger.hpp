// The German relief amount (Entlastungsbetrag, § 45b SGB XI) as a ledger: a monthly accrual, carry-over, the lapse
// on 30 June of the following year, and consumption oldest first. Pure: no database, no clock, no I/O.
//
// Days are counted since 1970-01-01 (see DaysFromCivil in common/time.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "common/result.hpp"

namespace allmende::dispatch {

// From effective_day on, each month accrues amount_cents (until the next change).
struct RateChange {
  std::int32_t effective_day;
  std::int64_t amount_cents;
};

// An amount taken from the budget on `day` (an invoice the care insurer paid from it).
struct Consumption {
  std::int32_t day;
  std::int64_t amount_cents;
};

struct BudgetState {
  std::int64_t available_cents = 0;  // what may still be spent at the end of the day asked for
  struct Lapse {
    std::int32_t day;  // the last day the amount can be used (30 June); it is gone the next day
    std::int64_t amount_cents;
  };
  std::vector<Lapse> upcoming_lapses;  // what lapses if nothing more is spent, earliest first; amounts > 0
  std::int64_t lapsed_cents_total = 0;
  std::int64_t accrued_cents_total = 0;
  std::int64_t consumed_cents_total = 0;  // invariant: accrued = available + consumed + lapsed
};

// The budget at the end of `day`.
//
// Accrual: each calendar month in which the grant is valid (valid_from_day ..= valid_until_day, open-ended when
// unset) accrues the full monthly amount on the first day of that month on which the grant is valid: the 1st, or
// valid_from_day in the first month. The amount is the rate whose effective_day is the latest on or before that
// accrual day. Accruals on or before `day` count.
// Lapse: what accrued in calendar year Y and is unspent can be used up to and including 30 June of Y+1; it lapses
// at the end of that day, so it counts as lapsed when 30 June Y+1 is before `day`.
// Consumption: consumptions on or before `day` are applied in day order (in input order within a day), after that
// day's accrual, each drawing from the oldest unlapsed accruals first. Later consumptions are ignored.
//
// Returns InvalidArgument for: valid_until_day before valid_from_day; a negative amount; two rates on one day; a
// month that accrues with no rate in force ("rates"); a consumption above what is available on its day
// ("consumptions[i].amount_cents": the ledger never overdraws); a day outside the years 1900..8999.
Result<BudgetState> BudgetOn(std::int32_t valid_from_day, std::optional<std::int32_t> valid_until_day,
                             const std::vector<RateChange>& rates, const std::vector<Consumption>& consumptions,
                             std::int32_t day);

}  // namespace allmende::dispatch
