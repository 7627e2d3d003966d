#include "identity/auth_service.hpp"

#include <sodium.h>

#include "access/access_log.hpp"
#include "common/ids.hpp"
#include "common/log.hpp"
#include "common/validate.hpp"
#include "identity/emails.hpp"
#include "identity/identity_store.hpp"
#include "identity/password.hpp"
#include "storage/idempotency.hpp"
#include "storage/single_use_tokens.hpp"

namespace allmende::identity {
namespace {

std::string RandomToken() {
  unsigned char raw[32];
  randombytes_buf(raw, sizeof raw);
  char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

bool SameSecret(const std::string& a, const std::string& b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

Error WrongCredentials() { return Error::Unauthenticated("The e-mail address or the password is wrong."); }

}  // namespace

std::string NormalizeEmail(std::string_view email) {
  std::string out;
  for (char c : email) {
    if (c != ' ' && c != '\t') out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  auto at = out.find('@');
  if (out.size() > 254 || at == std::string::npos || at == 0 || out.find('@', at + 1) != std::string::npos ||
      out.find('.', at) == std::string::npos || out.back() == '.' || out[at + 1] == '.') {
    return "";
  }
  return out;
}

std::string CookieValue(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    auto semi = header.find(';');
    auto part = header.substr(0, semi);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.size() > name.size() && part.substr(0, name.size()) == name && part[name.size()] == '=') {
      return std::string(part.substr(name.size() + 1));
    }
    if (semi == std::string_view::npos) break;
    header.remove_prefix(semi + 1);
  }
  return "";
}

AuthService::AuthService(storage::Database& db, const notify::Outbox& outbox, const TimeSource& clock,
                         AuthOptions options)
    : db_(db), outbox_(outbox), clock_(clock), options_(std::move(options)) {}

Result<void> AuthService::Throttled(storage::Connection& c, const std::vector<std::string>& keys, Timestamp now) {
  std::string since =
      FormatRfc3339(now - std::chrono::duration_cast<std::chrono::milliseconds>(options_.failure_window));
  for (const auto& key : keys) {
    ALLMENDE_ASSIGN_OR_RETURN(auto failures, LoginFailures::Since(c, key, since));
    if (failures.first >= options_.max_failures) {
      auto oldest = ParseRfc3339(failures.second).value_or(now);
      auto wait = std::chrono::duration_cast<std::chrono::seconds>(oldest + options_.failure_window - now).count();
      return Error::TooManyRequests("Too many failed sign-ins. Try again in a minute.",
                                    static_cast<int>(std::max<std::int64_t>(1, wait + 1)));
    }
  }
  return Ok();
}

Result<LoginResult> AuthService::Login(const std::string& email_text, const std::string& password,
                                       const std::string& user_agent, const std::string& ip,
                                       const std::string& old_secret) {
  Timestamp now = clock_.Now();
  std::string email = NormalizeEmail(email_text);
  std::vector<std::string> keys{"ip:" + ip};
  if (!email.empty()) keys.push_back("account:" + email);
  std::optional<User> user;
  std::int64_t account_failures = 0;
  const std::string now_text = FormatRfc3339(now);
  // The attempt counts as a failure before the password is checked, in the same transaction as
  // the throttle check: parallel attempts cannot all slip under the limit. Success takes it back.
  ALLMENDE_TRY(db_.Write([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_TRY(Throttled(c, keys, now));
    for (const auto& key : keys) ALLMENDE_TRY(LoginFailures::Record(c, key, now_text));
    if (email.empty()) return Ok();
    ALLMENDE_ASSIGN_OR_RETURN(user, UserStore::GetByEmail(c, email));
    ALLMENDE_ASSIGN_OR_RETURN(
        auto failures,
        LoginFailures::Since(
            c, "account:" + email,
            FormatRfc3339(now - std::chrono::duration_cast<std::chrono::milliseconds>(options_.failure_window))));
    account_failures = failures.first;
    return Ok();
  }));
  // Argon2 runs outside any transaction: it takes a tenth of a second and must not hold the writer.
  bool ok = false;
  if (user && user->password_hash) {
    ok = VerifyPassword(password, *user->password_hash);
  } else {
    VerifyDummyPassword(password);
  }
  if (ok && options_.after_password_check) options_.after_password_check();
  if (!ok) {
    if (user && account_failures == options_.max_failures) {
      // The failure that locks the account: tell its owner, at most once a day however often
      // someone tries.
      ALLMENDE_TRY(db_.Write([&](storage::Connection& c) -> Result<void> {
        const std::string key = "mail:lockout:" + user->email;
        ALLMENDE_ASSIGN_OR_RETURN(auto told, LoginFailures::Since(c, key, FormatRfc3339(now - std::chrono::hours(24))));
        if (told.first > 0) return Ok();
        ALLMENDE_TRY(LoginFailures::Record(c, key, now_text));
        EmailText text = ComposeEmail(EmailKind::kLockedOut, user->language, user->name, "");
        ALLMENDE_TRY(outbox_.Enqueue(c, {.recipient = user->email, .subject = text.subject, .body = text.body}, now));
        return Ok();
      }));
    }
    log::Info("login_failed", {{"user_id", user ? user->id : std::string("unknown")}, {"remote", ip}});
    return WrongCredentials();
  }
  if (user->totp_enabled_at) {
    // The password was right; the session waits for the second factor (5 minutes).
    LoginResult result;
    result.user = *user;
    ALLMENDE_TRY(db_.Write([&](storage::Connection& c) -> Result<void> {
      // As for a session: the password checked must still be the account's (a reset may have
      // committed meanwhile, ending the log-ins that wait for their second factor).
      ALLMENDE_ASSIGN_OR_RETURN(User current, RequireUser(c, user->id));
      if (current.password_hash != user->password_hash) return WrongCredentials();
      ALLMENDE_TRY(LoginFailures::Clear(c, "account:" + email));
      ALLMENDE_TRY(LoginFailures::Forget(c, "ip:" + ip, now_text));
      ALLMENDE_ASSIGN_OR_RETURN(result.mfa_token, storage::IssueSingleUseToken(c, "mfa_login", user->id, "", now,
                                                                               now + std::chrono::minutes(5)));
      return Ok();
    }));
    log::Info("login_password_ok", {{"user_id", user->id}, {"next", "mfa"}});
    return result;
  }
  ALLMENDE_ASSIGN_OR_RETURN(
      LoginResult result,
      OpenSession(*user, user_agent, ip, old_secret, now, false, [&](storage::Connection& c) -> Result<void> {
        ALLMENDE_TRY(LoginFailures::Clear(c, "account:" + email));
        return LoginFailures::Forget(c, "ip:" + ip, now_text);  // this attempt's provisional failure
      }));
  return result;
}

LoginResult AuthService::NewSession(const User& user, const std::string& user_agent, const std::string& ip,
                                    Timestamp now, bool mfa_verified) const {
  const std::string now_text = FormatRfc3339(now);
  LoginResult result;
  result.user = user;
  result.secret = RandomToken();
  result.session = Session{NewId("ses"),
                           storage::RequestDigest(result.secret),
                           user.id,
                           RandomToken(),
                           now_text,
                           now_text,
                           FormatRfc3339(now + options_.session_idle),
                           FormatRfc3339(now + options_.session_absolute),
                           std::nullopt,
                           user_agent.substr(0, 300),
                           ip,
                           mfa_verified ? std::optional<std::string>(now_text) : std::nullopt};
  return result;
}

Result<LoginResult> AuthService::OpenSession(const User& user, const std::string& user_agent, const std::string& ip,
                                             const std::string& old_secret, Timestamp now, bool mfa_verified,
                                             const storage::Work& also) {
  const std::string now_text = FormatRfc3339(now);
  LoginResult result = NewSession(user, user_agent, ip, now, mfa_verified);
  ALLMENDE_TRY(db_.Write([&](storage::Connection& c) -> Result<void> {
    // The password checked outside this transaction must still be the account's: a reset that
    // committed meanwhile ended every session, and this one must not outlive it.
    ALLMENDE_ASSIGN_OR_RETURN(User current, RequireUser(c, user.id));
    if (current.password_hash != user.password_hash) return WrongCredentials();
    ALLMENDE_TRY(also(c));
    if (!old_secret.empty()) {
      ALLMENDE_ASSIGN_OR_RETURN(auto old, SessionStore::FindByTokenHash(c, storage::RequestDigest(old_secret)));
      if (old) ALLMENDE_TRY(SessionStore::Revoke(c, old->user_id, old->id, now_text));
    }
    return SessionStore::Insert(c, result.session);
  }));
  log::Info("login", {{"user_id", user.id}, {"session_id", result.session.id}, {"mfa", mfa_verified}});
  return result;
}

Result<std::optional<http::Principal>> AuthService::Authenticate(const http::Request& request) {
  std::string secret = CookieValue(request.Header("cookie"), kSessionCookie);
  if (secret.empty()) return std::optional<http::Principal>();
  Timestamp now = clock_.Now();
  std::string now_text = FormatRfc3339(now);
  std::optional<Session> session;
  std::optional<User> user;
  ALLMENDE_TRY(db_.Read([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_ASSIGN_OR_RETURN(session, SessionStore::FindByTokenHash(c, storage::RequestDigest(secret)));
    if (!session || session->revoked_at || session->idle_expires_at <= now_text ||
        session->absolute_expires_at <= now_text) {
      session.reset();
      return Ok();
    }
    ALLMENDE_ASSIGN_OR_RETURN(user, UserStore::Get(c, session->user_id));
    return Ok();
  }));
  if (!session || !user) return std::optional<http::Principal>();
  const std::string& method = request.method;
  bool safe = method == "GET" || method == "HEAD" || method == "OPTIONS";
  bool csrf_ok = safe || SameSecret(std::string(request.Header("x-csrf-token")), session->csrf_token);
  // Move the idle deadline at most once a minute, so reads do not turn into writes.
  if (auto seen = ParseRfc3339(session->last_seen_at); seen && now - *seen > std::chrono::minutes(1)) {
    auto idle = std::min(FormatRfc3339(now + options_.session_idle), session->absolute_expires_at);
    ALLMENDE_TRY(
        db_.Write([&](storage::Connection& c) { return SessionStore::Touch(c, session->id, now_text, idle); }));
  }
  http::Principal p{user->id, user->platform_role.value_or("user"), session->id, csrf_ok};
  p.mfa_verified = session->mfa_verified_at.has_value();
  p.mfa_exempt = options_.demo_mode && user->demo_account;
  return std::optional<http::Principal>(std::move(p));
}

Result<void> AuthService::Logout(const http::Principal& p) {
  if (p.session_id.empty()) return Error::Invalid("session", "this credential is not a browser session");
  std::string now = FormatRfc3339(clock_.Now());
  return db_.Write([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_TRY(SessionStore::Revoke(c, p.id, p.session_id, now));
    return Ok();
  });
}

Result<void> AuthService::LogoutEverywhere(const http::Principal& p) {
  std::string now = FormatRfc3339(clock_.Now());
  return db_.Write([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_TRY(SessionStore::RevokeAll(c, p.id, "", now));
    return Ok();
  });
}

Result<std::vector<Session>> AuthService::Sessions(const http::Principal& p) {
  std::string now = FormatRfc3339(clock_.Now());
  return db_.ReadValue<std::vector<Session>>(
      [&](storage::Connection& c) { return SessionStore::ListLive(c, p.id, now); });
}

Result<void> AuthService::RevokeSession(const http::Principal& p, const std::string& session_id) {
  std::string now = FormatRfc3339(clock_.Now());
  return db_.Write([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_ASSIGN_OR_RETURN(bool revoked, SessionStore::Revoke(c, p.id, session_id, now));
    if (!revoked) return Error::NotFound("You have no active session " + session_id + ".");
    return Ok();
  });
}

Result<User> AuthService::RequireUser(storage::Connection& c, const std::string& id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto user, UserStore::Get(c, id));
  if (!user) return Error::Unauthenticated("Sign in first.");
  return std::move(*user);
}

Result<std::pair<User, std::string>> AuthService::Me(const http::Principal& p) {
  return db_.ReadValue<std::pair<User, std::string>>(
      [&](storage::Connection& c) -> Result<std::pair<User, std::string>> {
        ALLMENDE_ASSIGN_OR_RETURN(User user, RequireUser(c, p.id));
        std::string csrf;
        if (!p.session_id.empty()) {
          ALLMENDE_ASSIGN_OR_RETURN(auto sessions, SessionStore::ListLive(c, p.id, FormatRfc3339(clock_.Now())));
          for (const auto& s : sessions) {
            if (s.id == p.session_id) csrf = s.csrf_token;
          }
        }
        return std::make_pair(std::move(user), csrf);
      });
}

Result<User> AuthService::UpdateProfile(const http::Principal& p, const ProfileChange& change, std::int64_t if_match) {
  std::vector<FieldError> errors;
  if (change.name) {
    if (auto problem = PersonNameProblem(*change.name)) errors.push_back({"name", *problem});
  }
  if (change.language && !IsLanguage(*change.language)) errors.push_back({"language", LanguageProblem()});
  std::optional<std::string> phone = change.phone;
  if (phone && !phone->empty()) {
    auto normal = NormalizePhone(*phone);
    if (normal.ok()) {
      phone = *normal;
    } else {
      errors.push_back(normal.error().fields.at(0));
    }
  }
  if (!errors.empty()) return Error::Invalid(std::move(errors));
  std::string now = FormatRfc3339(clock_.Now());
  return db_.WriteValue<User>([&](storage::Connection& c) -> Result<User> {
    ALLMENDE_ASSIGN_OR_RETURN(User user, RequireUser(c, p.id));
    if (change.name) user.name = *change.name;
    if (phone) user.phone = phone->empty() ? std::nullopt : phone;
    if (change.language) user.language = *change.language;
    ALLMENDE_ASSIGN_OR_RETURN(bool updated, UserStore::UpdateProfile(c, user, if_match, now));
    if (!updated) {
      return Error{ErrorCode::kPreconditionFailed,
                   "Your profile was changed elsewhere (now version " + std::to_string(user.version) +
                       "); reload and try again.",
                   {}};
    }
    if (change.name && options_.after_name_change) ALLMENDE_TRY(options_.after_name_change(c, p.id));
    return RequireUser(c, p.id);
  });
}

Result<void> AuthService::SendLink(storage::Connection& c, const User& user, int kind, std::string_view purpose,
                                   std::chrono::minutes valid, std::string_view path, Timestamp now) {
  ALLMENDE_ASSIGN_OR_RETURN(std::string secret,
                            storage::IssueSingleUseToken(c, purpose, user.id, "", now, now + valid));
  // The secret travels in the fragment: browsers send neither it to the server nor in Referer.
  std::string link = options_.public_url + std::string(path) + "#token=" + secret;
  EmailText text = ComposeEmail(static_cast<EmailKind>(kind), user.language, user.name, link);
  ALLMENDE_TRY(outbox_.Enqueue(c, {.recipient = user.email, .subject = text.subject, .body = text.body}, now));
  return Ok();
}

Result<void> AuthService::RequestPasswordReset(const std::string& email_text, const std::string& ip) {
  std::string email = NormalizeEmail(email_text);
  if (email.empty()) return Error::Invalid("email", "is not an e-mail address");
  Timestamp now = clock_.Now();
  const std::string now_text = FormatRfc3339(now);
  const std::string hour_ago = FormatRfc3339(now - std::chrono::hours(1));
  return db_.Write([&](storage::Connection& c) -> Result<void> {
    // Every request counts, for known and unknown addresses alike, so the limit tells nothing
    // about accounts; past it the answer stays the same and nothing is sent.
    const std::string account_key = "mail:reset:" + email, address_key = "mail:reset-ip:" + ip;
    ALLMENDE_ASSIGN_OR_RETURN(auto for_account, LoginFailures::Since(c, account_key, hour_ago));
    ALLMENDE_ASSIGN_OR_RETURN(auto from_address, LoginFailures::Since(c, address_key, hour_ago));
    if (for_account.first >= options_.resets_per_account_hour ||
        from_address.first >= options_.resets_per_address_hour) {
      log::Info("password_reset_limited", {{"remote", ip}});
      return Ok();
    }
    ALLMENDE_TRY(LoginFailures::Record(c, account_key, now_text));
    ALLMENDE_TRY(LoginFailures::Record(c, address_key, now_text));
    ALLMENDE_ASSIGN_OR_RETURN(auto user, UserStore::GetByEmail(c, email));
    if (!user) return Ok();  // the same answer: nobody learns which addresses have accounts
    return SendLink(c, *user, static_cast<int>(EmailKind::kPasswordReset), "password_reset", std::chrono::minutes(30),
                    "/reset-password", now);
  });
}

Result<void> AuthService::ResetPassword(const std::string& token, const std::string& password) {
  auto generic = PasswordProblems(password, "", "");
  if (!generic.empty()) return Error::Invalid("password", generic.front());
  Timestamp now = clock_.Now();
  std::string now_text = FormatRfc3339(now);
  // The link first: a made-up token costs a read, not a password hash (64 MiB and a core).
  ALLMENDE_TRY(db_.Read([&](storage::Connection& c) -> Result<void> {
    auto reset = storage::PeekSingleUseToken(c, "password_reset", token, now);
    if (reset.ok() || reset.error().code != ErrorCode::kNotFound)
      return reset.ok() ? Ok() : Result<void>(reset.error());
    ALLMENDE_TRY(storage::PeekSingleUseToken(c, "set_password", token, now));
    return Ok();
  }));
  ALLMENDE_ASSIGN_OR_RETURN(std::string hash, HashPassword(password));
  return db_.Write([&](storage::Connection& c) -> Result<void> {
    auto used = storage::UseSingleUseToken(c, "password_reset", token, now);
    if (!used.ok()) {
      // A set-your-password link of a new account works the same way.
      if (used.error().code != ErrorCode::kNotFound) return std::move(used).error();
      used = storage::UseSingleUseToken(c, "set_password", token, now);
      if (!used.ok()) return std::move(used).error();
    }
    ALLMENDE_ASSIGN_OR_RETURN(User user, RequireUser(c, *used));
    auto personal = PasswordProblems(password, user.email, user.name);
    if (!personal.empty()) return Error::Invalid("password", personal.front());  // rolls back: the link stays usable
    ALLMENDE_TRY(UserStore::SetPassword(c, user.id, hash, now_text));
    ALLMENDE_TRY(UserStore::MarkEmailVerified(c, user.id, now_text));  // the link proved the mailbox
    ALLMENDE_TRY(SessionStore::RevokeAll(c, user.id, "", now_text));
    // A log-in that checked the old password and waits for its second factor ends here too.
    ALLMENDE_TRY(storage::EndSingleUseTokens(c, "mfa_login", user.id, now));
    return Ok();
  });
}

Result<void> AuthService::VerifyEmail(const std::string& token) {
  Timestamp now = clock_.Now();
  return db_.Write([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_ASSIGN_OR_RETURN(std::string user_id, storage::UseSingleUseToken(c, "email_verification", token, now));
    return UserStore::MarkEmailVerified(c, user_id, FormatRfc3339(now));
  });
}

Result<void> AuthService::PurgeEndedSessions(storage::Connection& c, Timestamp now) {
  // Kept a month after they ended, for "your sessions" and for an investigation.
  ALLMENDE_TRY(SessionStore::PurgeEnded(c, FormatRfc3339(now - std::chrono::hours(24 * 30))));
  return Ok();
}

Result<void> AuthService::PurgeFailures(storage::Connection& c, Timestamp now) {
  ALLMENDE_TRY(LoginFailures::PurgeBefore(
      c, FormatRfc3339(now - std::chrono::duration_cast<std::chrono::milliseconds>(options_.failure_window)),
      FormatRfc3339(now - std::chrono::hours(24))));
  return Ok();
}

Result<LoginResult> AuthService::SignUp(const User& prepared, const std::string& user_agent, const std::string& ip,
                                        const storage::Work& also) {
  Timestamp now = clock_.Now();
  LoginResult result = NewSession(prepared, user_agent, ip, now, false);
  ALLMENDE_TRY(db_.Write([&](storage::Connection& c) -> Result<void> {
    auto inserted = UserStore::Insert(c, prepared);
    if (!inserted.ok()) {
      if (inserted.error().code == ErrorCode::kConflict) {
        return Error::Invalid("email", "already has an account: sign in to order");
      }
      return std::move(inserted).error();
    }
    ALLMENDE_TRY(SendLink(c, prepared, static_cast<int>(EmailKind::kVerifyEmail), "email_verification",
                          std::chrono::minutes(72 * 60), "/verify-email", now));
    ALLMENDE_TRY(also(c));
    return SessionStore::Insert(c, result.session);
  }));
  return result;
}

Result<void> AuthService::CountSignUp(const std::string& ip) {
  Timestamp now = clock_.Now();
  return db_.Write([&](storage::Connection& c) -> Result<void> {
    const std::string key = "signup:" + ip;
    if (auto throttled = Throttled(c, {key}, now); !throttled.ok()) {
      return Error::TooManyRequests("Too many new accounts from this address. Try again in a minute.",
                                    throttled.error().retry_after_seconds);
    }
    return LoginFailures::Record(c, key, FormatRfc3339(now));
  });
}

}  // namespace allmende::identity
