// SQL access to the directory's tables, inside the caller's transaction.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "directory/directory_types.hpp"
#include "storage/database.hpp"

namespace allmende::directory {

// A stored image of a service or logo.
struct Image {
  std::string id;  // "img_…"
  std::string region_id;
  std::string organization_id;
  std::string content_type;
  int width = 0;
  int height = 0;
  std::int64_t byte_size = 0;
  std::string data_base64;
  std::string created_at;
  std::string created_by;
};

// A page of services: the rows and the cursor of the next page (nullopt on the last).
struct ServicePage {
  std::vector<Service> items;
  std::optional<std::string> next_cursor;
};

class DirectoryStore {
 public:
  // The taxonomy, by position.
  static Result<std::vector<Category>> Categories(storage::Connection& c);
  // The gazetteer, municipalities first, then by code.
  static Result<std::vector<Place>> Places(storage::Connection& c);

  // The organization's profile; nullopt if the organization does not exist. An organization
  // without a written profile gets an empty one with version 0.
  static Result<std::optional<ProviderProfile>> Profile(storage::Connection& c, const std::string& organization_id);
  // Writes the profile if its version is `expected_version` (0: none written yet) and moves the
  // version on; false if someone else wrote meanwhile.
  static Result<bool> SaveProfile(storage::Connection& c, const ProviderProfile& p, const std::string& actor_id,
                                  std::int64_t expected_version);

  static Result<void> InsertService(storage::Connection& c, const Service& s, const std::string& created_by);
  static Result<std::optional<Service>> GetService(storage::Connection& c, const std::string& id);
  // Writes state, contents, published_at and review comment if the version is `expected_version`,
  // and moves the version on; false otherwise.
  static Result<bool> UpdateService(storage::Connection& c, const Service& s, std::int64_t expected_version);
  // An organization's services, newest change first; `state` empty for all but archived ones.
  static Result<ServicePage> ServicesOf(storage::Connection& c, const std::string& organization_id,
                                        const std::string& state, int limit, const std::string& cursor);
  // Services of a region in a state (the review queue: in_review, oldest first).
  static Result<ServicePage> ServicesIn(storage::Connection& c, const std::string& region_id, const std::string& state,
                                        int limit, const std::string& cursor);
  // Published services with id greater than `after_id`, by id, at most `limit` (the index's build).
  static Result<std::vector<Service>> PublishedAfter(storage::Connection& c, const std::string& after_id, int limit);
  // Ids of the services changed at or after `at` (RFC 3339), by id: what a process that missed
  // change events re-reads.
  static Result<std::vector<std::string>> ChangedSince(storage::Connection& c, const std::string& at);
  // The providers' shrunk mean ratings and their counts as src/quality/ stored them
  // (provider_quality): every rated provider, or the one named.
  static Result<std::unordered_map<std::string, ProviderRating>> ProviderRatings(storage::Connection& c,
                                                                                 const std::string& provider_id = "");
  // The ids of a provider's services, whatever their state.
  static Result<std::vector<std::string>> ServicesOf(storage::Connection& c, const std::string& organization_id);
  // Published services of one organization (its public page).
  static Result<std::vector<Service>> PublishedOf(storage::Connection& c, const std::string& organization_id);

  static Result<void> InsertEvent(storage::Connection& c, const std::string& region_id, const ServiceEvent& e);
  // A service's history, oldest first.
  static Result<std::vector<ServiceEvent>> Events(storage::Connection& c, const std::string& service_id);

  // For the demo seed: the region with that code, and how many services it has.
  static Result<std::optional<std::string>> RegionIdByCode(storage::Connection& c, const std::string& code);
  static Result<std::int64_t> CountServices(storage::Connection& c, const std::string& region_id);

  // The organization an image belongs to; empty if there is no such image.
  static Result<std::string> ImageOwner(storage::Connection& c, const std::string& id);
  static Result<void> InsertImage(storage::Connection& c, const Image& image);
  static Result<std::optional<Image>> GetImage(storage::Connection& c, const std::string& id);
};

}  // namespace allmende::directory
