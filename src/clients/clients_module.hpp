// The client-records feature as main.cpp registers it.
#pragma once

#include "app/module.hpp"
#include "clients/client_registry.hpp"
#include "clients/client_service.hpp"

namespace allmende::clients {

class ClientsModule final : public app::Module {
 public:
  // `generated_clients` (demo.clients) more clients of the demo region are made by `seed`.
  ClientsModule(storage::Database& db, const TimeSource& clock, const storage::FieldCipher& cipher,
                std::int64_t generated_clients = 0, std::int64_t generator_seed = 1)
      : service_(db, clock),
        registry_(db, clock, cipher),
        cipher_(cipher),
        generated_clients_(generated_clients),
        generator_seed_(generator_seed) {}

  void AddRoutes(http::Router& router) override;
  // Indexes for the desk's search the names of clients made before the registry existed.
  void Start() override;
  // The clients of shared/JOURNEYS.md, who serves and pays for them, and the advisor's first look.
  Result<void> SeedDemo(app::DemoSeed& seed) override;

 private:
  ClientService service_;
  ClientRegistry registry_;
  const storage::FieldCipher& cipher_;
  std::int64_t generated_clients_;
  std::int64_t generator_seed_;
};

}  // namespace allmende::clients
