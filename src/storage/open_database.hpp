// Chooses the storage backend from configuration.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "storage/database.hpp"

namespace allmende::storage {

struct DatabaseOptions {
  std::string url;           // "sqlite:///abs/path.db", "sqlite://relative.db" or "postgresql://…"
  std::string data_dir;      // used when url is empty: SQLite file <data_dir>/allmende.db
  int read_connections = 4;  // SQLite readers, or the PostgreSQL pool size
  int busy_timeout_ms = 5000;
  std::int64_t sqlite_mmap_bytes = 0;  // SQLite: read through a memory map; 0: off
};

// Opens the database the options name, creating the data folder if needed. InvalidArgument
// (field "storage.database") for an unknown scheme; Unavailable if it cannot be reached.
Result<std::unique_ptr<Database>> OpenDatabase(const DatabaseOptions& options);

}  // namespace allmende::storage
