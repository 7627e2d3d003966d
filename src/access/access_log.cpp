#include "access/access_log.hpp"

#include <sodium.h>

#include <atomic>
#include <boost/json.hpp>
#include <functional>
#include <memory>

#include "access/access_store.hpp"
#include "common/ids.hpp"
#include "common/log.hpp"

namespace allmende::access {
namespace {

constexpr std::string_view kPlatformChain = "platform";

std::atomic<std::function<void()>*>& SealerWakerSlot() {
  static std::atomic<std::function<void()>*> wake{nullptr};
  return wake;
}

std::optional<std::string> Opt(const std::string& v) { return v.empty() ? std::nullopt : std::optional(v); }

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

// The hashed fields of a stored entry, in the order of the access_log table's columns up to
// prev_hash (a NULL column hashes as the empty text).
std::vector<std::string> HashedFields(const AccessLogStore::ChainEntry& c) {
  const AccessEntry& e = c.entry;
  return {e.id,
          e.chain,
          std::to_string(e.seq),
          e.at,
          e.actor_id,
          e.actor_name,
          e.actor_role,
          e.organization_id.value_or(""),
          e.organization_name.value_or(""),
          e.action,
          e.subject_type,
          e.subject_id,
          e.client_id.value_or(""),
          e.purpose,
          e.request_id,
          c.prev_hash};
}

Result<std::string> ActorName(storage::Connection& c, const Decision& d) {
  if (d.actor_id == "admin-token") return std::string("bootstrap admin token");
  ALLMENDE_ASSIGN_OR_RETURN(auto name, d.role == "api_token" ? AccessLogStore::TokenName(c, d.actor_id)
                                                             : AccessLogStore::UserName(c, d.actor_id));
  return name.value_or(d.actor_id);
}

AccessPage PageFrom(std::vector<AccessEntry> entries, int limit) {
  AccessPage page;
  page.items = std::move(entries);
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
    ALLMENDE_ASSIGN_OR_RETURN(auto org, AccessLogStore::OrganizationName(c, decision.organization_id));
    if (org) org_name = *org;
  }
  ALLMENDE_TRY(AccessLogStore::Insert(
      c, AccessEntry{.id = NewId("acc"),
                     .chain = event.region_id.empty() ? std::string(kPlatformChain) : event.region_id,
                     .seq = 0,
                     .at = FormatRfc3339(now),
                     .actor_id = decision.actor_id,
                     .actor_name = actor_name,
                     .actor_role = decision.role,
                     .organization_id = Opt(decision.organization_id),
                     .organization_name = Opt(org_name),
                     .action = event.action,
                     .subject_type = event.subject_type,
                     .subject_id = event.subject_id,
                     .client_id = Opt(event.client_id),
                     .client_name = std::nullopt,
                     .purpose = event.purpose.empty() ? decision.purpose : event.purpose,
                     .request_id = request_id}));
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
        ALLMENDE_ASSIGN_OR_RETURN(auto chains, AccessLogStore::UnsealedChains(c));
        for (const auto& chain : chains) {
          ALLMENDE_TRY(AccessLogStore::EnsureHead(c, chain));
          ALLMENDE_ASSIGN_OR_RETURN(auto head, AccessLogStore::LockHead(c, chain));
          std::int64_t seq = head.seq;
          std::string prev = head.hash;
          ALLMENDE_ASSIGN_OR_RETURN(auto entries, AccessLogStore::Unsealed(c, chain, batch));
          for (auto& e : entries) {
            ++seq;
            e.entry.seq = seq;
            e.prev_hash = prev;
            std::string hash = EntryHash(HashedFields(e));
            ALLMENDE_ASSIGN_OR_RETURN(bool sealed_now, AccessLogStore::Seal(c, e.entry.id, seq, prev, hash));
            if (!sealed_now) return Error::Internal("access log entry " + e.entry.id + " was sealed by someone else");
            prev = hash;
            ++sealed;
          }
          if (!entries.empty()) ALLMENDE_TRY(AccessLogStore::SetHead(c, chain, seq, prev));
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
  ALLMENDE_ASSIGN_OR_RETURN(auto entries, AccessLogStore::AboutClient(c, client_id, cursor, limit + 1));
  return PageFrom(std::move(entries), limit);
}

Result<AccessPage> SearchAccess(storage::Connection& c, const AccessSearch& s) {
  std::vector<FieldError> errors;
  if (s.limit < 1 || s.limit > 100) errors.push_back({"limit", "must be between 1 and 100"});
  if (!s.from.empty() && !ParseRfc3339(s.from)) errors.push_back({"from", "must be an RFC 3339 time"});
  if (!s.to.empty() && !ParseRfc3339(s.to)) errors.push_back({"to", "must be an RFC 3339 time"});
  if (!errors.empty()) return Error::Invalid(std::move(errors));
  auto norm = [](const std::string& t) { return t.empty() ? t : FormatRfc3339(*ParseRfc3339(t)); };
  AccessSearch normalized = s;
  normalized.from = norm(s.from);
  normalized.to = norm(s.to);
  ALLMENDE_ASSIGN_OR_RETURN(auto entries, AccessLogStore::Search(c, normalized, s.limit + 1));
  return PageFrom(std::move(entries), s.limit);
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
    ALLMENDE_ASSIGN_OR_RETURN(report.pending, AccessLogStore::CountUnsealed(c));
    ALLMENDE_ASSIGN_OR_RETURN(auto headless, AccessLogStore::HeadlessChains(c));
    for (const auto& h : headless) report.breaks.push_back({h, 0, "the chain's head is missing"});
    ALLMENDE_ASSIGN_OR_RETURN(auto heads, AccessLogStore::Heads(c));
    for (const auto& head : heads) {
      ++report.chains;
      const std::string& chain = head.chain;
      std::string prev;
      std::int64_t seq = 0;
      bool broken = false;
      while (!broken) {
        ALLMENDE_ASSIGN_OR_RETURN(auto entries, AccessLogStore::SealedAfter(c, chain, seq));
        if (entries.empty()) break;
        for (const auto& e : entries) {
          ++report.entries;
          std::int64_t s = e.entry.seq;
          std::string reason;
          if (s != seq + 1) {
            reason = "entry " + std::to_string(seq + 1) + " is missing";
          } else if (e.prev_hash != prev) {
            reason = "previous-hash link does not match";
          } else if (EntryHash(HashedFields(e)) != e.hash) {
            reason = "entry was changed after it was written";
          }
          if (!reason.empty()) {
            report.breaks.push_back({chain, s, reason});
            broken = true;
            break;
          }
          seq = s;
          prev = e.hash;
        }
      }
      if (!broken && (seq != head.seq || prev != head.hash)) {
        report.breaks.push_back({chain, seq + 1, "entries after " + std::to_string(seq) + " are missing"});
      }
    }
    return Ok();
  }));
  return report;
}

}  // namespace allmende::access
