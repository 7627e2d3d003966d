#include "server/metrics.hpp"

#include <fmt/format.h>

namespace allmende::http {

Metrics::Metrics(std::vector<std::pair<std::string, std::string>> routes) {
  routes.emplace_back("", "unmatched");
  for (auto& [method, route] : routes) {
    auto s = std::make_unique<Series>();
    s->method = std::move(method);
    s->route = std::move(route);
    series_.push_back(std::move(s));
  }
}

void Metrics::Record(std::size_t route, int status, double seconds) {
  Series& s = *series_[route < series_.size() ? route : Unmatched()];
  if (status >= 100 && status < 600)
    s.by_status[static_cast<std::size_t>(status)].fetch_add(1, std::memory_order_relaxed);
  std::size_t b = 0;
  while (b < kBuckets.size() && seconds > kBuckets[b]) ++b;
  s.buckets[b].fetch_add(1, std::memory_order_relaxed);
  s.sum_micros.fetch_add(static_cast<std::uint64_t>(seconds * 1e6), std::memory_order_relaxed);
}

void Metrics::AddCollector(std::function<void(std::string&)> collector) { collectors_.push_back(std::move(collector)); }

std::string Metrics::Render() const {
  std::string out;
  out.reserve(16 * 1024);
  out += "# HELP allmende_http_requests_total HTTP requests by route and status.\n";
  out += "# TYPE allmende_http_requests_total counter\n";
  for (const auto& s : series_) {
    for (std::size_t status = 100; status < 600; ++status) {
      auto n = s->by_status[status].load(std::memory_order_relaxed);
      if (n == 0) continue;
      out += fmt::format("allmende_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{}\"}} {}\n", s->method,
                         s->route, status, n);
    }
  }
  out += "# HELP allmende_http_request_duration_seconds Time from a complete request to the response.\n";
  out += "# TYPE allmende_http_request_duration_seconds histogram\n";
  for (const auto& s : series_) {
    std::uint64_t cumulative = 0;
    for (std::size_t b = 0; b < kBuckets.size(); ++b) cumulative += s->buckets[b].load(std::memory_order_relaxed);
    std::uint64_t total = cumulative + s->buckets[kBuckets.size()].load(std::memory_order_relaxed);
    if (total == 0) continue;
    cumulative = 0;
    for (std::size_t b = 0; b < kBuckets.size(); ++b) {
      cumulative += s->buckets[b].load(std::memory_order_relaxed);
      out += fmt::format("allmende_http_request_duration_seconds_bucket{{method=\"{}\",route=\"{}\",le=\"{}\"}} {}\n",
                         s->method, s->route, kBuckets[b], cumulative);
    }
    out += fmt::format("allmende_http_request_duration_seconds_bucket{{method=\"{}\",route=\"{}\",le=\"+Inf\"}} {}\n",
                       s->method, s->route, total);
    out += fmt::format("allmende_http_request_duration_seconds_sum{{method=\"{}\",route=\"{}\"}} {:.6f}\n", s->method,
                       s->route, static_cast<double>(s->sum_micros.load(std::memory_order_relaxed)) / 1e6);
    out += fmt::format("allmende_http_request_duration_seconds_count{{method=\"{}\",route=\"{}\"}} {}\n", s->method,
                       s->route, total);
  }
  out += "# HELP allmende_http_open_connections Client connections open now.\n";
  out += "# TYPE allmende_http_open_connections gauge\n";
  out += fmt::format("allmende_http_open_connections {}\n", open_connections_.load(std::memory_order_relaxed));
  for (const auto& c : collectors_) c(out);
  return out;
}

}  // namespace allmende::http
