// Aino's service plan in the demo region: her cleaning voucher, the friendship visits of an
// association and a senior club at the library, each with a goal and a follow-up day.
#include "calendar/local_time.hpp"
#include "calendar/zone.hpp"
#include "common/ids.hpp"
#include "directory/directory_store.hpp"
#include "funding/funding_store.hpp"
#include "guidance/guidance_module.hpp"

namespace allmende::guidance {
namespace {

struct DemoItem {
  NewPlanItem item;
  std::string category;
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
      items.push_back({{.kind = "grant",
                        .grant_id = g.id,
                        .goal = "Koti pysyy siistinä ja Aino jaksaa hoitaa kevyet kotityöt itse. Siivous kahdesti "
                                "kuussa."},
                       g.categories.empty() ? "cleaning" : g.categories.front(),
                       80});
      break;
    }
  }
  ALLMENDE_ASSIGN_OR_RETURN(auto friends,
                            c.QueryOne("SELECT id FROM organizations WHERE name = 'Ystäväpalvelu Tampere ry' AND "
                                       "region_id = $1",
                                       {region_id}));
  if (friends) {
    ALLMENDE_ASSIGN_OR_RETURN(auto services, directory::DirectoryStore::PublishedOf(c, friends->Text(0)));
    for (const auto& s : services) {
      if (s.published && s.published->category == "friendship_visits") {
        items.push_back({{.kind = "service",
                          .service_id = s.id,
                          .details = "Ystävä käy torstaisin; yhdistys soittaa ensin Ainolle.",
                          .goal = "Aino tapaa jonkun kerran viikossa eikä ole niin yksinäinen."},
                         "friendship_visits",
                         30});
        break;
      }
    }
  }
  items.push_back({{.kind = "activity",
                    .title = "Hervannan seniorikerho",
                    .details = "Tiistaisin klo 13–15 Hervannan kirjastossa. Ei ilmoittautumista; kahvi 1 €.",
                    .goal = "Aino lähtee kodista muiden seuraan kerran viikossa."},
                   "leisure_activities",
                   40});
  ALLMENDE_ASSIGN_OR_RETURN(auto zone, c.QueryOne("SELECT time_zone FROM regions WHERE id = $1", {region_id}));
  const auto today = calendar::ParseDate(calendar::TodayIn(zone ? zone->Text(0) : "UTC", now));
  const Timestamp agreed = now - std::chrono::hours(24 * 30);  // at last month's call
  for (auto& item : items) {
    if (!today) break;
    item.item.follow_up_date =
        calendar::FormatDate(calendar::FromDayNumber(calendar::DayNumber(*today) + item.follow_up_in_days));
    ALLMENDE_TRY(PlanService::Insert(c, cipher, NewId("pln"), region_id, client_id, item.item, item.category,
                                     advisor_id, agreed));
  }
  return Ok();
}

}  // namespace allmende::guidance
