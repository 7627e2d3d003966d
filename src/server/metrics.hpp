// Request counters and latency histograms per route, rendered in the Prometheus text format.
// Recording is lock-free (relaxed atomics): it sits on every request's path.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace allmende::http {

class Metrics {
 public:
  // Upper bounds of the latency buckets, in seconds.
  static constexpr std::array<double, 14> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                   0.1,    0.25,  0.5,    1,     2.5,  5,     10};

  // `route_names` are "METHOD pattern" for each route index; one extra series ("unmatched")
  // counts requests that matched no route (404s, static files).
  explicit Metrics(std::vector<std::pair<std::string, std::string>> routes);

  // Records one finished request. `route` is a route index or Unmatched().
  void Record(std::size_t route, int status, double seconds);
  std::size_t Unmatched() const { return series_.size() - 1; }

  // Extra lines appended by other modules (database pool figures, …), called at render time.
  void AddCollector(std::function<void(std::string&)> collector);

  void ConnectionOpened() { open_connections_.fetch_add(1, std::memory_order_relaxed); }
  void ConnectionClosed() { open_connections_.fetch_sub(1, std::memory_order_relaxed); }

  std::string Render() const;

 private:
  struct Series {
    std::string method;
    std::string route;
    std::array<std::atomic<std::uint64_t>, 600> by_status{};
    std::array<std::atomic<std::uint64_t>, kBuckets.size() + 1> buckets{};
    std::atomic<std::uint64_t> sum_micros{0};
  };
  std::vector<std::unique_ptr<Series>> series_;
  std::vector<std::function<void(std::string&)>> collectors_;
  std::atomic<std::int64_t> open_connections_{0};
};

}  // namespace allmende::http
