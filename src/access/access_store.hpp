// SQL access for the policy (the facts a decision reads) and for the access log and its hash
// chains. Every function runs inside the caller's transaction; the rules (who may do what) and the
// hashing stay in policy.cpp and access_log.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/access_log.hpp"
#include "storage/database.hpp"

namespace allmende::access {

class PolicyStore {
 public:
  struct Membership {
    std::string organization_id;
    std::string role;
    std::string region_id;  // the organization's
  };
  struct Relation {
    std::string organization_id;
    std::string relation;  // provider, purchaser
  };

  // The person's unrevoked memberships, each with its organization's region.
  static Result<std::vector<Membership>> LiveMemberships(storage::Connection& c, const std::string& user_id);
  // The region of client `client_id`; empty if there is no such client.
  static Result<std::string> ClientRegion(storage::Connection& c, const std::string& client_id);
  // The record client `client_id` was merged into, if it was.
  static Result<std::optional<std::string>> MergedInto(storage::Connection& c, const std::string& client_id);
  // The client's relations to organizations that are in force at `now` (RFC 3339).
  static Result<std::vector<Relation>> CurrentRelations(storage::Connection& c, const std::string& client_id,
                                                        const std::string& now);
  // The scopes of the unrevoked delegations from the client to the delegate in force at `now`.
  static Result<std::vector<std::string>> DelegationScopes(storage::Connection& c, const std::string& client_id,
                                                           const std::string& delegate_id, const std::string& now);
  // The region of organization `organization_id`; empty if there is no such organization.
  static Result<std::string> OrganizationRegion(storage::Connection& c, const std::string& organization_id);
};

class AccessLogStore {
 public:
  // A stored entry as the chain hashes it: `entry.client_name` is not read, `hash` is empty while
  // the entry waits to be sealed (and `entry.seq` is then 0).
  struct ChainEntry {
    AccessEntry entry;
    std::string prev_hash;
    std::string hash;
  };
  struct Head {
    std::int64_t seq = 0;
    std::string hash;
  };
  struct ChainHead {
    std::string chain;
    std::int64_t seq = 0;
    std::string hash;
  };

  // The names the log copies into an entry; nullopt if there is no such person, token or
  // organization.
  static Result<std::optional<std::string>> UserName(storage::Connection& c, const std::string& user_id);
  static Result<std::optional<std::string>> TokenName(storage::Connection& c, const std::string& token_id);
  static Result<std::optional<std::string>> OrganizationName(storage::Connection& c, const std::string& id);

  // Appends an unsealed entry (`seq` and `client_name` are not stored).
  static Result<void> Insert(storage::Connection& c, const AccessEntry& e);

  // The chains with unsealed entries, by name (the one order in which all sealers lock heads).
  static Result<std::vector<std::string>> UnsealedChains(storage::Connection& c);
  // Creates the chain's head (seq 0, empty hash) unless it exists.
  static Result<void> EnsureHead(storage::Connection& c, const std::string& chain);
  // Locks the chain's head row until the transaction ends (PostgreSQL: concurrent sealers wait
  // here) and returns it. Internal if the head does not exist.
  static Result<Head> LockHead(storage::Connection& c, const std::string& chain);
  // Up to `limit` unsealed entries of the chain, in the order they were made.
  static Result<std::vector<ChainEntry>> Unsealed(storage::Connection& c, const std::string& chain, std::int64_t limit);
  // Seals an unsealed entry; false if it was sealed already.
  static Result<bool> Seal(storage::Connection& c, const std::string& id, std::int64_t seq,
                           const std::string& prev_hash, const std::string& hash);
  static Result<void> SetHead(storage::Connection& c, const std::string& chain, std::int64_t seq,
                              const std::string& hash);

  // Up to `limit` entries about one client's data with id below `before` (empty: from the
  // newest), newest first, with the client's name.
  static Result<std::vector<AccessEntry>> AboutClient(storage::Connection& c, const std::string& client_id,
                                                      const std::string& before, std::int64_t limit);
  // Up to `limit` entries of `search.region_id`'s chain that match its non-empty fields (`from`
  // and `to` normalized RFC 3339), with id below `search.cursor`, newest first. `search.limit`
  // is not read.
  static Result<std::vector<AccessEntry>> Search(storage::Connection& c, const AccessSearch& search,
                                                 std::int64_t limit);
  // How many entries there are about the client's data.
  static Result<std::int64_t> CountAboutClient(storage::Connection& c, const std::string& client_id);

  // Every chain head, by chain.
  static Result<std::vector<ChainHead>> Heads(storage::Connection& c);
  // Up to 1000 sealed entries of the chain after `after_seq`, by seq.
  static Result<std::vector<ChainEntry>> SealedAfter(storage::Connection& c, const std::string& chain,
                                                     std::int64_t after_seq);
  // How many entries wait to be sealed.
  static Result<std::int64_t> CountUnsealed(storage::Connection& c);
  // Chains with sealed entries but no head, by name.
  static Result<std::vector<std::string>> HeadlessChains(storage::Connection& c);
};

}  // namespace allmende::access
