#include "storage/sqlite/sqlite_database.hpp"

#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "storage/dialect.hpp"

namespace allmende::storage {
namespace {

Error SqliteError(sqlite3* db, int rc, std::string_view what) {
  std::string message = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  int primary = rc & 0xFF;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    // Another process holds the file (the driver's text stays out of the answer).
    Error e = Error::Unavailable("The database is busy; try again shortly.");
    e.retry_after_seconds = 1;
    return e;
  }
  if (primary == SQLITE_CONSTRAINT) {
    int extended = db ? sqlite3_extended_errcode(db) : rc;
    if (extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY) {
      // "UNIQUE constraint failed: regions.code, regions.name" → code, name
      std::vector<std::string> columns;
      std::string_view text = db ? sqlite3_errmsg(db) : "";
      if (auto colon = text.find(": "); colon != std::string_view::npos) {
        text.remove_prefix(colon + 2);
        while (!text.empty()) {
          auto comma = text.find(", ");
          std::string_view item = text.substr(0, comma);
          auto dot = item.find('.');
          columns.emplace_back(dot == std::string_view::npos ? item : item.substr(dot + 1));
          if (comma == std::string_view::npos) break;
          text.remove_prefix(comma + 2);
        }
      }
      return DuplicateKey(columns);
    }
    if (extended == SQLITE_CONSTRAINT_FOREIGNKEY) return Error::Conflict("Referenced record is missing or in use");
  }
  return Error::Internal(message);
}

Result<void> Status(Result<std::int64_t> r) {
  if (!r.ok()) return std::move(r).error();
  return Ok();
}

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  Result<std::vector<Row>> Query(std::string_view sql, const Params& params) override {
    ALLMENDE_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql, params));
    std::vector<Row> rows;
    const int columns = sqlite3_column_count(stmt);
    for (;;) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        Error e = SqliteError(db_, rc, "query");
        sqlite3_reset(stmt);
        return e;
      }
      std::vector<Value> values;
      values.reserve(static_cast<std::size_t>(columns));
      for (int i = 0; i < columns; ++i) {
        switch (sqlite3_column_type(stmt, i)) {
          case SQLITE_INTEGER:
            values.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(stmt, i)));
            break;
          case SQLITE_FLOAT:
            values.emplace_back(sqlite3_column_double(stmt, i));
            break;
          case SQLITE_NULL:
            values.emplace_back(nullptr);
            break;
          default: {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_blob(stmt, i));
            values.emplace_back(std::string(text ? text : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt, i))));
          }
        }
      }
      rows.emplace_back(std::move(values));
    }
    sqlite3_reset(stmt);
    return rows;
  }

  Result<std::int64_t> Execute(std::string_view sql, const Params& params) override {
    ALLMENDE_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql, params));
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) {
      Error e = SqliteError(db_, rc, "execute");
      sqlite3_reset(stmt);
      return e;
    }
    sqlite3_reset(stmt);
    return static_cast<std::int64_t>(sqlite3_changes64(db_));
  }

  Result<void> ExecuteScript(std::string_view sql) override {
    std::string text(sql);
    char* message = nullptr;
    int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
      std::string m = message ? message : sqlite3_errstr(rc);
      sqlite3_free(message);
      return Error::Internal("script: " + m);
    }
    return Ok();
  }

  Result<void> Exec(const char* sql) {
    int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) return SqliteError(db_, rc, sql);
    return Ok();
  }

  sqlite3* handle() { return db_; }

 private:
  Result<sqlite3_stmt*> Prepare(std::string_view sql, const Params& params) {
    auto it = statements_.find(sql);
    sqlite3_stmt* stmt;
    if (it != statements_.end()) {
      stmt = it->second;
    } else {
      std::string rewritten = RewritePlaceholdersForSqlite(ExpandDialect(sql, Dialect::kSqlite));
      int rc = sqlite3_prepare_v3(db_, rewritten.c_str(), static_cast<int>(rewritten.size()), SQLITE_PREPARE_PERSISTENT,
                                  &stmt, nullptr);
      if (rc != SQLITE_OK) return SqliteError(db_, rc, "prepare");
      statements_.emplace(std::string(sql), stmt);
    }
    sqlite3_clear_bindings(stmt);
    if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(stmt)) {
      return Error::Internal("statement expects " + std::to_string(sqlite3_bind_parameter_count(stmt)) +
                             " parameters, got " + std::to_string(params.size()));
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
      int index = static_cast<int>(i) + 1;
      int rc = std::visit(
          [&](const auto& v) -> int {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>) {
              return sqlite3_bind_null(stmt, index);
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
              return sqlite3_bind_int64(stmt, index, v);
            } else if constexpr (std::is_same_v<T, double>) {
              return sqlite3_bind_double(stmt, index, v);
            } else {
              return sqlite3_bind_text64(stmt, index, v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8);
            }
          },
          params[i]);
      if (rc != SQLITE_OK) return SqliteError(db_, rc, "bind");
    }
    return stmt;
  }

  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*, Hash, std::equal_to<>> statements_;
};

