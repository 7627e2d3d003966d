// A token bucket per key (a person's id), in memory: `per_minute` requests a minute on average,
// up to `per_minute` at once after a quiet minute. For limits that protect data from being
// harvested (the desk's client search), not for accounting: each process counts on its own, so
// with N processes a person gets at most N times the rate.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

#include "common/time.hpp"

namespace allmende {

class RateLimiter {
 public:
  // `per_minute` 0: no limit.
  explicit RateLimiter(int per_minute) : per_minute_(per_minute) {}

  // 0 if `key` may go ahead now (and takes a token), otherwise the seconds until it may (≥ 1).
  int Take(const std::string& key, Timestamp now);

 private:
  struct Bucket {
    double tokens = 0;
    Timestamp at{};
  };
  // Buckets full again are dropped once the map holds more than this many keys.
  static constexpr std::size_t kPruneAbove = 10'000;

  const int per_minute_;
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace allmende
