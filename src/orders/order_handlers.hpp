// The orders feature's routes: agreements, orders and their transitions, the provider's inbox,
// the coordinators' board, messages and the worker's visits.
#pragma once

#include "identity/auth_service.hpp"
#include "identity/identity_handlers.hpp"
#include "orders/agreement_service.hpp"
#include "orders/order_service.hpp"
#include "orders/visit_service.hpp"
#include "server/router.hpp"

namespace allmende::orders {

void AddOrderRoutes(http::Router& router, OrderService& orders, VisitService& visits, AgreementService& agreements);
// GET /api/v1/clients/{id}/consents and POST …/consents/{consent_id}/withdraw (consent_handlers.cpp).
void AddConsentRoutes(http::Router& router, OrderService& orders);
// POST /api/v1/shop/orders: a visitor's first order with the account it creates, signed in after.
void AddShopCheckoutRoute(http::Router& router, OrderService& orders, identity::AuthService& auth,
                          identity::CookieOptions cookies);

}  // namespace allmende::orders
