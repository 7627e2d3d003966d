#include "quality/case_rows.hpp"

#include "common/ids.hpp"
#include "notifications/notifications.hpp"

namespace allmende::quality::internal {
namespace {

using storage::Value;

constexpr std::string_view kColumns =
    "SELECT k.id, k.number, k.region_id, k.kind, k.category, k.severity, k.state, k.description_sealed, "
    "k.client_id, cu.name, k.order_id, k.visit_id, v.local_date, k.provider_id, po.name, o.purchaser_id, "
    "k.filed_by, fu.name, k.filed_as, k.assignee_id, au.name, k.due_at, k.escalated_at, k.upheld, "
    "k.resolution_sealed, k.created_at, k.updated_at, k.closed_at, k.version FROM quality_cases k "
    "LEFT JOIN users cu ON cu.id = k.client_id LEFT JOIN visits v ON v.id = k.visit_id "
    "LEFT JOIN organizations po ON po.id = k.provider_id LEFT JOIN orders o ON o.id = k.order_id "
    "JOIN users fu ON fu.id = k.filed_by LEFT JOIN users au ON au.id = k.assignee_id ";

Case ToCase(const storage::Row& r, const storage::FieldCipher& cipher, const std::string& reader_id,
            const std::string& now) {
  Case k;
  k.id = r.Text(0);
  k.number = r.Int(1);
  k.region_id = r.Text(2);
  k.kind = r.Text(3);
  k.category = r.Text(4);
  k.severity = r.Text(5);
  k.state = r.Text(6);
  k.description = Opened(cipher, r.Text(7));
  k.client_id = r.OptText(8);
  k.client_name = r.OptText(9);
  k.order_id = r.OptText(10);
  k.visit_id = r.OptText(11);
  k.visit_date = r.OptText(12);
  k.provider_id = r.OptText(13);
  k.provider_name = r.OptText(14);
  k.purchaser_id = r.OptText(15);
  k.filed_by = r.Text(16);
  k.filed_by_name = r.Text(17);
  k.filed_as = r.Text(18);
  k.filed_by_me = k.filed_by == reader_id;
  k.assignee_id = r.OptText(19);
  k.assignee_name = r.OptText(20);
  k.due_at = r.Text(21);
  k.escalated_at = r.OptText(22);
  if (!r.IsNull(23)) k.upheld = r.Int(23) != 0;
  if (auto res = r.OptText(24)) k.resolution = Opened(cipher, *res);
  k.created_at = r.Text(25);
  k.updated_at = r.Text(26);
  k.closed_at = r.OptText(27);
  k.version = r.Int(28);
  k.overdue = k.state != "closed" && k.due_at < now;
  return k;
}

}  // namespace

std::chrono::hours TimeToClose(const std::string& severity) {
  if (severity == "critical") return std::chrono::hours(24);
  if (severity == "high") return std::chrono::hours(72);
  if (severity == "medium") return std::chrono::hours(24 * 7);
  return std::chrono::hours(24 * 14);
}

bool ClientSideRole(const std::string& role) { return role == "client" || role == "delegate"; }

std::string Opened(const storage::FieldCipher& cipher, const std::string& sealed) {
  auto text = cipher.Open(sealed);
  return text.ok() ? *text : std::string();
}

Result<Case> LoadCase(storage::Connection& c, const storage::FieldCipher& cipher, const std::string& id,
                      const std::string& reader_id, Timestamp now) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(std::string(kColumns) + "WHERE k.id = $1", {id}));
  if (!row) return Error::NotFound("There is no such case.");
  return ToCase(*row, cipher, reader_id, FormatRfc3339(now));
}

Result<CasePage> CasePageWhere(storage::Connection& c, const storage::FieldCipher& cipher, const std::string& where,
                               std::vector<Value> args, bool by_due, const std::string& cursor, int limit,
                               const std::string& reader_id, Timestamp now) {
  if (limit < 1 || limit > 200) return Error::Invalid("limit", "Between 1 and 200.");
  const std::string key = by_due ? "k.due_at" : "k.created_at";
  std::string sql = std::string(kColumns) + "WHERE " + where;
  if (!cursor.empty()) {
    auto parsed = ParseKeysetCursor(cursor);
    if (!parsed) return Error::Invalid("cursor", "Use the next_cursor of the previous page.");
    const std::string a = "$" + std::to_string(args.size() + 1);
    const std::string b = "$" + std::to_string(args.size() + 2);
    const std::string cmp = by_due ? ">" : "<";
    sql += " AND (" + key + " " + cmp + " " + a + " OR (" + key + " = " + a + " AND k.id " + cmp + " " + b + "))";
    args.push_back(parsed->first);
    args.push_back(parsed->second);
  }
  sql += " ORDER BY " + key + (by_due ? " ASC, k.id ASC" : " DESC, k.id DESC") + " LIMIT " + std::to_string(limit + 1);
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(sql, args));
  CasePage page;
  const std::string now_text = FormatRfc3339(now);
  for (const auto& r : rows) page.items.push_back(ToCase(r, cipher, reader_id, now_text));
  if (page.items.size() > static_cast<std::size_t>(limit)) {
    page.items.resize(limit);
    const Case& last = page.items.back();
    page.next_cursor = (by_due ? last.due_at : last.created_at) + "~" + last.id;
  }
  return page;
}

Result<void> AddEvent(storage::Connection& c, const storage::FieldCipher& cipher, const std::string& case_id,
                      const std::optional<std::string>& actor_id, const std::string& actor_role,
                      const std::string& kind, const std::optional<std::string>& from,
                      const std::optional<std::string>& to, const std::optional<std::string>& body,
                      const std::string& visibility, const std::string& at) {
  ALLMENDE_TRY(
      c.Execute("INSERT INTO quality_case_events (id, case_id, at, actor_id, actor_role, kind, from_state, to_state, "
                "body_sealed, visibility) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                {NewId("qce"), case_id, at, actor_id ? Value(*actor_id) : Value(nullptr), actor_role, kind,
                 from ? Value(*from) : Value(nullptr), to ? Value(*to) : Value(nullptr),
                 body ? Value(cipher.Seal(*body)) : Value(nullptr), visibility}));
  return Ok();
}

Result<std::int64_t> NextNumber(storage::Connection& c, const std::string& region_id) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto row, c.QueryOne("SELECT COALESCE(MAX(number), 0) + 1 FROM quality_cases WHERE region_id = $1", {region_id}));
  return row ? row->Int(0) : 1;
}

Result<void> NotifyCoordinators(storage::Connection& c, events::EventBus& bus, const std::string& region_id,
                                const std::string& kind, const std::string& case_id, boost::json::object data,
                                Timestamp now, std::vector<std::string> more) {
  std::vector<std::string> audience{"role:coordinator@" + region_id};
  for (auto& m : more) audience.push_back(std::move(m));
  data["case_id"] = case_id;
  return notifications::Add(c, bus,
                            {.region_id = region_id,
                             .audience = std::move(audience),
                             .kind = kind,
                             .subject_type = "quality_case",
                             .subject_id = case_id,
                             .data = boost::json::serialize(data)},
                            now);
}

std::optional<std::pair<std::string, std::string>> ParseKeysetCursor(const std::string& cursor) {
  const auto tilde = cursor.find('~');
  if (tilde == std::string::npos || tilde == 0 || tilde + 1 >= cursor.size() || cursor.size() > 200) {
    return std::nullopt;
  }
  return std::make_pair(cursor.substr(0, tilde), cursor.substr(tilde + 1));
}

}  // namespace allmende::quality::internal
