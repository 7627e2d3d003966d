// Who sent a request: an organization's API token (Bearer alm_…), the bootstrap admin token
// (any other Bearer), or the browser session cookie.
#pragma once

#include <string>

#include "identity/auth_service.hpp"
#include "server/http_server.hpp"
#include "tenancy/token_service.hpp"

namespace allmende::app {

http::Authenticator MakeAuthenticator(const std::string& admin_token, tenancy::TokenService& tokens,
                                      identity::AuthService& sessions);

}  // namespace allmende::app
