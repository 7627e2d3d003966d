#include "tenancy/region_handlers.hpp"

#include "common/json.hpp"

namespace allmende::tenancy {

void AddRegionRoutes(http::Router& router, RegionService& service) {
  router.Add("GET", "/api/v1/regions",
             [&service](const http::Request& request) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(int limit, http::LimitParam(request));
               ALLMENDE_ASSIGN_OR_RETURN(RegionPage page,
                                         service.List(limit, request.QueryParam("cursor").value_or("")));
               std::string body = "{\"items\":[";
               for (std::size_t i = 0; i < page.items.size(); ++i) {
                 if (i) body += ",";
                 body += RegionJson(page.items[i]);
               }
               body += "],\"next_cursor\":";
               if (page.next_cursor) {
                 body += "\"" + *page.next_cursor + "\"";
               } else {
                 body += "null";
               }
               body += "}";
               return http::JsonText(200, std::move(body));
             },
             {.access = http::Access::kPublic});

  router.Add("GET", "/api/v1/regions/{id}",
             [&service](const http::Request& request) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(Region region, service.Get(std::string(request.Param("id"))));
               std::string etag = "\"" + std::to_string(region.version) + "\"";
               return http::JsonText(200, RegionJson(region)).WithHeader("ETag", etag);
             },
             {.access = http::Access::kPublic});

  router.Add("POST", "/api/v1/regions",
             [&service](const http::Request& request) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(request.body));
               JsonFields f(doc);
               NewRegion in;
               f.Required("code", &in.code);
               f.Required("name", &in.name, MaxLength(200));
               f.Required("country", &in.country);
               f.Optional("time_zone", &in.time_zone);
               f.Optional("default_language", &in.default_language);
               ALLMENDE_TRY(f.Finish());
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(request));
               ALLMENDE_ASSIGN_OR_RETURN(Region region, service.Create(actor, in));
               return http::JsonText(201, RegionJson(region));
             },
             {.access = http::Access::kPolicy, .action = "region.create", .body_limit = 16 * 1024, .json_body = true});
}

}  // namespace allmende::tenancy
