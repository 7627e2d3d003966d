#include "calendar/recurrence.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>

#include "calendar/holidays.hpp"
#include "calendar/zone.hpp"

namespace allmende::calendar {
namespace {

using Frequency = Recurrence::Frequency;

std::int64_t MonthIndex(LocalDate date) { return std::int64_t{date.year} * 12 + date.month - 1; }

// The candidate dates of a rule in increasing order, from `start` on, before holidays, until and count.
class DateSequence {
 public:
  // Begins at the first period that can hold `skip_to` (or at start's, if that is later).
  DateSequence(const Recurrence& r, LocalDate skip_to) : r_(r), start_day_(DayNumber(r.start)) {
    weekdays_ = r.weekdays.empty() ? std::vector<int>{Weekday(r.start)} : r.weekdays;
    std::sort(weekdays_.begin(), weekdays_.end());
    start_monday_ = start_day_ - (Weekday(r.start) - 1);
    std::int64_t skip = 0;
    if (r.frequency == Frequency::kWeekly) skip = (DayNumber(skip_to) - start_monday_) / 7;
    if (r.frequency == Frequency::kMonthly) skip = MonthIndex(skip_to) - MonthIndex(r.start);
    period_ = std::max<std::int64_t>(0, skip - skip % r.interval);
  }

  // The next date, or nullopt after the last one (past year 9999, or the single date of kOnce).
  std::optional<LocalDate> Next() {
    switch (r_.frequency) {
      case Frequency::kOnce:
        if (done_) return std::nullopt;
        done_ = true;
        return r_.start;
      case Frequency::kWeekly:
        return NextWeekly();
      case Frequency::kMonthly:
        return NextMonthly();
    }
    return std::nullopt;
  }

 private:
  std::optional<LocalDate> NextWeekly() {
    while (true) {
      if (position_ == weekdays_.size()) {
        period_ += r_.interval;
        position_ = 0;
      }
      const std::int64_t day = start_monday_ + 7 * period_ + weekdays_[position_++] - 1;
      if (day > DayNumber({9999, 12, 31})) return std::nullopt;
      if (day >= start_day_) return FromDayNumber(static_cast<std::int32_t>(day));
    }
  }

  std::optional<LocalDate> NextMonthly() {
    while (true) {
      const std::int64_t month_index = MonthIndex(r_.start) + period_;
      period_ += r_.interval;
      const auto year = static_cast<int>(month_index / 12);
      const auto month = static_cast<unsigned>(month_index % 12 + 1);
      if (year > 9999) return std::nullopt;
      const unsigned wanted = r_.month_day != 0 ? static_cast<unsigned>(r_.month_day) : r_.start.day;
      const LocalDate date{year, month, std::min(wanted, DaysInMonth(year, month))};
      if (date >= r_.start) return date;
    }
  }

  const Recurrence& r_;
  std::int64_t start_day_;
  std::int64_t start_monday_;
  std::vector<int> weekdays_;
  std::int64_t period_ = 0;
  std::size_t position_ = 0;
  bool done_ = false;
};

// Holidays of one year at a time: a horizon crosses few years, and a year's list is cheap to compute.
class HolidayLookup {
 public:
  explicit HolidayLookup(const Recurrence& r) : r_(r) {}
  Result<bool> Contains(LocalDate date) {
    if (year_ != date.year) {
      ALLMENDE_ASSIGN_OR_RETURN(auto holidays, PublicHolidays(r_.country, r_.subdivision, date.year));
      dates_.clear();
      for (const auto& [day, name] : holidays) dates_.push_back(day);
      year_ = date.year;
    }
    return std::find(dates_.begin(), dates_.end(), date) != dates_.end();
  }

