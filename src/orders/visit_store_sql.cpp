// The orders store's visits, timeline and message thread (OrderStore, order_store.hpp).
#include "common/time.hpp"
#include "orders/order_store.hpp"
#include "orders/order_store_rows.hpp"

namespace allmende::orders {
namespace {

using storage::Value;
using store_rows::All;
using store_rows::Opt;

constexpr std::string_view kVisitColumns =
    "SELECT id, region_id, order_id, provider_id, worker_id, local_date, starts_at, ends_at, state, checked_in_at, "
    "checked_out_at, tasks, note_sealed, deviation, failure_reason, dispute_reason, charge_bp, billable_minutes, "
    "price_cents, split, updated_at, version FROM visits ";
constexpr std::string_view kInsertVisit =
    "INSERT INTO visits (id, region_id, order_id, provider_id, worker_id, local_date, starts_at, ends_at, state, "
    "tasks, created_at, updated_at, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'planned', $9, $10, $10, 1) "
    "ON CONFLICT (order_id, starts_at) DO NOTHING";
constexpr std::string_view kUpdateVisit =
    "UPDATE visits SET worker_id = $2, state = $3, checked_in_at = $4, checked_out_at = $5, tasks = $6, "
    "note_sealed = $7, deviation = $8, failure_reason = $9, dispute_reason = $10, charge_bp = $11, "
    "billable_minutes = $12, price_cents = $13, split = $14, updated_at = $15, version = version + 1 "
    "WHERE id = $1 AND version = $16";

Visit ToVisit(const storage::Row& r) {
  Visit v;
  v.id = r.Text(0);
  v.region_id = r.Text(1);
  v.order_id = r.Text(2);
  v.provider_id = r.Text(3);
  v.worker_id = r.OptText(4);
  v.local_date = r.Text(5);
  v.starts_at = r.Text(6);
  v.ends_at = r.Text(7);
  v.state = r.Text(8);
  v.checked_in_at = r.OptText(9);
  v.checked_out_at = r.OptText(10);
  v.tasks = r.Text(11);
  v.note = r.Text(12);
  v.deviation = r.OptText(13);
  v.failure_reason = r.OptText(14);
  v.dispute_reason = r.OptText(15);
  if (!r.IsNull(16)) v.charge_bp = static_cast<int>(r.Int(16));
  v.billable_minutes = r.OptInt(17);
  v.price_cents = r.OptInt(18);
  v.split = r.OptText(19);
  v.updated_at = r.Text(20);
  v.version = r.Int(21);
  return v;
}

}  // namespace

Result<bool> OrderStore::InsertVisit(storage::Connection& c, const Visit& v) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto n, c.Execute(kInsertVisit, {v.id, v.region_id, v.order_id, v.provider_id, Opt(v.worker_id), v.local_date,
                                       v.starts_at, v.ends_at, v.tasks, v.updated_at}));
  return n == 1;
}

Result<std::optional<Visit>> OrderStore::GetVisit(storage::Connection& c, const std::string& id) {
  static const std::string sql = std::string(kVisitColumns) + "WHERE id = $1";
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(sql, {id}));
  if (!row) return std::optional<Visit>();
  return std::optional<Visit>(ToVisit(*row));
}

Result<bool> OrderStore::UpdateVisit(storage::Connection& c, const Visit& v, std::int64_t expected_version) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto n, c.Execute(kUpdateVisit, {v.id, Opt(v.worker_id), v.state, Opt(v.checked_in_at), Opt(v.checked_out_at),
                                       v.tasks, v.note, Opt(v.deviation), Opt(v.failure_reason), Opt(v.dispute_reason),
                                       v.charge_bp ? Value(std::int64_t{*v.charge_bp}) : Value(nullptr),
                                       v.billable_minutes ? Value(*v.billable_minutes) : Value(nullptr),
                                       v.price_cents ? Value(*v.price_cents) : Value(nullptr), Opt(v.split),
                                       v.updated_at, expected_version}));
  return n == 1;
}

Result<std::vector<Visit>> OrderStore::VisitsOf(storage::Connection& c, const std::string& order_id) {
  static const std::string sql = std::string(kVisitColumns) + "WHERE order_id = $1 ORDER BY starts_at";
  return All<Visit>(c, sql, {order_id}, ToVisit);
}

