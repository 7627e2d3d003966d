#include "funding/demo_funding.hpp"

#include "calendar/local_time.hpp"
#include "calendar/zone.hpp"
#include "funding/funding_service.hpp"
#include "funding/funding_store.hpp"
#include "tenancy/organization_store.hpp"
#include "tenancy/region_store.hpp"

namespace allmende::funding {
namespace {

struct DemoRate {
  const char* region_code;
  const char* key;
  const char* effective_from;
  std::int64_t amount;
  const char* unit;
  const char* currency;
  const char* legal_basis;
};

// shared/DOMAIN.md: the amounts users check us against, with the date each took effect.
const std::vector<DemoRate>& Rates() {
  static const std::vector<DemoRate> rates{
      {"pirkanmaa", "household_deduction.rate", "2025-01-01", 3500, "basis_points", nullptr,
       "Tuloverolaki 1535/1992, 127 a §"},
      {"pirkanmaa", "household_deduction.max", "2025-01-01", 160000, "cents", "EUR", "Tuloverolaki 1535/1992, 127 b §"},
      {"pirkanmaa", "household_deduction.own_share", "2025-01-01", 15000, "cents", "EUR",
       "Tuloverolaki 1535/1992, 127 b §"},
      {"pirkanmaa", "vat.general", "2024-09-01", 2550, "basis_points", nullptr, "Arvonlisäverolaki 1501/1993, 84 §"},
      {"zollernalbkreis", "relief.monthly_amount", "2024-01-01", 12500, "cents", "EUR", "§ 45b SGB XI"},
      {"zollernalbkreis", "relief.monthly_amount", "2025-01-01", 13100, "cents", "EUR", "§ 45b SGB XI"},
      {"zollernalbkreis", "employer.yearly_cap", "2015-01-01", 60000, "cents", "EUR", "§ 3 Nr. 34a EStG"},
      {"zollernalbkreis", "household_tax_credit.rate", "2009-01-01", 2000, "basis_points", nullptr, "§ 35a EStG"},
      {"zollernalbkreis", "household_tax_credit.max", "2009-01-01", 400000, "cents", "EUR", "§ 35a Abs. 2 EStG"},
      {"zollernalbkreis", "vat.general", "2007-01-01", 1900, "basis_points", nullptr, "§ 12 Abs. 1 UStG"},
      {"vestegnen", "vat.general", "1992-01-01", 2500, "basis_points", nullptr, "Momsloven § 33"},
      // The municipality's fixed hourly price for practical help under free choice (Serviceloven §§ 83, 91).
      {"vestegnen", "free_choice.hourly_price", "2026-01-01", 41200, "cents", "DKK", "Serviceloven § 91"},
  };
  return rates;
}

constexpr const char* kWelfareArea = "Pirkanmaan hyvinvointialue";
constexpr const char* kAinoDecision = "PSHVA/2026/1042";

// Records `d` as `officer_email` would, unless the client already has a decision with its reference.
Result<void> RecordOnce(FundingService& service, storage::Database& db, const std::map<std::string, std::string>& users,
                        const char* officer_email, GrantDraft d) {
  auto officer = users.find(officer_email);
  if (officer == users.end() || d.client_id.empty() || d.payer_id.empty()) return Ok();
  ALLMENDE_ASSIGN_OR_RETURN(bool decided, db.ReadValue<bool>([&](storage::Connection& c) -> Result<bool> {
    ALLMENDE_ASSIGN_OR_RETURN(auto grants, FundingStore::GrantsOf(c, d.client_id));
    for (const auto& g : grants) {
      if (g.decision_reference == d.decision_reference) return true;
    }
    return false;
  }));
  if (decided) return Ok();
  http::Principal p{officer->second, "user"};
  p.mfa_verified = true;
  access::Actor actor(p);
  actor.request_id = "seed";
  ALLMENDE_TRY(service.Record(actor, d));
  return Ok();
}

// The organization `name` of region `region_code`; empty if either is missing.
Result<std::string> OrganizationIn(storage::Database& db, const char* region_code, const char* name) {
  return db.ReadValue<std::string>([&](storage::Connection& c) -> Result<std::string> {
    ALLMENDE_ASSIGN_OR_RETURN(auto region, tenancy::RegionStore::FindByCode(c, region_code));
    if (!region) return std::string();
    ALLMENDE_ASSIGN_OR_RETURN(auto org, tenancy::OrganizationStore::FindByName(c, region->id, name));
    return org ? org->id : std::string();
  });
}

// Helga's relief budget from her care insurer (care grade 2, § 45b SGB XI: the monthly amount
// accrues from January 2025 and lapses on 30 June of the next year), and Karen's free-choice
// decision in Gladsaxe (2 hours of practical help a week at the municipality's price, no share).
Result<void> SeedOtherCountries(FundingService& service, storage::Database& db,
                                const std::map<std::string, std::string>& users) {
  auto helga = users.find("helga.schmid@allmende.demo");
  ALLMENDE_ASSIGN_OR_RETURN(std::string insurer,
                            OrganizationIn(db, "zollernalbkreis", "Pflegekasse Zollernalb (Demo)"));
  ALLMENDE_ASSIGN_OR_RETURN(std::string recognised,
                            OrganizationIn(db, "zollernalbkreis", "Alltagshilfe Balingen gGmbH"));
  if (!insurer.empty() && !recognised.empty()) {
    // Recognised for everyday support in Baden-Württemberg: the relief amount may pay it.
    ALLMENDE_TRY(db.Write([&](storage::Connection& c) -> Result<void> {
      ALLMENDE_ASSIGN_OR_RETURN(auto region, tenancy::RegionStore::FindByCode(c, "zollernalbkreis"));
      if (!region) return Ok();
      for (const char* category : {"home_help", "cleaning", "shopping"}) {
        ALLMENDE_TRY(FundingStore::Approve(
            c, region->id, {insurer, recognised, "Alltagshilfe Balingen gGmbH", category, FormatRfc3339(Now())},
            "system-seed"));
      }
      return Ok();
    }));
  }
  if (helga != users.end()) {
    GrantDraft d;
    d.client_id = helga->second;
    d.payer_id = insurer;
    d.kind = "periodic_budget";
    d.categories = {"home_help", "cleaning", "shopping"};
    d.unit = "money";
    d.period = "month";
    d.rate_key = "relief.monthly_amount";
    d.currency = "EUR";
    d.valid_from = "2025-01-01";
    d.decision_reference = "PK-ZAK/45b/2025/0815";
    d.insurance_number = "A123456780";
    d.care_grade = 2;
    ALLMENDE_TRY(RecordOnce(service, db, users, "petra.pflegekasse@allmende.demo", d));
  }
  auto karen = users.find("karen.jensen@allmende.demo");
  ALLMENDE_ASSIGN_OR_RETURN(std::string gladsaxe, OrganizationIn(db, "vestegnen", "Gladsaxe Kommune"));
  ALLMENDE_ASSIGN_OR_RETURN(std::string approved, OrganizationIn(db, "vestegnen", "Gladsaxe Hjemmeservice ApS"));
  if (!gladsaxe.empty() && !approved.empty()) {
    // Approved under free choice (godkendelsesmodel) for practical help.
    ALLMENDE_TRY(db.Write([&](storage::Connection& c) -> Result<void> {
      ALLMENDE_ASSIGN_OR_RETURN(auto region, tenancy::RegionStore::FindByCode(c, "vestegnen"));
      if (!region) return Ok();
      for (const char* category : {"cleaning", "home_help"}) {
        ALLMENDE_TRY(FundingStore::Approve(
            c, region->id, {gladsaxe, approved, "Gladsaxe Hjemmeservice ApS", category, FormatRfc3339(Now())},
            "system-seed"));
      }
      return Ok();
    }));
  }
  if (karen != users.end()) {
    GrantDraft d;
    d.client_id = karen->second;
    d.payer_id = gladsaxe;
    d.kind = "free_choice";
    d.categories = {"cleaning", "home_help"};
    d.unit = "hour";
    d.quantity = 120;  // minutes a week
    d.period = "week";
    d.value_cents = 41200;
    d.currency = "DKK";
    d.valid_from = "2026-01-01";
    d.decision_reference = "GLA-SEL83-2026-117";
    ALLMENDE_TRY(RecordOnce(service, db, users, "mette.visitator@allmende.demo", d));
  }
  return Ok();
}

}  // namespace

Result<void> SeedDemoFunding(FundingService& service, storage::Database& db,
                             const std::map<std::string, std::string>& users) {
  const std::string now = FormatRfc3339(Now());
  std::string welfare_id, region_id;
  ALLMENDE_TRY(db.Write([&](storage::Connection& c) -> Result<void> {
    for (const auto& r : Rates()) {
      ALLMENDE_ASSIGN_OR_RETURN(auto region, tenancy::RegionStore::FindByCode(c, r.region_code));
      if (!region) continue;
      ALLMENDE_ASSIGN_OR_RETURN(auto existing, FundingStore::RatesOf(c, region->id, r.key));
      bool present = false;
      for (const auto& e : existing) present |= e.effective_from == r.effective_from;
      if (present) continue;
      ALLMENDE_TRY(FundingStore::PutRate(
          c, {"", region->id, r.key, r.effective_from, r.amount, r.unit,
              r.currency ? std::optional<std::string>(r.currency) : std::nullopt, r.legal_basis, "system-seed", now}));
    }
    ALLMENDE_ASSIGN_OR_RETURN(auto region, tenancy::RegionStore::FindByCode(c, "pirkanmaa"));
    if (!region) return Ok();
    region_id = region->id;
    ALLMENDE_ASSIGN_OR_RETURN(auto welfare, tenancy::OrganizationStore::FindByName(c, region->id, kWelfareArea));
    if (!welfare) return Ok();
    welfare_id = welfare->id;
    // The welfare area's approved providers for cleaning vouchers (journey 3 compares their prices).
    for (const char* name : {"Hervannan Kotisiivous Oy", "Pirkan Kotiapu Oy", "Tammerfors Hemservice Ab"}) {
      ALLMENDE_ASSIGN_OR_RETURN(auto provider, tenancy::OrganizationStore::FindByName(c, region->id, name));
      if (!provider) continue;
      ALLMENDE_TRY(
          FundingStore::Approve(c, region->id, {welfare->id, provider->id, name, "cleaning", now}, "system-seed"));
    }
    return Ok();
  }));
  auto aino = users.find("aino.virtanen@allmende.demo");
  auto sari = users.find("sari.tilaaja@allmende.demo");
  ALLMENDE_TRY(SeedOtherCountries(service, db, users));
  if (welfare_id.empty() || aino == users.end() || sari == users.end()) return Ok();
  ALLMENDE_ASSIGN_OR_RETURN(bool decided, db.ReadValue<bool>([&](storage::Connection& c) -> Result<bool> {
    ALLMENDE_ASSIGN_OR_RETURN(auto grants, FundingStore::GrantsOf(c, aino->second));
    for (const auto& g : grants) {
      if (g.decision_reference == kAinoDecision) return true;
    }
    return false;
  }));
  if (decided) return Ok();
  // Sari's decision, recorded as she would (journey 3): cleaning 4 h a month at 28.00 € an hour,
  // valid a year from the first day of the previous month (whose visits journey 6 bills).
  auto local = calendar::ToLocal("Europe/Helsinki", Now());
  if (!local.ok()) return std::move(local).error();
  calendar::LocalDate first = local->first.month == 1
                                  ? calendar::LocalDate{local->first.year - 1, 12, 1}
                                  : calendar::LocalDate{local->first.year, local->first.month - 1, 1};
  calendar::LocalDate until = calendar::FromDayNumber(calendar::DayNumber({first.year + 1, first.month, 1}) - 1);
  GrantDraft d;
  d.client_id = aino->second;
  d.payer_id = welfare_id;
  d.kind = "voucher";
  d.categories = {"cleaning"};
  d.unit = "hour";
  d.quantity = 240;
  d.period = "month";
  d.value_cents = 2800;
  d.currency = "EUR";
  d.valid_from = calendar::FormatDate(first);
  d.valid_until = calendar::FormatDate(until);
  d.decision_reference = kAinoDecision;
  http::Principal p{sari->second, "user"};
  p.mfa_verified = true;
  access::Actor officer(p);
  officer.request_id = "seed";
  ALLMENDE_TRY(service.Record(officer, d));
  return Ok();
}

}  // namespace allmende::funding
