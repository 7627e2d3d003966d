#include <boost/json.hpp>

#include "common/json.hpp"
#include "identity/identity_handlers.hpp"

namespace allmende::identity {
namespace {

Result<http::Principal> Person(const http::Request& r) {
  if (!r.principal) return Error::Unauthenticated("Sign in first.");
  if (r.principal->session_id.empty()) return Error::PermissionDenied("A second factor belongs to a person's log-in.");
  return *r.principal;
}

Result<std::string> CodeOf(const http::Request& r) {
  ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
  JsonFields f(doc);
  std::string code;
  f.Required("code", &code, MaxLength(10));
  ALLMENDE_TRY(f.Finish());
  return code;
}

http::Response Codes(const std::vector<std::string>& codes) {
  boost::json::array a;
  for (const auto& c : codes) a.emplace_back(c);
  return http::JsonText(200, boost::json::serialize(boost::json::object{{"recovery_codes", a}}));
}

}  // namespace

void AddMfaRoutes(http::Router& router, AuthService& auth) {
  const http::RouteOptions json{.access = http::Access::kSignedIn, .body_limit = 4 * 1024, .json_body = true};
  // Answers that carry a second-factor secret or recovery codes: no table may keep them.
  const http::RouteOptions secret{.access = http::Access::kSignedIn,
                                  .idempotency_exempt = "the answer carries a second-factor secret",
                                  .body_limit = 4 * 1024,
                                  .json_body = true};
  router.Add(
      "POST", "/api/v1/me/mfa/totp",
      [&auth](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto p, Person(r));
        ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
        JsonFields f(doc);
        std::string password;
        f.Required("password", &password, MaxLength(1024));
        ALLMENDE_TRY(f.Finish());
        ALLMENDE_ASSIGN_OR_RETURN(TotpEnrolment e, auth.StartTotp(p, password));
        return http::JsonText(
            201, boost::json::serialize(boost::json::object{{"secret", e.secret}, {"otpauth_uri", e.uri}}));
      },
      secret);
  router.Add(
      "POST", "/api/v1/me/mfa/totp/confirm",
      [&auth](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto p, Person(r));
        ALLMENDE_ASSIGN_OR_RETURN(std::string code, CodeOf(r));
        ALLMENDE_ASSIGN_OR_RETURN(auto codes, auth.ConfirmTotp(p, code));
        return Codes(codes);
      },
      secret);
  router.Add(
      "POST", "/api/v1/me/mfa/disable",
      [&auth](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto p, Person(r));
        ALLMENDE_ASSIGN_OR_RETURN(std::string code, CodeOf(r));
        ALLMENDE_TRY(auth.DisableTotp(p, code));
        return http::NoContent();
      },
      json);
  router.Add(
      "POST", "/api/v1/me/mfa/recovery-codes",
      [&auth](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto p, Person(r));
        ALLMENDE_ASSIGN_OR_RETURN(std::string code, CodeOf(r));
        ALLMENDE_ASSIGN_OR_RETURN(auto codes, auth.RenewRecoveryCodes(p, code));
        return Codes(codes);
      },
      secret);
}

}  // namespace allmende::identity
