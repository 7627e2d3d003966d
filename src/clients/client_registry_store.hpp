// SQL of the client registry (the advice desk): registration, the names for the in-memory name
// index, lookups by birth date, phone and identity code, and merges. Inside the caller's transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "clients/client_types.hpp"
#include "clients/name_index.hpp"
#include "storage/database.hpp"

namespace allmende::clients {

// A registered client's row in `clients`, beyond the person in `users`.
struct RegistryRow {
  std::string user_id;
  std::string region_id;
  std::string created_at;
  std::string created_by;
  std::optional<std::string> birth_date;
  std::optional<std::string> street;
  std::optional<std::string> postal_code;
  std::optional<std::string> city;
  std::optional<std::string> municipality_code;
  std::optional<std::string> identity_code = {};         // sealed
  std::optional<std::string> identity_code_digest = {};  // keyed digest of the normalized code
  std::optional<std::string> identity_code_masked = {};
};

class RegistryStore {
 public:
  static Result<void> Insert(storage::Connection& c, const RegistryRow& row);
  // Sets the registry's fields of an existing client (the demo people, made before as accounts).
  static Result<void> SetDetails(storage::Connection& c, const RegistryRow& row);
  // Every unmerged client's region and name, for the name index.
  static Result<std::vector<NameIndex::Entry>> AllNames(storage::Connection& c);
  // The client's region, merged or not; nullopt if no such client.
  static Result<std::optional<std::string>> RegionOf(storage::Connection& c, const std::string& client_id);
  // The client's region and current name; nullopt if no such client or merged into another.
  static Result<std::optional<NameIndex::Entry>> IndexedName(storage::Connection& c, const std::string& client_id);
  // Clients as a search lists them, by id (merged records left out).
  static Result<std::vector<ClientHit>> Hits(storage::Connection& c, const std::vector<std::string>& ids);
  static Result<std::vector<ClientHit>> ByBirthDate(storage::Connection& c, const std::string& region_id,
                                                    const std::string& birth_date, int limit);
  static Result<std::vector<ClientHit>> ByPhone(storage::Connection& c, const std::string& region_id,
                                                const std::string& phone, int limit);
  static Result<std::vector<ClientHit>> ByIdentityDigest(storage::Connection& c, const std::string& region_id,
                                                         const std::string& digest);
  // Whether any unmerged client anywhere has this identity code; their id.
  static Result<std::optional<std::string>> ClientWithIdentityDigest(storage::Connection& c, const std::string& digest);
  // Whether the person has an account they sign in with (a password or a live session).
  static Result<bool> HasAccount(storage::Connection& c, const std::string& user_id);
  // Moves every reference to client `from` over to `to` (the tables in kClientReferences), fills
  // what `to` lacks from `from` and marks it merged into `to`.
  static Result<void> Merge(storage::Connection& c, const std::string& from, const std::string& to,
                            const std::string& now);
  // "table.column" of every reference to a client that Merge moves (for the schema test).
  static const std::vector<std::string>& ClientReferences();
  // The sealed identity code, if one is recorded.
  static Result<std::optional<std::string>> SealedIdentityCode(storage::Connection& c, const std::string& client_id);
  // The local name of a municipality of the gazetteer with that code; nullopt if there is none.
  static Result<std::optional<std::string>> MunicipalityName(storage::Connection& c, const std::string& code);
  // The region's country (FI, DE, DK) and default language; nullopt if no such region.
  static Result<std::optional<std::pair<std::string, std::string>>> RegionCountry(storage::Connection& c,
                                                                                  const std::string& region_id);
};

}  // namespace allmende::clients
