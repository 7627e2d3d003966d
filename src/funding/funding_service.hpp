// Funding: the rates of a region, purchasers' voucher approvals, a client's grants with their
// balances, and the split of a delivery's price across the grants an order draws on (the pure
// engine in src/dispatch/funding_split.hpp does the arithmetic; this decides what it is given).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "dispatch/funding_split.hpp"
#include "funding/funding_types.hpp"
#include "storage/database.hpp"
#include "storage/field_cipher.hpp"

namespace allmende::funding {

// A grant as its reader sees it: the decision and what is left of it today.
struct GrantView {
  Grant grant;
  Balance balance;
};

// What a purchaser officer records: one decision.
struct GrantDraft {
  std::string client_id;
  std::string payer_id;
  std::string kind;
  std::vector<std::string> categories;
  std::string unit;
  std::optional<std::int64_t> quantity;
  std::string period;
  std::optional<std::string> rate_key;
  std::int64_t value_cents = 0;
  std::int64_t fee_cents = 0;
  std::optional<std::string> fee_unit;
  std::int64_t copay_basis_points = 0;
  std::int64_t copay_cents = 0;
  std::string currency;
  std::string valid_from;
  std::optional<std::string> valid_until;
  std::string decision_reference;
  std::optional<std::string> insurance_number;
  std::optional<std::int64_t> care_grade;  // DE: the Pflegegrad (1–5) a relief budget rests on
};

// One delivery to price: what the provider charges and for what.
struct Delivery {
  std::string region_id;
  std::string client_id;
  std::string provider_id;
  std::string category;
  std::string visit_id;
  std::string local_date;  // YYYY-MM-DD in the region's zone
  dispatch::DeliveryLine line;
};

// The estimated tax credit on the labour in the client's own share (FI household deduction, DE
// § 35a EStG), from the region's rates on the delivery's date. An estimate: the yearly own share
// and maximum apply to the person's whole year, so they are given, not applied.
struct TaxCreditEstimate {
  // "public_support": a voucher, purchased service, free-choice decision or relief budget paid part
  // of the delivery, and work paid with public support does not qualify (DOMAIN.md): no credit.
  std::string excluded;
  std::int64_t labour_cents = 0;  // labour in the client's share
  int rate_bp = 0;
  std::int64_t amount_cents = 0;  // labour × rate
  std::int64_t yearly_own_share_cents = 0;
  std::int64_t yearly_max_cents = 0;
  std::string legal_basis;
};

// The split of one delivery, with its explanation.
struct PricedDelivery {
  dispatch::SplitResult split;
  std::string explanation;                      // English, for logs and integrations; the UI words its own
  std::optional<TaxCreditEstimate> tax_credit;  // none where the region has no such credit
};

class FundingService {
 public:
  // `cipher` seals the insurance number at rest.
  FundingService(storage::Database& db, const TimeSource& clock, const storage::FieldCipher& cipher)
      : db_(db), clock_(clock), cipher_(cipher) {}

  // The rates of a region (public: they are law). NotFound for an unknown region.
  Result<std::vector<Rate>> Rates(const std::string& region_id);
  // Sets a rate from a date on; an access-log entry records who changed it. InvalidArgument per field.
  Result<Rate> PutRate(const access::Actor& actor, const std::string& region_id, Rate rate);

  // A purchaser's public list of approved providers.
  Result<std::vector<VoucherApproval>> Approvals(const std::string& purchaser_id);
  Result<VoucherApproval> Approve(const access::Actor& actor, const std::string& purchaser_id,
                                  const std::string& provider_id, const std::string& category);

  // Records a decision. InvalidArgument naming the field for a wrong input: a payer of another
  // region than the client's, an unknown category or currency, a decision that overlaps one of
  // the same payer, kind and category, a negative amount. Nothing is written then.
  Result<Grant> Record(const access::Actor& actor, const GrantDraft& draft);
  // The client's grants with today's balances (the route declares the client's data).
  Result<std::vector<GrantView>> GrantsOf(const access::Actor& actor, const std::string& client_id);
  // What each of the client's grants would pay and what the client pays for a price: the shop's
  // "net of your voucher" and the order form's split before it is placed.
  Result<PricedDelivery> Quote(const access::Actor& actor, const std::string& client_id,
                               const std::vector<std::string>& grant_ids, const Delivery& delivery);

  // For orders, in the caller's transaction. Checks that each grant is the client's, active on
  // `date`, covers `category` and, for a voucher, that the purchaser approved `provider_id`
  // (empty: not yet known). InvalidArgument on "grants" otherwise.
  // A grant as other features read it in their transaction (the service plan shows what pays);
  // nullopt when there is none with this id. The caller authorizes.
  static Result<std::optional<Grant>> FindGrant(storage::Connection& c, const std::string& id);
  // A client's grants, for other features in their transaction (the caller authorizes).
  static Result<std::vector<Grant>> GrantsOfClient(storage::Connection& c, const std::string& client_id);
  // Whether the grant is in force on `date` (YYYY-MM-DD): active, from valid_from, until valid_until.
  static bool InForce(const Grant& grant, const std::string& date);
  static Result<std::vector<Grant>> CheckGrants(storage::Connection& c, const std::string& client_id,
                                                const std::vector<std::string>& grant_ids, const std::string& category,
                                                const std::string& provider_id, const std::string& date);
  // Splits a delivery over the grants in order (those inactive on its date pass), and when
  // `record` is set stores each grant's draw once per visit.
  static Result<PricedDelivery> Price(storage::Connection& c, const std::vector<std::string>& grant_ids,
                                      const Delivery& delivery, bool record, Timestamp now);
  // What is left of a grant in the period that contains `date`.
  static Result<Balance> BalanceOn(storage::Connection& c, const Grant& grant, const std::string& date);
  // The tax credit on the labour in the client's share of `split`, by the region's rates.
  static Result<std::optional<TaxCreditEstimate>> EstimateTaxCredit(storage::Connection& c, const Delivery& delivery,
                                                                    const dispatch::SplitResult& split);

 private:
  storage::Database& db_;
  const TimeSource& clock_;
  const storage::FieldCipher& cipher_;
};

}  // namespace allmende::funding
