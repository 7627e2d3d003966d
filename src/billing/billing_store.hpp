// Billing's SQL: runs, their lines, and the visits a run collects. Reads orders' and
// organizations' tables for what a run bills (the visits and names), writes only its own.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "billing/billing_lines.hpp"
#include "billing/billing_types.hpp"
#include "storage/database.hpp"

namespace allmende::billing {

struct Purchaser {
  std::string id;
  std::string name;
  std::string kind;
  std::string region_id;
  std::string country;
  std::string time_zone;
};

class BillingStore {
 public:
  static Result<std::optional<Purchaser>> PurchaserOf(storage::Connection& c, const std::string& organization_id);
  static Result<std::optional<BillingRun>> Run(storage::Connection& c, const std::string& run_id);
  // The organization's runs, the newest period first.
  static Result<std::vector<BillingRun>> Runs(storage::Connection& c, const std::string& purchaser_id, int limit);
  static Result<std::optional<BillingRun>> Draft(storage::Connection& c, const std::string& purchaser_id);
  static Result<void> InsertRun(storage::Connection& c, const BillingRun& run);
  // The purchaser's visits chargeable before `before` (a day) that no run has charged.
  static Result<std::vector<ChargeableVisit>> Chargeable(storage::Connection& c, const std::string& purchaser_id,
                                                         const std::string& before);
  static Result<void> InsertLines(storage::Connection& c, const std::string& run_id,
                                  const std::vector<BillingLine>& lines);
  static Result<void> DeleteLines(storage::Connection& c, const std::string& run_id);
  // Sets the run's line count and total from its lines, the time collected, and the next version.
  static Result<void> SetCollected(storage::Connection& c, const std::string& run_id, const std::string& at);
  static Result<bool> Lock(storage::Connection& c, const std::string& run_id, std::int64_t version,
                           const std::string& by, const std::string& at);
  static Result<void> DeleteRun(storage::Connection& c, const std::string& run_id);
  // Lines after `after_seq`, in order, with the names of provider, client and payer; only the
  // provider's when `provider_id` is set.
  static Result<std::vector<BillingLine>> Lines(storage::Connection& c, const std::string& run_id,
                                                std::int64_t after_seq, int limit, const std::string& provider_id = "");
  static Result<std::vector<Total>> ByPayer(storage::Connection& c, const std::string& run_id,
                                            const std::string& provider_id = "");
  // The locked runs with lines of the provider, the newest period first.
  static Result<std::vector<StatementRun>> Statements(storage::Connection& c, const std::string& provider_id,
                                                      const std::string& run_id, int limit);
  // The client's own shares in locked runs, the newest visit first.
  static Result<std::vector<ClientShare>> ClientShares(storage::Connection& c, const std::string& client_id, int limit);
  static Result<std::vector<Total>> ByProvider(storage::Connection& c, const std::string& run_id);
  // The sum and count of the run's lines, as the database adds them.
  static Result<std::pair<std::int64_t, std::int64_t>> Sum(storage::Connection& c, const std::string& run_id);
  // The period's disputed and unconfirmed visits, and confirmed visits before its end without a price.
  static Result<std::vector<UnbilledVisit>> Unbilled(storage::Connection& c, const std::string& purchaser_id,
                                                     const std::string& start, const std::string& end, int limit);
  // The clients whose lines the run holds (for the access log of a read of its lines).
  static Result<std::vector<std::string>> ClientsOf(storage::Connection& c, const std::string& run_id,
                                                    std::int64_t after_seq, int limit);
};

}  // namespace allmende::billing
