#include "tenancy/delegation_service.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <filesystem>

#include "storage/migrations.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace allmende::tenancy {
namespace {

class DelegationServiceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_GE(sodium_init(), 0); }
  void SetUp() override {
    path_ = std::filesystem::path(::testing::TempDir()) /
            ("allmende_dlg_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    db_ = std::move(*storage::OpenSqlite({.path = path_.string(), .read_connections = 2, .busy_timeout_ms = 2000}));
    ASSERT_TRUE(storage::ApplyMigrations(*db_, storage::EmbeddedMigrations("sqlite")));
    auth_ = std::make_unique<identity::AuthService>(*db_, outbox_, clock_, identity::AuthOptions{});
    service_ = std::make_unique<DelegationService>(*db_, *auth_, clock_);
    aino_ = *auth_->EnsureUser({.email = "aino@example.fi", .name = "Aino"}, true);
    liisa_ = *auth_->EnsureUser({.email = "liisa@example.fi", .name = "Liisa"}, true);
  }
  void TearDown() override {
    service_.reset();
    auth_.reset();
    db_.reset();
    for (auto s : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + s);
  }
  http::Principal Of(const identity::User& u) { return {u.id, "user"}; }

  std::filesystem::path path_;
  std::unique_ptr<storage::Database> db_;
  notify::Outbox outbox_{"sqlite"};
  ManualTimeSource clock_{*ParseRfc3339("2026-11-24T08:00:00Z")};
  std::unique_ptr<identity::AuthService> auth_;
  std::unique_ptr<DelegationService> service_;
  identity::User aino_, liisa_;
};

TEST_F(DelegationServiceTest, ClientGrantsAndRevokingEndsItAtOnce) {
  auto d = service_->Grant(Of(aino_), aino_.id, {.delegate_email = "Liisa@Example.fi", .scope = "all"});
  ASSERT_TRUE(d) << d.error().message;
  EXPECT_EQ(d->delegate_name, "Liisa");
  EXPECT_TRUE(*service_->MayActFor(liisa_.id, aino_.id, "services"));
  EXPECT_FALSE(*service_->MayActFor(aino_.id, liisa_.id, "services")) << "not the other way round";
  ASSERT_TRUE(service_->Revoke(Of(aino_), d->id));
  EXPECT_FALSE(*service_->MayActFor(liisa_.id, aino_.id, "services"));
  EXPECT_EQ(service_->Revoke(Of(aino_), d->id).error().code, ErrorCode::kConflict);
}

TEST_F(DelegationServiceTest, ScopeAndEndAreHonoured) {
  auto d = service_->Grant(
      Of(aino_), aino_.id,
      {.delegate_email = "liisa@example.fi", .scope = "access_log", .valid_until = "2026-12-01T00:00:00Z"});
  ASSERT_TRUE(d);
  EXPECT_TRUE(*service_->MayActFor(liisa_.id, aino_.id, "access_log"));
  EXPECT_FALSE(*service_->MayActFor(liisa_.id, aino_.id, "services"));
  clock_.Set(*ParseRfc3339("2026-12-01T00:00:01Z"));
  EXPECT_FALSE(*service_->MayActFor(liisa_.id, aino_.id, "access_log"));
}

TEST_F(DelegationServiceTest, InvalidGrantsNameTheirFields) {
  auto r = service_->Grant(
      Of(aino_), aino_.id,
      {.delegate_email = "aino@example.fi", .scope = "everything", .valid_until = "2020-01-01T00:00:00Z"});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields.size(), 3u);
  EXPECT_EQ(service_->Grant(Of(aino_), aino_.id, {.delegate_email = "nobody@example.fi"}).error().fields.at(0).field,
            "delegate_email");
  EXPECT_EQ(service_->Grant(std::nullopt, aino_.id, {.delegate_email = "liisa@example.fi"}).error().code,
            ErrorCode::kUnauthenticated);
}

TEST_F(DelegationServiceTest, DelegateMayEndItButStrangersCannotSeeIt) {
  auto d = *service_->Grant(Of(aino_), aino_.id, {.delegate_email = "liisa@example.fi"});
  auto ebba = *auth_->EnsureUser({.email = "ebba@example.fi", .name = "Ebba"}, true);
  EXPECT_EQ(service_->Revoke(Of(ebba), d.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service_->Mine(Of(liisa_))->size(), 1u);
  EXPECT_TRUE(service_->Mine(Of(ebba))->empty());
  ASSERT_TRUE(service_->Revoke(Of(liisa_), d.id));
}

}  // namespace
}  // namespace allmende::tenancy
