// HTTP routes of organizations, members and invitations.
#pragma once

#include "server/router.hpp"
#include "tenancy/organization_service.hpp"

namespace allmende::tenancy {

void AddOrganizationRoutes(http::Router& router, OrganizationService& service);

}  // namespace allmende::tenancy
