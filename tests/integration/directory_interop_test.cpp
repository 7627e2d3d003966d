// The directory's HSDS 3.0 import over HTTP: all or nothing, every problem named by its JSON
// path, no duplicate on a retry, imported services published by the importing person and found
// by search, the round trip from one region to an empty one, and hostile input. One demo world
// (60 generated services) for the whole file; each test imports into a region of its own.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "demo_world.hpp"
#include "problem_assertions.hpp"

namespace allmende::testing {
namespace {

namespace json = boost::json;

class DirectoryInteropTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new DemoWorld(true, {}, {"--services", "60", "--seed", "3"});
    pia_ = world_->SignIn("pia.admin");
    outi_ = world_->SignIn("outi.koordinaattori");
    jussi_ = world_->SignIn("jussi.siivous");
    pirkanmaa_ = world_->RegionId("pirkanmaa");
    exported_ = Export(pirkanmaa_);
  }
  static void TearDownTestSuite() {
    delete world_;
    world_ = nullptr;
  }

  static json::object Export(const std::string& region) {
    auto r = Fetch(world_->port(), "GET", "/api/v1/directory/hsds?region_id=" + region + "&per_page=500");
    EXPECT_TRUE(r && r->status == 200) << (r ? r->body.substr(0, 300) : "no answer");
    return r && r->status == 200 ? json::parse(r->body).as_object() : json::object{};
  }

  // A new empty region (Finnish, like the demo one).
  static std::string NewRegion(const std::string& code) {
    auto r = Fetch(world_->port(), "POST", "/api/v1/regions",
                   {{"Authorization", std::string("Bearer ") + kAdminToken}, {"Content-Type", "application/json"}},
                   R"({"code":")" + code + R"(","name":")" + code + R"(","country":"FI"})");
    EXPECT_EQ(r->status, 201) << r->body;
    return std::string(json::parse(r->body).at("id").as_string());
  }

  static std::optional<HttpResponse> Import(const Session& who, const std::string& region, const json::value& body,
                                            std::vector<std::pair<std::string, std::string>> headers = {}) {
    return world_->Call(who, "POST", "/api/v1/directory/hsds/import?region_id=" + region, json::serialize(body),
                        std::move(headers));
  }

  // The first `n` organizations of the demo export.
  static json::object FirstOf(std::size_t n) {
    json::array some;
    for (std::size_t i = 0; i < n && i < exported_.at("contents").as_array().size(); ++i) {
      some.push_back(exported_.at("contents").as_array()[i]);
    }
    return {{"contents", std::move(some)}};
  }

  static std::int64_t ServicesIn(const std::string& region) {
    auto r = Fetch(world_->port(), "GET", "/api/v1/services?limit=1&region_id=" + region);
    return r && r->status == 200 ? json::parse(r->body).at("total").as_int64() : -1;
  }

  // The directory without what an import renews: ids, publication times and vouchers (the
  // purchasers of another region), organizations by name and services in a fixed order.
  static json::array Comparable(json::value contents) {
    std::function<void(json::value&)> strip = [&](json::value& v) {
      if (v.is_array()) {
        for (auto& x : v.as_array()) strip(x);
      } else if (v.is_object()) {
        auto& o = v.as_object();
        std::vector<std::string> drop;
        for (const auto& [k, x] : o) {
          if (k == "id" || k.ends_with("_id") || k == "last_modified" || k == "funding") drop.emplace_back(k);
        }
        for (const auto& k : drop) o.erase(k);
        for (auto& [k, x] : o) strip(x);
      }
    };
    strip(contents);
    auto& orgs = contents.as_array();
    for (auto& o : orgs) {
      auto& services = o.as_object()["services"].as_array();
      std::sort(services.begin(), services.end(),
                [](const auto& a, const auto& b) { return json::serialize(a) < json::serialize(b); });
    }
    std::sort(orgs.begin(), orgs.end(),
              [](const auto& a, const auto& b) { return a.at("name").as_string() < b.at("name").as_string(); });
    return orgs;
  }

