#include "common/time.hpp"

#include <gtest/gtest.h>

namespace allmende {
namespace {

TEST(Time, FormatsUtcWithMilliseconds) {
  EXPECT_EQ(FormatRfc3339(Timestamp(std::chrono::milliseconds(0))), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(FormatRfc3339(Timestamp(std::chrono::milliseconds(1'709'164'800'123))), "2024-02-29T00:00:00.123Z");
  EXPECT_EQ(FormatRfc3339(Timestamp(std::chrono::milliseconds(-1))), "1969-12-31T23:59:59.999Z");
}

TEST(Time, ParsesOffsetsIntoUtc) {
  auto t = ParseRfc3339("2026-11-23T10:15:00+02:00");
  ASSERT_TRUE(t);
  EXPECT_EQ(FormatRfc3339(*t), "2026-11-23T08:15:00.000Z");
  auto z = ParseRfc3339("2026-11-23T08:15:00.5Z");
  ASSERT_TRUE(z);
  EXPECT_EQ(FormatRfc3339(*z), "2026-11-23T08:15:00.500Z");
}

TEST(Time, RoundTrips) {
  Timestamp now = Now();
  EXPECT_EQ(ParseRfc3339(FormatRfc3339(now)), now);
}

TEST(Time, RejectsInvalidText) {
  EXPECT_FALSE(ParseRfc3339("2025-02-29T00:00:00Z"));  // not a leap year
  EXPECT_FALSE(ParseRfc3339("2026-11-23 08:15:00Z"));
  EXPECT_FALSE(ParseRfc3339("2026-11-23T08:15:00"));  // no zone
  EXPECT_FALSE(ParseRfc3339("2026-11-23T24:00:00Z"));
  EXPECT_FALSE(ParseRfc3339("2026-11-23T08:15:00Zjunk"));
  EXPECT_FALSE(ParseRfc3339("2026-11-23T08:15:00.Z"));
}

}  // namespace
}  // namespace allmende
