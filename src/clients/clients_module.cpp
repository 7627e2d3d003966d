#include "clients/clients_module.hpp"

#include <set>

#include "clients/client_generator.hpp"
#include "clients/client_handlers.hpp"
#include "clients/client_store.hpp"
#include "clients/demo_clients.hpp"
#include "common/log.hpp"
#include "server/metrics.hpp"

namespace allmende::clients {

void ClientsModule::AddRoutes(http::Router& router) {
  AddClientRoutes(router, service_);
  AddRegistryRoutes(router, registry_);
}

void ClientsModule::AddMetrics(http::Metrics& metrics) {
  metrics.AddCollector([this](std::string& out) {
    out += "# TYPE allmende_client_names_indexed gauge\nallmende_client_names_indexed " +
           std::to_string(names_.size()) + "\n";
  });
}

void ClientsModule::Start() {
  // Subscribe first: a name changed while the index loads is re-read after it.
  changes_ = bus_.Subscribe({ClientRegistry::kNameAudience});
  changes_->SetWaker([this] {
    std::lock_guard lock(mu_);
    pending_ = true;
    wake_.notify_one();
  });
  auto started = std::chrono::steady_clock::now();
  auto loaded = registry_.LoadNames();
  if (loaded.ok()) {
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    log::Info("client_names_indexed",
              {{"clients", static_cast<std::uint64_t>(names_.size())}, {"ms", static_cast<std::uint64_t>(ms.count())}});
  } else {
    // The follower tries again every few seconds; the desk's name search answers 503 meanwhile.
    log::Error("client_names_not_indexed", {{"error", loaded.error().message}});
  }
  loaded_ = loaded.ok();
  names_.SetReady(loaded_);
  follower_ = std::thread([this] { Follow(); });
}

void ClientsModule::Follow() {
  std::set<std::string> retry;  // clients whose re-read failed (the database unreachable)
  bool reload = !loaded_;
  for (;;) {
    {
      std::unique_lock lock(mu_);
      auto woken = [this] { return pending_ || stopping_; };
      if (retry.empty() && !reload) {
        wake_.wait(lock, woken);
      } else {
        wake_.wait_for(lock, std::chrono::seconds(reload ? 3 : 1), woken);
      }
      if (stopping_) return;
      pending_ = false;
    }
    auto drained = changes_->Drain();
    // Events lost while this process fell behind: read every name again (a few hundred ms for
    // 200,000 clients), after which the events drained above are applied on top.
    reload |= changes_->TakeOverflow();
    if (reload) {
      auto loaded = registry_.LoadNames();
      if (loaded.ok()) {
        reload = false;
        names_.SetReady(true);
      } else {
        log::Warn("client_names_reload_failed", {{"error", loaded.error().message}});
        continue;
      }
    }
    for (const auto& event : drained) {
      if (event.topic == ClientRegistry::kNameTopic) retry.insert(event.subject_id);
    }
    for (auto it = retry.begin(); it != retry.end();) {
      auto refreshed = registry_.RefreshName(*it);
      if (refreshed.ok()) {
        it = retry.erase(it);
      } else {
        log::Warn("client_name_refresh_failed", {{"client", *it}, {"error", refreshed.error().message}});
        ++it;
      }
    }
  }
}

void ClientsModule::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
    wake_.notify_one();
  }
  if (follower_.joinable()) follower_.join();
  changes_.reset();
}

Result<void> ClientsModule::SeedDemo(app::DemoSeed& seed) {
  if (seed.users.empty()) return Ok();
  ALLMENDE_TRY(SeedDemoClients(seed.db, bus_, cipher_, seed.users));
  if (generated_clients_ <= 0) return Ok();
  std::optional<std::string> region;
  ALLMENDE_TRY(seed.db.Read([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_ASSIGN_OR_RETURN(region, ClientStore::RegionIdByCode(c, "pirkanmaa"));
    return Ok();
  }));
  if (!region) return Ok();
  return GenerateClients(seed.db, *region, generated_clients_, static_cast<std::uint64_t>(generator_seed_));
}

}  // namespace allmende::clients
