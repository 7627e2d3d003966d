#include <sodium.h>

#include <algorithm>
#include <boost/json.hpp>

#include "access/access_log.hpp"
#include "access/access_store.hpp"
#include "common/ids.hpp"
#include "webhooks/webhooks.hpp"

namespace allmende::webhooks {
namespace {

constexpr std::string_view kInsert =
    "INSERT INTO webhook_endpoints (id, region_id, organization_id, url, description, events, secret_sealed, "
    "secret_hint, active, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $10)";
constexpr std::string_view kColumns =
    "SELECT id, organization_id, url, description, events, secret_hint, active, created_at, created_by "
    "FROM webhook_endpoints ";
constexpr std::string_view kRemove =
    "UPDATE webhook_endpoints SET active = 0, removed_at = $3, removed_by = $4, secret_sealed = '' "
    "WHERE id = $1 AND organization_id = $2 AND active = 1";
constexpr std::string_view kFailPending =
    "UPDATE outbox_messages SET status = 'failed', last_error = 'the webhook was removed', lease_owner = NULL, "
    "lease_until = NULL WHERE channel = 'webhook' AND recipient = $1 AND status = 'pending'";
constexpr std::string_view kPendingOf =
    "SELECT count(*) FROM outbox_messages WHERE channel = 'webhook' AND recipient = $1 AND status = 'pending'";
// Deliveries an admin may have waiting for one endpoint before a test or a replay is refused:
// a receiver that is down should not be flooded, and the sender is shared by all organizations.
constexpr std::int64_t kMaxPendingByHand = 10;
constexpr std::string_view kDeliveryColumns =
    "SELECT m.id, m.recipient, e.url, m.subject, m.status, m.attempts, m.last_error, m.next_attempt_at, "
    "m.created_at, m.sent_at FROM outbox_messages m JOIN webhook_endpoints e ON e.id = m.recipient "
    "WHERE m.channel = 'webhook' AND e.organization_id = $1";
constexpr std::string_view kReplay =
    "UPDATE outbox_messages SET status = 'pending', attempts = 0, next_attempt_at = $2, last_error = NULL, "
    "lease_owner = NULL, lease_until = NULL WHERE id = $1 AND channel = 'webhook' AND status = 'failed'";

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ",") + s;
  return out;
}

std::vector<std::string> Split(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    if (comma > start) out.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

Endpoint EndpointOf(const storage::Row& r) {
  return {r.Text(0), r.Text(1), r.Text(2), r.Text(3), Split(r.Text(4)), r.Text(5), r.Int(6) != 0, r.Text(7), r.Text(8)};
}

Delivery DeliveryOf(const storage::Row& r) {
  return {r.Text(0), r.Text(1),    r.Text(2), r.Text(3), r.Text(4),
          r.Int(5),  r.OptText(6), r.Text(7), r.Text(8), r.OptText(9)};
}

std::string NewSecret() {
  unsigned char raw[32];
  randombytes_buf(raw, sizeof raw);
  char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return std::string("whsec_") + out;
}

Result<std::optional<Endpoint>> FindEndpoint(storage::Connection& c, const std::string& org_id, const std::string& id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row,
                            c.QueryOne(std::string(kColumns) + "WHERE id = $1 AND organization_id = $2", {id, org_id}));
  if (!row) return std::optional<Endpoint>();
  return std::optional<Endpoint>(EndpointOf(*row));
}

Result<std::optional<Delivery>> FindDelivery(storage::Connection& c, const std::string& org_id, const std::string& id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(std::string(kDeliveryColumns) + " AND m.id = $2", {org_id, id}));
  if (!row) return std::optional<Delivery>();
  return std::optional<Delivery>(DeliveryOf(*row));
}

Result<void> CheckBacklog(storage::Connection& c, const std::string& webhook_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kPendingOf, {webhook_id}));
  if (row && row->Int(0) >= kMaxPendingByHand) {
    return Error::TooManyRequests("This webhook has " + std::to_string(row->Int(0)) +
                                      " deliveries waiting; try again when the receiver has taken them.",
                                  60);
  }
  return Ok();
}

}  // namespace

