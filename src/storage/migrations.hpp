// Numbered schema migrations, applied in order, each exactly once, recorded in schema_migrations.
#pragma once

#include <string>
#include <vector>

#include "storage/database.hpp"

namespace allmende::storage {

struct Migration {
  int version;       // from the file name: 0001_core.sql → 1
  std::string name;  // "0001_core"
  std::string sql;
};

// The migrations compiled into the binary from src/storage/migrations/<backend>/*.sql, in order.
const std::vector<Migration>& EmbeddedMigrations(std::string_view backend);

struct MigrationReport {
  std::vector<std::string> applied;  // names applied by this call
  int current_version = 0;
};

// Applies every migration newer than the database's version, each in its own transaction.
// Returns Internal naming the migration if one fails (that one is rolled back; earlier ones
// stay). Returns Conflict if the database is newer than this binary knows.
Result<MigrationReport> ApplyMigrations(Database& db, const std::vector<Migration>& migrations);

}  // namespace allmende::storage
