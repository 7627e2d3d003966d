// How a recurring order repeats, and the visits it makes between two dates in a region's zone.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/local_time.hpp"
#include "common/result.hpp"
#include "common/time.hpp"

namespace allmende::calendar {

struct Recurrence {
  enum class Frequency { kOnce, kWeekly, kMonthly } frequency = Frequency::kOnce;
  // Every `interval` weeks or months (every second Tuesday: kWeekly, interval 2, weekdays {2}). Weekly
  // periods count from the ISO week (Monday) of `start`, monthly ones from the month of `start`.
  int interval = 1;
  // Weekly only: ISO weekdays 1..7 (Monday and Thursday: {1, 4}); empty means the weekday of `start`.
  std::vector<int> weekdays;
  // Monthly only: 1..31, in months without that day the month's last day; 0 means the day of `start`.
  int month_day = 0;
  LocalDate start{};                       // the first possible date, and the anchor of the interval
  std::optional<LocalDate> until;          // the last possible date, inclusive
  std::optional<int> count;                // at most this many visits from `start` on; skipped holidays do not count
  LocalTime window_start{}, window_end{};  // the visit's window in local time, e.g. 10:00–12:00
  bool skip_public_holidays = false;       // no visit on the holidays of country/subdivision (holidays.hpp)
  std::string country, subdivision;        // read only when skip_public_holidays is set
};

// Ok, or InvalidArgument naming every wrong field: "recurrence.frequency", "recurrence.interval" (1..52),
// "recurrence.weekdays" (1..7, no duplicates, weekly only), "recurrence.month_day" (0..31, monthly only),
// "recurrence.start" (a valid date), "recurrence.window" (valid times, end after start on the same day),
// "recurrence.until" (valid, not before start), "recurrence.count" (1..1000), and with
// skip_public_holidays "recurrence.country" / "recurrence.subdivision" (as holidays.hpp accepts them).
Result<void> Validate(const Recurrence& recurrence);

// One visit: its local date and its window as UTC instants.
struct Occurrence {
  LocalDate date;
  Timestamp starts_at;
  Timestamp ends_at;
  bool operator==(const Occurrence&) const = default;
};

// The most visits one Expand call returns.
inline constexpr std::size_t kMaxOccurrencesPerExpand = 1000;

// The visits whose local date lies in [from, to] (both inclusive), in date order, their windows
// converted to UTC in `zone` as ToUtc does (a start in a spring-forward gap moves forward by the gap;
// in an autumn overlap the earlier instant). A window whose start lies in a gap and whose end does not
// lie after the moved start keeps its nominal length from the moved start (03:00–04:00 on a day that
// jumps from 03:00 to 04:00 becomes 04:00–05:00). `count` counts from `start`, not from `from`, so the
// same rule gives the same visits whichever horizon is asked for. Deterministic; reads nothing but the
// zone database.
// Errors: Validate's; "time_zone" for an unknown zone; "horizon" for an invalid `from` or `to`, `to`
// before `from`, or more than kMaxOccurrencesPerExpand visits in the range (ask for a shorter one).
Result<std::vector<Occurrence>> Expand(const Recurrence& recurrence, std::string_view zone, LocalDate from,
                                       LocalDate to);

}  // namespace allmende::calendar
