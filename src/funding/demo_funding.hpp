// The funding part of the demo region: the amounts of shared/DOMAIN.md as rates with their
// effective dates, the welfare area's approved cleaning providers, and Aino's voucher decision.
#pragma once

#include <map>
#include <string>

#include "storage/database.hpp"

namespace allmende::funding {

// Idempotent on natural keys (rate key and date, approval triple, decision reference).
Result<void> SeedDemoFunding(storage::Database& db, const std::map<std::string, std::string>& users);

}  // namespace allmende::funding
