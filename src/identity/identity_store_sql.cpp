#include "identity/identity_store.hpp"

namespace allmende::identity {
namespace {

using storage::Value;

constexpr std::string_view kInsertUser =
    "INSERT INTO users (id, email, name, phone, language, password_hash, platform_role, email_verified_at, "
    "created_at, updated_at, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
constexpr std::string_view kGetUser =
    "SELECT id, email, name, phone, language, password_hash, platform_role, email_verified_at, created_at, "
    "updated_at, version, totp_enabled_at, demo_account FROM users WHERE id = $1";
constexpr std::string_view kGetUserByEmail =
    "SELECT id, email, name, phone, language, password_hash, platform_role, email_verified_at, created_at, "
    "updated_at, version, totp_enabled_at, demo_account FROM users WHERE email = $1";
constexpr std::string_view kSetPassword =
    "UPDATE users SET password_hash = $2, updated_at = $3, version = version + 1 WHERE id = $1";
constexpr std::string_view kVerified =
    "UPDATE users SET email_verified_at = COALESCE(email_verified_at, $2), updated_at = $2 WHERE id = $1";
constexpr std::string_view kUpdateProfile =
    "UPDATE users SET name = $2, phone = $3, language = $4, updated_at = $5, version = version + 1 "
    "WHERE id = $1 AND version = $6";
constexpr std::string_view kMarkDemoAccount = "UPDATE users SET demo_account = 1 WHERE id = $1";
constexpr std::string_view kLiveRoles = "SELECT role FROM memberships WHERE user_id = $1 AND revoked_at IS NULL";

constexpr std::string_view kInsertSession =
    "INSERT INTO sessions (id, token_hash, user_id, csrf_token, created_at, last_seen_at, idle_expires_at, "
    "absolute_expires_at, user_agent, ip, mfa_verified_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
constexpr std::string_view kFindSession =
    "SELECT id, token_hash, user_id, csrf_token, created_at, last_seen_at, idle_expires_at, absolute_expires_at, "
    "revoked_at, user_agent, ip, mfa_verified_at FROM sessions WHERE token_hash = $1";
constexpr std::string_view kTouch = "UPDATE sessions SET last_seen_at = $2, idle_expires_at = $3 WHERE id = $1";
constexpr std::string_view kRevoke =
    "UPDATE sessions SET revoked_at = $3 WHERE id = $2 AND user_id = $1 AND revoked_at IS NULL";
constexpr std::string_view kRevokeAll =
    "UPDATE sessions SET revoked_at = $3 WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL";
constexpr std::string_view kListLive =
    "SELECT id, token_hash, user_id, csrf_token, created_at, last_seen_at, idle_expires_at, absolute_expires_at, "
    "revoked_at, user_agent, ip, mfa_verified_at FROM sessions WHERE user_id = $1 AND revoked_at IS NULL AND "
    "idle_expires_at > $2 "
    "AND absolute_expires_at > $2 ORDER BY created_at DESC, id DESC LIMIT 100";
constexpr std::string_view kMarkSecondFactor = "UPDATE sessions SET mfa_verified_at = $2 WHERE id = $1";
constexpr std::string_view kForgetSecondFactor = "UPDATE sessions SET mfa_verified_at = NULL WHERE user_id = $1";

constexpr std::string_view kRecordFailure = "INSERT INTO login_failures (throttle_key, failed_at) VALUES ($1, $2)";
constexpr std::string_view kFailuresSince =
    "SELECT count(*), COALESCE(min(failed_at), '') FROM login_failures WHERE throttle_key = $1 AND failed_at >= $2";
constexpr std::string_view kClearFailures = "DELETE FROM login_failures WHERE throttle_key = $1";
constexpr std::string_view kForgetFailure = "DELETE FROM login_failures WHERE throttle_key = $1 AND failed_at = $2";
constexpr std::string_view kPurgeSessions = "DELETE FROM sessions WHERE absolute_expires_at < $1 OR revoked_at < $1";
constexpr std::string_view kPurgeFailures =
    "DELETE FROM login_failures WHERE failed_at < $1 "
    "AND ((throttle_key NOT LIKE 'mfa:%' AND throttle_key NOT LIKE 'mail:%') OR failed_at < $2)";

constexpr std::string_view kTotpState =
    "SELECT totp_secret, totp_pending_secret, totp_last_step, email FROM users WHERE id = $1";
constexpr std::string_view kSetPending = "UPDATE users SET totp_pending_secret = $2 WHERE id = $1";
constexpr std::string_view kUseStep = "UPDATE users SET totp_last_step = $2 WHERE id = $1 AND totp_last_step < $2";
constexpr std::string_view kActivate =
    "UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_enabled_at = $2, "
    "updated_at = $2 WHERE id = $1";
constexpr std::string_view kDeactivate =
    "UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, totp_enabled_at = NULL, updated_at = $2 "
    "WHERE id = $1";
constexpr std::string_view kDeleteCodes = "DELETE FROM mfa_recovery_codes WHERE user_id = $1";
constexpr std::string_view kInsertCode = "INSERT INTO mfa_recovery_codes (user_id, code_hash) VALUES ($1, $2)";
constexpr std::string_view kUseCode =
    "UPDATE mfa_recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL";
constexpr std::string_view kCodesLeft =
    "SELECT count(*) FROM mfa_recovery_codes WHERE user_id = $1 AND used_at IS NULL";

Value Opt(const std::optional<std::string>& v) { return v ? Value(*v) : Value(nullptr); }

User UserFrom(const storage::Row& r) {
  return User{r.Text(0),    r.Text(1), r.Text(2), r.OptText(3), r.Text(4),     r.OptText(5),  r.OptText(6),
              r.OptText(7), r.Text(8), r.Text(9), r.Int(10),    r.OptText(11), r.Int(12) != 0};
}

Session SessionFrom(const storage::Row& r) {
  return Session{r.Text(0), r.Text(1), r.Text(2),    r.Text(3), r.Text(4),  r.Text(5),
                 r.Text(6), r.Text(7), r.OptText(8), r.Text(9), r.Text(10), r.OptText(11)};
}

}  // namespace

Result<void> UserStore::Insert(storage::Connection& c, const User& u) {
  ALLMENDE_TRY(c.Execute(kInsertUser, {u.id, u.email.empty() ? Value(nullptr) : Value(u.email), u.name, Opt(u.phone),
                                       u.language, Opt(u.password_hash), Opt(u.platform_role), Opt(u.email_verified_at),
                                       u.created_at, u.updated_at, u.version}));
  return Ok();
}

Result<std::optional<User>> UserStore::Get(storage::Connection& c, const std::string& id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kGetUser, {id}));
  if (!row) return std::optional<User>();
  return std::optional<User>(UserFrom(*row));
}

