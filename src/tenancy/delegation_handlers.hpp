// HTTP routes of delegations: /api/v1/me/delegations, /api/v1/me/delegation-invitations,
// /api/v1/clients/{id}/delegations and /api/v1/delegations/accept.
#pragma once

#include "server/router.hpp"
#include "tenancy/delegation_service.hpp"

namespace allmende::tenancy {

void AddDelegationRoutes(http::Router& router, DelegationService& service, const TimeSource& clock);

}  // namespace allmende::tenancy
