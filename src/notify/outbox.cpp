#include "notify/outbox.hpp"

#include "common/ids.hpp"
#include "common/log.hpp"

namespace allmende::notify {
namespace {

constexpr std::string_view kInsert =
    "INSERT INTO outbox_messages (id, region_id, channel, recipient, subject, body, next_attempt_at, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $7)";
// The inner SELECT picks due messages; PostgreSQL's SKIP LOCKED lets senders in other processes
// pass over rows one of them is claiming instead of waiting or claiming them twice. SQLite has
// one writer, so its claim is serial by construction.
//
// A recipient that failed and waits for a retry is paused as a whole: its other messages are not
// claimed until that retry is due. A webhook receiver that is down or hangs then costs one attempt
// per backoff step, not one timeout per waiting delivery, and the others' deliveries go ahead.
constexpr std::string_view kClaim =
    "UPDATE outbox_messages SET lease_owner = $1, lease_until = $2, attempts = attempts + 1 "
    "WHERE id IN (SELECT m.id FROM outbox_messages m WHERE m.status = 'pending' AND m.next_attempt_at <= $3 "
    "AND m.channel = $5 AND (m.lease_until IS NULL OR m.lease_until < $3) AND NOT EXISTS (SELECT 1 FROM "
    "outbox_messages f WHERE f.channel = $5 AND f.status = 'pending' AND f.recipient = m.recipient AND "
    "f.attempts > 0 AND f.next_attempt_at > $3 AND f.id <> m.id) ORDER BY m.next_attempt_at, m.id LIMIT $4 "
    "{{skip_locked}}) "
    "RETURNING id, COALESCE(region_id, ''), channel, recipient, subject, body, attempts";
constexpr std::string_view kSent =
    "UPDATE outbox_messages SET status = 'sent', sent_at = $3, lease_owner = NULL, lease_until = NULL, "
    "last_error = NULL, body = '' WHERE id = $1 AND lease_owner = $2 AND status = 'pending'";
constexpr std::string_view kFailed =
    "UPDATE outbox_messages SET lease_owner = NULL, lease_until = NULL, last_error = $3, next_attempt_at = $4, "
    "status = CASE WHEN attempts >= $5 THEN 'failed' ELSE 'pending' END "
    "WHERE id = $1 AND lease_owner = $2 AND status = 'pending'";
// Sent messages after `before`; failed ones (dead letters the admin did not replay) 60 days later.
constexpr std::string_view kPurge =
    "DELETE FROM outbox_messages WHERE (status = 'sent' AND sent_at < $1) OR (status = 'failed' AND created_at < $2)";
constexpr std::string_view kStats = "SELECT status, count(*) FROM outbox_messages GROUP BY status";

}  // namespace

std::chrono::milliseconds RetryDelay(int attempts, std::chrono::milliseconds base) {
  constexpr std::int64_t kCap = 3'600'000;
  std::int64_t ms = std::max<std::int64_t>(1, base.count());
  for (int i = 1; i < attempts && ms < kCap; ++i) ms *= 2;
  return std::chrono::milliseconds(std::min(ms, kCap));
}

Result<std::string> Outbox::Enqueue(storage::Connection& c, OutboxMessage m, Timestamp now) const {
  if (m.id.empty()) m.id = NewId("msg");
  storage::Value region = m.region_id.empty() ? storage::Value(nullptr) : storage::Value(m.region_id);
  std::string body = cipher_ ? cipher_->Seal(m.body) : m.body;
  ALLMENDE_TRY(c.Execute(kInsert, {m.id, region, m.channel, m.recipient, m.subject, body, FormatRfc3339(now)}));
  if (wake_) c.OnCommit(wake_);
  return m.id;
}

Result<std::vector<OutboxMessage>> Outbox::Claim(storage::Connection& c, const std::string& channel,
                                                 const std::string& owner, Timestamp now, std::chrono::seconds lease,
                                                 int limit) const {
  auto until = now + std::chrono::duration_cast<std::chrono::milliseconds>(lease);
  ALLMENDE_ASSIGN_OR_RETURN(
      auto rows, c.Query(kClaim, {owner, FormatRfc3339(until), FormatRfc3339(now), std::int64_t{limit}, channel}));
  std::vector<OutboxMessage> out;
  for (const auto& r : rows) {
    std::string body = r.Text(5);
    if (cipher_) {
      auto plain = cipher_->Open(body);
      if (!plain.ok()) {
        // Sealed with a key that is not in the key file even after reading it again (a key file
        // not shared between processes, or a key removed): no process here can send it. It fails
        // for good, visibly, instead of being claimed again forever.
        log::Error("outbox_body_unreadable", {{"id", r.Text(0)}, {"error", plain.error().message}});
        ALLMENDE_TRY(c.Execute(kFailed, {r.Text(0), owner, "the body cannot be opened with this installation's keys",
                                         FormatRfc3339(now), std::int64_t{0}}));
        continue;
      }
      body = std::move(*plain);
    }
    out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), std::move(body), static_cast<int>(r.Int(6))});
  }
  return out;
}

Result<bool> Outbox::MarkSent(storage::Connection& c, const std::string& id, const std::string& owner,
                              Timestamp now) const {
  ALLMENDE_ASSIGN_OR_RETURN(auto n, c.Execute(kSent, {id, owner, FormatRfc3339(now)}));
  return n == 1;
}

Result<void> Outbox::MarkFailed(storage::Connection& c, const std::string& id, const std::string& owner,
                                const std::string& error, Timestamp retry_at, int max_attempts) const {
  ALLMENDE_TRY(c.Execute(kFailed, {id, owner, error, FormatRfc3339(retry_at), std::int64_t{max_attempts}}));
  return Ok();
}

Result<std::int64_t> Outbox::PurgeSent(storage::Connection& c, Timestamp before) const {
  return c.Execute(kPurge, {FormatRfc3339(before), FormatRfc3339(before - std::chrono::hours(24 * 60))});
}

Result<OutboxStats> Outbox::Stats(storage::Connection& c) const {
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(kStats));
  OutboxStats s;
  for (const auto& r : rows) {
    if (r.Text(0) == "pending") s.pending = r.Int(1);
    if (r.Text(0) == "sent") s.sent = r.Int(1);
    if (r.Text(0) == "failed") s.failed = r.Int(1);
  }
  return s;
}

}  // namespace allmende::notify
