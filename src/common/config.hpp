// Configuration: defaults < TOML file < environment (ALLMENDE_…) < command-line flags.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"

namespace allmende {

struct ServerConfig {
  std::string host = "127.0.0.1";
  int port = 8080;         // 0 picks a free port (logged at start)
  int io_threads = 0;      // 0: one per core
  int worker_threads = 0;  // 0: two per core (handlers block on the database); see WorkerThreads()
  // Threads for requests that write (any method but GET and HEAD, and reads of client data,
  // which write their access-log entry). They spend most of their time waiting for the group
  // commit that makes their work durable, so there are many: the more wait, the fewer fsyncs.
  int write_threads = 64;
  std::int64_t header_limit = 16 * 1024;
  std::int64_t body_limit = 1024 * 1024;  // default per route; routes may set their own
  int header_timeout_ms = 10'000;         // whole request head must arrive within this
  int body_timeout_ms = 30'000;           // whole body must arrive within this
  int idle_timeout_ms = 60'000;           // keep-alive connection with no request is closed
  int shutdown_timeout_ms = 10'000;       // in-flight requests get this long after SIGTERM
  std::string web_root = "web/dist";
  std::string port_file;        // if set, the bound port is written here once listening
  std::string public_url;       // how users reach us, for links in e-mails; empty: http://host:port
  bool secure_cookies = false;  // mark cookies Secure: set when TLS ends in front of the server
  // Behind a reverse proxy: take the client address from the last X-Forwarded-For entry (the one
  // our proxy added), so throttling and logs see clients, not the proxy.
  bool trust_forwarded_for = false;
};

struct StorageConfig {
  std::string data_dir = "data";
  std::string database;      // "sqlite:///path/to/file.db" or "postgresql://…"; empty: sqlite in data_dir
  int read_connections = 0;  // 0: as many as worker threads
  int busy_timeout_ms = 5'000;
  // SQLite: MiB of the file each connection reads through a memory map (SQLite caps it near 2 GiB);
  // 0: plain reads. A page in the OS cache then costs no system call: the desk's search does 45 %
  // more per CPU second with it (bench/clients.sh). The price: an I/O error on a mapped page ends
  // the process (SIGBUS) instead of failing one request; the database itself stays intact.
  int sqlite_mmap_mb = 2048;
  // The keys that seal sensitive fields at rest (storage/field_cipher.hpp); created with one key
  // when missing. Empty: <data_dir>/field-keys. Every process of one database needs the same file.
  std::string field_key_file;
};

struct LogConfig {
  std::string level = "info";  // trace, debug, info, warn, error
  bool access_log = true;
  std::string file;  // empty: standard output
};

struct MailConfig {
  std::string smtp_url;  // smtp://host:port; empty: e-mail waits in the outbox, undelivered
  std::string from = "Allmende <noreply@allmende.invalid>";
  std::string username;
  std::string password;    // prefer the environment (ALLMENDE_MAIL_PASSWORD); never logged
  int lease_seconds = 60;  // a sender that dies holds its messages this long
  int poll_ms = 1000;      // how often senders look for due messages without a wake-up
};

struct IdentityConfig {
  int session_idle_minutes = 30;
  int session_absolute_hours = 12;
  int max_login_failures = 10;  // per account and per address in a minute
  std::string demo_password;    // set: `seed` creates the demo accounts with it
  bool demo_mode = false;       // demo accounts (made by `seed`) need no second factor
};

// A demo installation's mailbox (allmende-mailbox, which `make run` starts): the server shows what
// it received at GET /api/v1/demo/mailbox when demo.mode is on.
struct DemoConfig {
  std::string mailbox_url;       // http://127.0.0.1:<port> (loopback only); empty: no demo mailbox
  std::int64_t services = 1000;  // `seed`: services of the demo region's directory (the journeys' own included)
  std::int64_t seed = 1;         // `seed`: the generator's seed; the same seed gives the same directory
  std::int64_t clients = 0;      // `seed`: generated clients of the demo region (Finnish and Swedish names)
};

struct DirectoryConfig {
  std::int64_t search_cache_mb = 64;  // answers of recent searches kept per process; 0: none
};

// The advice desk's client registry (src/clients/).
struct ClientsConfig {
  // Searches (and look-alike checks) a person may make a minute, per process, so that nobody
  // harvests the registry; an advisor on the phone types far fewer. 0: no limit (benchmarks).
  int search_per_minute = 120;
};

// Webhooks: organizations' own systems hear of changes, signed (src/webhooks/).
struct WebhooksConfig {
  // Allow http:// and loopback or private-network targets: for tests and a local demo only. Off,
  // a webhook must be https:// to a public address (checked again at each connection).
  bool allow_local_targets = false;
  int retry_base_ms = 30'000;  // first retry after this, doubling up to an hour
  int max_attempts = 8;        // then the delivery is dead-lettered for the admin to replay
  int timeout_ms = 10'000;     // a receiver must answer within this
  int poll_ms = 1000;          // how often the sender looks for due deliveries without a wake-up
};

struct JobsConfig {
  int poll_ms = 1000;  // how often each process looks for due jobs
};

struct Config {
  ServerConfig server;
  StorageConfig storage;
  LogConfig log;
  MailConfig mail;
  WebhooksConfig webhooks;
  JobsConfig jobs;
  IdentityConfig identity;
  DemoConfig demo;
  DirectoryConfig directory;
  ClientsConfig clients;
  // Bearer token that acts as platform administrator until the identity module issues real
  // tokens. Empty disables it. Compared in constant time; never logged.
  std::string admin_token;
};

// The number of I/O and worker threads a configuration asks for, with 0 resolved: one I/O thread
// per core; two workers per core, which measured best for SQLite reads on 2 cores (8 workers
// gave 18k/s, 4 gave 23k/s, 2 gave 27k/s for a one-row read) while leaving a worker free when
// another waits for the single SQLite writer.
int IoThreads(const ServerConfig& server);
int WorkerThreads(const ServerConfig& server);
// The key file a configuration uses (storage.field_key_file, or <data_dir>/field-keys).
std::string FieldKeyFile(const Config& config);
// Database connections a server opens unless configured: the workers' and one more per core (see
// config.cpp for the measurement).
int DatabaseConnections(const Config& config);

// Every key that can be set, with the environment variable that sets it ("server.port" →
// ALLMENDE_SERVER_PORT) and a one-line description, for --help and docs/configuration.md.
struct ConfigKey {
  std::string key;
  std::string env;
  std::string description;
};
const std::vector<ConfigKey>& ConfigKeys();

// Builds the configuration. `toml_path` may be empty (no file). `env` is the process
// environment (injectable for tests); `flags` are key → value pairs from the command line.
// Returns InvalidArgument naming the key and where the bad value came from on any error,
// including unknown keys in the file.
Result<Config> LoadConfig(const std::string& toml_path, const std::map<std::string, std::string>& env,
                          const std::map<std::string, std::string>& flags);

// The environment of this process, only the ALLMENDE_* variables.
std::map<std::string, std::string> AllmendeEnvironment();

}  // namespace allmende