Result<std::optional<User>> UserStore::GetByEmail(storage::Connection& c, const std::string& email) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kGetUserByEmail, {email}));
  if (!row) return std::optional<User>();
  return std::optional<User>(UserFrom(*row));
}

Result<void> UserStore::SetPassword(storage::Connection& c, const std::string& id, const std::string& hash,
                                    const std::string& now) {
  ALLMENDE_TRY(c.Execute(kSetPassword, {id, hash, now}));
  return Ok();
}

Result<void> UserStore::MarkEmailVerified(storage::Connection& c, const std::string& id, const std::string& now) {
  ALLMENDE_TRY(c.Execute(kVerified, {id, now}));
  return Ok();
}

Result<bool> UserStore::UpdateProfile(storage::Connection& c, const User& u, std::int64_t expected_version,
                                      const std::string& now) {
  ALLMENDE_ASSIGN_OR_RETURN(auto n,
                            c.Execute(kUpdateProfile, {u.id, u.name, Opt(u.phone), u.language, now, expected_version}));
  return n == 1;
}

Result<void> UserStore::MarkDemoAccount(storage::Connection& c, const std::string& id) {
  ALLMENDE_TRY(c.Execute(kMarkDemoAccount, {id}));
  return Ok();
}

Result<std::vector<std::string>> UserStore::LiveRoles(storage::Connection& c, const std::string& id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(kLiveRoles, {id}));
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.Text(0));
  return out;
}

Result<void> SessionStore::Insert(storage::Connection& c, const Session& s) {
  ALLMENDE_TRY(c.Execute(kInsertSession,
                         {s.id, s.token_hash, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, s.idle_expires_at,
                          s.absolute_expires_at, s.user_agent, s.ip, Opt(s.mfa_verified_at)}));
  return Ok();
}

Result<std::optional<Session>> SessionStore::FindByTokenHash(storage::Connection& c, const std::string& token_hash) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kFindSession, {token_hash}));
  if (!row) return std::optional<Session>();
  return std::optional<Session>(SessionFrom(*row));
}

Result<void> SessionStore::Touch(storage::Connection& c, const std::string& id, const std::string& now,
                                 const std::string& idle_expires_at) {
  ALLMENDE_TRY(c.Execute(kTouch, {id, now, idle_expires_at}));
  return Ok();
}

Result<bool> SessionStore::Revoke(storage::Connection& c, const std::string& user_id, const std::string& id,
                                  const std::string& now) {
  ALLMENDE_ASSIGN_OR_RETURN(auto n, c.Execute(kRevoke, {user_id, id, now}));
  return n == 1;
}

