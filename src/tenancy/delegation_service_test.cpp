#include "tenancy/delegation_service.hpp"

#include <gtest/gtest.h>
#include <sodium.h>
#include <unistd.h>

#include <barrier>
#include <boost/json.hpp>
#include <filesystem>
#include <map>
#include <thread>

#include "storage/migrations.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace allmende::tenancy {
namespace {

constexpr const char* kT = "2026-11-01T08:00:00.000Z";

class DelegationServiceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_GE(sodium_init(), 0); }
  void SetUp() override {
    path_ = std::filesystem::path(::testing::TempDir()) /
            ("allmende_dlg_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    db_ = std::move(*storage::OpenSqlite({.path = path_.string(), .read_connections = 2, .busy_timeout_ms = 5000}));
    ASSERT_TRUE(storage::ApplyMigrations(*db_, storage::EmbeddedMigrations("sqlite")));
    auth_ = std::make_unique<identity::AuthService>(*db_, outbox_, clock_, identity::AuthOptions{});
    service_ = std::make_unique<DelegationService>(*db_, *auth_, outbox_, clock_, "https://allmende.example");
    aino_ = *auth_->EnsureUser({.email = "aino@example.fi", .name = "Aino Virtanen", .language = "fi"}, true);
    liisa_ = *auth_->EnsureUser({.email = "liisa@example.fi", .name = "Liisa Virtanen"}, true);
    ebba_ = *auth_->EnsureUser({.email = "ebba@example.fi", .name = "Ebba Lindqvist", .language = "sv"}, true);
    Sql("INSERT INTO regions (id, code, name, country, time_zone, default_language, created_at, updated_at) "
        "VALUES ('reg_a', 'a', 'A', 'FI', 'Europe/Helsinki', 'fi', $1, $1)",
        {std::string(kT)});
    MakeClient(aino_);
    MakeClient(ebba_);
  }
  void TearDown() override {
    service_.reset();
    auth_.reset();
    db_.reset();
    for (auto s : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + s);
  }

  void Sql(const std::string& sql, const storage::Params& params = {}) {
    auto r = db_->Write([&](storage::Connection& c) -> Result<void> {
      ALLMENDE_TRY(c.Execute(sql, params));
      return Ok();
    });
    ASSERT_TRUE(r) << r.error().message << " in " << sql;
  }
  std::vector<std::string> Column(const std::string& sql, const storage::Params& params = {}) {
    auto rows = db_->ReadValue<std::vector<storage::Row>>([&](storage::Connection& c) { return c.Query(sql, params); });
    std::vector<std::string> out;
    for (const auto& r : *rows) out.push_back(r.Text(0));
    return out;
  }
  void MakeClient(const identity::User& u) {
    Sql("INSERT INTO clients (user_id, region_id, created_at, created_by) VALUES ($1, 'reg_a', $2, 'test')",
        {u.id, std::string(kT)});
  }
  // A member of an organization of region A; `role` advisor makes them the client's advisor.
  void MakeStaff(const identity::User& u, const std::string& role) {
    Sql("INSERT INTO organizations (id, region_id, kind, name, created_at, updated_at) "
        "VALUES ('org_' || $1, 'reg_a', 'integrator', 'Kotitori ' || $1, $2, $2)",
        {u.id, std::string(kT)});
    Sql("INSERT INTO memberships (id, region_id, organization_id, user_id, role, created_at, created_by) "
        "VALUES ('mem_' || $1, 'reg_a', 'org_' || $1, $1, $2, $3, 'test')",
        {u.id, role, std::string(kT)});
  }
  static http::Principal Of(const identity::User& u) {
    http::Principal p{u.id, "user"};
    p.mfa_verified = true;
    return p;
  }
  // E-mails queued to `to`, oldest first.
  std::vector<std::string> MailsTo(const std::string& to) {
    return Column("SELECT subject || '\n' || body FROM outbox_messages WHERE recipient = $1 ORDER BY rowid", {to});
  }
  // The secret of the newest invitation link e-mailed to `to`.
  std::string LinkTokenFor(const std::string& to) {
    auto mails = MailsTo(to);
    if (mails.empty()) return "";
    auto at = mails.back().find("/delegation#token=");
    return at == std::string::npos ? "" : mails.back().substr(at + 18, 43);
  }
  Result<Delegation> AcceptAs(const identity::User& u, const std::string& token) {
    return service_->Accept(Of(u), {.token = token});
  }
  Result<Delegation> GrantAndAccept(const identity::User& client, const identity::User& delegate,
                                    const std::string& scope = "all") {
    auto inv = service_->Grant(Of(client), client.id, {.delegate_email = delegate.email, .scope = scope});
    if (!inv) return std::move(inv).error();
    return AcceptAs(delegate, LinkTokenFor(delegate.email));
  }

  std::filesystem::path path_;
  std::unique_ptr<storage::Database> db_;
  notify::Outbox outbox_;
  ManualTimeSource clock_{*ParseRfc3339("2026-11-24T08:00:00Z")};
  std::unique_ptr<identity::AuthService> auth_;
  std::unique_ptr<DelegationService> service_;
  identity::User aino_, liisa_, ebba_;
};

