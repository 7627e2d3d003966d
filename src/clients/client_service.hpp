// The client record: a person who receives services in a region, the organizations that serve
// or pay for them, and their contact details. Every read and change by anyone goes through the
// policy and leaves one access-log entry in the same transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "clients/client_types.hpp"
#include "common/time.hpp"
#include "events/event_bus.hpp"
#include "storage/database.hpp"

namespace allmende::clients {

struct ClientChange {
  std::optional<std::string> name = {};
  std::optional<std::string> phone = {};
  std::optional<std::string> language = {};
};

std::string ClientJson(const ClientRecord& c);

class ClientService {
 public:
  // `bus` carries name changes to every process's name index (ClientRegistry::NameChanged).
  ClientService(storage::Database& db, const TimeSource& clock, events::EventBus& bus);

  // PermissionDenied unless the policy allows client.read; NotFound if the person is no client.
  // The access-log entry is not written here: the routes declare client data, and the request
  // guard writes it in the same transaction (src/access/request_guard.hpp).
  Result<ClientRecord> Get(const access::Actor& actor, const std::string& client_id);
  // PreconditionFailed if `if_match` is not the record's version; InvalidArgument per field.
  Result<ClientRecord> Update(const access::Actor& actor, const std::string& client_id, const ClientChange& change,
                              std::int64_t if_match);

  // The clients an organization pays for or serves now, by name (at most 200). Each listed
  // client gets an access-log entry: their name was shown.
  Result<std::vector<ClientOfOrganization>> OfOrganization(const access::Actor& actor,
                                                           const std::string& organization_id);

  // Demo data and order routing: makes a person a client of a region (idempotent) and records
  // which organization serves or pays for them.
  static Result<void> EnsureClient(storage::Connection& c, events::EventBus& bus, const std::string& user_id,
                                   const std::string& region_id, const std::string& created_by, Timestamp now);
  // Ends the relation (a provider whose last order for the client ended): from `now` on the
  // organization's people no longer reach the client's data through it.
  static Result<void> EndRelation(storage::Connection& c, const std::string& client_id,
                                  const std::string& organization_id, const std::string& relation, Timestamp now);
  // With `consent_id`, the relation holds only while that consent does (an order an advisor placed
  // for the client; see client_consents).
  // Consents (client_consents), for the features that record or act on them inside their own
  // transaction: the order placed by the desk records one; the client lists and withdraws them.
  static Result<void> RecordConsent(storage::Connection& c, const Consent& consent);
  static Result<std::optional<Consent>> FindConsent(storage::Connection& c, const std::string& id);
  static Result<std::vector<Consent>> ConsentsOfClient(storage::Connection& c, const std::string& client_id);
  // False when it was withdrawn already.
  static Result<bool> WithdrawConsent(storage::Connection& c, const std::string& id, const std::string& by,
                                      Timestamp now);
  // A consent for "whoever accepts the order" names the provider that did.
  static Result<void> ConsentNamesProvider(storage::Connection& c, const std::string& id,
                                           const std::string& organization_id);

  static Result<void> EnsureRelation(storage::Connection& c, const std::string& client_id,
                                     const std::string& organization_id, const std::string& relation, Timestamp now,
                                     const std::optional<std::string>& consent_id = std::nullopt);

 private:
  // Authorizes `action` on the client and loads the record (NotFound if no client).
  Result<ClientRecord> Open(storage::Connection& c, const access::Actor& actor, access::Action action,
                            const std::string& client_id);

  storage::Database& db_;
  const TimeSource& clock_;
  events::EventBus& bus_;
};

}  // namespace allmende::clients
