#include "identity/auth_service.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "storage/migrations.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace allmende::identity {
namespace {

constexpr const char* kPassword = "kahvi-kuusi-pyörä-laituri";

class AuthServiceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_GE(sodium_init(), 0); }
  void SetUp() override {
    path_ = std::filesystem::path(::testing::TempDir()) /
            ("allmende_auth_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    db_ = std::move(*storage::OpenSqlite({.path = path_.string(), .read_connections = 2, .busy_timeout_ms = 2000}));
    ASSERT_TRUE(storage::ApplyMigrations(*db_, storage::EmbeddedMigrations("sqlite")));
    auth_ = std::make_unique<AuthService>(*db_, outbox_, clock_, AuthOptions{.public_url = "https://allmende.test"});
    aino_ = *auth_->EnsureUser({.email = "Aino@Example.fi", .name = "Aino Virtanen", .password = kPassword}, true);
  }
  void TearDown() override {
    auth_.reset();
    db_.reset();
    for (auto s : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + s);
  }
  http::Request WithCookie(const std::string& secret, const std::string& method = "GET", const std::string& csrf = "") {
    http::Request r;
    r.method = method;
    r.headers.emplace_back("cookie", "theme=dark; " + std::string(kSessionCookie) + "=" + secret);
    if (!csrf.empty()) r.headers.emplace_back("x-csrf-token", csrf);
    return r;
  }
  std::string Query(const std::string& sql) {
    return *db_->ReadValue<std::string>([&](storage::Connection& c) -> Result<std::string> {
      ALLMENDE_ASSIGN_OR_RETURN(auto r, c.QueryOne(sql));
      return r ? r->Text(0) : std::string();
    });
  }
  // The link of the newest e-mail to `to`, and its subject.
  std::pair<std::string, std::string> LastMail(const std::string& to) {
    auto body = Query("SELECT body FROM outbox_messages WHERE recipient = '" + to + "' ORDER BY id DESC LIMIT 1");
    auto subject = Query("SELECT subject FROM outbox_messages WHERE recipient = '" + to + "' ORDER BY id DESC LIMIT 1");
    auto at = body.find("#token=");
    return {at == std::string::npos ? "" : body.substr(at + 7, 43), subject};
  }

  std::filesystem::path path_;
  std::unique_ptr<storage::Database> db_;
  notify::Outbox outbox_;
  ManualTimeSource clock_{*ParseRfc3339("2026-11-24T08:00:00Z")};
  std::unique_ptr<AuthService> auth_;
  User aino_;
};

TEST_F(AuthServiceTest, LoginGivesANewSessionEachTimeAndRevokesThePresentedOne) {
  auto first = auth_->Login("aino@example.fi", kPassword, "tablet", "10.0.0.1", "");
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->user.email, "aino@example.fi");
  auto principal = auth_->Authenticate(WithCookie(first->secret));
  ASSERT_TRUE(principal && *principal);
  EXPECT_EQ((*principal)->id, aino_.id);
  auto second = auth_->Login(" AINO@example.FI", kPassword, "tablet", "10.0.0.1", first->secret);
  ASSERT_TRUE(second);
  EXPECT_NE(second->session.id, first->session.id);
  EXPECT_NE(second->secret, first->secret);
  EXPECT_FALSE(*auth_->Authenticate(WithCookie(first->secret))) << "the old session ended at log-in";
  EXPECT_TRUE(*auth_->Authenticate(WithCookie(second->secret)));
}

