#include "tenancy/token_service.hpp"

#include <sodium.h>

#include <boost/json.hpp>
#include <sstream>

#include "access/access_log.hpp"
#include "common/ids.hpp"
#include "common/log.hpp"
#include "storage/idempotency.hpp"

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
constexpr std::string_view kRegion = "SELECT region_id FROM organizations WHERE id = $1";

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

std::string NewSecret() {
  unsigned char raw[32];
  randombytes_buf(raw, sizeof raw);
  char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return std::string("alm_") + out;
}

}  // namespace

const std::vector<std::string>& TokenScopes() {
  static const std::vector<std::string> scopes{"organization.read", "members.read", "clients.read"};
  return scopes;
}

std::string ApiTokenJson(const ApiToken& t, const std::string& secret) {
  auto opt = [](const std::optional<std::string>& v) { return v ? boost::json::value(*v) : nullptr; };
  boost::json::object o;
  o["id"] = t.id;
  o["organization_id"] = t.organization_id;
  o["name"] = t.name;
  boost::json::array scopes;
  for (const auto& s : t.scopes) scopes.emplace_back(s);
  o["scopes"] = std::move(scopes);
  o["prefix"] = t.prefix;
  o["created_by_name"] = t.created_by_name;
  o["created_at"] = t.created_at;
  o["expires_at"] = t.expires_at;
  o["last_used_at"] = opt(t.last_used_at);
  o["revoked_at"] = opt(t.revoked_at);
  if (!secret.empty()) o["token"] = secret;
  return boost::json::serialize(o);
}

TokenService::TokenService(storage::Database& db, const TimeSource& clock) : db_(db), clock_(clock) {}

Result<std::string> TokenService::OrganizationRegion(storage::Connection& c, const std::string& org_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kRegion, {org_id}));
  if (!row) return Error::NotFound("There is no organization " + org_id + ".");
  return row->Text(0);
}

Result<std::pair<ApiToken, std::string>> TokenService::Create(const access::Actor& a, const std::string& org_id,
                                                              const NewApiToken& in) {
  if (!a.principal) return Error::Unauthenticated("Sign in first.");
  std::vector<FieldError> errors;
  if (in.name.find_first_not_of(" \t") == std::string::npos || in.name.size() > 100) {
    errors.push_back({"name", "must be 1-100 characters"});
  }
  if (in.scopes.empty()) errors.push_back({"scopes", "must list at least one scope"});
  for (const auto& s : in.scopes) {
    if (std::find(TokenScopes().begin(), TokenScopes().end(), s) == TokenScopes().end()) {
      errors.push_back({"scopes", "'" + s + "' is not one of organization.read, members.read, clients.read"});
    }
  }
  if (in.expires_in_days < 1 || in.expires_in_days > 365) {
    errors.push_back({"expires_in_days", "must be from 1 to 365"});
  }
  Timestamp now = clock_.Now();
  const std::string secret = NewSecret();
  ApiToken t{NewId("tok"),
             org_id,
             in.name,
             in.scopes,
             secret.substr(0, 12),
             "",
             "",
             FormatRfc3339(now),
             FormatRfc3339(now + std::chrono::hours(24 * in.expires_in_days)),
             std::nullopt,
             std::nullopt};
  ALLMENDE_ASSIGN_OR_RETURN(ApiToken stored, db_.WriteValue<ApiToken>([&](storage::Connection& c) -> Result<ApiToken> {
    ALLMENDE_ASSIGN_OR_RETURN(std::string region, OrganizationRegion(c, org_id));
    ALLMENDE_TRY(access::AuthorizeAndRecord(
        c, a, access::Action::kTokensManage, {.region_id = region, .organization_id = org_id},
        {.action = "token.create", .subject_type = "token", .subject_id = t.id, .region_id = region}, now));
    if (!errors.empty()) return Error::Invalid(errors);
    ALLMENDE_TRY(c.Execute(kInsert, {t.id, org_id, region, t.name, Join(t.scopes), storage::RequestDigest(secret),
                                     t.prefix, a.principal->id, t.created_at, t.expires_at}));
    ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kById, {t.id}));
    return From(*row);
  }));
  return std::make_pair(std::move(stored), secret);
}

Result<std::vector<ApiToken>> TokenService::List(const access::Actor& a, const std::string& org_id) {
  if (!a.principal) return Error::Unauthenticated("Sign in first.");
  return db_.ReadValue<std::vector<ApiToken>>([&](storage::Connection& c) -> Result<std::vector<ApiToken>> {
    ALLMENDE_ASSIGN_OR_RETURN(std::string region, OrganizationRegion(c, org_id));
    ALLMENDE_TRY(access::Authorize(c, a.principal, access::Action::kTokensManage,
                                   {.region_id = region, .organization_id = org_id}, clock_.Now()));
    ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(kList, {org_id}));
    std::vector<ApiToken> out;
    for (const auto& r : rows) out.push_back(From(r));
    return out;
  });
}

Result<void> TokenService::Revoke(const access::Actor& a, const std::string& org_id, const std::string& token_id) {
  if (!a.principal) return Error::Unauthenticated("Sign in first.");
  Timestamp now = clock_.Now();
  return db_.Write([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_ASSIGN_OR_RETURN(std::string region, OrganizationRegion(c, org_id));
    ALLMENDE_TRY(access::AuthorizeAndRecord(
        c, a, access::Action::kTokensManage, {.region_id = region, .organization_id = org_id},
        {.action = "token.revoke", .subject_type = "token", .subject_id = token_id, .region_id = region}, now));
    ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kById, {token_id}));
    if (!row || row->Text(1) != org_id) return Error::NotFound("There is no token " + token_id + ".");
    ALLMENDE_ASSIGN_OR_RETURN(auto n, c.Execute(kRevoke, {token_id, FormatRfc3339(now), a.principal->id}));
    if (n == 0) return Error::Conflict("The token is already revoked.");
    return Ok();
  });
}

Result<http::Principal> TokenService::Authenticate(const std::string& secret) {
  Timestamp now = clock_.Now();
  const std::string now_text = FormatRfc3339(now);
  ALLMENDE_ASSIGN_OR_RETURN(auto row, db_.ReadValue<std::optional<storage::Row>>([&](storage::Connection& c) {
    return c.QueryOne(kByHash, {storage::RequestDigest(secret)});
  }));
  if (!row || !row->IsNull(4) || row->Text(3) <= now_text) {
    return Error::Unauthenticated("The API token is not valid (unknown, revoked or expired).");
  }
  http::Principal p{row->Text(0), "api_token"};
  p.mfa_verified = true;  // a machine credential: its scopes are its limits
  p.organization_id = row->Text(1);
  p.scopes = Split(row->Text(2));
  auto last = row->OptText(5);
  auto last_time = last ? ParseRfc3339(*last) : std::nullopt;
  if (!last_time || now - *last_time > std::chrono::minutes(1)) {
    // Bookkeeping only: concurrent requests race for it harmlessly, and a failure must not fail
    // the request.
    const std::string a_minute_ago = FormatRfc3339(now - std::chrono::minutes(1));
    auto touched = db_.Write(
        [&](storage::Connection& c) -> Result<void> {
          ALLMENDE_TRY(c.Execute(kTouch, {p.id, now_text, a_minute_ago}));
          return Ok();
        },
        storage::Isolation::kReadCommitted);
    if (!touched.ok())
      log::Warn("token_last_use_not_recorded", {{"token_id", p.id}, {"error", touched.error().message}});
  }
  return p;
}

}  // namespace allmende::tenancy
