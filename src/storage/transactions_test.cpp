// How transactions nest, join and wait, on both backends: the rules in database.hpp.
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "storage/database.hpp"
#include "storage/postgres/pg_database.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace allmende::storage {
namespace {

constexpr int kPool = 3;
constexpr int kDeadlineMs = 400;

class TransactionsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::string name = "allmende_tx_" + std::to_string(::getpid()) + "_" + test.substr(0, test.find('/'));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (GetParam() == "sqlite") {
      path_ = std::filesystem::path(::testing::TempDir()) / (name + ".db");
      for (auto s : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + s);
      auto db = OpenSqlite({.path = path_.string(), .read_connections = kPool, .busy_timeout_ms = kDeadlineMs});
      ASSERT_TRUE(db) << db.error().message;
      db_ = std::move(*db);
    } else {
      const char* admin = std::getenv("ALLMENDE_TEST_POSTGRES_URL");
      if (!admin || !*admin) {
        if (std::getenv("ALLMENDE_TEST_REQUIRE_POSTGRES")) FAIL() << "ALLMENDE_TEST_POSTGRES_URL is not set";
        GTEST_SKIP() << "needs a PostgreSQL server: run through make test, which starts one";
      }
      admin_ = admin;
      name_ = name.substr(0, 60);
      AdminExec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
      AdminExec("CREATE DATABASE " + name_);
      auto db = OpenPostgres({.url = admin_.substr(0, admin_.rfind('/') + 1) + name_,
                              .connections = kPool,
                              .acquire_timeout_ms = kDeadlineMs});
      ASSERT_TRUE(db) << db.error().message;
      db_ = std::move(*db);
    }
    ASSERT_TRUE(db_->Write([](Connection& c) -> Result<void> {
      return c.ExecuteScript("CREATE TABLE t (id BIGINT PRIMARY KEY, name TEXT NOT NULL UNIQUE)");
    }));
  }
  void TearDown() override {
    db_.reset();
    if (!path_.empty()) {
      for (auto s : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + s);
    }
    if (!name_.empty()) AdminExec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  }
  void AdminExec(const std::string& sql) {
    PGconn* c = PQconnectdb(admin_.c_str());
    PQsetNoticeProcessor(
        c, [](void*, const char*) {}, nullptr);
    PQclear(PQexec(c, sql.c_str()));
    PQfinish(c);
  }
  Result<void> Insert(std::int64_t id, const std::string& name) {
    return db_->Write([&](Connection& c) -> Result<void> {
      ALLMENDE_TRY(c.Execute("INSERT INTO t (id, name) VALUES ($1, $2)", {id, name}));
      return Ok();
    });
  }
  std::int64_t Count() {
    auto n = db_->ReadValue<std::int64_t>([](Connection& c) -> Result<std::int64_t> {
      ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT count(*) FROM t"));
      return row->Int(0);
    });
    return n.ok() ? *n : -1;
  }

  std::filesystem::path path_;
  std::string admin_, name_;
  std::unique_ptr<Database> db_;
};

TEST_P(TransactionsTest, ATransactionOpenedInsideAnotherIsCaught) {
  // Before: the inner call waited for a second connection while holding the first; with every
  // worker doing it at once, the pool deadlocked. Now debug builds stop at the nesting.
  auto nested = [&] {
    return db_->Write([&](Connection&) -> Result<void> {
      return db_->Read([](Connection& c) -> Result<void> {
        ALLMENDE_TRY(c.Query("SELECT 1"));
        return Ok();
      });
    });
  };
#ifdef NDEBUG
  auto r = nested();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInternal);
#else
  ::testing::FLAGS_gtest_death_test_style = "threadsafe";
  EXPECT_DEATH((void)nested(), "inside another");
#endif
}

TEST_P(TransactionsTest, CallsInsideARequestTransactionJoinItEachInItsOwnSavepoint) {
  auto r = db_->RunRequest([&](Connection&) -> Result<void> {
    EXPECT_TRUE(Database::InTransaction());
    EXPECT_TRUE(Insert(1, "kept"));
    auto failed = db_->Write([&](Connection& c) -> Result<void> {
      ALLMENDE_TRY(c.Execute("INSERT INTO t (id, name) VALUES (2, 'rolled back')"));
      ALLMENDE_TRY(c.Execute("INSERT INTO t (id, name) VALUES (3, 'rolled back too')"));
      return Error::Conflict("changed its mind");
    });
    EXPECT_FALSE(failed.ok());
    // The failed call undid only its own work: the first insert is still visible, and a
    // unique violation (id 1 again) does not poison the transaction on PostgreSQL.
    EXPECT_FALSE(Insert(1, "again").ok());
    EXPECT_EQ(Count(), 1);
    return Ok();
  });
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_FALSE(Database::InTransaction());
  EXPECT_EQ(Count(), 1);
}

