#include "notify/outbox_sender.hpp"

#include "common/log.hpp"

namespace allmende::notify {
namespace {

constexpr std::string_view kRelease =
    "UPDATE outbox_messages SET lease_owner = NULL, lease_until = NULL, attempts = attempts - 1 "
    "WHERE lease_owner = $1 AND status = 'pending' AND channel = $2";

}  // namespace

OutboxSender::OutboxSender(storage::Database& db, Outbox outbox, std::unique_ptr<Mailer> mailer,
                           const TimeSource& clock, SenderOptions options)
    : db_(db), outbox_(std::move(outbox)), mailer_(std::move(mailer)), clock_(clock), options_(std::move(options)) {}

OutboxSender::~OutboxSender() { Stop(); }

void OutboxSender::Start() {
  thread_ = std::thread([this] { Loop(); });
}

void OutboxSender::Wake() {
  std::lock_guard lock(mu_);
  wake_ = true;
  cv_.notify_one();
}

void OutboxSender::Stop() {
  if (stop_.exchange(true)) return;
  Wake();
  if (thread_.joinable()) thread_.join();
}

Result<int> OutboxSender::RunOnce() {
  ALLMENDE_ASSIGN_OR_RETURN(auto batch, db_.WriteValue<std::vector<OutboxMessage>>(
                                            [&](storage::Connection& c) {
                                              return outbox_.Claim(c, options_.channel, options_.owner, clock_.Now(),
                                                                   options_.lease, options_.batch);
                                            },
                                            storage::Isolation::kReadCommitted));
  int delivered = 0;
  last_batch_full_ = static_cast<int>(batch.size()) == options_.batch;
  for (const auto& m : batch) {
    if (stop_) break;  // the rest is handed back by Stop()
    Result<void> sent = mailer_->Send(m);
    Timestamp now = clock_.Now();
    Result<void> recorded = db_.Write(
        [&](storage::Connection& c) -> Result<void> {
          if (sent.ok()) {
            ALLMENDE_ASSIGN_OR_RETURN(bool kept, outbox_.MarkSent(c, m.id, options_.owner, now));
            if (!kept) log::Warn("outbox_lease_lost", {{"message_id", m.id}});
            return Ok();
          }
          // A refusal for good (InvalidArgument: an SMTP 5xx, a webhook target not allowed) is not
          // retried; anything else is, with backoff.
          int max = sent.error().code == ErrorCode::kInvalidArgument ? m.attempts : options_.max_attempts;
          return outbox_.MarkFailed(c, m.id, options_.owner, sent.error().message,
                                    now + RetryDelay(m.attempts, options_.retry_base), max);
        },
        storage::Isolation::kReadCommitted);
    if (!recorded.ok()) return std::move(recorded).error();
    if (sent.ok()) {
      ++delivered;
      ++delivered_;
    } else {
      ++failures_;
      log::Warn("outbox_delivery_failed",
                {{"message_id", m.id}, {"attempt", m.attempts}, {"error", sent.error().message}});
    }
  }
  return delivered;
}

Result<void> OutboxSender::ReleaseLeases() {
  return db_.Write(
      [&](storage::Connection& c) -> Result<void> {
        ALLMENDE_TRY(c.Execute(kRelease, {options_.owner, options_.channel}));
        return Ok();
      },
      storage::Isolation::kReadCommitted);
}

void OutboxSender::Loop() {
  while (!stop_) {
    auto done = RunOnce();
    if (!done.ok()) {
      log::Warn("outbox_pass_failed", {{"error", done.error().message}});
    } else if (*done > 0 || last_batch_full_) {
      continue;  // there may be more due right away (a full batch of failures too)
    }
    std::unique_lock lock(mu_);
    cv_.wait_for(lock, options_.poll, [this] { return wake_ || stop_.load(); });
    wake_ = false;
  }
  auto released = ReleaseLeases();
  if (!released.ok()) log::Warn("outbox_release_failed", {{"error", released.error().message}});
}

}  // namespace allmende::notify
