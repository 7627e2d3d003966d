// The parts of a webhook that need no database: its signature and the checks of where it may go.
#include <arpa/inet.h>
#include <curl/curl.h>
#include <sodium.h>

#include <array>
#include <cctype>
#include <cstring>
#include <memory>

#include "webhooks/webhooks.hpp"

namespace allmende::webhooks {
namespace {

bool PublicV4(const unsigned char* a) {
  const auto in = [&](unsigned first, unsigned second_from, unsigned second_to) {
    return a[0] == first && a[1] >= second_from && a[1] <= second_to;
  };
  if (a[0] == 0 || a[0] == 10 || a[0] == 127 || a[0] >= 224) return false;  // this, private, loopback, multicast+
  if (in(100, 64, 127) || in(169, 254, 254) || in(172, 16, 31) || in(192, 168, 168) || in(198, 18, 19)) return false;
  if (a[0] == 192 && a[1] == 0 && (a[2] == 0 || a[2] == 2)) return false;  // IETF, TEST-NET-1
  if (a[0] == 198 && a[1] == 51 && a[2] == 100) return false;              // TEST-NET-2
  if (a[0] == 203 && a[1] == 0 && a[2] == 113) return false;               // TEST-NET-3
  return true;
}

}  // namespace

const std::vector<std::string>& EventTypes() {
  static const std::vector<std::string> types{"order.changed", "visit.changed", "offer.created", "offer.closed",
                                              "order.message"};
  return types;
}

std::string SignatureHeader(std::string_view secret, std::string_view body, std::int64_t unix_seconds) {
  const std::string t = std::to_string(unix_seconds);
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()), secret.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(t.data()), t.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>("."), 1);
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(body.data()), body.size());
  std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
  crypto_auth_hmacsha256_final(&state, mac.data());
  std::array<char, crypto_auth_hmacsha256_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), mac.data(), mac.size());
  return "t=" + t + ",v1=" + std::string(hex.data());
}

bool IsPublicAddress(std::string_view ip_text) {
  const std::string ip(ip_text);
  unsigned char a[16];
  if (inet_pton(AF_INET, ip.c_str(), a) == 1) return PublicV4(a);
  if (inet_pton(AF_INET6, ip.c_str(), a) != 1) return false;
  static const unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::memcmp(a, kMapped, 12) == 0) return PublicV4(a + 12);
  static const unsigned char kZero[16] = {};
  if (std::memcmp(a, kZero, 12) == 0) return false;           // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
  if (a[0] == 0x20 && a[1] == 0x02) return PublicV4(a + 2);   // 2002::/16 6to4 carries an IPv4 address
  if ((a[0] == 0xfe && (a[1] & 0xc0) == 0xc0)) return false;  // fec0::/10 site-local
  if ((a[0] & 0xfe) == 0xfc) return false;                    // fc00::/7 unique local
  if (a[0] == 0xfe && (a[1] & 0xc0) == 0x80) return false;    // fe80::/10 link-local
  if (a[0] == 0xff) return false;                             // multicast
  if (a[0] == 0x20 && a[1] == 0x01 && a[2] == 0x0d && a[3] == 0xb8) return false;  // 2001:db8::/32 documentation
  if (a[0] == 0x00 && a[1] == 0x64 && a[2] == 0xff && a[3] == 0x9b) return false;  // 64:ff9b::/96, 64:ff9b:1::/48
  return true;
}

Result<void> CheckTargetUrl(std::string_view url_text, bool allow_local) {
  if (url_text.empty()) return Error::Invalid("url", "Give the address that receives the events.");
  if (url_text.size() > 2000) return Error::Invalid("url", "At most 2000 characters.");
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> url(curl_url(), curl_url_cleanup);
  const std::string text(url_text);
  if (!url || curl_url_set(url.get(), CURLUPART_URL, text.c_str(), 0) != CURLUE_OK) {
    return Error::Invalid("url", "This is not a web address (https://…).");
  }
  auto part = [&](CURLUPart which) -> std::string {
    char* value = nullptr;
    if (curl_url_get(url.get(), which, &value, 0) != CURLUE_OK || !value) return "";
    std::string out(value);
    curl_free(value);
    return out;
  };
  const std::string scheme = part(CURLUPART_SCHEME);
  if (scheme != "https" && !(allow_local && scheme == "http")) {
    return Error::Invalid("url", "Use an https:// address: events are sent encrypted.");
  }
  if (!part(CURLUPART_USER).empty() || !part(CURLUPART_PASSWORD).empty()) {
    return Error::Invalid("url",
                          "Leave the user name and password out of the address; the signature proves the sender.");
  }
  std::string host = part(CURLUPART_HOST);
  if (host.empty()) return Error::Invalid("url", "The address needs a host name.");
  if (host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  unsigned char probe[16];
  const bool literal = inet_pton(AF_INET, host.c_str(), probe) == 1 || inet_pton(AF_INET6, host.c_str(), probe) == 1;
  std::string lower = host;
  for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  while (!lower.empty() && lower.back() == '.') lower.pop_back();
  const bool local_name = lower == "localhost" || lower.ends_with(".localhost") || lower.ends_with(".local") ||
                          lower.ends_with(".internal") || lower.find('.') == std::string::npos;
  if (!allow_local && ((literal && !IsPublicAddress(host)) || (!literal && local_name))) {
    return Error::Invalid("url", "The address points into a private network; use the receiver's public address.");
  }
  return Ok();
}

}  // namespace allmende::webhooks
