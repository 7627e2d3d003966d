#include "identity/identity_types.hpp"

#include <boost/json.hpp>

namespace allmende::identity {

std::string UserJson(const User& u, const std::string& csrf_token, const std::optional<MfaStatus>& mfa) {
  boost::json::object o;
  o["id"] = u.id;
  o["email"] = u.email;
  o["name"] = u.name;
  o["phone"] = u.phone ? boost::json::value(*u.phone) : boost::json::value(nullptr);
  o["language"] = u.language;
  o["platform_role"] = u.platform_role ? boost::json::value(*u.platform_role) : boost::json::value(nullptr);
  o["email_verified"] = u.email_verified_at.has_value();
  o["created_at"] = u.created_at;
  o["version"] = u.version;
  if (!csrf_token.empty()) o["csrf_token"] = csrf_token;
  if (mfa) {
    o["mfa"] = {
        {"enabled", mfa->enabled}, {"required", mfa->required}, {"recovery_codes_left", mfa->recovery_codes_left}};
  }
  return boost::json::serialize(o);
}

std::string SessionJson(const Session& s, bool current) {
  boost::json::object o;
  o["id"] = s.id;
  o["created_at"] = s.created_at;
  o["last_seen_at"] = s.last_seen_at;
  o["expires_at"] = std::min(s.idle_expires_at, s.absolute_expires_at);
  o["user_agent"] = s.user_agent;
  o["ip"] = s.ip;
  o["current"] = current;
  return boost::json::serialize(o);
}

}  // namespace allmende::identity