TEST_F(DelegationServiceTest, GrantingMakesAPendingInvitationAndEmailsALinkButNoDelegation) {
  auto inv = service_->Grant(Of(aino_), aino_.id, {.delegate_email = "Liisa@Example.fi", .scope = "services"});
  ASSERT_TRUE(inv) << inv.error().message;
  EXPECT_EQ(inv->status, "pending");
  EXPECT_EQ(inv->email, "liisa@example.fi");
  EXPECT_EQ(inv->expires_at, "2026-12-01T08:00:00.000Z");
  EXPECT_FALSE(*service_->MayActFor(liisa_.id, aino_.id, "services")) << "nothing until the link is used";
  auto mails = MailsTo("liisa@example.fi");
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_NE(mails[0].find("Aino Virtanen kutsuu sinut"), std::string::npos) << "in Aino's language:\n" << mails[0];
  EXPECT_EQ(LinkTokenFor("liisa@example.fi").size(), 43u);
  auto mine = *service_->Mine(Of(aino_));
  ASSERT_EQ(mine.pending.size(), 1u);
  EXPECT_TRUE(mine.given.empty());
  EXPECT_TRUE(mine.may_grant);
}

TEST_F(DelegationServiceTest, TheAnswerIsTheSameWhetherTheAddressHasAnAccountOrWorksInTheRegion) {
  // Of a grant, the client sees only what they sent: compare the answers and the e-mails for
  // one address before it has an account, once it has one, and once its owner works in the region.
  auto seen = [&]() {
    auto inv = service_->Grant(Of(aino_), aino_.id, {.delegate_email = "pekka@example.fi", .scope = "access_log"});
    EXPECT_TRUE(inv) << inv.error().message;
    std::map<std::string, std::string> answer;
    boost::json::value doc = boost::json::parse(DelegationInvitationJson(*inv, FormatRfc3339(clock_.Now())));
    for (const auto& [k, v] : doc.as_object()) answer[std::string(k)] = boost::json::serialize(v);
    for (auto volatile_field : {"id", "created_at", "expires_at"}) EXPECT_EQ(answer.erase(volatile_field), 1u);
    std::string mail = MailsTo("pekka@example.fi").back();
    mail.replace(mail.find("#token=") + 7, 43, "TOKEN");
    EXPECT_TRUE(service_->Withdraw(Of(aino_), inv->id));
    return std::make_pair(answer, mail);
  };
  auto unknown = seen();
  EXPECT_EQ(unknown.first, (std::map<std::string, std::string>{{"delegate_email", "\"pekka@example.fi\""},
                                                               {"scope", "\"access_log\""},
                                                               {"status", "\"pending\""},
                                                               {"valid_until", "null"}}));
  auto pekka = *auth_->EnsureUser({.email = "pekka@example.fi", .name = "Pekka"}, true);
  EXPECT_EQ(seen(), unknown);
  MakeStaff(pekka, "provider_worker");
  EXPECT_EQ(seen(), unknown);
}

