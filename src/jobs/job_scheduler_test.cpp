#include "jobs/job_scheduler.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "storage/migrations.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace allmende::jobs {
namespace {

class JobSchedulerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::path(::testing::TempDir()) /
            ("allmende_jobs_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    db_ = std::move(*storage::OpenSqlite({.path = path_.string(), .read_connections = 1, .busy_timeout_ms = 2000}));
    ASSERT_TRUE(storage::ApplyMigrations(*db_, storage::EmbeddedMigrations("sqlite")));
    ASSERT_TRUE(db_->Write([](storage::Connection& c) { return c.ExecuteScript("CREATE TABLE effects (job TEXT)"); }));
  }
  void TearDown() override {
    db_.reset();
    for (auto s : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + s);
  }
  JobHandler RecordEffect() {
    return [](storage::Connection& c, const Job& job, Timestamp) -> Result<void> {
      ALLMENDE_TRY(c.Execute("INSERT INTO effects (job) VALUES ($1)", {job.run_key}));
      return Ok();
    };
  }
  std::string Query(const std::string& sql) {
    return *db_->ReadValue<std::string>([&](storage::Connection& c) -> Result<std::string> {
      ALLMENDE_ASSIGN_OR_RETURN(auto r, c.QueryOne(sql));
      return r ? r->Text(0) : std::string();
    });
  }
  void ScheduleAt(const std::string& key, Timestamp at) {
    ASSERT_TRUE(db_->Write([&](storage::Connection& c) -> Result<void> {
      ALLMENDE_TRY(JobScheduler::Schedule(c, "test.effect", key, at, clock_.Now()));
      return Ok();
    }));
  }
  std::filesystem::path path_;
  std::unique_ptr<storage::Database> db_;
  ManualTimeSource clock_{*ParseRfc3339("2026-11-24T10:00:00Z")};
};

TEST_F(JobSchedulerTest, JobRunsWhenDueAndOnlyOnce) {
  JobScheduler s(*db_, clock_, "p1");
  s.Register("test.effect", RecordEffect());
  ScheduleAt("once", clock_.Now() + std::chrono::minutes(5));
  ScheduleAt("once", clock_.Now() + std::chrono::minutes(5));  // scheduling twice makes one job
  EXPECT_EQ(*s.RunDue(), 0);
  clock_.Advance(std::chrono::minutes(5));
  EXPECT_EQ(*s.RunDue(), 1);
  EXPECT_EQ(*s.RunDue(), 0);
  JobScheduler other(*db_, clock_, "p2");
  other.Register("test.effect", RecordEffect());
  EXPECT_EQ(*other.RunDue(), 0);
  EXPECT_EQ(Query("SELECT count(*) FROM effects"), "1");
  EXPECT_EQ(Query("SELECT finished_by FROM jobs"), "p1");
}

TEST_F(JobSchedulerTest, FailedHandlerLeavesNoEffectAndIsRetriedLater) {
  JobScheduler s(*db_, clock_, "p1");
  int calls = 0;
  s.Register("test.effect", [&](storage::Connection& c, const Job& job, Timestamp now) -> Result<void> {
    ALLMENDE_TRY(RecordEffect()(c, job, now));
    if (++calls == 1) return Error::Unavailable("the first try fails");
    return Ok();
  });
  ScheduleAt("flaky", clock_.Now());
  EXPECT_EQ(*s.RunDue(), 1);  // attempted (and failed)
  EXPECT_EQ(Query("SELECT count(*) FROM effects"), "0");
  EXPECT_EQ(Query("SELECT last_error FROM jobs"), "the first try fails");
  EXPECT_EQ(*s.RunDue(), 0);
  clock_.Advance(std::chrono::minutes(1));
  EXPECT_EQ(*s.RunDue(), 1);
  EXPECT_EQ(Query("SELECT count(*) FROM effects"), "1");
  EXPECT_EQ(Query("SELECT status || ' ' || attempts FROM jobs"), "done 2");
}

TEST_F(JobSchedulerTest, GivesUpAfterMaxAttempts) {
  JobScheduler s(*db_, clock_, "p1");
  s.max_attempts = 2;
  s.Register("test.effect", [](storage::Connection&, const Job&, Timestamp) -> Result<void> {
    return Error::Unavailable("never works");
  });
  ScheduleAt("doomed", clock_.Now());
  for (int i = 0; i < 4; ++i) {
    (void)s.RunDue();
    clock_.Advance(std::chrono::hours(1));
  }
  EXPECT_EQ(Query("SELECT status || ' ' || attempts FROM jobs"), "failed 2");
}

TEST_F(JobSchedulerTest, PeriodicJobRunsOncePerPeriodWhateverTheNumberOfSchedulers) {
  JobScheduler a(*db_, clock_, "a"), b(*db_, clock_, "b");
  for (auto* s : {&a, &b}) {
    s->Register("test.effect", RecordEffect());
    s->Every("test.effect", std::chrono::hours(1));
  }
  for (int i = 0; i < 3; ++i) {  // three passes in the same hour, by both
    (void)a.RunDue();
    (void)b.RunDue();
    clock_.Advance(std::chrono::minutes(10));
  }
  EXPECT_EQ(Query("SELECT count(*) FROM effects"), "1");
  clock_.Advance(std::chrono::hours(1));
  (void)b.RunDue();
  EXPECT_EQ(Query("SELECT count(*) FROM effects"), "2");
  EXPECT_EQ(Query("SELECT min(job) FROM effects"), "2026-11-24T10:00:00.000Z");
}

TEST_F(JobSchedulerTest, UnknownKindFailsInsteadOfBlockingTheQueue) {
  JobScheduler s(*db_, clock_, "p1");
  s.Register("test.effect", RecordEffect());
  ASSERT_TRUE(db_->Write([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_TRY(JobScheduler::Schedule(c, "unknown.kind", "k", clock_.Now(), clock_.Now()));
    return Ok();
  }));
  ScheduleAt("after", clock_.Now() + std::chrono::seconds(1));
  clock_.Advance(std::chrono::seconds(1));
  (void)s.RunDue();
  EXPECT_EQ(Query("SELECT count(*) FROM effects"), "1");
}

}  // namespace
}  // namespace allmende::jobs
