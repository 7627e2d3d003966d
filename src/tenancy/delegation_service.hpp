// Delegations: a client lets a relative or legal representative act for them, for a scope and a
// time. Revoking (by the client or the delegate) ends it at once: every check reads the table.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "common/time.hpp"
#include "identity/auth_service.hpp"
#include "server/http.hpp"
#include "storage/database.hpp"

namespace allmende::tenancy {

struct Delegation {
  std::string id;  // "dlg_…"
  std::string client_id;
  std::string client_name;
  std::string delegate_id;
  std::string delegate_name;
  std::string scope;  // all, services, access_log
  std::string valid_from;
  std::optional<std::string> valid_until;
  std::string granted_by;
  std::string created_at;
  std::optional<std::string> revoked_at;
};

struct NewDelegation {
  std::string delegate_email;
  std::string scope = "all";
  std::optional<std::string> valid_until = {};  // RFC 3339; none: until revoked
};

std::string DelegationJson(const Delegation& d, const std::string& now);

class DelegationService {
 public:
  DelegationService(storage::Database& db, identity::AuthService& auth, const TimeSource& clock);

  // Client `client_id` (the signed-in client themself, or their advisor on their behalf) grants a
  // delegation to the account with `delegate_email`. InvalidArgument naming the field for an
  // unknown address, the client's own, a bad scope or an end in the past.
  Result<Delegation> Grant(const access::Actor& a, const std::string& client_id, const NewDelegation& input);
  // Delegations the person gave and received, newest first.
  Result<std::vector<Delegation>> Mine(const std::optional<http::Principal>& p);
  // The client or the delegate ends it. NotFound for someone else's; Conflict if already ended.
  Result<void> Revoke(const access::Actor& a, const std::string& id);
  // True if `delegate_id` may act for `client_id` in `scope` now.
  Result<bool> MayActFor(const std::string& delegate_id, const std::string& client_id, const std::string& scope);

 private:
  storage::Database& db_;
  identity::AuthService& auth_;
  const TimeSource& clock_;
};

}  // namespace allmende::tenancy
