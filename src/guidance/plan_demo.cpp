// Aino's service plan in the demo region: her cleaning voucher, the friendship visits of an
// association and a senior club at the library, each with a goal and a follow-up day.
#include "calendar/zone.hpp"
#include "common/ids.hpp"
#include "directory/directory_store.hpp"
#include "funding/funding_store.hpp"
#include "guidance/guidance_module.hpp"

namespace allmende::guidance {
namespace {

using storage::Value;

struct DemoItem {
  std::string kind;
  std::optional<std::string> grant_id;
  std::optional<std::string> service_id;
  std::string category;
  std::optional<std::string> title;
  std::optional<std::string> details;
  std::string goal;
  int follow_up_in_days;
};

}  // namespace

Result<void> SeedDemoPlan(storage::Connection& c, const storage::FieldCipher& cipher, const std::string& region_id,
                          const std::string& client_id, const std::string& advisor_id, Timestamp now) {
  ALLMENDE_ASSIGN_OR_RETURN(auto seeded, c.QueryOne("SELECT 1 FROM plan_items WHERE client_id = $1", {client_id}));
  if (seeded) return Ok();
  std::vector<DemoItem> items;
  ALLMENDE_ASSIGN_OR_RETURN(auto grants, funding::FundingStore::GrantsOf(c, client_id));
  for (const auto& g : grants) {
    if (g.kind == "voucher" && g.state == "active") {
      items.push_back({"grant", g.id, std::nullopt, g.categories.empty() ? "cleaning" : g.categories.front(),
                       std::nullopt, std::nullopt,
                       "Koti pysyy siistinä ja Aino jaksaa hoitaa kevyet kotityöt itse. Siivous kahdesti kuussa.", 80});
      break;
    }
  }
  ALLMENDE_ASSIGN_OR_RETURN(auto friends,
                            c.QueryOne("SELECT id FROM organizations WHERE name = 'Ystäväpalvelu Tampere ry'", {}));
  if (friends) {
    ALLMENDE_ASSIGN_OR_RETURN(auto services, directory::DirectoryStore::PublishedOf(c, friends->Text(0)));
    for (const auto& s : services) {
      if (s.published && s.published->category == "friendship_visits") {
        items.push_back({"service", std::nullopt, s.id, "friendship_visits", std::nullopt,
                         std::string("Ystävä käy torstaisin; yhdistys soittaa ensin Ainolle."),
                         "Aino tapaa jonkun kerran viikossa eikä ole niin yksinäinen.", 30});
        break;
      }
    }
  }
  items.push_back({"activity", std::nullopt, std::nullopt, "leisure_activities", std::string("Hervannan seniorikerho"),
                   std::string("Tiistaisin klo 13–15 Hervannan kirjastossa. Ei ilmoittautumista; kahvi 1 €."),
                   "Aino lähtee kodista muiden seuraan kerran viikossa.", 40});
  ALLMENDE_ASSIGN_OR_RETURN(auto zone, c.QueryOne("SELECT time_zone FROM regions WHERE id = $1", {region_id}));
  const std::string today = calendar::TodayIn(zone ? zone->Text(0) : "UTC", now);
  const auto first = calendar::ParseDate(today);
  const std::string at = FormatRfc3339(now - std::chrono::hours(24 * 30));  // agreed at last month's call
  for (const auto& item : items) {
    const std::string day =
        first ? calendar::FormatDate(calendar::FromDayNumber(calendar::DayNumber(*first) + item.follow_up_in_days))
              : today;
    ALLMENDE_TRY(c.Execute(
        "INSERT INTO plan_items (id, region_id, client_id, kind, grant_id, service_id, category, title, details, "
        "goal, follow_up_date, state, created_by, created_at, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, "
        "$6, $7, $8, $9, $10, $11, 'active', $12, $13, $12, $13)",
        {NewId("pln"), region_id, client_id, item.kind, item.grant_id ? Value(*item.grant_id) : Value(nullptr),
         item.service_id ? Value(*item.service_id) : Value(nullptr), item.category,
         item.title ? Value(cipher.Seal(*item.title)) : Value(nullptr),
         item.details ? Value(cipher.Seal(*item.details)) : Value(nullptr), cipher.Seal(item.goal), day, advisor_id,
         at}));
  }
  return Ok();
}

}  // namespace allmende::guidance
