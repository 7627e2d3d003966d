#include "clients/client_handlers.hpp"

#include <boost/json.hpp>

#include "common/json.hpp"

namespace allmende::clients {
namespace {

http::Response ClientResponse(const ClientRecord& c) {
  return http::JsonText(200, ClientJson(c)).WithHeader("ETag", "\"" + std::to_string(c.version) + "\"");
}

}  // namespace

void AddClientRoutes(http::Router& router, ClientService& service) {
  router.Add("GET", "/api/v1/organizations/{id}/clients",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto list, service.OfOrganization(actor, std::string(r.Param("id"))));
               return http::JsonText(
                   200, http::ItemsJson(list, [](const ClientOfOrganization& x) {
                     boost::json::object o{
                         {"client_id", x.client_id}, {"name", x.name}, {"relation", x.relation}, {"since", x.since}};
                     return boost::json::serialize(o);
                   }));
             },
             {.access = http::Access::kPolicy, .action = "client.list"});

  router.Add("GET", "/api/v1/clients/{id}",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(ClientRecord c, service.Get(actor, std::string(r.Param("id"))));
               return ClientResponse(c);
             },
             {.access = http::Access::kPolicy, .action = "client.read", .client = "{id}"});

  router.Add("PATCH", "/api/v1/clients/{id}",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(std::int64_t version, http::IfMatchVersion(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
               JsonFields f(doc);
               ClientChange change;
               f.Optional("name", &change.name);
               f.Optional("phone", &change.phone);
               f.Optional("language", &change.language);
               ALLMENDE_TRY(f.Finish());
               ALLMENDE_ASSIGN_OR_RETURN(ClientRecord c,
                                         service.Update(actor, std::string(r.Param("id")), change, version));
               return ClientResponse(c);
             },
             {.access = http::Access::kPolicy,
              .action = "client.update",
              .client = "{id}",
              .body_limit = 16 * 1024,
              .json_body = true});
}

}  // namespace allmende::clients