Result<std::string> Emitter::Enqueue(storage::Connection& c, const std::string& region_id, const Endpoint& endpoint,
                                     const std::string& type, const std::string& data, Timestamp now) const {
  const std::string id = NewId("msg");
  boost::system::error_code ec;
  auto parsed = boost::json::parse(data, ec);
  boost::json::object body{{"id", id},
                           {"type", type},
                           {"created_at", FormatRfc3339(now)},
                           {"organization_id", endpoint.organization_id},
                           {"data", ec || !parsed.is_object() ? boost::json::value(boost::json::object{}) : parsed}};
  return outbox_.Enqueue(c,
                         {.id = id,
                          .region_id = region_id,
                          .channel = "webhook",
                          .recipient = endpoint.id,
                          .subject = type,
                          .body = boost::json::serialize(body)},
                         now);
}

Result<void> Emitter::Emit(storage::Connection& c, const std::string& region_id, const std::string& organization_id,
                           const std::string& type, const std::string& data, Timestamp now) const {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto rows, c.Query(std::string(kColumns) + "WHERE organization_id = $1 AND active = 1", {organization_id}));
  for (const auto& r : rows) {
    Endpoint e = EndpointOf(r);
    if (std::find(e.events.begin(), e.events.end(), type) == e.events.end()) continue;
    ALLMENDE_TRY(Enqueue(c, region_id, e, type, data, now));
  }
  return Ok();
}

Result<std::string> WebhookService::Region(storage::Connection& c, const access::Actor& a, const std::string& org_id,
                                           const std::string& audit_action, const std::string& subject_id) {
  if (!a.principal) return Error::Unauthenticated("Sign in first.");
  ALLMENDE_ASSIGN_OR_RETURN(std::string region, access::PolicyStore::OrganizationRegion(c, org_id));
  if (region.empty()) return Error::NotFound("There is no organization " + org_id + ".");
  const access::Target target{.region_id = region, .organization_id = org_id};
  if (audit_action.empty()) {
    ALLMENDE_TRY(access::Authorize(c, a.principal, access::Action::kWebhooksManage, target, clock_.Now()));
  } else {
    ALLMENDE_TRY(access::AuthorizeAndRecord(
        c, a, access::Action::kWebhooksManage, target,
        {.action = audit_action, .subject_type = "webhook", .subject_id = subject_id, .region_id = region},
        clock_.Now()));
  }
  return region;
}

Result<std::vector<Endpoint>> WebhookService::List(const access::Actor& a, const std::string& org_id) {
  return db_.ReadValue<std::vector<Endpoint>>([&](storage::Connection& c) -> Result<std::vector<Endpoint>> {
    ALLMENDE_TRY(Region(c, a, org_id, "", ""));
    ALLMENDE_ASSIGN_OR_RETURN(
        auto rows,
        c.Query(std::string(kColumns) + "WHERE organization_id = $1 AND active = 1 ORDER BY created_at, id", {org_id}));
    std::vector<Endpoint> out;
    for (const auto& r : rows) out.push_back(EndpointOf(r));
    return out;
  });
}

