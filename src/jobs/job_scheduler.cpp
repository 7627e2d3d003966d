#include "jobs/job_scheduler.hpp"

#include "common/ids.hpp"
#include "common/log.hpp"

namespace allmende::jobs {
namespace {

constexpr std::string_view kSchedule =
    "INSERT INTO jobs (id, kind, run_key, region_id, run_at, payload, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) "
    "ON CONFLICT (kind, run_key) DO NOTHING";
// Processes claim different due jobs at once (storage/dialect.hpp).
constexpr std::string_view kClaim =
    "SELECT id, kind, run_key, COALESCE(region_id, ''), payload, attempts FROM jobs "
    "WHERE status = 'scheduled' AND run_at <= $1 ORDER BY run_at, id LIMIT 1 {{skip_locked}}";
constexpr std::string_view kDone =
    "UPDATE jobs SET status = 'done', attempts = attempts + 1, finished_at = $2, finished_by = $3, last_error = NULL "
    "WHERE id = $1";
constexpr std::string_view kPurgeFinished =
    "DELETE FROM jobs WHERE (status = 'done' AND finished_at < $1) OR (status = 'failed' AND run_at < $1)";
constexpr std::string_view kFailed =
    "UPDATE jobs SET attempts = attempts + 1, last_error = $2, run_at = $3, "
    "status = CASE WHEN attempts + 1 >= $4 THEN 'failed' ELSE 'scheduled' END "
    "WHERE id = $1 AND status = 'scheduled'";

}  // namespace

JobScheduler::JobScheduler(storage::Database& db, const TimeSource& clock, std::string owner)
    : db_(db), clock_(clock), owner_(std::move(owner)) {}

JobScheduler::~JobScheduler() { Stop(); }

void JobScheduler::Register(std::string kind, JobHandler handler) { handlers_[std::move(kind)] = std::move(handler); }

void JobScheduler::Every(std::string kind, std::chrono::seconds period) {
  periodic_.emplace_back(std::move(kind), period);
}

Result<bool> JobScheduler::Schedule(storage::Connection& c, const std::string& kind, const std::string& run_key,
                                    Timestamp run_at, Timestamp now, const std::string& payload,
                                    const std::string& region_id) {
  storage::Value region = region_id.empty() ? storage::Value(nullptr) : storage::Value(region_id);
  ALLMENDE_ASSIGN_OR_RETURN(auto n, c.Execute(kSchedule, {NewId("job"), kind, run_key, region, FormatRfc3339(run_at),
                                                          payload, FormatRfc3339(now)}));
  return n == 1;
}

Result<bool> JobScheduler::RunOne() {
  Timestamp now = clock_.Now();
  std::optional<Job> job;
  std::optional<Error> handler_error;
  auto r = db_.Write(
      [&](storage::Connection& c) -> Result<void> {
        job.reset();
        handler_error.reset();
        ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kClaim, {FormatRfc3339(now)}));
        if (!row) return Ok();
        job = Job{row->Text(0), row->Text(1), row->Text(2), row->Text(3), row->Text(4), static_cast<int>(row->Int(5))};
        auto it = handlers_.find(job->kind);
        Result<void> ran =
            it == handlers_.end() ? Error::Internal("no handler for job kind " + job->kind) : it->second(c, *job, now);
        if (!ran.ok()) {
          handler_error = std::move(ran).error();
          return *handler_error;  // roll the handler's changes back
        }
        ALLMENDE_TRY(c.Execute(kDone, {job->id, FormatRfc3339(now), owner_}));
        return Ok();
      },
      storage::Isolation::kReadCommitted);
  if (r.ok()) {
    if (job) log::Info("job_done", {{"job_id", job->id}, {"kind", job->kind}, {"run_key", job->run_key}});
    return job.has_value();
  }
  if (!handler_error || !job) return std::move(r).error();
  // The handler failed: record the attempt in a transaction of its own and try again later.
  log::Warn("job_failed", {{"job_id", job->id}, {"kind", job->kind}, {"error", handler_error->message}});
  auto retry_at = now + std::chrono::seconds(30 << std::min(job->attempts, 10));
  ALLMENDE_TRY(db_.Write(
      [&](storage::Connection& c) -> Result<void> {
        ALLMENDE_TRY(
            c.Execute(kFailed, {job->id, handler_error->message, FormatRfc3339(retry_at), std::int64_t{max_attempts}}));
        return Ok();
      },
      storage::Isolation::kReadCommitted));
  return true;
}

Result<int> JobScheduler::RunDue() {
  Timestamp now = clock_.Now();
  if (!periodic_.empty()) {
    ALLMENDE_TRY(db_.Write(
        [&](storage::Connection& c) -> Result<void> {
          for (const auto& [kind, period] : periodic_) {
            auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(period).count();
            Timestamp start(std::chrono::milliseconds(now.time_since_epoch().count() / ms * ms));
            ALLMENDE_TRY(Schedule(c, kind, FormatRfc3339(start), start, now));
          }
          return Ok();
        },
        storage::Isolation::kReadCommitted));
  }
  int ran = 0;
  for (int i = 0; i < 1000 && !stop_; ++i) {
    ALLMENDE_ASSIGN_OR_RETURN(bool any, RunOne());
    if (!any) break;
    ++ran;
  }
  return ran;
}

void JobScheduler::Start(std::chrono::milliseconds poll) {
  thread_ = std::thread([this, poll] { Loop(poll); });
}

void JobScheduler::Wake() {
  std::lock_guard lock(mu_);
  wake_ = true;
  cv_.notify_one();
}

void JobScheduler::Stop() {
  if (stop_.exchange(true)) return;
  Wake();
  if (thread_.joinable()) thread_.join();
}

void JobScheduler::Loop(std::chrono::milliseconds poll) {
  while (!stop_) {
    auto r = RunDue();
    if (!r.ok()) log::Warn("jobs_pass_failed", {{"error", r.error().message}});
    std::unique_lock lock(mu_);
    cv_.wait_for(lock, poll, [this] { return wake_ || stop_.load(); });
    wake_ = false;
  }
}

Result<std::int64_t> JobScheduler::PurgeFinished(storage::Connection& c, Timestamp before) {
  return c.Execute(kPurgeFinished, {FormatRfc3339(before)});
}

}  // namespace allmende::jobs
