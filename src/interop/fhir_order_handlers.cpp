// FHIR R4 reads of orders: ServiceRequest and Task, with the order's own authorization and access
// log (OrderService::Get); errors are OperationOutcomes.
#include "interop/fhir_orders.hpp"
#include "interop/fhir_resources.hpp"
#include "interop/interop_handlers.hpp"

namespace allmende::interop {
namespace {

using Mapper = boost::json::object (*)(const orders::OrderView&);

http::Handler Read(orders::OrderService& orders, Mapper map) {
  return [&orders, map](const http::Request& r) -> Result<http::Response> {
    auto actor = access::Actor::Of(r);
    if (!actor.ok()) return fhir::OutcomeResponse(actor.error(), r.request_id);
    auto view = orders.Get(*actor, fhir::OurId(r.Param("id")));
    if (!view.ok()) return fhir::OutcomeResponse(view.error(), r.request_id);
    return fhir::FhirResponse(200, map(*view));
  };
}

}  // namespace

void AddFhirOrderRoutes(http::Router& router, orders::OrderService& orders) {
  router.Add("GET", "/fhir/R4/ServiceRequest/{id}", Read(orders, &fhir::ServiceRequestResource),
             {.access = http::Access::kPolicy, .action = "order.read"});
  router.Add("GET", "/fhir/R4/Task/{id}", Read(orders, &fhir::TaskResource),
             {.access = http::Access::kPolicy, .action = "order.read"});
}

}  // namespace allmende::interop
