// The access log: an append-only, hash-chained record of every read and write of a client's
// personal data and every administrative action. One chain per region (and one, "platform", for
// actions outside any region); each entry's hash covers its fields and the previous hash, so an
// edited, removed or reordered entry breaks the chain and VerifyAccessLog finds it.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "access/policy.hpp"
#include "common/time.hpp"
#include "storage/database.hpp"

namespace allmende::access {

// What was done to what. `client_id` is set when it is a client's personal data.
struct AccessEvent {
  std::string action;        // "client.read", "members.remove", …
  std::string subject_type;  // "client", "organization", "membership", "invitation", "token", "delegation", "region"
  std::string subject_id;
  std::string client_id = {};
  std::string region_id = {};  // the chain; empty: "platform"
  std::string purpose = {};    // empty: the decision's default purpose
};

struct AccessEntry {
  std::string id;
  std::string chain;
  std::int64_t seq = 0;
  std::string at;
  std::string actor_id;
  std::string actor_name;
  std::string actor_role;
  std::optional<std::string> organization_id;
  std::optional<std::string> organization_name;
  std::string action;
  std::string subject_type;
  std::string subject_id;
  std::optional<std::string> client_id;
  std::optional<std::string> client_name;
  std::string purpose;
  std::string request_id;
};

struct AccessPage {
  std::vector<AccessEntry> items;
  std::optional<std::string> next_cursor;
};

struct AccessSearch {
  std::string region_id;
  std::string actor_id = {};
  std::string client_id = {};
  std::string action = {};
  std::string from = {};  // RFC 3339, inclusive
  std::string to = {};    // RFC 3339, exclusive
  int limit = 50;
  std::string cursor = {};
};

// Inside the caller's write transaction, so the entry exists exactly when the access happened:
// appends one entry for `decision` and `event`. The sealer puts it into the hash chain after the
// commit (SealAccessLog).
Result<void> AppendAccess(storage::Connection& c, const Decision& decision, const AccessEvent& event,
                          const std::string& request_id, Timestamp now);

// Authorize() and, when allowed, AppendAccess() with the actor's request id and stated purpose.
Result<Decision> AuthorizeAndRecord(storage::Connection& c, const Actor& actor, Action action, const Target& target,
                                    AccessEvent event, Timestamp now);

// A purpose the caller stated in the X-Access-Purpose header: up to 200 printable characters.
// Empty when absent; InvalidArgument on "X-Access-Purpose" when unusable.
Result<std::string> StatedPurpose(std::string_view header);

// The entries about one client's data, newest first.
Result<AccessPage> ListClientAccess(storage::Connection& c, const std::string& client_id, int limit,
                                    const std::string& cursor);
// An auditor's search of one region's chain, newest first.
Result<AccessPage> SearchAccess(storage::Connection& c, const AccessSearch& search);

std::string AccessEntryJson(const AccessEntry& e, bool full);

// Seals up to `batch` waiting entries per chain into their chains, in the order they were made;
// returns how many. Several processes may call it at once: they take turns per chain.
Result<std::int64_t> SealAccessLog(storage::Database& db, int batch = 1000);
// Called after each commit that appended entries (the server's sealer thread sets it once).
void SetAccessLogSealerWaker(std::function<void()> wake);

// The server's sealer: seals after each commit that appended entries, and every `period` (for
// entries other processes left, e.g. after a crash).
class AccessLogSealer {
 public:
  AccessLogSealer(storage::Database& db, std::chrono::milliseconds period);
  ~AccessLogSealer();
  void Start();
  void Wake();
  void Stop();  // seals once more, then returns

 private:
  void Run();
  storage::Database& db_;
  std::chrono::milliseconds period_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool woken_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

struct ChainBreak {
  std::string chain;
  std::int64_t seq = 0;
  std::string reason;
};

struct VerifyReport {
  std::int64_t chains = 0;
  std::int64_t entries = 0;  // sealed entries checked
  std::int64_t pending = 0;  // entries not sealed yet
  std::vector<ChainBreak> breaks;
};

// Recomputes every chain from its first entry.
Result<VerifyReport> VerifyAccessLog(storage::Database& db);

}  // namespace allmende::access
