// The transactional outbox. A feature writes a message in the same transaction as the change
// that causes it (an invitation and its e-mail commit together or not at all); OutboxSender
// delivers it later, from whichever server process leases it first.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/time.hpp"
#include "storage/database.hpp"
#include "storage/field_cipher.hpp"

namespace allmende::notify {

struct OutboxMessage {
  std::string id = {};  // "msg_…"; also the e-mail's Message-ID, so receivers can drop a redelivery
  std::string region_id = {};
  std::string channel = "email";  // "email", or "webhook" (recipient: the endpoint's id)
  std::string recipient = {};
  std::string subject = {};
  std::string body = {};
  int attempts = 0;  // including the one under way
};

struct OutboxStats {
  std::int64_t pending = 0;
  std::int64_t sent = 0;
  std::int64_t failed = 0;
};

class Outbox {
 public:
  // `cipher` seals message bodies at rest (a reset or invitation link is a usable secret). The
  // server always passes one; null (unit tests) stores bodies as they are.
  explicit Outbox(const storage::FieldCipher* cipher = nullptr) : cipher_(cipher) {}

  // Called on the commit of every Enqueue: wakes this process's sender.
  void SetWaker(std::function<void()> wake) { wake_ = std::move(wake); }

  // Inside the caller's write transaction: queues a message, due now. Returns its id.
  Result<std::string> Enqueue(storage::Connection& c, OutboxMessage message, Timestamp now) const;

  // Wakes this process's sender when `c`'s transaction commits (a message made due again).
  void WakeOnCommit(storage::Connection& c) const {
    if (wake_) c.OnCommit(wake_);
  }

  // Leases up to `limit` due messages of `channel` to `owner` until now + lease. A message whose
  // lease ran out (its sender died) is due again.
  Result<std::vector<OutboxMessage>> Claim(storage::Connection& c, const std::string& channel, const std::string& owner,
                                           Timestamp now, std::chrono::seconds lease, int limit) const;

  // Marks a leased message delivered and erases its body: what was sent is the recipient's now, and
  // a link in it must not stay usable from a copy of the database. False if the lease was lost.
  Result<bool> MarkSent(storage::Connection& c, const std::string& id, const std::string& owner, Timestamp now) const;

  // Records a failed attempt: due again after `retry_at`, or failed for good after
  // `max_attempts`.
  Result<void> MarkFailed(storage::Connection& c, const std::string& id, const std::string& owner,
                          const std::string& error, Timestamp retry_at, int max_attempts) const;

  // Deletes sent messages older than `before`, and failed ones 60 days older; returns how many.
  Result<std::int64_t> PurgeSent(storage::Connection& c, Timestamp before) const;

  Result<OutboxStats> Stats(storage::Connection& c) const;

 private:
  std::function<void()> wake_;
  const storage::FieldCipher* cipher_ = nullptr;
};

// Exponential backoff with a cap: base (30 s), 2 × base, 4 × base, … at most 1 h.
std::chrono::milliseconds RetryDelay(int attempts, std::chrono::milliseconds base = std::chrono::seconds(30));

}  // namespace allmende::notify
