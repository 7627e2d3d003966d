#include "tenancy/delegation_store.hpp"

namespace allmende::tenancy {
namespace {

using storage::Value;

constexpr std::string_view kInsert =
    "INSERT INTO delegations (id, client_id, delegate_id, scope, valid_from, valid_until, granted_by, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
constexpr std::string_view kGet =
    "SELECT d.id, d.client_id, c.name, d.delegate_id, g.name, d.scope, d.valid_from, d.valid_until, d.granted_by, "
    "d.created_at, d.revoked_at FROM delegations d JOIN users c ON c.id = d.client_id "
    "JOIN users g ON g.id = d.delegate_id WHERE d.id = $1";
constexpr std::string_view kOf =
    "SELECT d.id, d.client_id, c.name, d.delegate_id, g.name, d.scope, d.valid_from, d.valid_until, d.granted_by, "
    "d.created_at, d.revoked_at FROM delegations d JOIN users c ON c.id = d.client_id "
    "JOIN users g ON g.id = d.delegate_id "
    "WHERE d.client_id = $1 OR d.delegate_id = $1 ORDER BY d.created_at DESC, d.id DESC LIMIT 200";
constexpr std::string_view kEnd =
    "UPDATE delegations SET revoked_at = $2, revoked_by = $3 WHERE id = $1 AND revoked_at IS NULL";
constexpr std::string_view kCloseEnded =
    "UPDATE delegations SET revoked_at = valid_until, revoked_by = 'ended' WHERE client_id = $1 AND delegate_id = $2 "
    "AND revoked_at IS NULL AND valid_until IS NOT NULL AND valid_until <= $3";
constexpr std::string_view kHasUnrevoked =
    "SELECT count(*) FROM delegations WHERE client_id = $1 AND delegate_id = $2 AND revoked_at IS NULL";
constexpr std::string_view kAllows =
    "SELECT count(*) FROM delegations WHERE delegate_id = $1 AND client_id = $2 AND (scope = $3 OR scope = 'all') "
    "AND revoked_at IS NULL AND valid_from <= $4 AND (valid_until IS NULL OR valid_until > $4)";
constexpr std::string_view kWorksInRegion =
    "SELECT count(*) FROM memberships WHERE user_id = $1 AND region_id = $2 AND revoked_at IS NULL";
constexpr std::string_view kPerson = "SELECT name, email, language FROM users WHERE id = $1";

constexpr std::string_view kInsertInvitation =
    "INSERT INTO delegation_invitations (id, region_id, client_id, email, scope, valid_until, granted_by, status, "
    "created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $8, $9)";
constexpr std::string_view kGetInvitation =
    "SELECT id, region_id, client_id, email, scope, valid_until, granted_by, status, created_at, expires_at, "
    "accepted_by, accepted_at, delegation_id FROM delegation_invitations WHERE id = $1";
constexpr std::string_view kInvitationsSince =
    "SELECT count(*) FROM delegation_invitations WHERE client_id = $1 AND created_at >= $2";
constexpr std::string_view kPending =
    "SELECT id, region_id, client_id, email, scope, valid_until, granted_by, status, created_at, expires_at, "
    "accepted_by, accepted_at, delegation_id FROM delegation_invitations "
    "WHERE client_id = $1 AND status = 'pending' AND expires_at > $2 ORDER BY created_at DESC, id DESC LIMIT 200";
constexpr std::string_view kAcceptInvitation =
    "UPDATE delegation_invitations SET status = 'accepted', accepted_by = $2, accepted_at = $3, delegation_id = $4 "
    "WHERE id = $1 AND status = 'pending'";
constexpr std::string_view kRevokeInvitation =
    "UPDATE delegation_invitations SET status = 'revoked' WHERE id = $1 AND status = 'pending'";

Value Opt(const std::optional<std::string>& v) { return v ? Value(*v) : Value(nullptr); }

Delegation DelegationFrom(const storage::Row& r) {
  return {r.Text(0), r.Text(1),    r.Text(2), r.Text(3), r.Text(4),    r.Text(5),
          r.Text(6), r.OptText(7), r.Text(8), r.Text(9), r.OptText(10)};
}

DelegationInvitation InvitationFrom(const storage::Row& r) {
  return {r.Text(0), r.Text(1), r.Text(2), r.Text(3),     r.Text(4),     r.OptText(5), r.Text(6),
          r.Text(7), r.Text(8), r.Text(9), r.OptText(10), r.OptText(11), r.OptText(12)};
}

Result<bool> Positive(Result<std::optional<storage::Row>> row) {
  if (!row.ok()) return std::move(row).error();
  return *row && (*row)->Int(0) > 0;
}

}  // namespace

Result<void> DelegationStore::Insert(storage::Connection& c, const Delegation& d) {
  ALLMENDE_TRY(c.Execute(kInsert, {d.id, d.client_id, d.delegate_id, d.scope, d.valid_from, Opt(d.valid_until),
                                   d.granted_by, d.created_at}));
  return Ok();
}

Result<std::optional<Delegation>> DelegationStore::Get(storage::Connection& c, const std::string& id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kGet, {id}));
  if (!row) return std::optional<Delegation>();
  return std::optional<Delegation>(DelegationFrom(*row));
}

