#include "calendar/posix_tz.hpp"

#include <cctype>

#include "calendar/local_time.hpp"

namespace allmende::calendar {
namespace {

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  bool AtEnd() const { return pos_ == text_.size(); }
  bool Peek(char c) const { return !AtEnd() && text_[pos_] == c; }
  bool Take(char c) {
    if (!Peek(c)) return false;
    ++pos_;
    return true;
  }

  // "EET" (three or more letters) or "<+0330>" (quoted, letters, digits and signs).
  bool Name() {
    std::size_t length = 0;
    if (Take('<')) {
      while (!AtEnd() && !Peek('>')) {
        const char c = text_[pos_];
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-') return false;
        ++pos_;
        ++length;
      }
      return Take('>') && length >= 3;
    }
    while (!AtEnd() && std::isalpha(static_cast<unsigned char>(text_[pos_]))) {
      ++pos_;
      ++length;
    }
    return length >= 3;
  }

  // An unsigned decimal of 1..max_digits digits.
  bool Number(int max_digits, int* out) {
    int value = 0, digits = 0;
    while (!AtEnd() && std::isdigit(static_cast<unsigned char>(text_[pos_])) && digits < max_digits) {
      value = value * 10 + (text_[pos_++] - '0');
      ++digits;
    }
    *out = value;
    return digits > 0;
  }

  // [+-]hh[:mm[:ss]] in seconds, hours up to max_hours.
  bool Duration(int max_hours, std::int32_t* out) {
    int sign = 1;
    if (Take('-')) {
      sign = -1;
    } else {
      Take('+');
    }
    int hours = 0, minutes = 0, seconds = 0;
    if (!Number(3, &hours) || hours > max_hours) return false;
    if (Take(':') && (!Number(2, &minutes) || minutes > 59)) return false;
    if (Take(':') && (!Number(2, &seconds) || seconds > 59)) return false;
    *out = sign * (hours * 3600 + minutes * 60 + seconds);
    return true;
  }

  bool Change(PosixTzRule::Change* change) {
    using Kind = PosixTzRule::Change::Kind;
    if (Take('M')) {
      change->kind = Kind::kMonthWeekDay;
      if (!Number(2, &change->month) || change->month < 1 || change->month > 12 || !Take('.') ||
          !Number(1, &change->week) || change->week < 1 || change->week > 5 || !Take('.') ||
          !Number(1, &change->weekday) || change->weekday > 6) {
        return false;
      }
    } else if (Take('J')) {
      change->kind = Kind::kJulian;
      if (!Number(3, &change->day) || change->day < 1 || change->day > 365) return false;
    } else {
      change->kind = Kind::kDayOfYear;
      if (!Number(3, &change->day) || change->day > 365) return false;
    }
    // Times run from -167 to 167 hours in the form RFC 9636 allows (zic writes "M3.5.0/-1", "J365/25").
    return !Take('/') || Duration(167, &change->time);
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

// The day number of a change in `year`.
std::int64_t ChangeDay(const PosixTzRule::Change& change, int year) {
  using Kind = PosixTzRule::Change::Kind;
  const std::int64_t jan1 = DayNumber({year, 1, 1});
  switch (change.kind) {
    case Kind::kJulian: {
      const bool leap = DaysInMonth(year, 2) == 29;
      return jan1 + change.day - 1 + (leap && change.day >= 60 ? 1 : 0);
    }
    case Kind::kDayOfYear:
      return jan1 + change.day;
    case Kind::kMonthWeekDay:
      break;
  }
  const auto month = static_cast<unsigned>(change.month);
  const std::int64_t first = DayNumber({year, month, 1});
  const int first_weekday = Weekday({year, month, 1}) % 7;  // 0 = Sunday, as in the rule
  std::int64_t day = first + (change.weekday - first_weekday + 7) % 7 + 7 * (change.week - 1);
  const std::int64_t last = first + DaysInMonth(year, month) - 1;
  while (day > last) day -= 7;  // week 5 means the last such weekday of the month
  return day;
}

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

std::optional<PosixTzRule> ParsePosixTz(std::string_view text) {
  Reader in(text);
  PosixTzRule rule;
  std::int32_t west = 0;
  if (!in.Name() || !in.Duration(24, &west)) return std::nullopt;
  rule.std_offset = -west;  // POSIX counts hours west of Greenwich
  if (in.AtEnd()) return rule;
  if (!in.Name()) return std::nullopt;
  rule.has_dst = true;
  rule.dst_offset = rule.std_offset + 3600;
  if (!in.Peek(',')) {
    if (!in.Duration(24, &west)) return std::nullopt;
    rule.dst_offset = -west;
  }
  if (!in.Take(',') || !in.Change(&rule.dst_start) || !in.Take(',') || !in.Change(&rule.dst_end) || !in.AtEnd()) {
    return std::nullopt;
  }
  return rule;
}

std::int32_t OffsetAt(const PosixTzRule& rule, std::int64_t utc_seconds) {
  if (!rule.has_dst) return rule.std_offset;
  const int year = FromDayNumber(static_cast<std::int32_t>(FloorDiv(utc_seconds + rule.std_offset, 86400))).year;
  const std::int64_t start = ChangeDay(rule.dst_start, year) * 86400 + rule.dst_start.time - rule.std_offset;
  const std::int64_t end = ChangeDay(rule.dst_end, year) * 86400 + rule.dst_end.time - rule.dst_offset;
  // Northern rules start and end daylight time within a year; southern ones end it first.
  const bool dst =
      start < end ? (utc_seconds >= start && utc_seconds < end) : !(utc_seconds >= end && utc_seconds < start);
  return dst ? rule.dst_offset : rule.std_offset;
}

}  // namespace allmende::calendar
