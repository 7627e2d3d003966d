// The tenancy feature as main.cpp registers it: regions, organizations, memberships,
// invitations, delegations and API tokens, their routes, and the demo regions and organizations.
#pragma once

#include "app/module.hpp"
#include "events/event_bus.hpp"
#include "identity/auth_service.hpp"
#include "notify/outbox.hpp"
#include "tenancy/delegation_service.hpp"
#include "tenancy/organization_service.hpp"
#include "tenancy/region_service.hpp"
#include "tenancy/token_service.hpp"

namespace allmende::tenancy {

class TenancyModule final : public app::Module {
 public:
  TenancyModule(storage::Database& db, events::EventBus& bus, identity::AuthService& auth, const notify::Outbox& outbox,
                const TimeSource& clock, const std::string& public_url);

  // Authenticates organization API tokens (alm_…) for the server's authenticator.
  TokenService& tokens() { return tokens_; }

  void AddRoutes(http::Router& router) override;
  // The regions of the source programmes, their organizations and the demo people's roles.
  Result<void> SeedDemo(app::DemoSeed& seed) override;

 private:
  const TimeSource& clock_;
  RegionService regions_;
  OrganizationService organizations_;
  DelegationService delegations_;
  TokenService tokens_;
};

}  // namespace allmende::tenancy
