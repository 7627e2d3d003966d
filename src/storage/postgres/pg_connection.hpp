// One PostgreSQL connection as the pool in pg_database.cpp uses it: statements prepared once and
// cached by their text, BEGIN pipelined with a transaction's first statement, a read-only COMMIT
// sent without waiting, errors mapped to Result codes with the driver's text kept for the log.
// Internal to the PostgreSQL backend; nothing outside src/storage/postgres includes it.
#pragma once

#include <libpq-fe.h>

#include <charconv>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/log.hpp"
#include "storage/database.hpp"
#include "storage/dialect.hpp"
#include "storage/postgres/pg_database.hpp"

namespace allmende::storage::pg_detail {

// Type OIDs of the built-in types whose text we turn into numbers (pg_type.h).
constexpr Oid kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701, kNumeric = 1700, kBool = 16;

class PgConnection final : public Connection {
 public:
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  ~PgConnection() override { PQfinish(conn_); }

  Result<std::vector<Row>> Query(std::string_view sql, const Params& params) override {
    PGresult* res = nullptr;
    ALLMENDE_TRY(Run(sql, params, &res));
    std::vector<Row> rows;
    int n = PQntuples(res), cols = PQnfields(res);
    rows.reserve(static_cast<std::size_t>(n));
    for (int r = 0; r < n; ++r) {
      std::vector<Value> values;
      values.reserve(static_cast<std::size_t>(cols));
      for (int c = 0; c < cols; ++c) {
        if (PQgetisnull(res, r, c)) {
          values.emplace_back(nullptr);
          continue;
        }
        const char* text = PQgetvalue(res, r, c);
        int len = PQgetlength(res, r, c);
        Oid type = PQftype(res, c);
        if (type == kInt8 || type == kInt4 || type == kInt2) {
          std::int64_t v = 0;
          std::from_chars(text, text + len, v);
          values.emplace_back(v);
        } else if (type == kFloat8 || type == kFloat4 || type == kNumeric) {
          values.emplace_back(std::strtod(text, nullptr));
        } else if (type == kBool) {
          values.emplace_back(std::int64_t{text[0] == 't' ? 1 : 0});
        } else {
          values.emplace_back(std::string(text, static_cast<std::size_t>(len)));
        }
      }
      rows.emplace_back(std::move(values));
    }
    PQclear(res);
    return rows;
  }

  Result<std::int64_t> Execute(std::string_view sql, const Params& params) override {
    PGresult* res = nullptr;
    ALLMENDE_TRY(Run(sql, params, &res));
    std::int64_t changed = 0;
    const char* tuples = PQcmdTuples(res);
    std::from_chars(tuples, tuples + std::strlen(tuples), changed);
    PQclear(res);
    return changed;
  }

  Result<void> ExecuteScript(std::string_view sql) override { return Exec(std::string(sql).c_str()); }

  // A statement without parameters through the simple protocol (COMMIT, ROLLBACK, scripts).
  Result<void> Exec(const char* sql) {
    Drain();
    if (!pending_begin_.empty()) ALLMENDE_TRY(Begin());
    return ExecNow(sql);
  }

  // Round trips are what a request on PostgreSQL waits for, so a transaction's BEGIN is not sent
  // on its own: it goes out in one pipeline with the transaction's first statement.
  void DeferBegin(const char* begin) {
    pending_begin_ = begin;
    in_transaction_ = false;
  }

  // Ends the transaction. `wait` false (read-only transactions: nothing to make durable) sends
  // COMMIT without waiting for its answer, which the next use of the connection collects.
  Result<void> Finish(bool commit, bool wait) {
    if (!pending_begin_.empty()) {  // no statement ran: there is no transaction to end
      pending_begin_.clear();
      return Ok();
    }
    if (!in_transaction_) return Ok();
    in_transaction_ = false;
    if (!commit) return ExecNow("ROLLBACK");
    if (wait) return ExecNow("COMMIT");
    if (!PQsendQuery(conn_, "COMMIT")) return Error::Unavailable("Lost the database connection while committing.");
    draining_ = true;
    return Ok();
  }

