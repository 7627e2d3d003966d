#include "calendar/posix_tz.hpp"

#include <gtest/gtest.h>

#include "calendar/local_time.hpp"
#include "calendar/zone.hpp"

namespace allmende::calendar {
namespace {

std::int64_t Utc(LocalDate date, int hour, int minute) {
  return std::int64_t{DayNumber(date)} * 86400 + hour * 3600 + minute * 60;
}

TEST(PosixTz, ParsesAnEuropeanRule) {
  auto rule = ParsePosixTz("EET-2EEST,M3.5.0/3,M10.5.0/4");
  ASSERT_TRUE(rule);
  EXPECT_EQ(rule->std_offset, 7200);
  EXPECT_TRUE(rule->has_dst);
  EXPECT_EQ(rule->dst_offset, 10800);
  EXPECT_EQ(rule->dst_start.month, 3);
  EXPECT_EQ(rule->dst_start.week, 5);
  EXPECT_EQ(rule->dst_start.time, 3 * 3600);
  EXPECT_EQ(rule->dst_end.time, 4 * 3600);
}

TEST(PosixTz, ParsesZonesWithoutDaylightTimeAndQuotedNames) {
  auto tokyo = ParsePosixTz("JST-9");
  ASSERT_TRUE(tokyo);
  EXPECT_FALSE(tokyo->has_dst);
  EXPECT_EQ(tokyo->std_offset, 9 * 3600);
  auto tehran = ParsePosixTz("<+0330>-3:30");
  ASSERT_TRUE(tehran);
  EXPECT_EQ(tehran->std_offset, 3 * 3600 + 30 * 60);
  auto nuuk = ParsePosixTz("<-02>2<-01>,M3.5.0/-1,M10.5.0/0");
  ASSERT_TRUE(nuuk);
  EXPECT_EQ(nuuk->std_offset, -7200);
  EXPECT_EQ(nuuk->dst_start.time, -3600);
}

TEST(PosixTz, RejectsWhatItCannotEvaluate) {
  EXPECT_FALSE(ParsePosixTz(""));
  EXPECT_FALSE(ParsePosixTz("EET"));
  EXPECT_FALSE(ParsePosixTz("EST5EDT"));  // daylight time without rules
  EXPECT_FALSE(ParsePosixTz("EET-2EEST,M13.5.0,M10.5.0"));
  EXPECT_FALSE(ParsePosixTz("EET-2EEST,M3.5.0/3,M10.5.0/4junk"));
  EXPECT_FALSE(ParsePosixTz("E-2"));
}

TEST(PosixTz, EuropeanRuleSwitchesAtOneUtcOnTheLastSundays) {
  auto rule = *ParsePosixTz("EET-2EEST,M3.5.0/3,M10.5.0/4");
  // 2040: last Sunday of March is the 25th, of October the 28th.
  EXPECT_EQ(OffsetAt(rule, Utc({2040, 3, 25}, 0, 59)), 7200);
  EXPECT_EQ(OffsetAt(rule, Utc({2040, 3, 25}, 1, 0)), 10800);
  EXPECT_EQ(OffsetAt(rule, Utc({2040, 10, 28}, 0, 59)), 10800);
  EXPECT_EQ(OffsetAt(rule, Utc({2040, 10, 28}, 1, 0)), 7200);
  EXPECT_EQ(OffsetAt(rule, Utc({2040, 1, 1}, 0, 0)), 7200);
}

TEST(PosixTz, SouthernRuleHasDaylightTimeAcrossNewYear) {
  auto rule = *ParsePosixTz("AEST-10AEDT,M10.1.0,M4.1.0/3");
  EXPECT_EQ(OffsetAt(rule, Utc({2040, 1, 15}, 0, 0)), 11 * 3600);
  EXPECT_EQ(OffsetAt(rule, Utc({2040, 7, 15}, 0, 0)), 10 * 3600);
  EXPECT_EQ(OffsetAt(rule, Utc({2040, 12, 31}, 23, 0)), 11 * 3600);
}

TEST(PosixTz, SecondSundayOfMarchForNorthAmerica) {
  auto rule = *ParsePosixTz("EST5EDT,M3.2.0,M11.1.0");
  // 2040-03-11 is the second Sunday; 02:00 EST is 07:00Z.
  EXPECT_EQ(OffsetAt(rule, Utc({2040, 3, 11}, 6, 59)), -5 * 3600);
  EXPECT_EQ(OffsetAt(rule, Utc({2040, 3, 11}, 7, 0)), -4 * 3600);
}

// The footers of the regions' zones describe the same changes as the transitions their files list,
// so switching from one to the other after 2037 changes nothing but the source.
TEST(PosixTz, FootersOfTheRegionsZonesMatchTheirListedTransitions) {
  const std::pair<std::string_view, std::string_view> zones[] = {
      {"Europe/Helsinki", "EET-2EEST,M3.5.0/3,M10.5.0/4"},
      {"Europe/Berlin", "CET-1CEST,M3.5.0,M10.5.0/3"},
      {"Europe/Copenhagen", "CET-1CEST,M3.5.0,M10.5.0/3"},
  };
  for (const auto& [zone, footer] : zones) {
    const PosixTzRule rule = *ParsePosixTz(footer);
    for (std::int64_t t = Utc({2030, 1, 1}, 0, 0); t < Utc({2037, 1, 1}, 0, 0); t += 1800) {
      auto local = ToLocal(zone, Timestamp(std::chrono::seconds(t)));
      ASSERT_TRUE(local.ok());
      const std::int64_t listed_offset = Utc(local->first, local->second.hour, local->second.minute) - t;
      ASSERT_EQ(listed_offset, OffsetAt(rule, t)) << zone << " at " << t;
    }
  }
}

}  // namespace
}  // namespace allmende::calendar
