#include "access/access_store.hpp"

namespace allmende::access {
namespace {

using storage::Value;

constexpr std::string_view kMemberships =
    "SELECT m.organization_id, m.role, o.region_id FROM memberships m JOIN organizations o ON o.id = m.organization_id "
    "WHERE m.user_id = $1 AND m.revoked_at IS NULL";
constexpr std::string_view kClientRegion = "SELECT region_id FROM clients WHERE user_id = $1";
constexpr std::string_view kClientRelations =
    "SELECT r.organization_id, r.relation FROM client_relations r WHERE r.client_id = $1 AND r.valid_from <= $2 "
    "AND (r.valid_until IS NULL OR r.valid_until > $2) AND (r.consent_id IS NULL OR EXISTS (SELECT 1 FROM "
    "client_consents k WHERE k.id = r.consent_id AND k.withdrawn_at IS NULL AND (k.valid_until IS NULL OR "
    "k.valid_until > $2)))";
constexpr std::string_view kDelegationScopes =
    "SELECT scope FROM delegations WHERE client_id = $1 AND delegate_id = $2 AND revoked_at IS NULL "
    "AND valid_from <= $3 AND (valid_until IS NULL OR valid_until > $3)";
constexpr std::string_view kOrganizationRegion = "SELECT region_id FROM organizations WHERE id = $1";

constexpr std::string_view kUserName = "SELECT name FROM users WHERE id = $1";
constexpr std::string_view kTokenName = "SELECT name FROM api_tokens WHERE id = $1";
constexpr std::string_view kOrganizationName = "SELECT name FROM organizations WHERE id = $1";
constexpr std::string_view kInsert =
    "INSERT INTO access_log (id, chain, at, actor_id, actor_name, actor_role, organization_id, organization_name, "
    "action, subject_type, subject_id, client_id, purpose, request_id) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)";

constexpr std::string_view kUnsealedChains =
    "SELECT DISTINCT chain FROM access_log WHERE hash IS NULL ORDER BY chain";  // one lock order for all sealers
constexpr std::string_view kCreateHead =
    "INSERT INTO access_log_heads (chain, seq, hash) VALUES ($1, 0, '') ON CONFLICT (chain) DO NOTHING";
// An UPDATE takes the row lock on PostgreSQL (concurrent sealers wait here) and works on SQLite.
constexpr std::string_view kLockHead = "UPDATE access_log_heads SET seq = seq WHERE chain = $1 RETURNING seq, hash";
constexpr std::string_view kUnsealed =
    "SELECT id, chain, seq, at, actor_id, actor_name, actor_role, organization_id, organization_name, action, "
    "subject_type, subject_id, client_id, purpose, request_id, prev_hash FROM access_log "
    "WHERE chain = $1 AND hash IS NULL ORDER BY at, id LIMIT $2";
constexpr std::string_view kSeal =
    "UPDATE access_log SET seq = $2, prev_hash = $3, hash = $4 WHERE id = $1 AND hash IS NULL";
constexpr std::string_view kSetHead = "UPDATE access_log_heads SET seq = $2, hash = $3 WHERE chain = $1";

#define ALLMENDE_ACCESS_COLUMNS                                                                                  \
  "a.id, a.chain, a.seq, a.at, a.actor_id, a.actor_name, a.actor_role, a.organization_id, a.organization_name, " \
  "a.action, a.subject_type, a.subject_id, a.client_id, u.name, a.purpose, a.request_id"
constexpr std::string_view kListClient =
    "SELECT " ALLMENDE_ACCESS_COLUMNS
    " FROM access_log a LEFT JOIN users u ON u.id = a.client_id "
    "WHERE a.client_id IN (SELECT CAST($1 AS TEXT) UNION ALL SELECT user_id FROM clients WHERE merged_into = $1) "
    "AND ($2 = '' OR a.id < $2) ORDER BY a.id DESC LIMIT $3";
constexpr std::string_view kSearch =
    "SELECT " ALLMENDE_ACCESS_COLUMNS
    " FROM access_log a LEFT JOIN users u ON u.id = a.client_id WHERE a.chain = $1 AND ($2 = '' OR a.actor_id = $2) "
    "AND ($3 = '' OR a.client_id = $3) AND ($4 = '' OR a.action = $4) AND ($5 = '' OR a.at >= $5) "
    "AND ($6 = '' OR a.at < $6) AND ($7 = '' OR a.id < $7) ORDER BY a.id DESC LIMIT $8";
#undef ALLMENDE_ACCESS_COLUMNS
constexpr std::string_view kCountClient = "SELECT count(*) FROM access_log WHERE client_id = $1";

constexpr std::string_view kChains = "SELECT chain, seq, hash FROM access_log_heads ORDER BY chain";
constexpr std::string_view kChainPage =
    "SELECT id, chain, seq, at, actor_id, actor_name, actor_role, organization_id, organization_name, action, "
    "subject_type, subject_id, client_id, purpose, request_id, prev_hash, hash FROM access_log "
    "WHERE chain = $1 AND seq > $2 AND hash IS NOT NULL ORDER BY seq LIMIT 1000";
constexpr std::string_view kPending = "SELECT count(*) FROM access_log WHERE hash IS NULL";
constexpr std::string_view kHeadless =
    "SELECT DISTINCT chain FROM access_log a WHERE hash IS NOT NULL "
    "AND NOT EXISTS (SELECT 1 FROM access_log_heads h WHERE h.chain = a.chain) ORDER BY chain";

Value Opt(const std::optional<std::string>& v) { return v ? Value(*v) : Value(nullptr); }

Result<std::optional<std::string>> FirstText(Result<std::optional<storage::Row>> row) {
  if (!row.ok()) return std::move(row).error();
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>((*row)->Text(0));
}

Result<std::int64_t> FirstInt(Result<std::optional<storage::Row>> row) {
  if (!row.ok()) return std::move(row).error();
  return *row ? (*row)->Int(0) : 0;
}

Result<std::vector<std::string>> FirstTexts(Result<std::vector<storage::Row>> rows) {
  if (!rows.ok()) return std::move(rows).error();
  std::vector<std::string> out;
  for (const auto& r : *rows) out.push_back(r.Text(0));
  return out;
}

// A row of kListClient or kSearch.
AccessEntry EntryFrom(const storage::Row& r) {
  return AccessEntry{r.Text(0),     r.Text(1),     r.Int(2),     r.Text(3), r.Text(4),  r.Text(5),
                     r.Text(6),     r.OptText(7),  r.OptText(8), r.Text(9), r.Text(10), r.Text(11),
                     r.OptText(12), r.OptText(13), r.Text(14),   r.Text(15)};
}

// A row of kUnsealed (columns 0-15) or kChainPage (with the hash as column 16).
AccessLogStore::ChainEntry ChainEntryFrom(const storage::Row& r) {
  AccessEntry e{r.Text(0),    r.Text(1), r.Int(2),   r.Text(3),  r.Text(4),     r.Text(5),    r.Text(6),  r.OptText(7),
                r.OptText(8), r.Text(9), r.Text(10), r.Text(11), r.OptText(12), std::nullopt, r.Text(13), r.Text(14)};
  return {std::move(e), r.Text(15), r.size() > 16 ? r.Text(16) : std::string()};
}

Result<std::vector<AccessEntry>> Entries(Result<std::vector<storage::Row>> rows) {
  if (!rows.ok()) return std::move(rows).error();
  std::vector<AccessEntry> out;
  out.reserve(rows->size());
  for (const auto& r : *rows) out.push_back(EntryFrom(r));
  return out;
}

Result<std::vector<AccessLogStore::ChainEntry>> ChainEntries(Result<std::vector<storage::Row>> rows) {
  if (!rows.ok()) return std::move(rows).error();
  std::vector<AccessLogStore::ChainEntry> out;
  out.reserve(rows->size());
  for (const auto& r : *rows) out.push_back(ChainEntryFrom(r));
  return out;
}

}  // namespace

Result<std::vector<PolicyStore::Membership>> PolicyStore::LiveMemberships(storage::Connection& c,
                                                                          const std::string& user_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(kMemberships, {user_id}));
  std::vector<Membership> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1), r.Text(2)});
  return out;
}

