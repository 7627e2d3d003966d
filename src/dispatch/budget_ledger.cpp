#include "dispatch/budget_ledger.hpp"

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <string>

#include "common/time.hpp"

namespace allmende::dispatch {
namespace {

struct CivilDate {
  int year;
  unsigned month;
  unsigned day;
};

// The inverse of DaysFromCivil (H. Hinnant's algorithm), for the proleptic Gregorian calendar.
CivilDate CivilFromDays(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto day_of_era = static_cast<unsigned>(days - era * 146097);
  const unsigned year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const unsigned shifted_month = (5 * day_of_year + 2) / 153;  // March = 0
  const unsigned day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
  const unsigned month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
  const auto year = static_cast<int>(static_cast<std::int64_t>(year_of_era) + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

std::int32_t Day(int year, unsigned month, unsigned day) {
  return static_cast<std::int32_t>(DaysFromCivil(year, month, day));
}

std::string FormatDay(std::int32_t day) {
  CivilDate c = CivilFromDays(day);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", c.year, c.month, c.day);
  return text;
}

// What accrued in one calendar year and is not spent yet.
struct YearBucket {
  int year;
  std::int32_t last_day;  // 30 June of the next year
  std::int64_t left_cents;
};

class Ledger {
 public:
  // Lapses every bucket whose last day is before `day`.
  void LapseBefore(std::int32_t day) {
    while (oldest_ < buckets_.size() && buckets_[oldest_].last_day < day) {
      state_.lapsed_cents_total += buckets_[oldest_].left_cents;
      buckets_[oldest_].left_cents = 0;
      ++oldest_;
    }
  }

  Result<void> Accrue(std::int32_t day, std::int64_t amount) {
    LapseBefore(day);
    int year = CivilFromDays(day).year;
    if (buckets_.empty() || buckets_.back().year != year) buckets_.push_back({year, Day(year + 1, 6, 30), 0});
    if (__builtin_add_overflow(state_.accrued_cents_total, amount, &state_.accrued_cents_total)) {
      return Error::Invalid("rates", "The accrued amounts are too large.");
    }
    buckets_.back().left_cents += amount;
    return Ok();
  }

  Result<void> Consume(std::size_t index, const Consumption& c) {
    LapseBefore(c.day);
    std::int64_t available = Available();
    if (c.amount_cents > available) {
      return Error::Invalid("consumptions[" + std::to_string(index) + "].amount_cents",
                            "Exceeds the " + std::to_string(available) + " cents available on " + FormatDay(c.day) +
                                "; the budget is never overdrawn.");
    }
    std::int64_t due = c.amount_cents;
    for (std::size_t i = oldest_; i < buckets_.size() && due > 0; ++i) {
      std::int64_t taken = std::min(due, buckets_[i].left_cents);
      buckets_[i].left_cents -= taken;
      due -= taken;
    }
    state_.consumed_cents_total += c.amount_cents;
    return Ok();
  }

  BudgetState Finish(std::int32_t day) && {
    LapseBefore(day);
    state_.available_cents = Available();
    for (std::size_t i = oldest_; i < buckets_.size(); ++i) {
      if (buckets_[i].left_cents > 0) state_.upcoming_lapses.push_back({buckets_[i].last_day, buckets_[i].left_cents});
    }
    return std::move(state_);
  }

 private:
  std::int64_t Available() const {
    std::int64_t sum = 0;
    for (std::size_t i = oldest_; i < buckets_.size(); ++i) sum += buckets_[i].left_cents;
    return sum;
  }

  std::vector<YearBucket> buckets_;
  std::size_t oldest_ = 0;
  BudgetState state_;
};

std::vector<FieldError> Validate(std::int32_t valid_from_day, std::optional<std::int32_t> valid_until_day,
                                 const std::vector<RateChange>& rates, const std::vector<Consumption>& consumptions,
                                 std::int32_t day) {
  std::vector<FieldError> errors;
  const std::int32_t min_day = Day(1900, 1, 1);
  const std::int32_t max_day = Day(8999, 12, 31);
  auto check_day = [&](const std::string& field, std::int32_t value) {
    if (value < min_day || value > max_day) errors.push_back({field, "Must be a day in the years 1900..8999."});
  };
  check_day("valid_from_day", valid_from_day);
  check_day("day", day);
  if (valid_until_day) {
    check_day("valid_until_day", *valid_until_day);
    if (*valid_until_day < valid_from_day) errors.push_back({"valid_until_day", "Must not be before valid_from_day."});
  }
  for (std::size_t i = 0; i < rates.size(); ++i) {
    const std::string at = "rates[" + std::to_string(i) + "].";
    check_day(at + "effective_day", rates[i].effective_day);
    if (rates[i].amount_cents < 0) errors.push_back({at + "amount_cents", "Must not be negative."});
    for (std::size_t j = 0; j < i; ++j) {
      if (rates[j].effective_day == rates[i].effective_day) {
        errors.push_back({at + "effective_day", "Two rates take effect on " + FormatDay(rates[i].effective_day) + "."});
      }
    }
  }
  for (std::size_t i = 0; i < consumptions.size(); ++i) {
    const std::string at = "consumptions[" + std::to_string(i) + "].";
    check_day(at + "day", consumptions[i].day);
    if (consumptions[i].amount_cents < 0) errors.push_back({at + "amount_cents", "Must not be negative."});
  }
  return errors;
}

}  // namespace

Result<BudgetState> BudgetOn(std::int32_t valid_from_day, std::optional<std::int32_t> valid_until_day,
                             const std::vector<RateChange>& rates, const std::vector<Consumption>& consumptions,
                             std::int32_t day) {
  if (auto errors = Validate(valid_from_day, valid_until_day, rates, consumptions, day); !errors.empty()) {
    return Error::Invalid(std::move(errors));
  }
  std::vector<RateChange> schedule = rates;
  std::sort(schedule.begin(), schedule.end(),
            [](const RateChange& a, const RateChange& b) { return a.effective_day < b.effective_day; });

  std::vector<std::size_t> order;  // consumptions up to `day`, by day, then input order
  for (std::size_t i = 0; i < consumptions.size(); ++i) {
    if (consumptions[i].day <= day) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return consumptions[a].day < consumptions[b].day; });

  Ledger ledger;
  std::size_t next = 0;
  auto consume_before = [&](std::int32_t limit) -> Result<void> {
    for (; next < order.size() && consumptions[order[next]].day < limit; ++next) {
      ALLMENDE_TRY(ledger.Consume(order[next], consumptions[order[next]]));
    }
    return Ok();
  };

  const std::int32_t last_accrual_day = std::min(day, valid_until_day.value_or(day));
  CivilDate month = CivilFromDays(valid_from_day);
  for (std::int32_t accrual_day = valid_from_day; accrual_day <= last_accrual_day;) {
    auto in_force = std::upper_bound(schedule.begin(), schedule.end(), accrual_day,
                                     [](std::int32_t d, const RateChange& r) { return d < r.effective_day; });
    if (in_force == schedule.begin()) {
      return Error::Invalid("rates", "No rate is in force on " + FormatDay(accrual_day) + ".");
    }
    ALLMENDE_TRY(consume_before(accrual_day));
    ALLMENDE_TRY(ledger.Accrue(accrual_day, std::prev(in_force)->amount_cents));
    month = month.month == 12 ? CivilDate{month.year + 1, 1, 1} : CivilDate{month.year, month.month + 1, 1};
    accrual_day = Day(month.year, month.month, 1);
  }
  ALLMENDE_TRY(consume_before(day + 1));
  return std::move(ledger).Finish(day);
}

}  // namespace allmende::dispatch