  static inline DemoWorld* world_ = nullptr;
  static inline Session pia_, outi_, jussi_;
  static inline std::string pirkanmaa_;
  static inline json::object exported_;
};

TEST_F(DirectoryInteropTest, AnExportImportedIntoAnEmptyRegionExportsAsTheSameDirectory) {
  std::string copy = NewRegion("interop-copy");
  auto r = Import(pia_, copy, exported_);
  ASSERT_EQ(r->status, 200) << r->body.substr(0, 500);
  auto report = json::parse(r->body);
  EXPECT_EQ(report.at("services_published").as_int64(), ServicesIn(pirkanmaa_));
  EXPECT_EQ(Comparable(Export(copy).at("contents")), Comparable(exported_.at("contents")));
}

TEST_F(DirectoryInteropTest, ImportedServicesArePublishedByTheImporterAndFoundBySearch) {
  std::string region = NewRegion("interop-search");
  auto r = Import(pia_, region, FirstOf(3));
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_GT(ServicesIn(region), 0) << "in this process's index as the import committed";
  auto search = Fetch(world_->port(), "GET", "/api/v1/services?limit=1&region_id=" + region);
  std::string id(json::parse(search->body).at("items").at(0).at("id").as_string());
  auto history = world_->Call(pia_, "GET", "/api/v1/directory/services/" + id + "/history");
  ASSERT_EQ(history->status, 200) << history->body;
  auto doc = json::parse(history->body);
  const auto& events = doc.at("items").as_array();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].at("action"), "published");
  EXPECT_EQ(events[0].at("actor_id").as_string(), world_->UserId("pia.admin"));
}

TEST_F(DirectoryInteropTest, AnImportReachesTheSearchOfEveryServerProcess) {
  if (TestBackend() != "postgresql") GTEST_SKIP() << "several server processes on one database: PostgreSQL's mode";
  TestServer other({.args = {"--set", "demo.mode=true"}, .database = &world_->db()});
  ASSERT_TRUE(other.started());
  std::string region = NewRegion("interop-processes");
  auto r = Import(pia_, region, FirstOf(3));
  ASSERT_EQ(r->status, 200) << r->body;
  std::int64_t published = json::parse(r->body).at("services_published").as_int64();
  ASSERT_GT(published, 0);
  auto total_there = [&] {
    auto s = other.Get("/api/v1/services?limit=1&region_id=" + region);
    return s && s->status == 200 ? json::parse(s->body).at("total").as_int64() : -1;
  };
  EXPECT_TRUE(Eventually([&] { return total_there() == published; }, std::chrono::seconds(10)))
      << "the other process's index has " << total_there() << " of " << published;
}

