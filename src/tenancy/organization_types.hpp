// Organizations of a region, people's roles in them, and invitations to join.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace allmende::tenancy {

struct Organization {
  std::string id;  // "org_…"
  std::string region_id;
  std::string kind;  // welfare_area, municipality, employer, provider_company, association, …
  std::string name;
  std::optional<std::string> business_id;
  std::string created_at;
  std::string updated_at;
  std::int64_t version = 1;
};

struct Membership {
  std::string id;  // "mem_…"
  std::string region_id;
  std::string organization_id;
  std::string user_id;
  std::string role;
  std::string created_at;
  std::string created_by;
  std::optional<std::string> revoked_at;
  std::string user_name = {};  // joined for member lists
  std::string user_email = {};
  std::string organization_name = {};
};

struct Invitation {
  std::string id;  // "inv_…"
  std::string region_id;
  std::string organization_id;
  std::string email;
  std::string role;
  std::string invited_by;
  std::string status;  // pending, accepted, revoked
  std::string created_at;
  std::string expires_at;
  std::optional<std::string> accepted_by;
  std::optional<std::string> accepted_at;
};

// The kinds of organization, and the roles each offers; the first role administers it.
const std::vector<std::string>& OrganizationKinds();
std::vector<std::string> RolesFor(const std::string& kind);
bool IsAdminRole(const std::string& role);

std::string OrganizationJson(const Organization& o);
std::string MembershipJson(const Membership& m);
std::string InvitationJson(const Invitation& i);

}  // namespace allmende::tenancy
