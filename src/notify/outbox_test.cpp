#include "notify/outbox.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "notify/outbox_sender.hpp"
#include "smtp_sink.hpp"
#include "storage/migrations.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace allmende::notify {
namespace {

class OutboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::path(::testing::TempDir()) /
            ("allmende_outbox_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    db_ = std::move(*storage::OpenSqlite({.path = path_.string(), .read_connections = 1, .busy_timeout_ms = 2000}));
    ASSERT_TRUE(storage::ApplyMigrations(*db_, storage::EmbeddedMigrations("sqlite")));
  }
  void TearDown() override {
    db_.reset();
    for (auto s : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + s);
  }
  std::unique_ptr<OutboxSender> Sender(const std::string& owner) {
    return std::make_unique<OutboxSender>(
        *db_, outbox_, MakeSmtpMailer({.url = sink_.url(), .from = "Allmende <noreply@allmende.test>"}), clock_,
        SenderOptions{.owner = owner, .lease = std::chrono::seconds(60), .poll = std::chrono::minutes(10)});
  }
  std::string Enqueue(const std::string& to, const std::string& subject, const std::string& body) {
    return *db_->WriteValue<std::string>([&](storage::Connection& c) {
      return outbox_.Enqueue(c, {.recipient = to, .subject = subject, .body = body}, clock_.Now());
    });
  }
  OutboxStats Stats() {
    return *db_->ReadValue<OutboxStats>([&](storage::Connection& c) { return outbox_.Stats(c); });
  }

  std::filesystem::path path_;
  std::unique_ptr<storage::Database> db_;
  Outbox outbox_;
  ManualTimeSource clock_{Now()};
  testing::SmtpSink sink_;
};

TEST_F(OutboxTest, MessageOfARolledBackTransactionIsNeverSent) {
  auto r = db_->Write([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_TRY(outbox_.Enqueue(c, {.recipient = "aino@example.fi", .subject = "x", .body = "y"}, clock_.Now()));
    return Error::Conflict("the change failed");
  });
  EXPECT_FALSE(r);
  EXPECT_EQ(*Sender("a")->RunOnce(), 0);
  EXPECT_EQ(sink_.Count(), 0u);
}

