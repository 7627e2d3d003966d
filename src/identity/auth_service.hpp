// Accounts and browser sessions: log-in with throttling, sessions with idle and absolute
// timeouts, CSRF, log-out (here and everywhere), password reset and e-mail verification by
// single-use links sent through the outbox, and accounts created by a platform admin.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "common/time.hpp"
#include "identity/emails.hpp"
#include "identity/identity_types.hpp"
#include "notify/outbox.hpp"
#include "server/http.hpp"
#include "storage/database.hpp"
#include "storage/field_cipher.hpp"

namespace allmende::identity {

inline constexpr std::string_view kSessionCookie = "allmende_session";

struct AuthOptions {
  std::chrono::minutes session_idle{30};
  std::chrono::minutes session_absolute{12 * 60};
  int max_failures = 10;  // per account and per client address within `failure_window`
  std::chrono::seconds failure_window{60};
  std::string public_url = "http://127.0.0.1:8080";  // base of the links in e-mails
  bool demo_mode = false;                            // demo accounts need no second factor
  // Unauthenticated requests that send e-mail: reset links per account and per client address
  // within an hour (further requests get the same answer and send nothing).
  int resets_per_account_hour = 3;
  int resets_per_address_hour = 20;
  // Seals second-factor secrets at rest (storage/field_cipher.hpp). Null only in unit tests that
  // do not care; the server always passes one.
  const storage::FieldCipher* cipher = nullptr;
  // Runs after a password was found right and before the session is stored: a seam for the test
  // of a log-in racing a password change.
  std::function<void()> after_password_check = {};
  // Runs in the transaction that changed a person's name: the client registry indexes names for
  // the advice desk's search (main.cpp connects it; identity knows nothing of clients).
  std::function<Result<void>(storage::Connection&, const std::string& user_id)> after_name_change = {};
};

struct LoginResult {
  User user;
  Session session;
  std::string secret;  // the cookie value; only its digest is stored
  // Set instead of a session when the account has a second factor: LoginSecondFactor takes it.
  std::string mfa_token = {};
};

struct TotpEnrolment {
  std::string secret;  // base32, shown once
  std::string uri;     // otpauth://…
};

struct NewUser {
  std::string email;
  std::string name;
  std::string language = "fi";
  std::optional<std::string> phone = {};
  std::optional<std::string> password = {};  // none: a set-your-password link is e-mailed
  std::optional<std::string> platform_role = {};
  bool demo_account = false;  // EnsureUser only
};

struct ProfileChange {
  std::optional<std::string> name;
  std::optional<std::string> phone;
  std::optional<std::string> language;
};

class AuthService {
 public:
  // Sets AuthOptions::after_name_change; before the server starts.
  void OnNameChange(std::function<Result<void>(storage::Connection&, const std::string&)> hook) {
    options_.after_name_change = std::move(hook);
  }
  AuthService(storage::Database& db, const notify::Outbox& outbox, const TimeSource& clock, AuthOptions options);

  // Unauthenticated with one message for an unknown address and a wrong password alike (and the
  // same work: a dummy hash is checked); TooManyRequests with retry_after once an account or an
  // address has `max_failures` failures in the window (the account's owner is e-mailed once).
  // A session presented with the log-in (`old_secret`) is revoked: the id always changes.
  Result<LoginResult> Login(const std::string& email, const std::string& password, const std::string& user_agent,
                            const std::string& ip, const std::string& old_secret);

  // Second step of a log-in: the code of the authenticator app or an unused recovery code.
  // InvalidArgument on "code" / "recovery_code" when wrong (counted like wrong passwords);
  // NotFound / Conflict for an unknown, used or expired mfa_token.
  Result<LoginResult> LoginSecondFactor(const std::string& mfa_token, const std::string& code,
                                        const std::string& recovery_code, const std::string& user_agent,
                                        const std::string& ip, const std::string& old_secret);

  Result<MfaStatus> Mfa(const http::Principal& principal);
  // Starts (or restarts) enrolment: a new secret waits for its first code. Conflict when a second
  // factor is already on.
  // Needs the account's password again (InvalidArgument on "password").
  Result<TotpEnrolment> StartTotp(const http::Principal& principal, const std::string& password);
  // The first code turns it on, marks this session as verified and returns ten recovery codes.
  Result<std::vector<std::string>> ConfirmTotp(const http::Principal& principal, const std::string& code);
  Result<void> DisableTotp(const http::Principal& principal, const std::string& code);
  Result<std::vector<std::string>> RenewRecoveryCodes(const http::Principal& principal, const std::string& code);

  // The principal of a request's session cookie, nullopt without a valid one. For a
  // state-changing method the principal's csrf_verified says whether X-CSRF-Token matched.
  Result<std::optional<http::Principal>> Authenticate(const http::Request& request);

  Result<void> Logout(const http::Principal& principal);
  // Revokes every session of the user, the current one included.
  Result<void> LogoutEverywhere(const http::Principal& principal);
  Result<std::vector<Session>> Sessions(const http::Principal& principal);
  // NotFound if the session is not a live one of this user.
  Result<void> RevokeSession(const http::Principal& principal, const std::string& session_id);

  // The signed-in user and the CSRF token of the current session.
  Result<std::pair<User, std::string>> Me(const http::Principal& principal);
  // PreconditionFailed if `if_match` is not the current version.
  Result<User> UpdateProfile(const http::Principal& principal, const ProfileChange& change, std::int64_t if_match);

