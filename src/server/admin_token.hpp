// The bootstrap credential: a bearer token from configuration (admin.token) that acts as platform
// administrator, so an operator can set up regions before any user exists. The identity module
// replaces it with real accounts and scoped API tokens; it stays as a break-glass credential.
#pragma once

#include <string>

#include "server/http_server.hpp"

namespace allmende::http {

// Returns an Authenticator that accepts "Authorization: Bearer <token>". An empty token disables
// it (every bearer token is then rejected). The comparison takes the same time for any input.
Authenticator AdminTokenAuthenticator(std::string token);

}  // namespace allmende::http
