// The service directory as main.cpp registers it: public search and pages, the providers' editor,
// the coordinators' review, and the search index kept in step with the database.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "app/module.hpp"
#include "common/config.hpp"
#include "directory/catalog_index.hpp"
#include "directory/directory_service.hpp"
#include "directory/search_cache.hpp"
#include "events/event_bus.hpp"
#include "storage/field_cipher.hpp"

namespace allmende::directory {

class DirectoryModule final : public app::Module {
 public:
  DirectoryModule(storage::Database& db, events::EventBus& bus, const TimeSource& clock, const DemoConfig& demo,
                  const DirectoryConfig& config, const storage::FieldCipher& cipher)
      : db_(db),
        bus_(bus),
        service_(db, bus, clock, catalog_),
        demo_(demo),
        cache_(static_cast<std::size_t>(config.search_cache_mb) * 1024 * 1024),
        cipher_(cipher) {}
  ~DirectoryModule() override { Stop(); }

  void AddRoutes(http::Router& router) override;
  void AddMetrics(http::Metrics& metrics) override;
  // The demo region's directory: the journeys' providers and services, and generated ones up to
  // demo.services (idempotent: a region that has services keeps them).
  Result<void> SeedDemo(app::DemoSeed& seed) override;
  // Builds the index from the database and follows changes other processes publish.
  void Start() override;
  void Stop() override;

  DirectoryService& service() { return service_; }
  CatalogIndex& catalog() { return catalog_; }

 private:
  // One attempt to build the index; logs the outcome.
  bool LoadIndex();
  // The follower thread: loads the index if Start could not, then applies what other processes
  // (and this one) publish. `synced_at`: when the index was last known current.
  void Follow(Timestamp synced_at);

  storage::Database& db_;
  events::EventBus& bus_;
  CatalogIndex catalog_;
  DirectoryService service_;
  DemoConfig demo_;
  SearchCache cache_;
  const storage::FieldCipher& cipher_;  // signs search cursors
  std::shared_ptr<events::Subscription> changes_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool pending_ = false;
  std::thread follower_;
};

}  // namespace allmende::directory
