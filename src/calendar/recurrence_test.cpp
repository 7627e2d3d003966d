#include "calendar/recurrence.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace allmende::calendar {
namespace {

using Frequency = Recurrence::Frequency;
constexpr std::string_view kHelsinki = "Europe/Helsinki";

Recurrence Weekly(LocalDate start, std::vector<int> weekdays, int interval = 1) {
  Recurrence r;
  r.frequency = Frequency::kWeekly;
  r.interval = interval;
  r.weekdays = std::move(weekdays);
  r.start = start;
  r.window_start = {10, 0};
  r.window_end = {12, 0};
  return r;
}

Recurrence Monthly(LocalDate start, int month_day, int interval = 1) {
  Recurrence r;
  r.frequency = Frequency::kMonthly;
  r.interval = interval;
  r.month_day = month_day;
  r.start = start;
  r.window_start = {10, 0};
  r.window_end = {12, 0};
  return r;
}

// The visits' dates as "2026-11-03 …", or the error's first field.
std::string Dates(const Recurrence& r, LocalDate from, LocalDate to, std::string_view zone = kHelsinki) {
  auto visits = Expand(r, zone, from, to);
  if (!visits.ok()) return "error: " + visits.error().fields.at(0).field;
  std::string out;
  for (const Occurrence& o : *visits) out += (out.empty() ? "" : " ") + FormatDate(o.date);
  return out;
}

// "08:00-10:00" in UTC for each visit.
std::string UtcWindows(const Recurrence& r, LocalDate from, LocalDate to, std::string_view zone = kHelsinki) {
  auto visits = Expand(r, zone, from, to);
  if (!visits.ok()) return "error: " + visits.error().fields.at(0).field;
  std::string out;
  for (const Occurrence& o : *visits) {
    out += (out.empty() ? "" : " ") + FormatRfc3339(o.starts_at).substr(11, 5) + "-" +
           FormatRfc3339(o.ends_at).substr(11, 5);
  }
  return out;
}

std::vector<std::string> InvalidFields(const Recurrence& r) {
  auto result = Validate(r);
  std::vector<std::string> fields;
  if (!result.ok()) {
    for (const FieldError& e : result.error().fields) fields.push_back(e.field);
  }
  return fields;
}

TEST(Recurrence, EverySecondTuesday) {
  EXPECT_EQ(Dates(Weekly({2026, 11, 3}, {2}, 2), {2026, 11, 1}, {2026, 12, 31}),
            "2026-11-03 2026-11-17 2026-12-01 2026-12-15 2026-12-29");
}

TEST(Recurrence, WeeklyIntervalCountsFromTheIsoWeekOfTheStart) {
  // Start on Thursday 5 November: that week's Tuesday is before the start, so the first is two weeks on.
  EXPECT_EQ(Dates(Weekly({2026, 11, 5}, {2}, 2), {2026, 11, 1}, {2026, 12, 5}), "2026-11-17 2026-12-01");
}

TEST(Recurrence, MondaysAndThursdaysInDateOrderWhateverTheListOrder) {
  EXPECT_EQ(Dates(Weekly({2026, 11, 30}, {4, 1}), {2026, 11, 1}, {2026, 12, 13}),
            "2026-11-30 2026-12-03 2026-12-07 2026-12-10");
}

TEST(Recurrence, EmptyWeekdaysMeanTheWeekdayOfTheStart) {
  EXPECT_EQ(Dates(Weekly({2026, 12, 3}, {}), {2026, 12, 1}, {2026, 12, 20}), "2026-12-03 2026-12-10 2026-12-17");
}

TEST(Recurrence, MonthlyOnThe31stFallsOnTheLastDayOfShorterMonths) {
  EXPECT_EQ(Dates(Monthly({2026, 1, 31}, 31), {2026, 1, 1}, {2026, 5, 31}),
            "2026-01-31 2026-02-28 2026-03-31 2026-04-30 2026-05-31");
  EXPECT_EQ(Dates(Monthly({2028, 1, 31}, 0), {2028, 2, 1}, {2028, 3, 31}), "2028-02-29 2028-03-31");
}

TEST(Recurrence, MonthlyIntervalCountsFromTheStartMonth) {
  EXPECT_EQ(Dates(Monthly({2026, 1, 15}, 10, 3), {2026, 1, 1}, {2026, 12, 31}), "2026-04-10 2026-07-10 2026-10-10");
}

TEST(Recurrence, OnceIsTheStartDateIfTheHorizonHoldsIt) {
  Recurrence once;
  once.start = {2026, 12, 2};
  once.window_start = {10, 0};
  once.window_end = {11, 0};
  EXPECT_EQ(Dates(once, {2026, 12, 1}, {2026, 12, 31}), "2026-12-02");
  EXPECT_EQ(Dates(once, {2026, 12, 3}, {2026, 12, 31}), "");
}

TEST(Recurrence, HelsinkiVisitAtTenIsEightUtcInWinterAndSevenInSummer) {
  // Mondays around the spring change (29 March) and the autumn change (25 October) of 2026.
  EXPECT_EQ(UtcWindows(Weekly({2026, 3, 23}, {1}), {2026, 3, 23}, {2026, 3, 30}), "08:00-10:00 07:00-09:00");
  EXPECT_EQ(UtcWindows(Weekly({2026, 10, 19}, {1}), {2026, 10, 19}, {2026, 10, 26}), "07:00-09:00 08:00-10:00");
}

TEST(Recurrence, BerlinVisitsFollowBerlinsChanges) {
  EXPECT_EQ(UtcWindows(Weekly({2026, 3, 22}, {7}), {2026, 3, 22}, {2026, 3, 29}, "Europe/Berlin"),
            "09:00-11:00 08:00-10:00");
  EXPECT_EQ(UtcWindows(Weekly({2026, 10, 18}, {7}), {2026, 10, 18}, {2026, 10, 25}, "Europe/Berlin"),
            "08:00-10:00 09:00-11:00");
}

TEST(Recurrence, WindowStartingInTheSpringGapMovesForward) {
  Recurrence r = Weekly({2026, 3, 29}, {7});
  r.window_start = {3, 30};
  r.window_end = {5, 0};
  // 03:30 does not exist that Sunday: the visit runs 04:30-05:00 local.
  EXPECT_EQ(UtcWindows(r, {2026, 3, 29}, {2026, 3, 29}), "01:30-02:00");
  r.window_start = {3, 0};
  r.window_end = {4, 0};
  // Both ends land on 04:00; the visit keeps its hour: 04:00-05:00 local.
  EXPECT_EQ(UtcWindows(r, {2026, 3, 29}, {2026, 3, 29}), "01:00-02:00");
}

TEST(Recurrence, WindowInTheAutumnOverlapTakesTheEarlierPass) {
  Recurrence r = Weekly({2026, 10, 25}, {7});
  r.window_start = {3, 15};
  r.window_end = {3, 45};
  EXPECT_EQ(UtcWindows(r, {2026, 10, 25}, {2026, 10, 25}), "00:15-00:45");
}

TEST(Recurrence, SkipsFinnishHolidaysWhenAsked) {
  Recurrence r = Weekly({2026, 12, 3}, {4});
  EXPECT_EQ(Dates(r, {2026, 12, 1}, {2026, 12, 31}), "2026-12-03 2026-12-10 2026-12-17 2026-12-24 2026-12-31");
  r.skip_public_holidays = true;
  r.country = "FI";
  EXPECT_EQ(Dates(r, {2026, 12, 1}, {2026, 12, 31}), "2026-12-03 2026-12-10 2026-12-17 2026-12-31");
}

TEST(Recurrence, SkippedHolidaysDoNotCountTowardsCount) {
  Recurrence r = Weekly({2026, 12, 3}, {4});
  r.count = 4;
  EXPECT_EQ(Dates(r, {2026, 12, 1}, {2027, 1, 31}), "2026-12-03 2026-12-10 2026-12-17 2026-12-24");
  r.skip_public_holidays = true;
  r.country = "FI";
  EXPECT_EQ(Dates(r, {2026, 12, 1}, {2027, 1, 31}), "2026-12-03 2026-12-10 2026-12-17 2026-12-31");
}

TEST(Recurrence, UntilIsInclusive) {
  Recurrence r = Weekly({2026, 12, 3}, {4});
  r.until = LocalDate{2026, 12, 17};
  EXPECT_EQ(Dates(r, {2026, 12, 1}, {2027, 1, 31}), "2026-12-03 2026-12-10 2026-12-17");
}

TEST(Recurrence, CountCountsFromTheStartNotFromTheHorizon) {
  Recurrence r = Weekly({2026, 12, 3}, {4});
  r.count = 3;
  EXPECT_EQ(Dates(r, {2026, 12, 15}, {2027, 1, 31}), "2026-12-17");
}

TEST(Recurrence, RollingHorizonsGiveTheSameVisitsAsOneLongOne) {
  Recurrence r = Weekly({2026, 9, 1}, {2, 5}, 2);
  r.skip_public_holidays = true;
  r.country = "FI";
  r.count = 20;
  auto whole = Expand(r, kHelsinki, {2026, 9, 1}, {2027, 6, 30});
  ASSERT_TRUE(whole.ok());
  ASSERT_EQ(whole->size(), 20u);
  std::vector<Occurrence> pieces;
  for (LocalDate from{2026, 9, 1}; from <= LocalDate{2027, 6, 30};) {
    const LocalDate to = FromDayNumber(DayNumber(from) + 13);
    auto piece = Expand(r, kHelsinki, from, to);
    ASSERT_TRUE(piece.ok());
    pieces.insert(pieces.end(), piece->begin(), piece->end());
    from = FromDayNumber(DayNumber(to) + 1);
  }
  EXPECT_EQ(pieces, *whole);
}

TEST(Recurrence, StartingLongAgoGivesTheSameVisitsAsWalkingFromTheStart) {
  // Without a count Expand begins at the period holding `from`; with one it walks from the start.
  for (const Recurrence& r : {Weekly({2020, 1, 7}, {2}, 3), Monthly({2019, 5, 31}, 0, 5)}) {
    Recurrence counted = r;
    counted.count = 1000;
    auto skipped = Expand(r, kHelsinki, {2026, 1, 1}, {2027, 12, 31});
    auto walked = Expand(counted, kHelsinki, {2026, 1, 1}, {2027, 12, 31});
    ASSERT_TRUE(skipped.ok() && walked.ok());
    EXPECT_FALSE(skipped->empty());
    EXPECT_EQ(*skipped, *walked);
  }
}

TEST(Recurrence, RuleThatOnlyHitsHolidaysEndsWithoutVisits) {
  Recurrence r = Monthly({2026, 12, 25}, 25, 12);
  r.skip_public_holidays = true;
  r.country = "FI";
  r.count = 5;
  EXPECT_EQ(Dates(r, {2026, 1, 1}, {2999, 12, 31}), "");
}

TEST(Recurrence, MoreThanAThousandVisitsIsRefusedOnHorizon) {
  const Recurrence daily = Weekly({2026, 1, 1}, {1, 2, 3, 4, 5, 6, 7});
  const LocalDate first{2026, 1, 1};
  auto thousand = Expand(daily, kHelsinki, first, FromDayNumber(DayNumber(first) + 999));
  ASSERT_TRUE(thousand.ok());
  EXPECT_EQ(thousand->size(), 1000u);
  EXPECT_EQ(Dates(daily, first, FromDayNumber(DayNumber(first) + 1000)), "error: horizon");
}

TEST(Recurrence, BadHorizonOrZoneIsRefusedByField) {
  const Recurrence r = Weekly({2026, 1, 1}, {1});
  EXPECT_EQ(Dates(r, {2026, 2, 1}, {2026, 1, 1}), "error: horizon");
  EXPECT_EQ(Dates(r, {2026, 2, 30}, {2026, 3, 1}), "error: horizon");
  EXPECT_EQ(Dates(r, {2026, 1, 1}, {2026, 3, 1}, "Europe/Atlantis"), "error: time_zone");
}

TEST(Recurrence, ValidRulesPass) {
  EXPECT_TRUE(Validate(Weekly({2026, 1, 1}, {1, 4}, 52)).ok());
  EXPECT_TRUE(Validate(Monthly({2026, 1, 1}, 31)).ok());
}

TEST(Recurrence, IntervalMustBeOneToFiftyTwo) {
  EXPECT_EQ(InvalidFields(Weekly({2026, 1, 1}, {1}, 0)), std::vector<std::string>{"recurrence.interval"});
  EXPECT_EQ(InvalidFields(Weekly({2026, 1, 1}, {1}, 53)), std::vector<std::string>{"recurrence.interval"});
}

TEST(Recurrence, WeekdaysMustBeIsoAndUniqueAndOnlyWeekly) {
  const std::vector<std::string> weekdays{"recurrence.weekdays"};
  EXPECT_EQ(InvalidFields(Weekly({2026, 1, 1}, {0})), weekdays);
  EXPECT_EQ(InvalidFields(Weekly({2026, 1, 1}, {8})), weekdays);
  EXPECT_EQ(InvalidFields(Weekly({2026, 1, 1}, {2, 2})), weekdays);
  Recurrence monthly = Monthly({2026, 1, 1}, 1);
  monthly.weekdays = {1};
  EXPECT_EQ(InvalidFields(monthly), weekdays);
}

TEST(Recurrence, MonthDayMustBeUpTo31AndOnlyMonthly) {
  const std::vector<std::string> month_day{"recurrence.month_day"};
  EXPECT_EQ(InvalidFields(Monthly({2026, 1, 1}, 32)), month_day);
  EXPECT_EQ(InvalidFields(Monthly({2026, 1, 1}, -1)), month_day);
  Recurrence weekly = Weekly({2026, 1, 1}, {1});
  weekly.month_day = 5;
  EXPECT_EQ(InvalidFields(weekly), month_day);
}

TEST(Recurrence, WindowMustEndAfterItStarts) {
  const std::vector<std::string> window{"recurrence.window"};
  Recurrence r = Weekly({2026, 1, 1}, {1});
  r.window_end = r.window_start;
  EXPECT_EQ(InvalidFields(r), window);
  r.window_end = {9, 0};
  EXPECT_EQ(InvalidFields(r), window);
  r.window_end = {24, 0};
  EXPECT_EQ(InvalidFields(r), window);
}

TEST(Recurrence, UntilCountStartAndHolidayRegionAreChecked) {
  Recurrence r = Weekly({2026, 1, 10}, {1});
  r.until = LocalDate{2026, 1, 9};
  EXPECT_EQ(InvalidFields(r), std::vector<std::string>{"recurrence.until"});
  r = Weekly({2026, 1, 10}, {1});
  r.count = 0;
  EXPECT_EQ(InvalidFields(r), std::vector<std::string>{"recurrence.count"});
  r.count = 1001;
  EXPECT_EQ(InvalidFields(r), std::vector<std::string>{"recurrence.count"});
  r = Weekly({2026, 2, 30}, {1});
  EXPECT_EQ(InvalidFields(r), std::vector<std::string>{"recurrence.start"});
  r = Weekly({2026, 1, 10}, {1});
  r.skip_public_holidays = true;
  r.country = "SE";
  EXPECT_EQ(InvalidFields(r), std::vector<std::string>{"recurrence.country"});
  r.country = "DE";
  EXPECT_EQ(InvalidFields(r), std::vector<std::string>{"recurrence.subdivision"});
  r.skip_public_holidays = false;
  EXPECT_TRUE(InvalidFields(r).empty());  // the region is read only when holidays are skipped
}

TEST(Recurrence, ValidateNamesEveryWrongFieldAtOnce) {
  Recurrence r = Weekly({2026, 1, 10}, {9}, 0);
  r.count = 0;
  r.window_end = {9, 0};
  EXPECT_EQ(InvalidFields(r), (std::vector<std::string>{"recurrence.interval", "recurrence.weekdays",
                                                        "recurrence.window", "recurrence.count"}));
}

}  // namespace
}  // namespace allmende::calendar
