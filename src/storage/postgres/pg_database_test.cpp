#include "storage/postgres/pg_database.hpp"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <barrier>
#include <cstdlib>
#include <thread>

#include "storage/migrations.hpp"
#include "storage/single_use_tokens.hpp"

namespace allmende::storage {
namespace {

// Each test gets a database of its own on the server scripts/test.sh starts.
class PgDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* admin = std::getenv("ALLMENDE_TEST_POSTGRES_URL");
    if (!admin || !*admin) {
      if (std::getenv("ALLMENDE_TEST_REQUIRE_POSTGRES")) FAIL() << "ALLMENDE_TEST_POSTGRES_URL is not set";
      GTEST_SKIP() << "needs a PostgreSQL server: run through make test, which starts one";
    }
    admin_ = admin;
    name_ = "allmende_unit_" + std::to_string(::getpid()) + "_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()).substr(0, 30);
    for (char& c : name_) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    AdminExec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    AdminExec("CREATE DATABASE " + name_);
    url_ = admin_.substr(0, admin_.rfind('/') + 1) + name_;
    auto db = OpenPostgres({.url = url_, .connections = 4, .statement_timeout_ms = 1000, .lock_timeout_ms = 500});
    ASSERT_TRUE(db) << db.error().message;
    db_ = std::move(*db);
    ASSERT_TRUE(db_->Write([](Connection& c) -> Result<void> {
      return c.ExecuteScript(
          "CREATE TABLE t (id BIGINT PRIMARY KEY, name TEXT NOT NULL UNIQUE, score DOUBLE PRECISION, note TEXT)");
    }));
  }
  void TearDown() override {
    db_.reset();
    if (!name_.empty()) AdminExec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  }
  void AdminExec(const std::string& sql) {
    PGconn* c = PQconnectdb(admin_.c_str());
    PQsetNoticeProcessor(
        c, [](void*, const char*) {}, nullptr);
    PQclear(PQexec(c, sql.c_str()));
    PQfinish(c);
  }
  std::string admin_, name_, url_;
  std::unique_ptr<Database> db_;
};

TEST_F(PgDatabaseTest, ValuesRoundTripWithTheirTypes) {
  ASSERT_TRUE(db_->Write([](Connection& c) -> Result<void> {
    ALLMENDE_TRY(c.Execute("INSERT INTO t (id, name, score, note) VALUES ($1, $2, $3, $4)",
                           {std::int64_t{7}, std::string("Ebba 'quoted' ä"), 2.5, nullptr}));
    return Ok();
  }));
  auto row = db_->ReadValue<Row>([](Connection& c) -> Result<Row> {
    ALLMENDE_ASSIGN_OR_RETURN(auto r,
                              c.QueryOne("SELECT id, name, score, note FROM t WHERE id = $1", {std::int64_t{7}}));
    if (!r) return Error::NotFound("row");
    return std::move(*r);
  });
  ASSERT_TRUE(row) << row.error().message;
  EXPECT_EQ(row->Int(0), 7);
  EXPECT_EQ(row->Text(1), "Ebba 'quoted' ä");
  EXPECT_EQ(row->Real(2), 2.5);
  EXPECT_TRUE(row->IsNull(3));
}

TEST_F(PgDatabaseTest, UniqueViolationIsConflictAndRollsBack) {
  auto insert = [](Connection& c) -> Result<void> {
    ALLMENDE_TRY(c.Execute("INSERT INTO t (id, name) VALUES (1, 'a')"));
    return Ok();
  };
  ASSERT_TRUE(db_->Write(insert));
  auto again = db_->Write([](Connection& c) -> Result<void> {
    ALLMENDE_TRY(c.Execute("INSERT INTO t (id, name) VALUES (2, 'b')"));
    ALLMENDE_TRY(c.Execute("INSERT INTO t (id, name) VALUES (3, 'a')"));
    return Ok();
  });
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  auto count = db_->ReadValue<std::int64_t>([](Connection& c) -> Result<std::int64_t> {
    ALLMENDE_ASSIGN_OR_RETURN(auto r, c.QueryOne("SELECT count(*) FROM t"));
    return r->Int(0);
  });
  EXPECT_EQ(*count, 1);  // row 2 went with the failed transaction
}

