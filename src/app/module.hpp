// A feature as the composition root sees it. Each feature folder exposes one module
// (<feature>_module.hpp) that src/main.cpp constructs and registers in one line; the module
// brings the feature's routes, jobs, metrics, background threads and demo data. How a new
// feature is added, step by step: docs/adding-a-feature.md.
#pragma once

#include <map>
#include <string>

#include "common/result.hpp"
#include "jobs/job_scheduler.hpp"
#include "server/metrics.hpp"
#include "server/router.hpp"
#include "storage/database.hpp"

namespace allmende::app {

// What the demo seed steps share: each module adds its part of the demo region of
// shared/JOURNEYS.md; the identity module fills `users` first.
struct DemoSeed {
  storage::Database& db;
  std::string password;                      // the demo people's password; empty: no people
  std::map<std::string, std::string> users;  // e-mail → user id of the demo people
};

class Module {
 public:
  virtual ~Module() = default;

  // Adds the feature's routes; each declares its access rule (server/router.hpp), else start-up
  // fails.
  virtual void AddRoutes(http::Router& router) = 0;
  // Registers the feature's background and housekeeping jobs.
  virtual void AddJobs(jobs::JobScheduler&) {}
  // Adds the feature's gauges and counters to /metrics.
  virtual void AddMetrics(http::Metrics&) {}
  // Adds the feature's part of the demo region. Idempotent on the data's natural keys (codes,
  // names, e-mail addresses): a second run, or one after any purge, changes nothing.
  virtual Result<void> SeedDemo(DemoSeed&) { return Ok(); }
  // Starts and stops the feature's own threads (a sender, a sealer) around serving.
  virtual void Start() {}
  virtual void Stop() {}
};

}  // namespace allmende::app
