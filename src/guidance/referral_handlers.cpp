// The referral routes (openapi.json beside this file).
#include <boost/json.hpp>

#include "common/json.hpp"
#include "guidance/guidance_module.hpp"

namespace allmende::guidance {
namespace {

namespace json = boost::json;

json::value Opt(const std::optional<std::string>& v) { return v ? json::value(*v) : json::value(nullptr); }

std::string ReferralJson(const Referral& f) {
  return json::serialize(json::object{{"id", f.id},
                                      {"client_id", f.client_id},
                                      {"client_name", f.client_name},
                                      {"client_birth_date", Opt(f.client_birth_date)},
                                      {"purchaser_id", f.purchaser_id},
                                      {"purchaser_name", f.purchaser_name},
                                      {"category", f.category},
                                      {"reason", f.reason},
                                      {"state", f.state},
                                      {"created_by_name", f.created_by_name},
                                      {"created_at", f.created_at},
                                      {"decided_by_name", Opt(f.decided_by_name)},
                                      {"decided_at", Opt(f.decided_at)},
                                      {"grant_id", Opt(f.grant_id)},
                                      {"decision_note", Opt(f.decision_note)}});
}

http::Response ReferralList(const std::vector<Referral>& list) {
  return http::JsonText(200, http::ItemsJson(list, ReferralJson)).WithHeader("Cache-Control", "no-store");
}

}  // namespace

void AddReferralRoutes(http::Router& router, ReferralService& service) {
  router.Add("POST", "/api/v1/clients/{id}/referrals",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
               JsonFields f(doc);
               NewReferral in;
               f.Required("purchaser_id", &in.purchaser_id);
               f.Required("category", &in.category);
               f.Required("reason", &in.reason);
               ALLMENDE_TRY(f.Finish());
               ALLMENDE_ASSIGN_OR_RETURN(auto made, service.Refer(actor, std::string(r.Param("id")), in));
               return http::JsonText(201, ReferralJson(made));
             },
             {.access = http::Access::kPolicy,
              .action = "referral.write",
              .client = "{id}",
              .body_limit = 16 * 1024,
              .json_body = true});

  router.Add("GET", "/api/v1/clients/{id}/referrals",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto list, service.OfClient(actor, std::string(r.Param("id"))));
               return ReferralList(list);
             },
             {.access = http::Access::kPolicy, .action = "referral.read", .client = "{id}"});

  router.Add("GET", "/api/v1/organizations/{id}/referrals",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(int limit, http::LimitParam(r, 50));
               ALLMENDE_ASSIGN_OR_RETURN(
                   auto page, service.Queue(actor, std::string(r.Param("id")), r.QueryParam("state").value_or("open"),
                                            limit, r.QueryParam("cursor").value_or("")));
               return http::JsonText(200, http::ItemsJson(page.items, ReferralJson, page.next_cursor, true))
                   .WithHeader("Cache-Control", "no-store");
             },
             {.access = http::Access::kPolicy, .action = "referral.queue"});

  router.Add(
      "POST", "/api/v1/referrals/{id}/decide",
      [&service](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
        ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
        JsonFields f(doc);
        ReferralDecision in;
        f.Required("outcome", &in.outcome);
        f.Optional("grant_id", &in.grant_id);
        f.Optional("note", &in.note);
        ALLMENDE_TRY(f.Finish());
        ALLMENDE_ASSIGN_OR_RETURN(auto decided, service.Decide(actor, std::string(r.Param("id")), in));
        return http::JsonText(200, ReferralJson(decided));
      },
      {.access = http::Access::kPolicy, .action = "referral.decide", .body_limit = 16 * 1024, .json_body = true});
}

}  // namespace allmende::guidance
