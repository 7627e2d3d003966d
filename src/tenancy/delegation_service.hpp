// Delegations: a client lets a relative or legal representative act for them, for a scope and a
// time. Granting e-mails an invitation (a single-use link) to the address; the delegation exists
// once the owner of that mailbox accepts. Revoking (by the client or the delegate) ends it at
// once: every check reads the table.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "common/time.hpp"
#include "identity/auth_service.hpp"
#include "notify/outbox.hpp"
#include "server/http.hpp"
#include "storage/database.hpp"
#include "tenancy/delegation_types.hpp"

namespace allmende::tenancy {

struct NewDelegation {
  std::string delegate_email;
  std::string scope = "all";
  std::optional<std::string> valid_until = {};  // RFC 3339; none: until revoked
};

// How the delegate accepts: signed in, or by creating an account for the invited address.
struct DelegationAcceptance {
  std::string token;
  std::optional<std::string> name = {};
  std::optional<std::string> password = {};
};

// What a person sees of their delegations.
struct MyDelegations {
  std::vector<Delegation> given;
  std::vector<Delegation> received;
  std::vector<DelegationInvitation> pending;  // the client's invitations not yet accepted
  bool may_grant = false;                     // the person is a client of a region
};

class DelegationService {
 public:
  DelegationService(storage::Database& db, identity::AuthService& auth, const notify::Outbox& outbox,
                    const TimeSource& clock, std::string public_url);

  // Client `client_id` (the signed-in client themself, or their region's advisor on their
  // behalf, then scope services only) offers a delegation to `delegate_email`: a pending
  // invitation, and a link valid 7 days e-mailed in the client's language. The answer and the
  // work are the same whether or not the address has an account or belongs to staff.
  // PermissionDenied unless the policy allows delegation.grant (the client must have a client
  // record); InvalidArgument naming the field for a bad address, the client's (or the advisor's)
  // own address, a bad scope or an end in the past; Conflict when the client already has 20
  // invitations waiting.
  Result<DelegationInvitation> Grant(const access::Actor& a, const std::string& client_id, const NewDelegation& input);

  // Uses the link once and makes the delegation: of two concurrent acceptances exactly one
  // succeeds, the other gets Conflict. Signed in, the delegate is the principal, whose address
  // must be the invited one (PermissionDenied otherwise, and the link stays usable); otherwise
  // name and password create an account for the invited address (which the link proves).
  // PermissionDenied when an advisor made the invitation and the accepting person works in an
  // organization of the client's region; Conflict when the two already have a delegation, or
  // the invitation was withdrawn or its end date has passed. NotFound for an unknown link.
  Result<Delegation> Accept(const access::Actor& a, const DelegationAcceptance& acceptance);

  // The client withdraws a pending invitation; its link stops working. NotFound for someone
  // else's; Conflict when it is no longer pending.
  Result<void> Withdraw(const access::Actor& a, const std::string& invitation_id);

  // Delegations the person gave and received, newest first, and the invitations they sent.
  Result<MyDelegations> Mine(const std::optional<http::Principal>& p);
  // The client or the delegate ends it. NotFound for someone else's; Conflict if already ended.
  Result<void> Revoke(const access::Actor& a, const std::string& id);
  // True if `delegate_id` may act for `client_id` in `scope` now.
  Result<bool> MayActFor(const std::string& delegate_id, const std::string& client_id, const std::string& scope);

 private:
  storage::Database& db_;
  identity::AuthService& auth_;
  const notify::Outbox& outbox_;
  const TimeSource& clock_;
  std::string public_url_;
};

}  // namespace allmende::tenancy
