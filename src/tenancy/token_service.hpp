// Organization API tokens for integrations: made by an organization's admin with scopes and an
// expiry, shown once, stored as a SHA-256 digest, revocable, with the time of last use.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "common/time.hpp"
#include "server/http.hpp"
#include "storage/database.hpp"
#include "tenancy/token_types.hpp"

namespace allmende::tenancy {

// The scopes a token may have.
const std::vector<std::string>& TokenScopes();

std::string ApiTokenJson(const ApiToken& t, const std::string& secret = "");

class TokenService {
 public:
  TokenService(storage::Database& db, const TimeSource& clock);

  // The token and its secret (never stored, never shown again). InvalidArgument per field.
  Result<std::pair<ApiToken, std::string>> Create(const access::Actor& a, const std::string& org_id,
                                                  const NewApiToken& input);
  Result<std::vector<ApiToken>> List(const access::Actor& a, const std::string& org_id);
  // NotFound for another organization's; Conflict if already revoked.
  Result<void> Revoke(const access::Actor& a, const std::string& org_id, const std::string& token_id);

  // The principal of "Authorization: Bearer alm_…", nullopt-free: Unauthenticated for an
  // unknown, revoked or expired token. Records the last use at most once a minute.
  Result<http::Principal> Authenticate(const std::string& secret);

 private:
  Result<std::string> OrganizationRegion(storage::Connection& c, const std::string& org_id);

  storage::Database& db_;
  const TimeSource& clock_;
};

}  // namespace allmende::tenancy
