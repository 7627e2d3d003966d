#include "identity/identity_handlers.hpp"

#include <charconv>

#include "common/json.hpp"

namespace allmende::identity {

std::string SessionSetCookie(const CookieOptions& o, const std::string& value, int max_age) {
  return std::string(kSessionCookie) + "=" + value +
         "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age) + (o.secure ? "; Secure" : "");
}

namespace {

std::string SetCookie(const CookieOptions& o, const std::string& value, int max_age) {
  return SessionSetCookie(o, value, max_age);
}

Result<http::Principal> SignedIn(const http::Request& r) {
  if (!r.principal) return Error::Unauthenticated("Sign in first.");
  return *r.principal;
}

http::Response UserResponse(int status, const User& user, const std::string& csrf = "",
                            const std::optional<MfaStatus>& mfa = std::nullopt) {
  return http::JsonText(status, UserJson(user, csrf, mfa))
      .WithHeader("ETag", "\"" + std::to_string(user.version) + "\"");
}

// A finished log-in sets the cookie; one that waits for the second factor answers with its token.
http::Response LoginResponse(const LoginResult& login, const CookieOptions& cookies) {
  if (!login.mfa_token.empty()) {
    return http::JsonText(200, R"({"mfa_required":true,"mfa_token":")" + login.mfa_token + "\"}");
  }
  return UserResponse(200, login.user, login.session.csrf_token)
      .WithHeader("Set-Cookie", SetCookie(cookies, login.secret, cookies.max_age_seconds));
}

}  // namespace