Result<std::string> PolicyStore::ClientRegion(storage::Connection& c, const std::string& client_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto region, FirstText(c.QueryOne(kClientRegion, {client_id})));
  return region.value_or("");
}

Result<std::optional<std::string>> PolicyStore::MergedInto(storage::Connection& c, const std::string& client_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT merged_into FROM clients WHERE user_id = $1", {client_id}));
  if (!row) return std::optional<std::string>();
  return row->OptText(0);
}

Result<std::vector<PolicyStore::Relation>> PolicyStore::CurrentRelations(storage::Connection& c,
                                                                         const std::string& client_id,
                                                                         const std::string& now) {
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(kClientRelations, {client_id, now}));
  std::vector<Relation> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1)});
  return out;
}

Result<std::vector<std::string>> PolicyStore::DelegationScopes(storage::Connection& c, const std::string& client_id,
                                                               const std::string& delegate_id, const std::string& now) {
  return FirstTexts(c.Query(kDelegationScopes, {client_id, delegate_id, now}));
}

Result<std::string> PolicyStore::OrganizationRegion(storage::Connection& c, const std::string& organization_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto region, FirstText(c.QueryOne(kOrganizationRegion, {organization_id})));
  return region.value_or("");
}

Result<std::optional<std::string>> AccessLogStore::UserName(storage::Connection& c, const std::string& user_id) {
  return FirstText(c.QueryOne(kUserName, {user_id}));
}

