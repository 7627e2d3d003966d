// Organizations, memberships and invitations. Until the authorization policy module lands, the
// rules here are: platform admins do everything; an organization's admins (org_admin,
// provider_admin) see and manage its members and invitations; any signed-in person sees the
// organizations of a region.
#pragma once

#include <optional>
#include <string>
#include <vector>

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
  Result<Organization> Create(const std::optional<http::Principal>& p, const std::string& region_id,
                              const NewOrganization& input);
  Result<OrganizationPage> List(const std::optional<http::Principal>& p, const std::string& region_id, int limit,
                                const std::string& cursor);
  Result<Organization> Get(const std::optional<http::Principal>& p, const std::string& id);

  Result<std::vector<Membership>> Members(const std::optional<http::Principal>& p, const std::string& org_id);
  // Conflict when it would remove the organization's last admin.
  Result<void> RemoveMember(const std::optional<http::Principal>& p, const std::string& org_id,
                            const std::string& membership_id);

  // E-mails a link valid 7 days, in the region's language. InvalidArgument for a role the
  // organization's kind does not offer.
  Result<Invitation> Invite(const std::optional<http::Principal>& p, const std::string& org_id,
                            const std::string& email, const std::string& role);
  Result<std::vector<Invitation>> Invitations(const std::optional<http::Principal>& p, const std::string& org_id);
  Result<void> RevokeInvitation(const std::optional<http::Principal>& p, const std::string& org_id,
                                const std::string& invitation_id);

  // Uses the link once: of two concurrent acceptances exactly one succeeds, the other gets
  // Conflict. Signed in, the membership is the principal's; otherwise name and password create an
  // account for the invited address (which the link proves).
  Result<Membership> Accept(const std::optional<http::Principal>& p, const Acceptance& acceptance);

  Result<std::vector<Membership>> MembershipsOf(const http::Principal& p);

 private:
  Result<Organization> Load(storage::Connection& c, const std::string& id);
  Result<void> RequireAdmin(storage::Connection& c, const std::optional<http::Principal>& p, const Organization& o);

  storage::Database& db_;
  RegionService& regions_;
  identity::AuthService& auth_;
  const notify::Outbox& outbox_;
  const TimeSource& clock_;
  std::string public_url_;
};

}  // namespace allmende::tenancy
