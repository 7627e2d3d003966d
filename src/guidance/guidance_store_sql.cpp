#include <boost/json.hpp>

#include "guidance/guidance_store.hpp"

namespace allmende::guidance {
namespace {

std::string TopicsJson(const std::vector<std::string>& topics) {
  boost::json::array a;
  for (const auto& t : topics) a.emplace_back(t);
  return boost::json::serialize(a);
}

std::vector<std::string> TopicsFrom(const std::string& text) {
  std::vector<std::string> out;
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& t : v.as_array()) {
    if (t.is_string()) out.emplace_back(t.as_string());
  }
  return out;
}

constexpr std::string_view kContactColumns =
    "SELECT a.id, a.region_id, a.client_id, a.advisor_id, u.name, a.organization_id, o.name, a.channel, a.topics, "
    "a.duration_minutes, a.outcome, a.note, a.occurred_at, a.created_at FROM advice_contacts a "
    "JOIN users u ON u.id = a.advisor_id JOIN organizations o ON o.id = a.organization_id ";

Contact ToContact(const storage::Row& r) {
  return {r.Text(0),
          r.Text(1),
          r.Text(2),
          r.Text(3),
          r.Text(4),
          r.Text(5),
          r.Text(6),
          r.Text(7),
          TopicsFrom(r.Text(8)),
          static_cast<int>(r.Int(9)),
          r.Text(10),
          r.Text(11),
          r.Text(12),
          r.Text(13)};
}

}  // namespace

Result<std::vector<AdviceTopic>> GuidanceStore::Topics(storage::Connection& c) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto rows,
      c.Query("SELECT code, name_fi, name_sv, name_en, name_de, name_da FROM advice_topics ORDER BY position, code"));
  std::vector<AdviceTopic> out;
  for (const auto& r : rows) {
    out.push_back(
        {r.Text(0), {{"fi", r.Text(1)}, {"sv", r.Text(2)}, {"en", r.Text(3)}, {"de", r.Text(4)}, {"da", r.Text(5)}}});
  }
  return out;
}

Result<void> GuidanceStore::InsertContact(storage::Connection& c, const Contact& k) {
  ALLMENDE_TRY(
      c.Execute("INSERT INTO advice_contacts (id, region_id, client_id, advisor_id, organization_id, channel, "
                "topics, duration_minutes, outcome, note, occurred_at, created_at) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
                {k.id, k.region_id, k.client_id, k.advisor_id, k.organization_id, k.channel, TopicsJson(k.topics),
                 std::int64_t{k.duration_minutes}, k.outcome, k.note, k.occurred_at, k.created_at}));
  return Ok();
}

Result<std::optional<Contact>> GuidanceStore::GetContact(storage::Connection& c, const std::string& id) {
  static const std::string sql = std::string(kContactColumns) + "WHERE a.id = $1";
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(sql, {id}));
  if (!row) return std::optional<Contact>();
  return std::optional<Contact>(ToContact(*row));
}

Result<std::vector<Contact>> GuidanceStore::ContactsOf(storage::Connection& c, const std::string& client_id,
                                                       int limit) {
  static const std::string sql =
      std::string(kContactColumns) + "WHERE a.client_id = $1 ORDER BY a.occurred_at DESC, a.id DESC LIMIT $2";
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(sql, {client_id, std::int64_t{limit}}));
  std::vector<Contact> out;
  for (const auto& r : rows) out.push_back(ToContact(r));
  return out;
}

}  // namespace allmende::guidance
