#include "common/config.hpp"

#include <toml++/toml.h>

#include <charconv>
#include <functional>
#include <thread>

extern char** environ;

namespace allmende {
namespace {

using Setter = std::function<std::string(Config&, const std::string&)>;  // returns an error message

struct Setting {
  ConfigKey key;
  Setter set;
};

Setter IntSetter(std::int64_t min, std::int64_t max, std::function<void(Config&, std::int64_t)> apply) {
  return [=](Config& c, const std::string& text) -> std::string {
    std::int64_t v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || v < min || v > max) {
      return "must be an integer from " + std::to_string(min) + " to " + std::to_string(max) + ", got '" + text + "'";
    }
    apply(c, v);
    return "";
  };
}

Setter StringSetter(std::function<void(Config&, const std::string&)> apply, std::vector<std::string> allowed = {}) {
  return [=](Config& c, const std::string& text) -> std::string {
    if (!allowed.empty()) {
      bool found = false;
      std::string list;
      for (const auto& a : allowed) {
        found |= a == text;
        list += (list.empty() ? "" : ", ") + a;
      }
      if (!found) return "must be one of " + list + ", got '" + text + "'";
    }
    apply(c, text);
    return "";
  };
}

Setter BoolSetter(std::function<void(Config&, bool)> apply) {
  return [=](Config& c, const std::string& text) -> std::string {
    if (text == "true" || text == "1" || text == "on") {
      apply(c, true);
    } else if (text == "false" || text == "0" || text == "off") {
      apply(c, false);
    } else {
      return "must be true or false, got '" + text + "'";
    }
    return "";
  };
}

// The demo mailbox's address: the server forwards public requests there, so only this machine's
// loopback interface is accepted, never another host.
Setter LoopbackHttpUrlSetter(std::function<void(Config&, const std::string&)> apply) {
  return [=](Config& c, const std::string& text) -> std::string {
    std::string rest = text;
    if (rest.ends_with("/")) rest.pop_back();
    bool ok = text.empty();
    for (const char* host : {"http://127.0.0.1:", "http://localhost:", "http://[::1]:"}) {
      if (!rest.starts_with(host)) continue;
      std::string port = rest.substr(std::string_view(host).size());
      int v = 0;
      auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), v);
      ok = ec == std::errc() && end == port.data() + port.size() && v > 0 && v <= 65535;
    }
    if (!ok) return "must be http://127.0.0.1:<port> (or localhost, [::1]), got '" + text + "'";
    apply(c, rest);
    return "";
  };
}

