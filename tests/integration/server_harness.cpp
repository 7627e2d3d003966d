#include "server_harness.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <boost/json.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

extern char** environ;

namespace allmende::testing {
namespace {

std::atomic<int> g_counter{0};

pid_t Spawn(const std::vector<std::string>& args, const std::vector<std::pair<std::string, std::string>>& env,
            const std::string& output_file) {
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) {
    // Tests must not pick up an operator's ALLMENDE_* settings.
    if (std::string_view(*e).starts_with("ALLMENDE_")) continue;
    env_strings.emplace_back(*e);
  }
  for (const auto& [k, v] : env) env_strings.push_back(k + "=" + v);
  std::vector<char*> argv;
  std::string binary = ALLMENDE_BINARY;
  argv.push_back(binary.data());
  std::vector<std::string> arg_copies = args;
  for (auto& a : arg_copies) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);
  const pid_t parent = ::getpid();
  pid_t pid = ::fork();
  if (pid == 0) {
    // A server outlives no test binary: were the binary killed (an ASan abort, a timeout), its
    // servers would keep ports and memory until someone found them. Servers are only started from
    // the test's main thread, whose end this signal follows.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(127);
    int fd = ::open(output_file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    ::dup2(fd, 1);
    ::dup2(fd, 2);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  return pid;
}

std::optional<int> WaitExit(pid_t pid, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    int status = 0;
    pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid) {
      if (WIFEXITED(status)) return WEXITSTATUS(status);
      if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
      return -1;
    }
    if (std::chrono::steady_clock::now() > deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

std::string FreshDir(const std::string& name) {
  auto dir = std::filesystem::path(::testing::TempDir()) /
             ("allmende_it_" + std::to_string(::getpid()) + "_" + std::to_string(g_counter++) + "_" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

std::string TestBackend() {
  const char* b = std::getenv("ALLMENDE_TEST_BACKEND");
  return b && *b ? b : "sqlite";
}

TestDatabase::TestDatabase(const std::string& name) {
  data_dir_ = FreshDir(name);
  if (TestBackend() != "postgresql") return;
  const char* admin = std::getenv("ALLMENDE_TEST_POSTGRES_URL");
  if (!admin || !*admin) {
    ADD_FAILURE() << "PostgreSQL tests need ALLMENDE_TEST_POSTGRES_URL (make test starts a server and sets it)";
    return;
  }
  name_ = "allmende_it_" + std::to_string(::getpid()) + "_" + std::to_string(g_counter++);
  PGconn* conn = PQconnectdb(admin);
  PGresult* r = PQexec(conn, ("CREATE DATABASE " + name_).c_str());
  if (PQresultStatus(r) != PGRES_COMMAND_OK) ADD_FAILURE() << "CREATE DATABASE failed: " << PQerrorMessage(conn);
  PQclear(r);
  PQfinish(conn);
  std::string base(admin);
  url_ = base.substr(0, base.rfind('/') + 1) + name_;
}

TestDatabase::~TestDatabase() {
  if (!name_.empty()) {
    PGconn* conn = PQconnectdb(std::getenv("ALLMENDE_TEST_POSTGRES_URL"));
    PQclear(PQexec(conn, ("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)").c_str()));
    PQfinish(conn);
  }
  std::error_code ec;
  if (!::testing::Test::HasFailure()) std::filesystem::remove_all(data_dir_, ec);
}

std::vector<std::string> TestDatabase::Args() const {
  std::vector<std::string> args{"--data", data_dir_};
  if (!url_.empty()) {
    args.push_back("--database");
    args.push_back(url_);
  }
  return args;
}

std::string TestDatabase::Execute(const std::string& sql) const {
  std::string out;
  if (!url_.empty()) {
    PGconn* conn = PQconnectdb(url_.c_str());
    PGresult* r = PQexec(conn, sql.c_str());
    auto status = PQresultStatus(r);
    if (status == PGRES_TUPLES_OK && PQntuples(r) > 0) {
      out = PQgetvalue(r, 0, 0);
    } else if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
      out = std::string("ERROR: ") + PQerrorMessage(conn);
    }
    PQclear(r);
    PQfinish(conn);
    return out;
  }
  sqlite3* db = nullptr;
  sqlite3_open((data_dir_ + "/allmende.db").c_str(), &db);
  sqlite3_busy_timeout(db, 5000);
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    out = std::string("ERROR: ") + sqlite3_errmsg(db);
  } else {
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
      const auto* text = sqlite3_column_text(stmt, 0);
      out = text ? reinterpret_cast<const char*>(text) : "";
    } else if (rc != SQLITE_DONE) {
      out = std::string("ERROR: ") + sqlite3_errmsg(db);
    }
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

TestServer::TestServer(ServerOptions options) {
  work_dir_ = FreshDir("server");
  if (options.database) {
    database_ = options.database;
  } else {
    owned_database_ = std::make_unique<TestDatabase>("data");
    database_ = owned_database_.get();
  }
  std::string port_file = work_dir_ + "/port";
  std::vector<std::string> args{"serve", "--port", "0", "--port-file", port_file};
  for (const auto& a : database_->Args()) args.push_back(a);
  args.insert(args.end(), {"--web-root", std::string(ALLMENDE_SOURCE_DIR) + "/web/dist", "--set",
                           std::string("admin.token=") + kAdminToken});
  args.insert(args.end(), options.args.begin(), options.args.end());
  pid_ = Spawn(args, options.env, work_dir_ + "/output.log");
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    std::ifstream in(port_file);
    int port = 0;
    if (in >> port && port > 0) {
      port_ = port;
      return;
    }
    if (WaitExit(pid_, std::chrono::milliseconds(0))) {
      pid_ = -1;
      ADD_FAILURE() << "server exited during start-up:\n" << Output();
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ADD_FAILURE() << "server did not listen within 30 s:\n" << Output();
}

TestServer::~TestServer() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    (void)WaitExit(pid_, std::chrono::seconds(10));
  }
  std::error_code ec;
  if (!::testing::Test::HasFailure()) std::filesystem::remove_all(work_dir_, ec);
}

std::string TestServer::Output() const { return ReadFile(work_dir_ + "/output.log"); }

std::optional<int> TestServer::StopWith(int signal, std::chrono::milliseconds timeout) {
  if (pid_ <= 0) return std::nullopt;
  ::kill(pid_, signal);
  auto code = WaitExit(pid_, timeout);
  if (code) pid_ = -1;
  return code;
}

std::optional<HttpResponse> TestServer::PostJson(const std::string& path, const std::string& body,
                                                 std::vector<std::pair<std::string, std::string>> headers) {
  headers.emplace_back("Content-Type", "application/json");
  return Fetch(port_, "POST", path, headers, body);
}

std::pair<int, std::string> RunBinary(const std::vector<std::string>& args,
                                      const std::vector<std::pair<std::string, std::string>>& env,
                                      std::chrono::milliseconds timeout) {
  std::string dir = FreshDir("run");
  std::string out = dir + "/output.log";
  pid_t pid = Spawn(args, env, out);
  auto code = WaitExit(pid, timeout);
  if (!code) {
    ::kill(pid, SIGKILL);
    (void)WaitExit(pid, std::chrono::seconds(5));
    code = -1;
  }
  std::string text = ReadFile(out);
  std::filesystem::remove_all(dir);
  return {*code, text};
}

std::vector<DeclaredRoute> DeclaredRoutes() {
  TestDatabase db("routes");
  std::vector<std::string> args{"routes"};
  for (const auto& a : db.Args()) args.push_back(a);
  auto [code, output] = RunBinary(args);
  EXPECT_EQ(code, 0) << output;
  std::vector<DeclaredRoute> routes;
  std::istringstream lines(output);
  for (std::string line; std::getline(lines, line);) {
    if (line.find("\"pattern\"") == std::string::npos) continue;  // a log line
    auto o = boost::json::parse(line).as_object();
    routes.push_back({std::string(o["method"].as_string()), std::string(o["pattern"].as_string()),
                      std::string(o["access"].as_string()), std::string(o["action"].as_string())});
  }
  return routes;
}

}  // namespace allmende::testing
