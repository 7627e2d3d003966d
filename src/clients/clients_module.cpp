#include "clients/clients_module.hpp"

#include "clients/client_handlers.hpp"
#include "clients/demo_clients.hpp"
#include "common/log.hpp"

namespace allmende::clients {

void ClientsModule::AddRoutes(http::Router& router) {
  AddClientRoutes(router, service_);
  AddRegistryRoutes(router, registry_);
}

void ClientsModule::Start() {
  if (auto done = registry_.IndexMissingNames(); !done.ok()) {
    log::Warn("client_names_not_indexed", {{"error", done.error().message}});
  }
}

Result<void> ClientsModule::SeedDemo(app::DemoSeed& seed) {
  if (seed.users.empty()) return Ok();
  return SeedDemoClients(seed.db, cipher_, seed.users);
}

}  // namespace allmende::clients
