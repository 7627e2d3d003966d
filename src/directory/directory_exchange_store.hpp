// SQL of the directory's exchange with other systems (directory_exchange.hpp): a region's published
// directory page by page, and the lookups an import needs. Inside the caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "directory/directory_types.hpp"
#include "storage/database.hpp"

namespace allmende::directory {

// A provider organization with its public profile and its business id (which the profile leaves out).
struct ProviderRecord {
  ProviderProfile profile;
  std::optional<std::string> business_id;
};

// An organization of a region by id and name (purchasers, whose vouchers services accept).
struct NamedOrganization {
  std::string id;
  std::string name;
};

class DirectoryExchangeStore {
 public:
  // The region's provider organizations that have at least one published service, by id,
  // `limit` from `offset`.
  static Result<std::vector<ProviderRecord>> PublishingProviders(storage::Connection& c, const std::string& region_id,
                                                                 int offset, int limit);
  // How many providers PublishingProviders pages through.
  static Result<std::int64_t> CountPublishingProviders(storage::Connection& c, const std::string& region_id);
  // The published (not archived) services of the region's organizations with ids from `first_org`
  // to `last_org` inclusive, by organization and id: one query for a page of providers.
  static Result<std::vector<Service>> PublishedOfRange(storage::Connection& c, const std::string& region_id,
                                                       const std::string& first_org, const std::string& last_org);
  // One provider organization (any region); nullopt if there is none of a provider kind.
  static Result<std::optional<ProviderRecord>> Provider(storage::Connection& c, const std::string& organization_id);
  // Every provider organization of every region, by id.
  static Result<std::vector<ProviderRecord>> AllProviders(storage::Connection& c);
  // The region's purchasers (welfare areas, municipalities, employers), by id.
  static Result<std::vector<NamedOrganization>> Purchasers(storage::Connection& c, const std::string& region_id);
  // The name of the region's organization with this business id, if any.
  static Result<std::optional<std::string>> NameWithBusinessId(storage::Connection& c, const std::string& region_id,
                                                               const std::string& business_id);
};

}  // namespace allmende::directory
