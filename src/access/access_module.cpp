#include "access/access_module.hpp"

#include "access/access_handlers.hpp"

namespace allmende::access {

void AccessModule::AddRoutes(http::Router& router) { AddAccessLogRoutes(router, db_, clock_); }

}  // namespace allmende::access