Result<std::unique_ptr<SqliteConnection>> OpenConnection(const SqliteOptions& options, bool reader) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(options.path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Error e = Error::Unavailable("Cannot open database " + options.path + ": " +
                                 (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
    sqlite3_close_v2(db);
    return e;
  }
  auto conn = std::make_unique<SqliteConnection>(db);
  sqlite3_busy_timeout(db, options.busy_timeout_ms);
  sqlite3_extended_result_codes(db, 1);
  ALLMENDE_TRY(conn->Exec("PRAGMA journal_mode=WAL"));
  ALLMENDE_TRY(conn->Exec("PRAGMA synchronous=FULL"));
  ALLMENDE_TRY(conn->Exec("PRAGMA foreign_keys=ON"));
  // The row a REPLACE deletes fires the delete triggers, so that the append-only and locked tables
  // (access log, locked billing runs) cannot be rewritten by REPLACE. No trigger of the schema
  // writes, so nothing recurses.
  ALLMENDE_TRY(conn->Exec("PRAGMA recursive_triggers=ON"));
  const std::string mmap = "PRAGMA mmap_size=" + std::to_string(std::max<std::int64_t>(0, options.mmap_bytes));
  ALLMENDE_TRY(conn->Exec(mmap.c_str()));
  if (reader) ALLMENDE_TRY(conn->Exec("PRAGMA query_only=ON"));
  return conn;
}

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(SqliteOptions options, std::unique_ptr<SqliteConnection> writer,
                 std::vector<std::unique_ptr<SqliteConnection>> readers)
      : options_(std::move(options)), writer_(std::move(writer)), readers_(std::move(readers)) {
    for (auto& r : readers_) free_readers_.push_back(r.get());
  }
  ~SqliteDatabase() override { Close(); }

  std::string_view backend() const override { return "sqlite"; }
  bool SerializesWriters() const override { return true; }

  Result<void> ReadTransaction(const Work& work) override {
    ALLMENDE_ASSIGN_OR_RETURN(SqliteConnection * conn, AcquireReader());
    // Hand the connection back however `work` ends, a thrown exception (a bug) included.
    struct Release {
      SqliteDatabase* db;
      SqliteConnection* conn;
      ~Release() {
        if (std::uncaught_exceptions() > 0) (void)conn->Execute("ROLLBACK", {});
        db->ReleaseReader(conn);
      }
    } release{this, conn};
    return RunRead(*conn, work);
  }

  // Group commit. SQLite has one writer and every commit costs an fsync, so concurrent writers
  // share one: the writer connection passes from thread to thread inside one open transaction,
  // each thread's work isolated in a savepoint (a failing one rolls back only its own), and the
  // last thread of a batch (nobody else waiting, or the batch full) commits it. Each caller
  // returns only after the commit that holds its work is on disk. BEGIN IMMEDIATE takes the
  // write lock up front, so a transaction never fails half-way with SQLITE_BUSY on upgrade.
  Result<void> WriteTransaction(const Work& work, Isolation) override {
    auto wait_start = std::chrono::steady_clock::now();
    std::unique_lock lock(write_mu_);
    ++writers_waiting_;
    bool got = writer_cv_.wait_until(lock, wait_start + std::chrono::milliseconds(options_.busy_timeout_ms),
                                     [this] { return write_closed_ || !writer_busy_; });
    --writers_waiting_;
    write_wait_ns_ += static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - wait_start).count());
    if (write_closed_ || !writer_) return Error::Unavailable("The database is closed.");
    if (!got) return Busy("writer");
    writer_busy_ = true;
    if (!batch_) {
      lock.unlock();
      Result<std::int64_t> begun = writer_->Execute("BEGIN IMMEDIATE", {});
      lock.lock();
      if (!begun.ok()) {
        writer_busy_ = false;
        writer_cv_.notify_one();
        return std::move(begun).error();
      }
      batch_ = std::make_shared<Batch>();
    }
    std::shared_ptr<Batch> batch = batch_;
    ++batch->members;
    lock.unlock();

    writer_->DiscardOnCommit();
    Result<void> result = Ok();
    std::exception_ptr thrown;
    Result<std::int64_t> opened = writer_->Execute("SAVEPOINT allmende_batch", {});
    if (!opened.ok()) {
      result = std::move(opened).error();
    } else {
      try {
        result = work(*writer_);
      } catch (...) {
        thrown = std::current_exception();  // a bug: finish the batch for the others, then rethrow
        result = Error::Internal("exception");
      }
      if (!result.ok()) (void)writer_->Execute("ROLLBACK TO SAVEPOINT allmende_batch", {});
      Result<std::int64_t> released = writer_->Execute("RELEASE SAVEPOINT allmende_batch", {});
      if (result.ok() && !released.ok()) result = std::move(released).error();
    }
    auto callbacks = result.ok() ? writer_->TakeOnCommit() : std::vector<std::function<void()>>{};
    writer_->DiscardOnCommit();
    // Some errors (a full disk, I/O, memory) make SQLite roll back the whole transaction, not just
    // this savepoint: the work of the batch's earlier members is gone, so the batch has failed.
    const bool transaction_lost = sqlite3_get_autocommit(writer_->handle()) != 0;

    lock.lock();
    if (transaction_lost) {
      batch_.reset();
      batch->result = Error::Unavailable("The database could not keep this change; try again.");
      batch->done = true;
      writer_busy_ = false;
    } else if (writers_waiting_ == 0 || batch->members >= kMaxBatch) {
      batch_.reset();  // the next writer begins a new batch
      lock.unlock();
      Result<void> commit = Status(writer_->Execute("COMMIT", {}));
      if (!commit.ok()) (void)writer_->Execute("ROLLBACK", {});
      lock.lock();
      batch->result = std::move(commit);
      batch->done = true;
      writer_busy_ = false;
      ++batches_;
    } else {
      writer_busy_ = false;
    }
    // One waiting writer gets the connection (waking them all would cost every one of dozens of
    // threads a context switch per hand-over); a finished batch wakes its members.
    writer_cv_.notify_one();
    if (batch->done) done_cv_.notify_all();
    done_cv_.wait(lock, [&] { return batch->done; });
    lock.unlock();
    if (thrown) std::rethrow_exception(thrown);
    if (!batch->result.ok()) {
      ++write_rollbacks_;
      return batch->result;
    }
    if (!result.ok()) {
      ++write_rollbacks_;
      return result;
    }
    ++write_transactions_;
    for (auto& cb : callbacks) cb();
    return Ok();
  }

  Result<void> Ping() override {
    return Read([](Connection& c) -> Result<void> {
      ALLMENDE_TRY(c.Query("SELECT 1"));
      return Ok();
    });
  }

  PoolStats Stats() const override {
    PoolStats s;
    std::lock_guard lock(read_mu_);
    s.read_connections = static_cast<int>(readers_.size());
    s.read_in_use = static_cast<int>(readers_.size() - free_readers_.size());
    s.read_waits = read_waits_;
    s.write_transactions = write_transactions_.load();
    s.write_rollbacks = write_rollbacks_.load();
    s.write_commits = batches_.load();
    s.write_wait_seconds = static_cast<double>(write_wait_ns_.load()) / 1e9;
    return s;
  }

  void Close() override {
    {
      std::unique_lock lock(read_mu_);
      closed_ = true;
      read_cv_.notify_all();
      while (free_readers_.size() != readers_.size()) read_cv_.wait_for(lock, std::chrono::milliseconds(10));
      free_readers_.clear();
      readers_.clear();
    }
    std::unique_lock lock(write_mu_);
    write_closed_ = true;
    writer_cv_.notify_all();
    // Hand-overs wake one thread, which may not be this one: look again now and then.
    while (writer_busy_) writer_cv_.wait_for(lock, std::chrono::milliseconds(10));
    if (batch_ && writer_) {
      // Members of the open batch wait for its commit: give it to them.
      Result<void> commit = Status(writer_->Execute("COMMIT", {}));
      if (!commit.ok()) (void)writer_->Execute("ROLLBACK", {});
      batch_->result = std::move(commit);
      batch_->done = true;
      batch_.reset();
      done_cv_.notify_all();
    }
    if (writer_) {
      // Fold the WAL back into the main file so a copy of the file alone is complete.
      (void)writer_->Exec("PRAGMA wal_checkpoint(TRUNCATE)");
      writer_.reset();
    }
  }

 private:
  Result<void> RunRead(SqliteConnection& conn, const Work& work) {
    // BEGIN/COMMIT go through the statement cache like any query: no parsing per transaction.
    ALLMENDE_TRY(conn.Execute("BEGIN", {}));
    Result<void> result = work(conn);
    (void)conn.Execute(result.ok() ? "COMMIT" : "ROLLBACK", {});
    conn.DiscardOnCommit();  // a read transaction changes nothing to announce
    return result;
  }

  Result<SqliteConnection*> AcquireReader() {
    std::unique_lock lock(read_mu_);
    if (free_readers_.empty() && !closed_) ++read_waits_;
    bool got = read_cv_.wait_for(lock, std::chrono::milliseconds(options_.busy_timeout_ms),
                                 [this] { return closed_ || !free_readers_.empty(); });
    if (closed_) return Error::Unavailable("The database is closed.");
    if (!got) return Busy("reader");
    SqliteConnection* c = free_readers_.back();
    free_readers_.pop_back();
    return c;
  }

  // Every connection stayed taken for the whole deadline: the server is overloaded. The caller
  // answers 503 with Retry-After rather than queueing without end.
  static Error Busy(std::string_view which) {
    Error e = Error::Unavailable("The database is busy (no " + std::string(which) + " free); try again shortly.");
    e.retry_after_seconds = 1;
    return e;
  }

  void ReleaseReader(SqliteConnection* c) {
    std::lock_guard lock(read_mu_);
    free_readers_.push_back(c);
    read_cv_.notify_one();  // one connection, one waiter
  }

  // One group commit: the writers whose work its transaction holds.
  struct Batch {
    int members = 0;
    bool done = false;
    Result<void> result = Ok();
  };
  // More would make the first writer of a batch wait long for its acknowledgement.
  static constexpr int kMaxBatch = 64;

  SqliteOptions options_;
  std::mutex write_mu_;
  std::condition_variable writer_cv_;  // threads waiting for the writer connection
  std::condition_variable done_cv_;    // members waiting for their batch's commit
  std::unique_ptr<SqliteConnection> writer_;
  bool writer_busy_ = false;  // a thread is using the writer connection
  bool write_closed_ = false;
  int writers_waiting_ = 0;
  std::shared_ptr<Batch> batch_;  // the open batch, if any
  std::atomic<std::uint64_t> write_transactions_{0}, write_rollbacks_{0}, write_wait_ns_{0}, batches_{0};

  mutable std::mutex read_mu_;
  std::condition_variable read_cv_;
  std::vector<std::unique_ptr<SqliteConnection>> readers_;
  std::vector<SqliteConnection*> free_readers_;
  std::uint64_t read_waits_ = 0;
  bool closed_ = false;
};

}  // namespace

