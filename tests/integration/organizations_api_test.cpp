// Organizations, invitations by e-mail and memberships over real HTTP.
#include <atomic>
#include <barrier>
#include <set>
#include <thread>

#include "problem_assertions.hpp"
#include "server_harness.hpp"
#include "smtp_sink.hpp"

namespace allmende::testing {
namespace {

class OrganizationsApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(
        ServerOptions{.args = {"--set", "mail.smtp_url=" + sink_.url(), "--set", "mail.poll_ms=50"}});
    ASSERT_TRUE(server_->started());
    auto region = Admin("POST", "/api/v1/regions", R"({"code":"pirkanmaa","name":"Pirkanmaa","country":"FI"})");
    ASSERT_EQ(region->status, 201);
    region_ = std::string(boost::json::parse(region->body).at("id").as_string());
  }
  std::optional<HttpResponse> Admin(const std::string& method, const std::string& path, const std::string& body = "") {
    return Fetch(server_->port(), method, path,
                 {{"Authorization", std::string("Bearer ") + kAdminToken}, {"Content-Type", "application/json"}}, body);
  }
  std::string TokenOfNewestMailTo(const std::string& to, std::size_t count) {
    EXPECT_TRUE(sink_.WaitFor(count, std::chrono::seconds(10)));
    for (auto m : sink_.Messages()) {
      if (m.to.at(0) == to && m.data.find("/invitation#token=") != std::string::npos) {
        auto at = m.data.find("#token=");
        token_ = m.data.substr(at + 7, 43);
      }
    }
    return token_;
  }
  SmtpSink sink_;
  std::unique_ptr<TestServer> server_;
  std::string region_, token_;
};

TEST_F(OrganizationsApiTest, InvitedPersonJoinsWithTheLinkOnceEvenWhenClickedTwiceAtOnce) {
  auto org = Admin("POST", "/api/v1/regions/" + region_ + "/organizations",
                   R"({"kind":"provider_company","name":"Hervannan Siivous Oy","business_id":"1572860-0"})");
  ASSERT_EQ(org->status, 201) << org->body;
  std::string org_id(boost::json::parse(org->body).at("id").as_string());
  auto bad = Admin("POST", "/api/v1/regions/" + region_ + "/organizations",
                   R"({"kind":"provider_company","name":"Toinen Oy","business_id":"1234567-8"})");
  EXPECT_EQ(FieldErrors(ExpectProblem(bad, 422)).at(0).substr(0, 12), "business_id:");

  auto inv = Admin("POST", "/api/v1/organizations/" + org_id + "/invitations",
                   R"({"email":"jussi@example.fi","role":"provider_admin"})");
  ASSERT_EQ(inv->status, 201) << inv->body;
  std::string token = TokenOfNewestMailTo("jussi@example.fi", 1);
  ASSERT_EQ(token.size(), 43u);
  EXPECT_NE(sink_.Messages().back().data.find("Hervannan Siivous Oy"), std::string::npos);

  std::barrier start(2);
  std::vector<int> statuses(2);
  auto accept = [&](int i) {
    start.arrive_and_wait();
    statuses[static_cast<std::size_t>(i)] =
        server_
            ->PostJson("/api/v1/invitations/accept",
                       R"({"token":")" + token + R"(","name":"Jussi Siivonen","password":"ämpäri-moppi-ikkuna-)" +
                           std::to_string(i) + R"("})")
            ->status;
  };
  std::thread a(accept, 0), b(accept, 1);
  a.join();
  b.join();
  std::sort(statuses.begin(), statuses.end());
  // One creates Jussi's account and joins; the other is told the link is used.
  EXPECT_EQ(statuses, (std::vector<int>{201, 409}));
  auto members = boost::json::parse(Admin("GET", "/api/v1/organizations/" + org_id + "/members")->body).as_object();
  ASSERT_EQ(members["items"].as_array().size(), 1u);
  EXPECT_EQ(members["items"].as_array()[0].at("role").as_string(), "provider_admin");

  // The only admin cannot be made a worker; a role the kind lacks is named.
  std::string member(members["items"].as_array()[0].at("id").as_string());
  const std::string member_path = "/api/v1/organizations/" + org_id + "/members/" + member;
  ExpectProblem(Admin("PATCH", member_path, R"({"role":"provider_worker"})"), 409);
  EXPECT_EQ(FieldErrors(ExpectProblem(Admin("PATCH", member_path, R"({"role":"auditor"})"), 422)).at(0).substr(0, 5),
            "role:");

  // Renaming needs the current ETag.
  auto get = Admin("GET", "/api/v1/organizations/" + org_id);
  std::string etag = get->Header("etag");
  ASSERT_EQ(etag, "\"1\"");
  auto rename = [&](const std::string& tag, const std::string& name) {
    return Fetch(server_->port(), "PATCH", "/api/v1/organizations/" + org_id,
                 {{"Authorization", std::string("Bearer ") + kAdminToken},
                  {"Content-Type", "application/json"},
                  {"If-Match", tag}},
                 R"({"name":")" + name + "\"}");
  };
  auto renamed = rename(etag, "Hervannan Siivouspalvelu Oy");
  ASSERT_EQ(renamed->status, 200) << renamed->body;
  EXPECT_EQ(renamed->Header("etag"), "\"2\"");
  ExpectProblem(rename(etag, "Again Oy"), 412);
  EXPECT_EQ(FieldErrors(ExpectProblem(rename("\"2\"", " "), 422)).at(0).substr(0, 5), "name:");
}

