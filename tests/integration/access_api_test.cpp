// Second factor, client records, the access log and API tokens over real HTTP, on the demo world.
#include "demo_world.hpp"
#include "problem_assertions.hpp"

namespace allmende::testing {
namespace {

class AccessApiTest : public ::testing::Test {
 protected:
  DemoWorld world_{false};  // not demo mode: staff need a second factor
  std::string aino_ = world_.UserId("aino.virtanen");
  std::string ebba_ = world_.UserId("ebba.lindqvist");
  std::string AccessCount(const std::string& client) {
    return world_.db().Execute("SELECT count(*) FROM access_log WHERE client_id = '" + client + "'");
  }
};

TEST_F(AccessApiTest, AdvisorNeedsASecondFactorAndEachReadOfTheRecordLeavesOneEntryTheClientSees) {
  Session mikko = world_.SignIn("mikko.neuvoja");
  auto me = boost::json::parse(world_.Call(mikko, "GET", "/api/v1/me")->body).as_object();
  EXPECT_EQ(me["mfa"].at("required"), true);
  EXPECT_EQ(me["mfa"].at("enabled"), false);
  auto blocked = world_.Call(mikko, "GET", "/api/v1/clients/" + aino_);
  ASSERT_EQ(blocked->status, 403);
  EXPECT_NE(blocked->body.find("urn:allmende:problem:mfa-required"), std::string::npos) << blocked->body;

  // Binding an authenticator needs the password again, not just the session.
  EXPECT_EQ(
      FieldErrors(
          ExpectProblem(world_.Call(mikko, "POST", "/api/v1/me/mfa/totp", R"({"password":"not the password"})"), 422))
          .at(0)
          .substr(0, 9),
      "password:");
  auto start =
      world_.Call(mikko, "POST", "/api/v1/me/mfa/totp", std::string(R"({"password":")") + kDemoPassword + "\"}");
  ASSERT_EQ(start->status, 201);
  std::string secret(boost::json::parse(start->body).at("secret").as_string());
  EXPECT_EQ(
      FieldErrors(ExpectProblem(world_.Call(mikko, "POST", "/api/v1/me/mfa/totp/confirm", R"({"code":"000000"})"), 422))
          .at(0)
          .substr(0, 5),
      "code:");
  const std::string first_code = DemoWorld::TotpNow(secret);
  auto confirm = world_.Call(mikko, "POST", "/api/v1/me/mfa/totp/confirm", R"({"code":")" + first_code + "\"}");
  ASSERT_EQ(confirm->status, 200) << confirm->body;
  auto codes = boost::json::parse(confirm->body).at("recovery_codes").as_array();
  ASSERT_EQ(codes.size(), 10u);
  EXPECT_EQ(world_.db().Execute("SELECT count(*) FROM outbox_messages WHERE recipient = 'mikko.neuvoja@allmende.demo' "
                                "AND subject LIKE '%Kaksivaiheinen%'"),
            "1")
      << "Mikko is told, in Finnish, that an authenticator was linked";

  // The same session is now verified: one read, one entry, with the purpose Mikko gave.
  std::string before = AccessCount(aino_);
  auto read =
      world_.Call(mikko, "GET", "/api/v1/clients/" + aino_, "", {{"X-Access-Purpose", "Kotikäynnin valmistelu"}});
  ASSERT_EQ(read->status, 200) << read->body;
  auto record = boost::json::parse(read->body).as_object();
  EXPECT_EQ(record["name"], "Aino Virtanen");
  EXPECT_EQ(record["relations"].as_array().size(), 2u);
  EXPECT_EQ(std::stoi(AccessCount(aino_)), std::stoi(before) + 1);

  Session aino = world_.SignIn("aino.virtanen");
  auto log = world_.Call(aino, "GET", "/api/v1/me/access-log?limit=1");
  ASSERT_EQ(log->status, 200);
  auto page = boost::json::parse(log->body).as_object();
  auto newest = page["items"].as_array().at(0).as_object();
  EXPECT_EQ(newest["actor_name"], "Mikko Neuvoja");
  EXPECT_EQ(newest["actor_role"], "advisor");
  EXPECT_EQ(newest["organization_name"], "Kotitori Pirkanmaa");
  EXPECT_EQ(newest["action"], "client.read");
  EXPECT_EQ(newest["purpose"], "Kotikäynnin valmistelu");
  EXPECT_FALSE(page["next_cursor"].is_null()) << "the seed's first look is on the next page";
  EXPECT_EQ(std::stoi(AccessCount(aino_)), std::stoi(before) + 1) << "the client's own look is not an access";

