#include "clients/clients_module.hpp"

#include "clients/client_handlers.hpp"
#include "clients/demo_clients.hpp"

namespace allmende::clients {

void ClientsModule::AddRoutes(http::Router& router) { AddClientRoutes(router, service_); }

Result<void> ClientsModule::SeedDemo(app::DemoSeed& seed) {
  if (seed.users.empty()) return Ok();
  return SeedDemoClients(seed.db, seed.users);
}

}  // namespace allmende::clients
