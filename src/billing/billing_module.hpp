// Billing (issue 21) as main.cpp registers it: a purchaser's billing runs over the visits that
// src/orders/ priced and split when they ended. The demo's billable history (a month of Aino's
// delivered cleaning) is seeded by the orders module, which owns visits.
#pragma once

#include "app/module.hpp"
#include "billing/billing_service.hpp"

namespace allmende::billing {

class BillingModule final : public app::Module {
 public:
  BillingModule(storage::Database& db, const TimeSource& clock) : service_(db, clock) {}

  // The runs of a purchaser, a run's summary, lines and CSV; collect, lock, discard.
  void AddRoutes(http::Router& router) override;

  BillingService& service() { return service_; }

 private:
  BillingService service_;
};

}  // namespace allmende::billing
