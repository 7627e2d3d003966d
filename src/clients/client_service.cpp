#include "clients/client_service.hpp"

#include <boost/json.hpp>

#include "access/access_log.hpp"
#include "access/access_store.hpp"
#include "clients/client_registry.hpp"
#include "clients/client_store.hpp"
#include "clients/consent_store.hpp"
#include "common/ids.hpp"
#include "common/validate.hpp"

namespace allmende::clients {

std::string ClientJson(const ClientRecord& c) {
  boost::json::object o;
  o["id"] = c.id;
  o["name"] = c.name;
  o["email"] = c.email.empty() ? boost::json::value(nullptr) : boost::json::value(c.email);
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
  auto opt = [](const std::optional<std::string>& v) {
    return v ? boost::json::value(*v) : boost::json::value(nullptr);
  };
  o["birth_date"] = opt(c.birth_date);
  o["address"] = {{"street", opt(c.street)},
                  {"postal_code", opt(c.postal_code)},
                  {"city", opt(c.city)},
                  {"municipality_code", opt(c.municipality_code)},
                  {"municipality_name", opt(c.municipality_name)}};
  o["identity_code_masked"] = opt(c.identity_code_masked);
  o["merged_into"] = opt(c.merged_into);
  boost::json::array alikes;
  for (const auto& l : c.look_alikes) {
    alikes.push_back({{"id", l.id},
                      {"name", l.name},
                      {"birth_date", opt(l.birth_date)},
                      {"municipality_name", opt(l.municipality_name)},
                      {"reason", l.reason}});
  }
  o["look_alikes"] = std::move(alikes);
  return boost::json::serialize(o);
}

ClientService::ClientService(storage::Database& db, const TimeSource& clock, events::EventBus& bus)
    : db_(db), clock_(clock), bus_(bus) {}

Result<ClientRecord> ClientService::Open(storage::Connection& c, const access::Actor& actor, access::Action action,
                                         const std::string& client_id) {
  // The route's request guard decided the same already in this request (the policy remembers it)
  // and wrote the access-log entry; a caller without the guard is checked here all the same.
  ALLMENDE_TRY(access::Authorize(c, actor.principal, action, {.client_id = client_id}, clock_.Now()));
  ALLMENDE_ASSIGN_OR_RETURN(auto record, ClientStore::Get(c, client_id));
  if (!record) return Error::NotFound("No such client.");
  return std::move(*record);
}

Result<ClientRecord> ClientService::Get(const access::Actor& actor, const std::string& client_id) {
  return db_.ReadValue<ClientRecord>([&](storage::Connection& c) -> Result<ClientRecord> {
    ALLMENDE_ASSIGN_OR_RETURN(auto decision, access::Authorize(c, actor.principal, access::Action::kClientRead,
                                                               {.client_id = client_id}, clock_.Now()));
    ALLMENDE_ASSIGN_OR_RETURN(auto record, ClientStore::Get(c, client_id));
    if (!record) return Error::NotFound("No such client.");
    // What a delivery needs is on the order (its address, door code and phone); a provider reads
    // the person's name and how to reach them, not their birth date or registered address.
    if (decision.relation == "assigned_provider") {
      record->birth_date.reset();
      record->identity_code_masked.reset();
      record->street.reset();
      record->postal_code.reset();
      record->city.reset();
    }
    // The region's staff are warned when another record may be the same person.
    if (decision.relation == "region_staff" && !record->merged_into) {
      ALLMENDE_ASSIGN_OR_RETURN(record->look_alikes,
                                ClientRegistry::LookAlikes(c, record->region_id, record->id, record->name,
                                                           record->birth_date, record->phone));
    }
    return std::move(*record);
  });
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
        bool updated,
        ClientStore::UpdateContact(c, client_id, change.name.value_or(record.name),
                                   phone.empty() ? std::nullopt : std::optional<std::string>(phone),
                                   change.language.value_or(record.language), FormatRfc3339(now), if_match));
    if (!updated) return Error{ErrorCode::kPreconditionFailed, "The record changed meanwhile.", {}};
    if (change.name) ALLMENDE_TRY(ClientRegistry::NameChanged(c, bus_, client_id));
    ALLMENDE_ASSIGN_OR_RETURN(std::optional<ClientRecord> changed, ClientStore::Get(c, client_id));
    if (!changed.has_value()) return Error::NotFound("No such client.");
    return Result<ClientRecord>(std::move(changed).value());
  });
}