  // Her daughter may look too (and that look is recorded); another client may not.
  Session liisa = world_.SignIn("liisa.virtanen");
  EXPECT_EQ(world_.Call(liisa, "GET", "/api/v1/me/access-log?client_id=" + aino_)->status, 200);
  EXPECT_EQ(std::stoi(AccessCount(aino_)), std::stoi(before) + 2);
  Session ebba = world_.SignIn("ebba.lindqvist");
  EXPECT_EQ(world_.Call(ebba, "GET", "/api/v1/me/access-log?client_id=" + aino_)->status, 403);
  EXPECT_EQ(world_.Call(ebba, "GET", "/api/v1/clients/" + aino_)->status, 403);

  // Next log-in asks for the second factor; a used code and a used recovery code fail.
  auto first = world_.LogIn("mikko.neuvoja@allmende.demo");
  ASSERT_EQ(first->status, 200);
  EXPECT_TRUE(first->Header("set-cookie").empty());
  std::string token(boost::json::parse(first->body).at("mfa_token").as_string());
  auto mfa = [&](const std::string& field, const std::string& value) {
    return Fetch(world_.port(), "POST", "/api/v1/auth/login/mfa", {{"Content-Type", "application/json"}},
                 R"({"mfa_token":")" + token + R"(",")" + field + R"(":")" + value + "\"}");
  };
  // The code used to set up never works again (whether or not a new 30-second step has begun).
  EXPECT_EQ(mfa("code", first_code)->status, 422) << "a TOTP code works once";
  std::string recovery(codes[0].as_string());
  auto second = mfa("recovery_code", recovery);
  ASSERT_EQ(second->status, 200) << second->body;
  EXPECT_FALSE(second->Header("set-cookie").empty());
  auto again = world_.LogIn("mikko.neuvoja@allmende.demo");
  token = std::string(boost::json::parse(again->body).at("mfa_token").as_string());
  EXPECT_EQ(mfa("recovery_code", recovery)->status, 422) << "a recovery code works once";

  // On Aino's behalf Mikko may let someone order services, but not make himself her delegate,
  // nor give more than "services". Whether the address is staff of the region is not told here:
  // the invitation to Sari is answered like any other, and refused when she opens the link
  // (delegations_api_test).
  const std::string grant = "/api/v1/clients/" + aino_ + "/delegations";
  EXPECT_EQ(
      FieldErrors(ExpectProblem(world_.Call(mikko, "POST", grant,
                                            R"({"delegate_email":"mikko.neuvoja@allmende.demo","scope":"services"})"),
                                422))
          .at(0)
          .substr(0, 15),
      "delegate_email:");
  EXPECT_EQ(world_.Call(mikko, "POST", grant, R"({"delegate_email":"sari.tilaaja@allmende.demo","scope":"services"})")
                ->status,
            201);
  EXPECT_EQ(FieldErrors(ExpectProblem(world_.Call(mikko, "POST", grant,
                                                  R"({"delegate_email":"ebba.lindqvist@allmende.demo","scope":"all"})"),
                                      422))
                .at(0)
                .substr(0, 6),
            "scope:");
  auto granted =
      world_.Call(mikko, "POST", grant, R"({"delegate_email":"jonas.mitarbeiter@allmende.demo","scope":"services"})");
  EXPECT_EQ(granted->status, 201) << granted->body;

  // The chain holds; an edit made behind the server's back is found.
  auto verify = [&] {
    std::vector<std::string> args{"verify-access-log"};
    for (const auto& a : world_.db().Args()) args.push_back(a);
    return RunBinary(args);
  };
  auto [ok_rc, ok_out] = verify();
  EXPECT_EQ(ok_rc, 0) << ok_out;
  EXPECT_NE(ok_out.find("every chain is intact"), std::string::npos) << ok_out;
  if (TestBackend() == "postgresql") {
    world_.db().Execute("ALTER TABLE access_log DISABLE TRIGGER access_log_append_only");
  } else {
    world_.db().Execute("DROP TRIGGER access_log_no_update");
  }
  world_.db().Execute("UPDATE access_log SET purpose = 'nothing happened' WHERE client_id = '" + aino_ + "'");
  auto [bad_rc, bad_out] = verify();
  EXPECT_EQ(bad_rc, 1) << bad_out;
  EXPECT_NE(bad_out.find("BROKEN chain"), std::string::npos) << bad_out;
}

