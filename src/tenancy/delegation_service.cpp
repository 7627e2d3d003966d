#include "tenancy/delegation_service.hpp"

#include <boost/json.hpp>

#include "access/access_log.hpp"
#include "common/ids.hpp"

namespace allmende::tenancy {
namespace {

constexpr std::string_view kInsert =
    "INSERT INTO delegations (id, client_id, delegate_id, scope, valid_from, valid_until, granted_by, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
constexpr std::string_view kMine =
    "SELECT d.id, d.client_id, c.name, d.delegate_id, g.name, d.scope, d.valid_from, d.valid_until, d.granted_by, "
    "d.created_at, d.revoked_at FROM delegations d JOIN users c ON c.id = d.client_id "
    "JOIN users g ON g.id = d.delegate_id WHERE d.client_id = $1 OR d.delegate_id = $1 "
    "ORDER BY d.created_at DESC, d.id DESC LIMIT 200";
constexpr std::string_view kById =
    "SELECT d.id, d.client_id, c.name, d.delegate_id, g.name, d.scope, d.valid_from, d.valid_until, d.granted_by, "
    "d.created_at, d.revoked_at FROM delegations d JOIN users c ON c.id = d.client_id "
    "JOIN users g ON g.id = d.delegate_id WHERE d.id = $1";
constexpr std::string_view kRevoke =
    "UPDATE delegations SET revoked_at = $2, revoked_by = $3 WHERE id = $1 AND revoked_at IS NULL";
constexpr std::string_view kActive =
    "SELECT count(*) FROM delegations WHERE delegate_id = $1 AND client_id = $2 AND (scope = $3 OR scope = 'all') "
    "AND revoked_at IS NULL AND valid_from <= $4 AND (valid_until IS NULL OR valid_until > $4)";
constexpr std::string_view kWorksInRegion =
    "SELECT count(*) FROM memberships WHERE user_id = $1 AND region_id = $2 AND revoked_at IS NULL";
constexpr std::string_view kScopes[] = {"all", "services", "access_log"};

// The chain a client's access-log entries go to: their region, if they are a client of one.
Result<std::string> ClientRegion(storage::Connection& c, const std::string& client_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT region_id FROM clients WHERE user_id = $1", {client_id}));
  return row ? row->Text(0) : std::string();
}

Delegation From(const storage::Row& r) {
  return {r.Text(0), r.Text(1),    r.Text(2), r.Text(3), r.Text(4),    r.Text(5),
          r.Text(6), r.OptText(7), r.Text(8), r.Text(9), r.OptText(10)};
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
  o["valid_until"] = d.valid_until ? boost::json::value(*d.valid_until) : boost::json::value(nullptr);
  o["revoked_at"] = d.revoked_at ? boost::json::value(*d.revoked_at) : boost::json::value(nullptr);
  o["active"] = !d.revoked_at && d.valid_from <= now && (!d.valid_until || *d.valid_until > now);
  return boost::json::serialize(o);
}

DelegationService::DelegationService(storage::Database& db, identity::AuthService& auth, const TimeSource& clock)
    : db_(db), auth_(auth), clock_(clock) {}

Result<Delegation> DelegationService::Grant(const access::Actor& a, const std::string& client_id,
                                            const NewDelegation& in) {
  Timestamp now = clock_.Now();
  // Decide first: someone who may not grant learns nothing about which addresses have accounts.
  ALLMENDE_TRY(db_.Read([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_ASSIGN_OR_RETURN(std::string region, ClientRegion(c, client_id));
    ALLMENDE_TRY(access::Authorize(c, a.principal, access::Action::kDelegationGrant,
                                   {.region_id = region, .client_id = client_id}, now));
    return Ok();
  }));
  // On the client's behalf an advisor may only let someone order and follow services: the client
  // alone lets someone read their record's history or act in everything.
  const bool for_someone_else = client_id != a.principal->id;
  std::vector<FieldError> errors;
  bool scope_ok = false;
  for (auto s : kScopes) scope_ok |= s == in.scope;
  if (!scope_ok) {
    errors.push_back({"scope", "must be one of: all, services, access_log"});
  } else if (for_someone_else && in.scope != "services") {
    errors.push_back({"scope", "must be services when granted on the client's behalf; the client grants the others"});
  }
  std::optional<std::string> until;
  if (in.valid_until) {
    auto t = ParseRfc3339(*in.valid_until);
    if (!t) {
      errors.push_back({"valid_until", "must be an RFC 3339 date-time"});
    } else if (*t <= now) {
      errors.push_back({"valid_until", "must be in the future"});
    } else {
      until = FormatRfc3339(*t);
    }
  }
  ALLMENDE_ASSIGN_OR_RETURN(auto delegate, auth_.FindByEmail(in.delegate_email));
  if (!delegate) {
    errors.push_back({"delegate_email", "has no account; ask them to get one first"});
  } else if (delegate->id == client_id) {
    errors.push_back(
        {"delegate_email", client_id == a.principal->id ? "is your own address" : "is the client's own address"});
  } else if (for_someone_else) {
    // Not to oneself, nor to anyone who works in an organization of the client's region: a
    // delegation must not become a way around the policy or the second factor.
    ALLMENDE_ASSIGN_OR_RETURN(bool staff, db_.ReadValue<bool>([&](storage::Connection& c) -> Result<bool> {
      ALLMENDE_ASSIGN_OR_RETURN(std::string region, ClientRegion(c, client_id));
      ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kWorksInRegion, {delegate->id, region}));
      return row->Int(0) > 0;
    }));
    if (delegate->id == a.principal->id || staff) {
      errors.push_back({"delegate_email",
                        "works in an organization of the client's region; only the client can "
                        "choose such a delegate"});
    }
  }
  if (!errors.empty()) return Error::Invalid(std::move(errors));
  std::string now_text = FormatRfc3339(now);
  std::string id = NewId("dlg");
  return db_.WriteValue<Delegation>([&](storage::Connection& c) -> Result<Delegation> {
    ALLMENDE_ASSIGN_OR_RETURN(std::string region, ClientRegion(c, client_id));
    ALLMENDE_TRY(access::AuthorizeAndRecord(c, a, access::Action::kDelegationGrant,
                                            {.region_id = region, .client_id = client_id},
                                            {.action = "delegation.grant",
                                             .subject_type = "delegation",
                                             .subject_id = id,
                                             .client_id = client_id,
                                             .region_id = region},
                                            now));
    storage::Value until_value = until ? storage::Value(*until) : storage::Value(nullptr);
    ALLMENDE_TRY(
        c.Execute(kInsert, {id, client_id, delegate->id, in.scope, now_text, until_value, a.principal->id, now_text}));
    ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kById, {id}));
    return From(*row);
  });
}

