#include "billing/billing_module.hpp"

#include "billing/billing_handlers.hpp"

namespace allmende::billing {

void BillingModule::AddRoutes(http::Router& router) { AddBillingRoutes(router, service_); }

}  // namespace allmende::billing
