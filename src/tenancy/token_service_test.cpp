#include "tenancy/token_service.hpp"

#include "access/access_test_world.hpp"

namespace allmende::tenancy {
namespace {

class TokenServiceTest : public access::AccessWorld {
 protected:
  void SetUp() override {
    AccessWorld::SetUp();
    Region("reg_a");
    Org("org_p", "reg_a", "provider_company");
    User("jussi");
    User("aleksi");
    Member("jussi", "org_p", "reg_a", "provider_admin");
    Member("aleksi", "org_p", "reg_a", "provider_worker");
    service_ = std::make_unique<TokenService>(*db_, clock_);
  }
  static http::Principal Person(const std::string& id) {
    http::Principal p{id, "user"};
    p.mfa_verified = true;
    return p;
  }
  ManualTimeSource clock_{*ParseRfc3339("2026-11-24T08:00:00Z")};
  std::unique_ptr<TokenService> service_;
};

TEST_F(TokenServiceTest, AdminMakesATokenThatAuthenticatesUntilRevokedOrExpired) {
  auto made =
      service_->Create(Person("jussi"), "org_p", {.name = "ERP", .scopes = {"members.read"}, .expires_in_days = 30});
  ASSERT_TRUE(made) << made.error().message;
  const std::string secret = made->second;
  EXPECT_EQ(secret.substr(0, 4), "alm_");
  EXPECT_EQ(made->first.prefix, secret.substr(0, 12));
  EXPECT_EQ(Sql1("SELECT count(*) FROM api_tokens WHERE token_hash = '" + secret + "'"), "0") << "a digest only";

  auto p = service_->Authenticate(secret);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->role, "api_token");
  EXPECT_EQ(p->organization_id, "org_p");
  EXPECT_EQ(p->scopes, std::vector<std::string>{"members.read"});
  EXPECT_TRUE(service_->List(Person("jussi"), "org_p")->at(0).last_used_at.has_value());
  EXPECT_EQ(service_->Authenticate(secret + "x").error().code, ErrorCode::kUnauthenticated);

  clock_.Set(*ParseRfc3339("2026-12-24T08:00:01Z"));
  EXPECT_EQ(service_->Authenticate(secret).error().code, ErrorCode::kUnauthenticated) << "expired after 30 days";
  clock_.Set(*ParseRfc3339("2026-11-25T08:00:00Z"));
  ASSERT_TRUE(service_->Revoke(Person("jussi"), "org_p", made->first.id));
  EXPECT_EQ(service_->Authenticate(secret).error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(service_->Revoke(Person("jussi"), "org_p", made->first.id).error().code, ErrorCode::kConflict);
}

TEST_F(TokenServiceTest, OnlyTheOrganizationsAdminsMakeTokensAndBadFieldsAreNamed) {
  NewApiToken ok{.name = "ERP", .scopes = {"clients.read"}};
  EXPECT_EQ(service_->Create(Person("aleksi"), "org_p", ok).error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(service_->Create(std::nullopt, "org_p", ok).error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(service_->List(Person("aleksi"), "org_p").error().code, ErrorCode::kPermissionDenied);
  auto bad = service_->Create(Person("jussi"), "org_p", {.name = " ", .scopes = {"everything"}, .expires_in_days = 0});
  ASSERT_FALSE(bad);
  ASSERT_EQ(bad.error().fields.size(), 3u);
  EXPECT_EQ(bad.error().fields[0].field, "name");
  EXPECT_EQ(bad.error().fields[1].field, "scopes");
  EXPECT_EQ(bad.error().fields[2].field, "expires_in_days");
  EXPECT_EQ(Sql1("SELECT count(*) FROM api_tokens"), "0");
  EXPECT_EQ(Sql1("SELECT count(*) FROM access_log"), "0") << "a refused or invalid request leaves no entry";
}

}  // namespace
}  // namespace allmende::tenancy
