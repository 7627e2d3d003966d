// Crash test of order creation: concurrent clients create orders with idempotency keys while the
// server is SIGKILLed at random moments and restarted on the same database; every client retries
// its request with the same key until it is answered. Afterwards every order that got a 2xx
// exists exactly once and no key made two orders.
//   ALLMENDE_CRASH_ORDERS   orders in all (default 800; bench/orders.sh runs 20,000)
//   ALLMENDE_CRASH_CLIENTS  concurrent clients (default 32)
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <boost/json.hpp>
#include <cstdlib>
#include <iostream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "api_helpers.hpp"
#include "demo_world.hpp"

namespace allmende::testing {
namespace {

int EnvInt(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::atoi(v) : fallback;
}

TEST(OrderCrash, EveryAcknowledgedOrderExistsOnceAcrossKills) {
  const int orders = EnvInt("ALLMENDE_CRASH_ORDERS", 800);
  const int clients = EnvInt("ALLMENDE_CRASH_CLIENTS", 32);
  DemoWorld w(true);
  ASSERT_TRUE(w.server().started());
  Session sari = w.SignIn("sari.tilaaja");
  const std::string aino = w.UserId("aino.virtanen"), welfare = w.OrgId("Pirkanmaan hyvinvointialue");
  const std::string before = w.Id("SELECT COUNT(*) FROM orders");
  const std::string body =
      R"({"client_id":")" + aino + R"(","origin":"purchaser","purchaser_id":")" + welfare +
      R"(","category":"cleaning","municipality_code":"fi-837","language":"fi","address":"Insinöörinkatu 48 B 17",)"
      R"("schedule":{"start_date":")" +
      DaysAhead(3) + R"("},"duration_minutes":60})";

  // The server of the moment; the killer replaces it.
  std::mutex mu;
  std::unique_ptr<TestServer> current;
  std::atomic<int> port{w.port()};
  std::atomic<bool> done{false};
  std::atomic<int> kills{0};
  std::thread killer([&] {
    std::mt19937 rng(20261127);
    bool first = true;
    while (!done) {
      std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(300, 1500)(rng)));
      if (done) break;
      std::lock_guard lock(mu);
      if (first) {
        w.server().StopWith(SIGKILL, std::chrono::seconds(10));
        first = false;
      } else {
        current->StopWith(SIGKILL, std::chrono::seconds(10));
      }
      ++kills;
      current = std::make_unique<TestServer>(ServerOptions{.args = {"--set", "demo.mode=true"}, .database = &w.db()});
      port = current->started() ? current->port() : 0;
    }
  });

  std::mutex results_mu;
  std::map<std::string, std::string> acknowledged;  // idempotency key → order id
  std::atomic<int> unexpected{0};
  std::vector<std::thread> workers;
  for (int k = 0; k < clients; ++k) {
    workers.emplace_back([&, k] {
      for (int i = k; i < orders; i += clients) {
        const std::string key = "crash-" + std::to_string(i);
        for (int attempt = 0; attempt < 2000; ++attempt) {
          auto r = Fetch(port.load(), "POST", "/api/v1/orders",
                         {{"Cookie", sari.cookie},
                          {"X-CSRF-Token", sari.csrf},
                          {"Content-Type", "application/json"},
                          {"Idempotency-Key", key}},
                         body);
          if (r && (r->status == 201 || r->status == 200)) {
            std::string id(boost::json::parse(r->body).at("id").as_string());
            std::lock_guard lock(results_mu);
            acknowledged[key] = id;
            break;
          }
          if (r && r->status >= 400 && r->status < 500 && r->status != 409 && r->status != 429) {
            ++unexpected;
            std::cerr << "unexpected " << r->status << " " << r->body.substr(0, 200) << "\n";
            break;
          }
          std::this_thread::sleep_for(std::chrono::milliseconds(20));  // down or busy: retry, same key
        }
      }
    });
  }
  for (auto& t : workers) t.join();
  done = true;
  killer.join();
  std::lock_guard lock(mu);
  EXPECT_EQ(unexpected.load(), 0);
  EXPECT_EQ(static_cast<int>(acknowledged.size()), orders) << "every order was answered in the end";
  std::set<std::string> ids;
  for (const auto& [key, id] : acknowledged) ids.insert(id);
  EXPECT_EQ(ids.size(), acknowledged.size()) << "no two keys were answered with one order";
  const int created = std::stoi(w.Id("SELECT COUNT(*) FROM orders")) - std::stoi(before);
  EXPECT_EQ(created, orders) << "each key made exactly one order";
  int missing = 0;
  for (const auto& id : ids) missing += w.Id("SELECT COUNT(*) FROM orders WHERE id = '" + id + "'") != "1";
  EXPECT_EQ(missing, 0);
  std::cout << "order crash test: " << orders << " orders from " << clients << " clients, " << kills.load()
            << " kills, " << created << " orders created, " << unexpected.load() << " unexpected answers\n";
}

}  // namespace
}  // namespace allmende::testing
