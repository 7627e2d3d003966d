#include "clients/consent_store.hpp"

namespace allmende::clients {
namespace {

using storage::Value;

Value Opt(const std::optional<std::string>& v) { return v ? Value(*v) : Value(nullptr); }

constexpr std::string_view kColumns =
    "SELECT k.id, k.region_id, k.client_id, k.purpose, k.organization_id, o.name, k.order_id, k.given_how, "
    "k.given_by, k.recorded_by, r.name, k.valid_until, k.withdrawn_at, k.withdrawn_by, w.name, k.created_at "
    "FROM client_consents k LEFT JOIN organizations o ON o.id = k.organization_id "
    "JOIN users r ON r.id = k.recorded_by LEFT JOIN users w ON w.id = k.withdrawn_by ";

Consent ToConsent(const storage::Row& r) {
  Consent k;
  k.id = r.Text(0);
  k.region_id = r.Text(1);
  k.client_id = r.Text(2);
  k.purpose = r.Text(3);
  k.organization_id = r.OptText(4);
  k.organization_name = r.OptText(5);
  k.order_id = r.OptText(6);
  k.given_how = r.Text(7);
  k.given_by = r.Text(8);
  k.recorded_by = r.Text(9);
  k.recorded_by_name = r.Text(10);
  k.valid_until = r.OptText(11);
  k.withdrawn_at = r.OptText(12);
  k.withdrawn_by = r.OptText(13);
  k.withdrawn_by_name = r.OptText(14);
  k.created_at = r.Text(15);
  return k;
}

}  // namespace

Result<void> ConsentStore::Insert(storage::Connection& c, const Consent& k) {
  ALLMENDE_TRY(
      c.Execute("INSERT INTO client_consents (id, region_id, client_id, purpose, organization_id, order_id, "
                "given_how, given_by, recorded_by, valid_until, created_at) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                {k.id, k.region_id, k.client_id, k.purpose, Opt(k.organization_id), Opt(k.order_id), k.given_how,
                 k.given_by, k.recorded_by, Opt(k.valid_until), k.created_at}));
  return Ok();
}

Result<std::optional<Consent>> ConsentStore::Get(storage::Connection& c, const std::string& id) {
  static const std::string sql = std::string(kColumns) + "WHERE k.id = $1";
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(sql, {id}));
  if (!row) return std::optional<Consent>();
  return std::optional<Consent>(ToConsent(*row));
}

Result<std::vector<Consent>> ConsentStore::OfClient(storage::Connection& c, const std::string& client_id) {
  static const std::string sql =
      std::string(kColumns) + "WHERE k.client_id = $1 ORDER BY k.created_at DESC, k.id DESC LIMIT 200";
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(sql, {client_id}));
  std::vector<Consent> out;
  for (const auto& r : rows) out.push_back(ToConsent(r));
  return out;
}

Result<bool> ConsentStore::Withdraw(storage::Connection& c, const std::string& id, const std::string& by,
                                    const std::string& now) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto n, c.Execute("UPDATE client_consents SET withdrawn_at = $3, withdrawn_by = $2 WHERE id = $1 AND "
                        "withdrawn_at IS NULL",
                        {id, by, now}));
  return n == 1;
}

Result<void> ConsentStore::SetOrganization(storage::Connection& c, const std::string& id,
                                           const std::string& organization_id) {
  ALLMENDE_TRY(c.Execute("UPDATE client_consents SET organization_id = $2 WHERE id = $1 AND organization_id IS NULL",
                         {id, organization_id}));
  return Ok();
}

}  // namespace allmende::clients