TEST_F(OrganizationsApiTest, SignedInMemberSeesTheirMembershipsAndNonAdminsCannotInvite) {
  auto org = Admin("POST", "/api/v1/regions/" + region_ + "/organizations",
                   R"({"kind":"welfare_area","name":"Pirkanmaan hyvinvointialue"})");
  std::string org_id(boost::json::parse(org->body).at("id").as_string());
  ASSERT_EQ(Admin("POST", "/api/v1/organizations/" + org_id + "/invitations",
                  R"({"email":"sari@example.fi","role":"purchaser_officer"})")
                ->status,
            201);
  std::string token = TokenOfNewestMailTo("sari@example.fi", 1);
  ASSERT_EQ(server_
                ->PostJson("/api/v1/invitations/accept",
                           R"({"token":")" + token + R"(","name":"Sari Tilaaja","password":"kuusi-järvi-laituri-9"})")
                ->status,
            201);
  auto login =
      server_->PostJson("/api/v1/auth/login", R"({"email":"sari@example.fi","password":"kuusi-järvi-laituri-9"})");
  ASSERT_EQ(login->status, 200);
  std::string cookie = login->Header("set-cookie").substr(0, login->Header("set-cookie").find(';'));
  std::string csrf(boost::json::parse(login->body).at("csrf_token").as_string());
  auto mine = Fetch(server_->port(), "GET", "/api/v1/me/memberships", {{"Cookie", cookie}});
  auto items = boost::json::parse(mine->body).at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("organization_name").as_string(), "Pirkanmaan hyvinvointialue");
  ExpectProblem(Fetch(server_->port(), "POST", "/api/v1/organizations/" + org_id + "/invitations",
                      {{"Cookie", cookie}, {"X-CSRF-Token", csrf}, {"Content-Type", "application/json"}},
                      R"({"email":"x@example.fi","role":"advisor"})"),
                403);
  ExpectProblem(Fetch(server_->port(), "GET", "/api/v1/organizations/" + org_id + "/members", {{"Cookie", cookie}}),
                403);
}

// The desk lists the purchasers it may refer to in one request: the kinds asked for, nothing else.
TEST_F(OrganizationsApiTest, TheRegionsOrganizationsAreListedByKind) {
  for (const auto& [kind, name] : std::vector<std::pair<std::string, std::string>>{
           {"welfare_area", "Hyvinvointialue K"}, {"municipality", "Kunta K"}, {"provider_company", "Siivous K Oy"}}) {
    ASSERT_EQ(Admin("POST", "/api/v1/regions/" + region_ + "/organizations",
                    R"({"kind":")" + kind + R"(","name":")" + name + R"("})")
                  ->status,
              201);
  }
  auto page = Admin("GET", "/api/v1/regions/" + region_ + "/organizations?kind=welfare_area,municipality&limit=1");
  ASSERT_EQ(page->status, 200) << page->body;
  auto doc = boost::json::parse(page->body);
  std::set<std::string> kinds;
  for (int pages = 0; pages < 5; ++pages) {
    for (const auto& o : doc.at("items").as_array()) kinds.insert(std::string(o.at("kind").as_string()));
    if (doc.at("next_cursor").is_null()) break;
    auto next = Admin("GET", "/api/v1/regions/" + region_ + "/organizations?kind=welfare_area,municipality&limit=1" +
                                 "&cursor=" + std::string(doc.at("next_cursor").as_string()));
    ASSERT_EQ(next->status, 200);
    doc = boost::json::parse(next->body);
  }
  EXPECT_EQ(kinds, (std::set<std::string>{"welfare_area", "municipality"})) << "no provider among them";
  EXPECT_EQ(
      FieldErrors(
          ExpectProblem(Admin("GET", "/api/v1/regions/" + region_ + "/organizations?kind=welfare_area,astrology"), 422))
          .at(0)
          .substr(0, 5),
      "kind:");
}

}  // namespace
}  // namespace allmende::testing