Result<std::optional<std::string>> AccessLogStore::TokenName(storage::Connection& c, const std::string& token_id) {
  return FirstText(c.QueryOne(kTokenName, {token_id}));
}

Result<std::optional<std::string>> AccessLogStore::OrganizationName(storage::Connection& c, const std::string& id) {
  return FirstText(c.QueryOne(kOrganizationName, {id}));
}

Result<void> AccessLogStore::Insert(storage::Connection& c, const AccessEntry& e) {
  ALLMENDE_TRY(c.Execute(kInsert, {e.id, e.chain, e.at, e.actor_id, e.actor_name, e.actor_role, Opt(e.organization_id),
                                   Opt(e.organization_name), e.action, e.subject_type, e.subject_id, Opt(e.client_id),
                                   e.purpose, e.request_id}));
  return Ok();
}

Result<std::vector<std::string>> AccessLogStore::UnsealedChains(storage::Connection& c) {
  return FirstTexts(c.Query(kUnsealedChains));
}

Result<void> AccessLogStore::EnsureHead(storage::Connection& c, const std::string& chain) {
  ALLMENDE_TRY(c.Execute(kCreateHead, {chain}));
  return Ok();
}

Result<AccessLogStore::Head> AccessLogStore::LockHead(storage::Connection& c, const std::string& chain) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kLockHead, {chain}));
  if (!row) return Error::Internal("the access log chain " + chain + " has no head");
  return Head{row->Int(0), row->Text(1)};
}

Result<std::vector<AccessLogStore::ChainEntry>> AccessLogStore::Unsealed(storage::Connection& c,
                                                                         const std::string& chain, std::int64_t limit) {
  return ChainEntries(c.Query(kUnsealed, {chain, limit}));
}

Result<bool> AccessLogStore::Seal(storage::Connection& c, const std::string& id, std::int64_t seq,
                                  const std::string& prev_hash, const std::string& hash) {
  ALLMENDE_ASSIGN_OR_RETURN(auto n, c.Execute(kSeal, {id, seq, prev_hash, hash}));
  return n == 1;
}

Result<void> AccessLogStore::SetHead(storage::Connection& c, const std::string& chain, std::int64_t seq,
                                     const std::string& hash) {
  ALLMENDE_TRY(c.Execute(kSetHead, {chain, seq, hash}));
  return Ok();
}

Result<std::vector<AccessEntry>> AccessLogStore::AboutClient(storage::Connection& c, const std::string& client_id,
                                                             const std::string& before, std::int64_t limit) {
  return Entries(c.Query(kListClient, {client_id, before, limit}));
}

Result<std::vector<AccessEntry>> AccessLogStore::Search(storage::Connection& c, const AccessSearch& s,
                                                        std::int64_t limit) {
  return Entries(c.Query(kSearch, {s.region_id, s.actor_id, s.client_id, s.action, s.from, s.to, s.cursor, limit}));
}

Result<std::int64_t> AccessLogStore::CountAboutClient(storage::Connection& c, const std::string& client_id) {
  return FirstInt(c.QueryOne(kCountClient, {client_id}));
}

Result<std::vector<AccessLogStore::ChainHead>> AccessLogStore::Heads(storage::Connection& c) {
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(kChains));
  std::vector<ChainHead> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Int(1), r.Text(2)});
  return out;
}

Result<std::vector<AccessLogStore::ChainEntry>> AccessLogStore::SealedAfter(storage::Connection& c,
                                                                            const std::string& chain,
                                                                            std::int64_t after_seq) {
  return ChainEntries(c.Query(kChainPage, {chain, after_seq}));
}

Result<std::int64_t> AccessLogStore::CountUnsealed(storage::Connection& c) { return FirstInt(c.QueryOne(kPending)); }

Result<std::vector<std::string>> AccessLogStore::HeadlessChains(storage::Connection& c) {
  return FirstTexts(c.Query(kHeadless));
}

}  // namespace allmende::access