 private:
  const Recurrence& r_;
  int year_ = 0;
  std::vector<LocalDate> dates_;
};

int Minutes(LocalTime t) { return t.hour * 60 + t.minute; }

Result<Occurrence> MakeOccurrence(const Recurrence& r, std::string_view zone, LocalDate date) {
  ALLMENDE_ASSIGN_OR_RETURN(Timestamp starts_at, ToUtc(zone, date, r.window_start));
  ALLMENDE_ASSIGN_OR_RETURN(Timestamp ends_at, ToUtc(zone, date, r.window_end));
  if (ends_at <= starts_at) {
    ends_at = starts_at + std::chrono::minutes(Minutes(r.window_end) - Minutes(r.window_start));
  }
  return Occurrence{date, starts_at, ends_at};
}

}  // namespace

Result<void> Validate(const Recurrence& r) {
  std::vector<FieldError> errors;
  auto fail = [&](std::string field, std::string message) {
    errors.push_back({"recurrence." + std::move(field), std::move(message)});
  };
  const bool weekly = r.frequency == Frequency::kWeekly;
  const bool monthly = r.frequency == Frequency::kMonthly;
  if (!weekly && !monthly && r.frequency != Frequency::kOnce) fail("frequency", "Must be once, weekly or monthly.");
  if (r.interval < 1 || r.interval > 52) fail("interval", "Must be between 1 and 52.");
  if (!weekly && !r.weekdays.empty()) {
    fail("weekdays", "Only weekly recurrences have weekdays.");
  } else if (std::any_of(r.weekdays.begin(), r.weekdays.end(), [](int d) { return d < 1 || d > 7; })) {
    fail("weekdays", "Weekdays are 1 (Monday) to 7 (Sunday).");
  } else {
    std::vector<int> sorted = r.weekdays;
    std::sort(sorted.begin(), sorted.end());
    if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) fail("weekdays", "A weekday is repeated.");
  }
  if (!monthly && r.month_day != 0) {
    fail("month_day", "Only monthly recurrences have a day of the month.");
  } else if (r.month_day < 0 || r.month_day > 31) {
    fail("month_day", "Must be between 1 and 31, or 0 for the day of the start date.");
  }
  const bool start_valid = IsValid(r.start);
  if (!start_valid) fail("start", "Not a date in years 1 to 9999.");
  if (!IsValid(r.window_start) || !IsValid(r.window_end)) {
    fail("window", "Times run from 00:00 to 23:59.");
  } else if (r.window_end <= r.window_start) {
    fail("window", "The window must end after it starts, on the same day.");
  }
  if (r.until && !IsValid(*r.until)) {
    fail("until", "Not a date in years 1 to 9999.");
  } else if (r.until && start_valid && *r.until < r.start) {
    fail("until", "Must not be before the start date.");
  }
  if (r.count && (*r.count < 1 || *r.count > 1000)) fail("count", "Must be between 1 and 1000.");
  if (r.skip_public_holidays) {
    if (auto region = CheckHolidayRegion(r.country, r.subdivision); !region.ok()) {
      for (const FieldError& e : region.error().fields) fail(e.field, e.message);
    }
  }
  if (!errors.empty()) return Error::Invalid(std::move(errors));
  return Ok();
}

Result<std::vector<Occurrence>> Expand(const Recurrence& r, std::string_view zone, LocalDate from, LocalDate to) {
  ALLMENDE_TRY(Validate(r));
  ALLMENDE_TRY(CheckZone(zone));
  if (!IsValid(from) || !IsValid(to)) return Error::Invalid("horizon", "From and to must be dates in years 1 to 9999.");
  if (to < from) return Error::Invalid("horizon", "The horizon must not end before it starts.");

  const LocalDate last = r.until ? std::min(to, *r.until) : to;
  // With a count every earlier visit must be counted, so the walk starts at `start`; without one it
  // may begin at the period that holds `from`.
  DateSequence dates(r, r.count ? r.start : from);
  HolidayLookup holidays(r);
  int counted = 0;
  std::vector<Occurrence> out;
  for (auto date = dates.Next(); date && *date <= last; date = dates.Next()) {
    if (r.skip_public_holidays) {
      ALLMENDE_ASSIGN_OR_RETURN(bool holiday, holidays.Contains(*date));
      if (holiday) continue;
    }
    if (r.count && ++counted > *r.count) break;
    if (*date < from) continue;
    if (out.size() == kMaxOccurrencesPerExpand) {
      return Error::Invalid("horizon", "More than 1000 visits in the horizon; ask for a shorter one.");
    }
    ALLMENDE_ASSIGN_OR_RETURN(Occurrence occurrence, MakeOccurrence(r, zone, *date));
    out.push_back(occurrence);
  }
  return out;
}

}  // namespace allmende::calendar
