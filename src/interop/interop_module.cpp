#include "interop/interop_module.hpp"

#include "interop/interop_handlers.hpp"

namespace allmende::interop {

Result<void> Ready(const directory::CatalogIndex& catalog) {
  if (!catalog.loaded()) return Error::Unavailable("The directory is starting; try again in a moment.");
  return Ok();
}

void InteropModule::AddRoutes(http::Router& router) {
  AddHsdsRoutes(router, exchange_, catalog_);
  AddFhirRoutes(router, exchange_, directory_, catalog_, public_url_);
  AddFhirOrderRoutes(router, orders_);
}

}  // namespace allmende::interop
