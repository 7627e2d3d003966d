// Organizations, memberships and invitations. Who may do what is decided by access::Authorize
// (src/access/policy.cpp); every change is in the access log.
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
#include "tenancy/organization_types.hpp"
#include "tenancy/region_service.hpp"

namespace allmende::tenancy {

struct NewOrganization {
  std::string kind;
  std::string name;
  std::optional<std::string> business_id = {};
};

struct OrganizationChange {
  std::optional<std::string> name = {};
  std::optional<std::string> business_id = {};  // "" removes it
};

struct OrganizationPage {
  std::vector<Organization> items;
  std::optional<std::string> next_cursor;
};

// How a person accepts: signed in, or by creating an account for the invited address.
struct Acceptance {
  std::string token;
  std::optional<std::string> name = {};
  std::optional<std::string> password = {};
};

class OrganizationService {
 public:
  OrganizationService(storage::Database& db, RegionService& regions, identity::AuthService& auth,
                      const notify::Outbox& outbox, const TimeSource& clock, std::string public_url);

  // Platform admin. InvalidArgument for a kind, name or business id (checked by the region's
  // country) that is wrong, or a name the region already has.
  Result<Organization> Create(const access::Actor& p, const std::string& region_id, const NewOrganization& input);
  // The region's organizations by id, a page at a time; `kinds` (empty: all) narrows them, e.g. to
  // the purchasers a desk refers to. InvalidArgument on "kind" for an unknown kind.
  Result<OrganizationPage> List(const access::Actor& p, const std::string& region_id, int limit,
                                const std::string& cursor, const std::vector<std::string>& kinds = {});
  Result<Organization> Get(const access::Actor& p, const std::string& id);

  // Platform admin or the organization's admins. PreconditionFailed if `if_match` is stale.
  Result<Organization> Update(const access::Actor& p, const std::string& id, const OrganizationChange& change,
                              std::int64_t if_match);
  // InvalidArgument for a role the kind does not offer; Conflict when it would leave no admin.
  Result<Membership> ChangeRole(const access::Actor& p, const std::string& org_id, const std::string& membership_id,
                                const std::string& role);

  Result<std::vector<Membership>> Members(const access::Actor& p, const std::string& org_id);
  // Conflict when it would remove the organization's last admin.
  Result<void> RemoveMember(const access::Actor& p, const std::string& org_id, const std::string& membership_id);

  // E-mails a link valid 7 days, in the region's language. InvalidArgument for a role the
  // organization's kind does not offer.
  Result<Invitation> Invite(const access::Actor& p, const std::string& org_id, const std::string& email,
                            const std::string& role);
  Result<std::vector<Invitation>> Invitations(const access::Actor& p, const std::string& org_id);
  Result<void> RevokeInvitation(const access::Actor& p, const std::string& org_id, const std::string& invitation_id);

  // Uses the link once: of two concurrent acceptances exactly one succeeds, the other gets
  // Conflict. Signed in, the membership is the principal's; otherwise name and password create an
  // account for the invited address (which the link proves).
  Result<Membership> Accept(const std::optional<http::Principal>& p, const Acceptance& acceptance);

  Result<std::vector<Membership>> MembershipsOf(const http::Principal& p);

  // For other features, inside their transaction, without authorization (the caller decided):
  // the organization with that id, or nullopt.
  static Result<std::optional<Organization>> Find(storage::Connection& c, const std::string& id);
  // For demo seeds and imports: the organization of that name in the region, created with
  // `input` if there is none. The caller has checked the kind, name and business id.
  static Result<Organization> Ensure(storage::Connection& c, const std::string& region_id, const NewOrganization& input,
                                     Timestamp now);

 private:
  Result<Organization> Load(storage::Connection& c, const std::string& id);
  Result<void> Require(storage::Connection& c, const access::Actor& a, access::Action action, const Organization& o);
  // members.manage, and its access-log entry in the same transaction.
  Result<void> RequireAndRecord(storage::Connection& c, const access::Actor& a, const Organization& o,
                                std::string action, std::string subject_type, std::string subject_id);

  storage::Database& db_;
  RegionService& regions_;
  identity::AuthService& auth_;
  const notify::Outbox& outbox_;
  const TimeSource& clock_;
  std::string public_url_;
};

}  // namespace allmende::tenancy
