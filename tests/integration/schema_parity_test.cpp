// The two migration sets describe one schema: the same tables, columns (with mapped types and
// nullability), primary keys, unique and plain indexes (and whether each is partial), foreign keys
// and CHECK constraints on SQLite and on PostgreSQL. A migration added to one set only, or written
// differently in the other, fails here.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "server_harness.hpp"

namespace allmende::testing {
namespace {

// table → sorted facts, each a line such as "column name text not null".
using Schema = std::map<std::string, std::set<std::string>>;

std::string TypeClass(std::string type) {
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (type == "text" || type.starts_with("character")) return "text";
  if (type == "integer" || type == "bigint" || type == "smallint" || type == "boolean") return "integer";
  if (type == "real" || type == "double precision" || type == "numeric") return "real";
  return "other:" + type;
}

std::vector<std::string> Split(const std::string& text, char sep) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string part; std::getline(in, part, sep);) out.push_back(part);
  return out;
}

std::vector<std::vector<std::string>> SqliteRows(sqlite3* db, const std::string& sql) {
  std::vector<std::vector<std::string>> rows;
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sql << ": " << sqlite3_errmsg(db);
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
      const auto* text = sqlite3_column_text(stmt, i);
      row.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
    }
    rows.push_back(std::move(row));
  }
  sqlite3_finalize(stmt);
  return rows;
}

Schema SqliteSchema(const std::string& path) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  Schema schema;
  for (const auto& t : SqliteRows(db,
                                  "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE "
                                  "'sqlite_%'")) {
    const std::string& table = t[0];
    auto& facts = schema[table];
    std::set<std::string> pk;
    for (const auto& c : SqliteRows(db, "SELECT name, type, \"notnull\", pk FROM pragma_table_info('" + table + "')")) {
      if (c[3] != "0") pk.insert(c[0]);
    }
    std::map<int, std::string> pk_order;
    for (const auto& c : SqliteRows(db, "SELECT name, type, \"notnull\", pk FROM pragma_table_info('" + table + "')")) {
      bool not_null = c[2] == "1" || pk.count(c[0]);
      facts.insert("column " + c[0] + " " + TypeClass(c[1]) + (not_null ? " not null" : " null"));
      if (c[3] != "0") pk_order[std::stoi(c[3])] = c[0];
    }
    std::string pk_columns;
    for (const auto& [i, name] : pk_order) pk_columns += (pk_columns.empty() ? "" : ",") + name;
    if (!pk_columns.empty()) facts.insert("unique " + pk_columns + " whole");
    for (const auto& ix :
         SqliteRows(db, "SELECT name, \"unique\", origin, partial FROM pragma_index_list('" + table + "')")) {
      if (ix[2] == "pk") continue;  // counted above
      std::string columns;
      for (const auto& c : SqliteRows(db, "SELECT name FROM pragma_index_info('" + ix[0] + "') ORDER BY seqno")) {
        columns += (columns.empty() ? "" : ",") + c[0];
      }
      facts.insert(std::string(ix[1] == "1" ? "unique " : "index ") + columns + (ix[3] == "1" ? " partial" : " whole"));
    }
    std::map<std::string, std::pair<std::string, std::string>> fks;  // id → columns, target
    for (const auto& fk : SqliteRows(
             db, "SELECT id, \"table\", \"from\" FROM pragma_foreign_key_list('" + table + "') ORDER BY id, seq")) {
      auto& [columns, target] = fks[fk[0]];
      columns += (columns.empty() ? "" : ",") + fk[2];
      target = fk[1];
    }
    for (const auto& [id, fk] : fks) facts.insert("foreign key " + fk.first + " -> " + fk.second);
    std::string sql = t[1];
    for (char& c : sql) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::size_t checks = 0;
    // A constraint is the keyword before its parenthesis, not a column named "checked_in_at".
    for (auto at = sql.find("CHECK"); at != std::string::npos; at = sql.find("CHECK", at + 5)) {
      auto next = sql.find_first_not_of(' ', at + 5);
      if (next != std::string::npos && sql[next] == '(') ++checks;
    }
    facts.insert("checks " + std::to_string(checks));
  }
  sqlite3_close(db);
  return schema;
}

