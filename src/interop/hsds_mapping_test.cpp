#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <regex>

#include "directory/directory_json.hpp"
#include "interop/hsds_export.hpp"
#include "interop/hsds_import.hpp"
#include "interop/hsds_vocabulary.hpp"
#include "interop/interop_test_catalog.hpp"
#include "interop/json_text.hpp"

namespace allmende::interop {
namespace {

namespace json = boost::json;
using directory::ServiceContent;

tenancy::Region Pirkanmaa() {
  tenancy::Region r;
  r.id = "reg_01JD3M5Q8Z4X9K2V7N6B5C4D3E";
  r.code = "pirkanmaa";
  r.country = "FI";
  r.time_zone = "Europe/Helsinki";
  r.default_language = "fi";
  return r;
}

ServiceContent Cleaning() {
  ServiceContent c;
  c.name = {{"fi", "Kotisiivous"}, {"sv", "Hemstädning"}};
  c.description = {{"fi", "Siivoamme kotisi."}, {"en", "We clean your home."}};
  c.category = "cleaning";
  c.area = {{"fi-837"}, {"fi-837-hervanta"}, {"33100"}};
  c.languages = {"fi", "sv"};
  c.price = {"hourly", 3990, "EUR", 5000, 2550, 10000};
  c.hours = {{0, "08:00", "16:00"}, {1, "08:00", "16:00"}, {5, "10:00", "14:00"}};
  c.capacity_per_week = 20;
  c.lead_time_days = 3;
  return c;
}

directory::PublishedProvider Provider(const ServiceContent& content) {
  directory::PublishedProvider p;
  auto& profile = p.provider.profile;
  profile.organization_id = "org_01JD3M5Q8Z4X9K2V7N6B5C4D3F";
  profile.name = "Hervannan Kotisiivous Oy";
  profile.kind = "provider_company";
  profile.description = {{"fi", "Siivousta Hervannassa."}, {"sv", "Städning i Hervanta."}};
  profile.email = "info@kotisiivous.example";
  profile.phone = "+358401234567";
  profile.website = "https://kotisiivous.example";
  profile.languages = {"fi", "en"};
  profile.area = {{"fi-837"}, {}, {"33720"}};
  profile.quality_labels = {"Avainlippu"};
  profile.insurance = "Vastuuvakuutus, If";
  profile.accessibility = {{"fi", "Esteetön toimisto."}};
  p.provider.business_id = "1572860-0";
  directory::Service s;
  s.id = "svc_01JD3M5Q8Z4X9K2V7N6B5C4D3G";
  s.organization_id = profile.organization_id;
  s.organization_name = profile.name;
  s.state = "published";
  s.published = content;
  s.published_at = "2026-11-24T08:00:00.000Z";
  p.services.push_back(s);
  return p;
}

json::value Exported(const directory::PublishedProvider& p) {
  return json::object{{"contents", json::array{HsdsOrganization(p, Pirkanmaa(), {}, TestCatalog())}}};
}

directory::ImportBatch ReadBack(const json::value& doc) { return ReadHsds(doc, TestCatalog()); }

TEST(HsdsMapping, AnExportedServiceReadsBackToTheSameContent) {
  ServiceContent original = Cleaning();
  auto batch = ReadBack(Exported(Provider(original)));
  ASSERT_EQ(batch.providers.size(), 1u);
  ASSERT_EQ(batch.providers[0].services.size(), 1u);
  const auto& read = batch.providers[0].services[0];
  EXPECT_TRUE(read.errors.empty()) << read.errors.front().field << ": " << read.errors.front().message;
  ServiceContent expected = original;
  std::sort(expected.hours.begin(), expected.hours.end(),
            [](const auto& a, const auto& b) { return a.weekday < b.weekday; });
  EXPECT_EQ(directory::StoredContent(read.content), directory::StoredContent(expected));
}

TEST(HsdsMapping, AnExportedProviderReadsBackToTheSameProfile) {
  auto original = Provider(Cleaning());
  auto batch = ReadBack(Exported(original));
  ASSERT_EQ(batch.providers.size(), 1u);
  const auto& p = batch.providers[0];
  EXPECT_TRUE(p.errors.empty());
  EXPECT_EQ(p.name, "Hervannan Kotisiivous Oy");
  EXPECT_EQ(p.kind, "provider_company");
  EXPECT_EQ(p.business_id, "1572860-0");
  const auto& want = original.provider.profile;
  EXPECT_EQ(p.profile.description, want.description);
  EXPECT_EQ(p.profile.accessibility, want.accessibility);
  EXPECT_EQ(p.profile.email, want.email);
  EXPECT_EQ(p.profile.phone, want.phone);
  EXPECT_EQ(p.profile.website, want.website);
  EXPECT_EQ(p.profile.languages, want.languages);
  EXPECT_EQ(directory::StoredArea(p.profile.area), directory::StoredArea(want.area));
  EXPECT_EQ(p.profile.quality_labels, want.quality_labels);
  EXPECT_EQ(p.profile.insurance, want.insurance);
}

TEST(HsdsMapping, EveryIdIsAUuidAndTheSameInTwoExports) {
  std::string first = JsonText(Exported(Provider(Cleaning())));
  EXPECT_EQ(first, JsonText(Exported(Provider(Cleaning()))));
  static const std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  static const std::regex id_member("\"(?:[a-z_]+_)?id\":\"([^\"]*)\"");
  int ids = 0;
  for (auto it = std::sregex_iterator(first.begin(), first.end(), id_member); it != std::sregex_iterator(); ++it) {
    EXPECT_TRUE(std::regex_match((*it)[1].str(), uuid)) << (*it)[0].str();
    ++ids;
  }
  EXPECT_GT(ids, 20);
  EXPECT_EQ(UuidOfId("svc_01JD3M5Q8Z4X9K2V7N6B5C4D3G").size(), 36u);
  EXPECT_NE(UuidOfId("svc_01JD3M5Q8Z4X9K2V7N6B5C4D3G"), UuidOfId("svc_01JD3M5Q8Z4X9K2V7N6B5C4D3H"));
}

TEST(HsdsMapping, DaysWithTheSameHoursShareOneWeeklySchedule) {
  auto doc = Exported(Provider(Cleaning()));
  const auto& schedules = doc.at("contents").at(0).at("services").at(0).at("schedules").as_array();
  ASSERT_EQ(schedules.size(), 2u);
  EXPECT_EQ(schedules[0].at("byday"), "MO,TU");
  EXPECT_EQ(schedules[0].at("opens_at"), "08:00");
  EXPECT_EQ(schedules[1].at("byday"), "SA");
  EXPECT_EQ(schedules[0].at("freq"), "WEEKLY");
}

TEST(HsdsMapping, PricesAreWrittenAsPeopleWriteThem) {
  std::string text = JsonText(Exported(Provider(Cleaning())));
  EXPECT_NE(text.find("\"amount\":39.9,"), std::string::npos);
  EXPECT_NE(text.find("\"amount\":50,"), std::string::npos) << "the minimum charge";
  EXPECT_EQ(text.find("E1"), std::string::npos);
}

json::object ForeignService(json::object changes) {
  json::object s{
      {"id", "3f7b145d-84af-42d7-8fae-eaca714b02b2"},
      {"name", "Kotiapu"},
      {"status", "active"},
      {"languages", json::array{json::object{{"id", "x"}, {"code", "FI"}}}},
      {"service_areas", json::array{json::object{{"id", "a"}, {"name", "Tammerfors"}}}},
      {"cost_options",
       json::array{json::object{{"id", "c"}, {"option", "per_visit"}, {"amount", 25}, {"currency", "eur"}}}},
      {"attributes",
       json::array{json::object{
           {"id", "t"}, {"taxonomy_term", {{"id", "u"}, {"code", "home_help"}, {"taxonomy", kCategoryTaxonomy}}}}}}};
  for (auto& [k, v] : changes) s[k] = v;
  return s;
}

directory::ImportedService ReadForeign(json::object changes) {
  json::array doc{json::object{
      {"name", "Apu Oy"}, {"description", ""}, {"services", json::array{ForeignService(std::move(changes))}}}};
  auto batch = ReadBack(doc);
  return batch.providers.at(0).services.at(0);
}

TEST(HsdsMapping, AnotherPublishersServiceIsReadByNamesAndCodes) {
  auto s = ReadForeign({});
  EXPECT_TRUE(s.errors.empty()) << s.errors.front().field << ": " << s.errors.front().message;
  EXPECT_EQ(s.content.area.municipalities, std::vector<std::string>{"fi-837"}) << "Tammerfors is Tampere in Swedish";
  EXPECT_EQ(s.content.category, "home_help");
  EXPECT_EQ(s.content.price.currency, "EUR");
  EXPECT_EQ(s.content.price.amount, 2500);
  EXPECT_EQ(s.content.languages, std::vector<std::string>{"fi"});
  EXPECT_EQ(s.content.name.at(""), "Kotiapu") << "a text without language is the region's";
}

TEST(HsdsMapping, AnUnknownPlaceIsAnErrorAtItsPath) {
  auto s = ReadForeign({{"service_areas", json::array{json::object{{"id", "a"}, {"name", "Atlantis"}}}}});
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].field, "[0].services[0].service_areas[0]");
}

