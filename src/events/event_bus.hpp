// Live updates: an event published inside a write transaction reaches the subscribers of every
// server process once that transaction commits, and never if it rolls back.
//
// SQLite (one process): the event is handed to this process's subscribers on commit.
// PostgreSQL (many processes): the event goes out with NOTIFY in the transaction; each process
// LISTENs on its own connection and hands what arrives to its subscribers, so a change made
// through process A reaches an SSE client connected to process B.
#pragma once

#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"

namespace allmende::events {

struct Event {
  std::string id;          // "evt_…"
  std::string topic;       // "region.created"
  std::string region_id;   // empty for installation-wide events
  std::string subject_id;  // what changed: "reg_…"
  // Who may see it: "role:platform_admin", "user:usr_…", "org:org_…". A subscriber receives an
  // event if one of its keys is in this list. Events carry ids, never personal data.
  std::vector<std::string> audience;
  std::string data = "{}";  // a small JSON object
  std::string occurred_at;

  // With the audience for the bus; without it for clients, who need not know who else sees it.
  std::string ToJson(bool with_audience = true) const;
  static std::optional<Event> FromJson(std::string_view json);
};

// One subscriber's queue. Filled by the bus (any thread), drained by its reader.
class Subscription {
 public:
  explicit Subscription(std::vector<std::string> keys, std::size_t capacity = 1000)
      : keys_(std::move(keys)), capacity_(capacity) {}

  // True if the event's audience shares a key with this subscriber.
  bool Wants(const Event& e) const;
  // Queues the event and wakes the reader. A reader that falls `capacity` events behind loses
  // the oldest and is told so by overflowed().
  void Deliver(const Event& e);
  std::vector<Event> Drain();
  void SetWaker(std::function<void()> wake);
  bool overflowed() const;
  // Whether events were dropped since the last call, and forgets it: for a reader that can catch
  // up by other means (re-reading what changed) rather than giving up.
  bool TakeOverflow();
  // Events may have been lost (the bus's connection broke): the reader is told as if it had
  // overflowed, and woken.
  void MarkGap();

 private:
  std::vector<std::string> keys_;
  std::size_t capacity_;
  mutable std::mutex mu_;
  std::deque<Event> queue_;
  std::function<void()> wake_;
  bool overflowed_ = false;
};

class EventBus {
 public:
  virtual ~EventBus() = default;
  // Inside a write transaction: the event is delivered if and only if it commits.
  virtual Result<void> Publish(storage::Connection& c, const Event& event) = 0;
  // Delivers every later event whose audience matches one of `keys`, from any process, until
  // the returned subscription is released.
  std::shared_ptr<Subscription> Subscribe(std::vector<std::string> keys);
  // Stops background work (the PostgreSQL listener). Idempotent.
  virtual void Stop() {}

 protected:
  // Hands an event to this process's subscribers.
  void Dispatch(const Event& event);
  // Tells every subscriber that events may have been lost (Subscription::MarkGap).
  void MarkGapForAll();

 private:
  std::mutex mu_;
  std::vector<std::weak_ptr<Subscription>> subscribers_;
};

// The bus for one process (SQLite).
class InProcessEventBus final : public EventBus {
 public:
  Result<void> Publish(storage::Connection& c, const Event& event) override;
};

// The bus for many processes on one PostgreSQL database. Listens on its own connection to `url`
// and reconnects with backoff if it drops (events sent while it is down are missed; clients
// refetch state when their stream reconnects).
std::unique_ptr<EventBus> MakePostgresEventBus(const std::string& url);

// Builds the bus that fits the database backend.
std::unique_ptr<EventBus> MakeEventBus(storage::Database& db, const std::string& database_url);

}  // namespace allmende::events
