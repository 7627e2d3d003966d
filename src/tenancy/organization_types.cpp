#include "tenancy/organization_types.hpp"

#include <boost/json.hpp>

namespace allmende::tenancy {
namespace {

boost::json::value Opt(const std::optional<std::string>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

}  // namespace

const std::vector<std::string>& OrganizationKinds() {
  static const std::vector<std::string> kinds{"welfare_area",     "municipality",    "employer",
                                              "provider_company", "association",     "volunteer_group",
                                              "integrator",       "partner_company", "care_insurer"};
  return kinds;
}

std::vector<std::string> RolesFor(const std::string& kind) {
  if (kind == "welfare_area" || kind == "municipality") return {"org_admin", "purchaser_officer", "advisor", "auditor"};
  if (kind == "care_insurer") return {"org_admin", "purchaser_officer", "auditor"};
  if (kind == "integrator") return {"org_admin", "coordinator", "advisor", "auditor"};
  if (kind == "provider_company") return {"provider_admin", "provider_worker"};
  if (kind == "association" || kind == "volunteer_group") return {"provider_admin", "provider_worker", "volunteer"};
  if (kind == "employer") return {"org_admin", "employer_hr", "employee"};
  if (kind == "partner_company") return {"org_admin", "partner"};
  return {};
}

bool IsAdminRole(const std::string& role) { return role == "org_admin" || role == "provider_admin"; }

std::string OrganizationJson(const Organization& o) {
  boost::json::object j;
  j["id"] = o.id;
  j["region_id"] = o.region_id;
  j["kind"] = o.kind;
  j["name"] = o.name;
  j["business_id"] = Opt(o.business_id);
  j["created_at"] = o.created_at;
  j["version"] = o.version;
  return boost::json::serialize(j);
}

std::string MembershipJson(const Membership& m) {
  boost::json::object j;
  j["id"] = m.id;
  j["organization_id"] = m.organization_id;
  j["organization_name"] = m.organization_name;
  j["region_id"] = m.region_id;
  j["user_id"] = m.user_id;
  j["user_name"] = m.user_name;
  j["user_email"] = m.user_email;
  j["role"] = m.role;
  j["created_at"] = m.created_at;
  return boost::json::serialize(j);
}

std::string InvitationJson(const Invitation& i) {
  boost::json::object j;
  j["id"] = i.id;
  j["organization_id"] = i.organization_id;
  j["email"] = i.email;
  j["role"] = i.role;
  j["status"] = i.status;
  j["created_at"] = i.created_at;
  j["expires_at"] = i.expires_at;
  j["accepted_at"] = Opt(i.accepted_at);
  return boost::json::serialize(j);
}

}  // namespace allmende::tenancy
