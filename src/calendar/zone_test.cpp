#include "calendar/zone.hpp"

#include <gtest/gtest.h>

namespace allmende::calendar {
namespace {

constexpr std::string_view kHelsinki = "Europe/Helsinki";
constexpr std::string_view kBerlin = "Europe/Berlin";

std::string Utc(std::string_view zone, LocalDate date, LocalTime time) {
  auto t = ToUtc(zone, date, time);
  return t.ok() ? FormatRfc3339(*t) : "error: " + t.error().message;
}

std::string Local(std::string_view zone, std::string_view rfc3339) {
  auto local = ToLocal(zone, *ParseRfc3339(rfc3339));
  if (!local.ok()) return "error: " + local.error().message;
  return FormatDate(local->first) + " " + FormatTime(local->second);
}

std::string FieldOf(const Result<Timestamp>& r) { return r.ok() ? "ok" : r.error().fields.at(0).field; }

TEST(Zone, TenInHelsinkiIsEightUtcInWinterAndSevenInSummer) {
  EXPECT_EQ(Utc(kHelsinki, {2026, 1, 15}, {10, 0}), "2026-01-15T08:00:00.000Z");
  EXPECT_EQ(Utc(kHelsinki, {2026, 7, 15}, {10, 0}), "2026-07-15T07:00:00.000Z");
}

TEST(Zone, OffsetChangesOnTheDaysOfTheChangesOf2026) {
  EXPECT_EQ(Utc(kHelsinki, {2026, 3, 28}, {10, 0}), "2026-03-28T08:00:00.000Z");
  EXPECT_EQ(Utc(kHelsinki, {2026, 3, 29}, {10, 0}), "2026-03-29T07:00:00.000Z");
  EXPECT_EQ(Utc(kHelsinki, {2026, 10, 24}, {10, 0}), "2026-10-24T07:00:00.000Z");
  EXPECT_EQ(Utc(kHelsinki, {2026, 10, 25}, {10, 0}), "2026-10-25T08:00:00.000Z");
  EXPECT_EQ(Utc(kBerlin, {2026, 3, 29}, {10, 0}), "2026-03-29T08:00:00.000Z");
  EXPECT_EQ(Utc(kBerlin, {2026, 10, 25}, {10, 0}), "2026-10-25T09:00:00.000Z");
}

TEST(Zone, TimeInTheSpringGapMovesForwardByTheGap) {
  // Helsinki jumps from 03:00 to 04:00 on 29 March 2026; 03:30 is read as 04:30.
  EXPECT_EQ(Utc(kHelsinki, {2026, 3, 29}, {3, 30}), "2026-03-29T01:30:00.000Z");
  EXPECT_EQ(Utc(kHelsinki, {2026, 3, 29}, {3, 30}), Utc(kHelsinki, {2026, 3, 29}, {4, 30}));
  EXPECT_EQ(Utc(kHelsinki, {2026, 3, 29}, {2, 59}), "2026-03-29T00:59:00.000Z");
  EXPECT_EQ(Utc(kHelsinki, {2026, 3, 29}, {4, 0}), "2026-03-29T01:00:00.000Z");
  // Berlin jumps from 02:00 to 03:00; 02:30 is read as 03:30.
  EXPECT_EQ(Utc(kBerlin, {2026, 3, 29}, {2, 30}), "2026-03-29T01:30:00.000Z");
  EXPECT_EQ(Utc(kBerlin, {2026, 3, 29}, {2, 30}), Utc(kBerlin, {2026, 3, 29}, {3, 30}));
}

TEST(Zone, TimeInTheAutumnOverlapIsTheEarlierInstant) {
  // Helsinki goes back from 04:00 to 03:00 on 25 October 2026; 03:30 happens at 00:30Z and 01:30Z.
  EXPECT_EQ(Utc(kHelsinki, {2026, 10, 25}, {3, 30}), "2026-10-25T00:30:00.000Z");
  EXPECT_EQ(Utc(kHelsinki, {2026, 10, 25}, {4, 0}), "2026-10-25T02:00:00.000Z");
  // Berlin goes back from 03:00 to 02:00; 02:30 happens at 00:30Z and 01:30Z.
  EXPECT_EQ(Utc(kBerlin, {2026, 10, 25}, {2, 30}), "2026-10-25T00:30:00.000Z");
}

TEST(Zone, ToLocalShowsBothPassesOfTheOverlapAndSkipsTheGap) {
  EXPECT_EQ(Local(kHelsinki, "2026-03-29T00:59:00Z"), "2026-03-29 02:59");
  EXPECT_EQ(Local(kHelsinki, "2026-03-29T01:00:00Z"), "2026-03-29 04:00");
  EXPECT_EQ(Local(kHelsinki, "2026-10-25T00:30:00Z"), "2026-10-25 03:30");
  EXPECT_EQ(Local(kHelsinki, "2026-10-25T01:30:00Z"), "2026-10-25 03:30");
  EXPECT_EQ(Local(kBerlin, "2026-07-01T08:00:00Z"), "2026-07-01 10:00");
}

TEST(Zone, ToLocalCrossesMidnightAndCutsOffSeconds) {
  EXPECT_EQ(Local(kHelsinki, "2026-12-31T22:30:00Z"), "2027-01-01 00:30");
  EXPECT_EQ(Local(kHelsinki, "2026-12-01T08:59:59.999Z"), "2026-12-01 10:59");
  EXPECT_EQ(Local("America/New_York", "2026-01-01T03:00:00Z"), "2025-12-31 22:00");
}

TEST(Zone, EveryQuarterHourOf2026RoundTripsExceptInTheGap) {
  const std::int32_t first = DayNumber({2026, 1, 1});
  const std::int32_t last = DayNumber({2026, 12, 31});
  int in_gap = 0;
  for (std::int32_t day = first; day <= last; ++day) {
    for (int minute = 0; minute < 24 * 60; minute += 15) {
      const LocalDate date = FromDayNumber(day);
      const LocalTime time{minute / 60, minute % 60};
      auto back = ToLocal(kHelsinki, *ToUtc(kHelsinki, date, time));
      ASSERT_TRUE(back.ok());
      if (back->first != date || back->second != time) ++in_gap;
    }
  }
  EXPECT_EQ(in_gap, 4);  // 03:00, 03:15, 03:30, 03:45 on 29 March
}

TEST(Zone, RulesHoldAfterTheDatabasesLastListedTransition) {
  // Debian's zone files list transitions up to 2037; later instants follow the files' POSIX rule.
  EXPECT_EQ(Utc(kHelsinki, {2037, 7, 1}, {10, 0}), "2037-07-01T07:00:00.000Z");
  EXPECT_EQ(Utc(kHelsinki, {2038, 3, 27}, {10, 0}), "2038-03-27T08:00:00.000Z");
  EXPECT_EQ(Utc(kHelsinki, {2038, 3, 28}, {10, 0}), "2038-03-28T07:00:00.000Z");
  EXPECT_EQ(Utc(kHelsinki, {2040, 7, 1}, {10, 0}), "2040-07-01T07:00:00.000Z");
  EXPECT_EQ(Utc(kHelsinki, {2040, 12, 1}, {10, 0}), "2040-12-01T08:00:00.000Z");
  EXPECT_EQ(Utc(kBerlin, {2050, 3, 27}, {2, 30}), "2050-03-27T01:30:00.000Z");  // in the gap
  EXPECT_EQ(Local("Australia/Sydney", "2045-01-15T00:00:00Z"), "2045-01-15 11:00");
  EXPECT_EQ(Local("Australia/Sydney", "2045-07-15T00:00:00Z"), "2045-07-15 10:00");
  EXPECT_EQ(Local("Asia/Tokyo", "2045-07-15T00:00:00Z"), "2045-07-15 09:00");
}

TEST(Zone, CheckZoneAcceptsIanaNamesAndRejectsOthersOnTimeZone) {
  EXPECT_TRUE(CheckZone("Europe/Helsinki").ok());
  EXPECT_TRUE(CheckZone("Europe/Copenhagen").ok());
  EXPECT_TRUE(CheckZone("UTC").ok());
  for (std::string_view bad : {"", "Europe/Nowhere", "europe/helsinki", "../../etc/passwd", "+02:00"}) {
    auto r = CheckZone(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().fields.at(0).field, "time_zone");
  }
}

TEST(Zone, ConversionsNameTheWrongField) {
  EXPECT_EQ(FieldOf(ToUtc("Mars/Olympus", {2026, 1, 1}, {10, 0})), "time_zone");
  EXPECT_EQ(FieldOf(ToUtc(kHelsinki, {2026, 2, 30}, {10, 0})), "date");
  EXPECT_EQ(FieldOf(ToUtc(kHelsinki, {2026, 2, 1}, {24, 0})), "time");
  auto far = ToLocal(kHelsinki, Timestamp(std::chrono::milliseconds(INT64_MAX)));
  ASSERT_FALSE(far.ok());
  EXPECT_EQ(far.error().fields.at(0).field, "instant");
}

}  // namespace
}  // namespace allmende::calendar
