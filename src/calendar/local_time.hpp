// Civil dates and wall-clock times without a zone: what a visit's date and window mean to people.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace allmende::calendar {

// A proleptic Gregorian date. Functions below take valid dates (IsValid) unless they say otherwise.
struct LocalDate {
  int year;
  unsigned month;
  unsigned day;
  auto operator<=>(const LocalDate&) const = default;
};

// A wall-clock time of day to the minute: hour 0..23, minute 0..59.
struct LocalTime {
  int hour;
  int minute;
  auto operator<=>(const LocalTime&) const = default;
};

// True for a date that exists in years 1..9999 (2024-02-29 yes, 2025-02-29 no).
bool IsValid(LocalDate date);
// True for hour 0..23 and minute 0..59.
bool IsValid(LocalTime time);

// Days since 1970-01-01 (negative before it) of a valid date.
std::int32_t DayNumber(LocalDate date);
// The date `days` after 1970-01-01; the inverse of DayNumber. Years outside 1..9999 come out as the
// proleptic calendar has them, so check IsValid before using such a date elsewhere.
LocalDate FromDayNumber(std::int32_t days);

// ISO weekday: 1 = Monday … 7 = Sunday.
int Weekday(LocalDate date);

// The number of days in `month` (1..12) of `year`: 28..31.
unsigned DaysInMonth(int year, unsigned month);

// "2026-11-27" exactly: four-digit year, two-digit month and day, a date that exists. Nullopt otherwise.
std::optional<LocalDate> ParseDate(std::string_view text);
// "2026-11-27"; years 1..9999 always give ten characters.
std::string FormatDate(LocalDate date);

// "10:00" exactly: two-digit hour 00..23 and minute 00..59. Nullopt otherwise.
std::optional<LocalTime> ParseTime(std::string_view text);
// "10:00".
std::string FormatTime(LocalTime time);

}  // namespace allmende::calendar
