// Accounts and sessions over real HTTP: cookies, CSRF, throttling, password reset by e-mail,
// and no secret in any log line.
#include <signal.h>

#include <barrier>
#include <thread>

#include "demo_world.hpp"
#include "problem_assertions.hpp"
#include "server_harness.hpp"
#include "smtp_sink.hpp"

namespace allmende::testing {
namespace {

constexpr const char* kPassword = "Canary-Passphrase-7Q2!rhubarb";

class IdentityApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(ServerOptions{
        .args = {"--set", "mail.smtp_url=" + sink_.url(), "--set", "mail.poll_ms=50", "--set", "log.level=debug"}});
    ASSERT_TRUE(server_->started());
    auto created = server_->PostJson(
        "/api/v1/users",
        std::string(R"({"email":"aino@example.fi","name":"Aino Virtanen","language":"fi","password":")") + kPassword +
            "\"}",
        {{"Authorization", std::string("Bearer ") + kAdminToken}});
    ASSERT_EQ(created->status, 201) << created->body;
  }
  struct Login {
    std::string cookie;  // "allmende_session=…"
    std::string csrf;
  };
  std::optional<HttpResponse> RawLogin(const std::string& password, const std::string& old_cookie = "") {
    std::vector<std::pair<std::string, std::string>> h;
    if (!old_cookie.empty()) h.emplace_back("Cookie", old_cookie);
    return server_->PostJson("/api/v1/auth/login", R"({"email":"aino@example.fi","password":")" + password + "\"}", h);
  }
  Login LogIn(const std::string& old_cookie = "") {
    auto r = RawLogin(kPassword, old_cookie);
    EXPECT_EQ(r->status, 200) << r->body;
    std::string set = r->Header("set-cookie");
    EXPECT_NE(set.find("HttpOnly"), std::string::npos);
    EXPECT_NE(set.find("SameSite=Lax"), std::string::npos);
    return {set.substr(0, set.find(';')), std::string(boost::json::parse(r->body).at("csrf_token").as_string())};
  }
  std::optional<HttpResponse> Call(const std::string& method, const std::string& path, const Login& l,
                                   bool with_csrf = true, const std::string& body = "") {
    std::vector<std::pair<std::string, std::string>> h{{"Cookie", l.cookie}};
    if (with_csrf) h.emplace_back("X-CSRF-Token", l.csrf);
    if (!body.empty()) h.emplace_back("Content-Type", "application/json");
    return Fetch(server_->port(), method, path, h, body);
  }

  SmtpSink sink_;
  std::unique_ptr<TestServer> server_;
};

TEST_F(IdentityApiTest, SessionIdChangesAtLogInAndTheOldOneStopsWorking) {
  Login first = LogIn();
  EXPECT_EQ(Call("GET", "/api/v1/me", first)->status, 200);
  Login second = LogIn(first.cookie);
  EXPECT_NE(second.cookie, first.cookie);
  ExpectProblem(Call("GET", "/api/v1/me", first), 401);
  EXPECT_EQ(Call("GET", "/api/v1/me", second)->status, 200);
}

TEST_F(IdentityApiTest, CookieRequestWithoutCsrfTokenIs403) {
  Login l = LogIn();
  auto problem = ExpectProblem(Call("POST", "/api/v1/auth/logout", l, false), 403);
  EXPECT_NE(std::string(problem["detail"].as_string()).find("CSRF"), std::string::npos);
  EXPECT_EQ(Call("GET", "/api/v1/me", l)->status, 200) << "the refused request changed nothing";
}

TEST_F(IdentityApiTest, StolenSessionIdStopsWorkingAfterLogOut) {
  Login l = LogIn();
  Login stolen = l;  // an attacker's copy of the cookie
  auto out = Call("POST", "/api/v1/auth/logout", l);
  EXPECT_EQ(out->status, 204);
  EXPECT_NE(out->Header("set-cookie").find("Max-Age=0"), std::string::npos);
  ExpectProblem(Call("GET", "/api/v1/me", stolen), 401);
}

