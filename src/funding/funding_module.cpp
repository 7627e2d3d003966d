#include "funding/funding_module.hpp"

#include "funding/balance_warnings.hpp"
#include "funding/demo_funding.hpp"
#include "funding/funding_handlers.hpp"

namespace allmende::funding {

void FundingModule::AddRoutes(http::Router& router) { AddFundingRoutes(router, service_); }

void FundingModule::AddJobs(jobs::JobScheduler& scheduler) {
  scheduler.Register("funding.balance_warnings",
                     [this](storage::Connection& c, const jobs::Job&, Timestamp now) -> Result<void> {
                       ALLMENDE_TRY(WarnAboutBalances(c, bus_, now));
                       return Ok();
                     });
  scheduler.Every("funding.balance_warnings", std::chrono::hours(24));
}

Result<void> FundingModule::SeedDemo(app::DemoSeed& seed) { return SeedDemoFunding(service_, seed.db, seed.users); }

}  // namespace allmende::funding
