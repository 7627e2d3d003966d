#include <sstream>

#include "tenancy/token_store.hpp"

namespace allmende::tenancy {
namespace {

constexpr std::string_view kInsert =
    "INSERT INTO api_tokens (id, organization_id, region_id, name, scopes, token_hash, prefix, created_by, "
    "created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
constexpr std::string_view kList =
    "SELECT t.id, t.organization_id, t.name, t.scopes, t.prefix, t.created_by, COALESCE(u.name, t.created_by), "
    "t.created_at, t.expires_at, t.last_used_at, t.revoked_at FROM api_tokens t LEFT JOIN users u ON u.id = "
    "t.created_by WHERE t.organization_id = $1 ORDER BY t.id DESC LIMIT 200";
constexpr std::string_view kById =
    "SELECT t.id, t.organization_id, t.name, t.scopes, t.prefix, t.created_by, COALESCE(u.name, t.created_by), "
    "t.created_at, t.expires_at, t.last_used_at, t.revoked_at FROM api_tokens t LEFT JOIN users u ON u.id = "
    "t.created_by WHERE t.id = $1";
constexpr std::string_view kByHash =
    "SELECT id, organization_id, scopes, expires_at, revoked_at, last_used_at FROM api_tokens WHERE token_hash = $1";
constexpr std::string_view kRevoke =
    "UPDATE api_tokens SET revoked_at = $2, revoked_by = $3 WHERE id = $1 AND revoked_at IS NULL";
constexpr std::string_view kTouch =
    "UPDATE api_tokens SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $3)";

// Scopes are stored as one space-separated text.
std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : " ") + s;
  return out;
}

ApiToken From(const storage::Row& r) {
  return {r.Text(0), r.Text(1), r.Text(2), Split(r.Text(3)), r.Text(4),    r.Text(5),
          r.Text(6), r.Text(7), r.Text(8), r.OptText(9),     r.OptText(10)};
}

}  // namespace

Result<void> TokenStore::Insert(storage::Connection& c, const ApiToken& t, const std::string& region_id,
                                const std::string& secret_digest) {
  ALLMENDE_TRY(c.Execute(kInsert, {t.id, t.organization_id, region_id, t.name, Join(t.scopes), secret_digest, t.prefix,
                                   t.created_by, t.created_at, t.expires_at}));
  return Ok();
}

Result<std::optional<ApiToken>> TokenStore::Get(storage::Connection& c, const std::string& id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kById, {id}));
  if (!row) return std::optional<ApiToken>();
  return std::optional<ApiToken>(From(*row));
}

Result<std::vector<ApiToken>> TokenStore::OfOrganization(storage::Connection& c, const std::string& organization_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(kList, {organization_id}));
  std::vector<ApiToken> out;
  for (const auto& r : rows) out.push_back(From(r));
  return out;
}

Result<std::optional<TokenStore::Credential>> TokenStore::FindBySecretDigest(storage::Connection& c,
                                                                             const std::string& digest) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kByHash, {digest}));
  if (!row) return std::optional<Credential>();
  return std::optional<Credential>(
      Credential{row->Text(0), row->Text(1), Split(row->Text(2)), row->Text(3), row->OptText(4), row->OptText(5)});
}

Result<bool> TokenStore::Revoke(storage::Connection& c, const std::string& id, const std::string& now,
                                const std::string& by) {
  ALLMENDE_ASSIGN_OR_RETURN(auto n, c.Execute(kRevoke, {id, now, by}));
  return n == 1;
}

Result<void> TokenStore::RecordUse(storage::Connection& c, const std::string& id, const std::string& now,
                                   const std::string& unless_since) {
  ALLMENDE_TRY(c.Execute(kTouch, {id, now, unless_since}));
  return Ok();
}

}  // namespace allmende::tenancy