TEST_F(DelegationServiceTest, OnlyAClientMayGrant) {
  // Liisa has an account but is nobody's client: she cannot send invitations in her own name.
  auto r = service_->Grant(Of(liisa_), liisa_.id, {.delegate_email = "someone@example.fi"});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kPermissionDenied);
  EXPECT_TRUE(MailsTo("someone@example.fi").empty());
  EXPECT_FALSE(service_->Mine(Of(liisa_))->may_grant);
  EXPECT_EQ(service_->Grant(std::nullopt, aino_.id, {.delegate_email = "liisa@example.fi"}).error().code,
            ErrorCode::kUnauthenticated);
  // Nor for another client: Liisa is no advisor.
  EXPECT_EQ(
      service_->Grant(Of(liisa_), aino_.id, {.delegate_email = "someone@example.fi", .scope = "services"}).error().code,
      ErrorCode::kPermissionDenied);
  MakeClient(liisa_);
  EXPECT_TRUE(service_->Grant(Of(liisa_), liisa_.id, {.delegate_email = "someone@example.fi"}));
}

TEST_F(DelegationServiceTest, InvalidGrantsNameTheirFields) {
  auto r = service_->Grant(
      Of(aino_), aino_.id,
      {.delegate_email = "aino@example.fi", .scope = "everything", .valid_until = "2020-01-01T00:00:00Z"});
  ASSERT_FALSE(r);
  ASSERT_EQ(r.error().fields.size(), 3u);
  EXPECT_EQ(r.error().fields[0].message, "is your own address");
  auto bad = service_->Grant(Of(aino_), aino_.id, {.delegate_email = "not an address"});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().fields.at(0).field, "delegate_email");
  EXPECT_TRUE(service_->Mine(Of(aino_))->pending.empty());
}

TEST_F(DelegationServiceTest, TheSignedInDelegateAcceptsOnceEvenWhenTwoRequestsUseTheLinkAtOnce) {
  ASSERT_TRUE(service_->Grant(Of(aino_), aino_.id, {.delegate_email = "liisa@example.fi"}));
  std::string token = LinkTokenFor("liisa@example.fi");
  std::barrier start(2);
  std::vector<Result<Delegation>> results(2, Error::Internal("not run"));
  auto accept = [&](std::size_t i) {
    start.arrive_and_wait();
    results[i] = AcceptAs(liisa_, token);
  };
  std::thread a(accept, 0), b(accept, 1);
  a.join();
  b.join();
  int ok = results[0].ok() + results[1].ok();
  ASSERT_EQ(ok, 1);
  const auto& loser = results[0].ok() ? results[1] : results[0];
  EXPECT_EQ(loser.error().code, ErrorCode::kConflict);
  const auto& d = results[0].ok() ? *results[0] : *results[1];
  EXPECT_EQ(d.delegate_name, "Liisa Virtanen");
  EXPECT_EQ(d.granted_by, aino_.id);
  EXPECT_TRUE(*service_->MayActFor(liisa_.id, aino_.id, "services"));
  EXPECT_EQ(Column("SELECT count(*) FROM delegations").at(0), "1");
  EXPECT_EQ(Column("SELECT actor_id FROM access_log WHERE action = 'delegation.accept' AND client_id = $1", {aino_.id}),
            std::vector<std::string>{liisa_.id});
  auto mine = *service_->Mine(Of(aino_));
  EXPECT_TRUE(mine.pending.empty());
  EXPECT_EQ(mine.given.size(), 1u);
}

TEST_F(DelegationServiceTest, ANewcomerCreatesTheirAccountWithTheLink) {
  ASSERT_TRUE(service_->Grant(Of(aino_), aino_.id, {.delegate_email = "matti@example.fi", .scope = "services"}));
  std::string token = LinkTokenFor("matti@example.fi");
  auto missing = service_->Accept(std::nullopt, {.token = token});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().fields.size(), 2u);
  auto weak = service_->Accept(std::nullopt, {.token = token, .name = "Matti", .password = "short"});
  ASSERT_FALSE(weak);
  EXPECT_EQ(weak.error().fields.at(0).field, "password");

  auto d =
      service_->Accept(std::nullopt, {.token = token, .name = "Matti Virtanen", .password = "mökin-laituri-kesäyö-4"});
  ASSERT_TRUE(d) << d.error().message;
  EXPECT_EQ(d->delegate_name, "Matti Virtanen");
  auto matti = *auth_->FindByEmail("matti@example.fi");
  ASSERT_TRUE(matti);
  EXPECT_EQ(matti->language, "fi") << "the language of the e-mail they read";
  EXPECT_TRUE(*service_->MayActFor(matti->id, aino_.id, "services"));
  EXPECT_EQ(service_->Accept(std::nullopt, {.token = token, .name = "Matti", .password = "mökin-laituri-kesäyö-4"})
                .error()
                .code,
            ErrorCode::kConflict)
      << "the link works once";
}

