#include "tenancy/organization_service.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <barrier>
#include <boost/json.hpp>
#include <filesystem>
#include <thread>

#include "storage/migrations.hpp"
#include "storage/sqlite/sqlite_database.hpp"
#include "tenancy/token_service.hpp"

namespace allmende::tenancy {
namespace {

class OrganizationServiceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_GE(sodium_init(), 0); }
  void SetUp() override {
    path_ = std::filesystem::path(::testing::TempDir()) /
            ("allmende_orgs_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    db_ = std::move(*storage::OpenSqlite({.path = path_.string(), .read_connections = 2, .busy_timeout_ms = 5000}));
    ASSERT_TRUE(storage::ApplyMigrations(*db_, storage::EmbeddedMigrations("sqlite")));
    regions_ = std::make_unique<RegionService>(*db_, bus_);
    auth_ = std::make_unique<identity::AuthService>(*db_, outbox_, clock_, identity::AuthOptions{});
    service_ = std::make_unique<OrganizationService>(*db_, *regions_, *auth_, outbox_, clock_, "https://allmende.test");
    auto region = regions_->Create(admin_, {"pirkanmaa", "Pirkanmaa", "FI", std::nullopt, std::nullopt});
    region_id_ = region->id;
    jussi_ =
        *auth_->EnsureUser({.email = "jussi@example.fi", .name = "Jussi", .password = "siivous-ämpäri-moppi"}, true);
    aleksi_ =
        *auth_->EnsureUser({.email = "aleksi@example.fi", .name = "Aleksi", .password = "pyörä-reitti-sade"}, true);
  }
  void TearDown() override {
    service_.reset();
    auth_.reset();
    regions_.reset();
    db_.reset();
    for (auto s : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + s);
  }
  std::string LastInvitationToken(const std::string& to) {
    auto body = *db_->ReadValue<std::string>([&](storage::Connection& c) -> Result<std::string> {
      ALLMENDE_ASSIGN_OR_RETURN(
          auto r, c.QueryOne("SELECT body FROM outbox_messages WHERE recipient = $1 ORDER BY id DESC LIMIT 1", {to}));
      return r ? r->Text(0) : std::string();
    });
    auto at = body.find("#token=");
    return at == std::string::npos ? "" : body.substr(at + 7, 43);
  }
  Organization Cleaning() {
    return *service_->Create(admin_, region_id_, {"provider_company", "Hervannan Siivous Oy", "1572860-0"});
  }
  http::Principal Of(const identity::User& u) {
    http::Principal p{u.id, "user"};
    p.mfa_verified = true;
    return p;
  }

  std::filesystem::path path_;
  std::unique_ptr<storage::Database> db_;
  events::InProcessEventBus bus_;
  notify::Outbox outbox_;
  ManualTimeSource clock_{*ParseRfc3339("2026-11-24T08:00:00Z")};
  std::unique_ptr<RegionService> regions_;
  std::unique_ptr<identity::AuthService> auth_;
  std::unique_ptr<OrganizationService> service_;
  std::optional<http::Principal> admin_ = [] {
    http::Principal p{"usr_admin", "platform_admin"};
    p.mfa_verified = true;
    return p;
  }();
  std::string region_id_;
  identity::User jussi_, aleksi_;
};

TEST_F(OrganizationServiceTest, CreateChecksKindNameAndTheCountrysBusinessId) {
  auto bad = service_->Create(admin_, region_id_, {"shop", " ", "1234567-8"});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().fields.size(), 3u);
  EXPECT_TRUE(Cleaning().id.starts_with("org_"));
  auto twice = service_->Create(admin_, region_id_, {"provider_company", "Hervannan Siivous Oy"});
  EXPECT_EQ(twice.error().fields.at(0).field, "name");
  EXPECT_EQ(service_->Create(Of(jussi_), region_id_, {"employer", "X"}).error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(service_->Create(admin_, "reg_01JD3M5Q8Z4X9K2V7N6B5C4D3E", {"employer", "X"}).error().code,
            ErrorCode::kNotFound);
}

TEST_F(OrganizationServiceTest, InvitationIsEmailedInTheRegionsLanguageAndAcceptedOnce) {
  Organization org = Cleaning();
  auto inv = service_->Invite(admin_, org.id, "Jussi@Example.fi", "provider_admin");
  ASSERT_TRUE(inv) << inv.error().message;
  std::string token = LastInvitationToken("jussi@example.fi");
  ASSERT_EQ(token.size(), 43u);
  auto m = service_->Accept(Of(jussi_), {.token = token});
  ASSERT_TRUE(m) << m.error().message;
  EXPECT_EQ(m->role, "provider_admin");
  EXPECT_EQ(m->organization_name, "Hervannan Siivous Oy");
  EXPECT_EQ(service_->Accept(Of(aleksi_), {.token = token}).error().code, ErrorCode::kConflict);
  EXPECT_EQ(service_->MembershipsOf(Of(jussi_))->size(), 1u);
}

TEST_F(OrganizationServiceTest, SignedInPersonCannotTakeSomeoneElsesInvitation) {
  Organization org = Cleaning();
  ASSERT_TRUE(service_->Invite(admin_, org.id, "jussi@example.fi", "provider_admin"));
  std::string token = LastInvitationToken("jussi@example.fi");
  EXPECT_EQ(service_->Accept(Of(aleksi_), {.token = token}).error().code, ErrorCode::kPermissionDenied);
  EXPECT_TRUE(service_->Accept(Of(jussi_), {.token = token})) << "the refused try left the link usable";
}

TEST_F(OrganizationServiceTest, OfTwoConcurrentAcceptancesExactlyOneWins) {
  Organization org = Cleaning();
  ASSERT_TRUE(service_->Invite(admin_, org.id, "jussi@example.fi", "provider_admin"));
  std::string token = LastInvitationToken("jussi@example.fi");
  std::barrier start(2);
  std::atomic<int> wins{0}, conflicts{0};
  auto accept = [&](http::Principal p) {
    start.arrive_and_wait();
    auto r = service_->Accept(p, {.token = token});
    if (r) {
      ++wins;
    } else if (r.error().code == ErrorCode::kConflict) {
      ++conflicts;
    }
  };
  std::thread a(accept, Of(jussi_)), b(accept, Of(jussi_));  // e.g. a double click in two tabs
  a.join();
  b.join();
  EXPECT_EQ(wins, 1);
  EXPECT_EQ(conflicts, 1);
}

TEST_F(OrganizationServiceTest, NewcomerCreatesTheirAccountWithTheLink) {
  Organization org = Cleaning();
  ASSERT_TRUE(service_->Invite(admin_, org.id, "uusi@example.fi", "provider_worker"));
  std::string token = LastInvitationToken("uusi@example.fi");
  auto weak = service_->Accept(std::nullopt, {.token = token, .name = "Uusi Työntekijä", .password = "password1234"});
  EXPECT_EQ(weak.error().fields.at(0).field, "password");
  auto m =
      service_->Accept(std::nullopt, {.token = token, .name = "Uusi Työntekijä", .password = "kevät-kuusi-laituri"});
  ASSERT_TRUE(m) << m.error().message;
  EXPECT_EQ(m->user_email, "uusi@example.fi");
  EXPECT_TRUE(auth_->Login("uusi@example.fi", "kevät-kuusi-laituri", "", "10.0.0.1", ""));
}

TEST_F(OrganizationServiceTest, OnlyAdminsManageAndTheLastAdminStays) {
  Organization org = Cleaning();
  ASSERT_TRUE(service_->Invite(admin_, org.id, "jussi@example.fi", "provider_admin"));
  auto jussi_membership = *service_->Accept(Of(jussi_), {.token = LastInvitationToken("jussi@example.fi")});
  EXPECT_EQ(service_->Invite(Of(aleksi_), org.id, "x@example.fi", "provider_worker").error().code,
            ErrorCode::kPermissionDenied);
  ASSERT_TRUE(service_->Invite(Of(jussi_), org.id, "aleksi@example.fi", "provider_worker"));
  auto role = service_->Invite(Of(jussi_), org.id, "y@example.fi", "purchaser_officer");
  EXPECT_EQ(role.error().fields.at(0).field, "role");
  auto aleksi_membership = *service_->Accept(Of(aleksi_), {.token = LastInvitationToken("aleksi@example.fi")});
  EXPECT_EQ(service_->Members(Of(aleksi_), org.id).error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(service_->Members(Of(jussi_), org.id)->size(), 2u);
  EXPECT_EQ(service_->RemoveMember(Of(jussi_), org.id, jussi_membership.id).error().code, ErrorCode::kConflict);
  ASSERT_TRUE(service_->RemoveMember(Of(jussi_), org.id, aleksi_membership.id));
  EXPECT_EQ(service_->Members(Of(jussi_), org.id)->size(), 1u);
}

TEST_F(OrganizationServiceTest, RevokedInvitationCannotBeAccepted) {
  Organization org = Cleaning();
  auto inv = *service_->Invite(admin_, org.id, "jussi@example.fi", "provider_admin");
  std::string token = LastInvitationToken("jussi@example.fi");
  EXPECT_EQ(service_->Invitations(admin_, org.id)->size(), 1u);
  ASSERT_TRUE(service_->RevokeInvitation(admin_, org.id, inv.id));
  EXPECT_EQ(service_->Accept(Of(jussi_), {.token = token}).error().code, ErrorCode::kConflict);
  EXPECT_TRUE(service_->Invitations(admin_, org.id)->empty());
}

}  // namespace
}  // namespace allmende::tenancy

