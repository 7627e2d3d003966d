#include "server/admin_token.hpp"

#include <sodium.h>

#include <array>

namespace allmende::http {
namespace {

std::array<unsigned char, 32> Digest(std::string_view s) {
  std::array<unsigned char, 32> out{};
  crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(s.data()), s.size(), nullptr, 0);
  return out;
}

}  // namespace

Authenticator AdminTokenAuthenticator(std::string token) {
  // Compare digests, so neither the content nor the length of the token leaks through timing.
  auto expected = Digest(token);
  bool enabled = !token.empty();
  return [expected, enabled](const Request& request) -> Result<std::optional<Principal>> {
    std::string_view header = request.Header("authorization");
    if (header.empty()) return std::optional<Principal>();
    constexpr std::string_view kBearer = "Bearer ";
    if (!header.starts_with(kBearer)) {
      return Error::Unauthenticated("Use 'Authorization: Bearer <token>'.");
    }
    auto presented = Digest(header.substr(kBearer.size()));
    if (!enabled || sodium_memcmp(presented.data(), expected.data(), expected.size()) != 0) {
      return Error::Unauthenticated("The bearer token is not valid.");
    }
    Principal p{"admin-token", "platform_admin"};
    p.mfa_verified = true;  // a break-glass credential from the operator's configuration
    return std::optional<Principal>(std::move(p));
  };
}

}  // namespace allmende::http
