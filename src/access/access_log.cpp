#include "access/access_log.hpp"

#include <sodium.h>

#include <atomic>
#include <boost/json.hpp>
#include <functional>
#include <memory>

#include "common/ids.hpp"
#include "common/log.hpp"

namespace allmende::access {
namespace {

using storage::Value;

constexpr std::string_view kPlatformChain = "platform";

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
constexpr std::string_view kUserName = "SELECT name FROM users WHERE id = $1";
constexpr std::string_view kTokenName = "SELECT name FROM api_tokens WHERE id = $1";
constexpr std::string_view kOrganizationName = "SELECT name FROM organizations WHERE id = $1";

#define ALLMENDE_ACCESS_COLUMNS                                                                                  \
  "a.id, a.chain, a.seq, a.at, a.actor_id, a.actor_name, a.actor_role, a.organization_id, a.organization_name, " \
  "a.action, a.subject_type, a.subject_id, a.client_id, u.name, a.purpose, a.request_id"
constexpr std::string_view kListClient =
    "SELECT " ALLMENDE_ACCESS_COLUMNS
    " FROM access_log a LEFT JOIN users u ON u.id = a.client_id "
    "WHERE a.client_id = $1 AND ($2 = '' OR a.id < $2) ORDER BY a.id DESC LIMIT $3";
constexpr std::string_view kSearch =
    "SELECT " ALLMENDE_ACCESS_COLUMNS
    " FROM access_log a LEFT JOIN users u ON u.id = a.client_id WHERE a.chain = $1 AND ($2 = '' OR a.actor_id = $2) "
    "AND ($3 = '' OR a.client_id = $3) AND ($4 = '' OR a.action = $4) AND ($5 = '' OR a.at >= $5) "
    "AND ($6 = '' OR a.at < $6) AND ($7 = '' OR a.id < $7) ORDER BY a.id DESC LIMIT $8";
#undef ALLMENDE_ACCESS_COLUMNS

constexpr std::string_view kChains = "SELECT chain, seq, hash FROM access_log_heads ORDER BY chain";
constexpr std::string_view kChainPage =
    "SELECT id, chain, seq, at, actor_id, actor_name, actor_role, organization_id, organization_name, action, "
    "subject_type, subject_id, client_id, purpose, request_id, prev_hash, hash FROM access_log "
    "WHERE chain = $1 AND seq > $2 AND hash IS NOT NULL ORDER BY seq LIMIT 1000";
constexpr std::string_view kPending = "SELECT count(*) FROM access_log WHERE hash IS NULL";
constexpr std::string_view kHeadless =
    "SELECT DISTINCT chain FROM access_log a WHERE hash IS NOT NULL "
    "AND NOT EXISTS (SELECT 1 FROM access_log_heads h WHERE h.chain = a.chain) ORDER BY chain";

std::atomic<std::function<void()>*>& SealerWakerSlot() {
  static std::atomic<std::function<void()>*> wake{nullptr};
  return wake;
}

Value Opt(const std::string& v) { return v.empty() ? Value(nullptr) : Value(v); }

// SHA-256 over the length-prefixed fields: no choice of values can make two entries collide.
std::string EntryHash(const std::vector<std::string>& fields) {
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  for (const auto& f : fields) {
    std::string prefix = std::to_string(f.size()) + ":";
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(prefix.data()), prefix.size());
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(f.data()), f.size());
  }
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&state, digest);
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

// The hashed fields of a stored row of kChainPage (columns 0-15, prev_hash included).
std::vector<std::string> HashedFields(const storage::Row& r) {
  std::vector<std::string> f;
  for (std::size_t i = 0; i <= 15; ++i) f.push_back(r.Text(i));
  return f;
}

Result<std::string> ActorName(storage::Connection& c, const Decision& d) {
  if (d.actor_id == "admin-token") return std::string("bootstrap admin token");
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(d.role == "api_token" ? kTokenName : kUserName, {d.actor_id}));
  return row ? row->Text(0) : d.actor_id;
}

AccessEntry EntryFrom(const storage::Row& r) {
  return AccessEntry{r.Text(0),     r.Text(1),     r.Int(2),     r.Text(3), r.Text(4),  r.Text(5),
                     r.Text(6),     r.OptText(7),  r.OptText(8), r.Text(9), r.Text(10), r.Text(11),
                     r.OptText(12), r.OptText(13), r.Text(14),   r.Text(15)};
}

AccessPage PageFrom(const std::vector<storage::Row>& rows, int limit) {
  AccessPage page;
  for (const auto& r : rows) page.items.push_back(EntryFrom(r));
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_cursor = page.items.back().id;
  }
  return page;
}

}  // namespace

