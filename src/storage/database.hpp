// The storage interface every store is written against. SQLite (embedded) implements it now;
// PostgreSQL (server mode) implements the same interface, so feature code never names a backend.
//
// SQL text uses PostgreSQL's numbered placeholders ($1, $2, …) on every backend; the SQLite
// implementation rewrites them to its own ?1, ?2. Statements are prepared once per connection
// and cached by their text, so SQL should be constants, never built from values.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "common/result.hpp"

namespace allmende::storage {

using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;
using Params = std::vector<Value>;

// One result row; columns by position, in the order of the SELECT list.
class Row {
 public:
  explicit Row(std::vector<Value> columns) : columns_(std::move(columns)) {}
  std::size_t size() const { return columns_.size(); }
  bool IsNull(std::size_t i) const { return std::holds_alternative<std::nullptr_t>(columns_.at(i)); }
  // Returns the column converted to the type; 0 / "" for NULL.
  std::int64_t Int(std::size_t i) const;
  double Real(std::size_t i) const;
  std::string Text(std::size_t i) const;
  std::optional<std::string> OptText(std::size_t i) const;
  std::optional<std::int64_t> OptInt(std::size_t i) const;

 private:
  std::vector<Value> columns_;
};

// "$first, $first+1, …" for `n` values: the parameters of an IN list built at run time (each
// count is its own cached statement, so keep the counts few).
std::string Placeholders(std::size_t first, std::size_t n);

// A connection inside a transaction. Only valid within the Read/Write callback it was given to.
class Connection {
 public:
  virtual ~Connection() = default;
  // Runs one statement and returns its rows (none for INSERT/UPDATE without RETURNING).
  // A unique or foreign-key violation returns Conflict; a busy database Unavailable.
  virtual Result<std::vector<Row>> Query(std::string_view sql, const Params& params = {}) = 0;
  // Runs one statement and returns how many rows it changed.
  virtual Result<std::int64_t> Execute(std::string_view sql, const Params& params = {}) = 0;
  // Runs several statements separated by ';' without parameters (migrations).
  virtual Result<void> ExecuteScript(std::string_view sql) = 0;

  // The first row, or nullopt if there is none.
  Result<std::optional<Row>> QueryOne(std::string_view sql, const Params& params = {});

  // Runs `callback` after the current transaction commits, never after a rollback. Of a retried
  // transaction only the attempt that committed runs its callbacks. Callbacks run on the
  // committing thread after the database lock is released; they must be quick (wake a thread,
  // hand an event to subscribers).
  void OnCommit(std::function<void()> callback) { on_commit_.push_back(std::move(callback)); }

  // For Database implementations: forget the callbacks of a transaction that did not commit, or
  // take those of one that did.
  void DiscardOnCommit() { on_commit_.clear(); }
  // For joined calls: how many callbacks are registered, and forgetting those registered after.
  std::size_t OnCommitCount() const { return on_commit_.size(); }
  void DiscardOnCommitFrom(std::size_t count) { on_commit_.resize(std::min(count, on_commit_.size())); }
  std::vector<std::function<void()>> TakeOnCommit() { return std::exchange(on_commit_, {}); }

 private:
  std::vector<std::function<void()>> on_commit_;
};

struct PoolStats {
  int read_connections = 0;
  int read_in_use = 0;
  std::uint64_t read_waits = 0;          // acquisitions that had to wait for a free connection
  std::uint64_t write_transactions = 0;  // committed
  std::uint64_t write_rollbacks = 0;
  std::uint64_t write_retries = 0;  // serialization failures retried
  std::uint64_t write_commits = 0;  // commits to disk: under group commit several transactions share one
  double write_wait_seconds = 0;    // total time spent waiting for the writer
};

enum class Isolation {
  kReadCommitted,
  kRepeatableRead,
  kSerializable,  // competing writes (the last slot, one invitation) use this
};

using Work = std::function<Result<void>(Connection&)>;

// The error for a unique-key violation on `columns`: Conflict naming each column as a field,
// and nothing of the driver's text (which on PostgreSQL quotes the values).
Error DuplicateKey(const std::vector<std::string>& columns);

class Database {
 public:
  virtual ~Database() = default;

  // "sqlite" or "postgresql".
  virtual std::string_view backend() const = 0;

  // True when every write waits for one writer (SQLite): a request should then hold the writer
  // only for its writes, and read beside it. False when writers run side by side (PostgreSQL),
  // where one transaction per request costs the fewest round trips.
  virtual bool SerializesWriters() const = 0;

  // Runs `work` in a read-only transaction that sees one consistent snapshot. Blocks until a
  // read connection is free, at most the pool deadline (then Unavailable with Retry-After); call
  // only from worker threads, never from an I/O thread.
  //
  // No transaction opens inside another on the same thread: that holds one connection while
  // waiting for a second, and a pool of such threads deadlocks. Inside a RunRequest transaction
  // Read and Write join it (each in a savepoint); anywhere else a nested call is a bug, caught by
  // an assertion in debug builds and answered Internal in release builds.
  Result<void> Read(const Work& work);

  // Runs `work` in a write transaction: commits if it returns Ok (durably: the commit is on disk
  // when this returns), rolls back otherwise. A serialization failure or deadlock is retried a
  // bounded number of times, so `work` must have no side effects outside the transaction.
  Result<void> Write(const Work& work, Isolation isolation = Isolation::kSerializable);

  // The request transaction of the HTTP layer: a write transaction that every Read and Write on
  // this thread joins until `work` returns, each joined call isolated in a savepoint (a joined
  // call that fails rolls back its own work only). What `work` stores (an idempotent response,
  // an access-log entry) commits atomically with what the handler changed.
  Result<void> RunRequest(const Work& work, Isolation isolation = Isolation::kSerializable);

  // True while this thread is inside a transaction of any Database.
  static bool InTransaction();

  // Ok if the database answers a trivial query now.
  virtual Result<void> Ping() = 0;

  virtual PoolStats Stats() const = 0;

  // Finishes the writer's work, checkpoints and closes every connection. Idempotent.
  virtual void Close() = 0;

 protected:
  // The backends: one transaction each, on a connection of their own. Read and Write above
  // decide about nesting before they call these.
  virtual Result<void> ReadTransaction(const Work& work) = 0;
  virtual Result<void> WriteTransaction(const Work& work, Isolation isolation) = 0;

 public:
  // Convenience: Read/Write that return a value.
  template <typename T, typename F>
  Result<T> ReadValue(F&& f) {
    std::optional<T> out;
    auto r = Read([&](Connection& c) -> Result<void> {
      Result<T> v = f(c);
      if (!v.ok()) return std::move(v).error();
      out.emplace(std::move(v).value());
      return Ok();
    });
    if (!r.ok()) return std::move(r).error();
    return std::move(*out);
  }
  template <typename T, typename F>
  Result<T> WriteValue(F&& f, Isolation isolation = Isolation::kSerializable) {
    std::optional<T> out;
    auto r = Write(
        [&](Connection& c) -> Result<void> {
          out.reset();
          Result<T> v = f(c);
          if (!v.ok()) return std::move(v).error();
          out.emplace(std::move(v).value());
          return Ok();
        },
        isolation);
    if (!r.ok()) return std::move(r).error();
    return std::move(*out);
  }
};

}  // namespace allmende::storage