void AddIdentityRoutes(http::Router& router, AuthService& auth, CookieOptions cookies) {
  using http::Access;
  const http::RouteOptions json_public{
      .access = Access::kPublic, .body_limit = 16 * 1024, .json_body = true, .csrf_exempt = true};
  // A log-in's answer carries a new session secret: no table may keep it for a replay.
  const http::RouteOptions log_in{.access = Access::kPublic,
                                  .idempotency_exempt = "the answer carries a new session secret",
                                  .body_limit = 16 * 1024,
                                  .json_body = true,
                                  .csrf_exempt = true};
  // Links from e-mails are single-use: a retry is refused by the link itself. Storing an answer
  // would mean holding the request transaction (and SQLite's writer) through the password hash.
  const http::RouteOptions link{.access = Access::kPublic,
                                .idempotency_exempt = "a single-use link refuses its own retry",
                                .body_limit = 16 * 1024,
                                .json_body = true,
                                .csrf_exempt = true};
  const http::RouteOptions signed_in{.access = Access::kSignedIn};
  const http::RouteOptions json_signed_in{.access = Access::kSignedIn, .body_limit = 16 * 1024, .json_body = true};

  router.Add(
      "POST", "/api/v1/auth/login",
      [&auth, cookies](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
        JsonFields f(doc);
        std::string email, password;
        f.Required("email", &email, MaxLength(254));
        f.Required("password", &password, MaxLength(1024));
        ALLMENDE_TRY(f.Finish());
        ALLMENDE_ASSIGN_OR_RETURN(LoginResult login,
                                  auth.Login(email, password, std::string(r.Header("user-agent")), r.remote_address,
                                             CookieValue(r.Header("cookie"), kSessionCookie)));
        return LoginResponse(login, cookies);
      },
      log_in);

  router.Add(
      "POST", "/api/v1/auth/login/mfa",
      [&auth, cookies](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
        JsonFields f(doc);
        std::string token;
        std::optional<std::string> code, recovery;
        f.Required("mfa_token", &token, MaxLength(100));
        f.Optional("code", &code, MaxLength(10));
        f.Optional("recovery_code", &recovery, MaxLength(40));
        ALLMENDE_TRY(f.Finish());
        ALLMENDE_ASSIGN_OR_RETURN(
            LoginResult login,
            auth.LoginSecondFactor(token, code.value_or(""), recovery.value_or(""), std::string(r.Header("user-agent")),
                                   r.remote_address, CookieValue(r.Header("cookie"), kSessionCookie)));
        return LoginResponse(login, cookies);
      },
      log_in);

  router.Add(
      "POST", "/api/v1/auth/logout",
      [&auth, cookies](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto p, SignedIn(r));
        ALLMENDE_TRY(auth.Logout(p));
        return http::NoContent().WithHeader("Set-Cookie", SetCookie(cookies, "", 0));
      },
      signed_in);

  router.Add(
      "POST", "/api/v1/auth/logout-everywhere",
      [&auth, cookies](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto p, SignedIn(r));
        ALLMENDE_TRY(auth.LogoutEverywhere(p));
        return http::NoContent().WithHeader("Set-Cookie", SetCookie(cookies, "", 0));
      },
      signed_in);

  router.Add(
      "POST", "/api/v1/auth/password-reset",
      [&auth](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
        JsonFields f(doc);
        std::string email;
        f.Required("email", &email, MaxLength(254));
        ALLMENDE_TRY(f.Finish());
        ALLMENDE_TRY(auth.RequestPasswordReset(email, r.remote_address));
        return http::JsonText(202, R"({"status":"If the address has an account, a link is on its way."})");
      },
      json_public);

  router.Add(
      "POST", "/api/v1/auth/password-reset/confirm",
      [&auth](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
        JsonFields f(doc);
        std::string token, password;
        f.Required("token", &token, MaxLength(100));
        f.Required("password", &password, MaxLength(1024));
        ALLMENDE_TRY(f.Finish());
        ALLMENDE_TRY(auth.ResetPassword(token, password));
        return http::NoContent();
      },
      link);

  router.Add(
      "POST", "/api/v1/auth/verify-email",
      [&auth](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
        JsonFields f(doc);
        std::string token;
        f.Required("token", &token, MaxLength(100));
        ALLMENDE_TRY(f.Finish());
        ALLMENDE_TRY(auth.VerifyEmail(token));
        return http::NoContent();
      },
      link);

  router.Add(
      "GET", "/api/v1/me",
      [&auth](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto p, SignedIn(r));
        ALLMENDE_ASSIGN_OR_RETURN(auto me, auth.Me(p));
        ALLMENDE_ASSIGN_OR_RETURN(MfaStatus mfa, auth.Mfa(p));
        return UserResponse(200, me.first, me.second, mfa);
      },
      signed_in);

  router.Add(
      "PATCH", "/api/v1/me",
      [&auth](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto p, SignedIn(r));
        ALLMENDE_ASSIGN_OR_RETURN(std::int64_t version, http::IfMatchVersion(r));
        ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
        JsonFields f(doc);
        ProfileChange change;
        f.Optional("name", &change.name);
        f.Optional("phone", &change.phone);
        f.Optional("language", &change.language);
        ALLMENDE_TRY(f.Finish());
        ALLMENDE_ASSIGN_OR_RETURN(User user, auth.UpdateProfile(p, change, version));
        return UserResponse(200, user);
      },
      json_signed_in);

  router.Add(
      "GET", "/api/v1/me/sessions",
      [&auth](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto p, SignedIn(r));
        ALLMENDE_ASSIGN_OR_RETURN(auto sessions, auth.Sessions(p));
        std::string body = "{\"items\":[";
        for (std::size_t i = 0; i < sessions.size(); ++i) {
          if (i) body += ",";
          body += SessionJson(sessions[i], sessions[i].id == p.session_id);
        }
        body += "]}";
        return http::JsonText(200, std::move(body));
      },
      signed_in);

  router.Add(
      "DELETE", "/api/v1/me/sessions/{id}",
      [&auth](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto p, SignedIn(r));
        ALLMENDE_TRY(auth.RevokeSession(p, std::string(r.Param("id"))));
        return http::NoContent();
      },
      signed_in);

  router.Add("POST", "/api/v1/users",
             [&auth](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
               JsonFields f(doc);
               NewUser in;
               f.Required("email", &in.email, MaxLength(254));
               f.Required("name", &in.name);
               std::optional<std::string> language;
               f.Optional("language", &language);
               f.Optional("phone", &in.phone);
               f.Optional("password", &in.password, MaxLength(1024));
               f.Optional("platform_role", &in.platform_role);
               ALLMENDE_TRY(f.Finish());
               if (language) in.language = *language;
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(User user, auth.CreateUser(actor, in));
               return UserResponse(201, user);
             },
             {.access = Access::kPolicy, .action = "user.create", .body_limit = 16 * 1024, .json_body = true});
}

}  // namespace allmende::identity
