// HTTP routes of accounts and sessions under /api/v1/auth, /api/v1/me and /api/v1/users.
#pragma once

#include "identity/auth_service.hpp"
#include "server/router.hpp"

namespace allmende::identity {

struct CookieOptions {
  bool secure = false;
  int max_age_seconds = 12 * 3600;
};

void AddIdentityRoutes(http::Router& router, AuthService& auth, CookieOptions cookies);
// /api/v1/me/mfa/…: set up, turn off, new recovery codes.
void AddMfaRoutes(http::Router& router, AuthService& auth);

}  // namespace allmende::identity