Schema PostgresSchema(const TestDatabase& db) {
  Schema schema;
  auto rows = [&](const std::string& sql) { return Split(db.Execute(sql), ';'); };
  for (const auto& line : rows("SELECT string_agg(table_name || '|' || column_name || '|' || data_type || '|' || "
                               "is_nullable, ';') FROM information_schema.columns WHERE table_schema = 'public'")) {
    auto f = Split(line, '|');
    schema[f[0]].insert("column " + f[1] + " " + TypeClass(f[2]) + (f[3] == "NO" ? " not null" : " null"));
  }
  for (const auto& line :
       rows("SELECT string_agg(t.relname || '|' || i.indisunique::text || '|' || (i.indpred IS NOT NULL)::text || '|' "
            "|| "
            "(SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(i.indkey) WITH ORDINALITY k(attnum, ord) "
            "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum), ';') "
            "FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
            "WHERE n.nspname = 'public'")) {
    auto f = Split(line, '|');
    schema[f[0]].insert(std::string(f[1] == "true" ? "unique " : "index ") + f[3] +
                        (f[2] == "true" ? " partial" : " whole"));
  }
  for (const auto& line :
       rows("SELECT string_agg(c.conrelid::regclass::text || '|' || (SELECT string_agg(a.attname, ',' ORDER BY k.ord) "
            "FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = c.conrelid AND "
            "a.attnum = k.attnum) || '|' || c.confrelid::regclass::text, ';') FROM pg_constraint c JOIN pg_namespace n "
            "ON n.oid = c.connamespace WHERE n.nspname = 'public' AND c.contype = 'f'")) {
    if (line.empty()) continue;
    auto f = Split(line, '|');
    schema[f[0]].insert("foreign key " + f[1] + " -> " + f[2]);
  }
  std::map<std::string, int> checks;
  for (const auto& [table, facts] : schema) checks[table] = 0;
  for (const auto& table : rows("SELECT string_agg(c.conrelid::regclass::text, ';') FROM pg_constraint c JOIN "
                                "pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public' AND "
                                "c.contype = 'c'")) {
    if (!table.empty()) ++checks[table];
  }
  for (const auto& [table, n] : checks) schema[table].insert("checks " + std::to_string(n));
  return schema;
}

TEST(SchemaParity, BothMigrationSetsDescribeTheSameSchema) {
  ASSERT_EQ(TestBackend(), "postgresql");
  TestDatabase pg("parity");
  std::vector<std::string> migrate{"migrate"};
  for (const auto& a : pg.Args()) migrate.push_back(a);
  auto [pg_code, pg_out] = RunBinary(migrate);
  ASSERT_EQ(pg_code, 0) << pg_out;
  auto dir = std::filesystem::path(::testing::TempDir()) / ("allmende_parity_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  auto [sqlite_code, sqlite_out] = RunBinary({"migrate", "--data", dir.string()});
  ASSERT_EQ(sqlite_code, 0) << sqlite_out;

  Schema sqlite = SqliteSchema((dir / "allmende.db").string());
  Schema postgres = PostgresSchema(pg);
  std::filesystem::remove_all(dir);
  ASSERT_GE(sqlite.size(), 15u);
  // The extraction sees what the comparison is about, on both sides.
  for (const Schema* s : {&sqlite, &postgres}) {
    const auto& facts = s->at("organizations");
    EXPECT_TRUE(facts.count("unique region_id,business_id whole")) << "migration 0007's index";
    EXPECT_TRUE(facts.count("column business_id text null"));
    EXPECT_TRUE(facts.count("foreign key region_id -> regions"));
    EXPECT_TRUE(facts.count("checks 1")) << "the kind";
    EXPECT_TRUE(s->at("delegations").count("unique client_id,delegate_id partial"));
    EXPECT_TRUE(s->at("users").count("column totp_last_step integer not null"));
  }
  std::set<std::string> tables;
  for (const auto& [t, f] : sqlite) tables.insert(t);
  for (const auto& [t, f] : postgres) tables.insert(t);
  for (const auto& table : tables) {
    const auto& a = sqlite[table];
    const auto& b = postgres[table];
    for (const auto& fact : a) EXPECT_TRUE(b.count(fact)) << table << ": SQLite has '" << fact << "', PostgreSQL not";
    for (const auto& fact : b) EXPECT_TRUE(a.count(fact)) << table << ": PostgreSQL has '" << fact << "', SQLite not";
  }
}

}  // namespace
}  // namespace allmende::testing
