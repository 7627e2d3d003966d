// The client registry of the advice desk: register a person as a client (with the Finnish identity
// code sealed and found by a keyed digest), find clients by name with typos, birth date, phone or
// identity code, warn about records that look alike, and reveal an identity code with a log entry.
#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "access/policy.hpp"
#include "clients/client_types.hpp"
#include "clients/name_index.hpp"
#include "common/rate_limiter.hpp"
#include "common/time.hpp"
#include "events/event_bus.hpp"
#include "storage/database.hpp"
#include "storage/field_cipher.hpp"

namespace allmende::clients {

class ClientRegistry {
 public:
  // `names` is the desk's name index (name_index.hpp), kept by the clients module; the registry
  // puts what it registers and merges there at once, and tells other processes by `bus`.
  // `search_per_minute` (clients.search_per_minute) limits each person's searches and look-alike
  // checks (429 with Retry-After beyond it); 0: no limit.
  ClientRegistry(storage::Database& db, const TimeSource& clock, const storage::FieldCipher& cipher,
                 events::EventBus& bus, NameIndex& names, int search_per_minute = 0);

  // A new client of the region, with a person record (no log-in until they set one up). 422 per
  // field; an identity code already registered is 422 on identity_code. The record comes back
  // with the records that look like it.
  Result<ClientRecord> Register(const access::Actor& actor, const std::string& region_id, const NewClient& input);
  // At most `limit` (1–50) clients of the region, best match first. One access-log entry on the
  // region's chain records the search (who searched the region's clients, when, why).
  Result<std::vector<ClientHit>> Search(const access::Actor& actor, const std::string& region_id,
                                        const ClientQuery& query);
  // The records of the region that look like a person about to be registered.
  Result<std::vector<LookAlike>> LookAlikesOf(const access::Actor& actor, const std::string& region_id,
                                              const NewClient& person);
  // The identity code in full; the reveal is an access-log entry the client sees. NotFound when
  // none is recorded.
  Result<std::string> RevealIdentityCode(const access::Actor& actor, const std::string& client_id);

  // Merges the duplicate record into `keep` (a coordinator of their region): every order, grant,
  // consent, contact and delegation of the duplicate moves over, what `keep` lacks is filled from
  // it, and it leads to `keep` from then on; both logs get an entry. Conflict when the duplicate
  // has an account of its own (merge the other way round), either is merged already, or they are
  // of different regions.
  Result<ClientRecord> Merge(const access::Actor& actor, const std::string& keep, const std::string& duplicate);

  // Records in the region (other than `except`) that may be the same person: a similar name and
  // the same birth date, or the same phone number.
  static Result<std::vector<LookAlike>> LookAlikes(storage::Connection& c, const std::string& region_id,
                                                   const std::string& except, const std::string& name,
                                                   const std::optional<std::string>& birth_date,
                                                   const std::optional<std::string>& phone);
  // Inside the transaction that made a client or changed their name or merged them away: after
  // it commits, every server process re-reads that client into its name index (an event on
  // kNameTopic; events carry the id, never the name).
  static Result<void> NameChanged(storage::Connection& c, events::EventBus& bus, const std::string& client_id);
  static constexpr const char* kNameTopic = "client.name.changed";
  static constexpr const char* kNameAudience = "system:clients";
  // Reads every client's name into the index (start-up; after missed events).
  Result<void> LoadNames();
  // Re-reads one client into the index: their current name, or out of it when merged or gone.
  Result<void> RefreshName(const std::string& client_id);

 private:
  // TooManyRequests when the person has searched more than the limit allows.
  Result<void> Throttle(const access::Actor& actor, Timestamp now);
  // The access-log entry of a search or look-alike check (region-level; see the .cpp).
  Result<void> LogSearch(const access::Decision& decision, const access::Actor& actor, const std::string& region_id,
                         Timestamp now);
  Result<std::vector<ClientHit>> Find(storage::Connection& c, const std::string& region_id, const ClientQuery& q,
                                      const std::optional<std::string>& phone,
                                      const std::optional<std::string>& identity_digest);

  storage::Database& db_;
  const TimeSource& clock_;
  const storage::FieldCipher& cipher_;
  events::EventBus& bus_;
  NameIndex& names_;
  RateLimiter searches_;
  // When each (person, organization, role, region, purpose) last had a search entry written.
  static constexpr std::chrono::seconds kSearchLogWindow{60};
  static constexpr std::size_t kSearchLogKeys = 10'000;  // pruned of old entries above this
  std::mutex logged_mu_;
  std::unordered_map<std::string, Timestamp> logged_;
};

// The keyed digest under which a normalized Finnish identity code is found (exact match only).
std::string IdentityCodeDigest(const storage::FieldCipher& cipher, const std::string& normalized_code);

// A date YYYY-MM-DD that can be a living person's birth date (from 1890 to `today`); the problem or
// nullopt.
std::optional<std::string> BirthDateProblem(const std::string& date, const std::string& today);

}  // namespace allmende::clients
