// GET and PATCH /api/v1/clients/{id}: the client record, through the policy and the access log.
#pragma once

#include "clients/client_service.hpp"
#include "server/router.hpp"

namespace allmende::clients {

void AddClientRoutes(http::Router& router, ClientService& service);

}  // namespace allmende::clients
