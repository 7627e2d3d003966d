// The demo organizations of shared/JOURNEYS.md and the roles of the demo people in them.
#pragma once

#include <map>
#include <string>

#include "storage/database.hpp"
#include "tenancy/region_service.hpp"

namespace allmende::tenancy {

// Creates what is missing (idempotent by organization name and membership). `users` maps the
// demo e-mail addresses to user ids; people not in it are skipped.
Result<void> SeedDemoOrganizations(storage::Database& db, RegionService& regions,
                                   const std::map<std::string, std::string>& users);

}  // namespace allmende::tenancy
