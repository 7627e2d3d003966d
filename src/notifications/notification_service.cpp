#include <algorithm>

#include "access/access_store.hpp"
#include "access/policy.hpp"
#include "common/ids.hpp"
#include "notifications/notifications.hpp"

namespace allmende::notifications {
namespace {

constexpr std::string_view kInsert =
    "INSERT INTO notifications (id, region_id, kind, subject_type, subject_id, data, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7)";
constexpr std::string_view kInsertAudience =
    "INSERT INTO notification_audience (region_id, notification_id, audience, created_at) VALUES ($1, $2, $3, $4)";

// A cursor is the last item's "created_at~id".
std::optional<std::pair<std::string, std::string>> ParseCursor(const std::string& cursor) {
  auto tilde = cursor.find('~');
  if (tilde == std::string::npos || tilde == 0 || tilde + 1 >= cursor.size() || cursor.size() > 200) {
    return std::nullopt;
  }
  return std::make_pair(cursor.substr(0, tilde), cursor.substr(tilde + 1));
}

Result<std::int64_t> CountUnread(storage::Connection& c, const std::string& user_id,
                                 const std::vector<std::string>& keys, const std::string& since) {
  std::vector<storage::Value> args{user_id, since};
  for (const auto& k : keys) args.emplace_back(k);
  const std::string sql =
      "SELECT count(*) FROM (SELECT DISTINCT a.notification_id FROM notification_audience a WHERE a.audience IN (" +
      storage::Placeholders(3, keys.size()) +
      ") AND a.created_at >= $2 AND NOT EXISTS (SELECT 1 FROM notification_reads r WHERE r.notification_id = "
      "a.notification_id AND r.user_id = $1) LIMIT " +
      std::to_string(kCountCap) + ") t";
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(sql, args));
  return row ? row->Int(0) : 0;
}

}  // namespace

Result<void> Add(storage::Connection& c, events::EventBus& bus, const NewNotification& n, Timestamp now) {
  const std::string at = FormatRfc3339(now);
  storage::Value region = n.region_id.empty() ? storage::Value(nullptr) : storage::Value(n.region_id);
  std::vector<std::string> audience;
  for (const auto& key : n.audience) {
    if (std::find(audience.begin(), audience.end(), key) == audience.end()) audience.push_back(key);
  }
  if (audience.empty()) return Ok();
  const std::string id = NewId("ntf");
  ALLMENDE_TRY(c.Execute(kInsert, {id, region, n.kind, n.subject_type, n.subject_id, n.data, at}));
  for (const auto& key : audience) ALLMENDE_TRY(c.Execute(kInsertAudience, {region, id, key, at}));
  return bus.Publish(c, events::Event{NewId("evt"), "notification", n.region_id, n.subject_id, audience,
                                      "{\"kind\":\"" + n.kind + "\"}", at});
}

Result<std::vector<std::string>> NotificationService::KeysOf(storage::Connection& c, const http::Principal& p) {
  if (p.mfa_verified || p.mfa_exempt) return access::AudienceKeys(c, p.id);
  // Without a second factor only the person's own key and those of roles that need none.
  std::vector<std::string> keys{"user:" + p.id};
  ALLMENDE_ASSIGN_OR_RETURN(auto memberships, access::PolicyStore::LiveMemberships(c, p.id));
  for (const auto& m : memberships) {
    if (access::IsStaffRole(m.role)) continue;
    for (std::string key : {"org:" + m.organization_id, "role:" + m.role + "@" + m.region_id,
                            "role:" + m.role + "@" + m.organization_id}) {
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
    }
  }
  return keys;
}

