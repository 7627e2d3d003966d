#include "storage/single_use_tokens.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <barrier>
#include <filesystem>
#include <thread>

#include "storage/migrations.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace allmende::storage {
namespace {

class SingleUseTokensTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::path(::testing::TempDir()) / ("allmende_tokens_" + std::to_string(::getpid()) + ".db");
    a_ = Open();
    ASSERT_TRUE(ApplyMigrations(*a_, EmbeddedMigrations("sqlite")));
    b_ = Open();  // a second pool on the same file: what a second process would have
  }
  void TearDown() override {
    a_.reset();
    b_.reset();
    for (auto s : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + s);
  }
  std::unique_ptr<Database> Open() {
    return std::move(*OpenSqlite({.path = path_.string(), .read_connections = 1, .busy_timeout_ms = 5000}));
  }
  std::string Issue(Timestamp now, std::chrono::minutes valid) {
    return *a_->WriteValue<std::string>(
        [&](Connection& c) { return IssueSingleUseToken(c, "password_reset", "usr_1", "", now, now + valid); });
  }
  Result<std::string> Use(Database& db, const std::string& secret, Timestamp now) {
    return db.WriteValue<std::string>(
        [&](Connection& c) { return UseSingleUseToken(c, "password_reset", secret, now); });
  }
  std::filesystem::path path_;
  std::unique_ptr<Database> a_, b_;
  Timestamp now_ = Now();
};

TEST_F(SingleUseTokensTest, WorksOnceThenConflicts) {
  std::string secret = Issue(now_, std::chrono::minutes(30));
  EXPECT_EQ(secret.size(), 43u);
  auto first = Use(*a_, secret, now_);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(*first, "usr_1");
  auto second = Use(*b_, secret, now_);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, ErrorCode::kConflict);
  EXPECT_NE(second.error().message.find("already been used"), std::string::npos);
}

TEST_F(SingleUseTokensTest, ExpiredUnknownAndWrongPurposeAreRefused) {
  std::string secret = Issue(now_, std::chrono::minutes(30));
  auto late = Use(*a_, secret, now_ + std::chrono::minutes(31));
  EXPECT_NE(late.error().message.find("expired"), std::string::npos);
  EXPECT_EQ(Use(*a_, "no-such-secret", now_).error().code, ErrorCode::kNotFound);
  auto other =
      a_->WriteValue<std::string>([&](Connection& c) { return UseSingleUseToken(c, "invitation", secret, now_); });
  EXPECT_EQ(other.error().code, ErrorCode::kNotFound);
}

TEST_F(SingleUseTokensTest, OfTwoConcurrentUsesExactlyOneWins) {
  for (int round = 0; round < 20; ++round) {
    std::string secret = Issue(now_, std::chrono::minutes(30));
    std::atomic<int> wins{0}, conflicts{0};
    std::barrier start(2);
    auto racer = [&](Database& db) {
      start.arrive_and_wait();
      auto r = Use(db, secret, now_);
      if (r) {
        ++wins;
      } else if (r.error().code == ErrorCode::kConflict) {
        ++conflicts;
      }
    };
    std::thread t1(racer, std::ref(*a_)), t2(racer, std::ref(*b_));
    t1.join();
    t2.join();
    EXPECT_EQ(wins, 1) << "round " << round;
    EXPECT_EQ(conflicts, 1) << "round " << round;
  }
}

}  // namespace
}  // namespace allmende::storage

namespace allmende::storage {
namespace {

// Defect 2: used and expired links were kept for ever.
TEST_F(SingleUseTokensTest, HousekeepingRemovesExpiredLinksAndKeepsLiveOnes) {
  Issue(now_ - std::chrono::hours(48), std::chrono::minutes(30));  // expired two days ago
  std::string live = Issue(now_, std::chrono::minutes(30));
  auto removed = a_->WriteValue<std::int64_t>(
      [&](Connection& c) { return PurgeSingleUseTokens(c, now_ - std::chrono::hours(24)); });
  ASSERT_TRUE(removed.ok());
  EXPECT_EQ(*removed, 1);
  EXPECT_TRUE(Use(*a_, live, now_)) << "a link still valid stays";
}

}  // namespace
}  // namespace allmende::storage