Result<std::vector<Delegation>> DelegationService::Mine(const std::optional<http::Principal>& p) {
  if (!p) return Error::Unauthenticated("Sign in first.");
  return db_.ReadValue<std::vector<Delegation>>([&](storage::Connection& c) -> Result<std::vector<Delegation>> {
    ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(kMine, {p->id}));
    std::vector<Delegation> out;
    for (const auto& r : rows) out.push_back(From(r));
    return out;
  });
}

Result<void> DelegationService::Revoke(const access::Actor& a, const std::string& id) {
  if (!a.principal) return Error::Unauthenticated("Sign in first.");
  const http::Principal* p = &*a.principal;
  Timestamp now_time = clock_.Now();
  std::string now = FormatRfc3339(now_time);
  return db_.Write([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kById, {id}));
    if (!row) return Error::NotFound("There is no delegation " + id + ".");
    Delegation d = From(*row);
    if (d.client_id != p->id && d.delegate_id != p->id) return Error::NotFound("There is no delegation " + id + ".");
    if (d.revoked_at || (d.valid_until && *d.valid_until <= now)) {
      return Error::Conflict("The delegation has already ended.");
    }
    ALLMENDE_ASSIGN_OR_RETURN(std::string region, ClientRegion(c, d.client_id));
    ALLMENDE_TRY(access::AuthorizeAndRecord(c, a, access::Action::kDelegationRevoke,
                                            {.region_id = region, .client_id = d.client_id},
                                            {.action = "delegation.revoke",
                                             .subject_type = "delegation",
                                             .subject_id = id,
                                             .client_id = d.client_id,
                                             .region_id = region},
                                            now_time));
    ALLMENDE_ASSIGN_OR_RETURN(auto n, c.Execute(kRevoke, {id, now, p->id}));
    if (n == 0) return Error::Conflict("The delegation has already ended.");
    return Ok();
  });
}

Result<bool> DelegationService::MayActFor(const std::string& delegate_id, const std::string& client_id,
                                          const std::string& scope) {
  std::string now = FormatRfc3339(clock_.Now());
  return db_.ReadValue<bool>([&](storage::Connection& c) -> Result<bool> {
    ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kActive, {delegate_id, client_id, scope, now}));
    return row->Int(0) > 0;
  });
}

}  // namespace allmende::tenancy