Result<std::vector<Visit>> OrderStore::WorkerDay(storage::Connection& c, const std::string& worker_id,
                                                 const std::string& local_date) {
  static const std::string sql =
      std::string(kVisitColumns) + "WHERE worker_id = $1 AND local_date = $2 ORDER BY starts_at, id";
  return All<Visit>(c, sql, {worker_id, local_date}, ToVisit);
}

Result<std::vector<Visit>> OrderStore::ProviderDay(storage::Connection& c, const std::string& provider_id,
                                                   const std::string& local_date) {
  static const std::string sql =
      std::string(kVisitColumns) + "WHERE provider_id = $1 AND local_date = $2 ORDER BY starts_at, id";
  return All<Visit>(c, sql, {provider_id, local_date}, ToVisit);
}

Result<std::int64_t> OrderStore::CountOverdue(storage::Connection& c, const std::string& region_id,
                                              const std::string& before) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto row, c.QueryOne("SELECT COUNT(*) FROM visits WHERE region_id = $1 AND state IN ('planned', 'in_progress') "
                           "AND ends_at < $2",
                           {region_id, before}));
  return row ? row->Int(0) : 0;
}

Result<void> OrderStore::InsertTimeline(storage::Connection& c, const std::string& region_id,
                                        const std::string& order_id, const TimelineEntry& e) {
  ALLMENDE_TRY(c.Execute(
      "INSERT INTO order_timeline (id, region_id, order_id, at, actor_id, actor_role, kind, from_state, to_state, "
      "note, audience) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
      {e.id, region_id, order_id, e.at, e.actor_id, e.actor_role, e.kind, Opt(e.from_state), Opt(e.to_state),
       Opt(e.note), e.audience}));
  return Ok();
}

Result<std::vector<TimelineEntry>> OrderStore::Timeline(storage::Connection& c, const std::string& order_id) {
  return All<TimelineEntry>(
      c,
      "SELECT id, at, actor_id, actor_role, kind, from_state, to_state, note, audience FROM order_timeline "
      "WHERE order_id = $1 ORDER BY at, id",
      {order_id}, [](const storage::Row& r) {
        return TimelineEntry{r.Text(0),    r.Text(1),    r.Text(2),    r.Text(3), r.Text(4),
                             r.OptText(5), r.OptText(6), r.OptText(7), r.Text(8)};
      });
}

Result<void> OrderStore::InsertMessage(storage::Connection& c, const std::string& region_id, const Message& m) {
  ALLMENDE_TRY(
      c.Execute("INSERT INTO order_messages (id, region_id, order_id, author_id, author_role, body_sealed, at) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7)",
                {m.id, region_id, m.order_id, m.author_id, m.author_role, m.body, m.at}));
  return Ok();
}

Result<std::vector<Message>> OrderStore::Messages(storage::Connection& c, const std::string& order_id) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto messages,
      All<Message>(c,
                   "SELECT m.id, m.order_id, m.author_id, u.name, m.author_role, m.body_sealed, m.at FROM "
                   "order_messages m JOIN users u ON u.id = m.author_id WHERE m.order_id = $1 ORDER BY m.at, m.id",
                   {order_id}, [](const storage::Row& r) {
                     return Message{r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6), {}};
                   }));
  ALLMENDE_ASSIGN_OR_RETURN(
      auto reads, c.Query("SELECT r.message_id, r.user_id FROM order_message_reads r JOIN order_messages m ON "
                          "m.id = r.message_id WHERE m.order_id = $1",
                          {order_id}));
  for (auto& m : messages) {
    for (const auto& r : reads) {
      if (r.Text(0) == m.id) m.read_by.push_back(r.Text(1));
    }
  }
  return messages;
}

Result<void> OrderStore::MarkRead(storage::Connection& c, const std::string& message_id, const std::string& user_id,
                                  const std::string& now) {
  ALLMENDE_TRY(
      c.Execute("INSERT INTO order_message_reads (message_id, user_id, read_at) VALUES ($1, $2, $3) "
                "ON CONFLICT (message_id, user_id) DO NOTHING",
                {message_id, user_id, now}));
  return Ok();
}

}  // namespace allmende::orders
