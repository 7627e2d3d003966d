// Signed webhooks: an organization's own systems (a purchaser's case management, a provider's
// rota) hear of changes as they happen. An organization admin registers endpoints; a feature emits
// an event in the transaction of its change; each matching endpoint gets a delivery, which is an
// outbox message of channel "webhook" (so it exists if and only if the change commits), sent by
// this module's own sender: signed with HMAC-SHA256 over "<timestamp>.<body>", retried with
// backoff, and after the last attempt left as "failed" in the delivery log, where the admin can
// replay it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "common/config.hpp"
#include "common/time.hpp"
#include "notify/outbox.hpp"
#include "notify/smtp_mailer.hpp"
#include "storage/database.hpp"
#include "storage/field_cipher.hpp"

namespace allmende::webhooks {

// What an endpoint may subscribe to. "ping" (a test the admin sends) reaches any endpoint.
const std::vector<std::string>& EventTypes();

struct Endpoint {
  std::string id;  // "whk_…"
  std::string organization_id;
  std::string url;
  std::string description;
  std::vector<std::string> events;
  std::string secret_hint;  // the secret's first characters, to tell secrets apart
  bool active = true;
  std::string created_at;
  std::string created_by;
};

struct NewEndpoint {
  std::string url;
  std::string description;
  std::vector<std::string> events;  // empty: all of EventTypes()
};

struct Delivery {
  std::string id;  // the outbox message's "msg_…", also sent as Allmende-Webhook-Id
  std::string webhook_id;
  std::string url;
  std::string event;
  std::string status;  // pending, sent, failed
  std::int64_t attempts = 0;
  std::optional<std::string> last_error;
  std::string next_attempt_at;
  std::string created_at;
  std::optional<std::string> sent_at;
};

struct DeliveryPage {
  std::vector<Delivery> items;
  std::optional<std::string> next_cursor;
  std::int64_t pending = 0, sent = 0, failed = 0;
};

// "t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" keyed with the secret>".
std::string SignatureHeader(std::string_view secret, std::string_view body, std::int64_t unix_seconds);

// True for an address on the public internet; false for loopback, private, link-local, shared,
// multicast, unspecified and documentation ranges (IPv4, IPv6 and IPv4-mapped IPv6).
bool IsPublicAddress(std::string_view ip);

// Checks a target URL: http(s) only (http and private addresses only with allow_local), no
// credentials in it, at most 2000 characters. The message says what is wrong.
Result<void> CheckTargetUrl(std::string_view url, bool allow_local);

// Emits events to an organization's endpoints; features hold one (WebhooksModule::emitter()).
class Emitter {
 public:
  explicit Emitter(notify::Outbox& outbox) : outbox_(outbox) {}
  // Inside the caller's write transaction: a delivery to each active endpoint of `organization_id`
  // subscribed to `type`, with `data` (a JSON object of ids and codes) in the signed body.
  Result<void> Emit(storage::Connection& c, const std::string& region_id, const std::string& organization_id,
                    const std::string& type, const std::string& data, Timestamp now) const;

 private:
  friend class WebhookService;
  Result<std::string> Enqueue(storage::Connection& c, const std::string& region_id, const Endpoint& endpoint,
                              const std::string& type, const std::string& data, Timestamp now) const;
  notify::Outbox& outbox_;
};

class WebhookService {
 public:
  WebhookService(storage::Database& db, const TimeSource& clock, const storage::FieldCipher& cipher,
                 const Emitter& emitter, const WebhooksConfig& config)
      : db_(db), clock_(clock), cipher_(cipher), emitter_(emitter), config_(config) {}

  Result<std::vector<Endpoint>> List(const access::Actor& a, const std::string& org_id);
  // The endpoint and its secret, shown this once.
  Result<std::pair<Endpoint, std::string>> Create(const access::Actor& a, const std::string& org_id,
                                                  const NewEndpoint& in);
  // Stops deliveries to it; those still pending fail as "removed" when their turn comes.
  Result<void> Remove(const access::Actor& a, const std::string& org_id, const std::string& webhook_id);
  // A "ping" delivery to the endpoint, for trying a receiver.
  Result<Delivery> Ping(const access::Actor& a, const std::string& org_id, const std::string& webhook_id);
  // The delivery log, newest first; `status` "pending", "sent", "failed" or empty for all.
  Result<DeliveryPage> Deliveries(const access::Actor& a, const std::string& org_id, const std::string& status,
                                  const std::string& webhook_id, int limit, const std::string& cursor);
  // Sends a failed (dead-lettered) delivery again from its first attempt; Conflict unless failed.
  Result<Delivery> Replay(const access::Actor& a, const std::string& org_id, const std::string& delivery_id);

 private:
  Result<std::string> Region(storage::Connection& c, const access::Actor& a, const std::string& org_id,
                             const std::string& audit_action, const std::string& subject_id);

  storage::Database& db_;
  const TimeSource& clock_;
  const storage::FieldCipher& cipher_;
  const Emitter& emitter_;
  const WebhooksConfig& config_;
};

// The sender's way out: one HTTP POST per delivery (libcurl, connections kept alive), refusing
// non-public addresses at connect time unless allowed. Not thread-safe: one per sender thread.
std::unique_ptr<notify::Mailer> MakeWebhookPoster(storage::Database& db, const storage::FieldCipher& cipher,
                                                  const TimeSource& clock, const WebhooksConfig& config);

}  // namespace allmende::webhooks
