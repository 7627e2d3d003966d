#include "calendar/holidays.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace allmende::calendar {
namespace {

bool Holiday(std::string_view country, std::string_view subdivision, LocalDate date) {
  auto r = IsPublicHoliday(country, subdivision, date);
  EXPECT_TRUE(r.ok());
  return r.ok() && *r;
}

std::string NameOn(std::string_view country, std::string_view subdivision, LocalDate date) {
  auto list = PublicHolidays(country, subdivision, date.year);
  if (!list.ok()) return "error";
  auto it = std::find_if(list->begin(), list->end(), [&](const auto& h) { return h.first == date; });
  return it == list->end() ? "" : it->second;
}

TEST(Holidays, EasterSundayByTheAnonymousGregorianAlgorithm) {
  EXPECT_EQ(EasterSunday(2024), (LocalDate{2024, 3, 31}));
  EXPECT_EQ(EasterSunday(2025), (LocalDate{2025, 4, 20}));
  EXPECT_EQ(EasterSunday(2026), (LocalDate{2026, 4, 5}));
  EXPECT_EQ(EasterSunday(2027), (LocalDate{2027, 3, 28}));
  EXPECT_EQ(EasterSunday(2038), (LocalDate{2038, 4, 25}));  // the latest possible
  EXPECT_EQ(EasterSunday(2285), (LocalDate{2285, 3, 22}));  // the earliest possible
  EXPECT_EQ(EasterSunday(2000), (LocalDate{2000, 4, 23}));
}

TEST(Holidays, FinlandHasFifteenDaysIn2026InDateOrder) {
  auto list = PublicHolidays("FI", "", 2026);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 15u);
  EXPECT_TRUE(std::is_sorted(list->begin(), list->end(), [](auto& a, auto& b) { return a.first < b.first; }));
  EXPECT_EQ(list->front().second, "New Year's Day");
  EXPECT_EQ(list->back().second, "Boxing Day");
  EXPECT_EQ(NameOn("FI", "", {2026, 4, 3}), "Good Friday");
  EXPECT_EQ(NameOn("FI", "", {2026, 4, 6}), "Easter Monday");
  EXPECT_EQ(NameOn("FI", "", {2026, 5, 14}), "Ascension Day");
  EXPECT_EQ(NameOn("FI", "", {2026, 5, 24}), "Whit Sunday");
  EXPECT_EQ(NameOn("FI", "", {2026, 12, 6}), "Independence Day");
}

TEST(Holidays, FinnishMidsummerAndAllSaintsMoveWithTheWeekday) {
  EXPECT_EQ(NameOn("FI", "", {2026, 6, 19}), "Midsummer Eve");  // Friday
  EXPECT_EQ(NameOn("FI", "", {2026, 6, 20}), "Midsummer Day");
  EXPECT_EQ(NameOn("FI", "", {2027, 6, 25}), "Midsummer Eve");
  EXPECT_EQ(NameOn("FI", "", {2027, 6, 26}), "Midsummer Day");
  EXPECT_FALSE(Holiday("FI", "", {2027, 6, 19}));
  EXPECT_EQ(NameOn("FI", "", {2026, 10, 31}), "All Saints' Day");
  EXPECT_EQ(NameOn("FI", "", {2027, 11, 6}), "All Saints' Day");
  EXPECT_FALSE(Holiday("FI", "", {2027, 11, 1}));
  EXPECT_EQ(NameOn("FI", "", {2025, 11, 1}), "All Saints' Day");
}

TEST(Holidays, ChristmasEve2026IsAFinnishHolidayOnAThursday) {
  EXPECT_EQ(Weekday({2026, 12, 24}), 4);
  EXPECT_TRUE(Holiday("FI", "", {2026, 12, 24}));
  EXPECT_FALSE(Holiday("FI", "", {2026, 12, 23}));
}

TEST(Holidays, BadenWuerttembergKeepsEpiphanyAndCorpusChristiButNotEasterSunday) {
  auto list = PublicHolidays("DE", "BW", 2026);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->size(), 12u);
  EXPECT_EQ(NameOn("DE", "BW", {2026, 1, 6}), "Epiphany");
  EXPECT_EQ(NameOn("DE", "BW", {2026, 5, 25}), "Whit Monday");
  EXPECT_EQ(NameOn("DE", "BW", {2026, 6, 4}), "Corpus Christi");
  EXPECT_EQ(NameOn("DE", "BW", {2026, 10, 3}), "German Unity Day");
  EXPECT_EQ(NameOn("DE", "BW", {2026, 11, 1}), "All Saints' Day");
  EXPECT_FALSE(Holiday("DE", "BW", {2026, 4, 5}));
  EXPECT_FALSE(Holiday("DE", "BW", {2026, 12, 24}));
}

TEST(Holidays, NordrheinWestfalenHasNoEpiphany) {
  EXPECT_FALSE(Holiday("DE", "NW", {2026, 1, 6}));
  EXPECT_TRUE(Holiday("DE", "NW", {2026, 6, 4}));
}

TEST(Holidays, DenmarkDroppedGreatPrayerDayFrom2024) {
  EXPECT_EQ(NameOn("DK", "", {2023, 5, 5}), "Great Prayer Day");
  EXPECT_FALSE(Holiday("DK", "", {2024, 4, 26}));  // Easter 2024 (31 March) + 26 days
  auto y2024 = PublicHolidays("DK", "", 2024);
  ASSERT_TRUE(y2024.ok());
  EXPECT_TRUE(std::none_of(y2024->begin(), y2024->end(), [](auto& h) { return h.second == "Great Prayer Day"; }));
  EXPECT_EQ(NameOn("DK", "", {2026, 4, 2}), "Maundy Thursday");
  EXPECT_EQ(NameOn("DK", "", {2026, 5, 25}), "Whit Monday");
}

TEST(Holidays, DenmarkIncludesTheCustomaryDaysOff) {
  EXPECT_EQ(NameOn("DK", "", {2026, 6, 5}), "Constitution Day");
  EXPECT_EQ(NameOn("DK", "", {2026, 12, 24}), "Christmas Eve");
  EXPECT_FALSE(Holiday("DK", "", {2026, 12, 31}));
}

TEST(Holidays, TwoHolidaysOnOneDayAreTwoEntries) {
  auto list = PublicHolidays("FI", "", 2008);  // Easter 23 March: Ascension on May Day
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(std::count_if(list->begin(), list->end(), [](auto& h) { return h.first == LocalDate{2008, 5, 1}; }), 2);
}

TEST(Holidays, UnknownRegionsAreRefusedByField) {
  auto field = [](const Result<bool>& r) { return r.ok() ? std::string("ok") : r.error().fields.at(0).field; };
  EXPECT_EQ(field(IsPublicHoliday("SE", "", {2026, 1, 1})), "country");
  EXPECT_EQ(field(IsPublicHoliday("fi", "", {2026, 1, 1})), "country");
  EXPECT_EQ(field(IsPublicHoliday("DE", "", {2026, 1, 1})), "subdivision");
  EXPECT_EQ(field(IsPublicHoliday("DE", "BY", {2026, 1, 1})), "subdivision");
  EXPECT_EQ(field(IsPublicHoliday("FI", "18", {2026, 1, 1})), "subdivision");
  EXPECT_EQ(field(IsPublicHoliday("FI", "", {2026, 2, 30})), "date");
  auto year = PublicHolidays("FI", "", 0);
  ASSERT_FALSE(year.ok());
  EXPECT_EQ(year.error().fields.at(0).field, "year");
}

}  // namespace
}  // namespace allmende::calendar
