// The demo world of `allmende seed` (shared/JOURNEYS.md's people in their organizations) on a
// fresh test database, a server on it, and signing in as any of them over HTTP.
#pragma once

#include <gtest/gtest.h>
#include <liboath/oath.h>

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <memory>
#include <string>

#include "server_harness.hpp"

namespace allmende::testing {

inline constexpr const char* kDemoPassword = "demo-world-password-4711";

struct Session {
  std::string cookie;  // "allmende_session=…"
  std::string csrf;
};

class DemoWorld {
 public:
  // `serve_args`: further flags for the server (e.g. "--set", "mail.smtp_url=…"); `seed_args`:
  // for `allmende seed` (the directory's generated services cost seeding time; tests that do not
  // search ask for none).
  explicit DemoWorld(bool demo_mode, std::vector<std::string> serve_args = {},
                     std::vector<std::string> seed_args = {"--services", "0"}) {
    auto [rc, out] = RunBinary(
        [&] {
          std::vector<std::string> a{"seed"};
          for (const auto& x : db_.Args()) a.push_back(x);
          a.insert(a.end(), {"--demo-password", kDemoPassword});
          a.insert(a.end(), seed_args.begin(), seed_args.end());
          return a;
        }(),
        {}, std::chrono::seconds(60));
    EXPECT_EQ(rc, 0) << out;
    serve_args.insert(serve_args.begin(), {"--set", std::string("demo.mode=") + (demo_mode ? "true" : "false")});
    server_ = std::make_unique<TestServer>(ServerOptions{.args = std::move(serve_args), .database = &db_});
  }

  TestServer& server() { return *server_; }
  const TestDatabase& db() { return db_; }
  int port() { return server_->port(); }
  std::string Id(const std::string& sql) { return db_.Execute(sql); }
  std::string UserId(const std::string& name) {
    return Id("SELECT id FROM users WHERE email = '" + name + "@allmende.demo'");
  }
  std::string OrgId(const std::string& name) { return Id("SELECT id FROM organizations WHERE name = '" + name + "'"); }
  std::string RegionId(const std::string& code) { return Id("SELECT id FROM regions WHERE code = '" + code + "'"); }

  // As the platform admin (the bootstrap token): POST `path` with a JSON body.
  std::optional<HttpResponse> Admin(const std::string& method, const std::string& path, const std::string& body = "") {
    return Fetch(port(), method, path,
                 {{"Authorization", std::string("Bearer ") + kAdminToken}, {"Content-Type", "application/json"}}, body);
  }
  // A new organization of the region (its id), made by the platform admin.
  std::string AddOrganization(const std::string& region_id, const std::string& kind, const std::string& name) {
    auto r = Admin("POST", "/api/v1/regions/" + region_id + "/organizations",
                   R"({"kind":")" + kind + R"(","name":")" + name + R"("})");
    EXPECT_TRUE(r && r->status == 201) << (r ? r->body : "no answer");
    return r && r->status == 201 ? std::string(boost::json::parse(r->body).at("id").as_string()) : std::string();
  }
  // A new demo person `name`@allmende.demo (the demo password; no second factor in demo mode)
  // with `role` in the organization; their user id.
  std::string AddStaff(const std::string& name, const std::string& organization_id, const std::string& role) {
    auto u = Admin("POST", "/api/v1/users",
                   R"({"email":")" + name + R"(@allmende.demo","name":")" + name + R"(","password":")" + kDemoPassword +
                       R"(","language":"en"})");
    EXPECT_TRUE(u && u->status == 201) << (u ? u->body : "no answer");
    if (!u || u->status != 201) return {};
    std::string id(boost::json::parse(u->body).at("id").as_string());
    db_.Execute("UPDATE users SET demo_account = 1 WHERE id = '" + id + "'");
    db_.Execute(
        "INSERT INTO memberships (id, region_id, organization_id, user_id, role, created_at, created_by) "
        "SELECT 'mem_" +
        name + "', region_id, id, '" + id + "', '" + role +
        "', '2026-11-24T08:00:00.000Z', 'test' FROM organizations WHERE id = '" + organization_id + "'");
    return id;
  }

  // POST /api/v1/auth/login; the raw answer (a session, or an mfa_token).
  std::optional<HttpResponse> LogIn(const std::string& email, const std::string& password = kDemoPassword) {
    return Fetch(port(), "POST", "/api/v1/auth/login", {{"Content-Type", "application/json"}},
                 R"({"email":")" + email + R"(","password":")" + password + R"("})");
  }
  static Session SessionOf(const std::optional<HttpResponse>& r) {
    EXPECT_TRUE(r && r->status == 200) << (r ? r->body : "no answer");
    if (!r || r->status != 200) return {};
    std::string set = r->Header("set-cookie");
    auto doc = boost::json::parse(r->body).as_object();
    if (!doc.contains("csrf_token")) return {};
    return {set.substr(0, set.find(';')), std::string(doc.at("csrf_token").as_string())};
  }
  Session SignIn(const std::string& name) { return SessionOf(LogIn(name + "@allmende.demo")); }

  std::optional<HttpResponse> Call(const Session& s, const std::string& method, const std::string& path,
                                   const std::string& body = "",
                                   std::vector<std::pair<std::string, std::string>> headers = {}) {
    headers.emplace_back("Cookie", s.cookie);
    headers.emplace_back("X-CSRF-Token", s.csrf);
    const bool typed =
        std::any_of(headers.begin(), headers.end(), [](const auto& h) { return h.first == "Content-Type"; });
    if (!body.empty() && !typed) headers.emplace_back("Content-Type", "application/json");
    return Fetch(port(), method, path, headers, body);
  }

  // The authenticator app: the current code of a base32 secret.
  static std::string TotpNow(const std::string& secret) {
    oath_init();
    char* key = nullptr;
    size_t size = 0;
    oath_base32_decode(secret.data(), secret.size(), &key, &size);
    char code[7] = {};
    oath_totp_generate(key, size, std::time(nullptr), 30, 0, 6, code);
    std::free(key);
    return code;
  }

  // Signs in and sets up a second factor; returns the session (now verified), the secret and the
  // recovery codes.
  struct Enrolled {
    Session session;
    std::string secret;
    std::vector<std::string> recovery_codes;
  };
  Enrolled SignInWithNewSecondFactor(const std::string& name) {
    Enrolled e;
    e.session = SignIn(name);
    auto start =
        Call(e.session, "POST", "/api/v1/me/mfa/totp", std::string(R"({"password":")") + kDemoPassword + "\"}");
    EXPECT_EQ(start->status, 201) << start->body;
    e.secret = std::string(boost::json::parse(start->body).at("secret").as_string());
    auto confirm = Call(e.session, "POST", "/api/v1/me/mfa/totp/confirm", R"({"code":")" + TotpNow(e.secret) + "\"}");
    EXPECT_EQ(confirm->status, 200) << confirm->body;
    auto doc = boost::json::parse(confirm->body);
    for (const auto& c : doc.at("recovery_codes").as_array()) {
      e.recovery_codes.emplace_back(c.as_string());
    }
    return e;
  }

 private:
  TestDatabase db_;
  std::unique_ptr<TestServer> server_;
};

}  // namespace allmende::testing
