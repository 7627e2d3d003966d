// A small world for the access module's unit tests: a SQLite database with the real schema and
// rows inserted directly (the access module sits below identity and tenancy).
#pragma once

#include <gtest/gtest.h>
#include <sodium.h>
#include <unistd.h>

#include <filesystem>

#include "storage/migrations.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace allmende::access {

class AccessWorld : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_GE(sodium_init(), 0); }
  void SetUp() override {
    path_ = std::filesystem::path(::testing::TempDir()) /
            ("allmende_access_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    db_ = std::move(*storage::OpenSqlite({.path = path_.string(), .read_connections = 2, .busy_timeout_ms = 5000}));
    ASSERT_TRUE(storage::ApplyMigrations(*db_, storage::EmbeddedMigrations("sqlite")));
  }
  void TearDown() override {
    db_.reset();
    for (auto s : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + s);
  }
  void Sql(const std::string& sql, const storage::Params& params = {}) {
    auto r = db_->Write([&](storage::Connection& c) -> Result<void> {
      ALLMENDE_TRY(c.Execute(sql, params));
      return Ok();
    });
    ASSERT_TRUE(r) << r.error().message << " in " << sql;
  }
  // The first column of the first row, as text.
  std::string Sql1(const std::string& sql) {
    auto v = db_->ReadValue<std::string>([&](storage::Connection& c) -> Result<std::string> {
      ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(sql));
      return row ? row->Text(0) : std::string();
    });
    return v ? *v : "ERROR: " + v.error().message;
  }
  void Region(const std::string& id) {
    Sql("INSERT INTO regions (id, code, name, country, time_zone, default_language, created_at, updated_at) "
        "VALUES ($1, $1, $1, 'FI', 'Europe/Helsinki', 'fi', $2, $2)",
        {id, kT});
  }
  void User(const std::string& id) {
    Sql("INSERT INTO users (id, email, name, language, created_at, updated_at) VALUES ($1, $2, $3, 'fi', $4, $4)",
        {id, id + "@example.fi", "Name of " + id, kT});
  }
  void Org(const std::string& id, const std::string& region, const std::string& kind) {
    Sql("INSERT INTO organizations (id, region_id, kind, name, created_at, updated_at) VALUES ($1, $2, $3, $1, $4, $4)",
        {id, region, kind, kT});
  }
  void Member(const std::string& user, const std::string& org, const std::string& region, const std::string& role) {
    Sql("INSERT INTO memberships (id, region_id, organization_id, user_id, role, created_at, created_by) "
        "VALUES ($1, $2, $3, $4, $5, $6, 'test')",
        {"mem_" + user + org + role, region, org, user, role, kT});
  }
  void Client(const std::string& user, const std::string& region) {
    Sql("INSERT INTO clients (user_id, region_id, created_at, created_by) VALUES ($1, $2, $3, 'test')",
        {user, region, kT});
  }
  void Relation(const std::string& client, const std::string& org, const std::string& relation) {
    Sql("INSERT INTO client_relations (id, client_id, organization_id, relation, valid_from, created_at) "
        "VALUES ($1, $2, $3, $4, $5, $5)",
        {"crl_" + client + org, client, org, relation, kT});
  }
  void Delegation(const std::string& client, const std::string& delegate, const std::string& scope) {
    Sql("INSERT INTO delegations (id, client_id, delegate_id, scope, valid_from, granted_by, created_at) "
        "VALUES ($1, $2, $3, $4, $5, $2, $5)",
        {"dlg_" + client + delegate, client, delegate, scope, kT});
  }

  static constexpr const char* kT = "2026-11-01T08:00:00.000Z";
  std::filesystem::path path_;
  std::unique_ptr<storage::Database> db_;
};

}  // namespace allmende::access
