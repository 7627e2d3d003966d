#include "storage/database.hpp"

#include <cassert>
#include <charconv>

namespace allmende::storage {

std::int64_t Row::Int(std::size_t i) const {
  const Value& v = columns_.at(i);
  if (const auto* n = std::get_if<std::int64_t>(&v)) return *n;
  if (const auto* d = std::get_if<double>(&v)) return static_cast<std::int64_t>(*d);
  if (const auto* s = std::get_if<std::string>(&v)) {
    std::int64_t out = 0;
    std::from_chars(s->data(), s->data() + s->size(), out);
    return out;
  }
  return 0;
}

double Row::Real(std::size_t i) const {
  const Value& v = columns_.at(i);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* n = std::get_if<std::int64_t>(&v)) return static_cast<double>(*n);
  if (const auto* s = std::get_if<std::string>(&v)) return std::strtod(s->c_str(), nullptr);
  return 0;
}

std::string Placeholders(std::size_t first, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += (i ? ", $" : "$") + std::to_string(first + i);
  return out;
}

std::string Row::Text(std::size_t i) const {
  const Value& v = columns_.at(i);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
  if (const auto* d = std::get_if<double>(&v)) return std::to_string(*d);
  return "";
}

std::optional<std::string> Row::OptText(std::size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Text(i);
}

std::optional<std::int64_t> Row::OptInt(std::size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Int(i);
}

Result<std::optional<Row>> Connection::QueryOne(std::string_view sql, const Params& params) {
  auto rows = Query(sql, params);
  if (!rows.ok()) return std::move(rows).error();
  if (rows->empty()) return std::optional<Row>();
  return std::optional<Row>(std::move(rows->front()));
}

namespace {

// The transaction this thread is in, if any.
struct ThreadTransaction {
  Connection* connection = nullptr;
  bool joinable = false;  // a RunRequest transaction
};
thread_local ThreadTransaction current;

class Enter {
 public:
  Enter(Connection& c, bool joinable) : saved_(current) { current = {&c, joinable}; }
  ~Enter() { current = saved_; }
  Enter(const Enter&) = delete;
  Enter& operator=(const Enter&) = delete;

 private:
  ThreadTransaction saved_;
};

Error NestedTransaction() {
  // A nested transaction holds one connection while it waits for another: with every worker
  // doing the same, the pool deadlocks. Debug builds stop here so the test that got here fails.
  assert(false && "a transaction was opened inside another on the same thread");
  return Error::Internal("A transaction was opened inside another on the same thread.");
}

// A joined call: its own savepoint inside the request transaction.
Result<void> InSavepoint(Connection& c, const Work& work) {
  ALLMENDE_TRY(c.Execute("SAVEPOINT allmende_joined", {}));
  const std::size_t callbacks = c.OnCommitCount();
  Result<void> result = work(c);
  if (!result.ok()) {
    (void)c.Execute("ROLLBACK TO SAVEPOINT allmende_joined", {});
    c.DiscardOnCommitFrom(callbacks);  // what the rolled-back work announced never happened
  }
  Result<std::int64_t> released = c.Execute("RELEASE SAVEPOINT allmende_joined", {});
  if (result.ok() && !released.ok()) return std::move(released).error();
  return result;
}

}  // namespace

Error DuplicateKey(const std::vector<std::string>& columns) {
  Error e = Error::Conflict("A record with the same value already exists.");
  for (const auto& c : columns) e.fields.push_back({c, "is already taken"});
  return e;
}

bool Database::InTransaction() { return current.connection != nullptr; }

Result<void> Database::Read(const Work& work) {
  if (current.connection) {
    if (!current.joinable) return NestedTransaction();
    // A read changes nothing to undo: no savepoint (a round trip each way on PostgreSQL). If one
    // of its statements fails there, the request transaction fails with it.
    return work(*current.connection);
  }
  return ReadTransaction([&](Connection& c) {
    Enter enter(c, false);
    return work(c);
  });
}

Result<void> Database::Write(const Work& work, Isolation isolation) {
  if (current.connection) {
    if (!current.joinable) return NestedTransaction();
    return InSavepoint(*current.connection, work);
  }
  return WriteTransaction(
      [&](Connection& c) {
        Enter enter(c, false);
        return work(c);
      },
      isolation);
}

Result<void> Database::RunRequest(const Work& work, Isolation isolation) {
  if (current.connection) return NestedTransaction();
  return WriteTransaction(
      [&](Connection& c) {
        Enter enter(c, true);
        return work(c);
      },
      isolation);
}

}  // namespace allmende::storage
