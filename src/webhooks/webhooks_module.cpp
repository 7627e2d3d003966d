#include "webhooks/webhooks_module.hpp"

#include <boost/json.hpp>

#include "common/json.hpp"

namespace allmende::webhooks {
namespace {

boost::json::array Strings(const std::vector<std::string>& items) {
  boost::json::array out;
  for (const auto& s : items) out.emplace_back(s);
  return out;
}

boost::json::object EndpointObject(const Endpoint& e) {
  return {{"id", e.id},
          {"organization_id", e.organization_id},
          {"url", e.url},
          {"description", e.description},
          {"events", Strings(e.events)},
          {"active", e.active},
          {"secret_hint", e.secret_hint},
          {"created_at", e.created_at},
          {"created_by", e.created_by}};
}

std::string EndpointJson(const Endpoint& e) { return boost::json::serialize(EndpointObject(e)); }

std::string DeliveryJson(const Delivery& d) {
  auto opt = [](const std::optional<std::string>& s) {
    return s ? boost::json::value(*s) : boost::json::value(nullptr);
  };
  return boost::json::serialize(boost::json::object{{"id", d.id},
                                                    {"webhook_id", d.webhook_id},
                                                    {"url", d.url},
                                                    {"event", d.event},
                                                    {"status", d.status},
                                                    {"attempts", d.attempts},
                                                    {"last_error", opt(d.last_error)},
                                                    {"next_attempt_at", d.next_attempt_at},
                                                    {"created_at", d.created_at},
                                                    {"sent_at", opt(d.sent_at)}});
}

}  // namespace

WebhooksModule::WebhooksModule(storage::Database& db, const TimeSource& clock, const storage::FieldCipher& cipher,
                               const WebhooksConfig& config, const std::string& owner)
    : outbox_(&cipher), emitter_(outbox_), service_(db, clock, cipher, emitter_, config) {
  // Each delivery may take the receiver's whole timeout: a small batch, and a lease long enough
  // for all of it, so that no other process takes a delivery this one is still sending.
  const int batch = 5;
  const auto lease = std::chrono::seconds(std::max(60, 2 * batch * config.timeout_ms / 1000 + 10));
  sender_ = std::make_unique<notify::OutboxSender>(
      db, outbox_, MakeWebhookPoster(db, cipher, clock, config), clock,
      notify::SenderOptions{.owner = owner + ":webhooks",
                            .lease = lease,
                            .batch = batch,
                            .poll = std::chrono::milliseconds(config.poll_ms),
                            .max_attempts = config.max_attempts,
                            .channel = "webhook",
                            .retry_base = std::chrono::milliseconds(config.retry_base_ms)});
  outbox_.SetWaker([s = sender_.get()] { s->Wake(); });
}

void WebhooksModule::AddRoutes(http::Router& router) {
  const http::RouteOptions manage{.access = http::Access::kPolicy, .action = "webhooks.manage"};
  router.Add(
      "GET", "/api/v1/organizations/{id}/webhooks",
      [this](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
        ALLMENDE_ASSIGN_OR_RETURN(auto list, service_.List(actor, std::string(r.Param("id"))));
        return http::JsonText(200, http::ItemsJson(list, EndpointJson));
      },
      manage);
  router.Add("POST", "/api/v1/organizations/{id}/webhooks",
             [this](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
               JsonFields f(doc);
               NewEndpoint in;
               std::optional<std::string> description;
               f.Required("url", &in.url);
               f.Optional("description", &description);
               f.Optional("events", &in.events, 10, 40);
               ALLMENDE_TRY(f.Finish());
               in.description = description.value_or("");
               ALLMENDE_ASSIGN_OR_RETURN(auto made, service_.Create(actor, std::string(r.Param("id")), in));
               auto o = EndpointObject(made.first);
               o["secret"] = made.second;
               return http::JsonText(201, boost::json::serialize(o));
             },
             {.access = http::Access::kPolicy,
              .action = "webhooks.manage",
              .secret_field = "secret",
              .body_limit = 8 * 1024,
              .json_body = true});
  router.Add(
      "DELETE", "/api/v1/organizations/{id}/webhooks/{webhook_id}",
      [this](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
        ALLMENDE_TRY(service_.Remove(actor, std::string(r.Param("id")), std::string(r.Param("webhook_id"))));
        return http::NoContent();
      },
      manage);
  router.Add(
      "POST", "/api/v1/organizations/{id}/webhooks/{webhook_id}/ping",
      [this](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
        ALLMENDE_ASSIGN_OR_RETURN(auto d,
                                  service_.Ping(actor, std::string(r.Param("id")), std::string(r.Param("webhook_id"))));
        return http::JsonText(202, DeliveryJson(d));
      },
      manage);
  router.Add(
      "GET", "/api/v1/organizations/{id}/webhook-deliveries",
      [this](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
        ALLMENDE_ASSIGN_OR_RETURN(int limit, http::LimitParam(r, 20));
        ALLMENDE_ASSIGN_OR_RETURN(
            auto page,
            service_.Deliveries(actor, std::string(r.Param("id")), r.QueryParam("status").value_or(""),
                                r.QueryParam("webhook_id").value_or(""), limit, r.QueryParam("cursor").value_or("")));
        std::string body = http::ItemsJson(page.items, DeliveryJson, page.next_cursor, true);
        body.pop_back();
        body += ",\"counts\":{\"pending\":" + std::to_string(page.pending) + ",\"sent\":" + std::to_string(page.sent) +
                ",\"failed\":" + std::to_string(page.failed) + "}}";
        return http::JsonText(200, std::move(body));
      },
      manage);
  router.Add(
      "POST", "/api/v1/organizations/{id}/webhook-deliveries/{delivery_id}/replay",
      [this](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
        ALLMENDE_ASSIGN_OR_RETURN(
            auto d, service_.Replay(actor, std::string(r.Param("id")), std::string(r.Param("delivery_id"))));
        return http::JsonText(200, DeliveryJson(d));
      },
      manage);
}

void WebhooksModule::AddMetrics(http::Metrics& metrics) {
  metrics.AddCollector([this](std::string& out) {
    out += "# TYPE allmende_webhooks_delivered_total counter\nallmende_webhooks_delivered_total " +
           std::to_string(sender_->delivered()) + "\n";
    out += "# TYPE allmende_webhooks_failures_total counter\nallmende_webhooks_failures_total " +
           std::to_string(sender_->failures()) + "\n";
  });
}

void WebhooksModule::Start() { sender_->Start(); }

void WebhooksModule::Stop() { sender_->Stop(); }

}  // namespace allmende::webhooks
