#include "identity/identity_handlers.hpp"

#include <charconv>

#include "common/json.hpp"

namespace allmende::identity {
namespace {

std::string SetCookie(const CookieOptions& o, const std::string& value, int max_age) {
  return std::string(kSessionCookie) + "=" + value +
         "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age) + (o.secure ? "; Secure" : "");
}

Result<http::Principal> SignedIn(const http::Request& r) {
  if (!r.principal) return Error::Unauthenticated("Sign in first.");
  return *r.principal;
}

http::Response UserResponse(int status, const User& user, const std::string& csrf = "") {
  return http::JsonText(status, UserJson(user, csrf)).WithHeader("ETag", "\"" + std::to_string(user.version) + "\"");
}

}  // namespace

void AddIdentityRoutes(http::Router& router, AuthService& auth, CookieOptions cookies) {
  const http::RouteOptions json_public{.body_limit = 16 * 1024, .json_body = true, .csrf_exempt = true};
  const http::RouteOptions json{.body_limit = 16 * 1024, .json_body = true};

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
        return UserResponse(200, login.user, login.session.csrf_token)
            .WithHeader("Set-Cookie", SetCookie(cookies, login.secret, cookies.max_age_seconds));
      },
      json_public);

  router.Add("POST", "/api/v1/auth/logout", [&auth, cookies](const http::Request& r) -> Result<http::Response> {
    ALLMENDE_ASSIGN_OR_RETURN(auto p, SignedIn(r));
    ALLMENDE_TRY(auth.Logout(p));
    return http::NoContent().WithHeader("Set-Cookie", SetCookie(cookies, "", 0));
  });

  router.Add("POST", "/api/v1/auth/logout-everywhere",
             [&auth, cookies](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto p, SignedIn(r));
               ALLMENDE_TRY(auth.LogoutEverywhere(p));
               return http::NoContent().WithHeader("Set-Cookie", SetCookie(cookies, "", 0));
             });

  router.Add(
      "POST", "/api/v1/auth/password-reset",
      [&auth](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
        JsonFields f(doc);
        std::string email;
        f.Required("email", &email, MaxLength(254));
        ALLMENDE_TRY(f.Finish());
        ALLMENDE_TRY(auth.RequestPasswordReset(email));
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
      json_public);

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
      json_public);

  router.Add("GET", "/api/v1/me", [&auth](const http::Request& r) -> Result<http::Response> {
    ALLMENDE_ASSIGN_OR_RETURN(auto p, SignedIn(r));
    ALLMENDE_ASSIGN_OR_RETURN(auto me, auth.Me(p));
    return UserResponse(200, me.first, me.second);
  });

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
      json);

  router.Add("GET", "/api/v1/me/sessions", [&auth](const http::Request& r) -> Result<http::Response> {
    ALLMENDE_ASSIGN_OR_RETURN(auto p, SignedIn(r));
    ALLMENDE_ASSIGN_OR_RETURN(auto sessions, auth.Sessions(p));
    std::string body = "{\"items\":[";
    for (std::size_t i = 0; i < sessions.size(); ++i) {
      if (i) body += ",";
      body += SessionJson(sessions[i], sessions[i].id == p.session_id);
    }
    body += "]}";
    return http::JsonText(200, std::move(body));
  });

  router.Add("DELETE", "/api/v1/me/sessions/{id}", [&auth](const http::Request& r) -> Result<http::Response> {
    ALLMENDE_ASSIGN_OR_RETURN(auto p, SignedIn(r));
    ALLMENDE_TRY(auth.RevokeSession(p, std::string(r.Param("id"))));
    return http::NoContent();
  });

  router.Add(
      "POST", "/api/v1/users",
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
        ALLMENDE_ASSIGN_OR_RETURN(User user, auth.CreateUser(r.principal, in));
        return UserResponse(201, user);
      },
      json);
}

}  // namespace allmende::identity