Result<std::pair<Endpoint, std::string>> WebhookService::Create(const access::Actor& a, const std::string& org_id,
                                                                const NewEndpoint& in) {
  std::vector<FieldError> errors;
  if (auto url = CheckTargetUrl(in.url, config_.allow_local_targets); !url.ok()) {
    for (const auto& f : url.error().fields) errors.push_back(f);
  }
  if (in.description.size() > 200) errors.push_back({"description", "At most 200 characters."});
  std::vector<std::string> events = in.events.empty() ? EventTypes() : in.events;
  for (const auto& e : events) {
    if (std::find(EventTypes().begin(), EventTypes().end(), e) == EventTypes().end()) {
      errors.push_back({"events", "Unknown event \"" + e + "\"; choose from " + Join(EventTypes()) + "."});
      break;
    }
  }
  std::sort(events.begin(), events.end());
  events.erase(std::unique(events.begin(), events.end()), events.end());
  const std::string id = NewId("whk");
  const std::string secret = NewSecret();
  const Timestamp now = clock_.Now();
  ALLMENDE_ASSIGN_OR_RETURN(Endpoint stored, db_.WriteValue<Endpoint>([&](storage::Connection& c) -> Result<Endpoint> {
    ALLMENDE_ASSIGN_OR_RETURN(std::string region, Region(c, a, org_id, "webhook.create", id));
    if (!errors.empty()) return Error::Invalid(errors);
    ALLMENDE_ASSIGN_OR_RETURN(
        auto count,
        c.QueryOne("SELECT count(*) FROM webhook_endpoints WHERE organization_id = $1 AND active = 1", {org_id}));
    if (count && count->Int(0) >= 10)
      return Error::Conflict("An organization has at most 10 webhooks; remove one first.");
    ALLMENDE_TRY(c.Execute(kInsert, {id, region, org_id, in.url, in.description, Join(events), cipher_.Seal(secret),
                                     secret.substr(0, 10), a.principal->id, FormatRfc3339(now)}));
    ALLMENDE_ASSIGN_OR_RETURN(auto made, FindEndpoint(c, org_id, id));
    if (!made) return Error::Internal("the new webhook " + id + " was not stored");
    return std::move(*made);
  }));
  return std::make_pair(std::move(stored), secret);
}

Result<void> WebhookService::Remove(const access::Actor& a, const std::string& org_id, const std::string& webhook_id) {
  return db_.Write([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_TRY(Region(c, a, org_id, "webhook.remove", webhook_id));
    ALLMENDE_ASSIGN_OR_RETURN(auto n,
                              c.Execute(kRemove, {webhook_id, org_id, FormatRfc3339(clock_.Now()), a.principal->id}));
    if (n == 0) return Error::NotFound("There is no webhook " + webhook_id + ".");
    ALLMENDE_TRY(c.Execute(kFailPending, {webhook_id}));
    return Ok();
  });
}

Result<Delivery> WebhookService::Ping(const access::Actor& a, const std::string& org_id,
                                      const std::string& webhook_id) {
  return db_.WriteValue<Delivery>([&](storage::Connection& c) -> Result<Delivery> {
    ALLMENDE_ASSIGN_OR_RETURN(std::string region, Region(c, a, org_id, "webhook.ping", webhook_id));
    ALLMENDE_ASSIGN_OR_RETURN(auto endpoint, FindEndpoint(c, org_id, webhook_id));
    if (!endpoint || !endpoint->active) return Error::NotFound("There is no webhook " + webhook_id + ".");
    ALLMENDE_TRY(CheckBacklog(c, webhook_id));
    boost::json::object data{{"webhook_id", webhook_id}, {"sent_by", a.principal->id}};
    ALLMENDE_ASSIGN_OR_RETURN(
        std::string id, emitter_.Enqueue(c, region, *endpoint, "ping", boost::json::serialize(data), clock_.Now()));
    ALLMENDE_ASSIGN_OR_RETURN(auto d, FindDelivery(c, org_id, id));
    if (!d) return Error::Internal("the delivery " + id + " was not stored");
    return std::move(*d);
  });
}

