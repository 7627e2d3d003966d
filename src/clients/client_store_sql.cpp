#include "clients/client_store.hpp"

namespace allmende::clients {
namespace {

using storage::Value;

constexpr std::string_view kGet =
    "SELECT u.id, u.name, u.email, u.phone, u.language, c.region_id, c.created_at, u.version, c.birth_date, "
    "c.street, c.postal_code, c.city, c.municipality_code, p.name_fi, c.identity_code_masked, c.merged_into "
    "FROM clients c JOIN users u ON u.id = c.user_id LEFT JOIN directory_places p ON p.code = c.municipality_code "
    "WHERE c.user_id = $1";
constexpr std::string_view kRelations =
    "SELECT r.organization_id, o.name, r.relation, r.valid_from, r.valid_until FROM client_relations r "
    "JOIN organizations o ON o.id = r.organization_id WHERE r.client_id = $1 ORDER BY r.valid_from, r.id";
constexpr std::string_view kUpdate =
    "UPDATE users SET name = $2, phone = $3, language = $4, updated_at = $5, version = version + 1 "
    "WHERE id = $1 AND version = $6";
constexpr std::string_view kInsertClient =
    "INSERT INTO clients (user_id, region_id, created_at, created_by) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (user_id) DO NOTHING";
constexpr std::string_view kOpenRelations =
    "SELECT id, consent_id FROM client_relations WHERE client_id = $1 AND organization_id = $2 AND relation = $3 "
    "AND valid_until IS NULL ORDER BY id";
constexpr std::string_view kInsertRelation =
    "INSERT INTO client_relations (id, client_id, organization_id, relation, valid_from, created_at, consent_id) "
    "VALUES ($1, $2, $3, $4, $5, $5, $6)";
constexpr std::string_view kUnconditional = "UPDATE client_relations SET consent_id = NULL WHERE id = $1";
constexpr std::string_view kEndRelation =
    "UPDATE client_relations SET valid_until = $4 WHERE client_id = $1 AND organization_id = $2 AND relation = $3 "
    "AND valid_until IS NULL";
constexpr std::string_view kRegionByCode = "SELECT id FROM regions WHERE code = $1";
constexpr std::string_view kOrganizationByName = "SELECT id FROM organizations WHERE name = $1";

Result<std::optional<std::string>> FirstText(Result<std::optional<storage::Row>> row) {
  if (!row.ok()) return std::move(row).error();
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>((*row)->Text(0));
}

}  // namespace

Result<std::optional<ClientRecord>> ClientStore::Get(storage::Connection& c, const std::string& id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kGet, {id}));
  if (!row) return std::optional<ClientRecord>();
  ClientRecord r{row->Text(0),    row->Text(1), row->Text(2),
                 row->OptText(3), row->Text(4), row->Text(5),
                 row->Text(6),    row->Int(7),  {}};
  r.birth_date = row->OptText(8);
  r.street = row->OptText(9);
  r.postal_code = row->OptText(10);
  r.city = row->OptText(11);
  r.municipality_code = row->OptText(12);
  r.municipality_name = row->OptText(13);
  r.identity_code_masked = row->OptText(14);
  r.merged_into = row->OptText(15);
  ALLMENDE_ASSIGN_OR_RETURN(auto rels, c.Query(kRelations, {id}));
  for (const auto& x : rels) r.relations.push_back({x.Text(0), x.Text(1), x.Text(2), x.Text(3), x.OptText(4)});
  return std::optional<ClientRecord>(std::move(r));
}

Result<bool> ClientStore::UpdateContact(storage::Connection& c, const std::string& id, const std::string& name,
                                        const std::optional<std::string>& phone, const std::string& language,
                                        const std::string& now, std::int64_t expected_version) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto n, c.Execute(kUpdate, {id, name, phone ? Value(*phone) : Value(nullptr), language, now, expected_version}));
  return n == 1;
}

Result<bool> ClientStore::InsertIfMissing(storage::Connection& c, const std::string& user_id,
                                          const std::string& region_id, const std::string& created_at,
                                          const std::string& created_by) {
  ALLMENDE_ASSIGN_OR_RETURN(auto n, c.Execute(kInsertClient, {user_id, region_id, created_at, created_by}));
  return n > 0;
}

Result<std::vector<std::pair<std::string, std::optional<std::string>>>> ClientStore::OpenRelations(
    storage::Connection& c, const std::string& client_id, const std::string& organization_id,
    const std::string& relation) {
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(kOpenRelations, {client_id, organization_id, relation}));
  std::vector<std::pair<std::string, std::optional<std::string>>> out;
  for (const auto& r : rows) out.emplace_back(r.Text(0), r.OptText(1));
  return out;
}

Result<void> ClientStore::MakeUnconditional(storage::Connection& c, const std::string& relation_id) {
  ALLMENDE_TRY(c.Execute(kUnconditional, {relation_id}));
  return Ok();
}

Result<void> ClientStore::EndRelation(storage::Connection& c, const std::string& client_id,
                                      const std::string& organization_id, const std::string& relation,
                                      const std::string& now) {
  ALLMENDE_TRY(c.Execute(kEndRelation, {client_id, organization_id, relation, now}));
  return Ok();
}

Result<void> ClientStore::InsertRelation(storage::Connection& c, const std::string& id, const std::string& client_id,
                                         const std::string& organization_id, const std::string& relation,
                                         const std::string& now, const std::optional<std::string>& consent_id) {
  ALLMENDE_TRY(c.Execute(kInsertRelation, {id, client_id, organization_id, relation, now,
                                           consent_id ? Value(*consent_id) : Value(nullptr)}));
  return Ok();
}

Result<std::optional<std::string>> ClientStore::RegionIdByCode(storage::Connection& c, const std::string& code) {
  return FirstText(c.QueryOne(kRegionByCode, {code}));
}

Result<std::optional<std::string>> ClientStore::OrganizationIdByName(storage::Connection& c, const std::string& name) {
  return FirstText(c.QueryOne(kOrganizationByName, {name}));
}

Result<std::vector<ClientOfOrganization>> ClientStore::OfOrganization(storage::Connection& c,
                                                                      const std::string& organization_id,
                                                                      const std::string& now, int limit) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto rows, c.Query("SELECT r.client_id, u.name, r.relation, MIN(r.valid_from) FROM client_relations r "
                         "JOIN users u ON u.id = r.client_id WHERE r.organization_id = $1 AND r.valid_from <= $2 "
                         "AND (r.valid_until IS NULL OR r.valid_until > $2) GROUP BY r.client_id, u.name, r.relation "
                         "ORDER BY u.name, r.client_id LIMIT $3",
                         {organization_id, now, std::int64_t{limit}}));
  std::vector<ClientOfOrganization> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3)});
  return out;
}

}  // namespace allmende::clients