TEST_F(AuthServiceTest, UnknownAddressAndWrongPasswordGetTheSameAnswer) {
  auto wrong = auth_->Login("aino@example.fi", "not-the-password!", "", "10.0.0.1", "");
  auto unknown = auth_->Login("nobody@example.fi", kPassword, "", "10.0.0.2", "");
  ASSERT_FALSE(wrong);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(wrong.error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(wrong.error().code, unknown.error().code);
  EXPECT_EQ(wrong.error().message, unknown.error().message);
}

TEST_F(AuthServiceTest, EleventhFailureInAMinuteIsThrottledAndTheOwnerToldOnce) {
  for (int i = 0; i < 10; ++i) {
    auto r =
        auth_->Login("aino@example.fi", "wrong-password-" + std::to_string(i), "", "10.0.0." + std::to_string(i), "");
    ASSERT_EQ(r.error().code, ErrorCode::kUnauthenticated) << i;
    clock_.Advance(std::chrono::seconds(1));
  }
  auto eleventh = auth_->Login("aino@example.fi", kPassword, "", "10.0.1.1", "");
  ASSERT_FALSE(eleventh) << "even the right password waits";
  EXPECT_EQ(eleventh.error().code, ErrorCode::kTooManyRequests);
  EXPECT_GE(eleventh.error().retry_after_seconds, 1);
  EXPECT_LE(eleventh.error().retry_after_seconds, 61);
  EXPECT_EQ(Query("SELECT count(*) FROM outbox_messages WHERE recipient = 'aino@example.fi'"), "1");
  EXPECT_NE(LastMail("aino@example.fi").second.find("Kirjautuminen estetty"), std::string::npos) << "in Finnish";
  clock_.Advance(std::chrono::seconds(61));
  EXPECT_TRUE(auth_->Login("aino@example.fi", kPassword, "", "10.0.1.1", ""));
}

TEST_F(AuthServiceTest, ParallelGuessesCannotSlipUnderTheLimit) {
  std::atomic<int> unauthenticated{0}, throttled{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5; ++i) {
        auto r = auth_->Login("aino@example.fi", "guess-" + std::to_string(t) + "-" + std::to_string(i), "",
                              "10.1." + std::to_string(t) + "." + std::to_string(i), "");
        if (r.error().code == ErrorCode::kUnauthenticated) ++unauthenticated;
        if (r.error().code == ErrorCode::kTooManyRequests) ++throttled;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(unauthenticated, 10) << "exactly the limit of guesses reached the password check";
  EXPECT_EQ(throttled, 10);
}

TEST_F(AuthServiceTest, OneAddressTryingManyAccountsIsThrottled) {
  for (int i = 0; i < 10; ++i)
    (void)auth_->Login("user" + std::to_string(i) + "@example.fi", "x-password-123", "", "10.9.9.9", "");
  EXPECT_EQ(auth_->Login("aino@example.fi", kPassword, "", "10.9.9.9", "").error().code, ErrorCode::kTooManyRequests);
  EXPECT_TRUE(auth_->Login("aino@example.fi", kPassword, "", "10.9.9.10", ""));
}

TEST_F(AuthServiceTest, SessionsEndAfterIdleAndAbsoluteTimeouts) {
  auto login = *auth_->Login("aino@example.fi", kPassword, "", "10.0.0.1", "");
  clock_.Advance(std::chrono::minutes(29));
  EXPECT_TRUE(*auth_->Authenticate(WithCookie(login.secret)));  // used: the idle deadline moves
  clock_.Advance(std::chrono::minutes(29));
  EXPECT_TRUE(*auth_->Authenticate(WithCookie(login.secret)));
  clock_.Advance(std::chrono::minutes(31));
  EXPECT_FALSE(*auth_->Authenticate(WithCookie(login.secret))) << "idle for 31 minutes";

  auto busy = *auth_->Login("aino@example.fi", kPassword, "", "10.0.0.1", "");
  for (int i = 0; i < 12 * 3; ++i) {
    clock_.Advance(std::chrono::minutes(20));
    if (i < 12 * 3 - 1) {
      EXPECT_TRUE(*auth_->Authenticate(WithCookie(busy.secret))) << i;
    }
  }
  EXPECT_FALSE(*auth_->Authenticate(WithCookie(busy.secret))) << "12 hours after log-in, however busy";
}

TEST_F(AuthServiceTest, StateChangingRequestsNeedTheCsrfToken) {
  auto login = *auth_->Login("aino@example.fi", kPassword, "", "10.0.0.1", "");
  EXPECT_TRUE((*auth_->Authenticate(WithCookie(login.secret, "GET")))->csrf_verified);
  EXPECT_FALSE((*auth_->Authenticate(WithCookie(login.secret, "POST")))->csrf_verified);
  EXPECT_FALSE((*auth_->Authenticate(WithCookie(login.secret, "POST", "forged")))->csrf_verified);
  EXPECT_TRUE((*auth_->Authenticate(WithCookie(login.secret, "POST", login.session.csrf_token)))->csrf_verified);
}

TEST_F(AuthServiceTest, LogoutEndsTheSessionAndLogoutEverywhereEndsAll) {
  auto a = *auth_->Login("aino@example.fi", kPassword, "tablet", "10.0.0.1", "");
  auto b = *auth_->Login("aino@example.fi", kPassword, "phone", "10.0.0.2", "");
  auto pa = **auth_->Authenticate(WithCookie(a.secret));
  EXPECT_EQ(auth_->Sessions(pa)->size(), 2u);
  ASSERT_TRUE(auth_->Logout(pa));
  EXPECT_FALSE(*auth_->Authenticate(WithCookie(a.secret))) << "a stolen copy of the cookie stops working too";
  EXPECT_TRUE(*auth_->Authenticate(WithCookie(b.secret)));
  auto pb = **auth_->Authenticate(WithCookie(b.secret));
  ASSERT_TRUE(auth_->LogoutEverywhere(pb));
  EXPECT_FALSE(*auth_->Authenticate(WithCookie(b.secret)));
}

TEST_F(AuthServiceTest, RevokingAnotherSessionOfMine) {
  auto a = *auth_->Login("aino@example.fi", kPassword, "tablet", "10.0.0.1", "");
  auto b = *auth_->Login("aino@example.fi", kPassword, "phone", "10.0.0.2", "");
  auto pa = **auth_->Authenticate(WithCookie(a.secret));
  ASSERT_TRUE(auth_->RevokeSession(pa, b.session.id));
  EXPECT_FALSE(*auth_->Authenticate(WithCookie(b.secret)));
  EXPECT_EQ(auth_->RevokeSession(pa, b.session.id).error().code, ErrorCode::kNotFound);
  auto liisa = *auth_->EnsureUser({.email = "liisa@example.fi", .name = "Liisa", .password = kPassword}, true);
  auto l = *auth_->Login("liisa@example.fi", kPassword, "", "10.0.0.3", "");
  EXPECT_EQ(auth_->RevokeSession(pa, l.session.id).error().code, ErrorCode::kNotFound) << "not someone else's";
  (void)liisa;
}

TEST_F(AuthServiceTest, PasswordResetLinkWorksOnceInTheUsersLanguageAndEndsSessions) {
  auto login = *auth_->Login("aino@example.fi", kPassword, "", "10.0.0.1", "");
  ASSERT_TRUE(auth_->RequestPasswordReset("aino@example.fi", "10.0.0.9"));
  auto [token, subject] = LastMail("aino@example.fi");
  ASSERT_EQ(token.size(), 43u);
  EXPECT_EQ(subject, "Allmende: Salasanan vaihto");
  EXPECT_EQ(auth_->ResetPassword(token, "password1234").error().fields.at(0).field, "password");
  ASSERT_TRUE(auth_->ResetPassword(token, "uusi-kesä-mökki-järvi")) << "a weak try leaves the link usable";
  EXPECT_EQ(auth_->ResetPassword(token, "toinen-uusi-salasana").error().code, ErrorCode::kConflict);
  EXPECT_FALSE(*auth_->Authenticate(WithCookie(login.secret)));
  EXPECT_FALSE(auth_->Login("aino@example.fi", kPassword, "", "10.0.0.1", ""));
  EXPECT_TRUE(auth_->Login("aino@example.fi", "uusi-kesä-mökki-järvi", "", "10.0.0.1", ""));
}

TEST_F(AuthServiceTest, ResetForAnUnknownAddressLooksTheSameAndSendsNothing) {
  ASSERT_TRUE(auth_->RequestPasswordReset("nobody@example.fi", "10.0.0.9"));
  EXPECT_EQ(Query("SELECT count(*) FROM outbox_messages"), "0");
}

TEST_F(AuthServiceTest, ResetLinkExpiresAfterThirtyMinutes) {
  ASSERT_TRUE(auth_->RequestPasswordReset("aino@example.fi", "10.0.0.9"));
  auto token = LastMail("aino@example.fi").first;
  clock_.Advance(std::chrono::minutes(31));
  auto r = auth_->ResetPassword(token, "uusi-kesä-mökki-järvi");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("expired"), std::string::npos);
}

TEST_F(AuthServiceTest, AdminCreatesAnAccountAndTheUserSetsAPassword) {
  http::Principal admin{"usr_admin", "platform_admin"};
  admin.mfa_verified = true;
  EXPECT_EQ(
      auth_->CreateUser(http::Principal{aino_.id, "user"}, {.email = "ebba@example.fi", .name = "Ebba"}).error().code,
      ErrorCode::kPermissionDenied);
  auto ebba = auth_->CreateUser(admin, {.email = "Ebba@Example.fi", .name = "Ebba Lindqvist", .language = "sv"});
  ASSERT_TRUE(ebba) << ebba.error().message;
  EXPECT_FALSE(ebba->password_hash);
  auto [token, subject] = LastMail("ebba@example.fi");
  EXPECT_EQ(subject, "Allmende: Välj ditt lösenord");
  ASSERT_TRUE(auth_->ResetPassword(token, "blåbär-skärgård-cykel"));
  EXPECT_TRUE(auth_->Login("ebba@example.fi", "blåbär-skärgård-cykel", "", "10.0.0.5", ""));
  auto again = auth_->CreateUser(admin, {.email = "ebba@example.fi", .name = "Ebba"});
  EXPECT_EQ(again.error().fields.at(0).field, "email");
  auto bad = auth_->CreateUser(admin, {.email = "not-an-address", .name = " ", .language = "xx"});
  EXPECT_EQ(bad.error().fields.size(), 3u);
}

TEST_F(AuthServiceTest, ProfileUpdateNeedsTheCurrentVersion) {
  http::Principal p{aino_.id, "user"};
  auto updated = auth_->UpdateProfile(p, {.name = std::nullopt, .phone = "+358401234567", .language = "sv"}, 1);
  ASSERT_TRUE(updated) << updated.error().message;
  EXPECT_EQ(updated->language, "sv");
  EXPECT_EQ(updated->version, 2);
  auto stale = auth_->UpdateProfile(p, {.name = "Aino V.", .phone = std::nullopt, .language = std::nullopt}, 1);
  EXPECT_EQ(stale.error().code, ErrorCode::kPreconditionFailed);
  auto invalid = auth_->UpdateProfile(p, {.name = std::nullopt, .phone = "040 123", .language = "ru"}, 2);
  EXPECT_EQ(invalid.error().fields.size(), 2u);
}

TEST(Cookies, ValueOfOneCookieAmongMany) {
  EXPECT_EQ(CookieValue("a=1; allmende_session=xyz; b=2", "allmende_session"), "xyz");
  EXPECT_EQ(CookieValue("allmende_session_old=1", "allmende_session"), "");
  EXPECT_EQ(CookieValue("", "allmende_session"), "");
}

TEST(Emails, NormalizedOrRejected) {
  EXPECT_EQ(NormalizeEmail(" Aino@Example.FI "), "aino@example.fi");
  EXPECT_EQ(NormalizeEmail("no-at-sign"), "");
  EXPECT_EQ(NormalizeEmail("a@b@c.fi"), "");
  EXPECT_EQ(NormalizeEmail("a@localhost"), "");
}

}  // namespace
}  // namespace allmende::identity

