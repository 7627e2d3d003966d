#include "server/router.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace allmende::http {
namespace {

Handler Named(std::string name) {
  return [name](const Request&) -> Result<Response> { return JsonText(200, name); };
}

const RouteOptions kPublic{.access = Access::kPublic};

std::string Call(const RouteMatch& m) {
  Request r;
  return m.route->handler(r)->body;
}

TEST(Router, MatchesLiteralsAndParameters) {
  Router router;
  router.Add("GET", "/api/v1/regions", Named("list"), kPublic);
  router.Add("GET", "/api/v1/regions/{id}", Named("get"), kPublic);
  router.Add("GET", "/api/v1/regions/{id}/organizations/{org}", Named("org"), kPublic);
  auto list = router.Match("GET", "/api/v1/regions");
  ASSERT_TRUE(list.route);
  EXPECT_EQ(Call(list), "list");
  auto get = router.Match("GET", "/api/v1/regions/reg_1");
  ASSERT_TRUE(get.route);
  EXPECT_EQ(get.params, (std::vector<std::pair<std::string, std::string>>{{"id", "reg_1"}}));
  auto org = router.Match("GET", "/api/v1/regions/r/organizations/o");
  ASSERT_TRUE(org.route);
  EXPECT_EQ(org.params.size(), 2u);
  EXPECT_EQ(org.params[1].second, "o");
}

TEST(Router, LiteralWinsOverParameterAndBacktracks) {
  Router router;
  router.Add("GET", "/r/search", Named("search"), kPublic);
  router.Add("GET", "/r/{id}", Named("get"), kPublic);
  router.Add("GET", "/r/{id}/x", Named("x"), kPublic);
  EXPECT_EQ(Call(router.Match("GET", "/r/search")), "search");
  EXPECT_EQ(Call(router.Match("GET", "/r/abc")), "get");
  // "search" is a literal child without an "/x" route below it: the parameter branch must be tried.
  EXPECT_EQ(Call(router.Match("GET", "/r/search/x")), "x");
}

TEST(Router, WrongMethodListsAllowedMethods) {
  Router router;
  router.Add("GET", "/a/{id}", Named("get"), kPublic);
  router.Add("DELETE", "/a/{id}", Named("delete"), kPublic);
  auto m = router.Match("POST", "/a/1");
  EXPECT_FALSE(m.route);
  EXPECT_EQ(m.allowed, (std::vector<std::string>{"DELETE", "GET"}));
}

TEST(Router, UnknownPathsAndEmptyParametersDoNotMatch) {
  Router router;
  router.Add("GET", "/a/{id}", Named("get"), kPublic);
  EXPECT_FALSE(router.Match("GET", "/a").route);
  EXPECT_FALSE(router.Match("GET", "/a/").route);
  EXPECT_FALSE(router.Match("GET", "/b/1").route);
  EXPECT_TRUE(router.Match("GET", "/b/1").allowed.empty());
  EXPECT_FALSE(router.Match("GET", "").route);
}

TEST(Router, DuplicateOrConflictingRoutesAreProgrammingErrors) {
  Router router;
  router.Add("GET", "/a/{id}", Named("get"), kPublic);
  EXPECT_THROW(router.Add("GET", "/a/{id}", Named("again"), kPublic), std::logic_error);
  EXPECT_THROW(router.Add("PUT", "/a/{name}", Named("other name"), kPublic), std::logic_error);
  EXPECT_THROW(router.Add("GET", "no-slash", Named("bad"), kPublic), std::logic_error);
}

TEST(Router, ARouteThatDeclaresNoAccessRuleIsRefusedAtStartUp) {
  Router router;
  EXPECT_THROW(router.Add("GET", "/a", Named("undeclared")), std::logic_error);
  EXPECT_THROW(router.Add("POST", "/a", Named("undeclared"), {.body_limit = 10}), std::logic_error);
  EXPECT_TRUE(router.Routes().empty());
}

TEST(Router, DeclarationsThatCannotBeEnforcedAreRefused) {
  Router router;
  EXPECT_THROW(router.Add("GET", "/a", Named("x"), {.access = Access::kPolicy}), std::logic_error);
  EXPECT_THROW(router.Add("GET", "/b", Named("x"), {.access = Access::kSignedIn, .action = "client.read"}),
               std::logic_error);
  EXPECT_THROW(router.Add("GET", "/c/{id}", Named("x"), {.access = Access::kSignedIn, .client = "{id}"}),
               std::logic_error);
  EXPECT_THROW(
      router.Add("GET", "/d/{id}", Named("x"), {.access = Access::kPolicy, .action = "client.read", .client = "{cid}"}),
      std::logic_error);
  EXPECT_THROW(router.Add("GET", "/e", Named("x"), {.access = Access::kPublic, .idempotency_exempt = "why"}),
               std::logic_error);
  // Authentication reads the database, which the I/O threads never do.
  EXPECT_THROW(router.Add("GET", "/f", Named("x"), {.access = Access::kSignedIn, .run_on_io_thread = true}),
               std::logic_error);
  router.Add("GET", "/g/{id}", Named("x"), {.access = Access::kPolicy, .action = "client.read", .client = "{id}"});
  EXPECT_EQ(router.Routes().size(), 1u);
}

TEST(Router, WithoutAGuardOnlyPublicRoutesRun) {
  Router router;
  router.Add("GET", "/open", Named("open"), kPublic);
  router.Add("GET", "/closed", Named("closed"), {.access = Access::kSignedIn});
  Request r;
  EXPECT_EQ(router.Run(*router.Match("GET", "/open").route, r)->body, "open");
  auto closed = router.Run(*router.Match("GET", "/closed").route, r);
  ASSERT_FALSE(closed.ok());
  EXPECT_EQ(closed.error().code, ErrorCode::kInternal);
}

}  // namespace
}  // namespace allmende::http