namespace allmende::tenancy {
namespace {

TEST_F(OrganizationServiceTest, AnAdminCannotGiveThemselvesARoleThatReachesClients) {
  auto welfare = *service_->Create(admin_, region_id_, {"welfare_area", "Pirkanmaan hyvinvointialue", "3221308-6"});
  ASSERT_TRUE(service_->Invite(admin_, welfare.id, "jussi@example.fi", "org_admin"));
  auto admin_membership = service_->Accept(Of(jussi_), {.token = LastInvitationToken("jussi@example.fi")});
  ASSERT_TRUE(admin_membership) << admin_membership.error().message;
  // Before: an invitation of one's own address as advisor or auditor, accepted by oneself.
  for (const char* role : {"advisor", "auditor"}) {
    auto own = service_->Invite(Of(jussi_), welfare.id, "JUSSI@example.fi", role);
    ASSERT_FALSE(own) << role;
    EXPECT_EQ(own.error().fields.at(0).field, "email");
  }
  // Before: changing one's own membership to auditor.
  auto change = service_->ChangeRole(Of(jussi_), welfare.id, admin_membership->id, "auditor");
  ASSERT_FALSE(change);
  EXPECT_EQ(change.error().code, ErrorCode::kPermissionDenied);
  // Another admin may give the role, and the new membership is in the region's access log.
  ASSERT_TRUE(service_->Invite(Of(jussi_), welfare.id, "aleksi@example.fi", "advisor"));
  ASSERT_TRUE(service_->Accept(Of(aleksi_), {.token = LastInvitationToken("aleksi@example.fi")}));
  auto logged = *db_->ReadValue<std::string>([&](storage::Connection& c) -> Result<std::string> {
    ALLMENDE_ASSIGN_OR_RETURN(auto r, c.QueryOne("SELECT count(*) FROM access_log WHERE action = 'membership.create' "
                                                 "AND actor_id = $1 AND chain = $2",
                                                 {aleksi_.id, region_id_}));
    return r->Text(0);
  });
  EXPECT_EQ(logged, "1");
}

TEST_F(OrganizationServiceTest, TheTokensOfARemovedAdminEndWithTheirMembership) {
  Organization org = Cleaning();
  for (const auto* who : {"jussi@example.fi", "aleksi@example.fi"}) {
    ASSERT_TRUE(service_->Invite(admin_, org.id, who, "provider_admin"));
  }
  auto jussi = *service_->Accept(Of(jussi_), {.token = LastInvitationToken("jussi@example.fi")});
  ASSERT_TRUE(service_->Accept(Of(aleksi_), {.token = LastInvitationToken("aleksi@example.fi")}));
  TokenService tokens(*db_, clock_);
  auto made = tokens.Create(Of(jussi_), org.id, {.name = "ERP", .scopes = {"members.read"}, .expires_in_days = 30});
  ASSERT_TRUE(made) << made.error().message;
  ASSERT_TRUE(tokens.Authenticate(made->second));
  ASSERT_TRUE(service_->RemoveMember(Of(aleksi_), org.id, jussi.id));
  // Jussi saw the secret once and may have kept it: it must not outlive his membership.
  auto after = tokens.Authenticate(made->second);
  ASSERT_FALSE(after);
  EXPECT_EQ(after.error().code, ErrorCode::kUnauthenticated);
}

}  // namespace
}  // namespace allmende::tenancy
