// Every SQL statement of the funding feature. Callers run these inside their own transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "funding/funding_types.hpp"
#include "storage/database.hpp"

namespace allmende::funding {

class FundingStore {
 public:
  // Every rate of a region, by key and date.
  static Result<std::vector<Rate>> Rates(storage::Connection& c, const std::string& region_id);
  // The rates of one key, oldest first.
  static Result<std::vector<Rate>> RatesOf(storage::Connection& c, const std::string& region_id,
                                           const std::string& key);
  // Inserts or replaces the rate of (region, key, effective_from).
  static Result<void> PutRate(storage::Connection& c, const Rate& rate);

  static Result<std::vector<VoucherApproval>> Approvals(storage::Connection& c, const std::string& purchaser_id);
  static Result<bool> IsApproved(storage::Connection& c, const std::string& purchaser_id,
                                 const std::string& provider_id, const std::string& category);
  // Idempotent: an approval that exists stays as it is.
  static Result<void> Approve(storage::Connection& c, const std::string& region_id, const VoucherApproval& a,
                              const std::string& by);

  static Result<void> InsertGrant(storage::Connection& c, const Grant& g);
  static Result<std::optional<Grant>> GetGrant(storage::Connection& c, const std::string& id);
  // A client's grants, newest decision first.
  static Result<std::vector<Grant>> GrantsOf(storage::Connection& c, const std::string& client_id);
  // Active grants in force on `date`, by id after `after_id`, at most `limit`.
  static Result<std::vector<Grant>> ActiveOn(storage::Connection& c, const std::string& date,
                                             const std::string& after_id, int limit);
  // Ends a grant on `until` (YYYY-MM-DD); Conflict-free: false when the version moved.
  static Result<bool> EndGrant(storage::Connection& c, const std::string& id, const std::string& until,
                               std::int64_t version, const std::string& now);

  // Sums of a grant's uses with use_date in [from, to] (inclusive).
  struct UseTotals {
    std::int64_t minutes = 0, visits = 0, amount_cents = 0;
  };
  static Result<UseTotals> UsedBetween(storage::Connection& c, const std::string& grant_id, const std::string& from,
                                       const std::string& to);
  // The uses of every grant of `g`'s client, payer and kind between the dates.
  static Result<UseTotals> UsedByPayerBetween(storage::Connection& c, const Grant& g, const std::string& from,
                                              const std::string& to);
  // Every use of a grant, oldest first (a budget's ledger).
  static Result<std::vector<GrantUse>> Uses(storage::Connection& c, const std::string& grant_id);
  // False if the visit already drew on the grant (a retried check-out).
  static Result<bool> InsertUse(storage::Connection& c, const std::string& region_id, const GrantUse& use,
                                const std::string& now);
};

}  // namespace allmende::funding