TEST_F(AccessApiTest, ProviderAdminMakesAScopedTokenThatActsForTheOrganizationUntilRevoked) {
  auto jussi = world_.SignInWithNewSecondFactor("jussi.siivous");
  std::string provider = world_.OrgId("Hervannan Kotisiivous Oy");
  std::string welfare = world_.OrgId("Pirkanmaan hyvinvointialue");
  const std::string path = "/api/v1/organizations/" + provider + "/tokens";
  auto bad =
      world_.Call(jussi.session, "POST", path, R"({"name":"ERP","scopes":["everything"],"expires_in_days":400})");
  EXPECT_EQ(FieldErrors(ExpectProblem(bad, 422)).size(), 2u);
  auto created =
      world_.Call(jussi.session, "POST", path,
                  R"({"name":"Toiminnanohjaus","scopes":["members.read","clients.read"],"expires_in_days":30})");
  ASSERT_EQ(created->status, 201) << created->body;
  auto t = boost::json::parse(created->body).as_object();
  std::string secret(t["token"].as_string());
  std::string id(t["id"].as_string());
  ASSERT_EQ(secret.substr(0, 4), "alm_");
  auto bearer = [&](const std::string& p) {
    return Fetch(world_.port(), "GET", p, {{"Authorization", "Bearer " + secret}});
  };
  EXPECT_EQ(bearer("/api/v1/organizations/" + provider + "/members")->status, 200);
  EXPECT_EQ(bearer("/api/v1/organizations/" + welfare + "/members")->status, 403);
  EXPECT_EQ(bearer("/api/v1/clients/" + aino_)->status, 200) << "Aino is served by this provider";
  EXPECT_EQ(bearer("/api/v1/clients/" + ebba_)->status, 403);
  EXPECT_EQ(bearer(path)->status, 403) << "a token cannot manage tokens";

  auto list = world_.Call(jussi.session, "GET", path);
  ASSERT_EQ(list->status, 200);
  auto item = boost::json::parse(list->body).at("items").as_array().at(0).as_object();
  EXPECT_FALSE(item.contains("token")) << "shown once";
  EXPECT_FALSE(item["last_used_at"].is_null());
  EXPECT_EQ(std::string(item["prefix"].as_string()), secret.substr(0, 12));

  Session aino = world_.SignIn("aino.virtanen");
  auto log = boost::json::parse(world_.Call(aino, "GET", "/api/v1/me/access-log?limit=1")->body);
  EXPECT_EQ(log.at("items").as_array().at(0).at("actor_name"), "Toiminnanohjaus");
  EXPECT_EQ(log.at("items").as_array().at(0).at("actor_role"), "api_token");

  EXPECT_EQ(world_.Call(jussi.session, "DELETE", path + "/" + id)->status, 204);
  EXPECT_EQ(bearer("/api/v1/organizations/" + provider + "/members")->status, 401);
  EXPECT_EQ(world_.Call(jussi.session, "DELETE", path + "/" + id)->status, 409);
  EXPECT_EQ(
      world_.db().Execute("SELECT count(*) FROM api_tokens WHERE token_hash LIKE '%" + secret.substr(4, 10) + "%'"),
      "0")
      << "only a digest is stored";
}

}  // namespace
}  // namespace allmende::testing

namespace allmende::testing {
namespace {

TEST(Validation, EveryEndpointThatTakesAPhoneOrANameChecksItTheSameWay) {
  DemoWorld world(true);
  const std::string aino = world.UserId("aino.virtanen");
  Session s = world.SignIn("aino.virtanen");
  auto version = [&](const std::string& path) {
    auto r = world.Call(s, "GET", path);
    return "\"" + std::to_string(boost::json::parse(r->body).at("version").as_int64()) + "\"";
  };
  // Her own profile and her client record: one rule, one message, one stored form.
  for (const std::string& path : std::vector<std::string>{"/api/v1/me", "/api/v1/clients/" + aino}) {
    auto bad = world.Call(s, "PATCH", path, R"({"phone":"040 123 4567"})", {{"If-Match", version(path)}});
    EXPECT_EQ(FieldErrors(ExpectProblem(bad, 422)),
              (std::vector<std::string>{
                  "phone: must be a phone number in international form with its country code, e.g. +358 40 123 4567"}))
        << path;
    auto good = world.Call(s, "PATCH", path, R"({"phone":"+358 40 123 4567"})", {{"If-Match", version(path)}});
    ASSERT_EQ(good->status, 200) << path << " " << good->body;
    EXPECT_EQ(boost::json::parse(good->body).at("phone"), "+358401234567") << path;
    std::string long_name;
    for (int i = 0; i < 150; ++i) long_name += "ä";  // 150 characters, 300 bytes
    auto named = world.Call(s, "PATCH", path, R"({"name":")" + long_name + "\"}", {{"If-Match", version(path)}});
    EXPECT_EQ(named->status, 200) << path << ": a name is counted in characters, not bytes";
  }
}

}  // namespace
}  // namespace allmende::testing

