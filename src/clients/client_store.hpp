// SQL access to clients and their relations to organizations (and the person's contact details
// in users), inside the caller's transaction.
#pragma once

#include <optional>
#include <string>

#include "clients/client_types.hpp"
#include "storage/database.hpp"

namespace allmende::clients {

class ClientStore {
 public:
  // The record with the person's contact details and all relations, by start; nullopt if the
  // person is no client.
  static Result<std::optional<ClientRecord>> Get(storage::Connection& c, const std::string& id);
  // Sets name, phone (nullopt: none) and language if `expected_version` is current, and moves the
  // version on; false otherwise (412).
  static Result<bool> UpdateContact(storage::Connection& c, const std::string& id, const std::string& name,
                                    const std::optional<std::string>& phone, const std::string& language,
                                    const std::string& now, std::int64_t expected_version);
  // Makes the person a client of the region (true); does nothing if they are one already (false).
  static Result<bool> InsertIfMissing(storage::Connection& c, const std::string& user_id, const std::string& region_id,
                                      const std::string& created_at, const std::string& created_by);
  // The client's open-ended relations of that kind to the organization: id and the consent each
  // depends on (nullopt: none).
  static Result<std::vector<std::pair<std::string, std::optional<std::string>>>> OpenRelations(
      storage::Connection& c, const std::string& client_id, const std::string& organization_id,
      const std::string& relation);
  // The relation no longer depends on a consent.
  static Result<void> MakeUnconditional(storage::Connection& c, const std::string& relation_id);
  // Ends the open relations of that kind between the client and the organization at `now`.
  static Result<void> EndRelation(storage::Connection& c, const std::string& client_id,
                                  const std::string& organization_id, const std::string& relation,
                                  const std::string& now);
  // A relation valid from `now` without end; with a consent, valid only while the consent is.
  static Result<void> InsertRelation(storage::Connection& c, const std::string& id, const std::string& client_id,
                                     const std::string& organization_id, const std::string& relation,
                                     const std::string& now, const std::optional<std::string>& consent_id);

  // The clients with a current relation to the organization, by name; at most `limit`.
  static Result<std::vector<ClientOfOrganization>> OfOrganization(storage::Connection& c,
                                                                  const std::string& organization_id,
                                                                  const std::string& now, int limit);

  // For the demo seed: the id of the region with that code, and of an organization with that
  // name in any region (the first found); nullopt if there is none.
  static Result<std::optional<std::string>> RegionIdByCode(storage::Connection& c, const std::string& code);
  static Result<std::optional<std::string>> OrganizationIdByName(storage::Connection& c, const std::string& name);
};

}  // namespace allmende::clients
