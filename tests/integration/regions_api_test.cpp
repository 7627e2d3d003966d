// The regions API end to end: create, read, list with cursors, ETag, idempotent retries.
#include "problem_assertions.hpp"
#include "server_harness.hpp"

namespace allmende::testing {
namespace {

class RegionsApiTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(server_.started()); }
  std::optional<HttpResponse> Create(const std::string& body, std::vector<std::pair<std::string, std::string>> h = {}) {
    h.emplace_back("Authorization", std::string("Bearer ") + kAdminToken);
    return server_.PostJson("/api/v1/regions", body, h);
  }
  TestServer server_;
};

TEST_F(RegionsApiTest, CreatedRegionCanBeReadWithAnETag) {
  auto created = Create(R"({"code":"pirkanmaa","name":"Pirkanmaan hyvinvointialue","country":"FI"})");
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 201) << created->body;
  auto region = boost::json::parse(created->body).as_object();
  EXPECT_EQ(region["time_zone"].as_string(), "Europe/Helsinki");
  std::string id(region["id"].as_string());
  EXPECT_TRUE(id.starts_with("reg_"));
  auto got = server_.Get("/api/v1/regions/" + id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->status, 200);
  EXPECT_EQ(got->body, created->body);
  EXPECT_EQ(got->Header("etag"), "\"1\"");
  EXPECT_EQ(got->Header("cache-control"), "no-store");
}

TEST_F(RegionsApiTest, RetryWithIdempotencyKeyNeverDuplicates) {
  std::string body = R"({"code":"kreis-soest","name":"Kreis Soest","country":"DE"})";
  auto first = Create(body, {{"Idempotency-Key", "0d6c2f6e-1"}});
  auto second = Create(body, {{"Idempotency-Key", "0d6c2f6e-1"}});
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->status, 201);
  EXPECT_EQ(second->status, 201);
  EXPECT_EQ(first->body, second->body);
  auto list = boost::json::parse(server_.Get("/api/v1/regions")->body).as_object();
  EXPECT_EQ(list["items"].as_array().size(), 1u);
  auto reused = Create(R"({"code":"other","name":"Other","country":"DE"})", {{"Idempotency-Key", "0d6c2f6e-1"}});
  EXPECT_EQ(FieldErrors(ExpectProblem(reused, 422)).at(0).substr(0, 16), "Idempotency-Key:");
}

TEST_F(RegionsApiTest, DuplicateCodeAndBadValuesAre422) {
  ASSERT_EQ(Create(R"({"code":"vestegnen","name":"Vestegnen","country":"DK"})")->status, 201);
  auto dup = ExpectProblem(Create(R"({"code":"vestegnen","name":"Again","country":"DK"})"), 422);
  EXPECT_EQ(FieldErrors(dup), (std::vector<std::string>{"code: is already used by another region"}));
  auto bad = ExpectProblem(Create(R"({"code":"Bad Code","name":"x","country":"SE","default_language":"no"})"), 422);
  EXPECT_EQ(FieldErrors(bad).size(), 3u);
}

TEST_F(RegionsApiTest, ListPagesWithCursorsAndValidatesParameters) {
  for (int i = 0; i < 5; ++i) {
    ASSERT_EQ(Create(R"({"code":"r)" + std::to_string(i) + R"(","name":"R","country":"FI"})")->status, 201);
  }
  auto page1 = boost::json::parse(server_.Get("/api/v1/regions?limit=2")->body).as_object();
  ASSERT_EQ(page1["items"].as_array().size(), 2u);
  std::string cursor(page1["next_cursor"].as_string());
  auto page2 = boost::json::parse(server_.Get("/api/v1/regions?limit=2&cursor=" + cursor)->body).as_object();
  EXPECT_EQ(page2["items"].as_array()[0].at("code").as_string(), "r2");
  auto page3 = boost::json::parse(
                   server_.Get("/api/v1/regions?limit=2&cursor=" + std::string(page2["next_cursor"].as_string()))->body)
                   .as_object();
  EXPECT_EQ(page3["items"].as_array().size(), 1u);
  EXPECT_TRUE(page3["next_cursor"].is_null());
  EXPECT_EQ(FieldErrors(ExpectProblem(server_.Get("/api/v1/regions?limit=500"), 422)).at(0),
            "limit: must be an integer from 1 to 100");
  EXPECT_EQ(FieldErrors(ExpectProblem(server_.Get("/api/v1/regions?limit=ten"), 422)).at(0),
            "limit: must be an integer from 1 to 100");
  ExpectProblem(server_.Get("/api/v1/regions?cursor=nonsense"), 422);
}

TEST_F(RegionsApiTest, UnknownRegionIs404) {
  ExpectProblem(server_.Get("/api/v1/regions/reg_01JD3M5Q8Z4X9K2V7N6B5C4D3E"), 404);
  ExpectProblem(server_.Get("/api/v1/regions/%2e%2e%2fetc"), 404);
}

}  // namespace
}  // namespace allmende::testing
