#include "access/access_log.hpp"

#include <thread>

#include "access/access_test_world.hpp"

namespace allmende::access {
namespace {

class AccessLogTest : public AccessWorld {
 protected:
  void SetUp() override {
    AccessWorld::SetUp();
    Region("reg_a");
    User("aino");
    User("mikko");
  }
  Result<void> Append(const std::string& action, const std::string& region = "reg_a") {
    return db_->Write([&](storage::Connection& c) {
      return AppendAccess(
          c, Decision{"mikko", "advisor", "", "region_staff", "advice"},
          {.action = action, .subject_type = "client", .subject_id = "aino", .client_id = "aino", .region_id = region},
          "req_1", *ParseRfc3339("2026-11-24T08:00:00Z"));
    });
  }
  VerifyReport Verify() {
    EXPECT_TRUE(SealAccessLog(*db_));
    return *VerifyAccessLog(*db_);
  }
};

TEST_F(AccessLogTest, EntriesChainAndTheClientSeesThemNewestFirst) {
  ASSERT_TRUE(Append("client.read"));
  ASSERT_TRUE(Append("client.update"));
  ASSERT_TRUE(Append("region.create", ""));
  auto page = db_->ReadValue<AccessPage>([](storage::Connection& c) { return ListClientAccess(c, "aino", 1, ""); });
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].actor_name, "Name of mikko");
  EXPECT_EQ(page->items[0].purpose, "advice");
  ASSERT_TRUE(page->next_cursor);
  auto rest = db_->ReadValue<AccessPage>(
      [&](storage::Connection& c) { return ListClientAccess(c, "aino", 10, *page->next_cursor); });
  ASSERT_EQ(rest->items.size(), 2u);
  EXPECT_FALSE(rest->next_cursor);
  auto report = Verify();
  EXPECT_EQ(report.chains, 2);
  EXPECT_EQ(report.entries, 3);
  EXPECT_TRUE(report.breaks.empty());
}

TEST_F(AccessLogTest, UpdatesAndDeletesAreRefusedOnceSealed) {
  ASSERT_TRUE(Append("client.read"));
  EXPECT_FALSE(db_->Write([](storage::Connection& c) -> Result<void> {
    ALLMENDE_TRY(c.Execute("UPDATE access_log SET purpose = 'before sealing', hash = 'x'"));
    return Ok();
  })) << "sealing changes nothing but seq and hashes";
  EXPECT_EQ(*SealAccessLog(*db_), 1);
  auto update = db_->Write([](storage::Connection& c) -> Result<void> {
    ALLMENDE_TRY(c.Execute("UPDATE access_log SET purpose = 'nothing to see'"));
    return Ok();
  });
  ASSERT_FALSE(update);
  EXPECT_NE(update.error().message.find("append-only"), std::string::npos) << update.error().message;
  EXPECT_FALSE(db_->Write([](storage::Connection& c) -> Result<void> {
    ALLMENDE_TRY(c.Execute("DELETE FROM access_log"));
    return Ok();
  }));
}

TEST_F(AccessLogTest, VerifyFindsAChangedAndARemovedEntry) {
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(Append("client.read"));
  EXPECT_TRUE(Verify().breaks.empty());
  // Someone with the database file drops the guard and edits history.
  Sql("DROP TRIGGER access_log_no_update");
  Sql("UPDATE access_log SET actor_name = 'Someone else' WHERE seq = 3");
  auto report = Verify();
  ASSERT_EQ(report.breaks.size(), 1u);
  EXPECT_EQ(report.breaks[0].seq, 3);
  EXPECT_EQ(report.breaks[0].reason, "entry was changed after it was written");
  Sql("UPDATE access_log SET actor_name = 'Name of mikko' WHERE seq = 3");
  EXPECT_TRUE(Verify().breaks.empty());
  Sql("DROP TRIGGER access_log_no_delete");
  Sql("DELETE FROM access_log WHERE seq = 5");
  report = Verify();
  ASSERT_EQ(report.breaks.size(), 1u);
  EXPECT_EQ(report.breaks[0].seq, 5);
  Sql("DELETE FROM access_log WHERE seq = 2");
  report = Verify();
  ASSERT_EQ(report.breaks.size(), 1u);
  EXPECT_EQ(report.breaks[0].seq, 3);
  EXPECT_EQ(report.breaks[0].reason, "entry 2 is missing");
}

TEST_F(AccessLogTest, ParallelAppendsAndSealersMakeOneUnbrokenChain) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([this, t] {
      for (int i = 0; i < 25; ++i) {
        EXPECT_TRUE(Append("client.read"));
        if (t == 0 && i % 5 == 0) {
          EXPECT_TRUE(SealAccessLog(*db_, 7));
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  auto report = Verify();
  EXPECT_EQ(report.entries, 100);
  EXPECT_TRUE(report.breaks.empty());
}

TEST_F(AccessLogTest, StatedPurposeIsCheckedAndSearchValidatesTimes) {
  EXPECT_EQ(*StatedPurpose("Kotikäynnin valmistelu"), "Kotikäynnin valmistelu");
  EXPECT_EQ(StatedPurpose(std::string(201, 'x')).error().fields.at(0).field, "X-Access-Purpose");
  EXPECT_FALSE(StatedPurpose("line\nbreak"));
  auto bad = db_->ReadValue<AccessPage>(
      [](storage::Connection& c) { return SearchAccess(c, {.region_id = "reg_a", .from = "yesterday", .limit = 0}); });
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().fields.size(), 2u);
}

}  // namespace
}  // namespace allmende::access