TEST(HsdsMapping, AnAmountBelowACentIsRefusedAtTheAmount) {
  auto s =
      ReadForeign({{"cost_options", json::array{json::object{{"id", "c"}, {"option", "hourly"}, {"amount", 10.005}}}}});
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].field, "[0].services[0].cost_options[0].amount");
}

TEST(HsdsMapping, AServiceWithoutOurCategoryIsAskedForOne) {
  auto s = ReadForeign(
      {{"attributes",
        json::array{json::object{
            {"id", "t"}, {"taxonomy_term", {{"id", "u"}, {"code", "food"}, {"taxonomy", "Open Eligibility"}}}}}}});
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].field, "[0].services[0].attributes");
}

TEST(HsdsMapping, WrongTypesAreErrorsAtTheirPaths) {
  auto s = ReadForeign({{"name", 42}, {"languages", "fi"}});
  std::vector<std::string> fields;
  for (const auto& e : s.errors) fields.push_back(e.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"[0].services[0].name", "[0].services[0].languages"}));
}

TEST(HsdsMapping, AServiceThatIsNotActiveIsLeftOutWithAWarning) {
  json::array doc{
      json::object{{"name", "Apu Oy"}, {"services", json::array{ForeignService({{"status", "inactive"}})}}}};
  auto batch = ReadBack(doc);
  EXPECT_TRUE(batch.providers.at(0).services.empty());
  ASSERT_EQ(batch.warnings.size(), 1u);
  EXPECT_EQ(batch.warnings[0].field, "[0].services[0].status");
}

TEST(HsdsMapping, ADocumentOfAnotherShapeIsAnErrorOfTheBatch) {
  auto batch = ReadBack(json::value("organizations"));
  EXPECT_TRUE(batch.providers.empty());
  ASSERT_EQ(batch.errors.size(), 1u);
  EXPECT_EQ(batch.errors[0].field, "contents");
}

}  // namespace
}  // namespace allmende::interop