TEST_F(OutboxTest, DeliversEachMessageOnceOverRealSmtp) {
  std::string id = Enqueue("Aino Virtanen <aino@example.fi>", "Tilausvahvistus – siivous",
                           "Hei Aino,\ntilauksesi on vastaanotettu.\n.\nTerveisin");
  auto sender = Sender("a");
  EXPECT_EQ(*sender->RunOnce(), 1);
  EXPECT_EQ(*sender->RunOnce(), 0);
  ASSERT_EQ(sink_.Count(), 1u);
  auto mail = sink_.Messages()[0];
  EXPECT_EQ(mail.to, std::vector<std::string>{"aino@example.fi"});
  EXPECT_EQ(mail.from, "noreply@allmende.test");
  EXPECT_EQ(mail.message_id, id + "@allmende");
  EXPECT_NE(mail.data.find("Subject: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(mail.data.find("\r\n.\r\nTerveisin"), std::string::npos) << "a lone dot line survives SMTP";
  EXPECT_EQ(Stats().sent, 1);
}

TEST_F(OutboxTest, TemporaryRefusalIsRetriedAfterBackoff) {
  Enqueue("ebba@example.fi", "Bekräftelse", "Hej Ebba");
  sink_.RefuseNext(1);
  auto sender = Sender("a");
  EXPECT_EQ(*sender->RunOnce(), 0);
  EXPECT_EQ(Stats().pending, 1);
  EXPECT_EQ(*sender->RunOnce(), 0) << "not due again before the backoff";
  clock_.Advance(RetryDelay(1) + std::chrono::seconds(1));
  EXPECT_EQ(*sender->RunOnce(), 1);
  EXPECT_EQ(sink_.Count(), 1u);
}

TEST_F(OutboxTest, GivesUpAfterMaxAttempts) {
  Enqueue("x@example.fi", "s", "b");
  sink_.RefuseNext(100);
  OutboxSender sender(*db_, outbox_, MakeSmtpMailer({.url = sink_.url(), .from = "a@b.c"}), clock_,
                      SenderOptions{.owner = "a", .max_attempts = 3});
  for (int i = 0; i < 5; ++i) {
    (void)sender.RunOnce();
    clock_.Advance(std::chrono::hours(2));
  }
  EXPECT_EQ(Stats().failed, 1);
  EXPECT_EQ(sink_.Count(), 0u);
}

TEST_F(OutboxTest, LeaseOfADeadSenderRunsOutAndAnotherDelivers) {
  Enqueue("liisa@example.fi", "s", "b");
  // Sender "dead" claims and dies before delivering.
  auto claimed = db_->WriteValue<std::vector<OutboxMessage>>([&](storage::Connection& c) {
    return outbox_.Claim(c, "email", "dead", clock_.Now(), std::chrono::seconds(60), 10);
  });
  ASSERT_EQ(claimed->size(), 1u);
  auto alive = Sender("alive");
  EXPECT_EQ(*alive->RunOnce(), 0) << "still leased";
  clock_.Advance(std::chrono::seconds(61));
  EXPECT_EQ(*alive->RunOnce(), 1);
  EXPECT_EQ(sink_.Count(), 1u);
}

TEST_F(OutboxTest, BackgroundSenderIsWokenByTheCommit) {
  // A poll interval far longer than the test: only the commit's wake-up can deliver in time.
  auto sender = Sender("bg");
  outbox_.SetWaker([&] { sender->Wake(); });
  sender->Start();
  ASSERT_TRUE(db_->Write([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_TRY(outbox_.Enqueue(c, {.recipient = "a@b.fi", .subject = "s", .body = "b"}, clock_.Now()));
    return Ok();
  }));
  EXPECT_TRUE(sink_.WaitFor(1, std::chrono::seconds(5)));
  sender->Stop();
}

TEST_F(OutboxTest, PurgeRemovesOnlyOldSentMessages) {
  Enqueue("a@b.fi", "s", "b");
  ASSERT_EQ(*Sender("a")->RunOnce(), 1);
  Enqueue("c@d.fi", "s", "b");
  auto purged = db_->WriteValue<std::int64_t>(
      [&](storage::Connection& c) { return outbox_.PurgeSent(c, clock_.Now() + std::chrono::hours(1)); });
  EXPECT_EQ(*purged, 1);
  EXPECT_EQ(Stats().pending, 1);
}

TEST_F(OutboxTest, ARecipientWaitingForARetryIsPausedWhileOthersGoAhead) {
  auto enqueue = [&](const std::string& to) {
    return *db_->WriteValue<std::string>([&](storage::Connection& c) {
      return outbox_.Enqueue(c, {.channel = "webhook", .recipient = to, .subject = "order.changed", .body = "{}"},
                             clock_.Now());
    });
  };
  auto claim = [&](const std::string& owner) {
    return *db_->WriteValue<std::vector<OutboxMessage>>([&](storage::Connection& c) {
      return outbox_.Claim(c, "webhook", owner, clock_.Now(), std::chrono::seconds(60), 10);
    });
  };
  const std::string first = enqueue("whk_down");
  auto batch = claim("a");
  ASSERT_EQ(batch.size(), 1u);
  ASSERT_TRUE(db_->Write([&](storage::Connection& c) {
    return outbox_.MarkFailed(c, first, "a", "HTTP 503", clock_.Now() + std::chrono::minutes(1), 8);
  }));
  // Two more for the failing receiver and one for another: only the other is claimed now.
  enqueue("whk_down");
  enqueue("whk_down");
  enqueue("whk_up");
  batch = claim("b");
  ASSERT_EQ(batch.size(), 1u);
  EXPECT_EQ(batch[0].recipient, "whk_up");
  ASSERT_TRUE(*db_->WriteValue<bool>(
      [&](storage::Connection& c) { return outbox_.MarkSent(c, batch[0].id, "b", clock_.Now()); }));
  // When the retry is due, the failing receiver's deliveries are claimed again, the retry first.
  clock_.Advance(std::chrono::minutes(2));
  batch = claim("c");
  ASSERT_EQ(batch.size(), 3u);
  EXPECT_EQ(batch[0].id, first);
}

}  // namespace
}  // namespace allmende::notify
