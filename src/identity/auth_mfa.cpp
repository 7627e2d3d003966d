// The second factor: TOTP enrolment, the second step of a log-in, recovery codes.
#include "access/policy.hpp"
#include "common/log.hpp"
#include "identity/auth_service.hpp"
#include "identity/emails.hpp"
#include "identity/identity_store.hpp"
#include "identity/password.hpp"
#include "identity/totp.hpp"
#include "storage/single_use_tokens.hpp"

namespace allmende::identity {
namespace {

std::string MfaKey(const std::string& user_id) { return "mfa:" + user_id; }

// Wrong codes beyond the per-minute throttle: this many in a day block the second step for the
// rest of the day (a 6-digit code must not be guessable slowly), and the owner is told.
constexpr std::int64_t kDailyCodeFailures = 20;
constexpr std::chrono::hours kCodeFailureDay{24};

}  // namespace

Result<void> AuthService::CodeAttemptAllowed(storage::Connection& c, const std::string& user_id, Timestamp now) {
  ALLMENDE_TRY(Throttled(c, {MfaKey(user_id)}, now));
  ALLMENDE_ASSIGN_OR_RETURN(
      auto day, LoginFailures::Since(
                    c, MfaKey(user_id),
                    FormatRfc3339(now - std::chrono::duration_cast<std::chrono::milliseconds>(kCodeFailureDay))));
  if (day.first >= kDailyCodeFailures) {
    auto oldest = ParseRfc3339(day.second).value_or(now);
    auto wait = std::chrono::duration_cast<std::chrono::seconds>(oldest + kCodeFailureDay - now).count();
    return Error::TooManyRequests("Too many wrong codes today. Try again tomorrow or reset your password.",
                                  static_cast<int>(std::max<std::int64_t>(1, wait + 1)));
  }
  return Ok();
}

Result<void> AuthService::RecordWrongCode(storage::Connection& c, const std::string& user_id, Timestamp now) {
  ALLMENDE_TRY(LoginFailures::Record(c, MfaKey(user_id), FormatRfc3339(now)));
  ALLMENDE_ASSIGN_OR_RETURN(
      auto day, LoginFailures::Since(
                    c, MfaKey(user_id),
                    FormatRfc3339(now - std::chrono::duration_cast<std::chrono::milliseconds>(kCodeFailureDay))));
  if (day.first == kDailyCodeFailures) ALLMENDE_TRY(Notify(c, user_id, EmailKind::kSecondFactorLocked, now));
  return Ok();
}

Result<void> AuthService::Notify(storage::Connection& c, const std::string& user_id, EmailKind kind, Timestamp now) {
  ALLMENDE_ASSIGN_OR_RETURN(User user, RequireUser(c, user_id));
  EmailText text = ComposeEmail(kind, user.language, user.name, "");
  ALLMENDE_TRY(outbox_.Enqueue(c, {.recipient = user.email, .subject = text.subject, .body = text.body}, now));
  return Ok();
}

Result<bool> AuthService::UseTotpCode(storage::Connection& c, const std::string& user_id, const std::string& code,
                                      Timestamp now, bool pending) {
  ALLMENDE_ASSIGN_OR_RETURN(auto totp, MfaStore::GetTotp(c, user_id));
  if (!totp) return false;
  const std::optional<std::string>& stored = pending ? totp->pending_secret : totp->secret;
  if (!stored) return false;
  std::string secret = *stored;
  if (options_.cipher) {
    ALLMENDE_ASSIGN_OR_RETURN(secret, options_.cipher->Open(secret));
  }
  auto step = VerifyTotp(secret, code, now, totp->last_step);
  if (!step) return false;
  return MfaStore::UseStep(c, user_id, *step);  // false: a concurrent request used the same code first
}

Result<std::vector<std::string>> AuthService::StoreRecoveryCodes(storage::Connection& c, const std::string& user_id) {
  ALLMENDE_TRY(MfaStore::DeleteRecoveryCodes(c, user_id));
  auto codes = NewRecoveryCodes();
  for (const auto& code : codes) ALLMENDE_TRY(MfaStore::InsertRecoveryCode(c, user_id, RecoveryCodeDigest(code)));
  return codes;
}

Result<LoginResult> AuthService::LoginSecondFactor(const std::string& mfa_token, const std::string& code,
                                                   const std::string& recovery_code, const std::string& user_agent,
                                                   const std::string& ip, const std::string& old_secret) {
  if (code.empty() == recovery_code.empty()) {
    return Error::Invalid("code", "send either the code of your authenticator app or a recovery code");
  }
  Timestamp now = clock_.Now();
  const std::string now_text = FormatRfc3339(now);
  std::string user_id;
  bool ok = false;
  // A wrong code is recorded like a wrong password; the transaction must commit to keep it.
  ALLMENDE_TRY(db_.Write([&](storage::Connection& c) -> Result<void> {
    ok = false;
    ALLMENDE_ASSIGN_OR_RETURN(user_id, storage::PeekSingleUseToken(c, "mfa_login", mfa_token, now));
    ALLMENDE_TRY(Throttled(c, {"ip:" + ip}, now));
    ALLMENDE_TRY(CodeAttemptAllowed(c, user_id, now));
    if (!code.empty()) {
      ALLMENDE_ASSIGN_OR_RETURN(ok, UseTotpCode(c, user_id, code, now, false));
    } else {
      ALLMENDE_ASSIGN_OR_RETURN(ok, MfaStore::UseRecoveryCode(c, user_id, RecoveryCodeDigest(recovery_code), now_text));
    }
    if (!ok) {
      ALLMENDE_TRY(RecordWrongCode(c, user_id, now));
      ALLMENDE_TRY(LoginFailures::Record(c, "ip:" + ip, now_text));
    }
    return Ok();
  }));
  if (!ok) {
    log::Info("mfa_failed", {{"user_id", user_id}, {"remote", ip}});
    return code.empty() ? Error::Invalid("recovery_code", "is not an unused recovery code of this account")
                        : Error::Invalid("code", "is not the current code of your authenticator app");
  }
  ALLMENDE_ASSIGN_OR_RETURN(User user,
                            db_.ReadValue<User>([&](storage::Connection& c) { return RequireUser(c, user_id); }));
  return OpenSession(user, user_agent, ip, old_secret, now, true, [&](storage::Connection& c) -> Result<void> {
    ALLMENDE_TRY(storage::UseSingleUseToken(c, "mfa_login", mfa_token, now));
    return LoginFailures::Clear(c, MfaKey(user_id));
  });
}

Result<MfaStatus> AuthService::Mfa(const http::Principal& p) {
  return db_.ReadValue<MfaStatus>([&](storage::Connection& c) -> Result<MfaStatus> {
    ALLMENDE_ASSIGN_OR_RETURN(User user, RequireUser(c, p.id));
    MfaStatus s;
    s.enabled = user.totp_enabled_at.has_value();
    ALLMENDE_ASSIGN_OR_RETURN(s.recovery_codes_left, MfaStore::RecoveryCodesLeft(c, p.id));
    bool staff = user.platform_role.has_value();
    ALLMENDE_ASSIGN_OR_RETURN(auto roles, UserStore::LiveRoles(c, p.id));
    for (const auto& r : roles) staff |= access::IsStaffRole(r);
    s.required = staff && !p.mfa_exempt;
    return s;
  });
}

Result<TotpEnrolment> AuthService::StartTotp(const http::Principal& p, const std::string& password) {
  // The password again: a session alone (a borrowed laptop) must not bind a new authenticator.
  Timestamp now = clock_.Now();
  ALLMENDE_ASSIGN_OR_RETURN(User user, db_.ReadValue<User>([&](storage::Connection& c) -> Result<User> {
    ALLMENDE_TRY(CodeAttemptAllowed(c, p.id, now));
    return RequireUser(c, p.id);
  }));
  ALLMENDE_ASSIGN_OR_RETURN(auto hash, db_.ReadValue<std::optional<std::string>>(
                                           [&](storage::Connection& c) -> Result<std::optional<std::string>> {
                                             ALLMENDE_ASSIGN_OR_RETURN(auto user, UserStore::Get(c, p.id));
                                             return user ? user->password_hash : std::nullopt;
                                           }));
  if (!hash || !VerifyPassword(password, *hash)) {
    ALLMENDE_TRY(db_.Write([&](storage::Connection& c) { return RecordWrongCode(c, p.id, now); }));
    return Error::Invalid("password", "is not the password of this account");
  }
  return db_.WriteValue<TotpEnrolment>([&](storage::Connection& c) -> Result<TotpEnrolment> {
    ALLMENDE_ASSIGN_OR_RETURN(auto totp, MfaStore::GetTotp(c, p.id));
    if (!totp) return Error::NotFound("No such account.");
    if (totp->secret) return Error::Conflict("A second factor is already on; turn it off first to replace it.");
    TotpEnrolment e{NewTotpSecret(), ""};
    e.uri = TotpUri(e.secret, totp->email);
    // The secret is stored sealed: a copy of the database cannot produce codes.
    ALLMENDE_TRY(MfaStore::SetPendingSecret(c, p.id, options_.cipher ? options_.cipher->Seal(e.secret) : e.secret));
    return e;
  });
}

Result<std::vector<std::string>> AuthService::ConfirmTotp(const http::Principal& p, const std::string& code) {
  Timestamp now = clock_.Now();
  return db_.WriteValue<std::vector<std::string>>([&](storage::Connection& c) -> Result<std::vector<std::string>> {
    ALLMENDE_ASSIGN_OR_RETURN(auto totp, MfaStore::GetTotp(c, p.id));
    if (!totp) return Error::NotFound("No such account.");
    if (totp->secret) return Error::Conflict("A second factor is already on.");
    if (!totp->pending_secret) return Error::Conflict("Start the set-up first.");
    ALLMENDE_ASSIGN_OR_RETURN(bool ok, UseTotpCode(c, p.id, code, now, true));
    if (!ok) return Error::Invalid("code", "is not the current code of your authenticator app");
    ALLMENDE_TRY(MfaStore::Activate(c, p.id, FormatRfc3339(now)));
    if (!p.session_id.empty()) ALLMENDE_TRY(SessionStore::MarkSecondFactor(c, p.session_id, FormatRfc3339(now)));
    ALLMENDE_TRY(Notify(c, p.id, EmailKind::kSecondFactorOn, now));
    log::Info("mfa_enabled", {{"user_id", p.id}});
    return StoreRecoveryCodes(c, p.id);
  });
}

Result<void> AuthService::DisableTotp(const http::Principal& p, const std::string& code) {
  Timestamp now = clock_.Now();
  bool ok = false;
  ALLMENDE_TRY(db_.Write([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_TRY(CodeAttemptAllowed(c, p.id, now));
    ALLMENDE_ASSIGN_OR_RETURN(ok, UseTotpCode(c, p.id, code, now, false));
    if (!ok) return RecordWrongCode(c, p.id, now);
    ALLMENDE_TRY(MfaStore::Deactivate(c, p.id, FormatRfc3339(now)));
    ALLMENDE_TRY(Notify(c, p.id, EmailKind::kSecondFactorOff, now));
    ALLMENDE_TRY(MfaStore::DeleteRecoveryCodes(c, p.id));
    ALLMENDE_TRY(SessionStore::ForgetSecondFactor(c, p.id));  // no session keeps a factor that is gone
    return Ok();
  }));
  if (!ok) return Error::Invalid("code", "is not the current code of your authenticator app");
  log::Info("mfa_disabled", {{"user_id", p.id}});
  return Ok();
}

Result<std::vector<std::string>> AuthService::RenewRecoveryCodes(const http::Principal& p, const std::string& code) {
  Timestamp now = clock_.Now();
  std::optional<std::vector<std::string>> codes;
  ALLMENDE_TRY(db_.Write([&](storage::Connection& c) -> Result<void> {
    codes.reset();
    ALLMENDE_TRY(CodeAttemptAllowed(c, p.id, now));
    ALLMENDE_ASSIGN_OR_RETURN(bool ok, UseTotpCode(c, p.id, code, now, false));
    if (!ok) return RecordWrongCode(c, p.id, now);
    ALLMENDE_ASSIGN_OR_RETURN(codes, StoreRecoveryCodes(c, p.id));
    return Ok();
  }));
  if (!codes) return Error::Invalid("code", "is not the current code of your authenticator app");
  return std::move(*codes);
}

}  // namespace allmende::identity
