// What a client would pay for a delivery: the quote (the split before anything is ordered) and the
// estimated tax credit on the labour in the client's own share (FI household deduction, DE § 35a
// EStG) by the region's rates on the delivery's date. Part of FundingService.
#include "access/policy.hpp"
#include "funding/funding_service.hpp"
#include "funding/funding_store.hpp"

namespace allmende::funding {

Result<PricedDelivery> FundingService::Quote(const access::Actor& actor, const std::string& client_id,
                                             const std::vector<std::string>& grant_ids, const Delivery& delivery) {
  Timestamp now = clock_.Now();
  return db_.ReadValue<PricedDelivery>([&](storage::Connection& c) -> Result<PricedDelivery> {
    ALLMENDE_TRY(access::Authorize(c, actor.principal, access::Action::kGrantRead, {.client_id = client_id}, now));
    ALLMENDE_TRY(CheckGrants(c, client_id, grant_ids, delivery.category, delivery.provider_id, delivery.local_date));
    Delivery d = delivery;
    ALLMENDE_ASSIGN_OR_RETURN(d.region_id, access::ClientRegion(c, client_id));  // the client's rates
    return Price(c, grant_ids, d, false, now);
  });
}

Result<std::optional<TaxCreditEstimate>> FundingService::EstimateTaxCredit(storage::Connection& c,
                                                                           const Delivery& delivery,
                                                                           const dispatch::SplitResult& split) {
  // The rate in force on the delivery's date, by key (the latest effective_from not after it).
  auto rate_of = [&](const std::string& key) -> Result<std::optional<Rate>> {
    ALLMENDE_ASSIGN_OR_RETURN(auto rates, FundingStore::RatesOf(c, delivery.region_id, key));
    std::optional<Rate> found;
    for (const auto& r : rates) {
      if (r.effective_from <= delivery.local_date && (!found || r.effective_from > found->effective_from)) found = r;
    }
    return found;
  };
  std::optional<Rate> rate, max, own;
  for (const std::string prefix : {"household_deduction.", "household_tax_credit."}) {
    ALLMENDE_ASSIGN_OR_RETURN(rate, rate_of(prefix + "rate"));
    if (!rate) continue;
    ALLMENDE_ASSIGN_OR_RETURN(max, rate_of(prefix + "max"));
    ALLMENDE_ASSIGN_OR_RETURN(own, rate_of(prefix + "own_share"));
    break;
  }
  if (!rate) return std::optional<TaxCreditEstimate>();
  TaxCreditEstimate t;
  t.rate_bp = static_cast<int>(rate->amount);
  t.yearly_own_share_cents = own ? own->amount : 0;
  t.yearly_max_cents = max ? max->amount : 0;
  t.legal_basis = rate->legal_basis;
  // Work paid with public support does not qualify, not even the client's own share of it; a fee
  // paid to the purchaser is not the provider's labour at all.
  std::int64_t client = 0;
  for (const auto& s : split.shares) {
    if (!s.client && s.amount_cents > 0 && s.kind != dispatch::GrantKind::kEmployerBenefit) {
      t.excluded = "public_support";
      return std::optional<TaxCreditEstimate>(t);
    }
    if (s.client && !s.paid_to_purchaser) client += s.amount_cents;
  }
  const auto& line = delivery.line;
  // The labour in what the client pays: the line's labour share of the client's share (amounts are
  // at most 10^8 cents, so the products fit in 64 bits).
  t.labour_cents = line.price_cents > 0 ? client * line.labour_cents / line.price_cents : 0;
  t.amount_cents = (t.labour_cents * t.rate_bp + 5000) / 10000;
  return std::optional<TaxCreditEstimate>(t);
}

}  // namespace allmende::funding
