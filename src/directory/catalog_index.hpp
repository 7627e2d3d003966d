// The published directory as the search index sees it. Built from the database at start-up,
// changed by the request that publishes or archives (so the provider sees it in search at once),
// and by the event bus when another server process did (PostgreSQL mode).
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "directory/directory_types.hpp"
#include "search/service_index.hpp"
#include "storage/database.hpp"

namespace allmende::directory {

class CatalogIndex {
 public:
  // Reads the taxonomy, the gazetteer and every published service into a new index, which
  // becomes visible (loaded() turns true) only when all of it is read. Until then nothing else
  // of this class may be used but loaded(). On failure nothing changes: call it again.
  Result<void> Load(storage::Database& db);
  // Puts the service into the index if it is published and not archived; removes it otherwise.
  // A change older (by version) than one applied already is ignored, so changes may arrive in
  // any order. Nothing before loaded().
  void Apply(const Service& service);
  // Re-reads one service from the database and applies it (an event from another process).
  Result<void> Refresh(storage::Database& db, const std::string& service_id);
  // Re-reads every service changed at or after `at` (after this process missed change events).
  Result<void> RefreshChangedSince(storage::Database& db, const std::string& at);
  // Re-reads the provider's rating and applies its services again with it (its score changed).
  Result<void> RefreshProvider(storage::Database& db, const std::string& provider_id);
  // The provider's rating, if it has one.
  std::optional<ProviderRating> RatingOf(const std::string& provider_id) const;

  // True once Load succeeded; from then on the accessors below may be used from any thread (the
  // reference data never changes again; the index locks itself).
  bool loaded() const { return loaded_.load(std::memory_order_acquire); }
  // Moves on with every change of the index: what a search answer computed at one generation
  // is valid for (search_cache.hpp).
  std::uint64_t generation() const { return generation_.load(std::memory_order_acquire); }
  const search::ServiceIndex& index() const { return *index_; }
  const std::vector<Category>& categories() const { return categories_; }
  const std::vector<Place>& places() const { return places_; }
  // nullptr when there is no such code.
  const Category* FindCategory(const std::string& code) const;
  const Place* FindPlace(const std::string& code) const;

  // What a result list shows of a service (also the service page's header), with the provider's
  // rating if it has one.
  static std::string SummaryJson(const Service& service, const ServiceContent& content,
                                 const std::optional<ProviderRating>& rating = std::nullopt);
  // Search's view of a published service.
  search::IndexedService Indexed(const Service& service) const;

 private:
  std::vector<Category> categories_;
  std::vector<Place> places_;
  std::unordered_map<std::string, std::size_t> place_at_;
  std::unique_ptr<search::ServiceIndex> index_;
  std::atomic<bool> loaded_ = false;
  std::atomic<std::uint64_t> generation_ = 0;
  std::mutex versions_mu_;
  std::unordered_map<std::string, std::int64_t> versions_;  // the version of each service applied
  mutable std::mutex ratings_mu_;
  std::unordered_map<std::string, ProviderRating> ratings_;  // by provider
};

}  // namespace allmende::directory
