#include <algorithm>
#include <map>

#include "clients/client_registry_store.hpp"

namespace allmende::clients {
namespace {

using storage::Value;

Value Opt(const std::optional<std::string>& v) { return v ? Value(*v) : Value(nullptr); }

constexpr std::string_view kInsert =
    "INSERT INTO clients (user_id, region_id, created_at, created_by, birth_date, street, postal_code, city, "
    "municipality_code, identity_code, identity_code_digest, identity_code_masked) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";
constexpr std::string_view kNames =
    "SELECT c.region_id, c.user_id, u.name FROM clients c JOIN users u ON u.id = c.user_id "
    "WHERE c.merged_into IS NULL";
// What a result line shows; the joins name the municipality.
constexpr std::string_view kHitColumns =
    "SELECT c.user_id, u.name, c.birth_date, p.name_fi, c.street, u.phone FROM clients c "
    "JOIN users u ON u.id = c.user_id LEFT JOIN directory_places p ON p.code = c.municipality_code ";
constexpr std::string_view kByIdentity =
    "SELECT user_id FROM clients WHERE identity_code_digest = $1 AND merged_into IS NULL";
constexpr std::string_view kSealedCode = "SELECT identity_code FROM clients WHERE user_id = $1";
constexpr std::string_view kMunicipality =
    "SELECT name_fi FROM directory_places WHERE code = $1 AND kind = 'municipality'";
constexpr std::string_view kRegionCountry = "SELECT country, default_language FROM regions WHERE id = $1";

Result<std::vector<ClientHit>> ToHits(Result<std::vector<storage::Row>> rows) {
  if (!rows.ok()) return std::move(rows).error();
  std::vector<ClientHit> out;
  out.reserve(rows->size());
  for (const auto& r : *rows) {
    out.push_back({r.Text(0), r.Text(1), r.OptText(2), r.OptText(3), r.OptText(4), r.OptText(5), 0.0});
  }
  return out;
}

}  // namespace

Result<void> RegistryStore::Insert(storage::Connection& c, const RegistryRow& r) {
  ALLMENDE_TRY(c.Execute(kInsert, {r.user_id, r.region_id, r.created_at, r.created_by, Opt(r.birth_date), Opt(r.street),
                                   Opt(r.postal_code), Opt(r.city), Opt(r.municipality_code), Opt(r.identity_code),
                                   Opt(r.identity_code_digest), Opt(r.identity_code_masked)}));
  return Ok();
}

Result<void> RegistryStore::SetDetails(storage::Connection& c, const RegistryRow& r) {
  ALLMENDE_TRY(
      c.Execute("UPDATE clients SET birth_date = $2, street = $3, postal_code = $4, city = $5, "
                "municipality_code = $6, identity_code = $7, identity_code_digest = $8, "
                "identity_code_masked = $9 WHERE user_id = $1",
                {r.user_id, Opt(r.birth_date), Opt(r.street), Opt(r.postal_code), Opt(r.city), Opt(r.municipality_code),
                 Opt(r.identity_code), Opt(r.identity_code_digest), Opt(r.identity_code_masked)}));
  return Ok();
}

Result<std::vector<NameIndex::Entry>> RegistryStore::AllNames(storage::Connection& c) {
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(kNames, {}));
  std::vector<NameIndex::Entry> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1), r.Text(2)});
  return out;
}

Result<std::optional<std::string>> RegistryStore::RegionOf(storage::Connection& c, const std::string& client_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT region_id FROM clients WHERE user_id = $1", {client_id}));
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(row->Text(0));
}

Result<std::optional<NameIndex::Entry>> RegistryStore::IndexedName(storage::Connection& c,
                                                                   const std::string& client_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(std::string(kNames) + " AND c.user_id = $1", {client_id}));
  if (!row) return std::optional<NameIndex::Entry>();
  return std::optional<NameIndex::Entry>(NameIndex::Entry{row->Text(0), row->Text(1), row->Text(2)});
}

