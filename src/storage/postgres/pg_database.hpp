// PostgreSQL implementation of Database (server mode), on libpq: a pool of connections,
// statements prepared once per connection, transactions at the isolation each call asks for,
// bounded retry of serialization failures and deadlocks, statement and lock timeouts, and
// reconnection after the server restarts.
#pragma once

#include <memory>
#include <string>

#include "storage/database.hpp"

namespace allmende::storage {

struct PostgresOptions {
  std::string url;      // postgresql://user[:password]@host:port/db[?…]
  int connections = 8;  // pool size; reads and writes share it
  int statement_timeout_ms = 30'000;
  int lock_timeout_ms = 5'000;
  int max_retries = 5;             // serialization failures / deadlocks retried this often
  int acquire_timeout_ms = 5'000;  // longest wait for a free connection before Unavailable
};

// Connects the whole pool. Unavailable (naming host and port, never the password) if the server
// cannot be reached.
Result<std::unique_ptr<Database>> OpenPostgres(const PostgresOptions& options);

// The URL without its password, for logs and error messages.
std::string RedactedUrl(const std::string& url);

}  // namespace allmende::storage
