#include "access/request_guard.hpp"

#include "access/access_log.hpp"
#include "access/access_test_world.hpp"
#include "access/policy.hpp"
#include "storage/idempotency.hpp"

namespace allmende::access {
namespace {

using http::Access;

class RequestGuardTest : public AccessWorld {
 protected:
  void SetUp() override {
    AccessWorld::SetUp();
    Region("reg_a");
    Org("org_k", "reg_a", "integrator");
    for (auto u : {"aino", "mikko", "pekka"}) User(u);
    Client("aino", "reg_a");
    Member("mikko", "org_k", "reg_a", "advisor");
    guard_ = std::make_unique<RequestGuard>(*db_, clock_);
  }
  static http::Request As(const std::string& user, const std::string& method, const std::string& path) {
    http::Request r;
    r.method = method;
    r.path = path;
    r.request_id = "req_" + user;
    if (!user.empty()) {
      http::Principal p{user, "user"};
      p.mfa_verified = true;
      r.principal = p;
    }
    return r;
  }
  // Runs `path` through the guard as the router would after matching it.
  Result<http::Response> Call(http::Request r) {
    auto m = router_.Match(r.method, r.path);
    EXPECT_TRUE(m.route) << r.path;
    r.params = m.params;
    return router_.Run(*m.route, r);
  }
  std::string Entries() { return Sql1("SELECT count(*) FROM access_log WHERE client_id = 'aino'"); }

