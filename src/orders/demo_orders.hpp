// The orders part of the demo region (journeys 3–5 of shared/JOURNEYS.md).
#pragma once

#include <map>
#include <string>

#include "orders/order_service.hpp"

namespace allmende::orders {

// Idempotent: agreements by (purchaser, provider), the demo orders by their needs text.
Result<void> SeedDemoOrders(storage::Database& db, OrderService& orders,
                            const std::map<std::string, std::string>& users);

}  // namespace allmende::orders