TEST_P(TransactionsTest, WhatAFailedJoinedCallAnnouncedIsNeverAnnounced) {
  std::vector<std::string> announced;
  auto r = db_->RunRequest([&](Connection&) -> Result<void> {
    EXPECT_TRUE(db_->Write([&](Connection& c) -> Result<void> {
      c.OnCommit([&] { announced.push_back("kept"); });
      return Ok();
    }));
    EXPECT_FALSE(db_->Write([&](Connection& c) -> Result<void> {
      c.OnCommit([&] { announced.push_back("rolled back"); });
      return Error::Conflict("changed its mind");
    }));
    return Ok();
  });
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(announced, (std::vector<std::string>{"kept"}));
}

TEST_P(TransactionsTest, AFailedRequestTransactionLeavesNothing) {
  auto r = db_->RunRequest([&](Connection&) -> Result<void> {
    EXPECT_TRUE(Insert(1, "a"));
    return Error::Unavailable("the handler gave up");
  });
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(Count(), 0);
}

TEST_P(TransactionsTest, WaitingForAConnectionHasADeadline) {
  // Every connection of the pool (and on SQLite the one writer) stays taken past the deadline:
  // the next caller hears Unavailable with Retry-After instead of queueing without end.
  std::atomic<int> holding{0};
  std::atomic<bool> release{false};
  std::vector<std::thread> holders;
  const bool sqlite = GetParam() == "sqlite";
  for (int i = 0; i < (sqlite ? 1 : kPool); ++i) {
    holders.emplace_back([&] {
      (void)db_->Write([&](Connection&) -> Result<void> {
        ++holding;
        while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(5));
        return Ok();
      });
    });
  }
  while (holding < (sqlite ? 1 : kPool)) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  auto started = std::chrono::steady_clock::now();
  auto r = Insert(9, "late");
  auto waited = std::chrono::steady_clock::now() - started;
  release = true;
  for (auto& t : holders) t.join();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(r.error().retry_after_seconds, 1);
  EXPECT_GE(waited, std::chrono::milliseconds(kDeadlineMs - 50));
  EXPECT_LT(waited, std::chrono::milliseconds(kDeadlineMs * 5));
  EXPECT_TRUE(Insert(10, "after").ok()) << "the pool works again once the holders are done";
}

TEST_P(TransactionsTest, ConcurrentWritersAreEachDurableAndOneFailureFailsNoOther) {
  constexpr int kThreads = 8, kEach = 40;
  std::atomic<int> acknowledged{0}, refused{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        std::int64_t id = t * 1000 + i;
        // Every fifth write fails after inserting: its row must vanish, the others' must not.
        auto r = db_->Write([&](Connection& c) -> Result<void> {
          ALLMENDE_TRY(c.Execute("INSERT INTO t (id, name) VALUES ($1, $2)", {id, "n" + std::to_string(id)}));
          if (i % 5 == 4) return Error::Invalid("name", "refused on purpose");
          return Ok();
        });
        if (r.ok()) {
          ++acknowledged;
        } else if (r.error().code == ErrorCode::kInvalidArgument) {
          ++refused;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(refused, kThreads * kEach / 5);
  EXPECT_EQ(acknowledged, kThreads * kEach - refused);
  EXPECT_EQ(Count(), acknowledged);
}

INSTANTIATE_TEST_SUITE_P(Backends, TransactionsTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

TEST(GroupCommit, ConcurrentSqliteWritersShareCommits) {
  auto path = std::filesystem::path(::testing::TempDir()) / ("allmende_group_" + std::to_string(::getpid()) + ".db");
  for (auto s : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + s);
  auto db = std::move(*OpenSqlite({.path = path.string(), .read_connections = 2, .busy_timeout_ms = 5000}));
  ASSERT_TRUE(db->Write([](Connection& c) { return c.ExecuteScript("CREATE TABLE g (id INTEGER PRIMARY KEY)"); }));
  std::vector<std::thread> threads;
  for (int t = 0; t < 16; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 30; ++i) {
        EXPECT_TRUE(db->Write([&](Connection& c) -> Result<void> {
          ALLMENDE_TRY(c.Execute("INSERT INTO g (id) VALUES ($1)", {std::int64_t{t * 100 + i}}));
          return Ok();
        }));
      }
    });
  }
  for (auto& t : threads) t.join();
  auto s = db->Stats();
  EXPECT_EQ(s.write_transactions, 16u * 30u + 1u);
  // Sixteen writers at once: far fewer fsyncs than transactions.
  EXPECT_LT(s.write_commits * 2, s.write_transactions) << s.write_commits << " commits";
  db.reset();
  for (auto s2 : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + s2);
}

}  // namespace
}  // namespace allmende::storage
