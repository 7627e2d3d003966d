#include "tenancy/token_service.hpp"

#include <sodium.h>

#include <boost/json.hpp>

#include "access/access_log.hpp"
#include "common/ids.hpp"
#include "common/log.hpp"
#include "storage/idempotency.hpp"
#include "tenancy/organization_store.hpp"
#include "tenancy/token_store.hpp"

namespace allmende::tenancy {
namespace {

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
  ALLMENDE_ASSIGN_OR_RETURN(auto org, OrganizationStore::Get(c, org_id));
  if (!org) return Error::NotFound("There is no organization " + org_id + ".");
  return org->region_id;
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
    ApiToken made = t;
    made.created_by = a.principal->id;
    ALLMENDE_TRY(TokenStore::Insert(c, made, region, storage::RequestDigest(secret)));
    ALLMENDE_ASSIGN_OR_RETURN(auto stored, TokenStore::Get(c, t.id));
    if (!stored) return Error::Internal("the new token " + t.id + " was not stored");
    return std::move(*stored);
  }));
  return std::make_pair(std::move(stored), secret);
}

Result<std::vector<ApiToken>> TokenService::List(const access::Actor& a, const std::string& org_id) {
  if (!a.principal) return Error::Unauthenticated("Sign in first.");
  return db_.ReadValue<std::vector<ApiToken>>([&](storage::Connection& c) -> Result<std::vector<ApiToken>> {
    ALLMENDE_ASSIGN_OR_RETURN(std::string region, OrganizationRegion(c, org_id));
    ALLMENDE_TRY(access::Authorize(c, a.principal, access::Action::kTokensManage,
                                   {.region_id = region, .organization_id = org_id}, clock_.Now()));
    return TokenStore::OfOrganization(c, org_id);
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
    ALLMENDE_ASSIGN_OR_RETURN(auto token, TokenStore::Get(c, token_id));
    if (!token || token->organization_id != org_id) return Error::NotFound("There is no token " + token_id + ".");
    ALLMENDE_ASSIGN_OR_RETURN(bool revoked, TokenStore::Revoke(c, token_id, FormatRfc3339(now), a.principal->id));
    if (!revoked) return Error::Conflict("The token is already revoked.");
    return Ok();
  });
}

Result<http::Principal> TokenService::Authenticate(const std::string& secret) {
  Timestamp now = clock_.Now();
  const std::string now_text = FormatRfc3339(now);
  ALLMENDE_ASSIGN_OR_RETURN(auto token,
                            db_.ReadValue<std::optional<TokenStore::Credential>>([&](storage::Connection& c) {
                              return TokenStore::FindBySecretDigest(c, storage::RequestDigest(secret));
                            }));
  if (!token || token->revoked_at || token->expires_at <= now_text) {
    return Error::Unauthenticated("The API token is not valid (unknown, revoked or expired).");
  }
  http::Principal p{token->id, "api_token"};
  p.mfa_verified = true;  // a machine credential: its scopes are its limits
  p.organization_id = token->organization_id;
  p.scopes = token->scopes;
  const auto& last = token->last_used_at;
  auto last_time = last ? ParseRfc3339(*last) : std::nullopt;
  if (!last_time || now - *last_time > std::chrono::minutes(1)) {
    // Bookkeeping only: concurrent requests race for it harmlessly, and a failure must not fail
    // the request.
    const std::string a_minute_ago = FormatRfc3339(now - std::chrono::minutes(1));
    auto touched = db_.Write(
        [&](storage::Connection& c) -> Result<void> { return TokenStore::RecordUse(c, p.id, now_text, a_minute_ago); },
        storage::Isolation::kReadCommitted);
    if (!touched.ok())
      log::Warn("token_last_use_not_recorded", {{"token_id", p.id}, {"error", touched.error().message}});
  }
  return p;
}

}  // namespace allmende::tenancy
