#include "tenancy/delegation_handlers.hpp"

#include "access/policy.hpp"
#include "common/json.hpp"

namespace allmende::tenancy {

void AddDelegationRoutes(http::Router& router, DelegationService& s, const TimeSource& clock) {
  // The signed-in client grants; on /clients/{id}/delegations their advisor grants for them.
  auto grant = [&s, &clock](const http::Request& r, const std::string& client_id) -> Result<http::Response> {
    ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
    JsonFields f(doc);
    NewDelegation in;
    std::optional<std::string> scope;
    f.Required("delegate_email", &in.delegate_email, MaxLength(254));
    f.Optional("scope", &scope);
    f.Optional("valid_until", &in.valid_until);
    ALLMENDE_TRY(f.Finish());
    if (scope) in.scope = *scope;
    ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
    ALLMENDE_ASSIGN_OR_RETURN(Delegation d, s.Grant(actor, client_id, in));
    return http::JsonText(201, DelegationJson(d, FormatRfc3339(clock.Now())));
  };
  const http::RouteOptions json{
      .access = http::Access::kPolicy, .action = "delegation.grant", .body_limit = 16 * 1024, .json_body = true};
  router.Add(
      "POST", "/api/v1/me/delegations",
      [grant](const http::Request& r) { return grant(r, r.principal ? r.principal->id : ""); }, json);
  router.Add(
      "POST", "/api/v1/clients/{id}/delegations",
      [grant](const http::Request& r) { return grant(r, std::string(r.Param("id"))); }, json);

  router.Add("GET", "/api/v1/me/delegations",
             [&s, &clock](const http::Request& r) -> Result<http::Response> {
               if (!r.principal) return Error::Unauthenticated("Sign in first.");
               ALLMENDE_ASSIGN_OR_RETURN(auto all, s.Mine(r.principal));
               std::string now = FormatRfc3339(clock.Now());
               std::string given = "[", received = "[";
               for (const auto& d : all) {
                 std::string& list = d.client_id == r.principal->id ? given : received;
                 list += (list.size() > 1 ? "," : "") + DelegationJson(d, now);
               }
               return http::JsonText(200, "{\"given\":" + given + "],\"received\":" + received + "]}");
             },
             {.access = http::Access::kSignedIn});

  router.Add("DELETE", "/api/v1/me/delegations/{id}",
             [&s](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_TRY(s.Revoke(actor, std::string(r.Param("id"))));
               return http::NoContent();
             },
             {.access = http::Access::kPolicy, .action = "delegation.revoke"});
}

}  // namespace allmende::tenancy