TEST_F(DelegationServiceTest, SomeoneElseCannotUseTheLinkAndItStaysUsableForTheInvitedPerson) {
  ASSERT_TRUE(service_->Grant(Of(aino_), aino_.id, {.delegate_email = "liisa@example.fi"}));
  std::string token = LinkTokenFor("liisa@example.fi");
  auto wrong = AcceptAs(ebba_, token);
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(service_->Accept(std::nullopt, {.token = "no-such-link"}).error().code, ErrorCode::kInvalidArgument)
      << "a newcomer is asked for name and password first";
  EXPECT_EQ(AcceptAs(liisa_, "no-such-link").error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(AcceptAs(liisa_, token));
}

TEST_F(DelegationServiceTest, AnAdvisorsInvitationCannotMakeSomeoneWorkingInTheRegionADelegate) {
  auto mikko = *auth_->EnsureUser({.email = "mikko@example.fi", .name = "Mikko"}, true);
  auto sari = *auth_->EnsureUser({.email = "sari@example.fi", .name = "Sari"}, true);
  MakeStaff(mikko, "advisor");
  MakeStaff(sari, "purchaser_officer");
  // The advisor's grant answers as any other: staff or not is decided when the link is used.
  auto to_sari = service_->Grant(Of(mikko), aino_.id, {.delegate_email = "sari@example.fi", .scope = "services"});
  ASSERT_TRUE(to_sari) << to_sari.error().message;
  EXPECT_EQ(to_sari->granted_by, mikko.id);
  auto refused = AcceptAs(sari, LinkTokenFor("sari@example.fi"));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kPermissionDenied);
  EXPECT_NE(refused.error().message.find("Ask Aino Virtanen to invite you"), std::string::npos)
      << refused.error().message;
  EXPECT_FALSE(*service_->MayActFor(sari.id, aino_.id, "services"));

  // On Aino's behalf Mikko may not make himself her delegate, nor give more than services.
  auto himself = service_->Grant(Of(mikko), aino_.id, {.delegate_email = "mikko@example.fi", .scope = "services"});
  ASSERT_FALSE(himself);
  EXPECT_EQ(himself.error().fields.at(0).message, "is your own address");
  EXPECT_EQ(service_->Grant(Of(mikko), aino_.id, {.delegate_email = "liisa@example.fi", .scope = "all"})
                .error()
                .fields.at(0)
                .field,
            "scope");
  // Someone outside the region may accept the advisor's invitation; Aino herself may choose Sari.
  ASSERT_TRUE(service_->Grant(Of(mikko), aino_.id, {.delegate_email = "liisa@example.fi", .scope = "services"}));
  EXPECT_TRUE(AcceptAs(liisa_, LinkTokenFor("liisa@example.fi")));
  EXPECT_TRUE(GrantAndAccept(aino_, sari));
}

TEST_F(DelegationServiceTest, AWithdrawnInvitationCannotBeAccepted) {
  auto inv = *service_->Grant(Of(aino_), aino_.id, {.delegate_email = "liisa@example.fi"});
  EXPECT_EQ(service_->Withdraw(Of(ebba_), inv.id).error().code, ErrorCode::kNotFound) << "someone else's";
  EXPECT_EQ(service_->Withdraw(Of(liisa_), inv.id).error().code, ErrorCode::kNotFound) << "not the delegate's to end";
  ASSERT_TRUE(service_->Withdraw(Of(aino_), inv.id));
  EXPECT_TRUE(service_->Mine(Of(aino_))->pending.empty());
  auto late = AcceptAs(liisa_, LinkTokenFor("liisa@example.fi"));
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, ErrorCode::kConflict);
  EXPECT_EQ(late.error().message, "This invitation was withdrawn.");
  EXPECT_EQ(service_->Withdraw(Of(aino_), inv.id).error().code, ErrorCode::kConflict);
  EXPECT_EQ(service_->Withdraw(Of(aino_), "dli_nonsense").error().code, ErrorCode::kNotFound);
}

