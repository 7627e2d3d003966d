// The orders part of the demo region (journeys 3–5 of shared/JOURNEYS.md).
#pragma once

#include <map>
#include <string>

#include "orders/order_service.hpp"
#include "orders/visit_service.hpp"

namespace allmende::orders {

// Services on a clock the seed sets, for visits in the past.
struct DemoHistory {
  OrderService& orders;
  VisitService& visits;
  ManualTimeSource& clock;
};

// Idempotent: agreements by (purchaser, provider), the demo orders once per client. Aino's
// cleaning of the previous month is delivered: each visit checked in and out by Aleksi and
// confirmed by Aino, the third disputed and the fourth not at home (journey 6 bills that month).
Result<void> SeedDemoOrders(storage::Database& db, OrderService& orders, DemoHistory history,
                            const std::map<std::string, std::string>& users);

}  // namespace allmende::orders
