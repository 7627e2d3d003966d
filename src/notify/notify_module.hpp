// E-mail as main.cpp registers it: the outbox sender of this process (when mail.smtp_url is
// set), its counters, and the purge of sent messages.
#pragma once

#include <memory>

#include "app/module.hpp"
#include "common/config.hpp"
#include "notify/outbox.hpp"
#include "notify/outbox_sender.hpp"

namespace allmende::notify {

class NotifyModule final : public app::Module {
 public:
  // `owner` names this process in the leases of messages it is sending.
  NotifyModule(storage::Database& db, Outbox& outbox, const TimeSource& clock, const MailConfig& mail,
               const std::string& owner);

  void AddRoutes(http::Router&) override {}
  void AddJobs(jobs::JobScheduler& scheduler) override;
  void AddMetrics(http::Metrics& metrics) override;
  void Start() override;
  void Stop() override;

 private:
  const Outbox& outbox_;
  std::unique_ptr<OutboxSender> sender_;
};

}  // namespace allmende::notify
