#include "clients/demo_clients.hpp"

#include "access/access_log.hpp"
#include "access/access_store.hpp"
#include "clients/client_registry.hpp"
#include "clients/client_registry_store.hpp"
#include "clients/client_service.hpp"
#include "clients/client_store.hpp"
#include "common/identifiers.hpp"

namespace allmende::clients {
namespace {

struct DemoClient {
  const char* email;
  const char* region_code;
  std::vector<std::pair<const char*, const char*>> relations;  // organization name, relation
  // What the advice desk knows: birth date, address, municipality, identity code (may be empty).
  const char* birth_date = "";
  const char* street = "";
  const char* postal_code = "";
  const char* city = "";
  const char* municipality_code = "";
  const char* identity_code = "";
};

// The registry's details of a demo client; the identity code sealed and digested as the desk does.
Result<void> SetRegistryDetails(storage::Connection& c, const storage::FieldCipher& cipher, const std::string& id,
                                const DemoClient& d) {
  auto opt = [](const char* v) { return *v ? std::optional<std::string>(v) : std::nullopt; };
  RegistryRow row{
      id, "", "", "", opt(d.birth_date), opt(d.street), opt(d.postal_code), opt(d.city), opt(d.municipality_code)};
  if (*d.identity_code) {
    auto code = ParseFinnishIdentityCode(d.identity_code);
    if (!code) return Error::Internal(std::string("demo identity code is invalid: ") + d.identity_code);
    row.identity_code = cipher.Seal(code->code);
    row.identity_code_digest = IdentityCodeDigest(cipher, code->code);
    row.identity_code_masked = MaskFinnishIdentityCode(code->code);
  }
  return RegistryStore::SetDetails(c, row);
}

}  // namespace

Result<void> SeedDemoClients(storage::Database& db, events::EventBus& bus, const storage::FieldCipher& cipher,
                             const std::map<std::string, std::string>& users) {
  static const std::vector<DemoClient> demo{
      {"aino.virtanen@allmende.demo",
       "pirkanmaa",
       {{"Hervannan Kotisiivous Oy", "provider"}, {"Pirkanmaan hyvinvointialue", "purchaser"}},
       "1942-03-14",
       "Insinöörinkatu 48 B 17",
       "33720",
       "Tampere",
       "fi-837",
       "140342-386R"},
      {"ebba.lindqvist@allmende.demo",
       "pirkanmaa",
       {},
       "1947-09-02",
       "Satakunnankatu 12 A 3",
       "33100",
       "Tampere",
       "fi-837",
       "020947-2369"},
      {"greta.sjoberg@allmende.demo",
       "pirkanmaa",
       {{"Pirkanmaan hyvinvointialue", "purchaser"}},
       "1945-06-11",
       "Keskustie 8",
       "35300",
       "Orivesi",
       "fi-562"},
      {"jonas.mitarbeiter@allmende.demo",
       "zollernalbkreis",
       {},
       "1988-04-21",
       "Friedrichstraße 14",
       "72336",
       "Balingen",
       "de-08417008"},
      {"helga.schmid@allmende.demo",
       "zollernalbkreis",
       {},
       "1939-11-30",
       "Hirschbergstraße 5",
       "72336",
       "Balingen",
       "de-08417008"},
      {"karen.jensen@allmende.demo", "vestegnen", {}, "1943-08-17", "Søborg Hovedgade 101", "2860", "Søborg", "dk-159"},
  };
  Timestamp now = Now();
  bool first_look = false;
  ALLMENDE_TRY(db.Write([&](storage::Connection& c) -> Result<void> {
    for (const auto& d : demo) {
      auto user = users.find(d.email);
      ALLMENDE_ASSIGN_OR_RETURN(auto region, ClientStore::RegionIdByCode(c, d.region_code));
      if (user == users.end() || !region) continue;
      ALLMENDE_TRY(ClientService::EnsureClient(c, bus, user->second, *region, "system-seed", now));
      ALLMENDE_TRY(SetRegistryDetails(c, cipher, user->second, d));
      for (const auto& [org_name, relation] : d.relations) {
        ALLMENDE_ASSIGN_OR_RETURN(auto org, ClientStore::OrganizationIdByName(c, org_name));
        if (org) ALLMENDE_TRY(ClientService::EnsureRelation(c, user->second, *org, relation, now));
      }
    }
    auto aino = users.find("aino.virtanen@allmende.demo");
    auto mikko_id = users.find("mikko.neuvoja@allmende.demo");
    if (aino != users.end() && mikko_id != users.end()) {
      // Another Aino Virtanen, born the same day, registered at the service point in Nokia
      // without an e-mail address: the desk warns that the two records look alike.
      ALLMENDE_ASSIGN_OR_RETURN(auto region, ClientStore::RegionIdByCode(c, "pirkanmaa"));
      ALLMENDE_ASSIGN_OR_RETURN(auto twin, c.QueryOne("SELECT user_id FROM clients WHERE user_id = $1",
                                                      {std::string("usr_demo_aino_nokia")}));
      if (region && !twin) {
        const std::string at = FormatRfc3339(now);
        ALLMENDE_TRY(c.Execute(
            "INSERT INTO users (id, email, name, phone, language, created_at, updated_at) "
            "VALUES ($1, NULL, $2, $3, 'fi', $4, $4)",
            {std::string("usr_demo_aino_nokia"), std::string("Aino Virtanen"), std::string("+358401234567"), at}));
        ALLMENDE_TRY(RegistryStore::Insert(
            c, {"usr_demo_aino_nokia", *region, at, mikko_id->second, std::string("1942-03-14"),
                std::string("Välikatu 4 C 12"), std::string("37100"), std::string("Nokia"), std::string("fi-536")}));
      }
    }
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