  ManualTimeSource clock_{*ParseRfc3339("2026-11-24T08:00:00Z")};
  http::Router router_;
  std::unique_ptr<RequestGuard> guard_;
};

TEST_F(RequestGuardTest, EachLookAtAClientIsOneEntryWithItsPurposeAndARefusalIsNone) {
  int handled = 0;
  router_.Add("GET", "/clients/{id}",
              [&](const http::Request&) -> Result<http::Response> {
                ++handled;
                return http::JsonText(200, "{}");
              },
              {.access = Access::kPolicy, .action = "client.read", .client = "{id}"});
  guard_->Install(router_);
  auto read = As("mikko", "GET", "/clients/aino");
  read.headers.emplace_back("x-access-purpose", "Kotikäynti");
  ASSERT_TRUE(Call(read));
  EXPECT_EQ(Entries(), "1");
  EXPECT_EQ(Sql1("SELECT purpose || ' ' || actor_role || ' ' || action || ' ' || request_id FROM access_log"),
            "Kotikäynti advisor client.read req_mikko");
  auto refused = Call(As("pekka", "GET", "/clients/aino"));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(handled, 1) << "a refused request never reaches the handler";
  EXPECT_TRUE(Call(As("aino", "GET", "/clients/aino"))) << "the client may read their own record";
  EXPECT_EQ(Entries(), "1") << "and their own look is no entry in the log they read";
  EXPECT_EQ(Call(As("", "GET", "/clients/aino")).error().code, ErrorCode::kUnauthenticated);
}

TEST_F(RequestGuardTest, AHandlerThatWasNotAuthorizedByItsDeclaredActionFails) {
  router_.Add("GET", "/organizations/{id}/members",
              [](const http::Request&) -> Result<http::Response> { return http::JsonText(200, "{\"items\":[]}"); },
              {.access = Access::kPolicy, .action = "members.read"});
  guard_->Install(router_);
  auto r = Call(As("mikko", "GET", "/organizations/org_k/members"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInternal);
}

TEST_F(RequestGuardTest, AnActionThePolicyDoesNotKnowStopsStartUp) {
  router_.Add("GET", "/x", [](const http::Request&) -> Result<http::Response> { return http::NoContent(); },
              {.access = Access::kPolicy, .action = "client.raed"});
  EXPECT_THROW(guard_->Install(router_), std::logic_error);
}

TEST_F(RequestGuardTest, ARetriedPostWithTheSameKeyIsAnsweredOnceAndCreatesNothingTwice) {
  int created = 0;
  router_.Add("POST", "/things",
              [&](const http::Request& r) -> Result<http::Response> {
                ++created;
                ALLMENDE_TRY(db_->Write([&](storage::Connection& c) -> Result<void> {
                  ALLMENDE_TRY(
                      c.Execute("INSERT INTO users (id, email, name, language, created_at, updated_at) "
                                "VALUES ($1, $1, 'n', 'fi', 't', 't')",
                                {"thing" + std::to_string(created)}));
                  return Ok();
                }));
                return http::JsonText(
                    201, "{\"n\":" + std::to_string(created) + ",\"token\":\"s3cret\",\"body\":\"" + r.body + "\"}");
              },
              {.access = Access::kSignedIn, .secret_field = "token"});
  guard_->Install(router_);
  auto post = As("aino", "POST", "/things");
  post.body = "one";
  post.headers.emplace_back("idempotency-key", "k-1");
  auto first = Call(post);
  auto second = Call(post);
  ASSERT_TRUE(first);
  ASSERT_TRUE(second);
  EXPECT_EQ(created, 1);
  EXPECT_EQ(first->body, R"({"n":1,"token":"s3cret","body":"one"})");
  EXPECT_EQ(second->status, 201);
  EXPECT_EQ(second->body, R"({"n":1,"token":null,"body":"one"})") << "the secret is shown once and kept nowhere";
  EXPECT_EQ(Sql1("SELECT count(*) FROM users WHERE id LIKE 'thing%'"), "1");
  EXPECT_EQ(Sql1("SELECT count(*) FROM idempotency_keys WHERE response_body LIKE '%s3cret%'"), "0");
  post.body = "two";
  auto other = Call(post);
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().fields.at(0).field, "Idempotency-Key");
  auto someone_else = As("pekka", "POST", "/things");
  someone_else.body = "one";
  someone_else.headers.emplace_back("idempotency-key", "k-1");
  ASSERT_TRUE(Call(someone_else));
  EXPECT_EQ(created, 2) << "keys are per caller";
}

TEST_F(RequestGuardTest, AStoredRequestDigestIsKeyedSoACopyOfTheDatabaseCannotTestPasswords) {
  auto cipher = storage::FieldCipher::Ephemeral();
  RequestGuard keyed(*db_, clock_, &cipher);
  router_.Add("POST", "/users",
              [](const http::Request&) -> Result<http::Response> { return http::JsonText(201, "{}"); },
              {.access = Access::kSignedIn});
  keyed.Install(router_);
  auto post = As("aino", "POST", "/users");
  post.body = R"({"password":"kesä-mökki-järvi-sauna"})";
  post.headers.emplace_back("idempotency-key", "k-3");
  ASSERT_TRUE(Call(post));
  EXPECT_EQ(Sql1("SELECT count(*) FROM idempotency_keys"), "1");
  EXPECT_EQ(Sql1("SELECT count(*) FROM idempotency_keys WHERE request_hash = '" +
                 storage::RequestDigest("\n" + post.body) + "'"),
            "0")
      << "an unkeyed hash of the body would let a copy of the database test password guesses";
  EXPECT_TRUE(Call(post)) << "and a retry still matches";
}

TEST_F(RequestGuardTest, AFailedPostStoresNoAnswerSoARetryRunsAgain) {
  int calls = 0;
  router_.Add("POST", "/flaky",
              [&](const http::Request&) -> Result<http::Response> {
                if (++calls == 1) return Error::Unavailable("try again");
                return http::JsonText(201, "{}");
              },
              {.access = Access::kSignedIn});
  guard_->Install(router_);
  auto post = As("aino", "POST", "/flaky");
  post.headers.emplace_back("idempotency-key", "k-2");
  EXPECT_FALSE(Call(post));
  EXPECT_TRUE(Call(post));
  EXPECT_EQ(calls, 2);
}

}  // namespace
}  // namespace allmende::access
