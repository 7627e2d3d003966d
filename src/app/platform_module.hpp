// What every installation has besides its features: health, readiness, metrics and the API
// document, and the housekeeping of the storage layer's own tables (idempotency keys, used
// single-use tokens, finished jobs).
#pragma once

#include <functional>

#include "app/module.hpp"
#include "storage/database.hpp"

namespace allmende::app {

class PlatformModule final : public Module {
 public:
  // `stopping` tells /readyz that the server is shutting down; `openapi` is the API document.
  PlatformModule(storage::Database& db, std::function<bool()> stopping, std::string_view openapi);

  // /metrics renders these once the server has built them (after every route is known).
  void SetMetrics(const http::Metrics* metrics) { metrics_ = metrics; }

  void AddRoutes(http::Router& router) override;
  void AddJobs(jobs::JobScheduler& scheduler) override;
  void AddMetrics(http::Metrics& metrics) override;

 private:
  storage::Database& db_;
  std::function<bool()> stopping_;
  std::string_view openapi_;
  const http::Metrics* metrics_ = nullptr;
};

}  // namespace allmende::app
