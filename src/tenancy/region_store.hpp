// SQL access to the regions table. Every function runs inside a transaction the caller (the
// service) opened, so several store calls commit or roll back together.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "tenancy/region_types.hpp"

namespace allmende::tenancy {

class RegionStore {
 public:
  // Conflict if the id or the code exists.
  static Result<void> Insert(storage::Connection& c, const Region& region);
  // nullopt if there is no such region.
  static Result<std::optional<Region>> Get(storage::Connection& c, const std::string& id);
  static Result<std::optional<Region>> FindByCode(storage::Connection& c, const std::string& code);
  // Up to `limit` regions with id greater than `after` (empty: from the start), by id.
  static Result<std::vector<Region>> List(storage::Connection& c, const std::string& after, int limit);
};

}  // namespace allmende::tenancy
