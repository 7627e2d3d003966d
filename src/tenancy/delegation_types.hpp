// Delegations (a person acts for a client) and the invitations that offer them, with their JSON.
#pragma once

#include <optional>
#include <string>

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

// A client's offer, e-mailed as a single-use link: pending → accepted (a delegation exists),
// revoked (withdrawn by the client) or expired (7 days passed).
struct DelegationInvitation {
  std::string id;  // "dli_…"
  std::string region_id;
  std::string client_id;
  std::string email;  // normalized
  std::string scope;
  std::optional<std::string> valid_until;
  std::string granted_by;
  std::string status;  // as stored: pending, accepted, revoked, expired
  std::string created_at;
  std::string expires_at;
  std::optional<std::string> accepted_by = {};
  std::optional<std::string> accepted_at = {};
  std::optional<std::string> delegation_id = {};
};

// `active` is computed for `now` (RFC 3339).
std::string DelegationJson(const Delegation& d, const std::string& now);
// What the client sees of an invitation: nothing about whether the address has an account. A
// pending invitation past its expiry shows as "expired".
std::string DelegationInvitationJson(const DelegationInvitation& i, const std::string& now);

}  // namespace allmende::tenancy