TEST_F(PgDatabaseTest, SerializationFailuresAreRetriedAndNoIncrementIsLost) {
  // A hot row: four writers read-modify-write it 25 times each under SERIALIZABLE.
  db_ = std::move(*OpenPostgres({.url = url_, .connections = 4, .max_retries = 20}));
  ASSERT_TRUE(db_->Write([](Connection& c) -> Result<void> {
    ALLMENDE_TRY(c.Execute("INSERT INTO t (id, name, score) VALUES (1, 'counter', 0)"));
    return Ok();
  }));
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 25; ++i) {
        auto r = db_->Write([](Connection& c) -> Result<void> {
          ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT score FROM t WHERE id = 1"));
          ALLMENDE_TRY(c.Execute("UPDATE t SET score = $1 WHERE id = 1", {row->Real(0) + 1}));
          return Ok();
        });
        if (!r) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  auto score = db_->ReadValue<double>([](Connection& c) -> Result<double> {
    ALLMENDE_ASSIGN_OR_RETURN(auto r, c.QueryOne("SELECT score FROM t WHERE id = 1"));
    return r->Real(0);
  });
  // Every failure left the counter alone; every success added exactly one.
  EXPECT_EQ(*score + failures, 100.0);
  EXPECT_GT(db_->Stats().write_retries, 0u) << "four writers on one row should have collided";
  EXPECT_EQ(failures, 0) << "retries should absorb every collision";
}

TEST_F(PgDatabaseTest, ConnectionsKilledByTheServerAreReestablished) {
  ASSERT_TRUE(db_->Ping());
  // What a server restart does to our pool: every session of this database ends.
  AdminExec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name_ + "'");
  for (int i = 0; i < 8; ++i) {
    auto r = db_->Ping();
    EXPECT_TRUE(r) << "ping " << i << ": " << r.error().message;
  }
}

TEST_F(PgDatabaseTest, StatementTimeoutIsUnavailable) {
  auto r = db_->Read([](Connection& c) -> Result<void> {
    ALLMENDE_TRY(c.Query("SELECT pg_sleep(3)"));
    return Ok();
  });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
}

TEST_F(PgDatabaseTest, ReadTransactionsAreReadOnly) {
  auto r = db_->Read([](Connection& c) -> Result<void> {
    ALLMENDE_TRY(c.Execute("INSERT INTO t (id, name) VALUES (9, 'x')"));
    return Ok();
  });
  EXPECT_FALSE(r);
}

TEST_F(PgDatabaseTest, EmbeddedMigrationsApplyOnceAndMatchSqlite) {
  const auto& pg = EmbeddedMigrations("postgresql");
  const auto& lite = EmbeddedMigrations("sqlite");
  ASSERT_EQ(pg.size(), lite.size()) << "every numbered migration needs both backends";
  for (std::size_t i = 0; i < pg.size(); ++i) EXPECT_EQ(pg[i].name, lite[i].name);
  auto first = ApplyMigrations(*db_, pg);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->applied.size(), pg.size());
  auto second = ApplyMigrations(*db_, pg);
  ASSERT_TRUE(second);
  EXPECT_TRUE(second->applied.empty());
}

TEST_F(PgDatabaseTest, OfTwoPoolsUsingOneTokenAtOnceExactlyOneWins) {
  ASSERT_TRUE(ApplyMigrations(*db_, EmbeddedMigrations("postgresql")));
  auto other = OpenPostgres({.url = url_, .connections = 2});  // what a second server process has
  ASSERT_TRUE(other);
  Timestamp now = Now();
  for (int round = 0; round < 20; ++round) {
    std::string secret = *db_->WriteValue<std::string>([&](Connection& c) {
      return IssueSingleUseToken(c, "invitation", "inv_" + std::to_string(round), "", now, now + std::chrono::hours(1));
    });
    std::atomic<int> wins{0}, conflicts{0};
    std::barrier start(2);
    auto racer = [&](Database& db) {
      start.arrive_and_wait();
      auto r =
          db.WriteValue<std::string>([&](Connection& c) { return UseSingleUseToken(c, "invitation", secret, now); });
      if (r) {
        ++wins;
      } else if (r.error().code == ErrorCode::kConflict) {
        ++conflicts;
      }
    };
    std::thread t1(racer, std::ref(*db_)), t2(racer, std::ref(**other));
    t1.join();
    t2.join();
    EXPECT_EQ(wins, 1) << "round " << round;
    EXPECT_EQ(conflicts, 1) << "round " << round;
  }
}

TEST(PgUrl, PasswordIsRedacted) {
  EXPECT_EQ(RedactedUrl("postgresql://app:s3cret@db.internal:5432/allmende"),
            "postgresql://app:***@db.internal:5432/allmende");
  EXPECT_EQ(RedactedUrl("postgresql://app@127.0.0.1:5432/allmende"), "postgresql://app@127.0.0.1:5432/allmende");
}

TEST(PgConnect, UnreachableServerIsUnavailableWithoutThePassword) {
  auto db = OpenPostgres({.url = "postgresql://app:s3cret@127.0.0.1:1/none", .connections = 1});
  ASSERT_FALSE(db);
  EXPECT_EQ(db.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(db.error().message.find("s3cret"), std::string::npos) << db.error().message;
}

}  // namespace
}  // namespace allmende::storage
