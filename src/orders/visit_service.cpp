#include "orders/visit_service.hpp"

#include <boost/json.hpp>

#include "access/access_log.hpp"
#include "access/access_store.hpp"
#include "calendar/local_time.hpp"
#include "calendar/zone.hpp"
#include "funding/funding_json.hpp"
#include "tenancy/region_service.hpp"

namespace allmende::orders {
namespace {

namespace json = boost::json;

std::string SplitJson(const funding::PricedDelivery& priced) { return json::serialize(funding::SharesObject(priced)); }

std::int64_t RoundHalfAway(std::int64_t num, std::int64_t den) {
  return num >= 0 ? (num + den / 2) / den : -((-num + den / 2) / den);
}

// A visit is worked around its own time: from 12 hours before it starts until a day after it
// ends. Weeks ahead nobody checks in or marks the client absent.
Result<void> WithinItsTime(const Visit& v, Timestamp now) {
  auto starts = ParseRfc3339(v.starts_at);
  auto ends = ParseRfc3339(v.ends_at);
  if (!starts || !ends) return Ok();
  if (now < *starts - std::chrono::hours(12) || now > *ends + std::chrono::hours(24)) {
    return Error{
        ErrorCode::kConflict,
        "This visit is planned for " + v.starts_at + ": it is worked from 12 hours before it until a day after.",
        {}};
  }
  return Ok();
}

}  // namespace

Result<VisitService::Work> VisitService::ForWorker(storage::Connection& c, const access::Actor& actor,
                                                   const std::string& visit_id, Timestamp now) {
  ALLMENDE_ASSIGN_OR_RETURN(auto v, OrderStore::GetVisit(c, visit_id));
  if (!v) return Error::NotFound("There is no such visit.");
  auto d = access::Authorize(c, actor.principal, access::Action::kVisitWork,
                             {.region_id = v->region_id, .organization_id = v->provider_id}, now);
  if (!d.ok()) return std::move(d).error();
  if (d->role != "provider_admin" && v->worker_id != actor.principal->id) {
    return Error::NotFound("There is no such visit.");  // another worker's visit: not even its existence
  }
  ALLMENDE_ASSIGN_OR_RETURN(auto o, OrderStore::GetOrder(c, v->order_id));
  if (!o) return Error::NotFound("There is no such visit.");
  return Work{std::move(*v), std::move(*o), std::move(*d)};
}

Result<std::vector<VisitView>> VisitService::MyDay(const access::Actor& actor, const std::string& date) {
  if (!actor.principal) return Error::Unauthenticated("Sign in first.");
  if (!date.empty() && !calendar::ParseDate(date)) return Error::Invalid("date", "Give the date as YYYY-MM-DD.");
  Timestamp now = clock_.Now();
  const auto& cipher = orders_.cipher();
  return orders_.db().WriteValue<std::vector<VisitView>>([&](storage::Connection& c) -> Result<std::vector<VisitView>> {
    std::string day = date;
    if (day.empty()) {
      // Today in the zone of the worker's organization's region: the first membership decides.
      ALLMENDE_ASSIGN_OR_RETURN(auto memberships, access::PolicyStore::LiveMemberships(c, actor.principal->id));
      std::string zone = "Europe/Helsinki";
      if (!memberships.empty()) {
        ALLMENDE_ASSIGN_OR_RETURN(auto region, tenancy::RegionService::Get(c, memberships.front().region_id));
        zone = region.time_zone;
      }
      auto local = calendar::ToLocal(zone, now);
      day = local.ok() ? calendar::FormatDate(local->first) : FormatRfc3339(now).substr(0, 10);
    }
    ALLMENDE_ASSIGN_OR_RETURN(auto visits, OrderStore::WorkerDay(c, actor.principal->id, day));
    std::vector<VisitView> out;
    for (auto& v : visits) {
      auto d = access::Authorize(c, actor.principal, access::Action::kVisitWork,
                                 {.region_id = v.region_id, .organization_id = v.provider_id}, now);
      if (!d.ok()) {
        if (d.error().code == ErrorCode::kMfaRequired) return std::move(d).error();
        continue;  // left the organization: its visits are no longer theirs to see
      }
      ALLMENDE_ASSIGN_OR_RETURN(auto o, OrderStore::GetOrder(c, v.order_id));
      if (!o) continue;
      VisitView view;
      view.category = o->category;
      view.client_name = o->client_name;
      view.address = OpenSealed(cipher, o->address);
      view.door_code = OpenSealed(cipher, o->door_code);
      view.contact_phone = OpenSealed(cipher, o->contact_phone);
      view.needs = OpenSealed(cipher, o->needs);
      v.note = OpenSealed(cipher, v.note);
      ALLMENDE_TRY(access::AppendAccess(c, *d,
                                        {.action = "visit.read",
                                         .subject_type = "visit",
                                         .subject_id = v.id,
                                         .client_id = o->client_id,
                                         .region_id = v.region_id,
                                         .purpose = "service_delivery"},
                                        actor.request_id, now));
      view.visit = std::move(v);
      out.push_back(std::move(view));
    }
    return out;
  });
}

Result<VisitView> VisitService::Finish(storage::Connection& c, Work& w, const std::string& state, Timestamp now) {
  const std::int64_t version = w.visit.version;
  const auto& cipher = orders_.cipher();
  std::string note = w.visit.note;
  w.visit.note = cipher.Seal(note);
  w.visit.state = state;
  w.visit.updated_at = FormatRfc3339(now);
  ALLMENDE_ASSIGN_OR_RETURN(bool saved, OrderStore::UpdateVisit(c, w.visit, version));
  if (!saved) return Error::Conflict("The visit changed meanwhile; load it again.");
  w.visit.version = version + 1;
  w.visit.note = note;
  ALLMENDE_TRY(orders_.Follow(c, w.visit.order_id, w.visit.id, state, w.decision, now));
  VisitView view;
  view.category = w.order.category;
  // The step's answer carries no address or needs: the day view showed them once, with its
  // access-log entry.
  if (w.visit.split) {
    boost::system::error_code ec;
    auto parsed = json::parse(*w.visit.split, ec);
    if (!ec && parsed.is_object()) {
      if (auto* e = parsed.as_object().if_contains("explanation"); e && e->is_string()) {
        view.explanation = std::string(e->get_string());
      }
    }
  }
  view.visit = w.visit;
  return view;
}

Result<void> PriceVisit(storage::Connection& c, Visit& visit, const Order& order, std::int64_t minutes, int charge_bp,
                        bool work_done, Timestamp now) {
  if (!order.price) return Ok();
  const OrderPrice& p = *order.price;
  const std::int64_t unit = std::max(1, p.billing_unit_minutes);
  std::int64_t billable = (minutes + unit - 1) / unit * unit;  // each started unit
  billable = std::max<std::int64_t>(billable, p.minimum_minutes);
  std::int64_t price = p.model == "hourly" ? RoundHalfAway(p.amount_cents * billable, 60) : p.amount_cents;
  price = std::max(price, p.minimum_cents);
  if (charge_bp < 10000) price = RoundHalfAway(price * charge_bp, 10000);
  const std::int64_t labour = work_done ? RoundHalfAway(price * p.labour_share_bp, 10000) : 0;
  funding::Delivery delivery;
  delivery.region_id = visit.region_id;
  delivery.client_id = order.client_id;
  delivery.provider_id = visit.provider_id;
  delivery.category = order.category;
  delivery.visit_id = visit.id;
  delivery.local_date = visit.local_date;
  delivery.line = {price, billable, labour, p.currency};
  ALLMENDE_ASSIGN_OR_RETURN(auto priced, funding::FundingService::Price(c, order.grants, delivery, true, now));
  visit.billable_minutes = billable;
  visit.price_cents = price;
  visit.charge_bp = charge_bp;
  visit.split = SplitJson(priced);
  return Ok();
}

Result<VisitView> VisitService::CheckIn(const access::Actor& actor, const std::string& visit_id) {
  Timestamp now = clock_.Now();
  return orders_.db().WriteValue<VisitView>([&](storage::Connection& c) -> Result<VisitView> {
    ALLMENDE_ASSIGN_OR_RETURN(Work w, ForWorker(c, actor, visit_id, now));
    w.visit.note = OpenSealed(orders_.cipher(), w.visit.note);
    if (w.visit.state == "in_progress") return Finish(c, w, w.visit.state, now);  // a retry
    auto next = NextVisitState(w.visit.state, VisitEvent::kCheckIn);
    if (!next) return Error::IllegalTransition("A visit that is " + w.visit.state + " cannot start.", w.visit.state);
    ALLMENDE_TRY(WithinItsTime(w.visit, now));
    w.visit.checked_in_at = FormatRfc3339(now);
    ALLMENDE_ASSIGN_OR_RETURN(VisitView view, Finish(c, w, *next, now));
    // How late it began, for the provider's punctuality (src/quality/).
    if (auto starts = ParseRfc3339(w.visit.starts_at)) {
      const auto delay = std::chrono::duration_cast<std::chrono::minutes>(now - *starts).count();
      ALLMENDE_TRY(c.Execute("UPDATE visits SET checkin_delay_minutes = $2 WHERE id = $1",
                             {w.visit.id, static_cast<std::int64_t>(delay)}));
    }
    return view;
  });
}

Result<VisitView> VisitService::CheckOut(const access::Actor& actor, const std::string& visit_id,
                                         const CheckOutInput& input) {
  if (input.note.size() > 2000) return Error::Invalid("note", "At most 2000 characters.");
  if (input.deviation && input.deviation->size() > 500) return Error::Invalid("deviation", "At most 500 characters.");
  Timestamp now = clock_.Now();
  return orders_.db().WriteValue<VisitView>([&](storage::Connection& c) -> Result<VisitView> {
    ALLMENDE_ASSIGN_OR_RETURN(Work w, ForWorker(c, actor, visit_id, now));
    w.visit.note = OpenSealed(orders_.cipher(), w.visit.note);
    if (w.visit.state == "delivered") return Finish(c, w, w.visit.state, now);  // a retry records nothing twice
    auto next = NextVisitState(w.visit.state, VisitEvent::kCheckOut);
    if (!next) return Error::IllegalTransition("A visit that is " + w.visit.state + " cannot end.", w.visit.state);
    w.visit.checked_out_at = FormatRfc3339(now);
    json::array tasks;
    boost::system::error_code ec;
    auto planned = json::parse(w.visit.tasks, ec);
    if (!ec && planned.is_array()) {
      for (auto& t : planned.as_array()) {
        if (!t.is_object()) continue;
        auto label = t.as_object().if_contains("label");
        const bool done = label && label->is_string() &&
                          std::find(input.done_tasks.begin(), input.done_tasks.end(),
                                    std::string(label->get_string())) != input.done_tasks.end();
        t.as_object()["done"] = done;
        tasks.push_back(t);
      }
    }
    w.visit.tasks = json::serialize(tasks);
    w.visit.note = input.note;
    w.visit.deviation = input.deviation;
    auto in = ParseRfc3339(w.visit.checked_in_at.value_or(""));
    std::int64_t minutes = in ? std::chrono::duration_cast<std::chrono::minutes>(now - *in).count() : 0;
    // A forgotten check-out bills at most twice the planned length; the rest is a deviation for
    // the coordinators, not a charge to the client's grants.
    const std::int64_t cap = 2 * static_cast<std::int64_t>(w.order.duration_minutes);
    if (minutes > cap) {
      w.visit.deviation = w.visit.deviation.value_or("") + (w.visit.deviation ? "; " : "") + "checked out after " +
                          std::to_string(minutes) + " min; " + std::to_string(cap) + " min billed";
      minutes = cap;
    }
    ALLMENDE_TRY(PriceVisit(c, w.visit, w.order, std::max<std::int64_t>(1, minutes), 10000, true, now));
    return Finish(c, w, *next, now);
  });
}

Result<VisitView> VisitService::NotAtHome(const access::Actor& actor, const std::string& visit_id,
                                          const std::string& note) {
  if (note.size() > 2000) return Error::Invalid("note", "At most 2000 characters.");
  Timestamp now = clock_.Now();
  return orders_.db().WriteValue<VisitView>([&](storage::Connection& c) -> Result<VisitView> {
    ALLMENDE_ASSIGN_OR_RETURN(Work w, ForWorker(c, actor, visit_id, now));
    w.visit.note = OpenSealed(orders_.cipher(), w.visit.note);
    if (w.visit.state == "failed") return Finish(c, w, w.visit.state, now);
    auto next = NextVisitState(w.visit.state, VisitEvent::kFail);
    if (!next) {
      return Error::IllegalTransition("A visit that is " + w.visit.state + " cannot fail.", w.visit.state);
    }
    ALLMENDE_TRY(WithinItsTime(w.visit, now));
    w.visit.failure_reason = "client_not_at_home";
    if (!note.empty()) w.visit.note = note;
    // The agreement's failed-visit rule: the planned visit charged at its share.
    const int charge = w.order.price ? w.order.price->no_show_charge_bp : 10000;
    ALLMENDE_TRY(PriceVisit(c, w.visit, w.order, w.order.duration_minutes, charge, false, now));
    return Finish(c, w, *next, now);
  });
}

namespace {

Result<access::Decision> ClientDecision(storage::Connection& c, const access::Actor& actor, const Order& o,
                                        Timestamp now) {
  auto d = access::Authorize(c, actor.principal, access::Action::kOrderConfirm,
                             {.region_id = o.region_id, .client_id = o.client_id}, now);
  return d;
}

}  // namespace

Result<VisitView> VisitService::Confirm(const access::Actor& actor, const std::string& visit_id) {
  Timestamp now = clock_.Now();
  return orders_.db().WriteValue<VisitView>([&](storage::Connection& c) -> Result<VisitView> {
    ALLMENDE_ASSIGN_OR_RETURN(auto v, OrderStore::GetVisit(c, visit_id));
    if (!v) return Error::NotFound("There is no such visit.");
    ALLMENDE_ASSIGN_OR_RETURN(auto o, OrderStore::GetOrder(c, v->order_id));
    if (!o) return Error::NotFound("There is no such visit.");
    ALLMENDE_ASSIGN_OR_RETURN(auto d, ClientDecision(c, actor, *o, now));
    Work w{std::move(*v), std::move(*o), std::move(d)};
    w.visit.note = OpenSealed(orders_.cipher(), w.visit.note);
    if (w.visit.state == "confirmed") return Finish(c, w, w.visit.state, now);
    auto next = NextVisitState(w.visit.state, VisitEvent::kConfirm);
    if (!next) return Error::IllegalTransition("Only a delivered visit can be confirmed.", w.visit.state);
    return Finish(c, w, *next, now);
  });
}

Result<VisitView> VisitService::Dispute(const access::Actor& actor, const std::string& visit_id,
                                        const std::string& reason) {
  Timestamp now = clock_.Now();
  return orders_.db().WriteValue<VisitView>([&](storage::Connection& c) -> Result<VisitView> {
    ALLMENDE_ASSIGN_OR_RETURN(auto v, OrderStore::GetVisit(c, visit_id));
    if (!v) return Error::NotFound("There is no such visit.");
    ALLMENDE_ASSIGN_OR_RETURN(auto o, OrderStore::GetOrder(c, v->order_id));
    if (!o) return Error::NotFound("There is no such visit.");
    ALLMENDE_ASSIGN_OR_RETURN(auto d, ClientDecision(c, actor, *o, now));
    if (reason.empty() || reason.size() > 1000) {
      return Error::Invalid("reason", "Say what went wrong (1–1000 characters).");
    }
    Work w{std::move(*v), std::move(*o), std::move(d)};
    w.visit.note = OpenSealed(orders_.cipher(), w.visit.note);
    auto next = NextVisitState(w.visit.state, VisitEvent::kDispute);
    if (!next) return Error::IllegalTransition("Only a delivered visit can be disputed.", w.visit.state);
    w.visit.dispute_reason = reason;
    return Finish(c, w, *next, now);
  });
}

}  // namespace allmende::orders