  // Always Ok, whether or not the address has an account; if it has, a link valid 30 minutes is
  // e-mailed in the user's language.
  // At most resets_per_account_hour links per account and resets_per_address_hour requests per
  // client address `ip` an hour; past that the same answer, and nothing is sent.
  Result<void> RequestPasswordReset(const std::string& email, const std::string& ip);
  // Sets the password and ends every session. NotFound / Conflict for a bad, used or expired
  // link; InvalidArgument (field "password") for a weak password, leaving the link usable.
  Result<void> ResetPassword(const std::string& token, const std::string& password);
  Result<void> VerifyEmail(const std::string& token);

  // Platform admin only. Conflict-free: a taken address is InvalidArgument on "email".
  Result<User> CreateUser(const access::Actor& actor, const NewUser& input);

  // For someone who proves their address with a link (an invitation): checks the fields and the
  // password and hashes it, without touching the database (the hash takes a tenth of a second
  // and must not run inside a transaction). InvalidArgument lists every wrong field.
  Result<User> PrepareVerifiedUser(const std::string& email, const std::string& name, const std::string& password,
                                   const std::string& language);
  // Inside the caller's write transaction: stores a prepared user. InvalidArgument on "email"
  // if the address already has an account.
  Result<void> InsertUser(storage::Connection& c, const User& user);

  // Someone who creates their own account where they need one (the shop's order step): checks
  // the fields and hashes the password outside any transaction, like PrepareVerifiedUser, but the
  // address stays unverified until the e-mailed link is followed. InvalidArgument lists every
  // wrong field.
  Result<User> PrepareNewCustomer(const std::string& email, const std::string& name, const std::string& password,
                                  const std::string& language, const std::optional<std::string>& phone);
  // Counts a sign-up from `ip` and answers TooManyRequests past the log-in failure limit per
  // window: call before PrepareNewCustomer, whose password hash costs a tenth of a second.
  Result<void> CountSignUp(const std::string& ip);
  // One transaction: stores the prepared account (InvalidArgument on "email" when the address has
  // one: sign in instead), e-mails the verification link, runs `also` (what the person came for,
  // e.g. their first order) and opens a session. Nothing is written if `also` fails.
  Result<LoginResult> SignUp(const User& prepared, const std::string& user_agent, const std::string& ip,
                             const storage::Work& also);

  // Inside the caller's write transaction: a person without an account (no password; the advice
  // desk registers clients by phone). `email` empty: none. InvalidArgument on "email" when the
  // address belongs to someone already.
  static Result<User> AddPersonWithoutAccount(storage::Connection& c, const std::string& name, const std::string& email,
                                              const std::optional<std::string>& phone, const std::string& language,
                                              Timestamp now);

  // The account of an e-mail address, if there is one.
  Result<std::optional<User>> FindByEmail(const std::string& email);

  // Creates or updates an account without e-mails (demo data). Idempotent by e-mail.
  Result<User> EnsureUser(const NewUser& input, bool verified);

  // Deletes sessions that ended more than 30 days ago (a daily job).
  Result<void> PurgeEndedSessions(storage::Connection& c, Timestamp now);
  // Deletes log-in failures older than the window (an hourly job).
  Result<void> PurgeFailures(storage::Connection& c, Timestamp now);

 private:
  Result<User> RequireUser(storage::Connection& c, const std::string& id);
  // A session for `user` with a new secret and CSRF token, not stored yet.
  LoginResult NewSession(const User& user, const std::string& user_agent, const std::string& ip, Timestamp now,
                         bool mfa_verified) const;
  // A new session for `user` (revoking the one presented with the log-in), stored together with
  // whatever `also` writes.
  Result<LoginResult> OpenSession(const User& user, const std::string& user_agent, const std::string& ip,
                                  const std::string& old_secret, Timestamp now, bool mfa_verified,
                                  const storage::Work& also);
  // Checks a TOTP code of the active (or, with `pending`, the waiting) secret and uses its step.
  Result<bool> UseTotpCode(storage::Connection& c, const std::string& user_id, const std::string& code, Timestamp now,
                           bool pending);
  Result<std::vector<std::string>> StoreRecoveryCodes(storage::Connection& c, const std::string& user_id);
  // Per minute and per day limits on wrong second-factor codes (and re-entered passwords).
  Result<void> CodeAttemptAllowed(storage::Connection& c, const std::string& user_id, Timestamp now);
  Result<void> RecordWrongCode(storage::Connection& c, const std::string& user_id, Timestamp now);
  Result<void> Notify(storage::Connection& c, const std::string& user_id, EmailKind kind, Timestamp now);
  Result<void> Throttled(storage::Connection& c, const std::vector<std::string>& keys, Timestamp now);
  Result<void> SendLink(storage::Connection& c, const User& user, int kind, std::string_view purpose,
                        std::chrono::minutes valid, std::string_view path, Timestamp now);

  storage::Database& db_;
  const notify::Outbox& outbox_;
  const TimeSource& clock_;
  AuthOptions options_;
};

// "Aino@Example.FI " → "aino@example.fi"; empty if it does not look like an address.
std::string NormalizeEmail(std::string_view email);

// The value of one cookie in a Cookie header, or empty.
std::string CookieValue(std::string_view header, std::string_view name);

}  // namespace allmende::identity
