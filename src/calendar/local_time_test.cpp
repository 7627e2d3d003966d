#include "calendar/local_time.hpp"

#include <gtest/gtest.h>

namespace allmende::calendar {
namespace {

TEST(LocalTime, DayNumberCountsFromTheUnixEpoch) {
  EXPECT_EQ(DayNumber({1970, 1, 1}), 0);
  EXPECT_EQ(DayNumber({1969, 12, 31}), -1);
  EXPECT_EQ(DayNumber({2026, 3, 29}), 20541);
  EXPECT_EQ(DayNumber({2000, 3, 1}), 11017);
}

TEST(LocalTime, FromDayNumberInvertsDayNumberAcrossLeapYearsAndCenturies) {
  for (LocalDate d : {LocalDate{1, 1, 1}, LocalDate{1900, 2, 28}, LocalDate{1900, 3, 1}, LocalDate{2000, 2, 29},
                      LocalDate{2024, 12, 31}, LocalDate{2100, 3, 1}, LocalDate{9999, 12, 31}}) {
    EXPECT_EQ(FromDayNumber(DayNumber(d)), d) << FormatDate(d);
  }
  EXPECT_EQ(FromDayNumber(20541), (LocalDate{2026, 3, 29}));
}

TEST(LocalTime, WeekdayIsIsoMondayOneToSundaySeven) {
  EXPECT_EQ(Weekday({1970, 1, 1}), 4);    // Thursday
  EXPECT_EQ(Weekday({2026, 3, 29}), 7);   // Sunday
  EXPECT_EQ(Weekday({2026, 12, 24}), 4);  // Thursday
  EXPECT_EQ(Weekday({2026, 11, 30}), 1);  // Monday
  EXPECT_EQ(Weekday({1969, 12, 29}), 1);  // before the epoch
}

TEST(LocalTime, DaysInMonthKnowsLeapYears) {
  EXPECT_EQ(DaysInMonth(2024, 2), 29u);
  EXPECT_EQ(DaysInMonth(2026, 2), 28u);
  EXPECT_EQ(DaysInMonth(1900, 2), 28u);
  EXPECT_EQ(DaysInMonth(2000, 2), 29u);
  EXPECT_EQ(DaysInMonth(2026, 4), 30u);
  EXPECT_EQ(DaysInMonth(2026, 12), 31u);
}

TEST(LocalTime, ParseDateAcceptsOnlyExistingIsoDates) {
  EXPECT_EQ(ParseDate("2026-11-27"), (LocalDate{2026, 11, 27}));
  EXPECT_EQ(ParseDate("2024-02-29"), (LocalDate{2024, 2, 29}));
  EXPECT_FALSE(ParseDate("2025-02-29"));
  EXPECT_FALSE(ParseDate("2026-13-01"));
  EXPECT_FALSE(ParseDate("0000-01-01"));
  EXPECT_FALSE(ParseDate("2026-1-27"));
  EXPECT_FALSE(ParseDate("2026-11-27T10:00"));
  EXPECT_FALSE(ParseDate("2026/11/27"));
  EXPECT_FALSE(ParseDate(""));
}

TEST(LocalTime, FormatDateRoundTripsWithParseDate) {
  EXPECT_EQ(FormatDate({2026, 3, 5}), "2026-03-05");
  EXPECT_EQ(FormatDate({987, 1, 1}), "0987-01-01");
  EXPECT_EQ(ParseDate(FormatDate({2026, 12, 24})), (LocalDate{2026, 12, 24}));
}

TEST(LocalTime, ParseTimeAcceptsHoursAndMinutesOfOneDay) {
  EXPECT_EQ(ParseTime("10:00"), (LocalTime{10, 0}));
  EXPECT_EQ(ParseTime("23:59"), (LocalTime{23, 59}));
  EXPECT_FALSE(ParseTime("24:00"));
  EXPECT_FALSE(ParseTime("10:60"));
  EXPECT_FALSE(ParseTime("9:00"));
  EXPECT_FALSE(ParseTime("10:00:00"));
  EXPECT_EQ(FormatTime({7, 5}), "07:05");
}

TEST(LocalTime, ValidityChecksRanges) {
  EXPECT_TRUE(IsValid(LocalDate{2026, 2, 28}));
  EXPECT_FALSE(IsValid(LocalDate{2026, 2, 29}));
  EXPECT_FALSE(IsValid(LocalDate{10000, 1, 1}));
  EXPECT_TRUE(IsValid(LocalTime{0, 0}));
  EXPECT_FALSE(IsValid(LocalTime{-1, 0}));
  EXPECT_FALSE(IsValid(LocalTime{12, 60}));
}

}  // namespace
}  // namespace allmende::calendar
