#include "tenancy/delegation_types.hpp"

#include <boost/json.hpp>

namespace allmende::tenancy {
namespace {

boost::json::value Opt(const std::optional<std::string>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

}  // namespace

std::string DelegationJson(const Delegation& d, const std::string& now) {
  boost::json::object o;
  o["id"] = d.id;
  o["client_id"] = d.client_id;
  o["client_name"] = d.client_name;
  o["delegate_id"] = d.delegate_id;
  o["delegate_name"] = d.delegate_name;
  o["scope"] = d.scope;
  o["valid_from"] = d.valid_from;
  o["valid_until"] = Opt(d.valid_until);
  o["revoked_at"] = Opt(d.revoked_at);
  o["active"] = !d.revoked_at && d.valid_from <= now && (!d.valid_until || *d.valid_until > now);
  return boost::json::serialize(o);
}

std::string DelegationInvitationJson(const DelegationInvitation& i, const std::string& now) {
  boost::json::object o;
  o["id"] = i.id;
  o["delegate_email"] = i.email;
  o["scope"] = i.scope;
  o["valid_until"] = Opt(i.valid_until);
  o["status"] = i.status == "pending" && i.expires_at <= now ? "expired" : i.status;
  o["created_at"] = i.created_at;
  o["expires_at"] = i.expires_at;
  return boost::json::serialize(o);
}

}  // namespace allmende::tenancy
