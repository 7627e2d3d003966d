#include "tenancy/demo_data.hpp"

#include "common/ids.hpp"
#include "common/time.hpp"
#include "tenancy/delegation_store.hpp"
#include "tenancy/organization_store.hpp"
#include "tenancy/region_store.hpp"

namespace allmende::tenancy {
namespace {

struct DemoOrganization {
  const char* region_code;
  const char* kind;
  const char* name;
  const char* business_id;                                   // valid check digits, not real companies' ids
  std::vector<std::pair<const char*, const char*>> members;  // e-mail, role
};

const std::vector<DemoOrganization>& Demo() {
  static const std::vector<DemoOrganization> orgs{
      {"pirkanmaa",
       "welfare_area",
       "Pirkanmaan hyvinvointialue",
       "3221308-6",
       {{"sari.tilaaja@allmende.demo", "purchaser_officer"}, {"kirsi.tietosuoja@allmende.demo", "auditor"}}},
      {"pirkanmaa",
       "integrator",
       "Kotitori Pirkanmaa",
       "2847651-0",
       {{"outi.koordinaattori@allmende.demo", "coordinator"}, {"mikko.neuvoja@allmende.demo", "advisor"}}},
      {"pirkanmaa",
       "provider_company",
       "Hervannan Kotisiivous Oy",
       "3011234-5",
       {{"jussi.siivous@allmende.demo", "provider_admin"}, {"aleksi.tyontekija@allmende.demo", "provider_worker"}}},
      {"pirkanmaa",
       "association",
       "Ystäväpalvelu Tampere ry",
       nullptr,
       {{"hanna.vapaaehtoinen@allmende.demo", "provider_admin"}}},
      {"zollernalbkreis",
       "employer",
       "Muster Präzisionstechnik GmbH",
       nullptr,
       {{"tuomas.hr@allmende.demo", "employer_hr"}, {"jonas.mitarbeiter@allmende.demo", "employee"}}},
      {"zollernalbkreis",
       "care_insurer",
       "Pflegekasse Zollernalb (Demo)",
       nullptr,
       {{"petra.pflegekasse@allmende.demo", "purchaser_officer"}}},
      {"zollernalbkreis",
       "provider_company",
       "Alltagshilfe Balingen gGmbH",
       nullptr,
       {{"lena.alltagshilfe@allmende.demo", "provider_admin"}}},
      {"vestegnen",
       "municipality",
       "Gladsaxe Kommune",
       nullptr,
       {{"mette.visitator@allmende.demo", "purchaser_officer"}}},
      {"vestegnen",
       "provider_company",
       "Gladsaxe Hjemmeservice ApS",
       nullptr,
       {{"lars.hjemmeservice@allmende.demo", "provider_admin"}}},
  };
  return orgs;
}

}  // namespace

Result<void> SeedDemoOrganizations(storage::Database& db, RegionService&,
                                   const std::map<std::string, std::string>& users) {
  std::string now = FormatRfc3339(Now());
  return db.Write([&](storage::Connection& c) -> Result<void> {
    for (const auto& d : Demo()) {
      ALLMENDE_ASSIGN_OR_RETURN(auto region, RegionStore::FindByCode(c, d.region_code));
      if (!region) continue;
      std::string region_id = region->id;
      ALLMENDE_ASSIGN_OR_RETURN(auto existing, OrganizationStore::FindByName(c, region_id, d.name));
      std::string org_id = existing ? existing->id : NewId("org");
      if (!existing) {
        ALLMENDE_TRY(OrganizationStore::Insert(
            c, {org_id, region_id, d.kind, d.name,
                d.business_id ? std::optional<std::string>(d.business_id) : std::nullopt, now, now, 1}));
      }
      for (const auto& [email, role] : d.members) {
        auto user = users.find(email);
        if (user == users.end()) continue;
        ALLMENDE_ASSIGN_OR_RETURN(bool has, OrganizationStore::HasMembership(c, org_id, user->second, role));
        if (has) continue;
        ALLMENDE_TRY(OrganizationStore::InsertMembership(
            c, {NewId("mem"), region_id, org_id, user->second, role, now, "system-seed", std::nullopt}));
      }
    }
    // Liisa acts for her mother Aino (journeys 1, 3 and 8); Monika for her mother Helga.
    for (const auto& [client_email, delegate_email] :
         {std::pair<const char*, const char*>{"aino.virtanen@allmende.demo", "liisa.virtanen@allmende.demo"},
          {"helga.schmid@allmende.demo", "monika.schmid@allmende.demo"}}) {
      auto client = users.find(client_email);
      auto delegate = users.find(delegate_email);
      if (client == users.end() || delegate == users.end()) continue;
      ALLMENDE_ASSIGN_OR_RETURN(bool has, DelegationStore::HasUnrevoked(c, client->second, delegate->second));
      if (has) continue;
      ALLMENDE_TRY(DelegationStore::Insert(c, {.id = NewId("dlg"),
                                               .client_id = client->second,
                                               .client_name = "",
                                               .delegate_id = delegate->second,
                                               .delegate_name = "",
                                               .scope = "all",
                                               .valid_from = now,
                                               .valid_until = std::nullopt,
                                               .granted_by = client->second,
                                               .created_at = now,
                                               .revoked_at = std::nullopt}));
    }
    return Ok();
  });
}

}  // namespace allmende::tenancy