std::string RewritePlaceholdersForSqlite(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  for (std::size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (c == '\'' || c == '"') {
      // Copy the quoted run verbatim; a doubled quote stays inside it.
      std::size_t end = i + 1;
      while (end < sql.size()) {
        if (sql[end] == c) {
          if (end + 1 < sql.size() && sql[end + 1] == c) {
            end += 2;
            continue;
          }
          break;
        }
        ++end;
      }
      out.append(sql.substr(i, end - i + 1));
      i = end;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      std::size_t end = sql.find('\n', i);
      if (end == std::string_view::npos) end = sql.size() - 1;
      out.append(sql.substr(i, end - i + 1));
      i = end;
    } else if (c == '$' && i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
      out.push_back('?');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

Result<std::unique_ptr<Database>> OpenSqlite(const SqliteOptions& options) {
  ALLMENDE_ASSIGN_OR_RETURN(auto writer, OpenConnection(options, false));
  // The version check reads the file: a file that is not a database fails here, not later.
  ALLMENDE_TRY(writer->Exec("SELECT count(*) FROM sqlite_schema"));
  std::vector<std::unique_ptr<SqliteConnection>> readers;
  for (int i = 0; i < std::max(1, options.read_connections); ++i) {
    ALLMENDE_ASSIGN_OR_RETURN(auto reader, OpenConnection(options, true));
    readers.push_back(std::move(reader));
  }
  return std::unique_ptr<Database>(new SqliteDatabase(options, std::move(writer), std::move(readers)));
}

}  // namespace allmende::storage