TEST_F(IdentityApiTest, EleventhWrongPasswordInAMinuteIs429WithRetryAfter) {
  for (int i = 0; i < 10; ++i) ExpectProblem(RawLogin("wrong-password-" + std::to_string(i)), 401);
  auto r = RawLogin("wrong-password-11");
  ExpectProblem(r, 429);
  int retry = std::stoi(r->Header("retry-after"));
  EXPECT_GE(retry, 1);
  EXPECT_LE(retry, 61);
  // The account's owner hears of it once, in Finnish (the verification e-mail came first).
  ASSERT_TRUE(sink_.WaitFor(2, std::chrono::seconds(10)));
  int notices = 0;
  for (const auto& m : sink_.Messages())
    notices += m.data.find("Subject: Allmende: Kirjautuminen estetty") != std::string::npos;
  EXPECT_EQ(notices, 1);
}

TEST_F(IdentityApiTest, SessionsAreListedAndOneCanBeRevoked) {
  Login a = LogIn();
  Login b = LogIn();
  auto list = boost::json::parse(Call("GET", "/api/v1/me/sessions", a)->body).as_object();
  ASSERT_EQ(list["items"].as_array().size(), 2u);
  std::string other;
  for (const auto& s : list["items"].as_array()) {
    if (!s.at("current").as_bool()) other = std::string(s.at("id").as_string());
  }
  ASSERT_FALSE(other.empty());
  EXPECT_EQ(Call("DELETE", "/api/v1/me/sessions/" + other, a)->status, 204);
  ExpectProblem(Call("GET", "/api/v1/me", b), 401);
  EXPECT_EQ(Call("GET", "/api/v1/me", a)->status, 200);
}

TEST_F(IdentityApiTest, ProfileChangesNeedTheCurrentETag) {
  Login l = LogIn();
  auto me = Call("GET", "/api/v1/me", l);
  std::string etag = me->Header("etag");
  std::vector<std::pair<std::string, std::string>> h{
      {"Cookie", l.cookie}, {"X-CSRF-Token", l.csrf}, {"If-Match", etag}, {"Content-Type", "application/json"}};
  auto changed = Fetch(server_->port(), "PATCH", "/api/v1/me", h, R"({"language":"sv"})");
  ASSERT_EQ(changed->status, 200) << changed->body;
  EXPECT_EQ(boost::json::parse(changed->body).at("language").as_string(), "sv");
  ExpectProblem(Fetch(server_->port(), "PATCH", "/api/v1/me", h, R"({"language":"de"})"), 412);
}

TEST_F(IdentityApiTest, PasswordResetByEmailWorksOnceEvenWhenUsedTwiceAtOnce) {
  Login before = LogIn();
  auto asked = server_->PostJson("/api/v1/auth/password-reset", R"({"email":"AINO@example.fi"})");
  EXPECT_EQ(asked->status, 202);
  auto unknown = server_->PostJson("/api/v1/auth/password-reset", R"({"email":"nobody@example.fi"})");
  EXPECT_EQ(unknown->status, 202);
  EXPECT_EQ(unknown->body, asked->body) << "the same answer for an address without an account";
  ASSERT_TRUE(sink_.WaitFor(2, std::chrono::seconds(10)));  // the verification e-mail, then the reset link
  auto mail = sink_.Messages().back();
  EXPECT_EQ(mail.to, std::vector<std::string>{"aino@example.fi"});
  auto at = mail.data.find("#token=");
  ASSERT_NE(at, std::string::npos) << mail.data;
  std::string token = mail.data.substr(at + 7, 43);
  EXPECT_NE(mail.data.find("Voit vaihtaa salasanasi"), std::string::npos) << "in Aino's language";

  std::barrier start(2);
  std::vector<int> statuses(2);
  auto confirm = [&](int i) {
    start.arrive_and_wait();
    statuses[static_cast<std::size_t>(i)] =
        server_
            ->PostJson("/api/v1/auth/password-reset/confirm",
                       R"({"token":")" + token + R"(","password":"uusi-kesä-mökki-järvi-)" + std::to_string(i) + "\"}")
            ->status;
  };
  std::thread t1(confirm, 0), t2(confirm, 1);
  t1.join();
  t2.join();
  std::sort(statuses.begin(), statuses.end());
  EXPECT_EQ(statuses, (std::vector<int>{204, 409}));
  ExpectProblem(Call("GET", "/api/v1/me", before), 401);  // a new password ends every session
}

