// Starts the real `allmende serve` on a free port with a fresh data folder and stops it.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "http_client.hpp"

namespace allmende::testing {

inline constexpr const char* kAdminToken = "integration-admin-token-0123456789";

struct ServerOptions {
  std::vector<std::string> args = {};                         // extra flags for `serve`
  std::vector<std::pair<std::string, std::string>> env = {};  // extra environment
  std::string data_dir = {};                                  // empty: a fresh folder
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
  const std::string& data_dir() const { return data_dir_; }
  std::string database_path() const { return data_dir_ + "/allmende.db"; }
  // Everything the server wrote to stdout and stderr so far.
  std::string Output() const;

  // Sends `signal` and waits up to `timeout` for the exit. Returns the exit code (128+n if
  // killed by signal n), or nullopt if it still runs.
  std::optional<int> StopWith(int signal, std::chrono::milliseconds timeout);

  std::optional<HttpResponse> Get(const std::string& path) { return Fetch(port_, "GET", path); }
  std::optional<HttpResponse> PostJson(const std::string& path, const std::string& body,
                                       std::vector<std::pair<std::string, std::string>> headers = {});

 private:
  std::string data_dir_;
  std::string work_dir_;
  bool owns_data_ = false;
  pid_t pid_ = -1;
  int port_ = 0;
};

// Runs the binary with `args` to completion (at most `timeout`); returns {exit code, output}.
std::pair<int, std::string> RunBinary(const std::vector<std::string>& args,
                                      const std::vector<std::pair<std::string, std::string>>& env = {},
                                      std::chrono::milliseconds timeout = std::chrono::seconds(30));

// A new empty folder under the test temp dir.
std::string FreshDir(const std::string& name);

}  // namespace allmende::testing
