#include "orders/agreement_service.hpp"

#include <algorithm>

#include "access/access_log.hpp"
#include "calendar/local_time.hpp"
#include "common/ids.hpp"
#include "common/validate.hpp"
#include "directory/directory_service.hpp"
#include "tenancy/organization_service.hpp"
#include "tenancy/region_service.hpp"

namespace allmende::orders {
namespace {

bool In(const std::vector<std::string>& list, const std::string& v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

}  // namespace

Result<Agreement> AgreementService::Create(const access::Actor& actor, Agreement a) {
  std::vector<FieldError> errors;
  auto add = [&](std::string f, std::string m) { errors.push_back({std::move(f), std::move(m)}); };
  if (a.categories.empty() || a.categories.size() > 20) add("categories", "Name 1 to 20 service categories.");
  if (a.municipalities.empty() || a.municipalities.size() > 100) add("municipalities", "Name 1 to 100 municipalities.");
  if (a.languages.empty()) add("languages", "Name the languages the provider serves in.");
  for (std::size_t i = 0; i < a.languages.size() && i < 10; ++i) {
    if (!IsLanguage(a.languages[i])) add("languages[" + std::to_string(i) + "]", LanguageProblem());
  }
  if (a.price_model != "hourly" && a.price_model != "per_visit") add("price_model", "Choose hourly or per_visit.");
  if (a.price_cents < 0 || a.price_cents > 100'000'00) add("price_cents", "Give a price from 0 to 100,000.00.");
  if (a.vat_rate_bp < 0 || a.vat_rate_bp > 10000) add("vat_rate_bp", "Give the VAT rate in basis points (0–10000).");
  if (a.billing_unit_minutes < 1 || a.billing_unit_minutes > 240) add("billing_unit_minutes", "1 to 240 minutes.");
  if (a.minimum_minutes < 0 || a.minimum_minutes > 720) add("minimum_minutes", "0 to 720 minutes.");
  if (a.weekly_capacity_minutes < 0 || a.weekly_capacity_minutes > 7 * 24 * 60 * 100) {
    add("weekly_capacity_minutes", "Give the minutes a week the provider takes on.");
  }
  if (a.rank < 1 || a.rank > 100) add("rank", "1 (first) to 100.");
  if (a.offer_count < 1 || a.offer_count > 10) add("offer_count", "Offer to 1 to 10 providers at once.");
  if (a.response_minutes < 5 || a.response_minutes > 7 * 24 * 60) add("response_minutes", "5 minutes to 7 days.");
  if (a.late_cancel_hours < 0 || a.late_cancel_hours > 14 * 24) add("late_cancel_hours", "0 to 336 hours.");
  if (a.late_cancel_charge_bp < 0 || a.late_cancel_charge_bp > 10000) add("late_cancel_charge_bp", "0 to 10000.");
  if (a.no_show_charge_bp < 0 || a.no_show_charge_bp > 10000) add("no_show_charge_bp", "0 to 10000.");
  auto from = calendar::ParseDate(a.valid_from);
  if (!from) add("valid_from", "Give the first day as YYYY-MM-DD.");
  if (a.valid_until) {
    auto until = calendar::ParseDate(*a.valid_until);
    if (!until) {
      add("valid_until", "Give the last day as YYYY-MM-DD.");
    } else if (from && *until < *from) {
      add("valid_until", "The agreement ends before it starts.");
    }
  }
  if (!errors.empty()) return Error::Invalid(std::move(errors));
  Timestamp now = clock_.Now();
  return db_.WriteValue<Agreement>([&](storage::Connection& c) -> Result<Agreement> {
    ALLMENDE_ASSIGN_OR_RETURN(auto purchaser, tenancy::OrganizationService::Find(c, a.purchaser_id));
    if (!purchaser) return Error::Invalid("purchaser_id", "No such organization.");
    ALLMENDE_TRY(access::AuthorizeAndRecord(c, actor, access::Action::kAgreementManage,
                                            {.region_id = purchaser->region_id, .organization_id = a.purchaser_id},
                                            {.action = "agreement.manage",
                                             .subject_type = "organization",
                                             .subject_id = a.provider_id,
                                             .region_id = purchaser->region_id},
                                            now));
    static const std::vector<std::string> purchasers{"welfare_area", "municipality", "employer"};
    if (!In(purchasers, purchaser->kind)) return Error::Invalid("purchaser_id", "This organization buys no services.");
    ALLMENDE_ASSIGN_OR_RETURN(auto provider, tenancy::OrganizationService::Find(c, a.provider_id));
    static const std::vector<std::string> providers{"provider_company", "association", "volunteer_group"};
    if (!provider || provider->region_id != purchaser->region_id || !In(providers, provider->kind)) {
      return Error::Invalid("provider_id", "No provider of the purchaser's region has this id.");
    }
    for (std::size_t i = 0; i < a.categories.size(); ++i) {
      ALLMENDE_ASSIGN_OR_RETURN(bool known, directory::DirectoryService::IsCategory(c, a.categories[i]));
      if (!known) return Error::Invalid("categories[" + std::to_string(i) + "]", "Unknown service category.");
    }
    for (std::size_t i = 0; i < a.municipalities.size(); ++i) {
      if (place_name_ && place_name_(c, a.municipalities[i]).empty()) {
        return Error::Invalid("municipalities[" + std::to_string(i) + "]", "Unknown municipality.");
      }
    }
    ALLMENDE_ASSIGN_OR_RETURN(auto region, tenancy::RegionService::Get(c, purchaser->region_id));
    const std::string currency = region.country == "DK" ? "DKK" : "EUR";
    if (a.currency != currency) return Error::Invalid("currency", "This region pays in " + currency + ".");
    a.id = NewId("agr");
    a.region_id = purchaser->region_id;
    a.purchaser_name = purchaser->name;
    a.provider_name = provider->name;
    a.state = "active";
    a.created_at = FormatRfc3339(now);
    a.version = 1;
    ALLMENDE_TRY(OrderStore::InsertAgreement(c, a, actor.principal->id));
    return a;
  });
}

Result<std::vector<Agreement>> AgreementService::Of(const access::Actor& actor, const std::string& organization_id) {
  Timestamp now = clock_.Now();
  return db_.ReadValue<std::vector<Agreement>>([&](storage::Connection& c) -> Result<std::vector<Agreement>> {
    ALLMENDE_ASSIGN_OR_RETURN(auto org, tenancy::OrganizationService::Find(c, organization_id));
    if (!org) return Error::NotFound("There is no such organization.");
    ALLMENDE_TRY(access::Authorize(c, actor.principal, access::Action::kAgreementRead,
                                   {.region_id = org->region_id, .organization_id = organization_id}, now));
    return OrderStore::AgreementsOf(c, organization_id);
  });
}

Result<Agreement> AgreementService::End(const access::Actor& actor, const std::string& id, const std::string& until,
                                        std::int64_t if_match) {
  if (!calendar::ParseDate(until)) return Error::Invalid("valid_until", "Give the last day as YYYY-MM-DD.");
  Timestamp now = clock_.Now();
  return db_.WriteValue<Agreement>([&](storage::Connection& c) -> Result<Agreement> {
    ALLMENDE_ASSIGN_OR_RETURN(auto a, OrderStore::GetAgreement(c, id));
    if (!a) return Error::NotFound("There is no such agreement.");
    ALLMENDE_TRY(access::AuthorizeAndRecord(
        c, actor, access::Action::kAgreementManage, {.region_id = a->region_id, .organization_id = a->purchaser_id},
        {.action = "agreement.manage", .subject_type = "agreement", .subject_id = id, .region_id = a->region_id}, now));
    if (until < a->valid_from) return Error::Invalid("valid_until", "The agreement ends before it starts.");
    ALLMENDE_ASSIGN_OR_RETURN(bool ended, OrderStore::EndAgreement(c, id, until, if_match, FormatRfc3339(now)));
    if (!ended) return Error{ErrorCode::kPreconditionFailed, "The agreement changed meanwhile; load it again.", {}};
    ALLMENDE_ASSIGN_OR_RETURN(auto stored, OrderStore::GetAgreement(c, id));
    return *stored;
  });
}

}  // namespace allmende::orders
