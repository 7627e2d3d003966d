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
// The Set-Cookie value that carries a session (empty value and 0: the one that ends it).
std::string SessionSetCookie(const CookieOptions& options, const std::string& value, int max_age);
// /api/v1/me/mfa/…: set up, turn off, new recovery codes.
void AddMfaRoutes(http::Router& router, AuthService& auth);

}  // namespace allmende::identity
