// The access-log feature as main.cpp registers it: the routes that read the log, and the sealer
// that puts new entries into their hash chains.
#pragma once

#include "access/access_log.hpp"
#include "app/module.hpp"

namespace allmende::access {

class AccessModule final : public app::Module {
 public:
  AccessModule(storage::Database& db, const TimeSource& clock)
      : db_(db), clock_(clock), sealer_(db, std::chrono::seconds(2)) {}

  void AddRoutes(http::Router& router) override;
  void Start() override { sealer_.Start(); }
  void Stop() override { sealer_.Stop(); }

 private:
  storage::Database& db_;
  const TimeSource& clock_;
  AccessLogSealer sealer_;
};

}  // namespace allmende::access
