#include "storage/postgres/pg_database.hpp"

#include <libpq-fe.h>

#include <atomic>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <exception>
#include <mutex>
#include <random>
#include <thread>
#include <unordered_map>
#include <vector>

#include "common/log.hpp"
#include "storage/dialect.hpp"
#include "storage/postgres/pg_connection.hpp"

namespace allmende::storage {
namespace {

using pg_detail::Connect;
using pg_detail::PgConnection;

const char* BeginFor(Isolation isolation) {
  switch (isolation) {
    case Isolation::kReadCommitted:
      return "BEGIN ISOLATION LEVEL READ COMMITTED";
    case Isolation::kRepeatableRead:
      return "BEGIN ISOLATION LEVEL REPEATABLE READ";
    case Isolation::kSerializable:
      return "BEGIN ISOLATION LEVEL SERIALIZABLE";
  }
  return "BEGIN ISOLATION LEVEL SERIALIZABLE";
}

class PgDatabase final : public Database {
 public:
  PgDatabase(PostgresOptions options, std::vector<std::unique_ptr<PgConnection>> conns)
      : options_(std::move(options)), conns_(std::move(conns)) {
    for (auto& c : conns_) free_.push_back(c.get());
  }
  ~PgDatabase() override { Close(); }

  std::string_view backend() const override { return "postgresql"; }
  bool SerializesWriters() const override { return false; }

  Result<void> ReadTransaction(const Work& work) override {
    return Run(work, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", false);
  }

  Result<void> WriteTransaction(const Work& work, Isolation isolation) override {
    return Run(work, BeginFor(isolation), true);
  }

  Result<void> Ping() override {
    return Read([](Connection& c) -> Result<void> {
      ALLMENDE_TRY(c.Query("SELECT 1"));
      return Ok();
    });
  }

  PoolStats Stats() const override {
    std::lock_guard lock(mu_);
    PoolStats s;
    s.read_connections = static_cast<int>(conns_.size());
    s.read_in_use = static_cast<int>(conns_.size() - free_.size());
    s.read_waits = waits_;
    s.write_transactions = commits_.load();
    s.write_rollbacks = rollbacks_.load();
    s.write_retries = retries_.load();
    s.write_commits = commits_.load();
    return s;
  }

  void Close() override {
    std::unique_lock lock(mu_);
    closed_ = true;
    cv_.notify_all();
    while (free_.size() != conns_.size()) cv_.wait_for(lock, std::chrono::milliseconds(10));
    free_.clear();
    conns_.clear();
  }

 private:
  // One transaction with bounded retries: serialization failures and deadlocks always, a lost
  // connection once (the server restarted; nothing was committed, since COMMIT was not reached).
  Result<void> Run(const Work& work, const char* begin, bool write) {
    std::mt19937 jitter(std::random_device{}());
    bool reconnected = false;
    for (int attempt = 0;; ++attempt) {
      ALLMENDE_ASSIGN_OR_RETURN(PgConnection * conn, Acquire());
      conn->ClearFlags();
      conn->DiscardOnCommit();
      bool committed = false;
      conn->DeferBegin(begin);
      Result<void> result = Ok();
      // A thrown exception (a bug) must neither leak the connection nor leave it in a transaction.
      struct ReleaseOnThrow {
        PgDatabase* db;
        PgConnection* conn;  // null once released normally
        ~ReleaseOnThrow() {
          if (conn && std::uncaught_exceptions() > 0) {
            (void)conn->Finish(false, true);
            db->Release(conn);
          }
        }
      } guard{this, conn};
      bool commit_sent = false;
      if (result.ok()) {
        result = work(*conn);
        if (result.ok()) {
          // A read-only transaction has nothing to make durable: its COMMIT is not waited for.
          commit_sent = write;
          result = conn->Finish(true, write);
          committed = result.ok();
        }
        if (!committed) (void)conn->Finish(false, true);
      }
      bool retryable = conn->retryable();
      bool lost = !conn->healthy() || conn->was_reset();
      auto callbacks = committed && write ? conn->TakeOnCommit() : std::vector<std::function<void()>>{};
      conn->DiscardOnCommit();
      guard.conn = nullptr;
      Release(conn);
      if (committed) {
        if (write) ++commits_;
        for (auto& cb : callbacks) cb();
        return Ok();
      }
      if (write) ++rollbacks_;
      if (retryable && attempt < options_.max_retries) {
        ++retries_;
        // Full jitter on an exponential ceiling (1, 2, 4 … 64 ms): colliding writers spread out.
        int ceiling_us = 1000 << std::min(attempt, 6);
        std::this_thread::sleep_for(
            std::chrono::microseconds(std::uniform_int_distribution<int>(100, ceiling_us)(jitter)));
        continue;
      }
      if (lost && commit_sent) {
        // The COMMIT went out and the answer did not come back: it may have committed. Running the
        // work again could do it twice, so the caller hears that the outcome is unknown.
        return Error::Unavailable("The database connection was lost while committing; the change may have been saved.");
      }
      if (lost && !reconnected && result.error().code == ErrorCode::kUnavailable) {
        reconnected = true;  // nothing was committed: the work never reached COMMIT
        continue;
      }
      return result;
    }
  }

  // Waits at most acquire_timeout_ms for a free connection: past that the server is overloaded,
  // and the caller answers 503 with Retry-After rather than queueing without end.
  Result<PgConnection*> Acquire() {
    std::unique_lock lock(mu_);
    if (free_.empty() && !closed_) ++waits_;
    bool got = cv_.wait_for(lock, std::chrono::milliseconds(options_.acquire_timeout_ms),
                            [this] { return closed_ || !free_.empty(); });
    if (closed_) return Error::Unavailable("The database is closed.");
    if (!got) {
      Error e = Error::Unavailable("The database is busy (every connection is taken); try again shortly.");
      e.retry_after_seconds = 1;
      return e;
    }
    PgConnection* c = free_.back();
    free_.pop_back();
    lock.unlock();
    c->Drain();
    if (!c->healthy()) c->Reset();  // after a server restart; a failure shows in the first statement
    return c;
  }

  void Release(PgConnection* c) {
    std::lock_guard lock(mu_);
    free_.push_back(c);
    cv_.notify_one();  // one connection, one waiter: waking dozens of write threads costs each a switch
  }

  PostgresOptions options_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<PgConnection>> conns_;
  std::vector<PgConnection*> free_;
  std::uint64_t waits_ = 0;
  bool closed_ = false;
  std::atomic<std::uint64_t> commits_{0}, rollbacks_{0}, retries_{0};
};

}  // namespace

std::string RedactedUrl(const std::string& url) {
  auto scheme = url.find("://");
  auto at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return url;
  auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

Result<std::unique_ptr<Database>> OpenPostgres(const PostgresOptions& options) {
  std::vector<std::unique_ptr<PgConnection>> conns;
  for (int i = 0; i < std::max(1, options.connections); ++i) {
    ALLMENDE_ASSIGN_OR_RETURN(auto c, Connect(options));
    conns.push_back(std::move(c));
  }
  return std::unique_ptr<Database>(new PgDatabase(options, std::move(conns)));
}

}  // namespace allmende::storage
