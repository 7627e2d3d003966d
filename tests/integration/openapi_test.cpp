// The served OpenAPI document describes exactly the API that is there: every route documented,
// every documented operation routed, public exactly where the route is public, and each
// operation answering with a status the document lists.
#include <map>
#include <regex>
#include <set>

#include "problem_assertions.hpp"
#include "server_harness.hpp"

namespace allmende::testing {
namespace {

struct RouteInfo {
  std::string access;  // public, signed_in, policy
  std::string action;
};

std::map<std::string, RouteInfo> RouteTable() {
  std::map<std::string, RouteInfo> routes;
  for (const auto& r : DeclaredRoutes()) routes[r.Name()] = {r.access, r.action};
  return routes;
}

boost::json::object Document(TestServer& server) {
  auto r = server.Get("/api/v1/openapi.json");
  EXPECT_TRUE(r && r->status == 200);
  return boost::json::parse(r->body).as_object();
}

// An operation is public when its security list is empty or allows no credential ({}).
bool DocumentedAsPublic(const boost::json::object& doc, const boost::json::object& op) {
  const boost::json::value* security = op.if_contains("security");
  if (!security) security = doc.if_contains("security");
  if (!security) return true;
  for (const auto& requirement : security->as_array()) {
    if (requirement.as_object().empty()) return true;
  }
  return security->as_array().empty();
}

TEST(OpenApi, EveryRouteIsDocumentedAndEveryDocumentedOperationIsRouted) {
  auto routes = RouteTable();
  ASSERT_GE(routes.size(), 40u);
  TestServer server;
  ASSERT_TRUE(server.started());
  auto doc = Document(server);
  EXPECT_EQ(doc["openapi"].as_string(), "3.1.0");
  std::set<std::string> documented;
  for (const auto& [path, item] : doc["paths"].as_object()) {
    for (const auto& [method, op] : item.as_object()) {
      if (method == "parameters" || method == "summary" || method == "description") continue;
      std::string m(method);
      for (char& c : m) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      const std::string name = m + " " + std::string(path);
      documented.insert(name);
      auto route = routes.find(name);
      if (route == routes.end()) {
        ADD_FAILURE() << name << " is documented but not routed";
        continue;
      }
      // The document says public exactly where the route's declaration does.
      EXPECT_EQ(DocumentedAsPublic(doc, op.as_object()), route->second.access == "public")
          << name << " is " << route->second.access << " but documented otherwise";
    }
  }
  for (const auto& [name, info] : routes) {
    EXPECT_TRUE(documented.count(name)) << name << " is routed (" << info.access << ") but not documented";
  }
}

TEST(OpenApi, EveryOperationAnswersWithAStatusTheDocumentLists) {
  auto routes = RouteTable();
  TestServer server;
  ASSERT_TRUE(server.started());
  auto doc = Document(server);
  int operations = 0;
  for (const auto& [path, item] : doc["paths"].as_object()) {
    std::string concrete =
        std::regex_replace(std::string(path), std::regex(R"(\{[^}]+\})"), "reg_01JD3M5Q8Z4X9K2V7N6B5C4D3E");
    for (const auto& [method, op] : item.as_object()) {
      ++operations;
      std::string m(method);
      for (char& c : m) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (concrete == "/api/v1/events") continue;  // a stream; covered by the events tests
      auto resp = Fetch(server.port(), m, concrete, {{"Content-Type", "application/json"}}, m == "POST" ? "{}" : "");
      ASSERT_TRUE(resp) << m << " " << concrete;
      EXPECT_NE(resp->status, 405) << m << " " << concrete;
      auto responses = op.at("responses").as_object();
      bool listed = responses.contains(std::to_string(resp->status)) ||
                    responses.contains(std::to_string(resp->status / 100) + "XX") || responses.contains("default");
      EXPECT_TRUE(listed) << m << " " << path << " answered " << resp->status << ", which the document does not list";
    }
  }
  EXPECT_EQ(operations, static_cast<int>(routes.size()));
}

}  // namespace
}  // namespace allmende::testing