namespace allmende::identity {
namespace {

TEST_F(AuthServiceTest, ThirtyResetRequestsForOneAddressSendThreeLinks) {
  for (int i = 0; i < 30; ++i) {
    ASSERT_TRUE(auth_->RequestPasswordReset("aino@example.fi", "10.0.0." + std::to_string(i)));
  }
  EXPECT_EQ(Query("SELECT count(*) FROM outbox_messages WHERE recipient = 'aino@example.fi'"), "3");
  clock_.Advance(std::chrono::minutes(61));
  ASSERT_TRUE(auth_->RequestPasswordReset("aino@example.fi", "10.0.0.1"));
  EXPECT_EQ(Query("SELECT count(*) FROM outbox_messages WHERE recipient = 'aino@example.fi'"), "4")
      << "an hour later a link can be asked for again";
}

TEST_F(AuthServiceTest, OneAddressCannotMailManyAccounts) {
  for (int i = 0; i < 25; ++i) {
    std::string email = "person" + std::to_string(i) + "@example.fi";
    ASSERT_TRUE(auth_->EnsureUser({.email = email, .name = "P", .password = kPassword}, true));
    ASSERT_TRUE(auth_->RequestPasswordReset(email, "10.9.9.9"));
  }
  EXPECT_EQ(Query("SELECT count(*) FROM outbox_messages WHERE recipient LIKE 'person%'"), "20");
}

TEST_F(AuthServiceTest, ALockedOutOwnerIsToldOnceADay) {
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 12; ++i) (void)auth_->Login("aino@example.fi", "wrong", "x", "10.1." + std::to_string(i), "");
    clock_.Advance(std::chrono::minutes(2));  // the throttle window passes; the attacker goes on
  }
  EXPECT_EQ(Query("SELECT count(*) FROM outbox_messages WHERE recipient = 'aino@example.fi'"), "1");
}

