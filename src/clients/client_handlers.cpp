#include "clients/client_handlers.hpp"

#include <boost/json.hpp>

#include "common/json.hpp"

namespace allmende::clients {
namespace {

http::Response ClientResponse(const ClientRecord& c) {
  return http::JsonText(200, ClientJson(c)).WithHeader("ETag", "\"" + std::to_string(c.version) + "\"");
}

std::string HitsJson(const std::vector<ClientHit>& hits) {
  auto opt = [](const std::optional<std::string>& v) {
    return v ? boost::json::value(*v) : boost::json::value(nullptr);
  };
  return http::ItemsJson(hits, [&](const ClientHit& h) {
    boost::json::object o{{"id", h.id},
                          {"name", h.name},
                          {"birth_date", opt(h.birth_date)},
                          {"municipality_name", opt(h.municipality_name)},
                          {"street", opt(h.street)},
                          {"phone", opt(h.phone)},
                          {"score", h.score}};
    return boost::json::serialize(o);
  });
}

std::string LookAlikesJson(const std::vector<LookAlike>& list) {
  auto opt = [](const std::optional<std::string>& v) {
    return v ? boost::json::value(*v) : boost::json::value(nullptr);
  };
  return http::ItemsJson(list, [&](const LookAlike& l) {
    boost::json::object o{{"id", l.id},
                          {"name", l.name},
                          {"birth_date", opt(l.birth_date)},
                          {"municipality_name", opt(l.municipality_name)},
                          {"reason", l.reason}};
    return boost::json::serialize(o);
  });
}

// The person fields of a registration (and of a look-alike check, which reads name, birth date
// and phone).
Result<NewClient> ParseNewClient(const std::string& body) {
  ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(body));
  JsonFields f(doc);
  NewClient in;
  f.Required("name", &in.name);
  f.Optional("birth_date", &in.birth_date);
  f.Optional("identity_code", &in.identity_code);
  f.Optional("phone", &in.phone);
  f.Optional("email", &in.email);
  f.Optional("language", &in.language);
  if (const auto* address = doc.is_object() ? doc.as_object().if_contains("address") : nullptr;
      address && !address->is_null()) {
    if (!address->is_object()) return Error::Invalid("address", "must be an object");
    JsonFields a(*address, "address.");
    a.Optional("street", &in.street);
    a.Optional("postal_code", &in.postal_code);
    a.Optional("city", &in.city);
    a.Optional("municipality_code", &in.municipality_code);
    ALLMENDE_TRY(a.Finish());
  }
  ALLMENDE_TRY(f.Finish());
  return in;
}

}  // namespace

void AddRegistryRoutes(http::Router& router, ClientRegistry& registry) {
  router.Add(
      "POST", "/api/v1/regions/{id}/clients",
      [&registry](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
        ALLMENDE_ASSIGN_OR_RETURN(NewClient in, ParseNewClient(r.body));
        ALLMENDE_ASSIGN_OR_RETURN(ClientRecord c, registry.Register(actor, std::string(r.Param("id")), in));
        return http::JsonText(201, ClientJson(c))
            .WithHeader("ETag", "\"" + std::to_string(c.version) + "\"")
            .WithHeader("Location", "/api/v1/clients/" + c.id);
      },
      {.access = http::Access::kPolicy, .action = "client.register", .body_limit = 16 * 1024, .json_body = true});

  router.Add("POST", "/api/v1/regions/{id}/clients/search",
             [&registry](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
               JsonFields f(doc);
               ClientQuery q;
               std::optional<std::string> text;
               std::optional<std::int64_t> limit;
               f.Optional("q", &text);
               f.Optional("birth_date", &q.birth_date);
               f.Optional("phone", &q.phone);
               f.Optional("identity_code", &q.identity_code);
               f.Optional("limit", &limit, 1, 50);
               ALLMENDE_TRY(f.Finish());
               q.q = text.value_or("");
               q.limit = static_cast<int>(limit.value_or(20));
               ALLMENDE_ASSIGN_OR_RETURN(auto hits, registry.Search(actor, std::string(r.Param("id")), q));
               return http::JsonText(200, HitsJson(hits)).WithHeader("Cache-Control", "no-store");
             },
             {.access = http::Access::kPolicy,
              .action = "client.search",
              .idempotency_exempt = "a search changes nothing; its log entry is written once a minute",
              .body_limit = 4 * 1024,
              .json_body = true,
              .reads = true});

  router.Add("POST", "/api/v1/regions/{id}/clients/look-alikes",
             [&registry](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(NewClient in, ParseNewClient(r.body));
               ALLMENDE_ASSIGN_OR_RETURN(auto list, registry.LookAlikesOf(actor, std::string(r.Param("id")), in));
               return http::JsonText(200, LookAlikesJson(list)).WithHeader("Cache-Control", "no-store");
             },
             {.access = http::Access::kPolicy,
              .action = "client.search",
              .idempotency_exempt = "a check changes nothing",
              .body_limit = 16 * 1024,
              .json_body = true,
              .reads = true});

  router.Add("POST", "/api/v1/clients/{id}/merge",
             [&registry](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
               JsonFields f(doc);
               std::string duplicate;
               f.Required("duplicate_id", &duplicate);
               ALLMENDE_TRY(f.Finish());
               ALLMENDE_ASSIGN_OR_RETURN(ClientRecord c, registry.Merge(actor, std::string(r.Param("id")), duplicate));
               return http::JsonText(200, ClientJson(c)).WithHeader("ETag", "\"" + std::to_string(c.version) + "\"");
             },
             {.access = http::Access::kPolicy, .action = "client.merge", .body_limit = 4 * 1024, .json_body = true});

  router.Add("POST", "/api/v1/clients/{id}/identity-code/reveal",
             [&registry](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(std::string code,
                                         registry.RevealIdentityCode(actor, std::string(r.Param("id"))));
               boost::json::object o{{"identity_code", code}};
               return http::JsonText(200, boost::json::serialize(o)).WithHeader("Cache-Control", "no-store");
             },
             {.access = http::Access::kPolicy,
              .action = "client.identity_code.reveal",
              .idempotency_exempt = "the answer is an identity code, which no table may keep in clear"});
}

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