Result<NotificationPage> NotificationService::List(const http::Principal& p, bool unread_only, int limit,
                                                   const std::string& cursor) {
  std::optional<std::pair<std::string, std::string>> after;
  if (!cursor.empty()) {
    after = ParseCursor(cursor);
    if (!after) return Error::Invalid("cursor", "Use the next_cursor of the previous page.");
  }
  limit = std::clamp(limit, 1, 100);
  const std::string since = FormatRfc3339(clock_.Now() - std::chrono::hours(24 * kKeepDays));
  return db_.ReadValue<NotificationPage>([&](storage::Connection& c) -> Result<NotificationPage> {
    ALLMENDE_ASSIGN_OR_RETURN(auto keys, KeysOf(c, p));
    std::vector<storage::Value> args{p.id, since, std::int64_t{limit + 1}};
    // Driven by the audience index (audience, created_at): filtered, ordered and paged on its own
    // columns; a notification reached by two keys is one row.
    std::string sql =
        "SELECT DISTINCT a.notification_id, n.kind, n.subject_type, n.subject_id, n.data, a.created_at, r.read_at "
        "FROM notification_audience a JOIN notifications n ON n.id = a.notification_id LEFT JOIN notification_reads "
        "r ON r.notification_id = a.notification_id AND r.user_id = $1 WHERE a.created_at >= $2";
    if (unread_only) sql += " AND r.read_at IS NULL";
    if (after) {
      sql += " AND (a.created_at < $4 OR (a.created_at = $4 AND a.notification_id < $5))";
      args.emplace_back(after->first);
      args.emplace_back(after->second);
    }
    sql += " AND a.audience IN (" + storage::Placeholders(args.size() + 1, keys.size()) +
           ") ORDER BY a.created_at DESC, a.notification_id DESC LIMIT $3";
    for (const auto& k : keys) args.emplace_back(k);
    ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(sql, args));
    NotificationPage page;
    for (const auto& r : rows) {
      if (static_cast<int>(page.items.size()) == limit) {
        const auto& last = page.items.back();
        page.next_cursor = last.created_at + "~" + last.id;
        break;
      }
      page.items.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), !r.IsNull(6)});
    }
    ALLMENDE_ASSIGN_OR_RETURN(page.unread_count, CountUnread(c, p.id, keys, since));
    return page;
  });
}

Result<std::int64_t> NotificationService::UnreadCount(const http::Principal& p) {
  const std::string since = FormatRfc3339(clock_.Now() - std::chrono::hours(24 * kKeepDays));
  return db_.ReadValue<std::int64_t>([&](storage::Connection& c) -> Result<std::int64_t> {
    ALLMENDE_ASSIGN_OR_RETURN(auto keys, KeysOf(c, p));
    return CountUnread(c, p.id, keys, since);
  });
}

Result<std::int64_t> NotificationService::MarkRead(const http::Principal& p, const std::vector<std::string>& ids,
                                                   bool all) {
  if (!all && ids.empty()) return Error::Invalid("ids", "Name the notifications to mark read, or send all: true.");
  if (ids.size() > 100) return Error::Invalid("ids", "At most 100 at a time.");
  const Timestamp now = clock_.Now();
  const std::string since = FormatRfc3339(now - std::chrono::hours(24 * kKeepDays));
  return db_.WriteValue<std::int64_t>(
      [&](storage::Connection& c) -> Result<std::int64_t> {
        ALLMENDE_ASSIGN_OR_RETURN(auto keys, KeysOf(c, p));
        std::vector<storage::Value> args{p.id, FormatRfc3339(now), since};
        // Only the caller's own notifications; one already read keeps its first read time.
        std::string sql =
            "INSERT INTO notification_reads (region_id, user_id, notification_id, read_at) SELECT DISTINCT "
            "a.region_id, $1, a.notification_id, $2 FROM notification_audience a WHERE a.created_at >= $3 AND NOT "
            "EXISTS (SELECT 1 FROM "
            "notification_reads r WHERE r.notification_id = a.notification_id AND r.user_id = $1)";
        if (!all) {
          sql += " AND a.notification_id IN (" + storage::Placeholders(args.size() + 1, ids.size()) + ")";
          for (const auto& id : ids) args.emplace_back(id);
        }
        sql +=
            " AND a.audience IN (" + storage::Placeholders(args.size() + 1, keys.size()) + ") ON CONFLICT DO NOTHING";
        for (const auto& k : keys) args.emplace_back(k);
        ALLMENDE_TRY(c.Execute(sql, args));
        return CountUnread(c, p.id, keys, since);
      },
      storage::Isolation::kReadCommitted);
}

Result<std::int64_t> NotificationService::Purge(storage::Connection& c, Timestamp before) {
  const std::string at = FormatRfc3339(before);
  // Their audience rows and read marks go with them (ON DELETE CASCADE).
  return c.Execute("DELETE FROM notifications WHERE created_at < $1", {at});
}

}  // namespace allmende::notifications
