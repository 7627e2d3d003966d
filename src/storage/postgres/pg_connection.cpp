#include "storage/postgres/pg_connection.hpp"

namespace allmende::storage::pg_detail {

Result<std::unique_ptr<PgConnection>> Connect(const PostgresOptions& o) {
  std::string pg_options = "-c statement_timeout=" + std::to_string(o.statement_timeout_ms) +
                           " -c lock_timeout=" + std::to_string(o.lock_timeout_ms) + " -c TimeZone=UTC";
  const char* keys[] = {"dbname", "application_name", "options", "connect_timeout", nullptr};
  const char* values[] = {o.url.c_str(), "allmende", pg_options.c_str(), "5", nullptr};
  PGconn* conn = PQconnectdbParams(keys, values, 1);
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn);
    while (!message.empty() && message.back() == '\n') message.pop_back();
    PQfinish(conn);
    return Error::Unavailable("Cannot connect to " + RedactedUrl(o.url) + ": " + message);
  }
  // Server notices ("relation already exists, skipping") would go to stderr and break the JSON
  // log; nothing in them needs an operator.
  PQsetNoticeProcessor(
      conn, [](void*, const char*) {}, nullptr);
  return std::make_unique<PgConnection>(conn);
}

}  // namespace allmende::storage::pg_detail
