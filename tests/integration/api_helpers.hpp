// Small helpers the API tests share: dates relative to now, and a JSON answer of an expected status.
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <ctime>
#include <optional>
#include <string>

#include "http_client.hpp"

namespace allmende::testing {

// A date `n` days ahead in UTC (never before the Helsinki date + n - 1).
inline std::string DaysAhead(int n) {
  std::time_t t = std::time(nullptr) + n * 86400;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

// An RFC 3339 UTC time `minutes` from now.
inline std::string NowPlusMinutes(int minutes) {
  std::time_t t = std::time(nullptr) + minutes * 60;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S.000Z", &tm);
  return buf;
}

// The answer's JSON object when it has `status`; a test failure and an empty object otherwise.
inline boost::json::object Body(const std::optional<HttpResponse>& r, int status) {
  EXPECT_TRUE(r) << "no answer";
  if (!r) return {};
  EXPECT_EQ(r->status, status) << r->body;
  if (r->status != status) return {};
  return boost::json::parse(r->body).as_object();
}

}  // namespace allmende::testing
