// The identity feature as main.cpp registers it: accounts, sessions, the second factor, their
// routes and housekeeping, and the demo people of shared/JOURNEYS.md.
#pragma once

#include <string>
#include <vector>

#include "app/module.hpp"
#include "common/config.hpp"
#include "identity/auth_service.hpp"
#include "identity/identity_handlers.hpp"
#include "notify/outbox.hpp"

namespace allmende::identity {

// One of the people of shared/JOURNEYS.md, as the demo seeds them.
struct DemoPerson {
  const char* email;
  const char* name;
  const char* language;
  bool platform_admin;
  const char* journey_role;  // what they do in shared/JOURNEYS.md
};
const std::vector<DemoPerson>& DemoPeople();

class IdentityModule final : public app::Module {
 public:
  // `cipher` seals second-factor secrets at rest.
  IdentityModule(storage::Database& db, const notify::Outbox& outbox, const TimeSource& clock, const Config& config,
                 const std::string& public_url, const storage::FieldCipher& cipher);

  AuthService& auth() { return auth_; }
  // How session cookies are set (Secure, lifetime): what a feature that signs someone up uses.
  CookieOptions cookies() const { return {.secure = secure_cookies_, .max_age_seconds = 3600 * session_hours_}; }

  void AddRoutes(http::Router& router) override;
  void AddJobs(jobs::JobScheduler& scheduler) override;
  // The demo people with the seed's password; `seed.users` gets their ids.
  Result<void> SeedDemo(app::DemoSeed& seed) override;

 private:
  AuthService auth_;
  bool secure_cookies_;
  int session_hours_;
};

}  // namespace allmende::identity
