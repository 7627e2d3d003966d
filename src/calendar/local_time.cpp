#include "calendar/local_time.hpp"

#include <cstdio>

#include "common/time.hpp"

namespace allmende::calendar {
namespace {

bool ReadDigits(std::string_view s, std::size_t pos, std::size_t n, int* out) {
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

}  // namespace

bool IsValid(LocalDate date) { return IsValidDate(date.year, date.month, date.day); }

bool IsValid(LocalTime time) { return time.hour >= 0 && time.hour <= 23 && time.minute >= 0 && time.minute <= 59; }

std::int32_t DayNumber(LocalDate date) {
  return static_cast<std::int32_t>(DaysFromCivil(date.year, date.month, date.day));
}

// Howard Hinnant's civil_from_days, in 64 bits so that no int32 input overflows.
LocalDate FromDayNumber(std::int32_t days) {
  const std::int64_t z = static_cast<std::int64_t>(days) + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2)), m, d};
}

int Weekday(LocalDate date) {
  // 1970-01-01 was a Thursday (ISO 4).
  const std::int64_t d = DayNumber(date);
  return static_cast<int>(((d + 3) % 7 + 7) % 7) + 1;
}

unsigned DaysInMonth(int year, unsigned month) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

std::optional<LocalDate> ParseDate(std::string_view text) {
  int year = 0, month = 0, day = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !ReadDigits(text, 0, 4, &year) ||
      !ReadDigits(text, 5, 2, &month) || !ReadDigits(text, 8, 2, &day)) {
    return std::nullopt;
  }
  LocalDate date{year, static_cast<unsigned>(month), static_cast<unsigned>(day)};
  if (!IsValid(date)) return std::nullopt;
  return date;
}

std::string FormatDate(LocalDate date) {
  char buf[48];  // room for any values the compiler imagines, to keep -Wformat-truncation quiet
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", date.year, date.month, date.day);
  return buf;
}

std::optional<LocalTime> ParseTime(std::string_view text) {
  LocalTime time{};
  if (text.size() != 5 || text[2] != ':' || !ReadDigits(text, 0, 2, &time.hour) ||
      !ReadDigits(text, 3, 2, &time.minute) || !IsValid(time)) {
    return std::nullopt;
  }
  return time;
}

std::string FormatTime(LocalTime time) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d:%02d", time.hour, time.minute);
  return buf;
}

}  // namespace allmende::calendar
