#include "storage/migrations.hpp"

#include "common/time.hpp"

namespace allmende::storage {
namespace {

constexpr std::string_view kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
constexpr std::string_view kMaxVersion = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
// Serialises migrations across server processes starting at once on one PostgreSQL database.
constexpr std::string_view kPostgresLock = "SELECT pg_advisory_xact_lock(7461023409)";
constexpr std::string_view kRecord = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)";

}  // namespace

Result<MigrationReport> ApplyMigrations(Database& db, const std::vector<Migration>& migrations) {
  const bool postgres = db.backend() == "postgresql";
  ALLMENDE_TRY(db.Write([&](Connection& c) -> Result<void> {
    if (postgres) ALLMENDE_TRY(c.Query(kPostgresLock));
    ALLMENDE_TRY(c.Execute(kCreateTable));
    return Ok();
  }));
  MigrationReport report;
  int known = migrations.empty() ? 0 : migrations.back().version;
  for (const Migration& m : migrations) {
    bool applied = false;
    auto r = db.Write([&](Connection& c) -> Result<void> {
      applied = false;
      if (postgres) ALLMENDE_TRY(c.Query(kPostgresLock));
      ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kMaxVersion));
      std::int64_t current = row ? row->Int(0) : 0;
      if (current > known) {
        return Error::Conflict("The database has schema version " + std::to_string(current) +
                               " but this program knows only up to " + std::to_string(known) + ".");
      }
      if (current >= m.version) return Ok();
      auto script = c.ExecuteScript(m.sql);
      if (!script.ok()) return Error::Internal("Migration " + m.name + " failed: " + script.error().message);
      ALLMENDE_TRY(c.Execute(kRecord, {std::int64_t{m.version}, m.name, FormatRfc3339(Now())}));
      applied = true;
      return Ok();
    });
    if (!r.ok()) return std::move(r).error();
    if (applied) report.applied.push_back(m.name);
  }
  auto version = db.ReadValue<std::int64_t>([](Connection& c) -> Result<std::int64_t> {
    ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kMaxVersion));
    return row ? row->Int(0) : 0;
  });
  if (!version.ok()) return std::move(version).error();
  report.current_version = static_cast<int>(*version);
  return report;
}

}  // namespace allmende::storage
