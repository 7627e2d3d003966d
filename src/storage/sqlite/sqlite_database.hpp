// SQLite implementation of Database: WAL, synchronous=FULL, foreign keys on, one writer and a
// pool of readers. Readers never wait for the writer (WAL); writers queue on one connection.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "storage/database.hpp"

namespace allmende::storage {

struct SqliteOptions {
  std::string path;          // database file; created if missing
  int read_connections = 4;  // at least 1
  int busy_timeout_ms = 5000;
  // Bytes of the file each connection reads through a memory map instead of read() calls (a page
  // already in the OS cache costs no system call); 0 turns it off.
  std::int64_t mmap_bytes = 0;
};

// Opens (creating if needed) the database file. Unavailable if the file cannot be opened or is
// not a database.
Result<std::unique_ptr<Database>> OpenSqlite(const SqliteOptions& options);

// "$1" → "?1" outside string literals, quoted identifiers and comments.
std::string RewritePlaceholdersForSqlite(std::string_view sql);

}  // namespace allmende::storage
