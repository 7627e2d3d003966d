// The funding feature as main.cpp registers it.
#pragma once

#include "app/module.hpp"
#include "events/event_bus.hpp"
#include "funding/funding_service.hpp"

namespace allmende::funding {

class FundingModule final : public app::Module {
 public:
  FundingModule(storage::Database& db, events::EventBus& bus, const TimeSource& clock,
                const storage::FieldCipher& cipher)
      : service_(db, clock, cipher), bus_(bus) {}

  void AddRoutes(http::Router& router) override;
  // funding.balance_warnings: daily, warns before a grant runs out or lapses (balance_warnings.hpp).
  void AddJobs(jobs::JobScheduler& scheduler) override;
  // The year's amounts of shared/DOMAIN.md per region, the welfare area's approved providers and
  // Aino's voucher decision (journey 3).
  Result<void> SeedDemo(app::DemoSeed& seed) override;

  FundingService& service() { return service_; }

 private:
  FundingService service_;
  events::EventBus& bus_;
};

}  // namespace allmende::funding