namespace allmende::testing {
namespace {

TEST(IoThreadRoutes, HealthMetricsAndTheDocumentNeverAuthenticateButLiveUpdatesDo) {
  DemoWorld world(true);
  Session s = world.SignIn("aino.virtanen");
  const std::string long_ago = "2000-01-01T00:00:00.000Z";
  // Authenticating a session more than a minute after its last use writes its new deadline: a
  // route that authenticated would leave a trace here.
  world.db().Execute("UPDATE sessions SET last_seen_at = '" + long_ago + "'");
  for (const char* path : {"/healthz", "/metrics", "/api/v1/openapi.json"}) {
    auto r = world.Call(s, "GET", path);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << path;
  }
  EXPECT_EQ(world.db().Execute("SELECT count(*) FROM sessions WHERE last_seen_at = '" + long_ago + "'"), "1")
      << "a route on the I/O thread read or wrote the session";
  // Live updates need a person: authenticated, on a worker.
  EXPECT_EQ(Fetch(world.port(), "GET", "/api/v1/events")->status, 401);
  auto stream = HttpConnection(world.port());
  ASSERT_TRUE(stream.Send("GET /api/v1/events HTTP/1.1\r\nHost: x\r\nCookie: " + s.cookie + "\r\n\r\n"));
  ASSERT_TRUE(stream.ReadUntil("text/event-stream", std::chrono::seconds(5)));
  EXPECT_EQ(world.db().Execute("SELECT count(*) FROM sessions WHERE last_seen_at = '" + long_ago + "'"), "0");
}

}  // namespace
}  // namespace allmende::testing

namespace allmende::testing {
namespace {

// Defect 7: before, only POST /regions honoured Idempotency-Key.
TEST(Idempotency, RetriedTokenInvitationAndDelegationRequestsHappenOnce) {
  DemoWorld world(true);
  Session jussi = world.SignIn("jussi.siivous");
  const std::string provider = world.OrgId("Hervannan Kotisiivous Oy");
  auto twice = [&](const Session& s, const std::string& path, const std::string& body, const std::string& key) {
    auto first = world.Call(s, "POST", path, body, {{"Idempotency-Key", key}});
    auto second = world.Call(s, "POST", path, body, {{"Idempotency-Key", key}});
    EXPECT_EQ(first->status, second->status) << path << " " << second->body;
    EXPECT_EQ(second->Header("idempotent-replayed"), "true") << path;
    return std::make_pair(*first, *second);
  };
  auto [token, replay] = twice(jussi, "/api/v1/organizations/" + provider + "/tokens",
                               R"({"name":"ERP","scopes":["members.read"]})", "token-1");
  ASSERT_EQ(token.status, 201) << token.body;
  EXPECT_TRUE(boost::json::parse(token.body).at("token").is_string());
  EXPECT_TRUE(boost::json::parse(replay.body).at("token").is_null()) << "the secret is shown once";
  EXPECT_EQ(world.db().Execute("SELECT count(*) FROM api_tokens WHERE name = 'ERP' AND revoked_at IS NULL"), "1");

  twice(jussi, "/api/v1/organizations/" + provider + "/invitations",
        R"({"email":"uusi@example.fi","role":"provider_worker"})", "invite-1");
  EXPECT_EQ(world.db().Execute("SELECT count(*) FROM outbox_messages WHERE recipient = 'uusi@example.fi'"), "1");
  EXPECT_EQ(world.db().Execute("SELECT count(*) FROM invitations WHERE email = 'uusi@example.fi'"), "1");

  Session aino = world.SignIn("aino.virtanen");
  twice(aino, "/api/v1/me/delegations", R"({"delegate_email":"ystava@example.fi","scope":"services"})", "grant-1");
  EXPECT_EQ(world.db().Execute("SELECT count(*) FROM outbox_messages WHERE recipient = 'ystava@example.fi'"), "1");
}

}  // namespace
}  // namespace allmende::testing
