#include "tenancy/organization_store.hpp"

namespace allmende::tenancy {
namespace {

using storage::Value;

constexpr std::string_view kInsertOrg =
    "INSERT INTO organizations (id, region_id, kind, name, business_id, created_at, updated_at, version) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
constexpr std::string_view kGetOrg =
    "SELECT id, region_id, kind, name, business_id, created_at, updated_at, version FROM organizations WHERE id = $1";
constexpr std::string_view kFindOrgByName =
    "SELECT id, region_id, kind, name, business_id, created_at, updated_at, version FROM organizations "
    "WHERE region_id = $1 AND name = $2";
constexpr std::string_view kListOrgs =
    "SELECT id, region_id, kind, name, business_id, created_at, updated_at, version FROM organizations "
    "WHERE region_id = $1 AND id > $2 ORDER BY id LIMIT $3";
constexpr std::string_view kInsertMembership =
    "INSERT INTO memberships (id, region_id, organization_id, user_id, role, created_at, created_by) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7)";
constexpr std::string_view kMembers =
    "SELECT m.id, m.region_id, m.organization_id, m.user_id, m.role, m.created_at, m.created_by, m.revoked_at, "
    "u.name, u.email, o.name FROM memberships m JOIN users u ON u.id = m.user_id "
    "JOIN organizations o ON o.id = m.organization_id "
    "WHERE m.organization_id = $1 AND m.revoked_at IS NULL ORDER BY u.name, m.id";
constexpr std::string_view kMembershipsOf =
    "SELECT m.id, m.region_id, m.organization_id, m.user_id, m.role, m.created_at, m.created_by, m.revoked_at, "
    "u.name, u.email, o.name FROM memberships m JOIN users u ON u.id = m.user_id "
    "JOIN organizations o ON o.id = m.organization_id "
    "WHERE m.user_id = $1 AND m.revoked_at IS NULL ORDER BY o.name, m.role";
constexpr std::string_view kGetMembership =
    "SELECT m.id, m.region_id, m.organization_id, m.user_id, m.role, m.created_at, m.created_by, m.revoked_at, "
    "u.name, u.email, o.name FROM memberships m JOIN users u ON u.id = m.user_id "
    "JOIN organizations o ON o.id = m.organization_id WHERE m.id = $1";
constexpr std::string_view kHasMembership =
    "SELECT count(*) FROM memberships WHERE organization_id = $1 AND user_id = $2 AND role = $3 "
    "AND revoked_at IS NULL";
constexpr std::string_view kUpdateOrg =
    "UPDATE organizations SET name = $2, business_id = $3, updated_at = $4, version = version + 1 "
    "WHERE id = $1 AND version = $5";
constexpr std::string_view kRevokeTokensCreatedBy =
    "UPDATE api_tokens SET revoked_at = $3, revoked_by = $4 WHERE organization_id = $1 AND created_by = $2 "
    "AND revoked_at IS NULL";
constexpr std::string_view kSetRole = "UPDATE memberships SET role = $2 WHERE id = $1 AND revoked_at IS NULL";
constexpr std::string_view kRevokeMembership =
    "UPDATE memberships SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL";
constexpr std::string_view kInsertInvitation =
    "INSERT INTO invitations (id, region_id, organization_id, email, role, invited_by, created_at, expires_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
constexpr std::string_view kGetInvitation =
    "SELECT id, region_id, organization_id, email, role, invited_by, status, created_at, expires_at, accepted_by, "
    "accepted_at FROM invitations WHERE id = $1";
constexpr std::string_view kPendingInvitations =
    "SELECT id, region_id, organization_id, email, role, invited_by, status, created_at, expires_at, accepted_by, "
    "accepted_at FROM invitations WHERE organization_id = $1 AND status = 'pending' AND expires_at > $2 "
    "ORDER BY created_at DESC, id DESC LIMIT 200";
constexpr std::string_view kAccept =
    "UPDATE invitations SET status = 'accepted', accepted_by = $2, accepted_at = $3 "
    "WHERE id = $1 AND status = 'pending'";
constexpr std::string_view kRevokeInvitation =
    "UPDATE invitations SET status = 'revoked' WHERE id = $1 AND status = 'pending'";

Value Opt(const std::optional<std::string>& v) { return v ? Value(*v) : Value(nullptr); }

Organization OrgFrom(const storage::Row& r) {
  return {r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.OptText(4), r.Text(5), r.Text(6), r.Int(7)};
}

Membership MembershipFrom(const storage::Row& r) {
  return {r.Text(0), r.Text(1),    r.Text(2), r.Text(3), r.Text(4), r.Text(5),
          r.Text(6), r.OptText(7), r.Text(8), r.Text(9), r.Text(10)};
}

Invitation InvitationFrom(const storage::Row& r) {
  return {r.Text(0), r.Text(1), r.Text(2), r.Text(3),    r.Text(4),    r.Text(5),
          r.Text(6), r.Text(7), r.Text(8), r.OptText(9), r.OptText(10)};
}

template <typename T, typename F>
Result<std::vector<T>> All(Result<std::vector<storage::Row>> rows, F from) {
  if (!rows.ok()) return std::move(rows).error();
  std::vector<T> out;
  for (const auto& r : *rows) out.push_back(from(r));
  return out;
}

}  // namespace

Result<void> OrganizationStore::Insert(storage::Connection& c, const Organization& o) {
  ALLMENDE_TRY(c.Execute(
      kInsertOrg, {o.id, o.region_id, o.kind, o.name, Opt(o.business_id), o.created_at, o.updated_at, o.version}));
  return Ok();
}

Result<std::optional<Organization>> OrganizationStore::Get(storage::Connection& c, const std::string& id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kGetOrg, {id}));
  if (!row) return std::optional<Organization>();
  return std::optional<Organization>(OrgFrom(*row));
}