  // Collects the answer of a COMMIT sent without waiting.
  void Drain() {
    if (!draining_) return;
    draining_ = false;
    while (PGresult* r = PQgetResult(conn_)) PQclear(r);
  }

  bool healthy() const { return PQstatus(conn_) == CONNECTION_OK; }
  // Reconnects a broken connection; statements prepared on the old session are gone with it.
  bool Reset() {
    was_reset_ = true;
    draining_ = false;
    pending_begin_.clear();
    in_transaction_ = false;
    PQreset(conn_);
    prepared_.clear();
    return healthy();
  }
  // The last failure was a serialization failure or deadlock: the transaction may be retried.
  bool retryable() const { return retryable_; }
  void ClearFlags() {
    retryable_ = false;
    was_reset_ = false;
  }
  // The connection was lost and made anew during this transaction (nothing of it committed).
  bool was_reset() const { return was_reset_; }

 private:
  Result<void> ExecNow(const char* sql) {
    PGresult* res = PQexec(conn_, sql);
    Result<void> out = Check(res, "exec");
    PQclear(res);
    return out;
  }

  Result<void> Begin() {
    std::string begin = std::exchange(pending_begin_, {});
    ALLMENDE_TRY(ExecNow(begin.c_str()));
    in_transaction_ = true;
    return Ok();
  }

  // The text form of each parameter, kept alive in `storage` for the call.
  static std::vector<const char*> Texts(const Params& params, std::vector<std::string>& storage) {
    storage.assign(params.size(), {});
    std::vector<const char*> values(params.size());
    for (std::size_t i = 0; i < params.size(); ++i) {
      std::visit(
          [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>) {
              values[i] = nullptr;
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
              storage[i] = std::to_string(v);
              values[i] = storage[i].c_str();
            } else if constexpr (std::is_same_v<T, double>) {
              char buf[64];
              std::snprintf(buf, sizeof buf, "%.17g", v);
              storage[i] = buf;
              values[i] = storage[i].c_str();
            } else {
              values[i] = v.c_str();
            }
          },
          params[i]);
    }
    return values;
  }

  // BEGIN, the statement's PREPARE if it is new, and the statement itself in one round trip
  // (libpq pipeline mode). An error in BEGIN aborts what follows it, as in a transaction.
  Result<void> RunPipelined(std::string_view sql, const Params& params, PGresult** out) {
    std::string begin = std::exchange(pending_begin_, {});
    auto it = prepared_.find(sql);
    const bool prepare = it == prepared_.end();
    std::string name = prepare ? "s" + std::to_string(prepared_.size() + 1) : it->second;
    std::string text = ExpandDialect(sql, Dialect::kPostgres);
    std::vector<std::string> storage;
    std::vector<const char*> values = Texts(params, storage);
    bool sent =
        PQenterPipelineMode(conn_) &&
        PQsendQueryParams(conn_, begin.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0) &&
        (!prepare || PQsendPrepare(conn_, name.c_str(), text.c_str(), 0, nullptr)) &&
        PQsendQueryPrepared(conn_, name.c_str(), static_cast<int>(params.size()), values.data(), nullptr, nullptr, 0) &&
        PQpipelineSync(conn_);
    std::vector<PGresult*> results;
    if (sent) {
      // Each command's results end with a null; the sync point ends the pipeline.
      for (int nulls = 0; nulls <= 4;) {
        PGresult* r = PQgetResult(conn_);
        if (!r) {
          ++nulls;
          continue;
        }
        if (PQresultStatus(r) == PGRES_PIPELINE_SYNC) {
          PQclear(r);
          break;
        }
        results.push_back(r);
      }
    }
    PQexitPipelineMode(conn_);
    const std::size_t expected = prepare ? 3 : 2;
    Result<void> ok = Ok();
    if (!sent || results.size() != expected || PQpipelineStatus(conn_) != PQ_PIPELINE_OFF) {
      // The protocol state is unknown: a queued command could answer the next transaction. Start
      // the connection afresh rather than hand it on.
      log::Warn("postgres_pipeline_failed", {{"error", std::string(PQerrorMessage(conn_))}});
      for (auto* r : results) PQclear(r);
      results.clear();
      Reset();
      return Error::Unavailable("Lost the database connection.");
    } else {
      for (std::size_t i = 0; i + 1 < results.size() && ok.ok(); ++i)
        ok = Check(results[i], i == 0 ? "begin" : "prepare");
      if (ok.ok()) {
        in_transaction_ = true;
        if (prepare) prepared_.emplace(std::string(sql), std::move(name));
        ok = Check(results.back(), "query");
      } else if (results.size() > 0 && PQresultStatus(results[0]) == PGRES_COMMAND_OK) {
        in_transaction_ = true;  // BEGIN went through; the caller's ROLLBACK ends it
      }
    }
    for (std::size_t i = 0; i < results.size(); ++i) {
      if (ok.ok() && i + 1 == results.size()) {
        *out = results[i];
      } else {
        PQclear(results[i]);
      }
    }
    return ok;
  }

