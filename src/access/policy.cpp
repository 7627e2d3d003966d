#include "access/policy.hpp"

#include <algorithm>

#include "access/access_store.hpp"
#include "access/policy_rules.hpp"

namespace allmende::access {
namespace {

using internal::Effect;
using internal::Grant;
using internal::Rule;
using internal::Rules;
using internal::Where;
using internal::Who;

const Rule& RuleFor(Action action) {
  for (const auto& r : Rules()) {
    if (r.action == action) return r;
  }
  static const Rule none{action, "unknown", {}};
  return none;
}

bool Contains(const std::vector<std::string_view>& names, std::string_view value) {
  return std::find(names.begin(), names.end(), value) != names.end();
}

// The facts a decision may need, loaded once and only when a grant asks for them.
class Facts {
 public:
  Facts(storage::Connection& c, const http::Principal& p, const Target& t, Timestamp now)
      : c_(c), p_(p), t_(t), now_(FormatRfc3339(now)) {}

  Result<const std::vector<PolicyStore::Membership>*> Memberships() {
    if (!memberships_) {
      ALLMENDE_ASSIGN_OR_RETURN(auto loaded, PolicyStore::LiveMemberships(c_, p_.id));
      memberships_ = std::move(loaded);
    }
    return &*memberships_;
  }
  Result<std::string> ClientRegion() {
    if (!client_region_) {
      client_region_.emplace();
      if (!t_.client_id.empty()) {
        ALLMENDE_ASSIGN_OR_RETURN(*client_region_, PolicyStore::ClientRegion(c_, t_.client_id));
      }
    }
    return *client_region_;
  }
  // The organizations with `relation` to the client now.
  Result<std::vector<std::string>> Related(std::string_view relation) {
    if (!relations_) {
      relations_.emplace();
      if (!t_.client_id.empty()) {
        ALLMENDE_ASSIGN_OR_RETURN(*relations_, PolicyStore::CurrentRelations(c_, t_.client_id, now_));
      }
    }
    std::vector<std::string> out;
    for (const auto& r : *relations_) {
      if (r.relation == relation) out.push_back(r.organization_id);
    }
    return out;
  }
  Result<std::vector<std::string>> DelegationScopes() {
    if (t_.client_id.empty()) return std::vector<std::string>();
    return PolicyStore::DelegationScopes(c_, t_.client_id, p_.id, now_);
  }
  Result<std::string> OrganizationRegion(const std::string& org) { return PolicyStore::OrganizationRegion(c_, org); }

  // Does organization `org` (of region `region`) lie where the grant says?
  Result<bool> InPlace(Where where, const std::string& org, const std::string& region) {
    switch (where) {
      case Where::kAnywhere:
        return true;
      case Where::kTargetOrganization:
        return !t_.organization_id.empty() && org == t_.organization_id;
      case Where::kTargetRegion:
        return !t_.region_id.empty() && region == t_.region_id;
      case Where::kClientRegion: {
        ALLMENDE_ASSIGN_OR_RETURN(auto r, ClientRegion());
        return !r.empty() && region == r;
      }
      case Where::kClientProvider:
      case Where::kClientPurchaser: {
        ALLMENDE_ASSIGN_OR_RETURN(auto orgs, Related(where == Where::kClientProvider ? "provider" : "purchaser"));
        return std::find(orgs.begin(), orgs.end(), org) != orgs.end();
      }
    }
    return false;
  }

