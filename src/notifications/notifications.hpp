// In-app notifications: what a person should look at, with an unread count for the header's bell.
// A feature adds one in the transaction of the change it tells of (Add), addressed to audience
// keys — a person, an organization's staff, a role in a region or organization — and everyone
// behind a key reads it and marks it read for themselves. The text is made by the reader's web
// UI from kind and data in their language; data carries ids and codes, never a client's identity
// to someone who may not see it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/time.hpp"
#include "events/event_bus.hpp"
#include "server/http.hpp"
#include "storage/database.hpp"

namespace allmende::notifications {

struct NewNotification {
  std::string region_id = {};
  std::vector<std::string> audience = {};  // "user:usr_…", "org:org_…", "role:coordinator@reg_…"
  std::string kind = {};                   // "order.offered"
  std::string subject_type = {};           // "order"
  std::string subject_id = {};
  std::string data = "{}";  // a small JSON object of ids and codes
};

struct Notification {
  std::string id;
  std::string kind;
  std::string subject_type;
  std::string subject_id;
  std::string data;
  std::string created_at;
  bool read = false;
};

struct NotificationPage {
  std::vector<Notification> items;
  std::int64_t unread_count = 0;
  std::optional<std::string> next_cursor;
};

// Notifications older than this are neither listed nor counted, and the daily purge removes them.
inline constexpr int kKeepDays = 90;
// The count stops here: the bell shows "99+".
inline constexpr std::int64_t kCountCap = 100;

// Inside the caller's write transaction: one row per audience key, and a live "notification"
// event to the same keys on commit, so the bell updates at once.
Result<void> Add(storage::Connection& c, events::EventBus& bus, const NewNotification& n, Timestamp now);

class NotificationService {
 public:
  NotificationService(storage::Database& db, const TimeSource& clock) : db_(db), clock_(clock) {}

  // The caller's notifications, newest first; `cursor` from the previous page.
  Result<NotificationPage> List(const http::Principal& p, bool unread_only, int limit, const std::string& cursor);
  Result<std::int64_t> UnreadCount(const http::Principal& p);
  // Marks the caller's notifications `ids` (at most 100), or all of them, read; the count after.
  Result<std::int64_t> MarkRead(const http::Principal& p, const std::vector<std::string>& ids, bool all);
  // Deletes notifications older than `before` with their read marks.
  static Result<std::int64_t> Purge(storage::Connection& c, Timestamp before);

 private:
  // The caller's keys: staff reach their organizations' notifications once they have shown the
  // second factor, as with live updates.
  static Result<std::vector<std::string>> KeysOf(storage::Connection& c, const http::Principal& p);

  storage::Database& db_;
  const TimeSource& clock_;
};

}  // namespace allmende::notifications
