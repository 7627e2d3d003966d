#include "funding/funding_service.hpp"

#include <algorithm>

#include "access/access_log.hpp"
#include "calendar/local_time.hpp"
#include "calendar/zone.hpp"
#include "clients/client_service.hpp"
#include "common/identifiers.hpp"
#include "common/ids.hpp"
#include "common/money.hpp"
#include "directory/directory_service.hpp"
#include "dispatch/budget_ledger.hpp"
#include "funding/funding_store.hpp"
#include "tenancy/organization_service.hpp"
#include "tenancy/region_service.hpp"

namespace allmende::funding {
namespace {

using calendar::LocalDate;

const std::vector<std::string>& Kinds() {
  static const std::vector<std::string> kinds{"voucher", "purchased_service", "periodic_budget", "employer_benefit",
                                              "free_choice"};
  return kinds;
}

bool In(const std::vector<std::string>& list, const std::string& v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

std::string CurrencyOf(const std::string& country) { return country == "DK" ? "DKK" : "EUR"; }

std::string Today(Timestamp now, const std::string& zone) {
  auto local = calendar::ToLocal(zone, now);
  if (!local.ok()) return FormatRfc3339(now).substr(0, 10);
  return calendar::FormatDate(local->first);
}

// The first and last day of the grant's period that contains `day`.
std::pair<std::int32_t, std::int32_t> PeriodAround(const Grant& g, std::int32_t day) {
  LocalDate d = calendar::FromDayNumber(day);
  if (g.period == "week") {
    std::int32_t monday = day - (calendar::Weekday(d) - 1);
    return {monday, monday + 6};
  }
  if (g.period == "month") {
    std::int32_t first = calendar::DayNumber({d.year, d.month, 1});
    LocalDate next = d.month == 12 ? LocalDate{d.year + 1, 1, 1} : LocalDate{d.year, d.month + 1, 1};
    return {first, calendar::DayNumber(next) - 1};
  }
  if (g.period == "year") return {calendar::DayNumber({d.year, 1, 1}), calendar::DayNumber({d.year, 12, 31})};
  auto from = calendar::ParseDate(g.valid_from);
  auto until = g.valid_until ? calendar::ParseDate(*g.valid_until) : std::nullopt;
  return {from ? calendar::DayNumber(*from) : day, until ? calendar::DayNumber(*until) : day + 36500};
}

std::string Date(std::int32_t day) { return calendar::FormatDate(calendar::FromDayNumber(day)); }

bool ActiveOn(const Grant& g, const std::string& date) {
  return g.valid_from <= date && (!g.valid_until || date <= *g.valid_until);
}

dispatch::GrantKind KindOf(const std::string& kind) {
  if (kind == "purchased_service") return dispatch::GrantKind::kPurchasedService;
  if (kind == "periodic_budget") return dispatch::GrantKind::kPeriodicBudget;
  if (kind == "employer_benefit") return dispatch::GrantKind::kEmployerBenefit;
  if (kind == "free_choice") return dispatch::GrantKind::kFreeChoice;
  return dispatch::GrantKind::kVoucher;
}

dispatch::GrantInput::Unit UnitOf(const std::string& unit) {
  if (unit == "visit") return dispatch::GrantInput::Unit::kVisit;
  if (unit == "money") return dispatch::GrantInput::Unit::kMoney;
  return dispatch::GrantInput::Unit::kHour;
}

Result<std::vector<dispatch::RateChange>> BudgetRates(storage::Connection& c, const Grant& g) {
  std::vector<dispatch::RateChange> rates;
  if (g.quantity) {
    auto from = calendar::ParseDate(g.valid_from);
    rates.push_back({from ? calendar::DayNumber(*from) : 0, *g.quantity});
    return rates;
  }
  ALLMENDE_ASSIGN_OR_RETURN(auto stored, FundingStore::RatesOf(c, g.region_id, g.rate_key.value_or("")));
  for (const auto& r : stored) {
    auto d = calendar::ParseDate(r.effective_from);
    if (d) rates.push_back({calendar::DayNumber(*d), r.amount});
  }
  return rates;
}

// The checks of one decision, every wrong field at once.
Result<void> CheckDraft(storage::Connection& c, const GrantDraft& d, const tenancy::Region& region) {
  std::vector<FieldError> errors;
  auto add = [&](std::string field, std::string message) { errors.push_back({std::move(field), std::move(message)}); };
  if (!In(Kinds(), d.kind))
    add("kind", "Choose one of voucher, purchased_service, periodic_budget, employer_benefit, free_choice.");
  ALLMENDE_ASSIGN_OR_RETURN(auto payer, tenancy::OrganizationService::Find(c, d.payer_id));
  if (!payer) {
    add("payer_id", "No such organization.");
  } else if (payer->region_id != region.id) {
    add("payer_id", "The payer belongs to another region than the client.");
  } else {
    // Who pays what: an employer its benefit, a care insurer the relief budget (§ 45b SGB XI), a
    // municipality or welfare area its vouchers, purchased services and free-choice decisions.
    static const std::vector<std::string> public_payers{"welfare_area", "municipality"};
    const bool fits = d.kind == "employer_benefit"  ? payer->kind == "employer"
                      : d.kind == "periodic_budget" ? payer->kind == "care_insurer" || In(public_payers, payer->kind)
                                                    : In(public_payers, payer->kind);
    if (!fits) add("payer_id", "This organization cannot pay this kind of grant.");
    if (d.care_grade && payer->kind != "care_insurer") {
      add("care_grade", "Only a care insurer's relief budget records a care grade.");
    }
    if (d.kind == "periodic_budget" && payer->kind == "care_insurer") {
      if (!d.care_grade) add("care_grade", "Give the care grade (Pflegegrad 1–5) the relief amount rests on.");
      if (!d.insurance_number)
        add("insurance_number", "Give the client's insurance number for the care insurer's invoice.");
    }
  }
  if (d.categories.empty()) add("categories", "Name at least one service category.");
  for (std::size_t i = 0; i < d.categories.size(); ++i) {
    ALLMENDE_ASSIGN_OR_RETURN(bool known, directory::DirectoryService::IsCategory(c, d.categories[i]));
    if (!known) add("categories[" + std::to_string(i) + "]", "Unknown service category.");
  }
  if (!Money::Of(0, d.currency).ok()) {
    add("currency", "Unknown currency: use an ISO 4217 code.");
  } else if (d.currency != CurrencyOf(region.country)) {
    add("currency", "This region pays in " + CurrencyOf(region.country) + ".");
  }
  auto from = calendar::ParseDate(d.valid_from);
  if (!from) add("valid_from", "Give the first day as YYYY-MM-DD.");
  if (d.valid_until) {
    auto until = calendar::ParseDate(*d.valid_until);
    if (!until) {
      add("valid_until", "Give the last day as YYYY-MM-DD.");
    } else if (from && *until < *from) {
      add("valid_until", "The decision ends before it starts.");
    }
  }
  if (d.care_grade && (*d.care_grade < 1 || *d.care_grade > 5)) add("care_grade", "A care grade is 1 to 5.");
  if (d.care_grade && d.kind != "periodic_budget") add("care_grade", "Only a relief budget records a care grade.");
  if (d.decision_reference.empty() || d.decision_reference.size() > 100) {
    add("decision_reference", "Give the decision's reference (1–100 characters).");
  }
  // What each kind needs.
  if (d.kind == "voucher") {
    if (!In({"hour", "visit", "money"}, d.unit)) add("unit", "A voucher is per hour, per visit or an amount.");
    if (d.unit != "money" && d.value_cents <= 0) add("value_cents", "Give the voucher's value.");
    if (!d.quantity) add("quantity", "Give how much the voucher covers per period.");
  } else if (d.kind == "free_choice") {
    if (d.unit != "hour") add("unit", "A free-choice decision is in hours.");
    if (d.period != "week") add("period", "A free-choice decision gives hours per week.");
    if (d.value_cents <= 0) add("value_cents", "Give the municipality's price per hour.");
    if (!d.quantity) add("quantity", "Give the minutes granted per week.");
  } else if (d.kind == "purchased_service") {
    if (!In({"hour", "visit"}, d.unit)) add("unit", "A purchased service is ordered in hours or visits.");
    if (!d.fee_unit || !In({"hour", "visit"}, *d.fee_unit)) add("fee_unit", "The client fee is per hour or per visit.");
  } else if (d.kind == "periodic_budget") {
    if (d.unit != "money") add("unit", "A budget is an amount.");
    if (d.period != "month") add("period", "A budget accrues per month.");
    if (!d.quantity && !d.rate_key) add("rate_key", "Give the monthly amount or the rate it follows.");
    if (d.insurance_number && !IsValidKvnr(*d.insurance_number)) {
      add("insurance_number", "Not a valid insurance number (a letter and nine digits).");
    }
  } else if (d.kind == "employer_benefit") {
    if (d.unit != "money") add("unit", "An employer benefit is an amount.");
    if (d.period != "year") add("period", "An employer benefit has a yearly cap.");
    if (!d.quantity) add("quantity", "Give the yearly cap.");
    if (d.copay_basis_points > 0 && d.copay_cents > 0)
      add("copay_cents", "Give the co-pay as a share or an amount, not both.");
  }
  if (!In({"week", "month", "year", "none"}, d.period)) add("period", "Choose week, month, year or none.");
  if (!errors.empty()) return Error::Invalid(std::move(errors));

  // A decision of the same payer, kind and category may not overlap another.
  ALLMENDE_ASSIGN_OR_RETURN(auto existing, FundingStore::GrantsOf(c, d.client_id));
  for (const auto& g : existing) {
    if (g.state != "active" || g.payer_id != d.payer_id || g.kind != d.kind) continue;
    bool shared = std::any_of(d.categories.begin(), d.categories.end(),
                              [&](const std::string& cat) { return In(g.categories, cat); });
    const std::string until = d.valid_until.value_or("9999-12-31");
    const std::string other_until = g.valid_until.value_or("9999-12-31");
    if (shared && d.valid_from <= other_until && g.valid_from <= until) {
      return Error::Invalid("valid_from", "This overlaps decision " + g.decision_reference + " (" + g.valid_from +
                                              " – " + g.valid_until.value_or("") + ").");
    }
  }
  return Ok();
}

}  // namespace

Result<std::vector<Rate>> FundingService::Rates(const std::string& region_id) {
  return db_.ReadValue<std::vector<Rate>>([&](storage::Connection& c) -> Result<std::vector<Rate>> {
    ALLMENDE_TRY(tenancy::RegionService::Get(c, region_id));
    return FundingStore::Rates(c, region_id);
  });
}

Result<Rate> FundingService::PutRate(const access::Actor& actor, const std::string& region_id, Rate rate) {
  Timestamp now = clock_.Now();
  return db_.WriteValue<Rate>([&](storage::Connection& c) -> Result<Rate> {
    ALLMENDE_TRY(access::AuthorizeAndRecord(c, actor, access::Action::kFundingRatesManage, {.region_id = region_id},
                                            {.action = "funding.rates.manage",
                                             .subject_type = "funding_rate",
                                             .subject_id = rate.key + "@" + rate.effective_from,
                                             .region_id = region_id},
                                            now));
    std::vector<FieldError> errors;
    static const std::vector<std::string> units{"cents", "basis_points"};
    if (rate.key.empty() || rate.key.size() > 80) errors.push_back({"key", "Give the rate's key."});
    if (!calendar::ParseDate(rate.effective_from)) errors.push_back({"effective_from", "Give the date as YYYY-MM-DD."});
    if (rate.amount < 0) errors.push_back({"amount", "An amount is never negative."});
    if (!In(units, rate.unit)) errors.push_back({"unit", "Choose cents or basis_points."});
    if (rate.unit == "cents" && (!rate.currency || !Money::Of(0, *rate.currency).ok())) {
      errors.push_back({"currency", "Unknown currency: use an ISO 4217 code."});
    }
    if (rate.unit == "basis_points" && rate.amount > 10000) errors.push_back({"amount", "A rate is at most 10000."});
    if (rate.legal_basis.empty() || rate.legal_basis.size() > 200) {
      errors.push_back({"legal_basis", "Name the legal basis."});
    }
    if (!errors.empty()) return Error::Invalid(std::move(errors));
    // What was in force stays as it was: prices and balances already computed rest on it.
    ALLMENDE_ASSIGN_OR_RETURN(auto region, tenancy::RegionService::Get(c, region_id));
    if (rate.effective_from < Today(now, region.time_zone)) {
      return Error::Invalid("effective_from", "A rate takes effect today or later; the past stays as it was.");
    }
    rate.region_id = region_id;
    rate.updated_by = actor.principal->id;
    rate.updated_at = FormatRfc3339(now);
    ALLMENDE_TRY(FundingStore::PutRate(c, rate));
    return rate;
  });
}

Result<std::vector<VoucherApproval>> FundingService::Approvals(const std::string& purchaser_id) {
  return db_.ReadValue<std::vector<VoucherApproval>>(
      [&](storage::Connection& c) { return FundingStore::Approvals(c, purchaser_id); });
}

Result<VoucherApproval> FundingService::Approve(const access::Actor& actor, const std::string& purchaser_id,
                                                const std::string& provider_id, const std::string& category) {
  Timestamp now = clock_.Now();
  return db_.WriteValue<VoucherApproval>([&](storage::Connection& c) -> Result<VoucherApproval> {
    ALLMENDE_ASSIGN_OR_RETURN(auto purchaser, tenancy::OrganizationService::Find(c, purchaser_id));
    if (!purchaser) return Error::NotFound("No such purchaser.");
    ALLMENDE_TRY(access::AuthorizeAndRecord(c, actor, access::Action::kVoucherApprove,
                                            {.region_id = purchaser->region_id, .organization_id = purchaser_id},
                                            {.action = "voucher.approve",
                                             .subject_type = "organization",
                                             .subject_id = provider_id,
                                             .region_id = purchaser->region_id},
                                            now));
    ALLMENDE_ASSIGN_OR_RETURN(auto provider, tenancy::OrganizationService::Find(c, provider_id));
    if (!provider || provider->region_id != purchaser->region_id) {
      return Error::Invalid("provider_id", "No provider of this region has this id.");
    }
    ALLMENDE_ASSIGN_OR_RETURN(bool known, directory::DirectoryService::IsCategory(c, category));
    if (!known) return Error::Invalid("category", "Unknown service category.");
    VoucherApproval a{purchaser_id, provider_id, provider->name, category, FormatRfc3339(now)};
    ALLMENDE_TRY(FundingStore::Approve(c, purchaser->region_id, a, actor.principal->id));
    return a;
  });
}

Result<Grant> FundingService::Record(const access::Actor& actor, const GrantDraft& draft) {
  Timestamp now = clock_.Now();
  return db_.WriteValue<Grant>([&](storage::Connection& c) -> Result<Grant> {
    ALLMENDE_ASSIGN_OR_RETURN(std::string region_id, access::ClientRegion(c, draft.client_id));
    if (region_id.empty()) return Error::Invalid("client_id", "No client has this id.");
    ALLMENDE_TRY(access::AuthorizeAndRecord(c, actor, access::Action::kGrantManage,
                                            {.organization_id = draft.payer_id, .client_id = draft.client_id},
                                            {.action = "grant.manage",
                                             .subject_type = "client",
                                             .subject_id = draft.client_id,
                                             .client_id = draft.client_id,
                                             .region_id = region_id},
                                            now));
    ALLMENDE_ASSIGN_OR_RETURN(auto region, tenancy::RegionService::Get(c, region_id));
    ALLMENDE_TRY(CheckDraft(c, draft, region));
    Grant g;
    g.id = NewId("grt");
    g.region_id = region_id;
    g.client_id = draft.client_id;
    g.payer_id = draft.payer_id;
    g.kind = draft.kind;
    g.categories = draft.categories;
    g.unit = draft.unit;
    g.quantity = draft.quantity;
    g.period = draft.period;
    g.rate_key = draft.rate_key;
    g.value_cents = draft.value_cents;
    g.fee_cents = draft.fee_cents;
    g.fee_unit = draft.fee_unit;
    g.copay_basis_points = draft.copay_basis_points;
    g.copay_cents = draft.copay_cents;
    g.currency = draft.currency;
    g.valid_from = draft.valid_from;
    g.valid_until = draft.valid_until;
    g.decision_reference = draft.decision_reference;
    g.decided_by = actor.principal->id;
    if (draft.insurance_number) g.insurance_number = cipher_.Seal(*draft.insurance_number);
    g.care_grade = draft.care_grade;
    g.state = "active";
    g.created_at = FormatRfc3339(now);
    ALLMENDE_TRY(FundingStore::InsertGrant(c, g));
    // The payer now pays for this client: its officers see the client's orders.
    ALLMENDE_TRY(clients::ClientService::EnsureRelation(c, g.client_id, g.payer_id, "purchaser", now));
    ALLMENDE_ASSIGN_OR_RETURN(auto stored, FundingStore::GetGrant(c, g.id));
    if (!stored) return Error::Internal("The decision was not stored.");
    stored->insurance_number = draft.insurance_number;
    return *stored;
  });
}

Result<std::vector<GrantView>> FundingService::GrantsOf(const access::Actor& actor, const std::string& client_id) {
  Timestamp now = clock_.Now();
  return db_.ReadValue<std::vector<GrantView>>([&](storage::Connection& c) -> Result<std::vector<GrantView>> {
    ALLMENDE_ASSIGN_OR_RETURN(auto decision, access::Authorize(c, actor.principal, access::Action::kGrantRead,
                                                               {.client_id = client_id}, now));
    ALLMENDE_ASSIGN_OR_RETURN(std::string region_id, access::ClientRegion(c, client_id));
    ALLMENDE_ASSIGN_OR_RETURN(auto region, tenancy::RegionService::Get(c, region_id));
    const std::string today = Today(now, region.time_zone);
    ALLMENDE_ASSIGN_OR_RETURN(auto grants, FundingStore::GrantsOf(c, client_id));
    // A payer's officer sees its own decisions only, not what other payers decided; the client and
    // those acting for them see all of theirs.
    const bool payer_view = decision.relation == "purchaser";
    const bool own_view = decision.relation == "self" || decision.relation == "delegate";
    std::vector<GrantView> out;
    for (auto& g : grants) {
      if (payer_view && g.payer_id != decision.organization_id) continue;
      if (g.insurance_number) {
        auto opened = cipher_.Open(*g.insurance_number);
        g.insurance_number = opened.ok() ? std::optional<std::string>(*opened) : std::nullopt;
        // The insurance number in full for the client's side and the paying insurer (its invoice);
        // advisors and coordinators see it masked ("A1******80").
        if (g.insurance_number && !own_view && !payer_view && g.insurance_number->size() > 4) {
          std::string& n = *g.insurance_number;
          n = n.substr(0, 2) + std::string(n.size() - 4, '*') + n.substr(n.size() - 2);
        }
      }
      ALLMENDE_ASSIGN_OR_RETURN(Balance b, BalanceOn(c, g, ActiveOn(g, today) ? today : g.valid_from));
      out.push_back({std::move(g), std::move(b)});
    }
    return out;
  });
}

Result<std::optional<Grant>> FundingService::FindGrant(storage::Connection& c, const std::string& id) {
  return FundingStore::GetGrant(c, id);
}

Result<std::vector<Grant>> FundingService::GrantsOfClient(storage::Connection& c, const std::string& client_id) {
  return FundingStore::GrantsOf(c, client_id);
}

bool FundingService::InForce(const Grant& grant, const std::string& date) {
  return grant.state == "active" && grant.valid_from <= date && (!grant.valid_until || *grant.valid_until >= date);
}

Result<std::vector<Grant>> FundingService::CheckGrants(storage::Connection& c, const std::string& client_id,
                                                       const std::vector<std::string>& grant_ids,
                                                       const std::string& category, const std::string& provider_id,
                                                       const std::string& date) {
  std::vector<Grant> out;
  if (grant_ids.size() > 5) return Error::Invalid("grants", "An order draws on at most five grants.");
  for (std::size_t i = 0; i < grant_ids.size(); ++i) {
    const std::string field = "grants[" + std::to_string(i) + "]";
    if (std::count(grant_ids.begin(), grant_ids.end(), grant_ids[i]) > 1) {
      return Error::Invalid(field, "The same grant is named twice.");
    }
    ALLMENDE_ASSIGN_OR_RETURN(auto g, FundingStore::GetGrant(c, grant_ids[i]));
    if (!g || g->client_id != client_id) return Error::Invalid(field, "The client has no such grant.");
    if (g->state != "active" || (g->valid_until && *g->valid_until < date)) {
      return Error::Invalid(field, "This grant has ended.");
    }
    if (!In(g->categories, category)) return Error::Invalid(field, "This grant does not cover the service's category.");
    if ((g->kind == "voucher" || g->kind == "free_choice") && !provider_id.empty()) {
      ALLMENDE_ASSIGN_OR_RETURN(bool approved, FundingStore::IsApproved(c, g->payer_id, provider_id, category));
      if (!approved) return Error::Invalid(field, "The payer has not approved this provider for its vouchers.");
    }
    // The relief amount pays only providers recognised for everyday support (§ 45a SGB XI): the
    // care insurer's approvals list them.
    if (g->kind == "periodic_budget" && !provider_id.empty()) {
      ALLMENDE_ASSIGN_OR_RETURN(auto payer, tenancy::OrganizationService::Find(c, g->payer_id));
      if (payer && payer->kind == "care_insurer") {
        ALLMENDE_ASSIGN_OR_RETURN(bool recognised, FundingStore::IsApproved(c, g->payer_id, provider_id, category));
        if (!recognised) return Error::Invalid(field, "This provider is not recognised for the relief amount.");
      }
    }
    out.push_back(std::move(*g));
  }
  return out;
}

Result<Balance> FundingService::BalanceOn(storage::Connection& c, const Grant& g, const std::string& date) {
  auto d = calendar::ParseDate(date);
  if (!d) return Error::Invalid("date", "Give the date as YYYY-MM-DD.");
  const std::int32_t day = calendar::DayNumber(*d);
  Balance b;
  b.grant_id = g.id;
  b.on = date;
  if (g.kind == "periodic_budget") {
    ALLMENDE_ASSIGN_OR_RETURN(auto rates, BudgetRates(c, g));
    ALLMENDE_ASSIGN_OR_RETURN(auto uses, FundingStore::Uses(c, g.id));
    std::vector<dispatch::Consumption> consumed;
    for (const auto& u : uses) {
      auto ud = calendar::ParseDate(u.use_date);
      if (ud) consumed.push_back({calendar::DayNumber(*ud), u.amount_cents});
    }
    auto from = calendar::ParseDate(g.valid_from);
    auto until = g.valid_until ? calendar::ParseDate(*g.valid_until) : std::nullopt;
    std::optional<std::int32_t> until_day;
    if (until) until_day = calendar::DayNumber(*until);
    const std::int32_t first_day = from ? calendar::DayNumber(*from) : day;
    ALLMENDE_ASSIGN_OR_RETURN(auto state, dispatch::BudgetOn(first_day, until_day, rates, consumed, day));
    // A delivery priced after a later one must not spend what the later one already used: what is
    // available is the least of that day's balance and the balance after the last recorded use.
    std::int32_t last_use = day;
    for (const auto& u : consumed) last_use = std::max(last_use, u.day);
    if (last_use > day) {
      ALLMENDE_ASSIGN_OR_RETURN(auto later, dispatch::BudgetOn(first_day, until_day, rates, consumed, last_use));
      state.available_cents = std::min(state.available_cents, later.available_cents);
    }
    b.period_start = g.valid_from;
    b.period_end = date;
    b.unit = "cents";
    b.granted = state.accrued_cents_total - state.lapsed_cents_total;
    b.remaining = state.available_cents;
    b.used = b.granted - b.remaining;
    for (const auto& l : state.upcoming_lapses) b.lapses.push_back({Date(l.day), l.amount_cents});
    return b;
  }
  auto [first, last] = PeriodAround(g, day);
  b.period_start = Date(first);
  b.period_end = Date(last);
  // An employer's benefit is capped per employee and calendar year (§ 3 Nr. 34a EStG: 600 €) across
  // all of that employer's decisions for the employee, not per decision.
  ALLMENDE_ASSIGN_OR_RETURN(auto used, g.kind == "employer_benefit"
                                           ? FundingStore::UsedByPayerBetween(c, g, b.period_start, b.period_end)
                                           : FundingStore::UsedBetween(c, g.id, b.period_start, b.period_end));
  if (g.unit == "hour" && g.kind != "purchased_service") {
    b.unit = "minutes";
    b.used = used.minutes;
  } else if (g.unit == "visit" && g.kind != "purchased_service") {
    b.unit = "visits";
    b.used = used.visits;
  } else {
    b.unit = "cents";
    b.used = used.amount_cents;
  }
  b.granted = g.quantity.value_or(0);
  b.remaining = std::max<std::int64_t>(0, b.granted - b.used);
  return b;
}

Result<PricedDelivery> FundingService::Price(storage::Connection& c, const std::vector<std::string>& grant_ids,
                                             const Delivery& delivery, bool record, Timestamp now) {
  std::vector<dispatch::GrantInput> inputs;
  for (const auto& id : grant_ids) {
    ALLMENDE_ASSIGN_OR_RETURN(auto g, FundingStore::GetGrant(c, id));
    if (!g || g->state != "active" || !ActiveOn(*g, delivery.local_date)) continue;
    ALLMENDE_ASSIGN_OR_RETURN(Balance b, BalanceOn(c, *g, delivery.local_date));
    dispatch::GrantInput in;
    in.grant_id = g->id;
    in.kind = KindOf(g->kind);
    in.payer_id = g->payer_id;
    in.unit = UnitOf(g->unit);
    in.value_cents = g->value_cents;
    in.fee_cents = g->fee_cents;
    in.copay_basis_points = g->copay_basis_points;
    in.copay_cents = g->copay_cents;
    if (g->kind == "purchased_service") {
      in.unit = UnitOf(g->fee_unit.value_or("visit"));
      if (g->quantity) in.remaining_cents = b.remaining;
    } else if (b.unit == "minutes") {
      in.remaining_minutes = b.remaining;
    } else if (b.unit == "visits") {
      in.remaining_visits = b.remaining;
    } else {
      in.remaining_cents = b.remaining;
    }
    inputs.push_back(std::move(in));
  }
  ALLMENDE_ASSIGN_OR_RETURN(auto split, dispatch::SplitDelivery(delivery.line, inputs));
  if (record) {
    const std::string at = FormatRfc3339(now);
    for (const auto& s : split.shares) {
      if (s.grant_id.empty()) continue;
      if (s.consumed_minutes == 0 && s.consumed_visits == 0 && s.consumed_cents == 0) continue;
      GrantUse use{s.grant_id,         delivery.visit_id, delivery.local_date,
                   s.consumed_minutes, s.consumed_visits, s.consumed_cents};
      ALLMENDE_TRY(FundingStore::InsertUse(c, delivery.region_id, use, at));
    }
  }
  PricedDelivery out;
  out.explanation = dispatch::ExplainInEnglish(split, delivery.line.currency);
  ALLMENDE_ASSIGN_OR_RETURN(out.tax_credit, EstimateTaxCredit(c, delivery, split));
  out.split = std::move(split);
  return out;
}

}  // namespace allmende::funding
