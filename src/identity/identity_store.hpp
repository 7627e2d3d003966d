// SQL access to users, sessions and log-in failures. Every function runs inside the caller's
// transaction.
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

}  // namespace allmende::identity
