// The client-records feature as main.cpp registers it.
#pragma once

#include "app/module.hpp"
#include "clients/client_service.hpp"

namespace allmende::clients {

class ClientsModule final : public app::Module {
 public:
  ClientsModule(storage::Database& db, const TimeSource& clock) : service_(db, clock) {}

  void AddRoutes(http::Router& router) override;
  // The clients of shared/JOURNEYS.md, who serves and pays for them, and the advisor's first look.
  Result<void> SeedDemo(app::DemoSeed& seed) override;

 private:
  ClientService service_;
};

}  // namespace allmende::clients
