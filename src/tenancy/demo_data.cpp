#include "tenancy/demo_data.hpp"

#include "common/ids.hpp"
#include "common/time.hpp"
#include "tenancy/organization_store.hpp"

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
  };
  return orgs;
}

constexpr std::string_view kRegionByCode = "SELECT id FROM regions WHERE code = $1";
constexpr std::string_view kOrgByName = "SELECT id FROM organizations WHERE region_id = $1 AND name = $2";
constexpr std::string_view kHasDelegation =
    "SELECT count(*) FROM delegations WHERE client_id = $1 AND delegate_id = $2 AND revoked_at IS NULL";
constexpr std::string_view kInsertDelegation =
    "INSERT INTO delegations (id, client_id, delegate_id, scope, valid_from, granted_by, created_at) "
    "VALUES ($1, $2, $3, 'all', $4, $2, $4)";
constexpr std::string_view kHasMembership =
    "SELECT count(*) FROM memberships WHERE organization_id = $1 AND user_id = $2 AND role = $3 "
    "AND revoked_at IS NULL";

}  // namespace

Result<void> SeedDemoOrganizations(storage::Database& db, RegionService&,
                                   const std::map<std::string, std::string>& users) {
  std::string now = FormatRfc3339(Now());
  return db.Write([&](storage::Connection& c) -> Result<void> {
    for (const auto& d : Demo()) {
      ALLMENDE_ASSIGN_OR_RETURN(auto region, c.QueryOne(kRegionByCode, {std::string(d.region_code)}));
      if (!region) continue;
      std::string region_id = region->Text(0);
      ALLMENDE_ASSIGN_OR_RETURN(auto existing, c.QueryOne(kOrgByName, {region_id, std::string(d.name)}));
      std::string org_id = existing ? existing->Text(0) : NewId("org");
      if (!existing) {
        ALLMENDE_TRY(OrganizationStore::Insert(
            c, {org_id, region_id, d.kind, d.name,
                d.business_id ? std::optional<std::string>(d.business_id) : std::nullopt, now, now, 1}));
      }
      for (const auto& [email, role] : d.members) {
        auto user = users.find(email);
        if (user == users.end()) continue;
        ALLMENDE_ASSIGN_OR_RETURN(auto has, c.QueryOne(kHasMembership, {org_id, user->second, std::string(role)}));
        if (has && has->Int(0) > 0) continue;
        ALLMENDE_TRY(OrganizationStore::InsertMembership(
            c, {NewId("mem"), region_id, org_id, user->second, role, now, "system-seed", std::nullopt}));
      }
    }
    // Liisa acts for her mother Aino (journeys 1, 3 and 8).
    auto aino = users.find("aino.virtanen@allmende.demo");
    auto liisa = users.find("liisa.virtanen@allmende.demo");
    if (aino != users.end() && liisa != users.end()) {
      ALLMENDE_ASSIGN_OR_RETURN(auto has, c.QueryOne(kHasDelegation, {aino->second, liisa->second}));
      if (has->Int(0) == 0) {
        ALLMENDE_TRY(c.Execute(kInsertDelegation, {NewId("dlg"), aino->second, liisa->second, now}));
      }
    }
    return Ok();
  });
}

}  // namespace allmende::tenancy
