// The billing routes (docs/api.md, src/billing/openapi.json).
#pragma once

#include "billing/billing_service.hpp"
#include "server/router.hpp"

namespace allmende::billing {

void AddBillingRoutes(http::Router& router, BillingService& service);

}  // namespace allmende::billing
