// Orders as FHIR R4 resources: an order is a ServiceRequest, its fulfilment a Task (based on the
// request, owned by the provider that accepted it, with the period of its visits). Pure.
#pragma once

#include <boost/json/object.hpp>

#include "orders/order_service.hpp"

namespace allmende::interop::fhir {

inline constexpr std::string_view kClientSystem = "urn:allmende:client";

// The order as its reader may see it; the subject names the client by identifier (no Patient
// resource is served) and by name only when the reader may see who it is.
boost::json::object ServiceRequestResource(const orders::OrderView& view);
boost::json::object TaskResource(const orders::OrderView& view);

}  // namespace allmende::interop::fhir
