#include "orders/orders_module.hpp"

#include "directory/directory_service.hpp"
#include "orders/demo_orders.hpp"
#include "orders/order_handlers.hpp"

namespace allmende::orders {
namespace {

// The loaded catalog answers without a query; before it is loaded (or in `allmende seed`) the
// gazetteer table does.
PlaceNamer Namer(const directory::CatalogIndex& catalog) {
  return [&catalog](storage::Connection& c, const std::string& code) -> std::string {
    if (const directory::Place* p = catalog.FindPlace(code); p && !p->name.empty()) {
      auto fi = p->name.find("fi");
      return fi != p->name.end() ? fi->second : p->name.begin()->second;
    }
    auto name = directory::DirectoryService::PlaceName(c, code);
    return name.ok() ? *name : std::string();
  };
}

}  // namespace

OrdersModule::OrdersModule(storage::Database& db, notify::Outbox& outbox, events::EventBus& bus,
                           const TimeSource& clock, const storage::FieldCipher& cipher,
                           const directory::CatalogIndex& catalog, std::string public_url, identity::AuthService& auth,
                           identity::CookieOptions cookies, const webhooks::Emitter* webhooks)
    : orders_(db, outbox, bus, clock, cipher, Namer(catalog), public_url, webhooks),
      visits_(orders_, clock),
      agreements_(db, clock, Namer(catalog)),
      history_orders_(db, outbox, bus, history_clock_, cipher, Namer(catalog), std::move(public_url), webhooks),
      history_visits_(history_orders_, history_clock_),
      auth_(auth),
      cookies_(cookies) {}

void OrdersModule::AddRoutes(http::Router& router) {
  AddOrderRoutes(router, orders_, visits_, agreements_);
  AddConsentRoutes(router, orders_);
  AddShopCheckoutRoute(router, orders_, auth_, cookies_);
}

void OrdersModule::AddJobs(jobs::JobScheduler& scheduler) {
  scheduler.Register("orders.expire_offers", [this](storage::Connection& c, const jobs::Job&, Timestamp now) {
    auto moved = orders_.ExpireOffers(c, now);
    if (!moved.ok()) return Result<void>(std::move(moved).error());
    return Result<void>();
  });
  scheduler.Every("orders.expire_offers", std::chrono::minutes(5));
  scheduler.Register("orders.plan_ahead", [this](storage::Connection& c, const jobs::Job&, Timestamp now) {
    auto planned = orders_.PlanAhead(c, now);
    if (!planned.ok()) return Result<void>(std::move(planned).error());
    return Result<void>();
  });
  scheduler.Every("orders.plan_ahead", std::chrono::hours(24));
  scheduler.Register("orders.end_lapsed_consents", [this](storage::Connection& c, const jobs::Job&, Timestamp now) {
    auto ended = orders_.EndOrdersOfLapsedConsents(c, now);
    if (!ended.ok()) return Result<void>(std::move(ended).error());
    return Result<void>();
  });
  scheduler.Every("orders.end_lapsed_consents", std::chrono::minutes(15));
}

Result<void> OrdersModule::SeedDemo(app::DemoSeed& seed) {
  return SeedDemoOrders(seed.db, orders_, {history_orders_, history_visits_, history_clock_}, seed.users);
}

}  // namespace allmende::orders
