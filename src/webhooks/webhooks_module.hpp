// Webhooks as main.cpp registers them: the admin's routes, the emitter features hold, and this
// process's webhook sender (its own thread, so a slow receiver never holds up e-mail).
#pragma once

#include <memory>

#include "app/module.hpp"
#include "notify/outbox_sender.hpp"
#include "webhooks/webhooks.hpp"

namespace allmende::webhooks {

class WebhooksModule final : public app::Module {
 public:
  // `owner` names this process in the leases of deliveries it is sending.
  WebhooksModule(storage::Database& db, const TimeSource& clock, const storage::FieldCipher& cipher,
                 const WebhooksConfig& config, const std::string& owner);

  void AddRoutes(http::Router& router) override;
  void AddMetrics(http::Metrics& metrics) override;
  void Start() override;
  void Stop() override;

  const Emitter& emitter() const { return emitter_; }

 private:
  notify::Outbox outbox_;
  Emitter emitter_;
  WebhookService service_;
  std::unique_ptr<notify::OutboxSender> sender_;
};

}  // namespace allmende::webhooks
