// SQL access to organization API tokens, inside the caller's transaction. A token's secret is
// never stored: only its digest, by which Authenticate finds it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "tenancy/token_types.hpp"

namespace allmende::tenancy {

class TokenStore {
 public:
  // What authenticating a request with a token needs to know of it.
  struct Credential {
    std::string id;
    std::string organization_id;
    std::vector<std::string> scopes;
    std::string expires_at;
    std::optional<std::string> revoked_at;
    std::optional<std::string> last_used_at;
  };

  // Stores `token` (its created_by_name, last_used_at and revoked_at are not read) in the
  // organization's region, findable by `secret_digest`.
  static Result<void> Insert(storage::Connection& c, const ApiToken& token, const std::string& region_id,
                             const std::string& secret_digest);
  // With the creator's name (their id if the person is gone); nullopt if there is no such token.
  static Result<std::optional<ApiToken>> Get(storage::Connection& c, const std::string& id);
  // The organization's 200 newest tokens, revoked and expired ones included, newest first.
  static Result<std::vector<ApiToken>> OfOrganization(storage::Connection& c, const std::string& organization_id);
  // nullopt if no token has that digest.
  static Result<std::optional<Credential>> FindBySecretDigest(storage::Connection& c, const std::string& digest);
  // Revokes the token at `now`; false if it was revoked already.
  static Result<bool> Revoke(storage::Connection& c, const std::string& id, const std::string& now,
                             const std::string& by);
  // Records a use at `now` unless one was recorded at or after `unless_since`.
  static Result<void> RecordUse(storage::Connection& c, const std::string& id, const std::string& now,
                                const std::string& unless_since);
};

}  // namespace allmende::tenancy
