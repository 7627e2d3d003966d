#include "tenancy/delegation_handlers.hpp"

#include "access/policy.hpp"
#include "common/json.hpp"

namespace allmende::tenancy {

void AddDelegationRoutes(http::Router& router, DelegationService& s, const TimeSource& clock) {
  using http::Access;
  // The signed-in client grants; on /clients/{id}/delegations their advisor grants for them.
  // Either way the answer is the pending invitation, the same for any address.
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
    ALLMENDE_ASSIGN_OR_RETURN(DelegationInvitation inv, s.Grant(actor, client_id, in));
    return http::JsonText(201, DelegationInvitationJson(inv, FormatRfc3339(clock.Now())));
  };
  const http::RouteOptions json{
      .access = Access::kPolicy, .action = "delegation.grant", .body_limit = 16 * 1024, .json_body = true};
  router.Add(
      "POST", "/api/v1/me/delegations",
      [grant](const http::Request& r) { return grant(r, r.principal ? r.principal->id : ""); }, json);
  router.Add(
      "POST", "/api/v1/clients/{id}/delegations",
      [grant](const http::Request& r) { return grant(r, std::string(r.Param("id"))); }, json);

  router.Add("GET", "/api/v1/me/delegations",
             [&s, &clock](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(MyDelegations mine, s.Mine(r.principal));
               std::string now = FormatRfc3339(clock.Now());
               auto list = [](const auto& items, auto to_json) {
                 std::string out = "[";
                 for (const auto& x : items) out += (out.size() > 1 ? "," : "") + to_json(x);
                 return out + "]";
               };
               auto delegation = [&now](const Delegation& d) { return DelegationJson(d, now); };
               auto invitation = [&now](const DelegationInvitation& i) { return DelegationInvitationJson(i, now); };
               return http::JsonText(200, "{\"given\":" + list(mine.given, delegation) +
                                              ",\"received\":" + list(mine.received, delegation) +
                                              ",\"pending\":" + list(mine.pending, invitation) +
                                              ",\"may_grant\":" + (mine.may_grant ? "true" : "false") + "}");
             },
             {.access = Access::kSignedIn});

  router.Add("DELETE", "/api/v1/me/delegations/{id}",
             [&s](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_TRY(s.Revoke(actor, std::string(r.Param("id"))));
               return http::NoContent();
             },
             {.access = Access::kPolicy, .action = "delegation.revoke"});

  router.Add("DELETE", "/api/v1/me/delegation-invitations/{id}",
             [&s](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_TRY(s.Withdraw(actor, std::string(r.Param("id"))));
               return http::NoContent();
             },
             {.access = Access::kPolicy, .action = "delegation.revoke"});

  router.Add("POST", "/api/v1/delegations/accept",
             [&s, &clock](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
               JsonFields f(doc);
               DelegationAcceptance in;
               f.Required("token", &in.token, MaxLength(100));
               f.Optional("name", &in.name, MaxLength(200));
               f.Optional("password", &in.password, MaxLength(1024));
               ALLMENDE_TRY(f.Finish());
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(Delegation d, s.Accept(actor, in));
               return http::JsonText(201, DelegationJson(d, FormatRfc3339(clock.Now())));
             },
             // Public: a newcomer has no account yet; the link is the proof. Not csrf_exempt:
             // signed in, accepting acts with the session's rights.
             {.access = Access::kPublic,
              .idempotency_exempt = "a single-use link refuses its own retry",
              .body_limit = 16 * 1024,
              .json_body = true});
}

}  // namespace allmende::tenancy
