#include "directory/demo_directory.hpp"

#include <algorithm>

#include "common/log.hpp"
#include "directory/demo_catalog.hpp"
#include "tenancy/organization_service.hpp"

namespace allmende::directory {
namespace {

constexpr std::size_t kProvidersPerTransaction = 100;

// The demo region's purchaser whose vouchers providers accept (journey 3).
constexpr const char* kWelfareArea = "Pirkanmaan hyvinvointialue";

Result<void> SeedProviders(storage::Database& db, DirectoryService& service, const std::string& region_id,
                           const DemoCatalog& catalog, const std::string& actor_id) {
  // Services by provider, so each transaction writes whole providers.
  std::vector<std::vector<const ServiceContent*>> by_provider(catalog.providers.size());
  for (const auto& s : catalog.services) by_provider.at(s.provider).push_back(&s.content);
  Timestamp now = Now();
  for (std::size_t first = 0; first < catalog.providers.size(); first += kProvidersPerTransaction) {
    std::size_t last = std::min(first + kProvidersPerTransaction, catalog.providers.size());
    ALLMENDE_TRY(db.Write([&](storage::Connection& c) -> Result<void> {
      for (std::size_t i = first; i < last; ++i) {
        const DemoProvider& p = catalog.providers[i];
        ALLMENDE_ASSIGN_OR_RETURN(
            auto org,
            tenancy::OrganizationService::Ensure(
                c, region_id, {.kind = p.profile.kind, .name = p.profile.name, .business_id = p.business_id}, now));
        ALLMENDE_ASSIGN_OR_RETURN(auto existing, DirectoryStore::Profile(c, org.id));
        if (existing && existing->version == 0) {
          ProviderProfile profile = p.profile;
          profile.organization_id = org.id;
          profile.region_id = region_id;
          profile.updated_at = FormatRfc3339(now);
          ALLMENDE_TRY(DirectoryStore::SaveProfile(c, profile, actor_id, 0));
        }
        for (const ServiceContent* content : by_provider[i]) {
          auto published = service.PublishDirectly(c, org.id, *content, actor_id);
          if (!published.ok()) {
            std::string detail = published.error().message;
            for (const auto& f : published.error().fields) detail += " " + f.field + ": " + f.message;
            return Error::Internal("Demo service of " + p.profile.name + " is invalid:" + detail);
          }
        }
      }
      return Ok();
    }));
  }
  return Ok();
}

}  // namespace

Result<void> SeedDemoDirectory(app::DemoSeed& seed, DirectoryService& service, const DemoConfig& demo) {
  auto outi = seed.users.find("outi.koordinaattori@allmende.demo");
  if (outi == seed.users.end()) return Ok();  // no demo people: nobody to have published the directory
  storage::Database& db = seed.db;
  std::string region_id;
  std::string welfare_area_id;
  bool seeded = false;
  ALLMENDE_TRY(db.Write([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_ASSIGN_OR_RETURN(auto region, DirectoryStore::RegionIdByCode(c, "pirkanmaa"));
    if (!region) return Ok();
    region_id = *region;
    ALLMENDE_ASSIGN_OR_RETURN(auto count, DirectoryStore::CountServices(c, region_id));
    seeded = count > 0;
    ALLMENDE_ASSIGN_OR_RETURN(auto welfare, tenancy::OrganizationService::Ensure(
                                                c, region_id, {.kind = "welfare_area", .name = kWelfareArea}, Now()));
    welfare_area_id = welfare.id;
    return Ok();
  }));
  // The German and Danish demo regions' providers, once each.
  for (const char* code : {"zollernalbkreis", "vestegnen"}) {
    std::string other;
    bool has_services = false;
    ALLMENDE_TRY(db.Read([&](storage::Connection& c) -> Result<void> {
      ALLMENDE_ASSIGN_OR_RETURN(auto region, DirectoryStore::RegionIdByCode(c, code));
      if (!region) return Ok();
      other = *region;
      ALLMENDE_ASSIGN_OR_RETURN(auto count, DirectoryStore::CountServices(c, other));
      has_services = count > 0;
      return Ok();
    }));
    if (!other.empty() && !has_services) {
      ALLMENDE_TRY(SeedProviders(db, service, other, OtherCountryCatalog(code), outi->second));
    }
  }
  if (region_id.empty() || seeded) return Ok();
  auto started = std::chrono::steady_clock::now();
  DemoCatalog journey = JourneyCatalog({welfare_area_id});
  ALLMENDE_TRY(SeedProviders(db, service, region_id, journey, outi->second));
  auto wanted = static_cast<std::size_t>(std::max<std::int64_t>(demo.services, 0));
  if (wanted > journey.services.size()) {
    std::size_t services = wanted - journey.services.size();
    // 200 providers for the demo's 1,000 services; one per 20 services beyond.
    std::size_t providers = std::clamp<std::size_t>(services / 20, 200, 50'000);
    DemoCatalog generated =
        GenerateCatalog(providers, services, static_cast<std::uint64_t>(demo.seed), {welfare_area_id});
    ALLMENDE_TRY(SeedProviders(db, service, region_id, generated, outi->second));
  }
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  log::Info("directory_seeded",
            {{"services", static_cast<std::uint64_t>(wanted)}, {"ms", static_cast<std::uint64_t>(ms.count())}});
  return Ok();
}

}  // namespace allmende::directory
