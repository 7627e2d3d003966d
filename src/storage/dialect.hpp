// The one place where SQL differs between SQLite and PostgreSQL. A store writes one statement for
// both backends; a marker in it expands per backend when the statement is first prepared (the
// statement cache keys on the text as written, so this costs nothing per call):
//
//   {{skip_locked}}   PostgreSQL: "FOR UPDATE SKIP LOCKED" (claim rows that other processes are
//                     not claiming at the same moment); SQLite: nothing (one writer at a time)
//
// Everything else is written once: $1 placeholders (rewritten for SQLite), ON CONFLICT upserts
// (both backends), RETURNING (both), RFC 3339 text for times, INTEGER/BIGINT and TEXT columns with
// the same names in both migration sets (a test compares the two schemas). Feature code never asks
// which backend it runs on.
#pragma once

#include <string>
#include <string_view>

namespace allmende::storage {

enum class Dialect { kSqlite, kPostgres };

// `sql` with every marker replaced for `dialect`.
std::string ExpandDialect(std::string_view sql, Dialect dialect);

}  // namespace allmende::storage
