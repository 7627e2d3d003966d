// The orders feature's routes: agreements, orders and their transitions, the provider's inbox,
// the coordinators' board, messages and the worker's visits.
#pragma once

#include "orders/agreement_service.hpp"
#include "orders/order_service.hpp"
#include "orders/visit_service.hpp"
#include "server/router.hpp"

namespace allmende::orders {

void AddOrderRoutes(http::Router& router, OrderService& orders, VisitService& visits, AgreementService& agreements);

}  // namespace allmende::orders
