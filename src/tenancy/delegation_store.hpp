// SQL access to delegations and delegation invitations, inside the caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "tenancy/delegation_types.hpp"

namespace allmende::tenancy {

class DelegationStore {
 public:
  // Conflict if the two already have an unrevoked delegation (one per client and delegate).
  static Result<void> Insert(storage::Connection& c, const Delegation& d);
  // With the client's and the delegate's names.
  static Result<std::optional<Delegation>> Get(storage::Connection& c, const std::string& id);
  // Delegations the person gave or received, newest first (at most 200).
  static Result<std::vector<Delegation>> Of(storage::Connection& c, const std::string& person_id);
  // Ends an unrevoked delegation now; false if it had been ended already.
  static Result<bool> End(storage::Connection& c, const std::string& id, const std::string& now, const std::string& by);
  // Closes the delegations between the two whose end date has passed (revoked at that date), so
  // that a new one may be made.
  static Result<void> CloseEnded(storage::Connection& c, const std::string& client_id, const std::string& delegate_id,
                                 const std::string& now);
  // True if the two have a delegation that has not been revoked (it may start or end later).
  static Result<bool> HasUnrevoked(storage::Connection& c, const std::string& client_id,
                                   const std::string& delegate_id);
  // True if `delegate_id` may act for `client_id` in `scope` at `now`.
  static Result<bool> Allows(storage::Connection& c, const std::string& delegate_id, const std::string& client_id,
                             const std::string& scope, const std::string& now);

  // True if the person has a live membership in an organization of the region.
  static Result<bool> WorksInRegion(storage::Connection& c, const std::string& user_id, const std::string& region_id);

  struct Person {
    std::string name;
    std::string email;
    std::string language;
  };
  static Result<std::optional<Person>> PersonOf(storage::Connection& c, const std::string& user_id);

  static Result<void> InsertInvitation(storage::Connection& c, const DelegationInvitation& i);
  static Result<std::optional<DelegationInvitation>> GetInvitation(storage::Connection& c, const std::string& id);
  // The client's pending invitations that have not expired at `now`, newest first (at most 200).
  static Result<std::vector<DelegationInvitation>> PendingInvitations(storage::Connection& c,
                                                                      const std::string& client_id,
                                                                      const std::string& now);
  // How many invitations the client has made since `since`, whatever became of them.
  static Result<std::int64_t> InvitationsSince(storage::Connection& c, const std::string& client_id,
                                               const std::string& since);
  // pending → accepted; false if it was not pending any more.
  static Result<bool> MarkInvitationAccepted(storage::Connection& c, const std::string& id, const std::string& user_id,
                                             const std::string& delegation_id, const std::string& now);
  // pending → revoked; false if it was not pending any more.
  static Result<bool> MarkInvitationRevoked(storage::Connection& c, const std::string& id);
};

}  // namespace allmende::tenancy
