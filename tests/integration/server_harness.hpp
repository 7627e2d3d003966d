// Starts the real `allmende serve` on a free port with a fresh data folder and stops it.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "http_client.hpp"

namespace allmende::testing {

inline constexpr const char* kAdminToken = "integration-admin-token-0123456789";

// The backend these tests run against: ALLMENDE_TEST_BACKEND=sqlite (default) or postgresql, the
// latter on the server at ALLMENDE_TEST_POSTGRES_URL (scripts/test.sh starts one).
std::string TestBackend();

// A fresh database for one test: a data folder, and on PostgreSQL a database of its own, dropped
// again at the end. Several servers in turn may use one (restart tests).
class TestDatabase {
 public:
  explicit TestDatabase(const std::string& name = "db");
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  // Flags that point the binary at this database: --data DIR [--database URL].
  std::vector<std::string> Args() const;
  const std::string& data_dir() const { return data_dir_; }
  // Runs SQL directly on the database, beside the server (for fault injection and checks).
  // Returns the first column of the first row, or the error text prefixed with "ERROR: ".
  std::string Execute(const std::string& sql) const;

 private:
  std::string data_dir_;
  std::string url_;  // PostgreSQL only
  std::string name_;
};

struct ServerOptions {
  std::vector<std::string> args = {};                         // extra flags for `serve`
  std::vector<std::pair<std::string, std::string>> env = {};  // extra environment
  const TestDatabase* database = nullptr;                     // null: a fresh one
};

class TestServer {
 public:
  // Starts the server and waits (up to 30 s) until it listens; check started().
  explicit TestServer(ServerOptions options = {});
  ~TestServer();  // kills the server if it still runs, removes a fresh data folder
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  bool started() const { return port_ > 0; }
  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  const TestDatabase& database() const { return *database_; }
  // Everything the server wrote to stdout and stderr so far.
  std::string Output() const;

  // Sends `signal` and waits up to `timeout` for the exit. Returns the exit code (128+n if
  // killed by signal n), or nullopt if it still runs.
  std::optional<int> StopWith(int signal, std::chrono::milliseconds timeout);

  std::optional<HttpResponse> Get(const std::string& path) { return Fetch(port_, "GET", path); }
  std::optional<HttpResponse> PostJson(const std::string& path, const std::string& body,
                                       std::vector<std::pair<std::string, std::string>> headers = {});

 private:
  std::unique_ptr<TestDatabase> owned_database_;
  const TestDatabase* database_ = nullptr;
  std::string work_dir_;
  pid_t pid_ = -1;
  int port_ = 0;
};

// Runs the binary with `args` to completion (at most `timeout`); returns {exit code, output}.
// One route of the server as `allmende routes` declares it.
struct DeclaredRoute {
  std::string method;
  std::string pattern;
  std::string access;  // public, signed_in, policy
  std::string action;  // the policy action of a policy route
  std::string Name() const { return method + " " + pattern; }
};
// The server's route table, from `allmende routes` on a fresh database.
std::vector<DeclaredRoute> DeclaredRoutes();

std::pair<int, std::string> RunBinary(const std::vector<std::string>& args,
                                      const std::vector<std::pair<std::string, std::string>>& env = {},
                                      std::chrono::milliseconds timeout = std::chrono::seconds(30));

// Polls `condition` until it holds or `timeout` passes; returns its last value.
template <typename F>
bool Eventually(F condition, std::chrono::seconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return condition();
}

// A new empty folder under the test temp dir.
std::string FreshDir(const std::string& name);

}  // namespace allmende::testing
