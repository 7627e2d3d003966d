#include "storage/migrations.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "storage/sqlite/sqlite_database.hpp"

namespace allmende::storage {
namespace {

class MigrationsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::path(::testing::TempDir()) /
            ("allmende_migrations_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    Reopen();
  }
  void Reopen() {
    db_.reset();
    db_ = std::move(*OpenSqlite({.path = path_.string(), .read_connections = 1, .busy_timeout_ms = 1000}));
  }
  void TearDown() override {
    db_.reset();
    for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }
  std::int64_t Count(const std::string& table) {
    return *db_->ReadValue<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
      ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT count(*) FROM " + table));
      return row->Int(0);
    });
  }
  std::filesystem::path path_;
  std::unique_ptr<Database> db_;
};

TEST_F(MigrationsTest, AppliesEachMigrationOnceInOrder) {
  std::vector<Migration> ms{{1, "0001_a", "CREATE TABLE a (x INTEGER) STRICT;"},
                            {2, "0002_b", "CREATE TABLE b (y INTEGER) STRICT; INSERT INTO b VALUES (1);"}};
  auto first = ApplyMigrations(*db_, ms);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->applied, (std::vector<std::string>{"0001_a", "0002_b"}));
  EXPECT_EQ(first->current_version, 2);
  Reopen();
  auto second = ApplyMigrations(*db_, ms);
  ASSERT_TRUE(second);
  EXPECT_TRUE(second->applied.empty());
  EXPECT_EQ(Count("b"), 1);
  EXPECT_EQ(Count("schema_migrations"), 2);
}

TEST_F(MigrationsTest, FailingMigrationIsRolledBackAndNamed) {
  std::vector<Migration> ms{{1, "0001_ok", "CREATE TABLE a (x INTEGER) STRICT;"},
                            {2, "0002_bad", "CREATE TABLE c (z INTEGER) STRICT; INSERT INTO nowhere VALUES (1);"}};
  auto r = ApplyMigrations(*db_, ms);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("0002_bad"), std::string::npos);
  EXPECT_EQ(Count("schema_migrations"), 1);
  // Table c was created inside the failed migration's transaction and must be gone.
  auto c = db_->Read([](Connection& conn) -> Result<void> {
    ALLMENDE_TRY(conn.Query("SELECT * FROM c"));
    return Ok();
  });
  EXPECT_FALSE(c);
}

TEST_F(MigrationsTest, RefusesADatabaseNewerThanTheProgram) {
  std::vector<Migration> ms{{1, "0001_a", "CREATE TABLE a (x INTEGER) STRICT;"},
                            {2, "0002_b", "CREATE TABLE b (x INTEGER) STRICT;"}};
  ASSERT_TRUE(ApplyMigrations(*db_, ms));
  ms.pop_back();
  auto r = ApplyMigrations(*db_, ms);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
}

TEST_F(MigrationsTest, EmbeddedSqliteMigrationsApplyToAnEmptyDatabase) {
  const auto& ms = EmbeddedMigrations("sqlite");
  ASSERT_FALSE(ms.empty());
  for (std::size_t i = 0; i < ms.size(); ++i) EXPECT_EQ(ms[i].version, static_cast<int>(i) + 1) << ms[i].name;
  auto r = ApplyMigrations(*db_, ms);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->current_version, ms.back().version);
  EXPECT_EQ(Count("regions"), 0);
}

}  // namespace
}  // namespace allmende::storage