Result<void> AppendAccess(storage::Connection& c, const Decision& decision, const AccessEvent& event,
                          const std::string& request_id, Timestamp now) {
  ALLMENDE_ASSIGN_OR_RETURN(std::string actor_name, ActorName(c, decision));
  std::string org_name;
  if (!decision.organization_id.empty()) {
    ALLMENDE_ASSIGN_OR_RETURN(auto org, c.QueryOne(kOrganizationName, {decision.organization_id}));
    if (org) org_name = org->Text(0);
  }
  ALLMENDE_TRY(c.Execute(
      kInsert, {NewId("acc"), event.region_id.empty() ? std::string(kPlatformChain) : event.region_id,
                FormatRfc3339(now), decision.actor_id, actor_name, decision.role, Opt(decision.organization_id),
                Opt(org_name), event.action, event.subject_type, event.subject_id, Opt(event.client_id),
                event.purpose.empty() ? decision.purpose : event.purpose, request_id}));
  if (auto* wake = SealerWakerSlot().load()) c.OnCommit(*wake);
  return Ok();
}

void SetAccessLogSealerWaker(std::function<void()> wake) {
  // Kept until the process ends, not freed when replaced: a commit on another thread may be
  // calling the old one right now.
  static std::mutex mutex;
  static std::vector<std::unique_ptr<std::function<void()>>> kept;
  std::lock_guard lock(mutex);
  kept.push_back(std::make_unique<std::function<void()>>(std::move(wake)));
  SealerWakerSlot().store(kept.back().get());
}

AccessLogSealer::AccessLogSealer(storage::Database& db, std::chrono::milliseconds period) : db_(db), period_(period) {}

AccessLogSealer::~AccessLogSealer() { Stop(); }

void AccessLogSealer::Start() {
  SetAccessLogSealerWaker([this] { Wake(); });
  thread_ = std::thread([this] { Run(); });
}

void AccessLogSealer::Wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  cv_.notify_one();
}

void AccessLogSealer::Stop() {
  SealerWakerSlot().store(nullptr);  // commits from now on wake nobody
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || !thread_.joinable()) return;
    stopping_ = true;
  }
  cv_.notify_one();
  thread_.join();
}

void AccessLogSealer::Run() {
  std::unique_lock lock(mutex_);
  while (true) {
    cv_.wait_for(lock, period_, [this] { return woken_ || stopping_; });
    bool last = stopping_;
    woken_ = false;
    lock.unlock();
    auto sealed = SealAccessLog(db_);  // at stop too: what the last requests appended
    if (!sealed.ok()) log::Warn("access_log_seal_failed", {{"error", sealed.error().message}});
    lock.lock();
    if (last) return;
  }
}

Result<std::int64_t> SealAccessLog(storage::Database& db, int batch) {
  std::int64_t sealed = 0;
  // Read committed: after waiting for another sealer's lock on a head, the next statements see
  // what it sealed.
  ALLMENDE_TRY(db.Write(
      [&](storage::Connection& c) -> Result<void> {
        sealed = 0;
        ALLMENDE_ASSIGN_OR_RETURN(auto chains, c.Query(kUnsealedChains));
        for (const auto& chain_row : chains) {
          const std::string chain = chain_row.Text(0);
          ALLMENDE_TRY(c.Execute(kCreateHead, {chain}));
          ALLMENDE_ASSIGN_OR_RETURN(auto head, c.QueryOne(kLockHead, {chain}));
          std::int64_t seq = head->Int(0);
          std::string prev = head->Text(1);
          ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(kUnsealed, {chain, std::int64_t{batch}}));
          for (const auto& r : rows) {
            ++seq;
            std::vector<std::string> fields = HashedFields(r);
            fields[2] = std::to_string(seq);
            fields[15] = prev;
            std::string hash = EntryHash(fields);
            ALLMENDE_ASSIGN_OR_RETURN(auto n, c.Execute(kSeal, {r.Text(0), seq, prev, hash}));
            if (n != 1) return Error::Internal("access log entry " + r.Text(0) + " was sealed by someone else");
            prev = hash;
            ++sealed;
          }
          if (!rows.empty()) ALLMENDE_TRY(c.Execute(kSetHead, {chain, seq, prev}));
        }
        return Ok();
      },
      storage::Isolation::kReadCommitted));
  return sealed;
}

Result<Decision> AuthorizeAndRecord(storage::Connection& c, const Actor& actor, Action action, const Target& target,
                                    AccessEvent event, Timestamp now) {
  ALLMENDE_ASSIGN_OR_RETURN(Decision d, Authorize(c, actor.principal, action, target, now));
  if (event.purpose.empty()) event.purpose = actor.purpose;
  ALLMENDE_TRY(AppendAccess(c, d, event, actor.request_id, now));
  return d;
}

