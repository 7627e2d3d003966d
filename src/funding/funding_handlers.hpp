// The funding feature's routes: rates, voucher approvals, a client's grants and quotes.
#pragma once

#include "funding/funding_service.hpp"
#include "server/router.hpp"

namespace allmende::funding {

void AddFundingRoutes(http::Router& router, FundingService& service);

}  // namespace allmende::funding
