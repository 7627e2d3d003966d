// The interop routes: Open Referral HSDS 3.0 export and import of a region's directory
// (hsds_handlers.cpp) and the FHIR R4 read API of the published directory (fhir_handlers.cpp).
#pragma once

#include <string>

#include "directory/catalog_index.hpp"
#include "directory/directory_exchange.hpp"
#include "directory/directory_service.hpp"
#include "orders/order_service.hpp"
#include "server/router.hpp"

namespace allmende::interop {

// The import's body limit: a region's whole directory of ~5,000 services is ~15 MiB of HSDS.
inline constexpr std::int64_t kImportBodyLimit = 32 * 1024 * 1024;

// Unavailable until the directory's index has loaded (its categories, places and services are
// what these routes read and check against): a server answers before its index is built.
Result<void> Ready(const directory::CatalogIndex& catalog);

void AddHsdsRoutes(http::Router& router, directory::DirectoryExchange& exchange,
                   const directory::CatalogIndex& catalog);

// `public_url`: the server's configured public address (server.public_url), which the FHIR
// answers' absolute links start with; empty: the address the request was sent to (its Host).
// GET /fhir/R4/ServiceRequest/{id} and /fhir/R4/Task/{id}: an order and its fulfilment, for those
// who may read the order (each read lands in the client's access log, as GET /api/v1/orders/{id}).
void AddFhirOrderRoutes(http::Router& router, orders::OrderService& orders);

void AddFhirRoutes(http::Router& router, directory::DirectoryExchange& exchange, directory::DirectoryService& service,
                   const directory::CatalogIndex& catalog, const std::string& public_url);

}  // namespace allmende::interop