Result<void> ClientService::EnsureClient(storage::Connection& c, events::EventBus& bus, const std::string& user_id,
                                         const std::string& region_id, const std::string& created_by, Timestamp now) {
  ALLMENDE_ASSIGN_OR_RETURN(bool added,
                            ClientStore::InsertIfMissing(c, user_id, region_id, FormatRfc3339(now), created_by));
  if (added) ALLMENDE_TRY(ClientRegistry::NameChanged(c, bus, user_id));
  return Ok();
}

Result<void> ClientService::EnsureRelation(storage::Connection& c, const std::string& client_id,
                                           const std::string& organization_id, const std::string& relation,
                                           Timestamp now, const std::optional<std::string>& consent_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto open, ClientStore::OpenRelations(c, client_id, organization_id, relation));
  for (const auto& [id, consent] : open) {
    // A relation that needs no consent covers everything; one under the same consent is this one.
    if (!consent || consent == consent_id) return Ok();
  }
  // Without a consent of its own (the client's own order, a purchaser's), the relation must not
  // end when an advisor's consent for another order is withdrawn.
  if (!consent_id && !open.empty()) return ClientStore::MakeUnconditional(c, open.front().first);
  return ClientStore::InsertRelation(c, NewId("crl"), client_id, organization_id, relation, FormatRfc3339(now),
                                     consent_id);
}

Result<void> ClientService::EndRelation(storage::Connection& c, const std::string& client_id,
                                        const std::string& organization_id, const std::string& relation,
                                        Timestamp now) {
  return ClientStore::EndRelation(c, client_id, organization_id, relation, FormatRfc3339(now));
}

Result<std::vector<ClientOfOrganization>> ClientService::OfOrganization(const access::Actor& actor,
                                                                        const std::string& organization_id) {
  Timestamp now = clock_.Now();
  return db_.WriteValue<std::vector<ClientOfOrganization>>(
      [&](storage::Connection& c) -> Result<std::vector<ClientOfOrganization>> {
        ALLMENDE_ASSIGN_OR_RETURN(std::string region, access::PolicyStore::OrganizationRegion(c, organization_id));
        if (region.empty()) return Error::NotFound("There is no such organization.");
        ALLMENDE_ASSIGN_OR_RETURN(auto decision,
                                  access::Authorize(c, actor.principal, access::Action::kClientList,
                                                    {.region_id = region, .organization_id = organization_id}, now));
        ALLMENDE_ASSIGN_OR_RETURN(auto list, ClientStore::OfOrganization(c, organization_id, FormatRfc3339(now), 200));
        for (const auto& client : list) {
          ALLMENDE_TRY(access::AppendAccess(c, decision,
                                            {.action = "client.list",
                                             .subject_type = "client",
                                             .subject_id = client.client_id,
                                             .client_id = client.client_id,
                                             .region_id = region,
                                             .purpose = actor.purpose},
                                            actor.request_id, now));
        }
        return list;
      });
}

Result<void> ClientService::RecordConsent(storage::Connection& c, const Consent& consent) {
  return ConsentStore::Insert(c, consent);
}

Result<std::optional<Consent>> ClientService::FindConsent(storage::Connection& c, const std::string& id) {
  return ConsentStore::Get(c, id);
}

Result<std::vector<Consent>> ClientService::ConsentsOfClient(storage::Connection& c, const std::string& client_id) {
  return ConsentStore::OfClient(c, client_id);
}

Result<bool> ClientService::WithdrawConsent(storage::Connection& c, const std::string& id, const std::string& by,
                                            Timestamp now) {
  return ConsentStore::Withdraw(c, id, by, FormatRfc3339(now));
}

Result<void> ClientService::ConsentNamesProvider(storage::Connection& c, const std::string& id,
                                                 const std::string& organization_id) {
  return ConsentStore::SetOrganization(c, id, organization_id);
}

}  // namespace allmende::clients
