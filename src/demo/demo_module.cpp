#include "demo/demo_module.hpp"

#include "demo/mailbox_routes.hpp"

namespace allmende::demo {

void DemoModule::AddRoutes(http::Router& router) { AddDemoMailboxRoutes(router, config_); }

}  // namespace allmende::demo
