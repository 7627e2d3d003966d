// Accounts and browser sessions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace allmende::identity {

struct User {
  std::string id;  // "usr_…"
  std::string email;
  std::string name;
  std::optional<std::string> phone;
  std::string language;  // fi, sv, en, de, da
  std::optional<std::string> password_hash;
  std::optional<std::string> platform_role;
  std::optional<std::string> email_verified_at;
  std::string created_at;
  std::string updated_at;
  std::int64_t version = 1;
  std::optional<std::string> totp_enabled_at = {};  // a second factor is set up
  bool demo_account = false;                        // made by `allmende seed`: exempt in demo mode
};

struct Session {
  std::string id;  // "ses_…"; shown to the user, never the cookie's secret
  std::string token_hash;
  std::string user_id;
  std::string csrf_token;
  std::string created_at;
  std::string last_seen_at;
  std::string idle_expires_at;
  std::string absolute_expires_at;
  std::optional<std::string> revoked_at;
  std::string user_agent;
  std::string ip;
  std::optional<std::string> mfa_verified_at = {};  // when this session showed a second factor
};

struct MfaStatus {
  bool enabled = false;
  bool required = false;  // a staff role or platform admin, and not exempt
  std::int64_t recovery_codes_left = 0;
};

// JSON for the user themself (no hash); `csrf_token` and `mfa` added when given.
std::string UserJson(const User& user, const std::string& csrf_token = "",
                     const std::optional<MfaStatus>& mfa = std::nullopt);
// JSON of one session in the user's own list; `current` marks the one making the request.
std::string SessionJson(const Session& session, bool current);

}  // namespace allmende::identity
