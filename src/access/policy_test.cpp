#include "access/policy.hpp"

#include "access/access_test_world.hpp"

namespace allmende::access {
namespace {

class PolicyTest : public AccessWorld {
 protected:
  void SetUp() override {
    AccessWorld::SetUp();
    Region("reg_a");
    Region("reg_b");
    Org("org_welfare", "reg_a", "welfare_area");
    Org("org_kotitori", "reg_a", "integrator");
    Org("org_cleaning", "reg_a", "provider_company");
    Org("org_other_provider", "reg_a", "provider_company");
    Org("org_kotitori_b", "reg_b", "integrator");
    for (auto u : {"aino", "liisa", "ebba", "mikko", "sari", "jussi", "aleksi", "kirsi", "mikko_b", "pekka"}) User(u);
    Client("aino", "reg_a");
    Client("ebba", "reg_a");
    Relation("aino", "org_cleaning", "provider");
    Relation("aino", "org_welfare", "purchaser");
    Delegation("aino", "liisa", "all");
    Member("mikko", "org_kotitori", "reg_a", "advisor");
    Member("sari", "org_welfare", "reg_a", "purchaser_officer");
    Member("kirsi", "org_welfare", "reg_a", "auditor");
    Member("jussi", "org_cleaning", "reg_a", "provider_admin");
    Member("aleksi", "org_cleaning", "reg_a", "provider_worker");
    Member("pekka", "org_other_provider", "reg_a", "provider_admin");
    Member("mikko_b", "org_kotitori_b", "reg_b", "advisor");
  }
  Result<Decision> Decide(const http::Principal& p, Action a, const Target& t) {
    return db_->ReadValue<Decision>(
        [&](storage::Connection& c) { return Authorize(c, p, a, t, *ParseRfc3339("2026-11-24T08:00:00Z")); });
  }
  static http::Principal Person(const std::string& id, bool mfa = true) {
    http::Principal p{id, "user"};
    p.mfa_verified = mfa;
    return p;
  }
};

TEST_F(PolicyTest, ClientRecordIsSeenByTheClientTheirDelegateAndTheirServingOrganizationsOnly) {
  const Target aino{.client_id = "aino"};
  EXPECT_EQ(Decide(Person("aino"), Action::kClientRead, aino)->relation, "self");
  EXPECT_EQ(Decide(Person("liisa"), Action::kClientRead, aino)->relation, "delegate");
  EXPECT_EQ(Decide(Person("mikko"), Action::kClientRead, aino)->relation, "region_staff");
  auto sari = Decide(Person("sari"), Action::kClientRead, aino);
  EXPECT_EQ(sari->relation, "purchaser");
  EXPECT_EQ(sari->organization_id, "org_welfare");
  EXPECT_EQ(Decide(Person("jussi"), Action::kClientRead, aino)->purpose, "service_delivery");
  EXPECT_EQ(Decide(Person("aleksi"), Action::kClientRead, aino)->role, "provider_worker");
  for (auto who : {"ebba", "pekka", "mikko_b", "kirsi"}) {
    auto d = Decide(Person(who), Action::kClientRead, aino);
    ASSERT_FALSE(d) << who;
    EXPECT_EQ(d.error().code, ErrorCode::kPermissionDenied) << who;
  }
  // Ebba is a client too, but nobody serves her: the provider's people do not see her.
  EXPECT_FALSE(Decide(Person("jussi"), Action::kClientRead, {.client_id = "ebba"}));
  EXPECT_TRUE(Decide(Person("mikko"), Action::kClientRead, {.client_id = "ebba"}));
}

TEST_F(PolicyTest, StaffGrantsNeedASecondFactorUnlessExempt) {
  auto d = Decide(Person("mikko", false), Action::kClientRead, {.client_id = "aino"});
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, ErrorCode::kMfaRequired);
  EXPECT_EQ(Decide(Person("mikko", false), Action::kClientRead, {.client_id = "nobody"}).error().code,
            ErrorCode::kMfaRequired)
      << "the same answer for a client out of reach: no hint who is in reach";
  auto exempt = Person("mikko", false);
  exempt.mfa_exempt = true;
  EXPECT_TRUE(Decide(exempt, Action::kClientRead, {.client_id = "aino"}));
  // A provider worker is not staff; the client needs no second factor for their own record.
  EXPECT_TRUE(Decide(Person("aleksi", false), Action::kClientRead, {.client_id = "aino"}));
  EXPECT_TRUE(Decide(Person("aino", false), Action::kClientRead, {.client_id = "aino"}));
  http::Principal admin{"pia", "platform_admin"};
  admin.mfa_verified = false;
  EXPECT_EQ(Decide(admin, Action::kRegionCreate, {}).error().code, ErrorCode::kMfaRequired);
}

TEST_F(PolicyTest, RevokedOrExpiredDelegationAndEndedMembershipGiveNothing) {
  Sql("UPDATE delegations SET revoked_at = $1", {std::string(kT)});
  EXPECT_FALSE(Decide(Person("liisa"), Action::kClientRead, {.client_id = "aino"}));
  Delegation("aino", "ebba", "access_log");
  EXPECT_TRUE(Decide(Person("ebba"), Action::kClientAccessLogRead, {.client_id = "aino"}));
  EXPECT_FALSE(Decide(Person("ebba"), Action::kClientRead, {.client_id = "aino"})) << "scope access_log only";
  Sql("UPDATE memberships SET revoked_at = $1 WHERE user_id = 'mikko'", {std::string(kT)});
  EXPECT_FALSE(Decide(Person("mikko"), Action::kClientRead, {.client_id = "aino"}));
}

TEST_F(PolicyTest, OnlyAClientGrantsDelegationsButEveryoneReadsTheirOwnLog) {
  EXPECT_EQ(Decide(Person("aino"), Action::kDelegationGrant, {.client_id = "aino"})->relation, "self");
  // Liisa has an account and acts for Aino, but is nobody's client: nothing of hers to delegate.
  auto liisa = Decide(Person("liisa"), Action::kDelegationGrant, {.client_id = "liisa"});
  ASSERT_FALSE(liisa);
  EXPECT_EQ(liisa.error().code, ErrorCode::kPermissionDenied);
  EXPECT_FALSE(Decide(Person("liisa"), Action::kDelegationGrant, {.client_id = "aino"})) << "a delegate neither";
  EXPECT_EQ(Decide(Person("mikko"), Action::kDelegationGrant, {.client_id = "aino"})->relation, "region_staff");
  // Who has seen my data, and ending a delegation one has, stay open to non-clients.
  EXPECT_TRUE(Decide(Person("liisa"), Action::kClientAccessLogRead, {.client_id = "liisa"}));
  EXPECT_TRUE(Decide(Person("liisa"), Action::kDelegationRevoke, {.client_id = "aino"}));
}

TEST_F(PolicyTest, TokensActForTheirOrganizationWithinTheirScopes) {
  http::Principal token{"tok_1", "api_token"};
  token.organization_id = "org_cleaning";
  token.scopes = {"members.read"};
  EXPECT_TRUE(Decide(token, Action::kMembersRead, {.organization_id = "org_cleaning"}));
  EXPECT_FALSE(Decide(token, Action::kMembersRead, {.organization_id = "org_welfare"}));
  EXPECT_FALSE(Decide(token, Action::kClientRead, {.client_id = "aino"})) << "no clients.read scope";
  token.scopes.push_back("clients.read");
  EXPECT_EQ(Decide(token, Action::kClientRead, {.client_id = "aino"})->relation, "assigned_provider");
  EXPECT_FALSE(Decide(token, Action::kClientRead, {.client_id = "ebba"}));
  EXPECT_FALSE(Decide(token, Action::kMembersManage, {.organization_id = "org_cleaning"})) << "never manage";
  EXPECT_FALSE(Decide(token, Action::kOrganizationRead, {.organization_id = "org_cleaning"}))
      << "organization.read is a scope of its own";
  token.scopes.push_back("organization.read");
  EXPECT_TRUE(Decide(token, Action::kOrganizationRead, {.organization_id = "org_cleaning"}));
  EXPECT_FALSE(Decide(token, Action::kOrganizationRead, {.organization_id = "org_welfare"}));
}

TEST_F(PolicyTest, AuditorsSearchOnlyTheirRegionAndNobodyElseDoes) {
  EXPECT_TRUE(Decide(Person("kirsi"), Action::kAccessLogSearch, {.region_id = "reg_a"}));
  EXPECT_FALSE(Decide(Person("kirsi"), Action::kAccessLogSearch, {.region_id = "reg_b"}));
  EXPECT_FALSE(Decide(Person("mikko"), Action::kAccessLogSearch, {.region_id = "reg_a"}));
  EXPECT_FALSE(Decide(http::Principal{"pia", "platform_admin"}, Action::kAccessLogSearch, {.region_id = "reg_a"}));
}

TEST_F(PolicyTest, ProvidersEditTheirOwnServicesAndCoordinatorsOfTheRegionReviewThem) {
  const Target cleaning{.region_id = "reg_a", .organization_id = "org_cleaning"};
  User("outi");
  User("outi_b");
  Member("outi", "org_kotitori", "reg_a", "coordinator");
  Member("outi_b", "org_kotitori_b", "reg_b", "coordinator");
  EXPECT_TRUE(Decide(Person("jussi"), Action::kDirectoryServiceEdit, cleaning));
  EXPECT_FALSE(Decide(Person("pekka"), Action::kDirectoryServiceEdit, cleaning)) << "another provider's admin";
  EXPECT_FALSE(Decide(Person("aleksi"), Action::kDirectoryServiceEdit, cleaning)) << "a worker reads, never edits";
  EXPECT_TRUE(Decide(Person("aleksi"), Action::kDirectoryServiceRead, cleaning));
  EXPECT_TRUE(Decide(Person("outi"), Action::kDirectoryServiceReview, cleaning));
  EXPECT_FALSE(Decide(Person("outi_b"), Action::kDirectoryServiceReview, cleaning)) << "another region's coordinator";
  EXPECT_FALSE(Decide(Person("jussi"), Action::kDirectoryServiceReview, cleaning)) << "no provider publishes itself";
  EXPECT_FALSE(Decide(Person("mikko"), Action::kDirectoryServiceReview, cleaning)) << "advisors do not review";
}

TEST_F(PolicyTest, NoPrincipalIsUnauthenticatedAndEveryActionHasAName) {
  for (Action a : AllActions()) {
    auto d = db_->ReadValue<Decision>([&](storage::Connection& c) {
      return Authorize(c, std::nullopt, a, {}, *ParseRfc3339("2026-11-24T08:00:00Z"));
    });
    EXPECT_EQ(d.error().code, ErrorCode::kUnauthenticated);
    EXPECT_NE(ActionName(a), "unknown");
  }
  EXPECT_EQ(AllActions().size(), 66u);
}

}  // namespace
}  // namespace allmende::access