Result<std::int64_t> SessionStore::RevokeAll(storage::Connection& c, const std::string& user_id,
                                             const std::string& keep, const std::string& now) {
  return c.Execute(kRevokeAll, {user_id, keep, now});
}

Result<std::vector<Session>> SessionStore::ListLive(storage::Connection& c, const std::string& user_id,
                                                    const std::string& now) {
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(kListLive, {user_id, now}));
  std::vector<Session> out;
  for (const auto& r : rows) out.push_back(SessionFrom(r));
  return out;
}

Result<void> SessionStore::MarkSecondFactor(storage::Connection& c, const std::string& id, const std::string& now) {
  ALLMENDE_TRY(c.Execute(kMarkSecondFactor, {id, now}));
  return Ok();
}

Result<void> SessionStore::ForgetSecondFactor(storage::Connection& c, const std::string& user_id) {
  ALLMENDE_TRY(c.Execute(kForgetSecondFactor, {user_id}));
  return Ok();
}

Result<void> LoginFailures::Record(storage::Connection& c, const std::string& key, const std::string& now) {
  ALLMENDE_TRY(c.Execute(kRecordFailure, {key, now}));
  return Ok();
}

Result<std::pair<std::int64_t, std::string>> LoginFailures::Since(storage::Connection& c, const std::string& key,
                                                                  const std::string& since) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kFailuresSince, {key, since}));
  return std::make_pair(row->Int(0), row->Text(1));
}

Result<void> LoginFailures::Clear(storage::Connection& c, const std::string& key) {
  ALLMENDE_TRY(c.Execute(kClearFailures, {key}));
  return Ok();
}

Result<void> LoginFailures::Forget(storage::Connection& c, const std::string& key, const std::string& at) {
  ALLMENDE_TRY(c.Execute(kForgetFailure, {key, at}));
  return Ok();
}

Result<std::int64_t> SessionStore::PurgeEnded(storage::Connection& c, const std::string& before) {
  return c.Execute(kPurgeSessions, {before});
}

Result<std::int64_t> LoginFailures::PurgeBefore(storage::Connection& c, const std::string& before,
                                                const std::string& codes_before) {
  return c.Execute(kPurgeFailures, {before, codes_before});
}

Result<std::optional<MfaStore::Totp>> MfaStore::GetTotp(storage::Connection& c, const std::string& user_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kTotpState, {user_id}));
  if (!row) return std::optional<Totp>();
  return std::optional<Totp>(Totp{row->OptText(0), row->OptText(1), row->Int(2), row->Text(3)});
}

Result<void> MfaStore::SetPendingSecret(storage::Connection& c, const std::string& user_id, const std::string& secret) {
  ALLMENDE_TRY(c.Execute(kSetPending, {user_id, secret}));
  return Ok();
}

Result<bool> MfaStore::UseStep(storage::Connection& c, const std::string& user_id, std::int64_t step) {
  ALLMENDE_ASSIGN_OR_RETURN(auto n, c.Execute(kUseStep, {user_id, step}));
  return n == 1;
}

Result<void> MfaStore::Activate(storage::Connection& c, const std::string& user_id, const std::string& now) {
  ALLMENDE_TRY(c.Execute(kActivate, {user_id, now}));
  return Ok();
}

Result<void> MfaStore::Deactivate(storage::Connection& c, const std::string& user_id, const std::string& now) {
  ALLMENDE_TRY(c.Execute(kDeactivate, {user_id, now}));
  return Ok();
}

Result<void> MfaStore::DeleteRecoveryCodes(storage::Connection& c, const std::string& user_id) {
  ALLMENDE_TRY(c.Execute(kDeleteCodes, {user_id}));
  return Ok();
}

Result<void> MfaStore::InsertRecoveryCode(storage::Connection& c, const std::string& user_id,
                                          const std::string& code_digest) {
  ALLMENDE_TRY(c.Execute(kInsertCode, {user_id, code_digest}));
  return Ok();
}

Result<bool> MfaStore::UseRecoveryCode(storage::Connection& c, const std::string& user_id,
                                       const std::string& code_digest, const std::string& now) {
  ALLMENDE_ASSIGN_OR_RETURN(auto n, c.Execute(kUseCode, {user_id, code_digest, now}));
  return n == 1;
}

Result<std::int64_t> MfaStore::RecoveryCodesLeft(storage::Connection& c, const std::string& user_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kCodesLeft, {user_id}));
  return row ? row->Int(0) : 0;
}

}  // namespace allmende::identity
