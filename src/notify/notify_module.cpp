#include "notify/notify_module.hpp"

#include "common/log.hpp"
#include "notify/smtp_mailer.hpp"

namespace allmende::notify {

NotifyModule::NotifyModule(storage::Database& db, Outbox& outbox, const TimeSource& clock, const MailConfig& mail,
                           const std::string& owner)
    : outbox_(outbox) {
  if (mail.smtp_url.empty()) {
    log::Warn("mail_disabled", {{"reason", "mail.smtp_url is empty; e-mail stays in the outbox"}});
    return;
  }
  sender_ = std::make_unique<OutboxSender>(
      db, outbox,
      MakeSmtpMailer({.url = mail.smtp_url, .from = mail.from, .username = mail.username, .password = mail.password}),
      clock,
      SenderOptions{.owner = owner,
                    .lease = std::chrono::seconds(mail.lease_seconds),
                    .poll = std::chrono::milliseconds(mail.poll_ms)});
  outbox.SetWaker([s = sender_.get()] { s->Wake(); });
}

void NotifyModule::AddJobs(jobs::JobScheduler& scheduler) {
  scheduler.Register("outbox.purge", [this](storage::Connection& c, const jobs::Job&, Timestamp now) -> Result<void> {
    ALLMENDE_TRY(outbox_.PurgeSent(c, now - std::chrono::hours(24 * 30)));
    return Ok();
  });
  scheduler.Every("outbox.purge", std::chrono::hours(24));
}

void NotifyModule::AddMetrics(http::Metrics& metrics) {
  metrics.AddCollector([this](std::string& out) {
    if (!sender_) return;
    out += "# TYPE allmende_outbox_delivered_total counter\nallmende_outbox_delivered_total " +
           std::to_string(sender_->delivered()) + "\n";
    out += "# TYPE allmende_outbox_failures_total counter\nallmende_outbox_failures_total " +
           std::to_string(sender_->failures()) + "\n";
  });
}

void NotifyModule::Start() {
  if (sender_) sender_->Start();
}

void NotifyModule::Stop() {
  if (sender_) sender_->Stop();
}

}  // namespace allmende::notify
