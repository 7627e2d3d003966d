// The orders feature as main.cpp registers it: routes, the jobs that move offers on and plan
// recurring visits ahead, and the orders of the demo region.
#pragma once

#include "app/module.hpp"
#include "directory/catalog_index.hpp"
#include "identity/auth_service.hpp"
#include "identity/identity_handlers.hpp"
#include "orders/agreement_service.hpp"
#include "orders/order_service.hpp"
#include "orders/visit_service.hpp"
#include "webhooks/webhooks.hpp"

namespace allmende::orders {

class OrdersModule final : public app::Module {
 public:
  OrdersModule(storage::Database& db, notify::Outbox& outbox, events::EventBus& bus, const TimeSource& clock,
               const storage::FieldCipher& cipher, const directory::CatalogIndex& catalog, std::string public_url,
               identity::AuthService& auth, identity::CookieOptions cookies,
               const webhooks::Emitter* webhooks = nullptr);

  void AddRoutes(http::Router& router) override;
  // orders.expire_offers: at each offer's deadline (and every five minutes as a sweep), the
  // cascade moves on. orders.plan_ahead: daily, recurring orders get their visits planned
  // kHorizonDays ahead.
  void AddJobs(jobs::JobScheduler& scheduler) override;
  // Journeys 3–5: framework agreements of the welfare area, Aino's weekly cleaning accepted by
  // Jussi's company with Aleksi's visits, and an order nobody can take for Outi's board.
  Result<void> SeedDemo(app::DemoSeed& seed) override;

  OrderService& orders() { return orders_; }

 private:
  OrderService orders_;
  VisitService visits_;
  AgreementService agreements_;
  // The demo's delivered past (a month of visits to bill): the same services on a clock the seed
  // moves through that month, so that every visit is checked in, out and confirmed as it would be.
  ManualTimeSource history_clock_{Timestamp{}};
  OrderService history_orders_;
  VisitService history_visits_;
  identity::AuthService& auth_;
  identity::CookieOptions cookies_;
};

}  // namespace allmende::orders
