#include "identity/totp.hpp"

#include <liboath/oath.h>
#include <sodium.h>

#include <cstdlib>
#include <mutex>

namespace allmende::identity {
namespace {

constexpr unsigned kStep = 30;

void InitOath() {
  static std::once_flag once;
  std::call_once(once, [] { oath_init(); });
}

std::string Decode(const std::string& base32) {
  char* raw = nullptr;
  size_t size = 0;
  if (oath_base32_decode(base32.data(), base32.size(), &raw, &size) != OATH_OK) return "";
  std::string out(raw, size);
  sodium_memzero(raw, size);
  std::free(raw);
  return out;
}

std::string UrlEncode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_' || c == '@') {
      out.push_back(static_cast<char>(c));
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace

std::string NewTotpSecret() {
  InitOath();
  unsigned char raw[20];
  randombytes_buf(raw, sizeof raw);
  char* out = nullptr;
  size_t size = 0;
  oath_base32_encode(reinterpret_cast<const char*>(raw), sizeof raw, &out, &size);
  std::string secret(out, size);
  std::free(out);
  sodium_memzero(raw, sizeof raw);
  return secret;
}

std::string TotpUri(const std::string& secret, const std::string& email) {
  return "otpauth://totp/Allmende:" + UrlEncode(email) + "?secret=" + secret +
         "&issuer=Allmende&algorithm=SHA1&digits=6&period=30";
}

std::optional<std::int64_t> VerifyTotp(const std::string& secret, const std::string& code, Timestamp now,
                                       std::int64_t last_step) {
  InitOath();
  if (code.size() != 6 || code.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  std::string key = Decode(secret);
  if (key.empty()) return std::nullopt;
  time_t t = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  int offset = 0;
  int rc = oath_totp_validate2(key.data(), key.size(), t, kStep, 0, 1, &offset, code.c_str());
  sodium_memzero(key.data(), key.size());
  if (rc < 0) return std::nullopt;
  std::int64_t step = static_cast<std::int64_t>(t / kStep) + offset;
  if (step <= last_step) return std::nullopt;
  return step;
}

std::string TotpCode(const std::string& secret, Timestamp at) {
  InitOath();
  std::string key = Decode(secret);
  char out[7] = {};
  time_t t = std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch()).count();
  oath_totp_generate(key.data(), key.size(), t, kStep, 0, 6, out);
  return out;
}

std::vector<std::string> NewRecoveryCodes() {
  static constexpr char kAlphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";
  std::vector<std::string> codes;
  for (int i = 0; i < 10; ++i) {
    std::string code;
    for (int j = 0; j < 12; ++j) {
      if (j == 4 || j == 8) code += '-';
      code += kAlphabet[randombytes_uniform(sizeof kAlphabet - 1)];
    }
    codes.push_back(code);
  }
  return codes;
}

std::string RecoveryCodeDigest(const std::string& code) {
  std::string norm;
  for (unsigned char c : code) {
    if (c != '-' && c != ' ') norm.push_back(static_cast<char>(std::tolower(c)));
  }
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(norm.data()), norm.size());
  char hex[sizeof digest * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

}  // namespace allmende::identity
