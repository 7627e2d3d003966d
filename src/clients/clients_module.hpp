// The client-records feature as main.cpp registers it.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "app/module.hpp"
#include "clients/client_registry.hpp"
#include "clients/client_service.hpp"
#include "clients/name_index.hpp"
#include "events/event_bus.hpp"

namespace allmende::clients {

class ClientsModule final : public app::Module {
 public:
  // `generated_clients` (demo.clients) more clients of the demo region are made by `seed`.
  // `search_per_minute` (clients.search_per_minute): each person's searches a minute; 0: no limit.
  ClientsModule(storage::Database& db, events::EventBus& bus, const TimeSource& clock,
                const storage::FieldCipher& cipher, std::int64_t generated_clients = 0, std::int64_t generator_seed = 1,
                int search_per_minute = 0)
      : db_(db),
        bus_(bus),
        service_(db, clock, bus),
        registry_(db, clock, cipher, bus, names_, search_per_minute),
        cipher_(cipher),
        generated_clients_(generated_clients),
        generator_seed_(generator_seed) {}

  void AddRoutes(http::Router& router) override;
  void AddMetrics(http::Metrics& metrics) override;
  // Reads every client's name into the desk's name index, then follows the name changes of every
  // server process (client.name.changed events) on a thread of its own.
  void Start() override;
  void Stop() override;
  // The clients of shared/JOURNEYS.md, who serves and pays for them, and the advisor's first look.
  Result<void> SeedDemo(app::DemoSeed& seed) override;

  ClientRegistry& registry() { return registry_; }

 private:
  void Follow();

  storage::Database& db_;
  events::EventBus& bus_;
  NameIndex names_;
  ClientService service_;
  ClientRegistry registry_;
  const storage::FieldCipher& cipher_;
  std::int64_t generated_clients_;
  std::int64_t generator_seed_;

  std::shared_ptr<events::Subscription> changes_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool pending_ = false;
  bool loaded_ = false;  // guarded by mu_ until the follower runs; then the follower's alone
  std::thread follower_;
};

}  // namespace allmende::clients