 private:
  storage::Connection& c_;
  const http::Principal& p_;
  const Target& t_;
  std::string now_;
  std::optional<std::vector<PolicyStore::Membership>> memberships_;
  std::optional<std::string> client_region_;
  std::optional<std::vector<PolicyStore::Relation>> relations_;
};

thread_local AuthorizationProbe* current_probe = nullptr;

}  // namespace

AuthorizationProbe::AuthorizationProbe() : outer_(current_probe) { current_probe = this; }
AuthorizationProbe::~AuthorizationProbe() { current_probe = outer_; }
bool AuthorizationProbe::Allowed(Action action) const {
  return std::find(allowed_.begin(), allowed_.end(), action) != allowed_.end();
}

Result<std::string> ClientRegion(storage::Connection& c, const std::string& client_id) {
  return PolicyStore::ClientRegion(c, client_id);
}

Result<std::vector<std::string>> AudienceKeys(storage::Connection& c, const std::string& user_id) {
  std::vector<std::string> keys{"user:" + user_id};
  ALLMENDE_ASSIGN_OR_RETURN(auto memberships, PolicyStore::LiveMemberships(c, user_id));
  for (const auto& m : memberships) {
    for (std::string key : {"org:" + m.organization_id, "role:" + m.role + "@" + m.region_id,
                            "role:" + m.role + "@" + m.organization_id}) {
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
    }
  }
  return keys;
}

std::optional<Action> ActionNamed(std::string_view name) {
  for (const auto& r : Rules()) {
    if (r.name == name) return r.action;
  }
  return std::nullopt;
}

namespace {

Decision Allowed(Action action, const http::Principal& p, const Grant& g, std::string role, std::string org) {
  if (current_probe) current_probe->Record(action);
  return Decision{p.id, std::move(role), std::move(org), std::string(g.relation), std::string(g.purpose)};
}

}  // namespace

std::string_view ActionName(Action action) { return RuleFor(action).name; }

const std::vector<Action>& AllActions() {
  static const std::vector<Action> all = [] {
    std::vector<Action> v;
    for (const auto& r : Rules()) v.push_back(r.action);
    return v;
  }();
  return all;
}

bool IsStaffRole(std::string_view role) {
  static const std::vector<std::string_view> staff{"advisor", "coordinator", "purchaser_officer", "provider_admin",
                                                   "auditor", "org_admin",   "platform_admin"};
  return Contains(staff, role);
}

namespace {

Result<Decision> Decide(storage::Connection& c, const std::optional<http::Principal>& principal, Action action,
                        const Target& target, Timestamp now);

}  // namespace

const Decision* AuthorizationProbe::Cached(const std::string& key) const {
  for (const auto& [k, d] : cached_) {
    if (k == key) return &d;
  }
  return nullptr;
}

namespace {

Result<Decision> DecideOnce(storage::Connection& c, const std::optional<http::Principal>& principal, Action action,
                            const Target& target, Timestamp now) {
  if (!current_probe || !principal) return Decide(c, principal, action, target, now);
  const std::string key = std::to_string(static_cast<int>(action)) + "|" + principal->id + "|" + target.region_id +
                          "|" + target.organization_id + "|" + target.client_id;
  if (const Decision* d = current_probe->Cached(key)) {
    current_probe->Record(action);
    return *d;
  }
  ALLMENDE_ASSIGN_OR_RETURN(Decision d, Decide(c, principal, action, target, now));
  current_probe->Remember(key, d);
  return d;
}

}  // namespace

Result<Decision> Authorize(storage::Connection& c, const std::optional<http::Principal>& principal, Action action,
                           const Target& target, Timestamp now) {
  ALLMENDE_ASSIGN_OR_RETURN(Decision d, DecideOnce(c, principal, action, target, now));
  // Only someone allowed learns that the record was merged.
  if (!target.client_id.empty() && RuleFor(action).effect == Effect::kChangesClient) {
    ALLMENDE_ASSIGN_OR_RETURN(auto kept, PolicyStore::MergedInto(c, target.client_id));
    if (kept) {
      // The record's own answer (GET, merged_into) names the kept one to those who may read it.
      return Error::IllegalTransition(
          "This record was merged into another one: open the record it was merged into and make the change there.",
          "merged");
    }
  }
  return d;
}

namespace {

Result<Decision> Decide(storage::Connection& c, const std::optional<http::Principal>& principal, Action action,
                        const Target& target, Timestamp now) {
  if (!principal) return Error::Unauthenticated("Sign in first.");
  const http::Principal& p = *principal;
  const bool token = p.role == "api_token";
  const bool second_factor = p.mfa_verified || p.mfa_exempt;
  bool blocked_by_mfa = false;
  Facts facts(c, p, target, now);
  for (const Grant& g : RuleFor(action).grants) {
    switch (g.who) {
      case Who::kAnySignedIn:
        if (token) break;  // a token has only its scopes
        return Allowed(action, p, g, p.role == "platform_admin" ? "platform_admin" : "user", "");
      case Who::kPlatformAdmin:
        if (p.role != "platform_admin") break;
        if (!second_factor) {
          blocked_by_mfa = true;
          break;
        }
        return Allowed(action, p, g, "platform_admin", "");
      case Who::kSelf:
        if (!token && !target.client_id.empty() && p.id == target.client_id) return Allowed(action, p, g, "client", "");
        break;
      case Who::kClient: {
        if (token || target.client_id.empty() || p.id != target.client_id) break;
        ALLMENDE_ASSIGN_OR_RETURN(auto region, facts.ClientRegion());
        if (!region.empty()) return Allowed(action, p, g, "client", "");
        break;
      }
      case Who::kDelegate: {
        if (token || target.client_id.empty() || p.id == target.client_id) break;
        ALLMENDE_ASSIGN_OR_RETURN(auto scopes, facts.DelegationScopes());
        for (const auto& s : scopes) {
          if (Contains(g.names, s)) return Allowed(action, p, g, "delegate", "");
        }
        break;
      }
      case Who::kMember: {
        if (token) break;
        ALLMENDE_ASSIGN_OR_RETURN(auto memberships, facts.Memberships());
        for (const auto& m : *memberships) {
          if (!Contains(g.names, m.role)) continue;
          ALLMENDE_ASSIGN_OR_RETURN(bool here, facts.InPlace(g.where, m.organization_id, m.region_id));
          if (!here) continue;
          if (IsStaffRole(m.role) && !second_factor) {
            blocked_by_mfa = true;
            continue;
          }
          return Allowed(action, p, g, m.role, m.organization_id);
        }
        break;
      }
      case Who::kToken: {
        if (!token) break;
        bool scoped =
            std::any_of(p.scopes.begin(), p.scopes.end(), [&](const std::string& s) { return Contains(g.names, s); });
        if (!scoped) break;
        ALLMENDE_ASSIGN_OR_RETURN(auto region, facts.OrganizationRegion(p.organization_id));
        ALLMENDE_ASSIGN_OR_RETURN(bool here, facts.InPlace(g.where, p.organization_id, region));
        if (here) return Allowed(action, p, g, "api_token", p.organization_id);
        break;
      }
    }
  }
  if (!blocked_by_mfa && !token && !second_factor) {
    // Say the same to staff without a second factor whatever the target, so the answer does not
    // tell which clients they would reach.
    if (p.role == "platform_admin") blocked_by_mfa = true;
    ALLMENDE_ASSIGN_OR_RETURN(auto memberships, facts.Memberships());
    for (const auto& m : *memberships) blocked_by_mfa |= IsStaffRole(m.role);
  }
  if (blocked_by_mfa) {
    return Error::MfaRequired("This needs a second factor: set up an authenticator app in your profile first.");
  }
  return Error::PermissionDenied("You may not do this.");
}

}  // namespace

}  // namespace allmende::access
