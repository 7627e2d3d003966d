#include "clients/demo_clients.hpp"

#include "access/access_log.hpp"
#include "access/access_store.hpp"
#include "clients/client_service.hpp"
#include "clients/client_store.hpp"

namespace allmende::clients {
namespace {

struct DemoClient {
  const char* email;
  const char* region_code;
  std::vector<std::pair<const char*, const char*>> relations;  // organization name, relation
};

}  // namespace

Result<void> SeedDemoClients(storage::Database& db, const std::map<std::string, std::string>& users) {
  static const std::vector<DemoClient> demo{
      {"aino.virtanen@allmende.demo",
       "pirkanmaa",
       {{"Hervannan Kotisiivous Oy", "provider"}, {"Pirkanmaan hyvinvointialue", "purchaser"}}},
      {"ebba.lindqvist@allmende.demo", "pirkanmaa", {}},
      {"greta.sjoberg@allmende.demo", "pirkanmaa", {{"Pirkanmaan hyvinvointialue", "purchaser"}}},
      {"jonas.mitarbeiter@allmende.demo", "zollernalbkreis", {}},
      {"helga.schmid@allmende.demo", "zollernalbkreis", {}},
      {"karen.jensen@allmende.demo", "vestegnen", {}},
  };
  Timestamp now = Now();
  bool first_look = false;
  ALLMENDE_TRY(db.Write([&](storage::Connection& c) -> Result<void> {
    for (const auto& d : demo) {
      auto user = users.find(d.email);
      ALLMENDE_ASSIGN_OR_RETURN(auto region, ClientStore::RegionIdByCode(c, d.region_code));
      if (user == users.end() || !region) continue;
      ALLMENDE_TRY(ClientService::EnsureClient(c, user->second, *region, "system-seed", now));
      for (const auto& [org_name, relation] : d.relations) {
        ALLMENDE_ASSIGN_OR_RETURN(auto org, ClientStore::OrganizationIdByName(c, org_name));
        if (org) ALLMENDE_TRY(ClientService::EnsureRelation(c, user->second, *org, relation, now));
      }
    }
    auto aino = users.find("aino.virtanen@allmende.demo");
    if (aino != users.end()) {
      ALLMENDE_ASSIGN_OR_RETURN(auto looked, access::AccessLogStore::CountAboutClient(c, aino->second));
      first_look = looked == 0;
    }
    return Ok();
  }));
  auto mikko = users.find("mikko.neuvoja@allmende.demo");
  if (!first_look || mikko == users.end()) return Ok();
  // Mikko's look at Aino's record during her first call, as the guard of GET /clients/{id} records it.
  http::Principal mikko_principal{mikko->second, "user"};
  mikko_principal.mfa_verified = true;  // the seed acts as the advisor would, signed in fully
  access::Actor advisor(mikko_principal);
  advisor.request_id = "seed";
  advisor.purpose = "Palvelutarpeen kartoitus / service needs assessment";
  const std::string aino = users.at("aino.virtanen@allmende.demo");
  return db.Write([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_ASSIGN_OR_RETURN(std::string region, access::ClientRegion(c, aino));
    ALLMENDE_TRY(access::AuthorizeAndRecord(
        c, advisor, access::Action::kClientRead, {.client_id = aino},
        {.action = "client.read", .subject_type = "client", .subject_id = aino, .client_id = aino, .region_id = region},
        now));
    return Ok();
  });
}

}  // namespace allmende::clients