TEST_F(IdentityApiTest, NoSecretAppearsInAnyLogLine) {
  Login l = LogIn();
  ASSERT_EQ(Call("GET", "/api/v1/me", l)->status, 200);
  // A second factor: its secret, a code, the recovery codes and the log-in's mfa_token.
  auto start = Call("POST", "/api/v1/me/mfa/totp", l, true, std::string(R"({"password":")") + kPassword + "\"}");
  ASSERT_EQ(start->status, 201);
  std::string totp_secret(boost::json::parse(start->body).at("secret").as_string());
  std::string code = DemoWorld::TotpNow(totp_secret);
  auto confirm = Call("POST", "/api/v1/me/mfa/totp/confirm", l, true, R"({"code":")" + code + "\"}");
  ASSERT_EQ(confirm->status, 200);
  std::string recovery(boost::json::parse(confirm->body).at("recovery_codes").at(0).as_string());
  auto first = RawLogin(kPassword);
  std::string mfa_token(boost::json::parse(first->body).at("mfa_token").as_string());
  auto second = server_->PostJson("/api/v1/auth/login/mfa",
                                  R"({"mfa_token":")" + mfa_token + R"(","recovery_code":")" + recovery + "\"}");
  ASSERT_EQ(second->status, 200) << second->body;
  (void)RawLogin("Wrong-Canary-Password-X9");
  ASSERT_EQ(server_->PostJson("/api/v1/auth/password-reset", R"({"email":"aino@example.fi"})")->status, 202);
  ASSERT_TRUE(sink_.WaitFor(2, std::chrono::seconds(10)));
  std::string data = sink_.Messages().back().data;
  std::string reset_token = data.substr(data.find("#token=") + 7, 43);
  auto stopped = server_->StopWith(SIGTERM, std::chrono::seconds(10));
  ASSERT_EQ(stopped, 0) << server_->Output().substr(server_->Output().size() > 3000 ? server_->Output().size() - 3000
                                                                                    : 0);
  std::string log = server_->Output();
  ASSERT_NE(log.find("\"event\":\"login\""), std::string::npos) << "the log was captured";
  for (const std::string& secret :
       {std::string(kPassword), std::string("Wrong-Canary-Password-X9"), l.cookie.substr(l.cookie.find('=') + 1),
        l.csrf, reset_token, std::string(kAdminToken), totp_secret, code, recovery, mfa_token}) {
    EXPECT_EQ(log.find(secret), std::string::npos) << "a secret is in the log: " << secret;
  }
}

TEST_F(IdentityApiTest, OnlyPlatformAdminsCreateAccounts) {
  Login aino = LogIn();
  ExpectProblem(Call("POST", "/api/v1/users", aino, true, R"({"email":"x@example.fi","name":"X"})"), 403);
  ExpectProblem(server_->PostJson("/api/v1/users", R"({"email":"x@example.fi","name":"X"})"), 401);
}

}  // namespace
}  // namespace allmende::testing

namespace allmende::testing {
namespace {

TEST(ForwardedFor, BehindAProxyThrottlingCountsEachClientAddress) {
  TestServer server({.args = {"--set", "server.trust_forwarded_for=true"}});
  ASSERT_TRUE(server.started());
  auto attempt = [&](const std::string& email, const std::string& client) {
    return server
        .PostJson("/api/v1/auth/login", R"({"email":")" + email + R"(","password":"wrong-password-x"})",
                  {{"X-Forwarded-For", "198.51.100.7, " + client}})
        ->status;
  };
  // One client address tries ten accounts: the eleventh attempt from it is refused ...
  for (int i = 0; i < 10; ++i) ASSERT_EQ(attempt("user" + std::to_string(i) + "@example.fi", "203.0.113.5"), 401);
  EXPECT_EQ(attempt("user99@example.fi", "203.0.113.5"), 429);
  // ... while another client behind the same proxy is not held up.
  EXPECT_EQ(attempt("user99@example.fi", "203.0.113.6"), 401);
}

}  // namespace
}  // namespace allmende::testing