std::string EnvName(const std::string& key) {
  std::string env = "ALLMENDE_";
  for (char c : key) env.push_back(c == '.' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return env;
}

const std::vector<Setting>& Settings() {
  static const std::vector<Setting> settings = [] {
    std::vector<Setting> s;
    auto add = [&s](std::string key, std::string description, Setter set) {
      s.push_back({{key, EnvName(key), std::move(description)}, std::move(set)});
    };
    constexpr std::int64_t kMaxMs = 3'600'000;
    add("server.host", "address to listen on",
        StringSetter([](Config& c, const std::string& v) { c.server.host = v; }));
    add("server.port", "TCP port; 0 picks a free one",
        IntSetter(0, 65535, [](Config& c, std::int64_t v) { c.server.port = static_cast<int>(v); }));
    add("server.io_threads", "network threads; 0 = one per core",
        IntSetter(0, 256, [](Config& c, std::int64_t v) { c.server.io_threads = static_cast<int>(v); }));
    add("server.worker_threads", "threads running handlers and database work; 0 = two per core",
        IntSetter(0, 1024, [](Config& c, std::int64_t v) { c.server.worker_threads = static_cast<int>(v); }));
    add("server.write_threads", "threads running requests that write (they wait for the shared commit)",
        IntSetter(1, 1024, [](Config& c, std::int64_t v) { c.server.write_threads = static_cast<int>(v); }));
    add("server.header_limit", "largest request head in bytes",
        IntSetter(1024, 1 << 20, [](Config& c, std::int64_t v) { c.server.header_limit = v; }));
    add("server.body_limit", "default largest request body in bytes",
        IntSetter(0, std::int64_t{1} << 32, [](Config& c, std::int64_t v) { c.server.body_limit = v; }));
    add("server.header_timeout_ms", "deadline for a request head",
        IntSetter(1, kMaxMs, [](Config& c, std::int64_t v) { c.server.header_timeout_ms = static_cast<int>(v); }));
    add("server.body_timeout_ms", "deadline for a request body",
        IntSetter(1, kMaxMs, [](Config& c, std::int64_t v) { c.server.body_timeout_ms = static_cast<int>(v); }));
    add("server.idle_timeout_ms", "keep-alive connections idle this long are closed",
        IntSetter(1, kMaxMs, [](Config& c, std::int64_t v) { c.server.idle_timeout_ms = static_cast<int>(v); }));
    add("server.shutdown_timeout_ms", "time in-flight requests get after SIGTERM",
        IntSetter(0, kMaxMs, [](Config& c, std::int64_t v) { c.server.shutdown_timeout_ms = static_cast<int>(v); }));
    add("server.web_root", "folder of the built web UI",
        StringSetter([](Config& c, const std::string& v) { c.server.web_root = v; }));
    add("server.port_file", "file the bound port is written to once listening",
        StringSetter([](Config& c, const std::string& v) { c.server.port_file = v; }));
    add("server.public_url", "how users reach the server, for links in e-mails (https://allmende.example.org)",
        StringSetter([](Config& c, const std::string& v) { c.server.public_url = v; }));
    add("server.secure_cookies", "mark cookies Secure (TLS in front of the server)",
        BoolSetter([](Config& c, bool v) { c.server.secure_cookies = v; }));
    add("server.trust_forwarded_for", "behind a reverse proxy: client address from X-Forwarded-For",
        BoolSetter([](Config& c, bool v) { c.server.trust_forwarded_for = v; }));
    add("identity.session_idle_minutes", "a session unused this long ends",
        IntSetter(1, 24 * 60,
                  [](Config& c, std::int64_t v) { c.identity.session_idle_minutes = static_cast<int>(v); }));
    add("identity.session_absolute_hours", "a session ends this long after sign-in, used or not",
        IntSetter(1, 24 * 30,
                  [](Config& c, std::int64_t v) { c.identity.session_absolute_hours = static_cast<int>(v); }));
    add("identity.max_login_failures", "failed sign-ins per account and per address in a minute before 429",
        IntSetter(1, 1000, [](Config& c, std::int64_t v) { c.identity.max_login_failures = static_cast<int>(v); }));
    add("demo.password", "password of the demo accounts that `seed` creates (demo installations only)",
        StringSetter([](Config& c, const std::string& v) { c.identity.demo_password = v; }));
    add("demo.mode", "demo installation: the demo accounts need no second factor (never in production)",
        BoolSetter([](Config& c, bool v) { c.identity.demo_mode = v; }));
    add("demo.mailbox_url",
        "demo mode: the local mailbox (allmende-mailbox) whose messages the web UI shows; http://127.0.0.1:<port>",
        LoopbackHttpUrlSetter([](Config& c, const std::string& v) { c.demo.mailbox_url = v; }));
    add("directory.search_cache_mb",
        "answers of recent searches each process keeps until the directory changes, in MiB; 0 = none",
        IntSetter(0, 16384, [](Config& c, std::int64_t v) { c.directory.search_cache_mb = v; }));
    add("clients.search_per_minute",
        "client searches a person may make a minute at the advice desk (per process); 0 = no limit",
        IntSetter(0, 1'000'000, [](Config& c, std::int64_t v) { c.clients.search_per_minute = static_cast<int>(v); }));
    add("demo.clients", "`seed`: how many clients to generate in the demo region for benchmarks (none by default)",
        IntSetter(0, 10'000'000, [](Config& c, std::int64_t v) { c.demo.clients = v; }));
    add("demo.services", "`seed`: how many services the demo region's directory gets (1,000 by default)",
        IntSetter(0, 10'000'000, [](Config& c, std::int64_t v) { c.demo.services = v; }));
    add("demo.seed", "`seed`: the directory generator's seed; the same seed gives the same directory",
        IntSetter(0, INT64_MAX, [](Config& c, std::int64_t v) { c.demo.seed = v; }));
    add("storage.field_key_file",
        "keys that seal sensitive fields at rest (created when missing; share it between processes); "
        "empty = <data_dir>/field-keys",
        StringSetter([](Config& c, const std::string& v) { c.storage.field_key_file = v; }));
    add("storage.data_dir", "folder for the SQLite database and other data",
        StringSetter([](Config& c, const std::string& v) { c.storage.data_dir = v; }));
    add("storage.database", "sqlite:///path or postgresql://user@host:port/db; empty = SQLite in data_dir",
        StringSetter([](Config& c, const std::string& v) { c.storage.database = v; }));
    add("storage.read_connections", "read connections in the pool; 0 = one per worker and write thread",
        IntSetter(0, 1024, [](Config& c, std::int64_t v) { c.storage.read_connections = static_cast<int>(v); }));
    add("storage.busy_timeout_ms", "how long a write waits for the database lock",
        IntSetter(0, kMaxMs, [](Config& c, std::int64_t v) { c.storage.busy_timeout_ms = static_cast<int>(v); }));
    add("storage.sqlite_mmap_mb",
        "SQLite: MiB of the database file read through a memory map (default 2048; SQLite caps it near 2 GiB); 0 = "
        "plain reads",
        IntSetter(0, 1 << 20, [](Config& c, std::int64_t v) { c.storage.sqlite_mmap_mb = static_cast<int>(v); }));
    add("log.level", "log level",
        StringSetter([](Config& c, const std::string& v) { c.log.level = v; },
                     {"trace", "debug", "info", "warn", "error"}));
    add("log.access_log", "one JSON line per request", BoolSetter([](Config& c, bool v) { c.log.access_log = v; }));
    add("log.file", "log to this file instead of standard output",
        StringSetter([](Config& c, const std::string& v) { c.log.file = v; }));
    add("mail.smtp_url", "SMTP server for outgoing e-mail (smtp://host:port); empty keeps e-mail in the outbox",
        StringSetter([](Config& c, const std::string& v) { c.mail.smtp_url = v; }));
    add("mail.from", "sender address of outgoing e-mail",
        StringSetter([](Config& c, const std::string& v) { c.mail.from = v; }));
    add("mail.username", "SMTP user (enables STARTTLS)",
        StringSetter([](Config& c, const std::string& v) { c.mail.username = v; }));
    add("mail.password", "SMTP password", StringSetter([](Config& c, const std::string& v) { c.mail.password = v; }));
    add("mail.lease_seconds", "how long a sender holds a message it is delivering",
        IntSetter(1, 3600, [](Config& c, std::int64_t v) { c.mail.lease_seconds = static_cast<int>(v); }));
    add("mail.poll_ms", "how often senders look for due messages",
        IntSetter(10, kMaxMs, [](Config& c, std::int64_t v) { c.mail.poll_ms = static_cast<int>(v); }));
    add("webhooks.allow_local_targets",
        "allow http:// and loopback or private-network webhook targets (tests, local demo)",
        BoolSetter([](Config& c, bool v) { c.webhooks.allow_local_targets = v; }));
    add("webhooks.retry_base_ms", "first webhook retry after this many ms, doubling up to an hour",
        IntSetter(10, kMaxMs, [](Config& c, std::int64_t v) { c.webhooks.retry_base_ms = static_cast<int>(v); }));
    add("webhooks.max_attempts", "attempts before a webhook delivery is dead-lettered",
        IntSetter(1, 100, [](Config& c, std::int64_t v) { c.webhooks.max_attempts = static_cast<int>(v); }));
    add("webhooks.timeout_ms", "how long a webhook receiver may take to answer",
        IntSetter(100, 60'000, [](Config& c, std::int64_t v) { c.webhooks.timeout_ms = static_cast<int>(v); }));
    add("webhooks.poll_ms", "how often the webhook sender looks for due deliveries",
        IntSetter(10, kMaxMs, [](Config& c, std::int64_t v) { c.webhooks.poll_ms = static_cast<int>(v); }));
    add("jobs.poll_ms", "how often each process looks for due jobs",
        IntSetter(10, kMaxMs, [](Config& c, std::int64_t v) { c.jobs.poll_ms = static_cast<int>(v); }));
    add("admin.token", "bootstrap platform-admin bearer token (empty disables)",
        StringSetter([](Config& c, const std::string& v) { c.admin_token = v; }));
    return s;
  }();
  return settings;
}

const Setting* FindSetting(const std::string& key) {
  for (const auto& s : Settings()) {
    if (s.key.key == key) return &s;
  }
  return nullptr;
}

Error ConfigError(const std::string& key, const std::string& source, const std::string& message) {
  std::string text = "Invalid configuration " + key + " (" + source + "): " + message + ".";
  return Error{ErrorCode::kInvalidArgument, text, {{key, message}}};
}

// Flattens a TOML table into "section.key" → text.
Result<void> Flatten(const toml::table& table, const std::string& prefix, std::map<std::string, std::string>& out) {
  for (const auto& [k, node] : table) {
    std::string key = prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
    if (const auto* sub = node.as_table()) {
      ALLMENDE_TRY(Flatten(*sub, key, out));
    } else if (const auto* s = node.as_string()) {
      out[key] = s->get();
    } else if (const auto* i = node.as_integer()) {
      out[key] = std::to_string(i->get());
    } else if (const auto* b = node.as_boolean()) {
      out[key] = b->get() ? "true" : "false";
    } else {
      return ConfigError(key, "config file", "must be a string, integer or boolean");
    }
  }
  return Ok();
}

}  // namespace

namespace {
int Cores() { return static_cast<int>(std::max(1u, std::thread::hardware_concurrency())); }
}  // namespace

int IoThreads(const ServerConfig& server) { return server.io_threads > 0 ? server.io_threads : Cores(); }

int WorkerThreads(const ServerConfig& server) {
  return server.worker_threads > 0 ? server.worker_threads : 2 * Cores();
}

std::string FieldKeyFile(const Config& config) {
  if (!config.storage.field_key_file.empty()) return config.storage.field_key_file;
  return config.storage.data_dir + "/field-keys";
}

int DatabaseConnections(const Config& config) {
  if (config.storage.read_connections > 0) return config.storage.read_connections;
  // Not one per thread: measured with 64 write threads on 2 cores, SQLite with 6 read connections
  // carried 6,700 durable writes/s and 68 connections 4,900/s (every open reader holds back the
  // WAL checkpoint and keeps a cache of its own); PostgreSQL was the same with 4 or 16. Threads
  // past the pool wait for a connection, with a deadline.
  int threads = WorkerThreads(config.server) + config.server.write_threads;
  return std::min(threads, WorkerThreads(config.server) + Cores());
}

const std::vector<ConfigKey>& ConfigKeys() {
  static const std::vector<ConfigKey> keys = [] {
    std::vector<ConfigKey> k;
    for (const auto& s : Settings()) k.push_back(s.key);
    return k;
  }();
  return keys;
}

std::map<std::string, std::string> AllmendeEnvironment() {
  std::map<std::string, std::string> env;
  for (char** e = environ; e && *e; ++e) {
    std::string_view entry(*e);
    if (!entry.starts_with("ALLMENDE_")) continue;
    auto eq = entry.find('=');
    if (eq == std::string_view::npos) continue;
    env.emplace(std::string(entry.substr(0, eq)), std::string(entry.substr(eq + 1)));
  }
  return env;
}

Result<Config> LoadConfig(const std::string& toml_path, const std::map<std::string, std::string>& env,
                          const std::map<std::string, std::string>& flags) {
  Config config;
  if (!toml_path.empty()) {
    std::map<std::string, std::string> file_values;
    try {
      toml::table table = toml::parse_file(toml_path);
      ALLMENDE_TRY(Flatten(table, "", file_values));
    } catch (const toml::parse_error& e) {
      return ConfigError("config", toml_path,
                         std::string(e.description()) + " at line " + std::to_string(e.source().begin.line));
    }
    for (const auto& [key, value] : file_values) {
      const Setting* s = FindSetting(key);
      if (!s) return ConfigError(key, "config file", "unknown key");
      if (auto m = s->set(config, value); !m.empty()) return ConfigError(key, "config file", m);
    }
  }
  for (const auto& s : Settings()) {
    auto it = env.find(s.key.env);
    if (it == env.end()) continue;
    if (auto m = s.set(config, it->second); !m.empty()) return ConfigError(s.key.key, s.key.env, m);
  }
  for (const auto& [key, value] : flags) {
    const Setting* s = FindSetting(key);
    if (!s) return ConfigError(key, "command line", "unknown key");
    if (auto m = s->set(config, value); !m.empty()) return ConfigError(key, "command line", m);
  }
  return config;
}

}  // namespace allmende
