#include "app/platform_module.hpp"

#include "jobs/job_scheduler.hpp"
#include "storage/idempotency.hpp"
#include "storage/single_use_tokens.hpp"

namespace allmende::app {

PlatformModule::PlatformModule(storage::Database& db, std::function<bool()> stopping, std::string_view openapi)
    : db_(db), stopping_(std::move(stopping)), openapi_(openapi) {}

void PlatformModule::AddRoutes(http::Router& router) {
  // Health, metrics and the document run on the I/O thread: public, no database.
  const http::RouteOptions io_public{.access = http::Access::kPublic, .run_on_io_thread = true};
  router.Add(
      "GET", "/healthz",
      [](const http::Request&) -> Result<http::Response> { return http::JsonText(200, "{\"status\":\"ok\"}"); },
      io_public);
  router.Add("GET", "/readyz",
             [this](const http::Request&) -> Result<http::Response> {
               if (stopping_ && stopping_()) return Error::Unavailable("The server is shutting down.");
               if (!db_.Ping().ok()) return Error::Unavailable("The database is not reachable.");
               return http::JsonText(200, "{\"status\":\"ready\",\"database\":\"" + std::string(db_.backend()) + "\"}");
             },
             {.access = http::Access::kPublic});
  router.Add(
      "GET", "/metrics",
      [this](const http::Request&) -> Result<http::Response> {
        http::Response r;
        r.content_type = "text/plain; version=0.0.4; charset=utf-8";
        r.body = metrics_ ? metrics_->Render() : std::string();
        return r;
      },
      io_public);
  router.Add(
      "GET", "/api/v1/openapi.json",
      [this](const http::Request&) -> Result<http::Response> {
        return http::JsonText(200, std::string(openapi_)).WithHeader("Cache-Control", "no-cache");
      },
      io_public);
}

void PlatformModule::AddJobs(jobs::JobScheduler& scheduler) {
  // A retry comes within minutes; a day is generous.
  scheduler.Register("idempotency.purge", [](storage::Connection& c, const jobs::Job&, Timestamp now) -> Result<void> {
    ALLMENDE_TRY(storage::PurgeIdempotencyKeys(c, now - std::chrono::hours(24)));
    return Ok();
  });
  scheduler.Every("idempotency.purge", std::chrono::hours(1));
  // Used and expired links are no use to anyone; a day's margin keeps "this link has expired"
  // answers meaningful for a while.
  scheduler.Register("single_use_tokens.purge",
                     [](storage::Connection& c, const jobs::Job&, Timestamp now) -> Result<void> {
                       ALLMENDE_TRY(storage::PurgeSingleUseTokens(c, now - std::chrono::hours(24)));
                       return Ok();
                     });
  scheduler.Every("single_use_tokens.purge", std::chrono::hours(1));
  scheduler.Register("jobs.purge", [](storage::Connection& c, const jobs::Job&, Timestamp now) -> Result<void> {
    ALLMENDE_TRY(jobs::JobScheduler::PurgeFinished(c, now - std::chrono::hours(24 * 30)));
    return Ok();
  });
  scheduler.Every("jobs.purge", std::chrono::hours(24));
}

void PlatformModule::AddMetrics(http::Metrics& metrics) {
  metrics.AddCollector([this](std::string& out) {
    auto s = db_.Stats();
    auto add = [&out](const char* type, const char* name, const std::string& value) {
      out += std::string("# TYPE ") + name + " " + type + "\n" + name + " " + value + "\n";
    };
    add("gauge", "allmende_db_read_connections", std::to_string(s.read_connections));
    add("gauge", "allmende_db_read_connections_in_use", std::to_string(s.read_in_use));
    add("counter", "allmende_db_read_waits_total", std::to_string(s.read_waits));
    add("counter", "allmende_db_write_transactions_total", std::to_string(s.write_transactions));
    add("counter", "allmende_db_write_commits_total", std::to_string(s.write_commits));
    add("counter", "allmende_db_write_rollbacks_total", std::to_string(s.write_rollbacks));
    add("counter", "allmende_db_write_wait_seconds_total", std::to_string(s.write_wait_seconds));
  });
}

}  // namespace allmende::app
