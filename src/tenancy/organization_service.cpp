#include "tenancy/organization_service.hpp"

#include <algorithm>

#include "access/access_log.hpp"
#include "common/identifiers.hpp"
#include "common/ids.hpp"
#include "identity/emails.hpp"
#include "storage/single_use_tokens.hpp"
#include "tenancy/organization_store.hpp"

namespace allmende::tenancy {
namespace {

constexpr auto kInvitationValid = std::chrono::hours(24 * 7);

Error SignIn() { return Error::Unauthenticated("Sign in first."); }

}  // namespace

OrganizationService::OrganizationService(storage::Database& db, RegionService& regions, identity::AuthService& auth,
                                         const notify::Outbox& outbox, const TimeSource& clock, std::string public_url)
    : db_(db), regions_(regions), auth_(auth), outbox_(outbox), clock_(clock), public_url_(std::move(public_url)) {}

Result<Organization> OrganizationService::Load(storage::Connection& c, const std::string& id) {
  if (!IsValidId("org", id)) return Error::NotFound("There is no organization " + id + ".");
  ALLMENDE_ASSIGN_OR_RETURN(auto org, OrganizationStore::Get(c, id));
  if (!org) return Error::NotFound("There is no organization " + id + ".");
  return std::move(*org);
}

Result<std::optional<Organization>> OrganizationService::Find(storage::Connection& c, const std::string& id) {
  if (!IsValidId("org", id)) return std::optional<Organization>();
  return OrganizationStore::Get(c, id);
}

Result<Organization> OrganizationService::Ensure(storage::Connection& c, const std::string& region_id,
                                                 const NewOrganization& input, Timestamp now) {
  ALLMENDE_ASSIGN_OR_RETURN(auto existing, OrganizationStore::FindByName(c, region_id, input.name));
  if (existing) return std::move(*existing);
  std::string at = FormatRfc3339(now);
  Organization org{NewId("org"), region_id, input.kind, input.name, input.business_id, at, at, 1};
  ALLMENDE_TRY(OrganizationStore::Insert(c, org));
  return org;
}

Result<void> OrganizationService::Require(storage::Connection& c, const access::Actor& a, access::Action action,
                                          const Organization& o) {
  ALLMENDE_TRY(
      access::Authorize(c, a.principal, action, {.region_id = o.region_id, .organization_id = o.id}, clock_.Now()));
  return Ok();
}

Result<void> OrganizationService::RequireAndRecord(storage::Connection& c, const access::Actor& a,
                                                   const Organization& o, std::string action, std::string subject_type,
                                                   std::string subject_id) {
  ALLMENDE_TRY(access::AuthorizeAndRecord(c, a, access::Action::kMembersManage,
                                          {.region_id = o.region_id, .organization_id = o.id},
                                          {.action = std::move(action),
                                           .subject_type = std::move(subject_type),
                                           .subject_id = std::move(subject_id),
                                           .region_id = o.region_id},
                                          clock_.Now()));
  return Ok();
}

namespace {

// What a unique key the organization ran into means to the person who sent it: a business id
// names one organization per region (409, the directory and billing must not see two
// providers); a name is the region's to give once (422 on the field).
Error Duplicate(Error e, const Organization& org) {
  if (e.code != ErrorCode::kConflict) return e;
  for (const auto& f : e.fields) {
    if (f.field == "business_id") {
      Error taken =
          Error::Conflict("Another organization of this region has business id " + org.business_id.value_or("") + ".");
      taken.fields.push_back({"business_id", "is already registered in this region"});
      return taken;
    }
  }
  for (const auto& f : e.fields) {
    if (f.field == "name") return Error::Invalid("name", "the region already has an organization of this name");
  }
  return e;  // another conflict (a collision to retry, a missing reference): as it is
}

}  // namespace

Result<Organization> OrganizationService::Create(const access::Actor& p, const std::string& region_id,
                                                 const NewOrganization& in) {
  ALLMENDE_TRY(db_.Read([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_TRY(
        access::Authorize(c, p.principal, access::Action::kOrganizationCreate, {.region_id = region_id}, clock_.Now()));
    return Ok();
  }));
  ALLMENDE_ASSIGN_OR_RETURN(Region region, regions_.Get(region_id));
  std::vector<FieldError> errors;
  const auto& kinds = OrganizationKinds();
  if (std::find(kinds.begin(), kinds.end(), in.kind) == kinds.end()) {
    errors.push_back({"kind",
                      "must be one of: welfare_area, municipality, employer, provider_company, association, "
                      "volunteer_group, integrator, partner_company, care_insurer"});
  }
  if (in.name.find_first_not_of(" \t") == std::string::npos || in.name.size() > 200) {
    errors.push_back({"name", "must be 1-200 characters"});
  }
  if (in.business_id) {
    if (auto problem = BusinessIdProblem(region.country, *in.business_id); !problem.empty()) {
      errors.push_back({"business_id", problem});
    }
  }
  if (!errors.empty()) return Error::Invalid(std::move(errors));
  std::string now = FormatRfc3339(clock_.Now());
  Organization org{NewId("org"), region.id, in.kind, in.name, in.business_id, now, now, 1};
  return db_.WriteValue<Organization>([&](storage::Connection& c) -> Result<Organization> {
    ALLMENDE_TRY(access::AuthorizeAndRecord(
        c, p, access::Action::kOrganizationCreate, {.region_id = region.id},
        {.action = "organization.create", .subject_type = "organization", .subject_id = org.id, .region_id = region.id},
        clock_.Now()));
    auto inserted = OrganizationStore::Insert(c, org);
    if (!inserted.ok()) return Duplicate(std::move(inserted).error(), org);
    return org;
  });
}

Result<OrganizationPage> OrganizationService::List(const access::Actor& p, const std::string& region_id, int limit,
                                                   const std::string& cursor, const std::vector<std::string>& kinds) {
  if (!p.principal) return SignIn();
  if (limit < 1 || limit > 100) return Error::Invalid("limit", "must be an integer from 1 to 100");
  const auto& known = OrganizationKinds();
  for (const auto& kind : kinds) {
    if (std::find(known.begin(), known.end(), kind) == known.end()) {
      return Error::Invalid("kind", "not a kind of organization: " + kind.substr(0, 40));
    }
  }
  if (!cursor.empty() && !IsValidId("org", cursor))
    return Error::Invalid("cursor", "is not a cursor from a previous page");
  ALLMENDE_TRY(regions_.Get(region_id));
  return db_.ReadValue<OrganizationPage>([&](storage::Connection& c) -> Result<OrganizationPage> {
    ALLMENDE_TRY(
        access::Authorize(c, p.principal, access::Action::kOrganizationRead, {.region_id = region_id}, clock_.Now()));
    ALLMENDE_ASSIGN_OR_RETURN(auto rows, OrganizationStore::ListInRegion(c, region_id, cursor, limit + 1, kinds));
    OrganizationPage page;
    if (static_cast<int>(rows.size()) > limit) {
      rows.resize(static_cast<std::size_t>(limit));
      page.next_cursor = rows.back().id;
    }
    page.items = std::move(rows);
    return page;
  });
}

Result<Organization> OrganizationService::Get(const access::Actor& p, const std::string& id) {
  return db_.ReadValue<Organization>([&](storage::Connection& c) -> Result<Organization> {
    if (!p.principal) return SignIn();
    ALLMENDE_ASSIGN_OR_RETURN(Organization org, Load(c, id));
    ALLMENDE_TRY(Require(c, p, access::Action::kOrganizationRead, org));
    return org;
  });
}

Result<Organization> OrganizationService::Update(const access::Actor& p, const std::string& id,
                                                 const OrganizationChange& change, std::int64_t if_match) {
  Timestamp now = clock_.Now();
  return db_.WriteValue<Organization>([&](storage::Connection& c) -> Result<Organization> {
    ALLMENDE_ASSIGN_OR_RETURN(Organization org, Load(c, id));
    ALLMENDE_TRY(access::AuthorizeAndRecord(c, p, access::Action::kOrganizationUpdate,
                                            {.region_id = org.region_id, .organization_id = org.id},
                                            {.action = "organization.update",
                                             .subject_type = "organization",
                                             .subject_id = org.id,
                                             .region_id = org.region_id},
                                            now));
    if (org.version != if_match)
      return Error{ErrorCode::kPreconditionFailed, "The organization changed meanwhile.", {}};
    std::vector<FieldError> errors;
    if (change.name) {
      if (change.name->find_first_not_of(" \t") == std::string::npos || change.name->size() > 200) {
        errors.push_back({"name", "must be 1-200 characters"});
      }
      org.name = *change.name;
    }
    if (change.business_id) {
      if (change.business_id->empty()) {
        org.business_id.reset();
      } else {
        ALLMENDE_ASSIGN_OR_RETURN(Region region, RegionService::Get(c, org.region_id));
        if (auto problem = BusinessIdProblem(region.country, *change.business_id); !problem.empty()) {
          errors.push_back({"business_id", problem});
        }
        org.business_id = change.business_id;
      }
    }
    if (!errors.empty()) return Error::Invalid(std::move(errors));
    org.updated_at = FormatRfc3339(now);
    auto updated = OrganizationStore::Update(c, org, if_match);
    if (!updated.ok()) return Duplicate(std::move(updated).error(), org);
    if (!*updated) return Error{ErrorCode::kPreconditionFailed, "The organization changed meanwhile.", {}};
    return Load(c, id);
  });
}

Result<Membership> OrganizationService::ChangeRole(const access::Actor& p, const std::string& org_id,
                                                   const std::string& membership_id, const std::string& role) {
  return db_.WriteValue<Membership>([&](storage::Connection& c) -> Result<Membership> {
    ALLMENDE_ASSIGN_OR_RETURN(Organization org, Load(c, org_id));
    ALLMENDE_TRY(RequireAndRecord(c, p, org, "members.change_role", "membership", membership_id));
    ALLMENDE_ASSIGN_OR_RETURN(auto m, OrganizationStore::GetMembership(c, membership_id));
    if (!m || m->organization_id != org.id || m->revoked_at) {
      return Error::NotFound("There is no member " + membership_id + " in " + org.name + ".");
    }
    // An admin who could change their own role could make themselves advisor or auditor and
    // reach every client of the region: another admin decides.
    if (m->user_id == p.principal->id) {
      return Error::PermissionDenied("You cannot change your own role; ask another admin of " + org.name + ".");
    }
    auto roles = RolesFor(org.kind);
    if (std::find(roles.begin(), roles.end(), role) == roles.end()) {
      std::string list;
      for (const auto& r : roles) list += (list.empty() ? "" : ", ") + r;
      return Error::Invalid("role", "must be one of the roles of this organization: " + list);
    }
    if (IsAdminRole(m->role) && !IsAdminRole(role)) {
      ALLMENDE_ASSIGN_OR_RETURN(auto members, OrganizationStore::Members(c, org.id));
      auto admins =
          std::count_if(members.begin(), members.end(), [](const Membership& x) { return IsAdminRole(x.role); });
      if (admins <= 1) return Error::Conflict(org.name + " would have no admin left; make someone else admin first.");
    }
    ALLMENDE_TRY(OrganizationStore::SetRole(c, m->id, role));
    // An admin who is no longer one keeps no token: they saw each secret once.
    if (IsAdminRole(m->role) && !IsAdminRole(role)) {
      ALLMENDE_TRY(OrganizationStore::RevokeTokensCreatedBy(c, org.id, m->user_id, FormatRfc3339(clock_.Now()),
                                                            p.principal->id));
    }
    ALLMENDE_ASSIGN_OR_RETURN(auto changed, OrganizationStore::GetMembership(c, m->id));
    return std::move(*changed);
  });
}

Result<std::vector<Membership>> OrganizationService::Members(const access::Actor& p, const std::string& org_id) {
  return db_.ReadValue<std::vector<Membership>>([&](storage::Connection& c) -> Result<std::vector<Membership>> {
    ALLMENDE_ASSIGN_OR_RETURN(Organization org, Load(c, org_id));
    ALLMENDE_TRY(Require(c, p, access::Action::kMembersRead, org));
    return OrganizationStore::Members(c, org.id);
  });
}

Result<void> OrganizationService::RemoveMember(const access::Actor& p, const std::string& org_id,
                                               const std::string& membership_id) {
  std::string now = FormatRfc3339(clock_.Now());
  return db_.Write([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_ASSIGN_OR_RETURN(Organization org, Load(c, org_id));
    ALLMENDE_TRY(RequireAndRecord(c, p, org, "members.remove", "membership", membership_id));
    ALLMENDE_ASSIGN_OR_RETURN(auto m, OrganizationStore::GetMembership(c, membership_id));
    if (!m || m->organization_id != org.id || m->revoked_at) {
      return Error::NotFound("There is no member " + membership_id + " in " + org.name + ".");
    }
    if (IsAdminRole(m->role)) {
      ALLMENDE_ASSIGN_OR_RETURN(auto members, OrganizationStore::Members(c, org.id));
      auto admins =
          std::count_if(members.begin(), members.end(), [](const Membership& x) { return IsAdminRole(x.role); });
      if (admins <= 1) return Error::Conflict(org.name + " would have no admin left; make someone else admin first.");
    }
    ALLMENDE_TRY(OrganizationStore::RevokeMembership(c, m->id, now));
    // The API tokens they created end with them: they saw each secret once and may have kept it.
    ALLMENDE_TRY(OrganizationStore::RevokeTokensCreatedBy(c, org.id, m->user_id, now, p.principal->id));
    return Ok();
  });
}

Result<Invitation> OrganizationService::Invite(const access::Actor& p, const std::string& org_id,
                                               const std::string& email_text, const std::string& role) {
  std::string email = identity::NormalizeEmail(email_text);
  Timestamp now = clock_.Now();
  std::string now_text = FormatRfc3339(now);
  // Nobody gives themselves a role: an admin who could invite their own address as advisor or
  // auditor would reach every client, or the whole access log, of the region.
  std::optional<identity::User> invitee;
  if (!email.empty() && p.principal) {
    ALLMENDE_ASSIGN_OR_RETURN(invitee, auth_.FindByEmail(email));
  }
  const bool to_oneself = invitee && p.principal && invitee->id == p.principal->id;
  return db_.WriteValue<Invitation>([&](storage::Connection& c) -> Result<Invitation> {
    ALLMENDE_ASSIGN_OR_RETURN(Organization org, Load(c, org_id));
    const std::string invitation_id = NewId("inv");
    ALLMENDE_TRY(RequireAndRecord(c, p, org, "invitation.create", "invitation", invitation_id));
    std::vector<FieldError> errors;
    if (email.empty()) errors.push_back({"email", "is not an e-mail address"});
    if (to_oneself) errors.push_back({"email", "is your own address: another admin must give you a role"});
    auto roles = RolesFor(org.kind);
    if (std::find(roles.begin(), roles.end(), role) == roles.end()) {
      std::string list;
      for (const auto& r : roles) list += (list.empty() ? "" : ", ") + r;
      errors.push_back({"role", "must be one of the roles of this organization: " + list});
    }
    if (!errors.empty()) return Error::Invalid(std::move(errors));
    ALLMENDE_ASSIGN_OR_RETURN(Region region, RegionService::Get(c, org.region_id));
    Invitation inv{invitation_id, org.region_id, org.id,
                   email,         role,          p.principal->id,
                   "pending",     now_text,      FormatRfc3339(now + kInvitationValid),
                   std::nullopt,  std::nullopt};
    ALLMENDE_TRY(OrganizationStore::InsertInvitation(c, inv));
    ALLMENDE_ASSIGN_OR_RETURN(std::string secret, storage::IssueSingleUseToken(c, "invitation", inv.id, org.region_id,
                                                                               now, now + kInvitationValid));
    auto text = identity::ComposeEmail(identity::EmailKind::kInvitation, region.default_language, "",
                                       public_url_ + "/invitation#token=" + secret, org.name);
    ALLMENDE_TRY(outbox_.Enqueue(
        c, {.region_id = org.region_id, .recipient = email, .subject = text.subject, .body = text.body}, now));
    return inv;
  });
}

Result<std::vector<Invitation>> OrganizationService::Invitations(const access::Actor& p, const std::string& org_id) {
  std::string now = FormatRfc3339(clock_.Now());
  return db_.ReadValue<std::vector<Invitation>>([&](storage::Connection& c) -> Result<std::vector<Invitation>> {
    ALLMENDE_ASSIGN_OR_RETURN(Organization org, Load(c, org_id));
    ALLMENDE_TRY(Require(c, p, access::Action::kMembersRead, org));
    return OrganizationStore::PendingInvitations(c, org.id, now);
  });
}

Result<void> OrganizationService::RevokeInvitation(const access::Actor& p, const std::string& org_id,
                                                   const std::string& invitation_id) {
  return db_.Write([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_ASSIGN_OR_RETURN(Organization org, Load(c, org_id));
    ALLMENDE_TRY(RequireAndRecord(c, p, org, "invitation.revoke", "invitation", invitation_id));
    ALLMENDE_ASSIGN_OR_RETURN(auto inv, OrganizationStore::GetInvitation(c, invitation_id));
    if (!inv || inv->organization_id != org.id) return Error::NotFound("There is no invitation " + invitation_id + ".");
    ALLMENDE_ASSIGN_OR_RETURN(bool revoked, OrganizationStore::MarkRevoked(c, inv->id));
    if (!revoked) return Error::Conflict("The invitation is already " + inv->status + ".");
    return Ok();
  });
}

Result<Membership> OrganizationService::Accept(const std::optional<http::Principal>& p, const Acceptance& a) {
  Timestamp now = clock_.Now();
  std::string now_text = FormatRfc3339(now);
  std::optional<identity::User> newcomer;
  std::string signed_in_email;
  if (p) {
    ALLMENDE_ASSIGN_OR_RETURN(auto me, auth_.Me(*p));
    signed_in_email = me.first.email;
  } else {
    // A newcomer: check the link, then prepare the account for the invited address (the slow
    // password hash) before the transaction that uses the link and creates both.
    if (!a.name || !a.password) {
      return Error::Invalid({{"name", "is required to create your account (or sign in first)"},
                             {"password", "is required to create your account (or sign in first)"}});
    }
    ALLMENDE_ASSIGN_OR_RETURN(auto inv, db_.ReadValue<Invitation>([&](storage::Connection& c) -> Result<Invitation> {
      ALLMENDE_ASSIGN_OR_RETURN(std::string id, storage::PeekSingleUseToken(c, "invitation", a.token, now));
      ALLMENDE_ASSIGN_OR_RETURN(auto found, OrganizationStore::GetInvitation(c, id));
      if (!found) return Error::NotFound("This link is not valid.");
      return std::move(*found);
    }));
    ALLMENDE_ASSIGN_OR_RETURN(Region region, regions_.Get(inv.region_id));
    ALLMENDE_ASSIGN_OR_RETURN(newcomer,
                              auth_.PrepareVerifiedUser(inv.email, *a.name, *a.password, region.default_language));
  }
  return db_.WriteValue<Membership>([&](storage::Connection& c) -> Result<Membership> {
    // The link decides first: of two concurrent acceptances exactly one gets past this line.
    ALLMENDE_ASSIGN_OR_RETURN(std::string invitation_id, storage::UseSingleUseToken(c, "invitation", a.token, now));
    ALLMENDE_ASSIGN_OR_RETURN(auto inv, OrganizationStore::GetInvitation(c, invitation_id));
    if (!inv) return Error::NotFound("This link is not valid.");
    if (p && signed_in_email != inv->email) {
      // Rolls back: the link stays usable for the person it was sent to.
      return Error::PermissionDenied("This invitation was sent to another e-mail address; sign in as " + inv->email +
                                     " to accept it.");
    }
    const std::string member = p ? p->id : newcomer->id;
    if (member == inv->invited_by) {
      return Error::PermissionDenied("You sent this invitation yourself; another admin must give you a role.");
    }
    ALLMENDE_ASSIGN_OR_RETURN(bool accepted, OrganizationStore::MarkAccepted(c, inv->id, member, now_text));
    if (!accepted) return Error::Conflict("This invitation is " + inv->status + ".");
    if (newcomer) ALLMENDE_TRY(auth_.InsertUser(c, *newcomer));
    Membership m{NewId("mem"), inv->region_id, inv->organization_id, p ? p->id : newcomer->id,
                 inv->role,    now_text,       inv->invited_by,      std::nullopt};
    ALLMENDE_TRY(OrganizationStore::InsertMembership(c, m));
    // A new role is an administrative act like any other: in the region's access log.
    ALLMENDE_TRY(access::AppendAccess(
        c,
        {.actor_id = member,
         .role = inv->role,
         .organization_id = inv->organization_id,
         .relation = "invited",
         .purpose = "administration"},
        {.action = "membership.create", .subject_type = "membership", .subject_id = m.id, .region_id = inv->region_id},
        "", now));
    ALLMENDE_ASSIGN_OR_RETURN(auto full, OrganizationStore::GetMembership(c, m.id));
    return std::move(*full);
  });
}

Result<std::vector<Membership>> OrganizationService::MembershipsOf(const http::Principal& p) {
  return db_.ReadValue<std::vector<Membership>>(
      [&](storage::Connection& c) { return OrganizationStore::MembershipsOf(c, p.id); });
}

}  // namespace allmende::tenancy
