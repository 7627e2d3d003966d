// Interoperability as main.cpp registers it: the directory in Open Referral HSDS 3.0 (export and
// import) and FHIR R4 (HealthcareService, Organization, Location; ServiceRequest and Task of orders). It reaches the
// directory only through its service interfaces (DirectoryService, DirectoryExchange, CatalogIndex).
#pragma once

#include <string>

#include "app/module.hpp"
#include "directory/catalog_index.hpp"
#include "directory/directory_exchange.hpp"
#include "directory/directory_service.hpp"
#include "orders/order_service.hpp"

namespace allmende::interop {

class InteropModule final : public app::Module {
 public:
  // `catalog` is the directory's index (an import puts what it publishes into it); `public_url`
  // the configured public address (server.public_url), which FHIR's absolute links start with;
  // empty: the address each request was sent to.
  InteropModule(storage::Database& db, events::EventBus& bus, const TimeSource& clock,
                directory::DirectoryService& directory, directory::CatalogIndex& catalog, orders::OrderService& orders,
                std::string public_url)
      : exchange_(db, directory, catalog, bus, clock),
        orders_(orders),
        directory_(directory),
        catalog_(catalog),
        public_url_(std::move(public_url)) {}

  void AddRoutes(http::Router& router) override;

 private:
  directory::DirectoryExchange exchange_;
  orders::OrderService& orders_;
  directory::DirectoryService& directory_;
  const directory::CatalogIndex& catalog_;
  std::string public_url_;
};

}  // namespace allmende::interop