Result<std::optional<Organization>> OrganizationStore::FindByName(storage::Connection& c, const std::string& region_id,
                                                                  const std::string& name) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kFindOrgByName, {region_id, name}));
  if (!row) return std::optional<Organization>();
  return std::optional<Organization>(OrgFrom(*row));
}

Result<std::vector<Organization>> OrganizationStore::ListInRegion(storage::Connection& c, const std::string& region_id,
                                                                  const std::string& after, int limit,
                                                                  const std::vector<std::string>& kinds) {
  if (kinds.empty()) return All<Organization>(c.Query(kListOrgs, {region_id, after, std::int64_t{limit}}), OrgFrom);
  std::vector<storage::Value> args{region_id, after, std::int64_t{limit}};
  std::string in;
  for (const auto& kind : kinds) {
    args.emplace_back(kind);
    in += (in.empty() ? "$" : ", $") + std::to_string(args.size());
  }
  return All<Organization>(
      c.Query("SELECT id, region_id, kind, name, business_id, created_at, updated_at, version FROM organizations "
              "WHERE region_id = $1 AND id > $2 AND kind IN (" +
                  in + ") ORDER BY id LIMIT $3",
              std::move(args)),
      OrgFrom);
}

Result<void> OrganizationStore::InsertMembership(storage::Connection& c, const Membership& m) {
  ALLMENDE_TRY(c.Execute(kInsertMembership,
                         {m.id, m.region_id, m.organization_id, m.user_id, m.role, m.created_at, m.created_by}));
  return Ok();
}

Result<std::vector<Membership>> OrganizationStore::Members(storage::Connection& c, const std::string& organization_id) {
  return All<Membership>(c.Query(kMembers, {organization_id}), MembershipFrom);
}

Result<std::vector<Membership>> OrganizationStore::MembershipsOf(storage::Connection& c, const std::string& user_id) {
  return All<Membership>(c.Query(kMembershipsOf, {user_id}), MembershipFrom);
}

Result<std::optional<Membership>> OrganizationStore::GetMembership(storage::Connection& c, const std::string& id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kGetMembership, {id}));
  if (!row) return std::optional<Membership>();
  return std::optional<Membership>(MembershipFrom(*row));
}

Result<bool> OrganizationStore::HasMembership(storage::Connection& c, const std::string& organization_id,
                                              const std::string& user_id, const std::string& role) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kHasMembership, {organization_id, user_id, role}));
  return row && row->Int(0) > 0;
}

Result<bool> OrganizationStore::Update(storage::Connection& c, const Organization& o, std::int64_t expected_version) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto n,
      c.Execute(kUpdateOrg, {o.id, o.name, o.business_id ? storage::Value(*o.business_id) : storage::Value(nullptr),
                             o.updated_at, expected_version}));
  return n == 1;
}

Result<bool> OrganizationStore::SetRole(storage::Connection& c, const std::string& membership_id,
                                        const std::string& role) {
  ALLMENDE_ASSIGN_OR_RETURN(auto n, c.Execute(kSetRole, {membership_id, role}));
  return n == 1;
}

Result<std::int64_t> OrganizationStore::RevokeTokensCreatedBy(storage::Connection& c, const std::string& org_id,
                                                              const std::string& user_id, const std::string& now,
                                                              const std::string& by) {
  return c.Execute(kRevokeTokensCreatedBy, {org_id, user_id, now, by});
}

Result<bool> OrganizationStore::RevokeMembership(storage::Connection& c, const std::string& id,
                                                 const std::string& now) {
  ALLMENDE_ASSIGN_OR_RETURN(auto n, c.Execute(kRevokeMembership, {id, now}));
  return n == 1;
}

Result<void> OrganizationStore::InsertInvitation(storage::Connection& c, const Invitation& i) {
  ALLMENDE_TRY(c.Execute(kInsertInvitation, {i.id, i.region_id, i.organization_id, i.email, i.role, i.invited_by,
                                             i.created_at, i.expires_at}));
  return Ok();
}

Result<std::optional<Invitation>> OrganizationStore::GetInvitation(storage::Connection& c, const std::string& id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kGetInvitation, {id}));
  if (!row) return std::optional<Invitation>();
  return std::optional<Invitation>(InvitationFrom(*row));
}

Result<std::vector<Invitation>> OrganizationStore::PendingInvitations(storage::Connection& c,
                                                                      const std::string& organization_id,
                                                                      const std::string& now) {
  return All<Invitation>(c.Query(kPendingInvitations, {organization_id, now}), InvitationFrom);
}

Result<bool> OrganizationStore::MarkAccepted(storage::Connection& c, const std::string& id, const std::string& user_id,
                                             const std::string& now) {
  ALLMENDE_ASSIGN_OR_RETURN(auto n, c.Execute(kAccept, {id, user_id, now}));
  return n == 1;
}

Result<bool> OrganizationStore::MarkRevoked(storage::Connection& c, const std::string& id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto n, c.Execute(kRevokeInvitation, {id}));
  return n == 1;
}

}  // namespace allmende::tenancy
