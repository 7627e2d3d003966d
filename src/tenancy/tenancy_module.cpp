#include "tenancy/tenancy_module.hpp"

#include "tenancy/delegation_handlers.hpp"
#include "tenancy/demo_data.hpp"
#include "tenancy/organization_handlers.hpp"
#include "tenancy/region_handlers.hpp"
#include "tenancy/token_handlers.hpp"

namespace allmende::tenancy {

TenancyModule::TenancyModule(storage::Database& db, events::EventBus& bus, identity::AuthService& auth,
                             const notify::Outbox& outbox, const TimeSource& clock, const std::string& public_url)
    : clock_(clock),
      regions_(db, bus),
      organizations_(db, regions_, auth, outbox, clock, public_url),
      delegations_(db, auth, outbox, clock, public_url),
      tokens_(db, clock) {}

void TenancyModule::AddRoutes(http::Router& router) {
  AddRegionRoutes(router, regions_);
  AddOrganizationRoutes(router, organizations_);
  AddDelegationRoutes(router, delegations_, clock_);
  AddTokenRoutes(router, tokens_);
}

Result<void> TenancyModule::SeedDemo(app::DemoSeed& seed) {
  http::Principal system{"system-seed", "platform_admin"};
  system.mfa_verified = true;
  const NewRegion demo[] = {
      {"pirkanmaa", "Pirkanmaan hyvinvointialue", "FI", std::nullopt, std::nullopt},
      {"zollernalbkreis", "Zollernalbkreis – Notfallbetreuung Balingen", "DE", std::nullopt, std::nullopt},
      {"kreis-soest", "Kreis Soest – Digitales Netzwerk", "DE", std::nullopt, std::nullopt},
      {"vestegnen", "Innovationspartnerskab Albertslund, Ballerup, Furesø, Gladsaxe, Lyngby-Taarbæk, Vallensbæk", "DK",
       std::nullopt, std::nullopt},
  };
  // Idempotent on the region's code, its natural key.
  for (const auto& r : demo) {
    ALLMENDE_ASSIGN_OR_RETURN(auto existing, regions_.FindByCode(r.code));
    if (existing) continue;
    ALLMENDE_TRY(regions_.Create(system, r));
  }
  if (seed.users.empty()) return Ok();
  return SeedDemoOrganizations(seed.db, regions_, seed.users);
}

}  // namespace allmende::tenancy
