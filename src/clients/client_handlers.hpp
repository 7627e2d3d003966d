// GET and PATCH /api/v1/clients/{id}: the client record, through the policy and the access log.
#pragma once

#include "clients/client_registry.hpp"
#include "clients/client_service.hpp"
#include "server/router.hpp"

namespace allmende::clients {

void AddClientRoutes(http::Router& router, ClientService& service);
// The advice desk's registry: register, search, look-alikes, reveal an identity code.
void AddRegistryRoutes(http::Router& router, ClientRegistry& registry);

}  // namespace allmende::clients
