#include "clients/clients_module.hpp"

#include "clients/client_generator.hpp"
#include "clients/client_handlers.hpp"
#include "clients/client_store.hpp"
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
  ALLMENDE_TRY(SeedDemoClients(seed.db, cipher_, seed.users));
  if (generated_clients_ <= 0) return Ok();
  std::optional<std::string> region;
  ALLMENDE_TRY(seed.db.Read([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_ASSIGN_OR_RETURN(region, ClientStore::RegionIdByCode(c, "pirkanmaa"));
    return Ok();
  }));
  if (!region) return Ok();
  return GenerateClients(seed.db, *region, generated_clients_, static_cast<std::uint64_t>(generator_seed_));
}

}  // namespace allmende::clients