Result<std::vector<ClientHit>> RegistryStore::Hits(storage::Connection& c, const std::vector<std::string>& ids) {
  if (ids.empty()) return std::vector<ClientHit>();
  storage::Params params;
  for (const auto& id : ids) params.push_back(id);
  return ToHits(c.Query(std::string(kHitColumns) + "WHERE c.user_id IN (" + storage::Placeholders(1, ids.size()) +
                            ") AND c.merged_into IS NULL",
                        params));
}

Result<std::vector<ClientHit>> RegistryStore::ByBirthDate(storage::Connection& c, const std::string& region_id,
                                                          const std::string& birth_date, int limit) {
  return ToHits(c.Query(
      std::string(kHitColumns) + "WHERE c.region_id = $1 AND c.birth_date = $2 AND c.merged_into IS NULL LIMIT $3",
      {region_id, birth_date, std::int64_t{limit}}));
}

Result<std::vector<ClientHit>> RegistryStore::ByPhone(storage::Connection& c, const std::string& region_id,
                                                      const std::string& phone, int limit) {
  // The person by phone first (users_phone), then whether they are a client here: CROSS JOIN keeps
  // SQLite from scanning the region's clients instead.
  return ToHits(
      c.Query("SELECT c.user_id, u.name, c.birth_date, p.name_fi, c.street, u.phone FROM users u "
              "CROSS JOIN clients c LEFT JOIN directory_places p ON p.code = c.municipality_code "
              "WHERE c.user_id = u.id AND u.phone = $2 AND c.region_id = $1 AND c.merged_into IS NULL "
              "LIMIT $3",
              {region_id, phone, std::int64_t{limit}}));
}

Result<std::vector<ClientHit>> RegistryStore::ByIdentityDigest(storage::Connection& c, const std::string& region_id,
                                                               const std::string& digest) {
  return ToHits(c.Query(
      std::string(kHitColumns) + "WHERE c.identity_code_digest = $2 AND c.region_id = $1 AND c.merged_into IS NULL",
      {region_id, digest}));
}

Result<std::optional<std::string>> RegistryStore::ClientWithIdentityDigest(storage::Connection& c,
                                                                           const std::string& digest) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kByIdentity, {digest}));
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(row->Text(0));
}

const std::vector<std::string>& RegistryStore::ClientReferences() {
  // Every column that names a client, except the access log (never rewritten: a merged record's
  // entries are shown with the record it went into) and billing lines (a locked run never changes;
  // a draft's lines are collected again from the orders moved here).
  static const std::vector<std::string> refs{"client_relations.client_id", "client_consents.client_id",
                                             "advice_contacts.client_id",  "assessments.client_id",
                                             "advice_tasks.client_id",     "referrals.client_id",
                                             "delegations.client_id",      "delegation_invitations.client_id",
                                             "grants.client_id",           "orders.client_id",
                                             "plan_items.client_id",       "visit_ratings.client_id",
                                             "quality_cases.client_id"};
  return refs;
}

Result<bool> RegistryStore::HasAccount(storage::Connection& c, const std::string& user_id) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto row, c.QueryOne("SELECT (SELECT count(*) FROM users WHERE id = $1 AND password_hash IS NOT NULL) + "
                           "(SELECT count(*) FROM sessions WHERE user_id = $1)",
                           {user_id}));
  return row && row->Int(0) > 0;
}