TEST_F(DelegationServiceTest, AcceptingWhileADelegationExistsIsAConflictAndTheLinkWaits) {
  ASSERT_TRUE(GrantAndAccept(aino_, liisa_, "services"));
  ASSERT_TRUE(service_->Grant(Of(aino_), aino_.id, {.delegate_email = "liisa@example.fi", .scope = "all"}));
  std::string token = LinkTokenFor("liisa@example.fi");
  auto again = AcceptAs(liisa_, token);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_NE(again.error().message.find("You can already act for Aino Virtanen"), std::string::npos);
  // Once the old one is ended, the same link makes the new one.
  auto old = service_->Mine(Of(aino_))->given.at(0);
  ASSERT_TRUE(service_->Revoke(Of(liisa_), old.id));
  auto d = AcceptAs(liisa_, token);
  ASSERT_TRUE(d) << d.error().message;
  EXPECT_EQ(d->scope, "all");
}

TEST_F(DelegationServiceTest, ScopeAndEndAreHonoured) {
  ASSERT_TRUE(service_->Grant(
      Of(aino_), aino_.id,
      {.delegate_email = "liisa@example.fi", .scope = "access_log", .valid_until = "2026-12-01T00:00:00Z"}));
  ASSERT_TRUE(AcceptAs(liisa_, LinkTokenFor("liisa@example.fi")));
  EXPECT_TRUE(*service_->MayActFor(liisa_.id, aino_.id, "access_log"));
  EXPECT_FALSE(*service_->MayActFor(liisa_.id, aino_.id, "services"));
  clock_.Set(*ParseRfc3339("2026-12-01T00:00:01Z"));
  EXPECT_FALSE(*service_->MayActFor(liisa_.id, aino_.id, "access_log"));
  // The ended one does not stand in the way of a new one.
  EXPECT_TRUE(GrantAndAccept(aino_, liisa_, "services"));
}

TEST_F(DelegationServiceTest, ClientOrDelegateMayEndItButStrangersCannotSeeIt) {
  auto d = *GrantAndAccept(aino_, liisa_);
  EXPECT_EQ(service_->Revoke(Of(ebba_), d.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service_->Mine(Of(liisa_))->received.size(), 1u);
  EXPECT_TRUE(service_->Mine(Of(ebba_))->received.empty());
  ASSERT_TRUE(service_->Revoke(Of(liisa_), d.id));
  EXPECT_FALSE(*service_->MayActFor(liisa_.id, aino_.id, "services"));
  EXPECT_EQ(service_->Revoke(Of(aino_), d.id).error().code, ErrorCode::kConflict);
}

TEST_F(DelegationServiceTest, HowManyInvitationsMayWaitIsBounded) {
  for (int i = 0; i < 20; ++i) {
    ASSERT_TRUE(service_->Grant(Of(aino_), aino_.id, {.delegate_email = "p" + std::to_string(i) + "@example.fi"}));
  }
  auto more = service_->Grant(Of(aino_), aino_.id, {.delegate_email = "p20@example.fi"});
  ASSERT_FALSE(more);
  EXPECT_EQ(more.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(MailsTo("p20@example.fi").empty());
  clock_.Set(*ParseRfc3339("2026-12-02T08:00:00Z"));  // the first twenty expired
  EXPECT_TRUE(service_->Grant(Of(aino_), aino_.id, {.delegate_email = "p20@example.fi"}));
}

}  // namespace
}  // namespace allmende::tenancy

namespace allmende::tenancy {
namespace {

// Granting and withdrawing must not become a way to e-mail any address without end.
TEST_F(DelegationServiceTest, AClientSendsAtMostThirtyInvitationsADay) {
  for (int i = 0; i < 30; ++i) {
    auto inv = service_->Grant(Of(aino_), aino_.id,
                               {.delegate_email = "someone" + std::to_string(i) + "@example.fi", .scope = "services"});
    ASSERT_TRUE(inv) << i << ": " << inv.error().message;
    ASSERT_TRUE(service_->Withdraw(Of(aino_), inv->id));
  }
  auto more = service_->Grant(Of(aino_), aino_.id, {.delegate_email = "one-more@example.fi", .scope = "services"});
  ASSERT_FALSE(more);
  EXPECT_EQ(more.error().code, ErrorCode::kTooManyRequests);
  EXPECT_GT(more.error().retry_after_seconds, 0);
}

}  // namespace
}  // namespace allmende::tenancy
