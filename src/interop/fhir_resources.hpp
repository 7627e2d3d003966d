// The published directory as FHIR R4 resources (JSON): a service is a HealthcareService, a
// provider an Organization, a place of the gazetteer (a municipality or district) a Location with
// physicalType "area" that services name as their coverageArea. Errors are OperationOutcomes.
// Pure: no database, no clock.
#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "directory/catalog_index.hpp"
#include "directory/directory_exchange_store.hpp"
#include "server/http.hpp"

namespace allmende::interop::fhir {

inline constexpr std::string_view kContentType = "application/fhir+json";
inline constexpr std::string_view kCategorySystem = "urn:allmende:service-category";
inline constexpr std::string_view kPlaceSystem = "urn:allmende:place";
inline constexpr std::string_view kPostalCodeSystem = "urn:allmende:postal-code";
inline constexpr std::string_view kBusinessIdSystem = "urn:allmende:business-id";

// A FHIR id of one of ours: "svc_01J…" → "svc-01J…" (FHIR ids allow no underscore); OurId undoes it.
std::string FhirId(std::string_view id);
std::string OurId(std::string_view fhir_id);

// The resources. Texts are in `language` where they have it (else fi, sv, en, de, da), with every
// other language in the standard translation extension.
boost::json::object HealthcareServiceResource(const directory::Service& service, const directory::CatalogIndex& catalog,
                                              const std::string& language);
boost::json::object OrganizationResource(const directory::ProviderRecord& provider, const std::string& language);
boost::json::object LocationResource(const directory::Place& place, const directory::CatalogIndex& catalog);
// What this server offers: the three resources, read and search with their parameters.
boost::json::object CapabilityStatement(const std::string& base_url, const std::string& date);

// A searchset Bundle of `resources` (each with fullUrl base_url/Type/id), `total` matches in all,
// with a self link and a next link when there is one (both absolute).
boost::json::object SearchBundle(const std::vector<boost::json::object>& resources, const std::string& base_url,
                                 std::int64_t total, const std::string& self, const std::string& next);

// The OperationOutcome of an error: issue code by the error's kind, the field as expression, and
// for kInternal only a text naming the request id.
boost::json::object OperationOutcome(const Error& error, std::string_view request_id);

// A FHIR answer: `resource` as application/fhir+json.
http::Response FhirResponse(int status, const boost::json::value& resource);
// The one place that turns an Error into a FHIR answer: the status is the server's own mapping
// (http::StatusFor), the body an OperationOutcome.
http::Response OutcomeResponse(const Error& error, std::string_view request_id);

}  // namespace allmende::interop::fhir