  Result<void> Run(std::string_view sql, const Params& params, PGresult** out) {
    Drain();
    if (!pending_begin_.empty()) return RunPipelined(sql, params, out);
    auto it = prepared_.find(sql);
    if (it == prepared_.end()) {
      std::string name = "s" + std::to_string(prepared_.size() + 1);
      std::string text = ExpandDialect(sql, Dialect::kPostgres);
      PGresult* prep = PQprepare(conn_, name.c_str(), text.c_str(), 0, nullptr);
      Result<void> ok = Check(prep, "prepare");
      PQclear(prep);
      if (!ok.ok()) return ok;
      it = prepared_.emplace(std::string(sql), std::move(name)).first;
    }
    std::vector<std::string> storage;
    std::vector<const char*> values = Texts(params, storage);
    PGresult* res =
        PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(params.size()), values.data(), nullptr, nullptr, 0);
    Result<void> ok = Check(res, "query");
    if (!ok.ok()) {
      PQclear(res);
      return ok;
    }
    *out = res;
    return Ok();
  }

  Result<void> Check(PGresult* res, std::string_view what) {
    ExecStatusType status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) return Ok();
    const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    std::string code = state ? state : "";
    std::string message = std::string(what) + ": " + (res ? PQresultErrorMessage(res) : PQerrorMessage(conn_));
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    if (code == "40001" || code == "40P01") {
      retryable_ = true;
      return Error::Conflict("The transaction collided with another one (" + code + ").");
    }
    if (code == "23505") {
      // DETAIL "Key (region_id, business_id)=(…, …) already exists.": the columns, never the values.
      std::vector<std::string> columns;
      const char* detail = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL) : nullptr;
      std::string_view d = detail ? detail : "";
      if (d.starts_with("Key (")) {
        d.remove_prefix(5);
        d = d.substr(0, d.find(")="));
        while (!d.empty()) {
          auto comma = d.find(", ");
          columns.emplace_back(d.substr(0, comma));
          if (comma == std::string_view::npos) break;
          d.remove_prefix(comma + 2);
        }
      }
      return DuplicateKey(columns);
    }
    if (code == "23503") return Error::Conflict("Referenced record is missing or in use");
    // The driver's text goes to the log only; callers and clients hear what it means.
    if (code == "57014" || code == "55P03") {
      log::Warn("postgres_timeout", {{"error", message}});
      return Error::Unavailable("The database took too long; try again shortly.");
    }
    if (!healthy() || code.starts_with("08")) {
      log::Warn("postgres_connection_lost", {{"error", message}});
      return Error::Unavailable("Lost the database connection.");
    }
    return Error::Internal(message);
  }

  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  PGconn* conn_;
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> prepared_;
  bool retryable_ = false;
  bool was_reset_ = false;
  std::string pending_begin_;    // BEGIN not sent yet: it goes with the first statement
  bool in_transaction_ = false;  // BEGIN was sent and the transaction not ended
  bool draining_ = false;        // a COMMIT's answer is still to be collected
};

// Opens one connection with the session settings every connection of the pool has.
Result<std::unique_ptr<PgConnection>> Connect(const PostgresOptions& o);

}  // namespace allmende::storage::pg_detail
