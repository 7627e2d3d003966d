// Billing runs (issue 21): a purchaser's officer collects a month's chargeable visits into a
// draft run, reviews it (totals per payer and per provider, the visits the run does not bill and
// why), collects it again while visits are still being confirmed, and locks it. A locked run
// never changes; its lines are exported. Each visit's share is charged by one run only.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "billing/billing_lines.hpp"
#include "billing/billing_types.hpp"
#include "common/time.hpp"
#include "storage/database.hpp"

namespace allmende::billing {

struct LinePage {
  std::vector<BillingLine> lines;
  std::optional<std::string> next_cursor;
};

class BillingService {
 public:
  BillingService(storage::Database& db, const TimeSource& clock) : db_(db), clock_(clock) {}

  // The purchaser's runs, newest period first (at most 120: ten years of months).
  Result<std::vector<BillingRun>> Runs(const access::Actor& actor, const std::string& purchaser_id);
  // A draft run for `period` ("2026-10", a month that has ended in the region's time zone) with
  // every chargeable visit before its end that no run has charged. 409 while another draft of
  // the purchaser is open.
  Result<RunSummary> Create(const access::Actor& actor, const std::string& purchaser_id, const std::string& period);
  Result<RunSummary> Get(const access::Actor& actor, const std::string& run_id);
  // A draft collected again from the visits as they are now.
  Result<RunSummary> Collect(const access::Actor& actor, const std::string& run_id, std::int64_t version);
  Result<RunSummary> Lock(const access::Actor& actor, const std::string& run_id, std::int64_t version);
  // A draft thrown away; its visits are left to the next run.
  Result<void> Discard(const access::Actor& actor, const std::string& run_id, std::int64_t version);
  // The run's lines in order, `limit` (1–500) after `cursor`; each client named is logged.
  Result<LinePage> Lines(const access::Actor& actor, const std::string& run_id, const std::string& cursor, int limit);
  // A locked run's lines as CSV; each client in it is logged.
  Result<std::pair<BillingRun, std::string>> Csv(const access::Actor& actor, const std::string& run_id);
  // The same as an Excel workbook with a summary sheet (billing_xlsx.hpp); each client is logged.
  Result<std::pair<BillingRun, std::string>> Xlsx(const access::Actor& actor, const std::string& run_id);

  // The provider's statements: the locked runs with its lines (at most 120), newest first.
  Result<std::vector<StatementRun>> Statements(const access::Actor& actor, const std::string& provider_id);
  // One statement: the provider's totals per payer in the locked run, which add up to the run's
  // total for the provider. 404 for a run without the provider's lines, or not locked.
  Result<Statement> StatementOf(const access::Actor& actor, const std::string& provider_id, const std::string& run_id);
  // The provider's lines of the run by cursor; each client named is logged.
  Result<LinePage> StatementLines(const access::Actor& actor, const std::string& provider_id, const std::string& run_id,
                                  const std::string& cursor, int limit);
  // The client's own shares in locked runs (at most 500), newest visit first; the route logs the read.
  Result<std::vector<ClientShare>> SharesOf(const access::Actor& actor, const std::string& client_id);

 private:
  struct Loaded {
    BillingRun run;
    access::Decision decision;
  };
  // The run, if the actor may `action` on its purchaser; 404 otherwise (nobody learns of
  // another purchaser's runs).
  Result<Loaded> Load(storage::Connection& c, const access::Actor& actor, access::Action action,
                      const std::string& run_id, Timestamp now);
  // The same for a change of a draft at `version`: 409 with `when_locked` on a locked run, 412 on
  // another version.
  Result<Loaded> LoadDraft(storage::Connection& c, const access::Actor& actor, const std::string& run_id,
                           std::int64_t version, Timestamp now, const char* when_locked);
  // The run's totals and, for a draft, what it does not bill; each client whose visit is listed
  // gets an access-log entry.
  Result<RunSummary> Summary(storage::Connection& c, const BillingRun& run, const access::Decision& decision,
                             const access::Actor& actor, Timestamp now);
  // Why a chargeable visit cannot be billed in `currency` as stored: currency, split; or none.
  static std::optional<std::string> Problem(const ChargeableVisit& v, const std::string& currency);
  struct LockedRun {
    BillingRun run;
    std::vector<BillingLine> lines;
    std::vector<Total> by_payer;
    std::vector<Total> by_provider;
  };
  // A locked run read whole, each client logged with `action`, then written out by `write`.
  Result<std::pair<BillingRun, std::string>> Export(const access::Actor& actor, const std::string& run_id,
                                                    const char* action,
                                                    const std::function<Result<std::string>(const LockedRun&)>& write);
  // Replaces the draft's lines with the chargeable visits as they are now.
  Result<void> Fill(storage::Connection& c, const BillingRun& run, const std::string& now_text);

  storage::Database& db_;
  const TimeSource& clock_;
};

}  // namespace allmende::billing
