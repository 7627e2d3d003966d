// A copy of the database holds no usable secret: a reset link is sealed in the outbox and gone
// once sent (defect 3), a second-factor secret is sealed (defect 12), and `allmende rotate-key`
// re-seals everything with a new key that the restarted server uses.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "demo_world.hpp"
#include "problem_assertions.hpp"
#include "smtp_sink.hpp"

namespace allmende::testing {
namespace {

// Every byte of the database's files on disk (SQLite: the file and its WAL); on PostgreSQL the
// rows themselves, as text.
std::string Everything(const TestDatabase& db) {
  if (TestBackend() == "postgresql") {
    return db.Execute("SELECT string_agg(coalesce(body, '') || subject, '|') FROM outbox_messages") +
           db.Execute(
               "SELECT string_agg(coalesce(totp_secret, '') || coalesce(totp_pending_secret, ''), '|') "
               "FROM users");
  }
  std::string dir = db.Args().at(1), out;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().filename().string().rfind("allmende.db", 0) != 0) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    out += bytes.str();
  }
  return out;
}

std::string TotpAt(const std::string& secret, std::time_t at) {
  oath_init();
  char* key = nullptr;
  size_t size = 0;
  oath_base32_decode(secret.data(), secret.size(), &key, &size);
  char code[7] = {};
  oath_totp_generate(key, size, at, 30, 0, 6, code);
  free(key);
  return code;
}

bool WaitFor(const std::function<bool()>& done) {
  for (auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
       std::chrono::steady_clock::now() < deadline; std::this_thread::sleep_for(std::chrono::milliseconds(50))) {
    if (done()) return true;
  }
  return false;
}

TEST(SecretsAtRest, AResetLinkIsSealedInTheOutboxAndGoneOnceSent) {
  SmtpSink sink;
  TestDatabase db;
  {
    // No mail server yet: the message waits in the outbox, and its link with it.
    TestServer server({.database = &db});
    ASSERT_TRUE(server.started());
    ASSERT_EQ(server
                  .PostJson("/api/v1/users",
                            R"({"email":"aino@example.fi","name":"Aino","password":"kesä-mökki-järvi-sauna"})",
                            {{"Authorization", std::string("Bearer ") + kAdminToken}})
                  ->status,
              201);
    ASSERT_EQ(server.PostJson("/api/v1/auth/password-reset", R"({"email":"aino@example.fi"})")->status, 202);
    std::string body = db.Execute(
        "SELECT body FROM outbox_messages WHERE subject NOT LIKE '%Tervetuloa%' "
        "AND recipient = 'aino@example.fi' ORDER BY created_at DESC LIMIT 1");
    EXPECT_EQ(body.rfind("enc1:", 0), 0u) << body;
    EXPECT_EQ(body.find("token="), std::string::npos);
    ASSERT_TRUE(server.StopWith(SIGTERM, std::chrono::seconds(10)));
  }
  // The mail server is back: the link is delivered, and afterwards it is nowhere in the database.
  TestServer server({.args = {"--set", "mail.smtp_url=" + sink.url(), "--set", "mail.poll_ms=50"}, .database = &db});
  ASSERT_TRUE(server.started());
  std::string token;
  ASSERT_TRUE(WaitFor([&] {
    for (const auto& m : sink.Messages()) {
      auto at = m.data.find("#token=");
      if (at != std::string::npos) token = m.data.substr(at + 7, 43);
    }
    return !token.empty();
  }));
  ASSERT_TRUE(
      WaitFor([&] { return db.Execute("SELECT count(*) FROM outbox_messages WHERE status = 'pending'") == "0"; }));
  EXPECT_EQ(db.Execute("SELECT count(*) FROM outbox_messages WHERE status = 'sent' AND body <> ''"), "0")
      << "a sent message keeps no body";
  ASSERT_TRUE(server.StopWith(SIGTERM, std::chrono::seconds(10)));  // SQLite folds its WAL into the file
  EXPECT_EQ(Everything(db).find(token), std::string::npos) << "the reset link's secret is in the database";
}

TEST(SecretsAtRest, ASecondFactorSecretIsSealedAndRotatingTheKeyKeepsItWorking) {
  DemoWorld world(false);
  auto enrolled = world.SignInWithNewSecondFactor("mikko.neuvoja");
  ASSERT_FALSE(enrolled.secret.empty());
  std::string stored = world.db().Execute("SELECT totp_secret FROM users WHERE email = 'mikko.neuvoja@allmende.demo'");
  EXPECT_EQ(stored.rfind("enc1:", 0), 0u) << stored;
  EXPECT_EQ(stored.find(enrolled.secret), std::string::npos);
  ASSERT_TRUE(world.server().StopWith(SIGTERM, std::chrono::seconds(10)));
  EXPECT_EQ(Everything(world.db()).find(enrolled.secret), std::string::npos) << "the TOTP secret is in clear";

  std::vector<std::string> rotate{"rotate-key"};
  for (const auto& a : world.db().Args()) rotate.push_back(a);
  auto [code, output] = RunBinary(rotate);
  ASSERT_EQ(code, 0) << output;
  EXPECT_NE(output.find("users.totp_secret: 1 re-sealed"), std::string::npos) << output;
  std::string resealed =
      world.db().Execute("SELECT totp_secret FROM users WHERE email = 'mikko.neuvoja@allmende.demo'");
  EXPECT_NE(resealed.substr(0, 14), stored.substr(0, 14)) << "sealed with the new key now";

  // The restarted server opens it with the new key: Mikko signs in with his code.
  TestServer again({.args = {"--set", "demo.mode=false"}, .database = &world.db()});
  ASSERT_TRUE(again.started());
  auto login =
      again.PostJson("/api/v1/auth/login",
                     std::string(R"({"email":"mikko.neuvoja@allmende.demo","password":")") + kDemoPassword + "\"}");
  ASSERT_EQ(login->status, 200) << login->body;
  std::string mfa_token(boost::json::parse(login->body).at("mfa_token").as_string());
  // The code of the next 30-second step: the one of enrolment's step is used up.
  auto second = again.PostJson("/api/v1/auth/login/mfa", R"({"mfa_token":")" + mfa_token + R"(","code":")" +
                                                             TotpAt(enrolled.secret, std::time(nullptr) + 30) + "\"}");
  EXPECT_EQ(second->status, 200) << second->body;
}

}  // namespace
}  // namespace allmende::testing
