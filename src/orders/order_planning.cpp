// The visits of an order: planned in the region's zone when it is accepted, ahead over the
// horizon every day, and the order following its one-off visit. Part of OrderService.
#include <algorithm>
#include <boost/json.hpp>

#include "calendar/local_time.hpp"
#include "calendar/recurrence.hpp"
#include "common/ids.hpp"
#include "orders/order_service.hpp"
#include "tenancy/region_service.hpp"

namespace allmende::orders {
namespace {

constexpr int kHorizonDays = 56;  // recurring orders: visits planned eight weeks ahead

}  // namespace

Result<void> OrderService::PlanVisits(storage::Connection& c, const Order& o, Timestamp now) {
  if (!o.provider_id) return Ok();
  ALLMENDE_ASSIGN_OR_RETURN(auto region, tenancy::RegionService::Get(c, o.region_id));
  ALLMENDE_ASSIGN_OR_RETURN(auto recurrence, ToRecurrence(o.schedule, region.country));
  const calendar::LocalDate today = calendar::ParseDate(LocalToday(now, region.time_zone)).value_or(recurrence.start);
  calendar::LocalDate from = std::max(recurrence.start, today);
  calendar::LocalDate to = calendar::FromDayNumber(calendar::DayNumber(today) + kHorizonDays);
  // A one-off visit is planned whenever it is, however far ahead.
  if (recurrence.frequency == calendar::Recurrence::Frequency::kOnce) to = std::max(to, recurrence.start);
  if (to < from) return Ok();
  ALLMENDE_ASSIGN_OR_RETURN(auto occurrences, calendar::Expand(recurrence, region.time_zone, from, to));
  boost::json::array tasks;
  for (const auto& t : o.tasks) tasks.push_back(boost::json::object{{"label", t}, {"done", false}});
  const std::string tasks_json = boost::json::serialize(tasks);
  for (const auto& occurrence : occurrences) {
    Visit v;
    v.id = NewId("vis");
    v.region_id = o.region_id;
    v.order_id = o.id;
    v.provider_id = *o.provider_id;
    v.worker_id = o.worker_id;
    v.local_date = calendar::FormatDate(occurrence.date);
    v.starts_at = FormatRfc3339(occurrence.starts_at);
    v.ends_at = FormatRfc3339(occurrence.ends_at);
    v.tasks = tasks_json;
    v.updated_at = FormatRfc3339(now);
    ALLMENDE_TRY(OrderStore::InsertVisit(c, v));
  }
  return Ok();
}

Result<int> OrderService::PlanAhead(storage::Connection& c, Timestamp now) {
  int planned = 0;
  std::string after;
  for (;;) {
    ALLMENDE_ASSIGN_OR_RETURN(auto batch, OrderStore::RecurringOrders(c, after, 200));
    if (batch.empty()) break;
    for (const auto& o : batch) {
      after = o.id;
      if (o.schedule.frequency == "once") continue;
      ALLMENDE_TRY(PlanVisits(c, o, now));
      ++planned;
    }
  }
  return planned;
}

Result<void> OrderService::Follow(storage::Connection& c, const std::string& order_id, const std::string& visit_id,
                                  const std::string& visit_state, const access::Decision& who, Timestamp now) {
  ALLMENDE_ASSIGN_OR_RETURN(auto o, OrderStore::GetOrder(c, order_id));
  if (!o) return Ok();
  ALLMENDE_TRY(SignalVisit(c, *o, visit_id, visit_state, who, now));
  if (visit_state == "confirmed") {
    ALLMENDE_ASSIGN_OR_RETURN(auto v, OrderStore::GetVisit(c, visit_id));
    if (v) ALLMENDE_TRY(AskForRating(c, *o, visit_id, v->local_date, now));
  }
  if (o->schedule.frequency != "once") return Ok();
  std::optional<OrderEvent> event;
  if (visit_state == "in_progress") event = OrderEvent::kCheckIn;
  if (visit_state == "delivered") event = OrderEvent::kCheckOut;
  if (visit_state == "confirmed") event = OrderEvent::kConfirm;
  if (visit_state == "disputed") event = OrderEvent::kDispute;
  if (visit_state == "failed") event = OrderEvent::kFail;
  if (!event || !NextOrderState(o->state, *event)) return Ok();
  const std::int64_t version = o->version;
  ALLMENDE_TRY(Transition(c, *o, *event, who, std::nullopt, "all", now));
  return Save(c, *o, version);
}

}  // namespace allmende::orders
