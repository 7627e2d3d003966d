#include "orders/demo_orders.hpp"

#include "calendar/local_time.hpp"
#include "calendar/zone.hpp"
#include "common/ids.hpp"
#include "funding/funding_store.hpp"
#include "tenancy/organization_store.hpp"
#include "tenancy/region_store.hpp"

namespace allmende::orders {
namespace {

struct DemoAgreement {
  const char* provider;
  std::vector<std::string> categories;
  std::vector<std::string> municipalities;
  std::vector<std::string> languages;
  std::int64_t price_cents;
  std::int64_t weekly_capacity_minutes;
  int rank;
};

// The welfare area's framework agreements for home services in Pirkanmaa. Tammerfors Hemservice
// serves Orivesi in Swedish but its week is full: Greta's order has nowhere to go (journey 5).
const std::vector<DemoAgreement>& Agreements() {
  static const std::vector<DemoAgreement> agreements{
      {"Hervannan Kotisiivous Oy", {"cleaning", "home_help"}, {"fi-837"}, {"fi", "en"}, 3900, 2400, 1},
      {"Pirkan Kotiapu Oy",
       {"cleaning", "home_help", "shopping"},
       {"fi-837", "fi-211", "fi-604", "fi-562"},
       {"fi"},
       3700,
       3000,
       2},
      {"Tammerfors Hemservice Ab", {"cleaning", "shopping"}, {"fi-837", "fi-562"}, {"sv", "fi"}, 4100, 60, 2},
  };
  return agreements;
}

access::Actor Acting(const std::string& user_id) {
  http::Principal p{user_id, "user"};
  p.mfa_verified = true;  // the seed acts as the person would, signed in fully
  access::Actor a(p);
  a.request_id = "seed";
  return a;
}

std::string Id(const std::map<std::string, std::string>& users, const char* email) {
  auto it = users.find(email);
  return it == users.end() ? std::string() : it->second;
}

// The Danish demo region: Gladsaxe Kommune's agreement with an approved home-help provider at the
// municipality's price, and Karen's weekly practical help under her free-choice decision, accepted.
Result<void> SeedDanishOrders(storage::Database& db, OrderService& orders,
                              const std::map<std::string, std::string>& users) {
  const std::string karen = Id(users, "karen.jensen@allmende.demo"), mette = Id(users, "mette.visitator@allmende.demo"),
                    lars = Id(users, "lars.hjemmeservice@allmende.demo");
  if (karen.empty() || mette.empty() || lars.empty()) return Ok();
  std::string municipality, grant;
  bool has_orders = false;
  ALLMENDE_TRY(db.Write([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_ASSIGN_OR_RETURN(auto region, tenancy::RegionStore::FindByCode(c, "vestegnen"));
    if (!region) return Ok();
    ALLMENDE_ASSIGN_OR_RETURN(auto gladsaxe, tenancy::OrganizationStore::FindByName(c, region->id, "Gladsaxe Kommune"));
    ALLMENDE_ASSIGN_OR_RETURN(auto provider,
                              tenancy::OrganizationStore::FindByName(c, region->id, "Gladsaxe Hjemmeservice ApS"));
    if (!gladsaxe || !provider) return Ok();
    municipality = gladsaxe->id;
    ALLMENDE_ASSIGN_OR_RETURN(auto existing, OrderStore::AgreementsOf(c, gladsaxe->id));
    if (existing.empty()) {
      Agreement a;
      a.id = NewId("agr");
      a.region_id = region->id;
      a.purchaser_id = gladsaxe->id;
      a.provider_id = provider->id;
      a.categories = {"cleaning", "home_help"};
      a.municipalities = {"dk-159"};
      a.languages = {"da", "en"};
      a.price_model = "hourly";
      a.price_cents = 41200;  // the municipality's fixed price, DKK
      a.currency = "DKK";
      a.billing_unit_minutes = 15;
      a.minimum_minutes = 30;
      a.weekly_capacity_minutes = 2400;
      a.rank = 1;
      a.response_minutes = 240;
      a.valid_from = "2026-01-01";
      a.valid_until = "2027-12-31";
      a.created_at = FormatRfc3339(Now());
      ALLMENDE_TRY(OrderStore::InsertAgreement(c, a, "system-seed"));
    }
    ALLMENDE_ASSIGN_OR_RETURN(auto list, OrderStore::OrdersOfClient(c, karen, 1));
    has_orders = !list.empty();
    ALLMENDE_ASSIGN_OR_RETURN(auto grants, funding::FundingStore::GrantsOf(c, karen));
    for (const auto& g : grants) {
      if (g.kind == "free_choice" && g.state == "active") grant = g.id;
    }
    return Ok();
  }));
  if (municipality.empty() || has_orders || grant.empty()) return Ok();
  auto local = calendar::ToLocal("Europe/Copenhagen", Now());
  if (!local.ok()) return std::move(local).error();
  const calendar::LocalDate tomorrow = calendar::FromDayNumber(calendar::DayNumber(local->first) + 1);
  NewOrder help;
  help.client_id = karen;
  help.origin = "purchaser";
  help.purchaser_id = municipality;
  help.category = "cleaning";
  help.municipality_code = "dk-159";
  help.language = "da";
  help.needs = "Rengøring af toværelses lejlighed, tøjvask. Går med rollator.";
  help.address = "Søborg Hovedgade 120, 2. tv., 2860 Søborg";
  help.contact_phone = "+45 39 66 12 34";
  help.schedule.frequency = "weekly";
  help.schedule.weekdays = {calendar::Weekday(tomorrow)};
  help.schedule.start_date = calendar::FormatDate(tomorrow);
  help.schedule.window_start = "09:00";
  help.schedule.window_end = "11:00";
  help.schedule.skip_public_holidays = true;
  help.duration_minutes = 120;
  help.tasks = {"Støvsugning", "Badeværelse", "Tøjvask"};
  help.grants = {grant};
  ALLMENDE_ASSIGN_OR_RETURN(OrderView placed, orders.Create(Acting(mette), help));
  if (placed.order.state == "offered") ALLMENDE_TRY(orders.Accept(Acting(lars), placed.order.id));
  return Ok();
}

constexpr const char* kHelsinki = "Europe/Helsinki";

// Journey 6: Aino's weekly cleaning on Tuesdays through the previous month, ordered by Sari two
// days before it began, accepted by Jussi's company and done by Aleksi. Each visit is checked in
// and out on the history clock and confirmed by Aino the next day, except the third, which she
// disputes, and the fourth, where she was not at home (charged in full by the agreement). The
// voucher's 4 h a month runs out in the second visit; Aino pays the rest.
Result<void> SeedDeliveredMonth(DemoHistory& h, const NewOrder& weekly, const std::string& sari,
                                const std::string& jussi, const std::string& aleksi, calendar::LocalDate today) {
  const calendar::LocalDate first = today.month == 1 ? calendar::LocalDate{today.year - 1, 12, 1}
                                                     : calendar::LocalDate{today.year, today.month - 1, 1};
  const calendar::LocalDate last{first.year, first.month, calendar::DaysInMonth(first.year, first.month)};
  ALLMENDE_ASSIGN_OR_RETURN(
      Timestamp ordered,
      calendar::ToUtc(kHelsinki, calendar::FromDayNumber(calendar::DayNumber(first) - 2), calendar::LocalTime{10, 0}));
  h.clock.Set(ordered);
  // In the demo's story the welfare area has paid for Aino's cleaning since her decision took
  // effect on the month's first day, and Hervannan Kotisiivous has cleaned for her since then; the
  // seed recorded both today, so their relations are dated back to when Sari ordered.
  ALLMENDE_TRY(h.orders.db().Write([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_TRY(c.Execute(
        "UPDATE client_relations SET valid_from = $2 WHERE client_id = $1 AND relation IN ('purchaser', 'provider') "
        "AND valid_until IS NULL AND valid_from > $2",
        {weekly.client_id, FormatRfc3339(ordered)}));
    return Ok();
  }));
  NewOrder month = weekly;
  month.schedule.weekdays = {2};
  month.schedule.start_date = calendar::FormatDate(first);
  month.schedule.until = calendar::FormatDate(last);
  month.needs = "Kaksio, 52 m². Imurointi, pölyjen pyyhintä, kylpyhuone. Kissa kotona. (Lokakuun jakso.)";
  // Each step's failure names the step: the seed stops with it.
  auto step = [](const char* name, auto result) -> Result<void> {
    if (result.ok()) return Ok();
    Error e = std::move(result).error();
    e.message = std::string("demo history, ") + name + ": " + e.message;
    return e;
  };
  auto created = h.orders.Create(Acting(sari), month);
  if (!created.ok()) return step("order", std::move(created));
  OrderView placed = std::move(*created);
  if (placed.order.state != "offered") return Ok();  // routed elsewhere: nothing of it is delivered
  ALLMENDE_TRY(step("accept", h.orders.Accept(Acting(jussi), placed.order.id)));
  ALLMENDE_TRY(step("assign", h.orders.Assign(Acting(jussi), placed.order.id, aleksi)));
  ALLMENDE_ASSIGN_OR_RETURN(OrderView accepted, h.orders.Get(Acting(jussi), placed.order.id));
  const std::string aino = weekly.client_id;
  int n = 0;
  for (const auto& v : accepted.visits) {
    auto start = ParseRfc3339(v.starts_at);
    if (!start || v.local_date > calendar::FormatDate(last)) continue;
    const int i = n++;
    if (i == 3) {
      h.clock.Set(*start + std::chrono::minutes(10));
      ALLMENDE_TRY(
          step("not at home", h.visits.NotAtHome(Acting(aleksi), v.id, "Kukaan ei avannut ovea; soitin kahdesti.")));
      continue;
    }
    h.clock.Set(*start + std::chrono::minutes(5));
    ALLMENDE_TRY(step("check-in", h.visits.CheckIn(Acting(aleksi), v.id)));
    // The second visit took longer: the bathroom's grout was scrubbed as well.
    h.clock.Set(*start + std::chrono::minutes(i == 1 ? 145 : 120));
    CheckOutInput out;
    out.done_tasks =
        i == 2 ? std::vector<std::string>{"Imurointi", "Pölyjen pyyhintä", "Roskien vienti"} : weekly.tasks;
    ALLMENDE_TRY(step("check-out", h.visits.CheckOut(Acting(aleksi), v.id, out)));
    h.clock.Set(*start + std::chrono::hours(26));
    if (i == 2) {
      ALLMENDE_TRY(step(
          "dispute", h.visits.Dispute(Acting(aino), v.id, "Kylpyhuone jäi pesemättä, vaikka se oli tehtävälistalla.")));
    } else {
      ALLMENDE_TRY(step("confirm", h.visits.Confirm(Acting(aino), v.id)));
    }
  }
  return Ok();
}

}  // namespace

Result<void> SeedDemoOrders(storage::Database& db, OrderService& orders, DemoHistory history,
                            const std::map<std::string, std::string>& users) {
  ALLMENDE_TRY(SeedDanishOrders(db, orders, users));
  const std::string now = FormatRfc3339(Now());
  std::string welfare_id, aino_grant;
  bool aino_has_orders = false, greta_has_orders = false;
  const std::string aino = Id(users, "aino.virtanen@allmende.demo"), greta = Id(users, "greta.sjoberg@allmende.demo"),
                    sari = Id(users, "sari.tilaaja@allmende.demo"), jussi = Id(users, "jussi.siivous@allmende.demo"),
                    aleksi = Id(users, "aleksi.tyontekija@allmende.demo"),
                    outi = Id(users, "outi.koordinaattori@allmende.demo");
  ALLMENDE_TRY(db.Write([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_ASSIGN_OR_RETURN(auto region, tenancy::RegionStore::FindByCode(c, "pirkanmaa"));
    if (!region) return Ok();
    ALLMENDE_ASSIGN_OR_RETURN(auto welfare,
                              tenancy::OrganizationStore::FindByName(c, region->id, "Pirkanmaan hyvinvointialue"));
    if (!welfare) return Ok();
    welfare_id = welfare->id;
    ALLMENDE_ASSIGN_OR_RETURN(auto existing, OrderStore::AgreementsOf(c, welfare->id));
    for (const auto& d : Agreements()) {
      ALLMENDE_ASSIGN_OR_RETURN(auto provider, tenancy::OrganizationStore::FindByName(c, region->id, d.provider));
      if (!provider) continue;
      bool present = false;
      for (const auto& a : existing) present |= a.provider_id == provider->id;
      if (present) continue;
      Agreement a;
      a.id = NewId("agr");
      a.region_id = region->id;
      a.purchaser_id = welfare->id;
      a.provider_id = provider->id;
      a.categories = d.categories;
      a.municipalities = d.municipalities;
      a.languages = d.languages;
      a.price_model = "hourly";
      a.price_cents = d.price_cents;
      a.currency = "EUR";
      a.billing_unit_minutes = 15;
      a.minimum_minutes = 60;
      a.weekly_capacity_minutes = d.weekly_capacity_minutes;
      a.rank = d.rank;
      a.response_minutes = 240;
      a.valid_from = "2026-01-01";
      a.valid_until = "2027-12-31";
      a.created_at = now;
      ALLMENDE_TRY(OrderStore::InsertAgreement(c, a, "system-seed"));
    }
    if (!aino.empty()) {
      ALLMENDE_ASSIGN_OR_RETURN(auto list, OrderStore::OrdersOfClient(c, aino, 1));
      aino_has_orders = !list.empty();
      ALLMENDE_ASSIGN_OR_RETURN(auto grants, funding::FundingStore::GrantsOf(c, aino));
      for (const auto& g : grants) {
        if (g.kind == "voucher" && g.state == "active") aino_grant = g.id;
      }
    }
    if (!greta.empty()) {
      ALLMENDE_ASSIGN_OR_RETURN(auto list, OrderStore::OrdersOfClient(c, greta, 1));
      greta_has_orders = !list.empty();
    }
    return Ok();
  }));
  if (welfare_id.empty()) return Ok();
  auto local = calendar::ToLocal("Europe/Helsinki", Now());
  if (!local.ok()) return std::move(local).error();
  const calendar::LocalDate today = local->first;
  const int weekday = calendar::Weekday(today);

  if (!aino.empty() && !sari.empty() && !aino_has_orders) {
    // Journey 4: Aino's weekly cleaning on today's weekday, accepted by Jussi's company, Aleksi
    // assigned; today's visit is on Aleksi's phone.
    NewOrder weekly;
    weekly.client_id = aino;
    weekly.origin = "purchaser";
    weekly.purchaser_id = welfare_id;
    weekly.category = "cleaning";
    weekly.municipality_code = "fi-837";
    weekly.district_code = "fi-837-hervanta";
    weekly.language = "fi";
    weekly.needs = "Kaksio, 52 m². Imurointi, pölyjen pyyhintä, kylpyhuone. Kissa kotona.";
    weekly.address = "Insinöörinkatu 48 B 17, 33720 Tampere";
    weekly.door_code = "B 2468";
    weekly.contact_phone = "+358 40 123 4567";
    weekly.schedule.frequency = "weekly";
    weekly.schedule.weekdays = {weekday};
    weekly.schedule.start_date = calendar::FormatDate(today);
    weekly.schedule.window_start = "12:00";
    weekly.schedule.window_end = "14:00";
    weekly.duration_minutes = 120;
    weekly.tasks = {"Imurointi", "Pölyjen pyyhintä", "Kylpyhuone", "Roskien vienti"};
    if (!aino_grant.empty()) weekly.grants = {aino_grant};
    if (!aino_grant.empty() && !jussi.empty() && !aleksi.empty()) {
      ALLMENDE_TRY(SeedDeliveredMonth(history, weekly, sari, jussi, aleksi, today));
    }
    ALLMENDE_ASSIGN_OR_RETURN(OrderView placed, orders.Create(Acting(sari), weekly));
    if (placed.order.state == "offered" && !jussi.empty()) {
      ALLMENDE_TRY(orders.Accept(Acting(jussi), placed.order.id));
      if (!aleksi.empty()) ALLMENDE_TRY(orders.Assign(Acting(jussi), placed.order.id, aleksi));
    }
    // Journey 3's next step waits in Jussi's inbox: a one-off window cleaning next week.
    NewOrder windows = weekly;
    windows.schedule = Schedule{};
    windows.schedule.start_date = calendar::FormatDate(calendar::FromDayNumber(calendar::DayNumber(today) + 7));
    windows.schedule.window_start = "09:00";
    windows.schedule.window_end = "12:00";
    windows.duration_minutes = 180;
    windows.needs = "Ikkunanpesu ennen joulua, kuusi ikkunaa.";
    windows.tasks = {"Ikkunat sisältä", "Ikkunat ulkoa"};
    ALLMENDE_TRY(orders.Create(Acting(sari), windows));
  }
  if (!greta.empty() && !outi.empty() && !greta_has_orders) {
    // Journey 5: shopping help in Swedish in Orivesi; nobody with capacity serves it in Swedish.
    NewOrder shopping;
    shopping.client_id = greta;
    shopping.origin = "purchaser";
    shopping.purchaser_id = welfare_id;
    shopping.category = "shopping";
    shopping.municipality_code = "fi-562";
    shopping.language = "sv";
    shopping.needs = "Veckohandling, hjälp att bära hem. Talar bara svenska.";
    shopping.address = "Keskustie 12 A 3, 35300 Orivesi";
    shopping.schedule.frequency = "weekly";
    shopping.schedule.weekdays = {4};
    shopping.schedule.start_date = calendar::FormatDate(calendar::FromDayNumber(calendar::DayNumber(today) + 1));
    shopping.schedule.window_start = "10:00";
    shopping.schedule.window_end = "12:00";
    shopping.duration_minutes = 120;
    ALLMENDE_TRY(orders.Create(Acting(outi), shopping));
  }
  return Ok();
}

}  // namespace allmende::orders
