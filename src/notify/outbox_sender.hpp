// Delivers outbox messages: leases a batch, sends each, records the outcome. Runs in every
// server process; leases keep two processes from sending one message, and a lease that runs out
// (its process died) makes the message due again. Delivery is at-least-once in the window
// between the SMTP server accepting a message and our commit of "sent"; the Message-ID (the
// outbox id) lets receivers drop such a redelivery.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "notify/outbox.hpp"
#include "notify/smtp_mailer.hpp"

namespace allmende::notify {

struct SenderOptions {
  std::string owner = {};          // unique per process: "host:pid:start"
  std::chrono::seconds lease{60};  // longer than one delivery can take
  int batch = 50;
  std::chrono::milliseconds poll{1000};  // how often to look for work without a wake-up
  int max_attempts = 8;
  std::string channel = "email";                 // which messages this sender delivers
  std::chrono::milliseconds retry_base{30'000};  // first retry after this, doubling (RetryDelay)
};

class OutboxSender {
 public:
  OutboxSender(storage::Database& db, Outbox outbox, std::unique_ptr<Mailer> mailer, const TimeSource& clock,
               SenderOptions options);
  ~OutboxSender();

  // Starts the background thread.
  void Start();
  // Look for work now (called on commit of an Enqueue).
  void Wake();
  // Finishes the message under way, hands back unsent leases, joins the thread. Idempotent.
  void Stop();

  // One pass: claims a batch and delivers it. Returns how many were delivered. For tests and the
  // thread.
  Result<int> RunOnce();

  std::uint64_t delivered() const { return delivered_.load(); }
  std::uint64_t failures() const { return failures_.load(); }

 private:
  void Loop();
  Result<void> ReleaseLeases();

  storage::Database& db_;
  Outbox outbox_;
  std::unique_ptr<Mailer> mailer_;
  const TimeSource& clock_;
  SenderOptions options_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool wake_ = false;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  std::atomic<std::uint64_t> delivered_{0}, failures_{0};
  bool last_batch_full_ = false;  // the sender thread's own: look again at once
};

}  // namespace allmende::notify
