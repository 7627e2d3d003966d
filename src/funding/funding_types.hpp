// Funding: the amounts and rates set by law or by purchasers, the providers a purchaser approved
// for its vouchers, and the grants that say who pays for a client's services.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace allmende::funding {

// An amount ("relief.monthly_amount": 13100 cents) or rate ("household_deduction.rate": 3500
// basis points) of a region, in force from `effective_from` (YYYY-MM-DD) until the next one.
struct Rate {
  std::string id;
  std::string region_id;
  std::string key;
  std::string effective_from;
  std::int64_t amount = 0;
  std::string unit;                     // cents, basis_points
  std::optional<std::string> currency;  // for cents
  std::string legal_basis;
  std::string updated_by;
  std::string updated_at;
};

// A provider a purchaser approved for its service vouchers in one category.
struct VoucherApproval {
  std::string purchaser_id;
  std::string provider_id;
  std::string provider_name;
  std::string category;
  std::string approved_at;
};

// A decision that `payer_id` pays for some of a client's services.
struct Grant {
  std::string id;
  std::string region_id;
  std::string client_id;
  std::string payer_id;
  std::string payer_name;
  std::string kind;  // voucher, purchased_service, periodic_budget, employer_benefit, free_choice
  std::vector<std::string> categories;
  std::string unit;                      // hour, visit, money
  std::optional<std::int64_t> quantity;  // per period: minutes, visits or cents; nullopt: the rate `rate_key`
  std::string period;                    // week, month, year, none
  std::optional<std::string> rate_key;
  std::int64_t value_cents = 0;  // voucher value per hour or visit; free choice: the price per hour
  std::int64_t fee_cents = 0;    // purchased service: the client fee
  std::optional<std::string> fee_unit;
  std::int64_t copay_basis_points = 0;
  std::int64_t copay_cents = 0;
  std::string currency;
  std::string valid_from;  // YYYY-MM-DD
  std::optional<std::string> valid_until;
  std::string decision_reference;
  std::string decided_by;
  std::string decided_by_name;
  std::optional<std::string> insurance_number;  // DE care insurer's client number
  std::optional<std::int64_t> care_grade;       // DE: the Pflegegrad (1–5) of a relief budget
  std::string state;                            // active, ended
  std::string created_at;
  std::int64_t version = 1;
};

// What is left of a grant for the period that contains `on`.
struct Balance {
  std::string grant_id;
  std::string on;            // YYYY-MM-DD
  std::string period_start;  // first day of the period; the grant's start for 'none'
  std::string period_end;    // last day
  std::string unit;          // minutes, visits, cents
  std::int64_t granted = 0;  // for the period (a budget: accrued so far)
  std::int64_t used = 0;
  std::int64_t remaining = 0;
  struct Lapse {
    std::string on;
    std::int64_t amount_cents = 0;
  };
  std::vector<Lapse> lapses;  // a budget's amounts that lapse, soonest first
};

// One delivery's draw on a grant, recorded when the delivery is priced.
struct GrantUse {
  std::string grant_id;
  std::string visit_id;
  std::string use_date;
  std::int64_t minutes = 0;
  std::int64_t visits = 0;
  std::int64_t amount_cents = 0;
};

}  // namespace allmende::funding
