// SQL access to users, sessions, log-in failures and second factors. Every function runs inside
// the caller's transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "identity/identity_types.hpp"
#include "storage/database.hpp"

namespace allmende::identity {

class UserStore {
 public:
  // Conflict if the e-mail address is taken.
  static Result<void> Insert(storage::Connection& c, const User& user);
  static Result<std::optional<User>> Get(storage::Connection& c, const std::string& id);
  static Result<std::optional<User>> GetByEmail(storage::Connection& c, const std::string& email);
  static Result<void> SetPassword(storage::Connection& c, const std::string& id, const std::string& hash,
                                  const std::string& now);
  static Result<void> MarkEmailVerified(storage::Connection& c, const std::string& id, const std::string& now);
  // Changes name, phone and language if the version matches; false if it did not (412).
  static Result<bool> UpdateProfile(storage::Connection& c, const User& user, std::int64_t expected_version,
                                    const std::string& now);
  // Marks the account as made by `allmende seed` (exempt from the second factor in demo mode).
  static Result<void> MarkDemoAccount(storage::Connection& c, const std::string& id);
  // The roles of the person's unrevoked memberships (one per membership).
  static Result<std::vector<std::string>> LiveRoles(storage::Connection& c, const std::string& id);
};

class SessionStore {
 public:
  static Result<void> Insert(storage::Connection& c, const Session& session);
  static Result<std::optional<Session>> FindByTokenHash(storage::Connection& c, const std::string& token_hash);
  // Moves the idle deadline; used at most once a minute per session.
  static Result<void> Touch(storage::Connection& c, const std::string& id, const std::string& now,
                            const std::string& idle_expires_at);
  // Revokes one session of a user; false if there is no such live session.
  static Result<bool> Revoke(storage::Connection& c, const std::string& user_id, const std::string& id,
                             const std::string& now);
  // Revokes every live session of a user except `keep` (empty: all). Returns how many.
  static Result<std::int64_t> RevokeAll(storage::Connection& c, const std::string& user_id, const std::string& keep,
                                        const std::string& now);
  // Removes sessions that ended (revoked or past their absolute deadline) before `before`.
  static Result<std::int64_t> PurgeEnded(storage::Connection& c, const std::string& before);
  // Live sessions of a user, newest first.
  static Result<std::vector<Session>> ListLive(storage::Connection& c, const std::string& user_id,
                                               const std::string& now);
  // Records that the session showed a second factor at `now`.
  static Result<void> MarkSecondFactor(storage::Connection& c, const std::string& id, const std::string& now);
  // Every session of the user, live or not, forgets that it showed a second factor.
  static Result<void> ForgetSecondFactor(storage::Connection& c, const std::string& user_id);
};

class LoginFailures {
 public:
  static Result<void> Record(storage::Connection& c, const std::string& key, const std::string& now);
  // Failures of `key` at or after `since`, and the oldest of them.
  static Result<std::pair<std::int64_t, std::string>> Since(storage::Connection& c, const std::string& key,
                                                            const std::string& since);
  static Result<void> Clear(storage::Connection& c, const std::string& key);
  // Removes the failure of `key` recorded at `at` (a provisional one, for an attempt that succeeded).
  static Result<void> Forget(storage::Connection& c, const std::string& key, const std::string& at);
  // Failures before `before`; second-factor failures ("mfa:…") and e-mail counters ("mail:…")
  // only before `codes_before`.
  static Result<std::int64_t> PurgeBefore(storage::Connection& c, const std::string& before,
                                          const std::string& codes_before);
};

// The authenticator app (TOTP) and the recovery codes of an account. Secrets are stored as the
// caller gives them (sealed by the service when a cipher is set).
class MfaStore {
 public:
  struct Totp {
    std::optional<std::string> secret;          // the active one
    std::optional<std::string> pending_secret;  // set up but not yet confirmed
    std::int64_t last_step = 0;                 // the newest time step used (a code works once)
    std::string email;
  };

  // nullopt if there is no such account.
  static Result<std::optional<Totp>> GetTotp(storage::Connection& c, const std::string& user_id);
  static Result<void> SetPendingSecret(storage::Connection& c, const std::string& user_id, const std::string& secret);
  // Records `step` as used; false unless it is newer than the last used one.
  static Result<bool> UseStep(storage::Connection& c, const std::string& user_id, std::int64_t step);
  // The pending secret becomes the active one, enabled at `now`.
  static Result<void> Activate(storage::Connection& c, const std::string& user_id, const std::string& now);
  // Removes the active and the pending secret.
  static Result<void> Deactivate(storage::Connection& c, const std::string& user_id, const std::string& now);

  static Result<void> DeleteRecoveryCodes(storage::Connection& c, const std::string& user_id);
  static Result<void> InsertRecoveryCode(storage::Connection& c, const std::string& user_id,
                                         const std::string& code_digest);
  // Uses an unused recovery code at `now`; false if the user has no unused code with that digest.
  static Result<bool> UseRecoveryCode(storage::Connection& c, const std::string& user_id,
                                      const std::string& code_digest, const std::string& now);
  static Result<std::int64_t> RecoveryCodesLeft(storage::Connection& c, const std::string& user_id);
};

}  // namespace allmende::identity
