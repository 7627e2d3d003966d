// What a demo installation adds, as main.cpp registers it: the demo mailbox's routes
// (mailbox_routes.hpp). On every installation, so that the routes and the API document agree;
// they show mail only when demo.mode and demo.mailbox_url are set.
#pragma once

#include "app/module.hpp"
#include "common/config.hpp"

namespace allmende::demo {

class DemoModule final : public app::Module {
 public:
  // `config` must outlive the module (main's configuration does).
  explicit DemoModule(const Config& config) : config_(config) {}

  void AddRoutes(http::Router& router) override;

 private:
  const Config& config_;
};

}  // namespace allmende::demo
