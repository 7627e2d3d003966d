#include "server/router.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace allmende::http {
namespace {

Handler Named(std::string name) {
  return [name](const Request&) -> Result<Response> { return JsonText(200, name); };
}

std::string Call(const RouteMatch& m) {
  Request r;
  return m.route->handler(r)->body;
}

TEST(Router, MatchesLiteralsAndParameters) {
  Router router;
  router.Add("GET", "/api/v1/regions", Named("list"));
  router.Add("GET", "/api/v1/regions/{id}", Named("get"));
  router.Add("GET", "/api/v1/regions/{id}/organizations/{org}", Named("org"));
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
  router.Add("GET", "/r/search", Named("search"));
  router.Add("GET", "/r/{id}", Named("get"));
  router.Add("GET", "/r/{id}/x", Named("x"));
  EXPECT_EQ(Call(router.Match("GET", "/r/search")), "search");
  EXPECT_EQ(Call(router.Match("GET", "/r/abc")), "get");
  // "search" is a literal child without an "/x" route below it: the parameter branch must be tried.
  EXPECT_EQ(Call(router.Match("GET", "/r/search/x")), "x");
}

TEST(Router, WrongMethodListsAllowedMethods) {
  Router router;
  router.Add("GET", "/a/{id}", Named("get"));
  router.Add("DELETE", "/a/{id}", Named("delete"));
  auto m = router.Match("POST", "/a/1");
  EXPECT_FALSE(m.route);
  EXPECT_EQ(m.allowed, (std::vector<std::string>{"DELETE", "GET"}));
}

TEST(Router, UnknownPathsAndEmptyParametersDoNotMatch) {
  Router router;
  router.Add("GET", "/a/{id}", Named("get"));
  EXPECT_FALSE(router.Match("GET", "/a").route);
  EXPECT_FALSE(router.Match("GET", "/a/").route);
  EXPECT_FALSE(router.Match("GET", "/b/1").route);
  EXPECT_TRUE(router.Match("GET", "/b/1").allowed.empty());
  EXPECT_FALSE(router.Match("GET", "").route);
}

TEST(Router, DuplicateOrConflictingRoutesAreProgrammingErrors) {
  Router router;
  router.Add("GET", "/a/{id}", Named("get"));
  EXPECT_THROW(router.Add("GET", "/a/{id}", Named("again")), std::logic_error);
  EXPECT_THROW(router.Add("PUT", "/a/{name}", Named("other name")), std::logic_error);
  EXPECT_THROW(router.Add("GET", "no-slash", Named("bad")), std::logic_error);
}

}  // namespace
}  // namespace allmende::http
