#include "clients/client_service.hpp"

#include <boost/json.hpp>

#include "access/access_log.hpp"
#include "common/ids.hpp"
#include "common/validate.hpp"

namespace allmende::clients {
namespace {

using storage::Value;

constexpr std::string_view kGet =
    "SELECT u.id, u.name, u.email, u.phone, u.language, c.region_id, c.created_at, u.version "
    "FROM clients c JOIN users u ON u.id = c.user_id WHERE c.user_id = $1";
constexpr std::string_view kRelations =
    "SELECT r.organization_id, o.name, r.relation, r.valid_from, r.valid_until FROM client_relations r "
    "JOIN organizations o ON o.id = r.organization_id WHERE r.client_id = $1 ORDER BY r.valid_from, r.id";
constexpr std::string_view kRegionOf = "SELECT region_id FROM clients WHERE user_id = $1";
constexpr std::string_view kUpdate =
    "UPDATE users SET name = $2, phone = $3, language = $4, updated_at = $5, version = version + 1 "
    "WHERE id = $1 AND version = $6";
constexpr std::string_view kInsertClient =
    "INSERT INTO clients (user_id, region_id, created_at, created_by) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (user_id) DO NOTHING";
constexpr std::string_view kHasRelation =
    "SELECT count(*) FROM client_relations WHERE client_id = $1 AND organization_id = $2 AND relation = $3 "
    "AND valid_until IS NULL";
constexpr std::string_view kInsertRelation =
    "INSERT INTO client_relations (id, client_id, organization_id, relation, valid_from, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $5)";

Result<std::optional<ClientRecord>> Load(storage::Connection& c, const std::string& id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kGet, {id}));
  if (!row) return std::optional<ClientRecord>();
  ClientRecord r{row->Text(0),    row->Text(1), row->Text(2),
                 row->OptText(3), row->Text(4), row->Text(5),
                 row->Text(6),    row->Int(7),  {}};
  ALLMENDE_ASSIGN_OR_RETURN(auto rels, c.Query(kRelations, {id}));
  for (const auto& x : rels) r.relations.push_back({x.Text(0), x.Text(1), x.Text(2), x.Text(3), x.OptText(4)});
  return std::optional<ClientRecord>(std::move(r));
}

Result<std::string> RegionOf(storage::Connection& c, const std::string& id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kRegionOf, {id}));
  return row ? row->Text(0) : std::string();
}

}  // namespace

std::string ClientJson(const ClientRecord& c) {
  boost::json::object o;
  o["id"] = c.id;
  o["name"] = c.name;
  o["email"] = c.email;
  o["phone"] = c.phone ? boost::json::value(*c.phone) : nullptr;
  o["language"] = c.language;
  o["region_id"] = c.region_id;
  o["created_at"] = c.created_at;
  o["version"] = c.version;
  boost::json::array rels;
  for (const auto& r : c.relations) {
    rels.push_back({{"organization_id", r.organization_id},
                    {"organization_name", r.organization_name},
                    {"relation", r.relation},
                    {"valid_from", r.valid_from},
                    {"valid_until", r.valid_until ? boost::json::value(*r.valid_until) : nullptr}});
  }
  o["relations"] = std::move(rels);
  return boost::json::serialize(o);
}

ClientService::ClientService(storage::Database& db, const TimeSource& clock) : db_(db), clock_(clock) {}

Result<ClientRecord> ClientService::Open(storage::Connection& c, const access::Actor& actor, access::Action action,
                                         const std::string& client_id) {
  ALLMENDE_ASSIGN_OR_RETURN(std::string region, RegionOf(c, client_id));
  // The route's request guard wrote the access-log entry in this transaction already.
  ALLMENDE_TRY(
      access::Authorize(c, actor.principal, action, {.region_id = region, .client_id = client_id}, clock_.Now()));
  ALLMENDE_ASSIGN_OR_RETURN(auto record, Load(c, client_id));
  if (!record) return Error::NotFound("No such client.");
  return std::move(*record);
}

Result<ClientRecord> ClientService::Get(const access::Actor& actor, const std::string& client_id) {
  return db_.ReadValue<ClientRecord>(
      [&](storage::Connection& c) { return Open(c, actor, access::Action::kClientRead, client_id); });
}

Result<ClientRecord> ClientService::Update(const access::Actor& actor, const std::string& client_id,
                                           const ClientChange& change, std::int64_t if_match) {
  // The same validators as the person's own profile (common/validate.hpp).
  std::vector<FieldError> errors;
  if (change.name) {
    if (auto problem = PersonNameProblem(*change.name)) errors.push_back({"name", *problem});
  }
  std::optional<std::string> normal_phone = change.phone;
  if (change.phone && !change.phone->empty()) {
    auto normal = NormalizePhone(*change.phone);
    if (normal.ok()) {
      normal_phone = *normal;
    } else {
      errors.push_back(normal.error().fields.at(0));
    }
  }
  if (change.language && !IsLanguage(*change.language)) errors.push_back({"language", LanguageProblem()});
  if (!errors.empty()) return Error::Invalid(std::move(errors));
  return db_.WriteValue<ClientRecord>([&](storage::Connection& c) -> Result<ClientRecord> {
    Timestamp now = clock_.Now();
    ALLMENDE_ASSIGN_OR_RETURN(auto record, Open(c, actor, access::Action::kClientUpdate, client_id));
    if (record.version != if_match) return Error{ErrorCode::kPreconditionFailed, "The record changed meanwhile.", {}};
    std::string phone = normal_phone.value_or(record.phone.value_or(""));
    ALLMENDE_ASSIGN_OR_RETURN(
        auto n,
        c.Execute(kUpdate, {client_id, change.name.value_or(record.name), phone.empty() ? Value(nullptr) : Value(phone),
                            change.language.value_or(record.language), FormatRfc3339(now), if_match}));
    if (n != 1) return Error{ErrorCode::kPreconditionFailed, "The record changed meanwhile.", {}};
    ALLMENDE_ASSIGN_OR_RETURN(auto changed, Load(c, client_id));
    return std::move(*changed);
  });
}

Result<void> ClientService::EnsureClient(storage::Connection& c, const std::string& user_id,
                                         const std::string& region_id, const std::string& created_by, Timestamp now) {
  ALLMENDE_TRY(c.Execute(kInsertClient, {user_id, region_id, FormatRfc3339(now), created_by}));
  return Ok();
}

Result<void> ClientService::EnsureRelation(storage::Connection& c, const std::string& client_id,
                                           const std::string& organization_id, const std::string& relation,
                                           Timestamp now) {
  ALLMENDE_ASSIGN_OR_RETURN(auto has, c.QueryOne(kHasRelation, {client_id, organization_id, relation}));
  if (has && has->Int(0) > 0) return Ok();
  ALLMENDE_TRY(c.Execute(kInsertRelation, {NewId("crl"), client_id, organization_id, relation, FormatRfc3339(now)}));
  return Ok();
}

}  // namespace allmende::clients
