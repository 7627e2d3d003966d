// SQL access to organizations, memberships and invitations, inside the caller's transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "tenancy/organization_types.hpp"

namespace allmende::tenancy {

class OrganizationStore {
 public:
  // Conflict if the region has an organization of that name.
  static Result<void> Insert(storage::Connection& c, const Organization& o);
  static Result<std::optional<Organization>> Get(storage::Connection& c, const std::string& id);
  // The region's organization of that name; nullopt if there is none.
  static Result<std::optional<Organization>> FindByName(storage::Connection& c, const std::string& region_id,
                                                        const std::string& name);
  // By id after `after`; only the given kinds when `kinds` is not empty.
  static Result<std::vector<Organization>> ListInRegion(storage::Connection& c, const std::string& region_id,
                                                        const std::string& after, int limit,
                                                        const std::vector<std::string>& kinds = {});

  // Name and business id, if `expected_version` is current; false otherwise (412).
  static Result<bool> Update(storage::Connection& c, const Organization& o, std::int64_t expected_version);
  static Result<bool> SetRole(storage::Connection& c, const std::string& membership_id, const std::string& role);
  static Result<void> InsertMembership(storage::Connection& c, const Membership& m);
  // Live memberships of an organization with the members' names, by name.
  static Result<std::vector<Membership>> Members(storage::Connection& c, const std::string& organization_id);
  // Live memberships of a person, with organization names.
  static Result<std::vector<Membership>> MembershipsOf(storage::Connection& c, const std::string& user_id);
  static Result<std::optional<Membership>> GetMembership(storage::Connection& c, const std::string& id);
  // True if the person has an unrevoked membership with that role in the organization.
  static Result<bool> HasMembership(storage::Connection& c, const std::string& organization_id,
                                    const std::string& user_id, const std::string& role);
  static Result<bool> RevokeMembership(storage::Connection& c, const std::string& id, const std::string& now);
  // Revokes the live API tokens `user_id` created for the organization; returns how many.
  static Result<std::int64_t> RevokeTokensCreatedBy(storage::Connection& c, const std::string& org_id,
                                                    const std::string& user_id, const std::string& now,
                                                    const std::string& by);

  static Result<void> InsertInvitation(storage::Connection& c, const Invitation& i);
  static Result<std::optional<Invitation>> GetInvitation(storage::Connection& c, const std::string& id);
  static Result<std::vector<Invitation>> PendingInvitations(storage::Connection& c, const std::string& organization_id,
                                                            const std::string& now);
  // pending → accepted; false if it was not pending (someone else accepted or it was revoked).
  static Result<bool> MarkAccepted(storage::Connection& c, const std::string& id, const std::string& user_id,
                                   const std::string& now);
  static Result<bool> MarkRevoked(storage::Connection& c, const std::string& id);
};

}  // namespace allmende::tenancy
