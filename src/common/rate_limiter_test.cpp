#include "common/rate_limiter.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace allmende {
namespace {

TEST(RateLimiter, AllowsABurstThenOneEveryIntervalPerKey) {
  RateLimiter limiter(60);  // one a second on average, 60 at once
  const Timestamp t0{std::chrono::seconds(1'800'000'000)};
  for (int i = 0; i < 60; ++i) ASSERT_EQ(limiter.Take("mikko", t0), 0) << i;
  EXPECT_EQ(limiter.Take("mikko", t0), 1) << "the 61st waits a second";
  EXPECT_EQ(limiter.Take("outi", t0), 0) << "another person has a bucket of their own";
  EXPECT_EQ(limiter.Take("mikko", t0 + std::chrono::milliseconds(1'000)), 0) << "a token came back";
  EXPECT_GE(limiter.Take("mikko", t0 + std::chrono::milliseconds(1'000)), 1);
  EXPECT_EQ(limiter.Take("mikko", t0 + std::chrono::minutes(5)), 0) << "full again after a quiet while";
}

TEST(RateLimiter, ZeroMeansNoLimit) {
  RateLimiter limiter(0);
  const Timestamp t0{std::chrono::seconds(1'800'000'000)};
  for (int i = 0; i < 10'000; ++i) ASSERT_EQ(limiter.Take("bench", t0), 0);
}

}  // namespace
}  // namespace allmende