Result<std::vector<Delegation>> DelegationStore::Of(storage::Connection& c, const std::string& person_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(kOf, {person_id}));
  std::vector<Delegation> out;
  for (const auto& r : rows) out.push_back(DelegationFrom(r));
  return out;
}

Result<bool> DelegationStore::End(storage::Connection& c, const std::string& id, const std::string& now,
                                  const std::string& by) {
  ALLMENDE_ASSIGN_OR_RETURN(auto n, c.Execute(kEnd, {id, now, by}));
  return n == 1;
}

Result<void> DelegationStore::CloseEnded(storage::Connection& c, const std::string& client_id,
                                         const std::string& delegate_id, const std::string& now) {
  ALLMENDE_TRY(c.Execute(kCloseEnded, {client_id, delegate_id, now}));
  return Ok();
}

Result<bool> DelegationStore::HasUnrevoked(storage::Connection& c, const std::string& client_id,
                                           const std::string& delegate_id) {
  return Positive(c.QueryOne(kHasUnrevoked, {client_id, delegate_id}));
}

Result<bool> DelegationStore::Allows(storage::Connection& c, const std::string& delegate_id,
                                     const std::string& client_id, const std::string& scope, const std::string& now) {
  return Positive(c.QueryOne(kAllows, {delegate_id, client_id, scope, now}));
}

Result<bool> DelegationStore::WorksInRegion(storage::Connection& c, const std::string& user_id,
                                            const std::string& region_id) {
  return Positive(c.QueryOne(kWorksInRegion, {user_id, region_id}));
}

Result<std::optional<DelegationStore::Person>> DelegationStore::PersonOf(storage::Connection& c,
                                                                         const std::string& user_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kPerson, {user_id}));
  if (!row) return std::optional<Person>();
  return std::optional<Person>(Person{row->Text(0), row->Text(1), row->Text(2)});
}

Result<void> DelegationStore::InsertInvitation(storage::Connection& c, const DelegationInvitation& i) {
  ALLMENDE_TRY(c.Execute(kInsertInvitation, {i.id, i.region_id, i.client_id, i.email, i.scope, Opt(i.valid_until),
                                             i.granted_by, i.created_at, i.expires_at}));
  return Ok();
}

Result<std::optional<DelegationInvitation>> DelegationStore::GetInvitation(storage::Connection& c,
                                                                           const std::string& id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kGetInvitation, {id}));
  if (!row) return std::optional<DelegationInvitation>();
  return std::optional<DelegationInvitation>(InvitationFrom(*row));
}

Result<std::int64_t> DelegationStore::InvitationsSince(storage::Connection& c, const std::string& client_id,
                                                       const std::string& since) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kInvitationsSince, {client_id, since}));
  return row ? row->Int(0) : 0;
}

Result<std::vector<DelegationInvitation>> DelegationStore::PendingInvitations(storage::Connection& c,
                                                                              const std::string& client_id,
                                                                              const std::string& now) {
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(kPending, {client_id, now}));
  std::vector<DelegationInvitation> out;
  for (const auto& r : rows) out.push_back(InvitationFrom(r));
  return out;
}

Result<bool> DelegationStore::MarkInvitationAccepted(storage::Connection& c, const std::string& id,
                                                     const std::string& user_id, const std::string& delegation_id,
                                                     const std::string& now) {
  ALLMENDE_ASSIGN_OR_RETURN(auto n, c.Execute(kAcceptInvitation, {id, user_id, now, delegation_id}));
  return n == 1;
}

Result<bool> DelegationStore::MarkInvitationRevoked(storage::Connection& c, const std::string& id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto n, c.Execute(kRevokeInvitation, {id}));
  return n == 1;
}

}  // namespace allmende::tenancy
