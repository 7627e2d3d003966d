#include "app/authenticate.hpp"

#include "server/admin_token.hpp"

namespace allmende::app {

http::Authenticator MakeAuthenticator(const std::string& admin_token, tenancy::TokenService& tokens,
                                      identity::AuthService& sessions) {
  return [admin = http::AdminTokenAuthenticator(admin_token), &tokens,
          &sessions](const http::Request& r) -> Result<std::optional<http::Principal>> {
    std::string_view header = r.Header("authorization");
    if (header.empty()) return sessions.Authenticate(r);
    if (header.starts_with("Bearer alm_")) {
      ALLMENDE_ASSIGN_OR_RETURN(http::Principal p, tokens.Authenticate(std::string(header.substr(7))));
      return std::optional<http::Principal>(std::move(p));
    }
    return admin(r);
  };
}

}  // namespace allmende::app