TEST_F(DirectoryInteropTest, OneBadServiceLeavesTheRegionAsItWas) {
  std::string region = NewRegion("interop-atomic");
  json::object body = FirstOf(4);
  auto& service = body["contents"].as_array()[2].as_object()["services"].as_array()[0].as_object();
  service["name"] = std::string(10'000, 'x');
  auto& attributes = service["attributes"];
  std::string field;
  for (std::size_t i = 0; i < attributes.as_array().size(); ++i) {
    auto& a = attributes.as_array()[i].as_object();
    if (a["link_type"] == "name" && a["taxonomy_term"].at("code") == "fi") {
      a["value"] = std::string(10'000, 'x');  // the Finnish name
      field = "contents[2].services[0].attributes[" + std::to_string(i) + "].value";
    }
  }
  ASSERT_FALSE(field.empty());
  auto r = Import(pia_, region, body);
  auto problem = ExpectProblem(r, 422);
  EXPECT_EQ(FieldErrors(problem).size(), 1u) << r->body;
  ExpectProblemField(*r, field);
  EXPECT_EQ(Export(region).at("total_items").as_int64(), 0);
  EXPECT_EQ(ServicesIn(region), 0) << "nothing entered the index either";
  EXPECT_EQ(world_->Id("SELECT count(*) FROM organizations WHERE region_id = '" + region + "'"), "0");
}

TEST_F(DirectoryInteropTest, EveryProblemIsNamedByTheJsonPathOfItsRecord) {
  std::string region = NewRegion("interop-paths");
  json::value service = exported_.at("contents").at(0).at("services").at(0);
  auto broken = [&](const std::function<void(json::object&)>& change) {
    json::object s = service.as_object();
    change(s);
    return s;
  };
  json::array services{
      broken([](json::object& s) { s["languages"] = "fi"; }),
      broken([](json::object& s) { s["service_areas"].as_array()[0].as_object()["extent"] = "fi-999"; }),
      broken([](json::object& s) { s["cost_options"].as_array()[0].as_object()["amount"] = -1; }),
      broken([](json::object& s) {
        for (auto& a : s["attributes"].as_array()) {
          if (a.at("link_type") == "category") a.as_object()["taxonomy_term"].as_object()["code"] = "astrology";
        }
      }),
      broken([](json::object& s) { s["name"] = "Edited here but not in the attributes"; }),
  };
  json::object org = exported_.at("contents").at(0).as_object();
  org["services"] = services;
  json::object nameless{{"description", "no name"}};
  auto r = Import(pia_, region, json::object{{"contents", json::array{org, nameless}}});
  ExpectProblem(r, 422);
  for (const char* field :
       {"contents[0].services[0].languages", "contents[0].services[1].service_areas[0]",
        "contents[0].services[2].cost_options[0].amount", "contents[0].services[4].name", "contents[1].name"}) {
    ExpectProblemField(*r, field);
  }
  bool category_named = r->body.find("contents[0].services[3].attributes[") != std::string::npos;
  EXPECT_TRUE(category_named) << "the unknown category at its attribute: " << r->body;
}

TEST_F(DirectoryInteropTest, ARetryCreatesNothingTwice) {
  std::string region = NewRegion("interop-retry");
  auto first = Import(pia_, region, FirstOf(2), {{"Idempotency-Key", "interop-retry-1"}});
  ASSERT_EQ(first->status, 200) << first->body;
  auto replay = Import(pia_, region, FirstOf(2), {{"Idempotency-Key", "interop-retry-1"}});
  EXPECT_EQ(replay->status, 200);
  EXPECT_EQ(replay->Header("idempotent-replayed"), "true");
  EXPECT_EQ(replay->body, first->body);
  std::int64_t published = json::parse(first->body).at("services_published").as_int64();
  auto again = Import(pia_, region, FirstOf(2));  // no key: the same data again
  ASSERT_EQ(again->status, 200) << again->body;
  EXPECT_EQ(json::parse(again->body).at("services_published").as_int64(), 0);
  EXPECT_EQ(json::parse(again->body).at("services_unchanged").as_int64(), published);
  EXPECT_EQ(ServicesIn(region), published);
}

TEST_F(DirectoryInteropTest, OnlyThePlatformAdminAndTheRegionsCoordinatorsImport) {
  EXPECT_EQ(Import(jussi_, pirkanmaa_, FirstOf(1))->status, 403) << "a provider's admin";
  std::string other = NewRegion("interop-other");
  EXPECT_EQ(Import(outi_, other, FirstOf(1))->status, 403) << "a coordinator of another region";
  auto token = Fetch(world_->port(), "POST", "/api/v1/directory/hsds/import?region_id=" + other,
                     {{"Authorization", std::string("Bearer ") + kAdminToken}, {"Content-Type", "application/json"}},
                     json::serialize(FirstOf(1)));
  ExpectProblem(token, 403);  // the history records a person as the publisher; a token is none
  json::object mine{
      {"contents", json::array{json::object{{"name", "Oriveden Uusi Palvelu Oy"},
                                            {"description", ""},
                                            {"services", exported_.at("contents").at(0).at("services")}}}}};
  EXPECT_EQ(Import(outi_, pirkanmaa_, mine)->status, 200) << "the coordinator, in her own region";
}

TEST_F(DirectoryInteropTest, AnExistingProviderGetsServicesOnlyUnderItsOwnBusinessId) {
  json::object org;
  for (const auto& o : exported_.at("contents").as_array()) {
    if (o.at("name") == "Hervannan Kotisiivous Oy") org = o.as_object();
  }
  ASSERT_FALSE(org.empty());
  org["organization_identifiers"].as_array()[0].as_object()["identifier"] = "1572860-0";
  auto r = Import(outi_, pirkanmaa_, json::object{{"contents", json::array{org}}});
  ASSERT_EQ(r->status, 422) << r->body.substr(0, 400);
  ExpectProblemField(*r, "contents[0].name");
}

TEST_F(DirectoryInteropTest, HostileInputIsRefusedWithoutHarm) {
  std::string region = NewRegion("interop-hostile");
  // Invalid UTF-8: the JSON parser refuses the body.
  auto bad_utf8 = world_->Call(pia_, "POST", "/api/v1/directory/hsds/import?region_id=" + region,
                               "{\"contents\":[{\"name\":\"\xff\xfe\"}]}");
  ExpectProblem(bad_utf8, 400);
  // Nesting deeper than the parser allows.
  auto deep = world_->Call(pia_, "POST", "/api/v1/directory/hsds/import?region_id=" + region,
                           std::string(10'000, '[') + std::string(10'000, ']'));
  ExpectProblem(deep, 400);
  // Wrong types everywhere: each is an error, none a crash.
  json::object bad_service{{"schedules", json::array{"MO"}},
                           {"cost_options", json::object{}},
                           {"attributes", json::array{json::object{{"taxonomy_term", 5}}}}};
  json::object wrong{{"name", json::array{1, 2}},
                     {"email", 7},
                     {"attributes", "none"},
                     {"services", json::array{bad_service, "not an object"}}};
  auto r = Import(pia_, region, json::object{{"contents", json::array{wrong, nullptr}}});
  auto problem = ExpectProblem(r, 422);
  EXPECT_GE(FieldErrors(problem).size(), 6u) << r->body;
  ExpectProblemField(*r, "contents[1]");
  ExpectProblemField(*r, "contents[0].services[1]");
  // A body over the limit (32 MiB) is refused before it is sent.
  HttpConnection c(world_->port());
  ASSERT_TRUE(c.Send("POST /api/v1/directory/hsds/import?region_id=" + region +
                     " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nCookie: " + pia_.cookie +
                     "\r\nX-CSRF-Token: " + pia_.csrf + "\r\nContent-Length: " + std::to_string(33 * 1024 * 1024) +
                     "\r\nExpect: 100-continue\r\n\r\n"));
  auto huge = ExpectProblem(c.Read(), 413);
  EXPECT_NE(std::string(huge["detail"].as_string()).find("33554432"), std::string::npos) << huge["detail"];
  EXPECT_EQ(Export(region).at("total_items").as_int64(), 0);
  EXPECT_EQ(world_->Call(pia_, "GET", "/readyz")->status, 200) << "the server is still there";
}

TEST_F(DirectoryInteropTest, AnExportPageCountsProvidersAndAnUnknownRegionIsNotFound) {
  auto first = Fetch(world_->port(), "GET", "/api/v1/directory/hsds?region_id=" + pirkanmaa_ + "&per_page=5");
  ASSERT_EQ(first->status, 200);
  auto page = json::parse(first->body);
  EXPECT_EQ(page.at("size").as_int64(), 5);
  EXPECT_EQ(page.at("total_items"), Export(pirkanmaa_).at("total_items"));
  EXPECT_EQ(page.at("last_page"), false);
  ExpectProblem(Fetch(world_->port(), "GET", "/api/v1/directory/hsds?region_id=reg_01JD3M5Q8Z4X9K2V7N6B5C4D3E"), 404);
  ExpectProblem(Fetch(world_->port(), "GET", "/api/v1/directory/hsds?region_id=" + pirkanmaa_ + "&per_page=0"), 422);
}

}  // namespace
}  // namespace allmende::testing
