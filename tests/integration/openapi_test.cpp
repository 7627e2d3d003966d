// The served OpenAPI document describes the API that is actually there.
#include <regex>

#include "problem_assertions.hpp"
#include "server_harness.hpp"

namespace allmende::testing {
namespace {

TEST(OpenApi, EveryDocumentedOperationExistsAndAnswersAsDocumented) {
  TestServer server;
  ASSERT_TRUE(server.started());
  auto r = server.Get("/api/v1/openapi.json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  auto doc = boost::json::parse(r->body).as_object();
  EXPECT_EQ(doc["openapi"].as_string(), "3.1.0");
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
      EXPECT_NE(resp->status, 405) << m << " " << concrete << " is documented but not routed";
      if (resp->status == 404) {
        // Allowed only when the path names a resource that does not exist, never for a missing route.
        EXPECT_NE(concrete, std::string(path)) << m << " " << concrete << " is documented but not routed";
      }
      auto responses = op.at("responses").as_object();
      EXPECT_TRUE(responses.contains(std::to_string(resp->status)))
          << m << " " << path << " answered " << resp->status << ", which the document does not list";
    }
  }
  EXPECT_GE(operations, 8);
}

}  // namespace
}  // namespace allmende::testing