namespace allmende::testing {
namespace {

class OrganizationKeysTest : public ::testing::Test {
 protected:
  std::optional<HttpResponse> Admin(const std::string& method, const std::string& path, const std::string& body = "",
                                    const std::string& key = "") {
    std::vector<std::pair<std::string, std::string>> headers{{"Authorization", std::string("Bearer ") + kAdminToken},
                                                             {"Content-Type", "application/json"}};
    if (!key.empty()) headers.emplace_back("Idempotency-Key", key);
    return Fetch(server_.port(), method, path, headers, body);
  }
  TestServer server_;
};

TEST_F(OrganizationKeysTest, ABusinessIdNamesOneOrganizationPerRegionAndTheConflictNamesTheFieldNotTheDriver) {
  ASSERT_TRUE(server_.started());
  auto region = Admin("POST", "/api/v1/regions", R"({"code":"pirkanmaa","name":"Pirkanmaa","country":"FI"})");
  ASSERT_EQ(region->status, 201);
  std::string path =
      "/api/v1/regions/" + std::string(boost::json::parse(region->body).at("id").as_string()) + "/organizations";
  ASSERT_EQ(Admin("POST", path, R"({"kind":"provider_company","name":"Siivous Oy","business_id":"1572860-0"})")->status,
            201);
  auto twin = Admin("POST", path, R"({"kind":"provider_company","name":"Siivous Oy 2","business_id":"1572860-0"})");
  auto problem = ExpectProblem(twin, 409);
  EXPECT_EQ(FieldErrors(problem), (std::vector<std::string>{"business_id: is already registered in this region"}));
  // Nothing of the driver's text reaches the caller: no "Key (…)=(…)", no constraint or table.
  for (const char* leak : {"Key (", "DETAIL", "constraint", "organizations_business_id", "UNIQUE", "duplicate"}) {
    EXPECT_EQ(twin->body.find(leak), std::string::npos) << leak << " in " << twin->body;
  }
  auto list = Admin("GET", path);
  EXPECT_EQ(boost::json::parse(list->body).at("items").as_array().size(), 1u);
}

TEST_F(OrganizationKeysTest, ARetriedCreationWithTheSameKeyMakesOneOrganization) {
  ASSERT_TRUE(server_.started());
  auto region = Admin("POST", "/api/v1/regions", R"({"code":"pirkanmaa","name":"Pirkanmaa","country":"FI"})");
  std::string path =
      "/api/v1/regions/" + std::string(boost::json::parse(region->body).at("id").as_string()) + "/organizations";
  const std::string body = R"({"kind":"association","name":"Ystäväpalvelu ry"})";
  auto first = Admin("POST", path, body, "create-ystava-1");
  auto second = Admin("POST", path, body, "create-ystava-1");
  ASSERT_EQ(first->status, 201);
  ASSERT_EQ(second->status, 201) << second->body;
  EXPECT_EQ(first->body, second->body);
  EXPECT_EQ(second->Header("idempotent-replayed"), "true");
  EXPECT_EQ(boost::json::parse(Admin("GET", path)->body).at("items").as_array().size(), 1u);
}

}  // namespace
}  // namespace allmende::testing

namespace allmende::testing {
namespace {

// Defect 1: an invitation read its region in a second transaction inside its own. With every
// worker doing that at once, each held one connection and waited for another, forever.
TEST(PoolDeadlock, ManyInvitationsAtOnceOnATinyPoolAllFinish) {
  TestServer server(
      {.args = {"--set", "storage.read_connections=2", "--worker-threads", "4", "--set", "server.write_threads=8"}});
  ASSERT_TRUE(server.started());
  auto admin = [&](const std::string& method, const std::string& path, const std::string& body) {
    return Fetch(server.port(), method, path,
                 {{"Authorization", std::string("Bearer ") + kAdminToken}, {"Content-Type", "application/json"}}, body);
  };
  auto region = admin("POST", "/api/v1/regions", R"({"code":"pirkanmaa","name":"Pirkanmaa","country":"FI"})");
  std::string region_id(boost::json::parse(region->body).at("id").as_string());
  auto org = admin("POST", "/api/v1/regions/" + region_id + "/organizations",
                   R"({"kind":"provider_company","name":"Siivous Oy","business_id":"1572860-0"})");
  ASSERT_EQ(org->status, 201) << org->body;
  std::string org_id(boost::json::parse(org->body).at("id").as_string());
  std::vector<std::thread> threads;
  std::atomic<int> created{0};
  for (int i = 0; i < 16; ++i) {
    threads.emplace_back([&, i] {
      auto r = admin("POST", "/api/v1/organizations/" + org_id + "/invitations",
                     R"({"email":"worker)" + std::to_string(i) + R"(@example.fi","role":"provider_worker"})");
      if (r && r->status == 201) ++created;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(created, 16) << "every invitation is answered (no deadlock, no timeout)";
}

}  // namespace
}  // namespace allmende::testing
