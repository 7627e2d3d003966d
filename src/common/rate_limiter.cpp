#include "common/rate_limiter.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace allmende {

int RateLimiter::Take(const std::string& key, Timestamp now) {
  if (per_minute_ <= 0) return 0;
  const double capacity = per_minute_;
  const double per_second = capacity / 60.0;
  std::lock_guard lock(mu_);
  if (buckets_.size() > kPruneAbove) {
    std::erase_if(buckets_, [&](const auto& entry) {
      const double idle = std::chrono::duration<double>(now - entry.second.at).count();
      return entry.second.tokens + idle * per_second >= capacity;
    });
  }
  auto [it, fresh] = buckets_.try_emplace(key, Bucket{capacity, now});
  Bucket& b = it->second;
  if (!fresh && now > b.at) {
    b.tokens = std::min(capacity, b.tokens + std::chrono::duration<double>(now - b.at).count() * per_second);
    b.at = now;
  }
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return 0;
  }
  return std::max(1, static_cast<int>(std::ceil((1.0 - b.tokens) / per_second)));
}

}  // namespace allmende
