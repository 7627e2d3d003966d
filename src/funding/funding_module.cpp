#include "funding/funding_module.hpp"

#include "funding/demo_funding.hpp"
#include "funding/funding_handlers.hpp"

namespace allmende::funding {

void FundingModule::AddRoutes(http::Router& router) { AddFundingRoutes(router, service_); }

Result<void> FundingModule::SeedDemo(app::DemoSeed& seed) { return SeedDemoFunding(service_, seed.db, seed.users); }

}  // namespace allmende::funding
