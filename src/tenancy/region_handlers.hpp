// HTTP routes of regions: GET /api/v1/regions, GET /api/v1/regions/{id}, POST /api/v1/regions.
#pragma once

#include "server/router.hpp"
#include "tenancy/region_service.hpp"

namespace allmende::tenancy {

void AddRegionRoutes(http::Router& router, RegionService& service);

}  // namespace allmende::tenancy