Result<Actor> Actor::Of(const http::Request& request) {
  Actor a(request.principal);
  a.request_id = request.request_id;
  ALLMENDE_ASSIGN_OR_RETURN(a.purpose, StatedPurpose(request.Header("x-access-purpose")));
  return a;
}

Result<std::string> StatedPurpose(std::string_view header) {
  if (header.empty()) return std::string();
  if (header.size() > 200) return Error::Invalid("X-Access-Purpose", "must be at most 200 characters");
  for (unsigned char ch : header) {
    if (ch < 0x20 || ch == 0x7f) return Error::Invalid("X-Access-Purpose", "must be printable text");
  }
  return std::string(header);
}

Result<AccessPage> ListClientAccess(storage::Connection& c, const std::string& client_id, int limit,
                                    const std::string& cursor) {
  if (limit < 1 || limit > 100) return Error::Invalid("limit", "must be between 1 and 100");
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(kListClient, {client_id, cursor, std::int64_t{limit + 1}}));
  return PageFrom(rows, limit);
}

Result<AccessPage> SearchAccess(storage::Connection& c, const AccessSearch& s) {
  std::vector<FieldError> errors;
  if (s.limit < 1 || s.limit > 100) errors.push_back({"limit", "must be between 1 and 100"});
  if (!s.from.empty() && !ParseRfc3339(s.from)) errors.push_back({"from", "must be an RFC 3339 time"});
  if (!s.to.empty() && !ParseRfc3339(s.to)) errors.push_back({"to", "must be an RFC 3339 time"});
  if (!errors.empty()) return Error::Invalid(std::move(errors));
  auto norm = [](const std::string& t) { return t.empty() ? t : FormatRfc3339(*ParseRfc3339(t)); };
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(kSearch, {s.region_id, s.actor_id, s.client_id, s.action, norm(s.from),
                                                         norm(s.to), s.cursor, std::int64_t{s.limit + 1}}));
  return PageFrom(rows, s.limit);
}

std::string AccessEntryJson(const AccessEntry& e, bool full) {
  auto opt = [](const std::optional<std::string>& v) { return v ? boost::json::value(*v) : nullptr; };
  boost::json::object o;
  o["id"] = e.id;
  o["at"] = e.at;
  o["actor_name"] = e.actor_name;
  o["actor_role"] = e.actor_role;
  o["organization_name"] = opt(e.organization_name);
  o["action"] = e.action;
  o["subject_type"] = e.subject_type;
  o["purpose"] = e.purpose;
  if (full) {
    o["actor_id"] = e.actor_id;
    o["organization_id"] = opt(e.organization_id);
    o["subject_id"] = e.subject_id;
    o["client_id"] = opt(e.client_id);
    o["client_name"] = opt(e.client_name);
    o["request_id"] = e.request_id;
    o["chain"] = e.chain;
    o["seq"] = e.seq;
  }
  return boost::json::serialize(o);
}

Result<VerifyReport> VerifyAccessLog(storage::Database& db) {
  VerifyReport report;
  ALLMENDE_TRY(db.Read([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_ASSIGN_OR_RETURN(auto pending, c.QueryOne(kPending));
    report.pending = pending->Int(0);
    ALLMENDE_ASSIGN_OR_RETURN(auto headless, c.Query(kHeadless));
    for (const auto& h : headless) report.breaks.push_back({h.Text(0), 0, "the chain's head is missing"});
    ALLMENDE_ASSIGN_OR_RETURN(auto heads, c.Query(kChains));
    for (const auto& head : heads) {
      ++report.chains;
      const std::string chain = head.Text(0);
      std::string prev;
      std::int64_t seq = 0;
      bool broken = false;
      while (!broken) {
        ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(kChainPage, {chain, seq}));
        if (rows.empty()) break;
        for (const auto& r : rows) {
          ++report.entries;
          std::int64_t s = r.Int(2);
          std::string reason;
          if (s != seq + 1) {
            reason = "entry " + std::to_string(seq + 1) + " is missing";
          } else if (r.Text(15) != prev) {
            reason = "previous-hash link does not match";
          } else if (EntryHash(HashedFields(r)) != r.Text(16)) {
            reason = "entry was changed after it was written";
          }
          if (!reason.empty()) {
            report.breaks.push_back({chain, s, reason});
            broken = true;
            break;
          }
          seq = s;
          prev = r.Text(16);
        }
      }
      if (!broken && (seq != head.Int(1) || prev != head.Text(2))) {
        report.breaks.push_back({chain, seq + 1, "entries after " + std::to_string(seq) + " are missing"});
      }
    }
    return Ok();
  }));
  return report;
}

}  // namespace allmende::access