TEST_F(AuthServiceTest, ALogInRacingAPasswordResetOpensNoSession) {
  AuthOptions options{.public_url = "https://allmende.test"};
  AuthService* self = nullptr;
  bool reset = false;
  // The reset commits after the log-in checked the old password and before it stores its session.
  options.after_password_check = [&] {
    if (reset) return;
    reset = true;
    ASSERT_TRUE(self->RequestPasswordReset("aino@example.fi", "10.0.0.9"));
    ASSERT_TRUE(self->ResetPassword(LastMail("aino@example.fi").first, "uusi-salasana-mökki-järvi"));
  };
  AuthService racing(*db_, outbox_, clock_, options);
  self = &racing;
  auto login = racing.Login("aino@example.fi", kPassword, "tablet", "10.0.0.1", "");
  ASSERT_TRUE(reset);
  ASSERT_FALSE(login.ok()) << "the old password opened a session after the reset";
  EXPECT_EQ(login.error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(Query("SELECT count(*) FROM sessions WHERE revoked_at IS NULL"), "0");
  EXPECT_TRUE(racing.Login("aino@example.fi", "uusi-salasana-mökki-järvi", "tablet", "10.0.0.1", ""));
}

}  // namespace
}  // namespace allmende::identity

namespace allmende::identity {
namespace {

// Defect 2: ended sessions were kept for ever.
TEST_F(AuthServiceTest, HousekeepingRemovesSessionsEndedAMonthAgo) {
  ASSERT_TRUE(auth_->Login("aino@example.fi", kPassword, "old tablet", "10.0.0.1", ""));
  clock_.Advance(std::chrono::hours(24 * 40));
  auto current = auth_->Login("aino@example.fi", kPassword, "new tablet", "10.0.0.1", "");
  ASSERT_TRUE(current);
  ASSERT_TRUE(db_->Write([&](storage::Connection& c) { return auth_->PurgeEndedSessions(c, clock_.Now()); }));
  EXPECT_EQ(Query("SELECT count(*) FROM sessions"), "1") << "the one that ended 40 days ago is gone";
  EXPECT_TRUE(*auth_->Authenticate(WithCookie(current->secret))) << "the live one stays";
}

}  // namespace
}  // namespace allmende::identity
