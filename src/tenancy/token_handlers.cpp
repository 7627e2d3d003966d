#include "tenancy/token_handlers.hpp"

#include "common/json.hpp"

namespace allmende::tenancy {

void AddTokenRoutes(http::Router& router, TokenService& s) {
  const http::RouteOptions manage{.access = http::Access::kPolicy, .action = "tokens.manage"};
  router.Add(
      "GET", "/api/v1/organizations/{id}/tokens",
      [&s](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
        ALLMENDE_ASSIGN_OR_RETURN(auto tokens, s.List(actor, std::string(r.Param("id"))));
        return http::JsonText(200, http::ItemsJson(tokens, [](const ApiToken& t) { return ApiTokenJson(t); }));
      },
      manage);

  router.Add("POST", "/api/v1/organizations/{id}/tokens",
             [&s](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
               JsonFields f(doc);
               NewApiToken in;
               std::optional<std::int64_t> days;
               f.Required("name", &in.name, MaxLength(100));
               f.Optional("expires_in_days", &days);
               const auto* scopes = doc.is_object() ? doc.as_object().if_contains("scopes") : nullptr;
               if (!scopes) {
                 f.AddError("scopes", "is required");
               } else if (!scopes->is_array()) {
                 f.AddError("scopes", "must be an array of strings");
               } else {
                 for (const auto& v : scopes->as_array()) {
                   if (!v.is_string()) {
                     f.AddError("scopes", "must be an array of strings");
                     break;
                   }
                   in.scopes.emplace_back(v.as_string());
                 }
               }
               ALLMENDE_TRY(f.Finish());
               if (days) in.expires_in_days = *days;
               ALLMENDE_ASSIGN_OR_RETURN(auto created, s.Create(actor, std::string(r.Param("id")), in));
               return http::JsonText(201, ApiTokenJson(created.first, created.second));
             },
             {.access = http::Access::kPolicy,
              .action = "tokens.manage",
              .secret_field = "token",
              .body_limit = 8 * 1024,
              .json_body = true});

  router.Add(
      "DELETE", "/api/v1/organizations/{id}/tokens/{token_id}",
      [&s](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
        ALLMENDE_TRY(s.Revoke(actor, std::string(r.Param("id")), std::string(r.Param("token_id"))));
        return http::NoContent();
      },
      manage);
}

}  // namespace allmende::tenancy
