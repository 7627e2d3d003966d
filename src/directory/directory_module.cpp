#include "directory/directory_module.hpp"

#include <set>

#include "common/log.hpp"
#include "directory/demo_directory.hpp"
#include "directory/directory_handlers.hpp"
#include "server/metrics.hpp"

namespace allmende::directory {

void DirectoryModule::AddRoutes(http::Router& router) {
  AddPublicRoutes(router, service_, catalog_, cache_, cipher_);
  AddEditorRoutes(router, service_);
}

void DirectoryModule::AddMetrics(http::Metrics& metrics) {
  metrics.AddCollector([this](std::string& out) {
    if (!catalog_.loaded()) return;
    out += "# TYPE allmende_directory_indexed_services gauge\nallmende_directory_indexed_services " +
           std::to_string(catalog_.index().size()) + "\n";
    out += "# TYPE allmende_directory_index_bytes gauge\nallmende_directory_index_bytes " +
           std::to_string(catalog_.index().MemoryBytes()) + "\n";
    out += "# TYPE allmende_directory_search_cache_hits_total counter\nallmende_directory_search_cache_hits_total " +
           std::to_string(cache_.hits()) + "\n";
    out +=
        "# TYPE allmende_directory_search_cache_misses_total counter\n"
        "allmende_directory_search_cache_misses_total " +
        std::to_string(cache_.misses()) + "\n";
  });
}

Result<void> DirectoryModule::SeedDemo(app::DemoSeed& seed) {
  if (!catalog_.loaded()) ALLMENDE_TRY(catalog_.Load(db_));
  return SeedDemoDirectory(seed, service_, demo_);
}

void DirectoryModule::Start() {
  // Subscribe first: a change committed while the index loads is applied after it.
  changes_ = bus_.Subscribe({"system:directory"});
  changes_->SetWaker([this] {
    std::lock_guard lock(mu_);
    pending_ = true;
    wake_.notify_one();
  });
  // The first attempt before serving; should it fail (the database unreachable), the follower
  // tries again every few seconds and search answers 503 meanwhile.
  Timestamp before_load = Now();
  LoadIndex();
  follower_ = std::thread([this, before_load] { Follow(before_load); });
}

bool DirectoryModule::LoadIndex() {
  auto started = std::chrono::steady_clock::now();
  auto loaded = catalog_.Load(db_);
  if (!loaded.ok()) {
    log::Error("directory_index_failed", {{"error", loaded.error().message}});
    return false;
  }
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  log::Info("directory_index_built", {{"services", static_cast<std::uint64_t>(catalog_.index().size())},
                                      {"bytes", static_cast<std::uint64_t>(catalog_.index().MemoryBytes())},
                                      {"ms", static_cast<std::uint64_t>(ms.count())}});
  return true;
}

void DirectoryModule::Follow(Timestamp synced_at) {
  // Services whose re-read failed (the database was unreachable): tried again every second, so
  // the index does not stay behind until the next restart. Likewise a missed stretch of events.
  std::set<std::string> retry;
  bool resync = false;
  for (;;) {
    {
      std::unique_lock lock(mu_);
      auto woken = [this] { return pending_ || stopping_; };
      if (retry.empty() && !resync && catalog_.loaded()) {
        wake_.wait(lock, woken);
      } else {
        wake_.wait_for(lock, std::chrono::seconds(catalog_.loaded() ? 1 : 3), woken);
      }
      if (stopping_) return;
      pending_ = false;
    }
    if (!catalog_.loaded() && !LoadIndex()) continue;
    Timestamp drained_at = Now();
    auto drained = changes_->Drain();
    // A subscriber that fell behind lost events: re-read what changed since well before the last
    // time it was current. The margin covers other processes' clocks and long transactions (a
    // row's updated_at is when its transaction wrote it, not when it committed).
    resync |= changes_->TakeOverflow();
    if (resync) {
      auto refreshed = catalog_.RefreshChangedSince(db_, FormatRfc3339(synced_at - std::chrono::minutes(10)));
      if (refreshed.ok()) {
        resync = false;
      } else {
        log::Warn("directory_index_resync_failed", {{"error", refreshed.error().message}});
      }
    }
    if (!resync) synced_at = drained_at;
    for (const auto& event : drained) {
      if (event.topic == "directory.service.changed") retry.insert(event.subject_id);
      // A provider's rating changed (src/quality/): its services carry the new one.
      if (event.topic == "directory.provider.rated") {
        auto refreshed = catalog_.RefreshProvider(db_, event.subject_id);
        if (!refreshed.ok()) {
          log::Warn("directory_index_rating_failed",
                    {{"provider", event.subject_id}, {"error", refreshed.error().message}});
        }
      }
    }
    for (auto it = retry.begin(); it != retry.end();) {
      auto refreshed = catalog_.Refresh(db_, *it);
      if (refreshed.ok()) {
        it = retry.erase(it);
      } else {
        log::Warn("directory_index_refresh_failed", {{"service", *it}, {"error", refreshed.error().message}});
        ++it;
      }
    }
  }
}

void DirectoryModule::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
    wake_.notify_one();
  }
  if (follower_.joinable()) follower_.join();
  changes_.reset();
}

}  // namespace allmende::directory
