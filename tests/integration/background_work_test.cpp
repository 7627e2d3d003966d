// The outbox sender and the job runner inside the real server, on both backends.
#include <chrono>
#include <thread>

#include "problem_assertions.hpp"
#include "server_harness.hpp"
#include "smtp_sink.hpp"

namespace allmende::testing {
namespace {

// SQL that queues `n` e-mails due long ago, written as a feature would write them.
std::string QueueEmails(int n, const std::string& prefix) {
  std::string due = "'2000-01-01T00:00:00.000Z'";
  if (TestBackend() == "postgresql") {
    return "INSERT INTO outbox_messages (id, channel, recipient, subject, body, next_attempt_at, created_at) "
           "SELECT '" +
           prefix +
           "' || lpad(g::text, 5, '0'), 'email', 'user' || g || '@example.fi', 'Hei ' || g, "
           "'Viesti ' || g, " +
           due + ", " + due + " FROM generate_series(1, " + std::to_string(n) + ") AS g";
  }
  return "WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < " + std::to_string(n) +
         ") INSERT INTO outbox_messages (id, channel, recipient, subject, body, next_attempt_at, created_at) "
         "SELECT '" +
         prefix +
         "' || printf('%05d', i), 'email', 'user' || i || '@example.fi', 'Hei ' || i, "
         "'Viesti ' || i, " +
         due + ", " + due + " FROM g";
}

TEST(BackgroundWork, QueuedEmailIsDeliveredOverSmtpAndMarkedSent) {
  SmtpSink sink;
  TestServer server({.args = {"--set", "mail.smtp_url=" + sink.url(), "--set", "mail.poll_ms=100"}});
  ASSERT_TRUE(server.started());
  ASSERT_EQ(server.database().Execute(QueueEmails(20, "msg_bg_")), "");
  ASSERT_TRUE(sink.WaitFor(20, std::chrono::seconds(20))) << sink.Count();
  EXPECT_TRUE(Eventually(
      [&] { return server.database().Execute("SELECT count(*) FROM outbox_messages WHERE status = 'sent'") == "20"; },
      std::chrono::seconds(10)));
  auto mails = sink.Messages();
  EXPECT_EQ(mails.size(), 20u);
  EXPECT_EQ(sink.CountByMessageId().size(), 20u);
  auto metrics = server.Get("/metrics");
  EXPECT_NE(metrics->body.find("allmende_outbox_delivered_total 20"), std::string::npos);
}

TEST(BackgroundWork, SmtpOutageIsRetriedWithoutLosingMail) {
  SmtpSink sink;
  sink.RefuseNext(3);
  TestServer server({.args = {"--set", "mail.smtp_url=" + sink.url(), "--set", "mail.poll_ms=100"}});
  ASSERT_TRUE(server.started());
  ASSERT_EQ(server.database().Execute(QueueEmails(3, "msg_retry_")), "");
  // All three are refused once and wait for their backoff (30 s); pull it forward, as time would.
  ASSERT_TRUE(Eventually(
      [&] {
        return server.database().Execute(
                   "SELECT count(*) FROM outbox_messages WHERE attempts = 1 AND lease_owner IS NULL") == "3";
      },
      std::chrono::seconds(10)));
  EXPECT_EQ(sink.Count(), 0u);
  ASSERT_EQ(server.database().Execute("UPDATE outbox_messages SET next_attempt_at = '2000-01-01T00:00:00.000Z'"), "");
  ASSERT_TRUE(sink.WaitFor(3, std::chrono::seconds(10)));
  EXPECT_EQ(server.database().Execute("SELECT min(attempts) FROM outbox_messages WHERE status = 'sent'"), "2");
}

TEST(BackgroundWork, MaintenanceJobsAreScheduledAndRun) {
  TestServer server({.args = {"--set", "jobs.poll_ms=100"}});
  ASSERT_TRUE(server.started());
  EXPECT_TRUE(Eventually(
      [&] {
        return server.database().Execute(
                   "SELECT count(*) FROM jobs WHERE status = 'done' AND kind IN ('idempotency.purge', "
                   "'outbox.purge')") == "2";
      },
      std::chrono::seconds(10)))
      << server.database().Execute("SELECT count(*) FROM jobs");
}

}  // namespace
}  // namespace allmende::testing
