// Scheduled and periodic work that runs exactly once across server processes.
//
// A job is a row (kind, run_key) in the jobs table, so scheduling the same job twice, from two
// processes, makes one row. A runner claims a due job inside a transaction (PostgreSQL: FOR
// UPDATE SKIP LOCKED, so other processes pass over it), runs the handler in that same
// transaction and marks the job done before committing: the handler's database changes and
// "done" commit together, or neither does and the job is due again. Handlers must be short (on
// SQLite they hold the writer) and keep effects outside the database idempotent (enqueue e-mail
// through the outbox, in the same transaction, rather than sending it).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/time.hpp"
#include "storage/database.hpp"

namespace allmende::jobs {

struct Job {
  std::string id;
  std::string kind;
  std::string run_key;
  std::string region_id;
  std::string payload;
  int attempts = 0;  // earlier failed attempts
};

// Runs inside the claiming transaction; `now` comes from the scheduler's clock.
using JobHandler = std::function<Result<void>(storage::Connection&, const Job&, Timestamp now)>;

class JobScheduler {
 public:
  // `owner` names this process in finished_by ("host:pid").
  JobScheduler(storage::Database& db, const TimeSource& clock, std::string owner);
  ~JobScheduler();

  // Registers what runs for `kind`. Call before Start().
  void Register(std::string kind, JobHandler handler);
  // Makes `kind` periodic: one job per period, keyed by the period's start ("2026-11-24T01:00:00.000Z").
  void Every(std::string kind, std::chrono::seconds period);

  // Removes jobs that finished (done, or failed for good) before `before`.
  static Result<std::int64_t> PurgeFinished(storage::Connection& c, Timestamp before);

  // Inside a write transaction: schedules a job; false if (kind, run_key) exists already.
  static Result<bool> Schedule(storage::Connection& c, const std::string& kind, const std::string& run_key,
                               Timestamp run_at, Timestamp now, const std::string& payload = "{}",
                               const std::string& region_id = "");

  // Schedules the current period of every periodic kind, then runs due jobs one by one until none
  // is left. Returns how many ran successfully.
  Result<int> RunDue();

  void Start(std::chrono::milliseconds poll = std::chrono::seconds(1));
  void Wake();
  void Stop();

  int max_attempts = 5;

 private:
  // Claims and runs one due job. Returns false if there was none.
  Result<bool> RunOne();
  void Loop(std::chrono::milliseconds poll);

  storage::Database& db_;
  const TimeSource& clock_;
  std::string owner_;
  std::map<std::string, JobHandler> handlers_;
  std::vector<std::pair<std::string, std::chrono::seconds>> periodic_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool wake_ = false;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace allmende::jobs