Result<DeliveryPage> WebhookService::Deliveries(const access::Actor& a, const std::string& org_id,
                                                const std::string& status, const std::string& webhook_id, int limit,
                                                const std::string& cursor) {
  if (!status.empty() && status != "pending" && status != "sent" && status != "failed") {
    return Error::Invalid("status", "Use pending, sent or failed.");
  }
  std::optional<std::pair<std::string, std::string>> after;
  if (!cursor.empty()) {
    auto tilde = cursor.find('~');
    if (tilde == std::string::npos || tilde == 0 || cursor.size() > 200) {
      return Error::Invalid("cursor", "Use the next_cursor of the previous page.");
    }
    after = std::make_pair(cursor.substr(0, tilde), cursor.substr(tilde + 1));
  }
  limit = std::clamp(limit, 1, 100);
  return db_.ReadValue<DeliveryPage>([&](storage::Connection& c) -> Result<DeliveryPage> {
    ALLMENDE_TRY(Region(c, a, org_id, "", ""));
    std::string sql(kDeliveryColumns);
    storage::Params args{org_id};
    auto arg = [&](storage::Value v) {
      args.push_back(std::move(v));
      return "$" + std::to_string(args.size());
    };
    if (!webhook_id.empty()) sql += " AND m.recipient = " + arg(webhook_id);
    std::string filtered = sql;
    storage::Params count_args = args;
    if (!status.empty()) sql += " AND m.status = " + arg(status);
    if (after) {
      const std::string at = arg(after->first);
      sql += " AND (m.created_at < " + at + " OR (m.created_at = " + at + " AND m.id < " + arg(after->second) + "))";
    }
    sql += " ORDER BY m.created_at DESC, m.id DESC LIMIT " + arg(std::int64_t{limit + 1});
    ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(sql, args));
    DeliveryPage page;
    for (const auto& r : rows) {
      if (static_cast<int>(page.items.size()) == limit) {
        page.next_cursor = page.items.back().created_at + "~" + page.items.back().id;
        break;
      }
      page.items.push_back(DeliveryOf(r));
    }
    // The counts per status for the same endpoint filter (the tabs of the log).
    const std::string counts =
        "SELECT m.status, count(*) FROM outbox_messages m JOIN webhook_endpoints e ON "
        "e.id = m.recipient WHERE m.channel = 'webhook' AND e.organization_id = $1" +
        filtered.substr(kDeliveryColumns.size()) + " GROUP BY m.status";
    ALLMENDE_ASSIGN_OR_RETURN(auto count_rows, c.Query(counts, count_args));
    for (const auto& r : count_rows) {
      if (r.Text(0) == "pending") page.pending = r.Int(1);
      if (r.Text(0) == "sent") page.sent = r.Int(1);
      if (r.Text(0) == "failed") page.failed = r.Int(1);
    }
    return page;
  });
}

Result<Delivery> WebhookService::Replay(const access::Actor& a, const std::string& org_id,
                                        const std::string& delivery_id) {
  return db_.WriteValue<Delivery>([&](storage::Connection& c) -> Result<Delivery> {
    ALLMENDE_TRY(Region(c, a, org_id, "webhook.replay", delivery_id));
    ALLMENDE_ASSIGN_OR_RETURN(auto d, FindDelivery(c, org_id, delivery_id));
    if (!d) return Error::NotFound("There is no delivery " + delivery_id + ".");
    ALLMENDE_ASSIGN_OR_RETURN(auto endpoint, FindEndpoint(c, org_id, d->webhook_id));
    if (!endpoint || !endpoint->active)
      return Error::Conflict("The webhook was removed; its deliveries cannot be sent.");
    if (d->status != "failed") {
      return Error::IllegalTransition("Only a failed delivery can be replayed; this one is " + d->status + ".",
                                      d->status);
    }
    ALLMENDE_TRY(CheckBacklog(c, d->webhook_id));
    ALLMENDE_ASSIGN_OR_RETURN(auto replayed, c.Execute(kReplay, {delivery_id, FormatRfc3339(clock_.Now())}));
    if (replayed != 1) return Error::IllegalTransition("The delivery is being replayed already.", "pending");
    emitter_.outbox_.WakeOnCommit(c);
    ALLMENDE_ASSIGN_OR_RETURN(auto after, FindDelivery(c, org_id, delivery_id));
    return std::move(*after);
  });
}

}  // namespace allmende::webhooks