Result<void> RegistryStore::Merge(storage::Connection& c, const std::string& from, const std::string& to,
                                  const std::string& now) {
  // A delegate of both keeps one active delegation: the one that goes is revoked first.
  ALLMENDE_TRY(
      c.Execute("UPDATE delegations SET revoked_at = $3, revoked_by = 'merge' WHERE client_id = $1 AND "
                "revoked_at IS NULL AND delegate_id IN (SELECT delegate_id FROM delegations WHERE "
                "client_id = $2 AND revoked_at IS NULL)",
                {from, to, now}));
  // A grant or service on both plans stays once: the going record's active item ends.
  ALLMENDE_TRY(
      c.Execute("UPDATE plan_items SET state = 'ended', ended_at = $3, updated_at = $3, version = version + 1 "
                "WHERE client_id = $1 AND state = 'active' AND ("
                "grant_id IN (SELECT grant_id FROM plan_items WHERE client_id = $2 AND state = 'active' AND "
                "grant_id IS NOT NULL) OR service_id IN (SELECT service_id FROM plan_items WHERE client_id = $2 AND "
                "state = 'active' AND service_id IS NOT NULL))",
                {from, to, now}));
  for (const auto& ref : ClientReferences()) {
    const auto dot = ref.find('.');
    ALLMENDE_TRY(c.Execute(
        "UPDATE " + ref.substr(0, dot) + " SET " + ref.substr(dot + 1) + " = $2 WHERE " + ref.substr(dot + 1) + " = $1",
        {from, to}));
  }
  // Records merged into `from` before now lead to `to` as well (one hop for the access log).
  ALLMENDE_TRY(c.Execute("UPDATE clients SET merged_into = $2 WHERE merged_into = $1", {from, to}));
  // What the remaining record lacks comes from the one that goes (an identity code included: it
  // is unique among unmerged records, so it is moved, not copied).
  ALLMENDE_ASSIGN_OR_RETURN(
      auto gone, c.QueryOne("SELECT birth_date, street, postal_code, city, municipality_code, identity_code, "
                            "identity_code_digest, identity_code_masked FROM clients WHERE user_id = $1",
                            {from}));
  ALLMENDE_TRY(
      c.Execute("UPDATE clients SET merged_into = $2, merged_at = $3, identity_code = NULL, "
                "identity_code_digest = NULL, identity_code_masked = NULL WHERE user_id = $1",
                {from, to, now}));
  if (gone) {
    ALLMENDE_TRY(c.Execute(
        "UPDATE clients SET birth_date = COALESCE(birth_date, $2), street = COALESCE(street, $3), "
        "postal_code = COALESCE(postal_code, $4), city = COALESCE(city, $5), "
        "municipality_code = COALESCE(municipality_code, $6), "
        "identity_code = CASE WHEN identity_code_digest IS NULL THEN $7 ELSE identity_code END, "
        "identity_code_masked = CASE WHEN identity_code_digest IS NULL THEN $9 ELSE identity_code_masked END, "
        "identity_code_digest = COALESCE(identity_code_digest, $8) WHERE user_id = $1",
        {to, Opt(gone->OptText(0)), Opt(gone->OptText(1)), Opt(gone->OptText(2)), Opt(gone->OptText(3)),
         Opt(gone->OptText(4)), Opt(gone->OptText(5)), Opt(gone->OptText(6)), Opt(gone->OptText(7))}));
  }
  ALLMENDE_TRY(
      c.Execute("UPDATE users SET phone = COALESCE(phone, (SELECT phone FROM users WHERE id = $1)) "
                "WHERE id = $2",
                {from, to}));
  // The address of the record that went must not block anyone's registration with it later.
  ALLMENDE_TRY(c.Execute("UPDATE users SET email = NULL WHERE id = $1", {from}));
  return Ok();
}

Result<std::optional<std::string>> RegistryStore::SealedIdentityCode(storage::Connection& c,
                                                                     const std::string& client_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kSealedCode, {client_id}));
  if (!row || row->IsNull(0)) return std::optional<std::string>();
  return std::optional<std::string>(row->Text(0));
}

Result<std::optional<std::string>> RegistryStore::MunicipalityName(storage::Connection& c, const std::string& code) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kMunicipality, {code}));
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(row->Text(0));
}

Result<std::optional<std::pair<std::string, std::string>>> RegistryStore::RegionCountry(storage::Connection& c,
                                                                                        const std::string& region_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kRegionCountry, {region_id}));
  if (!row) return std::optional<std::pair<std::string, std::string>>();
  return std::optional<std::pair<std::string, std::string>>({row->Text(0), row->Text(1)});
}

}  // namespace allmende::clients
