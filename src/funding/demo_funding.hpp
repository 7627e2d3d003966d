// The funding part of the demo region: the amounts of shared/DOMAIN.md as rates with their
// effective dates, the welfare area's approved cleaning providers, Aino's voucher decision, and
// the German and Danish demo clients' relief budget and free-choice decision.
#pragma once

#include <map>
#include <string>

#include "funding/funding_service.hpp"
#include "storage/database.hpp"

namespace allmende::funding {

// Idempotent on natural keys (rate key and date, approval triple, decision reference).
Result<void> SeedDemoFunding(FundingService& service, storage::Database& db,
                             const std::map<std::string, std::string>& users);

}  // namespace allmende::funding
