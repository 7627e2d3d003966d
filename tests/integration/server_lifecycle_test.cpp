// Start-up, health, metrics, configuration errors and graceful shutdown of the real binary.
#include <signal.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>

#include "problem_assertions.hpp"
#include "server_harness.hpp"

namespace allmende::testing {
namespace {

TEST(ServerLifecycle, HealthAndReadinessWithSecurityHeaders) {
  TestServer server;
  ASSERT_TRUE(server.started());
  auto health = server.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(health->body, R"({"status":"ok"})");
  EXPECT_EQ(health->Header("x-content-type-options"), "nosniff");
  EXPECT_NE(health->Header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(health->Header("referrer-policy"), "no-referrer");
  EXPECT_FALSE(health->Header("x-request-id").empty());
  auto ready = server.Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 200);
  EXPECT_NE(ready->body.find(TestBackend()), std::string::npos) << ready->body;
}

TEST(ServerLifecycle, ValidIncomingRequestIdIsKeptAndInvalidOneReplaced) {
  TestServer server;
  ASSERT_TRUE(server.started());
  auto kept = Fetch(server.port(), "GET", "/healthz", {{"X-Request-Id", "lb-1234.abc"}});
  EXPECT_EQ(kept->Header("x-request-id"), "lb-1234.abc");
  auto replaced = Fetch(server.port(), "GET", "/healthz", {{"X-Request-Id", "has spaces <script>"}});
  EXPECT_TRUE(replaced->Header("x-request-id").starts_with("req_"));
}

TEST(ServerLifecycle, KeepAliveServesManyRequestsOnOneConnection) {
  TestServer server;
  ASSERT_TRUE(server.started());
  HttpConnection c(server.port());
  for (int i = 0; i < 20; ++i) {
    auto r = c.Request("GET", i % 2 ? "/healthz" : "/api/v1/regions");
    ASSERT_TRUE(r) << i;
    EXPECT_EQ(r->status, 200);
  }
}

TEST(ServerLifecycle, MetricsCountRequestsPerRouteAndShowThePool) {
  TestServer server;
  ASSERT_TRUE(server.started());
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(server.Get("/api/v1/regions/reg_01JD3M5Q8Z4X9K2V7N6B5C4D3E"));
  auto m = server.Get("/metrics");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->status, 200);
  EXPECT_TRUE(m->Header("content-type").starts_with("text/plain; version=0.0.4"));
  EXPECT_NE(
      m->body.find("allmende_http_requests_total{method=\"GET\",route=\"/api/v1/regions/{id}\",status=\"404\"} 3"),
      std::string::npos)
      << m->body;
  EXPECT_NE(m->body.find("allmende_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/regions/{id}\","
                         "le=\"+Inf\"} 3"),
            std::string::npos);
  EXPECT_NE(m->body.find("allmende_db_read_connections "), std::string::npos);
}

TEST(ServerLifecycle, AccessLogIsOneJsonLinePerRequestWithoutQueryStrings) {
  TestServer server;
  ASSERT_TRUE(server.started());
  ASSERT_TRUE(server.Get("/api/v1/regions?limit=5&cursor=secret-looking-value"));
  ASSERT_EQ(server.StopWith(SIGTERM, std::chrono::seconds(10)), 0);
  std::string out = server.Output();
  auto at = out.find("\"event\":\"request\"");
  ASSERT_NE(at, std::string::npos) << out;
  std::string line = out.substr(out.rfind('\n', at) + 1, out.find('\n', at) - out.rfind('\n', at) - 1);
  auto doc = boost::json::parse(line).as_object();
  EXPECT_EQ(doc["method"].as_string(), "GET");
  EXPECT_EQ(doc["route"].as_string(), "/api/v1/regions");
  EXPECT_EQ(doc["status"].as_int64(), 422);  // the cursor is not a real one
  EXPECT_TRUE(doc["latency_ms"].is_double());
  EXPECT_EQ(out.find("secret-looking-value"), std::string::npos);
}

TEST(ServerLifecycle, InvalidConfigurationStopsStartUpNamingTheKey) {
  auto [code, output] = RunBinary({"serve", "--port", "0"}, {{"ALLMENDE_SERVER_IDLE_TIMEOUT_MS", "soon"}});
  EXPECT_EQ(code, 2);
  EXPECT_NE(output.find("server.idle_timeout_ms"), std::string::npos) << output;
  EXPECT_NE(output.find("ALLMENDE_SERVER_IDLE_TIMEOUT_MS"), std::string::npos) << output;
  auto [code2, output2] = RunBinary({"serve", "--set", "server.no_such_key=1"});
  EXPECT_EQ(code2, 2);
  EXPECT_NE(output2.find("server.no_such_key"), std::string::npos) << output2;
}

TEST(ServerLifecycle, ConfigFileIsReadAndFlagsOverrideIt) {
  std::string dir = FreshDir("config");
  std::ofstream(dir + "/allmende.toml") << "[server]\nport = 1\n[log]\nlevel = \"warn\"\n";
  // port = 1 would fail to bind (privileged); the flag overrides it with a free port.
  TestServer server({.args = {"--config", dir + "/allmende.toml"}});
  ASSERT_TRUE(server.started());
  EXPECT_EQ(server.Get("/healthz")->status, 200);
  ASSERT_EQ(server.StopWith(SIGTERM, std::chrono::seconds(10)), 0);
  // log.level = warn from the file: no info lines such as the access log.
  EXPECT_EQ(server.Output().find("\"event\":\"request\""), std::string::npos);
}

TEST(ServerLifecycle, PortInUseIsAClearStartUpError) {
  TestServer first;
  ASSERT_TRUE(first.started());
  auto [code, output] = RunBinary({"serve", "--port", std::to_string(first.port()), "--data", FreshDir("second")});
  EXPECT_EQ(code, 1);
  EXPECT_NE(output.find("Cannot listen"), std::string::npos) << output;
}

TEST(ServerLifecycle, HelpListsSubcommandsAndKeys) {
  auto [code, output] = RunBinary({"--help"});
  EXPECT_EQ(code, 0);
  EXPECT_NE(output.find("serve"), std::string::npos);
  EXPECT_NE(output.find("ALLMENDE_SERVER_PORT"), std::string::npos);
  auto [serve_code, serve_help] = RunBinary({"serve", "--help"});
  EXPECT_EQ(serve_code, 0);
  EXPECT_NE(serve_help.find("--port"), std::string::npos);
}

TEST(ServerLifecycle, MigrateAndSeedAreIdempotent) {
  TestDatabase db("seed");
  std::vector<std::string> seed{"seed"}, migrate{"migrate"};
  for (const auto& a : db.Args()) {
    seed.push_back(a);
    migrate.push_back(a);
  }
  for (int i = 0; i < 2; ++i) {
    auto [code, output] = RunBinary(seed, {{"ALLMENDE_DEMO_PASSWORD", "demo-password-for-tests"}});
    ASSERT_EQ(code, 0) << output;
    EXPECT_NE(output.find("demo log-in: aino.virtanen@allmende.demo"), std::string::npos) << output;
    auto [mcode, moutput] = RunBinary(migrate);
    ASSERT_EQ(mcode, 0) << moutput;
    // The hourly purge of idempotency keys ran between two seeds (defect 8: the next seed failed
    // with "code already used"). Seeding goes by the data's own keys now.
    db.Execute("DELETE FROM idempotency_keys");
  }
  // Each numbered migration was applied once, however often migrate and seed ran.
  std::size_t files = 0;
  for (const auto& f :
       std::filesystem::directory_iterator(std::string(ALLMENDE_SOURCE_DIR) + "/src/storage/migrations/sqlite")) {
    files += f.path().extension() == ".sql";
  }
  EXPECT_EQ(db.Execute("SELECT count(*) FROM schema_migrations"), std::to_string(files));
  // The demo people and their roles exist once, however often seed ran.
  // 21 with an account, and the second Aino Virtanen the advice desk registered without one.
  EXPECT_EQ(db.Execute("SELECT count(*) FROM users"), "22");
  // Tenancy's nine (four in the German and Danish regions), the directory's 205 providers (the
  // journeys' own and 200 generated); the German and Danish providers' one service each.
  EXPECT_EQ(db.Execute("SELECT count(*) FROM organizations"), "214");
  EXPECT_EQ(db.Execute("SELECT count(*) FROM services"), "1002");
  EXPECT_EQ(db.Execute("SELECT count(*) FROM memberships"), "13");
  EXPECT_EQ(db.Execute("SELECT count(*) FROM delegations"), "2");
  // Orders (journeys 3–6): three agreements, Aino's weekly cleaning, its previous month (delivered)
  // and her window cleaning, Greta's shopping help; Gladsaxe's agreement and Karen's weekly help;
  // Aino's voucher, Helga's relief budget and Karen's free-choice decision; each once.
  EXPECT_EQ(db.Execute("SELECT count(*) FROM framework_agreements"), "4");
  EXPECT_EQ(db.Execute("SELECT count(*) FROM orders"), "5");
  EXPECT_EQ(db.Execute("SELECT count(*) FROM visits WHERE state = 'disputed'"), "1");
  EXPECT_EQ(db.Execute("SELECT count(*) FROM grants"), "3");
  TestServer server({.database = &db});
  ASSERT_TRUE(server.started());
  auto list = server.Get("/api/v1/regions?limit=100");
  auto doc = boost::json::parse(list->body).as_object();
  EXPECT_EQ(doc["items"].as_array().size(), 4u);
  EXPECT_EQ(doc["items"].as_array()[0].at("code").as_string(), "pirkanmaa");
}

TEST(ServerLifecycle, SigtermWhenIdleExitsAtOnce) {
  TestServer server;
  ASSERT_TRUE(server.started());
  HttpConnection idle(server.port());  // an open keep-alive connection must not hold shutdown up
  ASSERT_TRUE(idle.Request("GET", "/healthz"));
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(server.StopWith(SIGTERM, std::chrono::seconds(5)), 0);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  EXPECT_TRUE(idle.WaitForClose(std::chrono::seconds(1)));
}

// SIGTERM under write load: the server exits 0 within its deadline and every write that got a
// 201 is in the database after a restart.
TEST(ServerLifecycle, SigtermUnderWriteLoadLosesNoAcknowledgedWrite) {
  TestDatabase data("sigterm");
  std::mutex mu;
  std::vector<std::string> acknowledged;
  std::vector<std::string> unexpected;
  {
    TestServer server({.args = {"--set", "server.shutdown_timeout_ms=5000"}, .database = &data});
    ASSERT_TRUE(server.started());
    std::atomic<bool> done{false};
    std::vector<std::thread> clients;
    for (int t = 0; t < 8; ++t) {
      clients.emplace_back([&, t] {
        auto conn = std::make_unique<HttpConnection>(server.port());
        for (int i = 0; !done; ++i) {
          std::string body = R"({"code":"load-)" + std::to_string(t) + "-" + std::to_string(i) +
                             R"(","name":"Load test region","country":"DK"})";
          auto r = conn->connected() ? conn->Request("POST", "/api/v1/regions",
                                                     {{"Authorization", std::string("Bearer ") + kAdminToken}}, body)
                                     : std::nullopt;
          if (!r) {
            conn = std::make_unique<HttpConnection>(server.port());
            if (!conn->connected()) return;  // the listener is gone
            continue;
          }
          std::lock_guard lock(mu);
          if (r->status == 201) {
            acknowledged.push_back(std::string(boost::json::parse(r->body).at("id").as_string()));
          } else {
            unexpected.push_back(std::to_string(r->status) + " " + r->body);
          }
          if (r->Header("connection") == "close") conn = std::make_unique<HttpConnection>(server.port());
        }
      });
    }
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    for (;;) {
      {
        std::lock_guard lock(mu);
        if (acknowledged.size() >= 300) break;
      }
      ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "too few writes";
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    auto start = std::chrono::steady_clock::now();
    auto code = server.StopWith(SIGTERM, std::chrono::seconds(7));
    auto took = std::chrono::steady_clock::now() - start;
    done = true;
    for (auto& c : clients) c.join();
    ASSERT_EQ(code, 0) << server.Output();
    EXPECT_LT(took, std::chrono::seconds(6));
    EXPECT_TRUE(unexpected.empty()) << unexpected.front();
  }
  TestServer again({.database = &data});
  ASSERT_TRUE(again.started());
  std::set<std::string> stored;
  std::string cursor;
  for (;;) {
    auto r = again.Get("/api/v1/regions?limit=100" + (cursor.empty() ? "" : "&cursor=" + cursor));
    ASSERT_TRUE(r);
    auto doc = boost::json::parse(r->body).as_object();
    for (const auto& item : doc["items"].as_array()) stored.insert(std::string(item.at("id").as_string()));
    if (doc["next_cursor"].is_null()) break;
    cursor = std::string(doc["next_cursor"].as_string());
  }
  std::size_t missing = 0;
  for (const auto& id : acknowledged) missing += stored.count(id) == 0;
  EXPECT_EQ(missing, 0u) << "of " << acknowledged.size() << " acknowledged writes";
  EXPECT_GE(stored.size(), acknowledged.size());
}

}  // namespace
}  // namespace allmende::testing
