#include "tenancy/organization_handlers.hpp"

#include "access/policy.hpp"
#include "common/json.hpp"

namespace allmende::tenancy {
namespace {}  // namespace

void AddOrganizationRoutes(http::Router& router, OrganizationService& s) {
  using http::Access;
  auto policy = [](std::string_view action) { return http::RouteOptions{.access = Access::kPolicy, .action = action}; };
  auto policy_json = [](std::string_view action) {
    return http::RouteOptions{.access = Access::kPolicy, .action = action, .body_limit = 16 * 1024, .json_body = true};
  };

  router.Add(
      "POST", "/api/v1/regions/{id}/organizations",
      [&s](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
        JsonFields f(doc);
        NewOrganization in;
        f.Required("kind", &in.kind);
        f.Required("name", &in.name);
        f.Optional("business_id", &in.business_id, MaxLength(20));
        ALLMENDE_TRY(f.Finish());
        ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
        ALLMENDE_ASSIGN_OR_RETURN(Organization o, s.Create(actor, std::string(r.Param("id")), in));
        return http::JsonText(201, OrganizationJson(o));
      },
      policy_json("organization.create"));

  router.Add(
      "GET", "/api/v1/regions/{id}/organizations",
      [&s](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(int limit, http::LimitParam(r));
        ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
        std::vector<std::string> kinds;  // ?kind=welfare_area,municipality
        if (auto list = r.QueryParam("kind")) {
          std::string_view rest = *list;
          while (!rest.empty()) {
            if (kinds.size() == 10) return Error::Invalid("kind", "At most ten kinds.");
            const auto comma = rest.find(',');
            kinds.emplace_back(rest.substr(0, comma));
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
          }
        }
        ALLMENDE_ASSIGN_OR_RETURN(
            auto page, s.List(actor, std::string(r.Param("id")), limit, r.QueryParam("cursor").value_or(""), kinds));
        return http::JsonText(200, http::ItemsJson(page.items, OrganizationJson, page.next_cursor, true));
      },
      policy("organization.read"));

  router.Add(
      "GET", "/api/v1/organizations/{id}",
      [&s](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
        ALLMENDE_ASSIGN_OR_RETURN(Organization o, s.Get(actor, std::string(r.Param("id"))));
        return http::JsonText(200, OrganizationJson(o)).WithHeader("ETag", "\"" + std::to_string(o.version) + "\"");
      },
      policy("organization.read"));

  router.Add(
      "PATCH", "/api/v1/organizations/{id}",
      [&s](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
        ALLMENDE_ASSIGN_OR_RETURN(std::int64_t version, http::IfMatchVersion(r));
        ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
        JsonFields f(doc);
        OrganizationChange change;
        f.Optional("name", &change.name, MaxLength(200));
        f.Optional("business_id", &change.business_id, MaxLength(20));
        ALLMENDE_TRY(f.Finish());
        ALLMENDE_ASSIGN_OR_RETURN(Organization o, s.Update(actor, std::string(r.Param("id")), change, version));
        return http::JsonText(200, OrganizationJson(o)).WithHeader("ETag", "\"" + std::to_string(o.version) + "\"");
      },
      policy_json("organization.update"));

  router.Add(
      "PATCH", "/api/v1/organizations/{id}/members/{member_id}",
      [&s](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
        ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
        JsonFields f(doc);
        std::string role;
        f.Required("role", &role, MaxLength(40));
        ALLMENDE_TRY(f.Finish());
        ALLMENDE_ASSIGN_OR_RETURN(
            Membership m, s.ChangeRole(actor, std::string(r.Param("id")), std::string(r.Param("member_id")), role));
        return http::JsonText(200, MembershipJson(m));
      },
      policy_json("members.manage"));

  router.Add(
      "GET", "/api/v1/organizations/{id}/members",
      [&s](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
        ALLMENDE_ASSIGN_OR_RETURN(auto members, s.Members(actor, std::string(r.Param("id"))));
        return http::JsonText(200, http::ItemsJson(members, MembershipJson));
      },
      policy("members.read"));

  router.Add(
      "DELETE", "/api/v1/organizations/{id}/members/{member_id}",
      [&s](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
        ALLMENDE_TRY(s.RemoveMember(actor, std::string(r.Param("id")), std::string(r.Param("member_id"))));
        return http::NoContent();
      },
      policy("members.manage"));

  router.Add(
      "POST", "/api/v1/organizations/{id}/invitations",
      [&s](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
        JsonFields f(doc);
        std::string email, role;
        f.Required("email", &email, MaxLength(254));
        f.Required("role", &role);
        ALLMENDE_TRY(f.Finish());
        ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
        ALLMENDE_ASSIGN_OR_RETURN(Invitation inv, s.Invite(actor, std::string(r.Param("id")), email, role));
        return http::JsonText(201, InvitationJson(inv));
      },
      policy_json("members.manage"));

  router.Add(
      "GET", "/api/v1/organizations/{id}/invitations",
      [&s](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
        ALLMENDE_ASSIGN_OR_RETURN(auto invitations, s.Invitations(actor, std::string(r.Param("id"))));
        return http::JsonText(200, http::ItemsJson(invitations, InvitationJson));
      },
      policy("members.read"));

  router.Add(
      "DELETE", "/api/v1/organizations/{id}/invitations/{invitation_id}",
      [&s](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
        ALLMENDE_TRY(s.RevokeInvitation(actor, std::string(r.Param("id")), std::string(r.Param("invitation_id"))));
        return http::NoContent();
      },
      policy("members.manage"));

  router.Add("POST", "/api/v1/invitations/accept",
             [&s](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
               JsonFields f(doc);
               Acceptance a;
               f.Required("token", &a.token, MaxLength(100));
               f.Optional("name", &a.name, MaxLength(200));
               f.Optional("password", &a.password, MaxLength(1024));
               ALLMENDE_TRY(f.Finish());
               ALLMENDE_ASSIGN_OR_RETURN(Membership m, s.Accept(r.principal, a));
               return http::JsonText(201, MembershipJson(m));
             },
             // Not csrf_exempt: signed in, accepting acts with the session's rights (newcomers have no
             // session, so the check does not apply to them).
             {.access = Access::kPublic,
              .idempotency_exempt = "a single-use link refuses its own retry",
              .body_limit = 16 * 1024,
              .json_body = true});

  router.Add("GET", "/api/v1/me/memberships",
             [&s](const http::Request& r) -> Result<http::Response> {
               if (!r.principal) return Error::Unauthenticated("Sign in first.");
               ALLMENDE_ASSIGN_OR_RETURN(auto memberships, s.MembershipsOf(*r.principal));
               return http::JsonText(200, http::ItemsJson(memberships, MembershipJson));
             },
             {.access = Access::kSignedIn});
}

}  // namespace allmende::tenancy
