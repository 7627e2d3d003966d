// GET /api/v1/me/access-log (a client, or their delegate) and GET /api/v1/regions/{id}/access-log
// (the region's auditors).
#pragma once

#include "common/time.hpp"
#include "server/router.hpp"
#include "storage/database.hpp"

namespace allmende::access {

void AddAccessLogRoutes(http::Router& router, storage::Database& db, const TimeSource& clock);

}  // namespace allmende::access
