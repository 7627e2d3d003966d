#include "interop/fhir_resources.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "interop/interop_test_catalog.hpp"

namespace allmende::interop::fhir {
namespace {

namespace json = boost::json;

directory::Service Published(std::vector<directory::OpeningHours> hours) {
  directory::Service s;
  s.id = "svc_01JD3M5Q8Z4X9K2V7N6B5C4D3G";
  s.organization_id = "org_01JD3M5Q8Z4X9K2V7N6B5C4D3F";
  s.organization_name = "Hervannan Kotisiivous Oy";
  s.state = "published";
  directory::ServiceContent c;
  c.name = {{"fi", "Kotisiivous"}, {"sv", "Hemstädning"}};
  c.description = {{"fi", "Siivoamme kotisi."}};
  c.category = "cleaning";
  c.area = {{"fi-837"}, {"fi-837-hervanta"}, {"33100"}};
  c.languages = {"fi", "sv"};
  c.hours = std::move(hours);
  s.published = c;
  s.published_at = "2026-11-24T08:00:00.000Z";
  return s;
}

TEST(FhirResources, IdsHaveNoUnderscoreAndComeBack) {
  EXPECT_EQ(FhirId("svc_01JD3M5Q8Z4X9K2V7N6B5C4D3G"), "svc-01JD3M5Q8Z4X9K2V7N6B5C4D3G");
  EXPECT_EQ(OurId("svc-01JD3M5Q8Z4X9K2V7N6B5C4D3G"), "svc_01JD3M5Q8Z4X9K2V7N6B5C4D3G");
}

TEST(FhirResources, AServiceNamesItsProviderPlacesAndTranslations) {
  auto r = HealthcareServiceResource(Published({}), TestCatalog(), "sv");
  EXPECT_EQ(r.at("name"), "Hemstädning");
  const auto& translation = r.at("_name").at("extension").at(0);
  EXPECT_EQ(translation.at("extension").at(0).at("valueCode"), "fi");
  EXPECT_EQ(translation.at("extension").at(1).at("valueString"), "Kotisiivous");
  EXPECT_EQ(r.at("providedBy").at("reference"), "Organization/org-01JD3M5Q8Z4X9K2V7N6B5C4D3F");
  const auto& coverage = r.at("coverageArea").as_array();
  ASSERT_EQ(coverage.size(), 3u);
  EXPECT_EQ(coverage[0].at("reference"), "Location/fi-837");
  EXPECT_EQ(coverage[1].at("reference"), "Location/fi-837-hervanta");
  EXPECT_EQ(coverage[2].at("identifier").at("value"), "33100");
}

TEST(FhirResources, OpeningTimesAreFhirTimesAndMidnightClosesTheDay) {
  auto r = HealthcareServiceResource(Published({{0, "08:00", "24:00"}, {1, "08:00", "24:00"}, {6, "00:00", "24:00"}}),
                                     TestCatalog(), "fi");
  const auto& times = r.at("availableTime").as_array();
  ASSERT_EQ(times.size(), 2u);
  EXPECT_EQ(times[0].at("daysOfWeek"), (json::array{"mon", "tue"}));
  EXPECT_EQ(times[0].at("availableStartTime"), "08:00:00");
  EXPECT_EQ(times[0].at("availableEndTime"), "23:59:59");
  EXPECT_EQ(times[1].at("allDay"), true);
}

TEST(FhirResources, ADistrictIsAnAreaWithinItsMunicipality) {
  const directory::Place* hervanta = TestCatalog().FindPlace("fi-837-hervanta");
  ASSERT_NE(hervanta, nullptr);
  auto r = LocationResource(*hervanta, TestCatalog());
  EXPECT_EQ(r.at("physicalType").at("coding").at(0).at("code"), "area");
  EXPECT_EQ(r.at("partOf").at("reference"), "Location/fi-837");
  EXPECT_EQ(r.at("address").at("city"), "Tampere");
}

TEST(FhirResources, AnInvalidParameterIsAnOutcomeNamingItWithTheServersStatus) {
  auto response = OutcomeResponse(Error::Invalid("_count", "Give a whole number from 1 to 100."), "req_1");
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response.content_type, "application/fhir+json");
  auto doc = json::parse(response.body);
  EXPECT_EQ(doc.at("resourceType"), "OperationOutcome");
  EXPECT_EQ(doc.at("issue").at(0).at("code"), "invalid");
  EXPECT_EQ(doc.at("issue").at(0).at("expression").at(0), "_count");
}

TEST(FhirResources, AnInternalErrorShowsOnlyTheRequestId) {
  auto response = OutcomeResponse(Error::Internal("SELECT secret FROM table"), "req_42");
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.body.find("SELECT"), std::string::npos);
  EXPECT_NE(response.body.find("req_42"), std::string::npos);
}

}  // namespace
}  // namespace allmende::interop::fhir
