// /api/v1/organizations/{id}/tokens: list, create (the secret is in this one answer), revoke.
#pragma once

#include "server/router.hpp"
#include "tenancy/token_service.hpp"

namespace allmende::tenancy {

void AddTokenRoutes(http::Router& router, TokenService& service);

}  // namespace allmende::tenancy
