#include "orders/order_service.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "access/access_log.hpp"
#include "access/access_store.hpp"
#include "calendar/local_time.hpp"
#include "calendar/recurrence.hpp"
#include "calendar/zone.hpp"
#include "clients/client_service.hpp"
#include "common/ids.hpp"
#include "common/validate.hpp"
#include "directory/directory_service.hpp"
#include "jobs/job_scheduler.hpp"
#include "notifications/notifications.hpp"
#include "orders/order_email.hpp"
#include "orders/order_states.hpp"
#include "quality/quality_email.hpp"
#include "tenancy/organization_service.hpp"
#include "tenancy/region_service.hpp"

namespace allmende::orders {
namespace {

// The name in `language` where there is one, else Finnish, else any, else `fallback`.
std::string NameIn(const std::map<std::string, std::string>& names, const std::string& language,
                   const std::string& fallback) {
  for (const std::string& l : {language, std::string("fi")}) {
    if (auto it = names.find(l); it != names.end()) return it->second;
  }
  return names.empty() ? fallback : names.begin()->second;
}

std::string Sealed(const storage::FieldCipher& cipher, const std::string& text) {
  return text.empty() ? text : cipher.Seal(text);
}

std::string Viewer(const access::Decision& d) {
  if (d.relation == "self") return "client";
  if (d.relation == "delegate") return "delegate";
  if (d.relation == "purchaser") return "purchaser";
  if (d.relation == "assigned_provider") return "provider";
  if (d.relation == "region_staff") return "staff";
  return "other";  // nothing beyond what every reader sees
}

}  // namespace

std::string LocalToday(Timestamp now, const std::string& zone) { return calendar::TodayIn(zone, now); }

std::string OpenSealed(const storage::FieldCipher& cipher, const std::string& stored) {
  if (stored.empty()) return stored;
  auto opened = cipher.Open(stored);
  return opened.ok() ? *opened : std::string();
}

bool MayOpen(const access::Decision& d, const Order& o, const std::string& user_id) {
  // A provider sees the orders it accepted, a worker only those assigned to them; a purchaser
  // the orders it pays for, not the client's own purchases.
  if (d.relation == "assigned_provider") {
    if (o.provider_id != d.organization_id) return false;
    return d.role != "provider_worker" || o.worker_id == user_id;
  }
  if (d.relation == "purchaser") return o.purchaser_id == d.organization_id;
  return true;
}

access::Decision SystemDecision() { return access::Decision{"system", "system", "", "system", "order_handling"}; }

Result<calendar::Recurrence> ToRecurrence(const Schedule& s, const std::string& country) {
  calendar::Recurrence r;
  r.frequency = s.frequency == "weekly"    ? calendar::Recurrence::Frequency::kWeekly
                : s.frequency == "monthly" ? calendar::Recurrence::Frequency::kMonthly
                                           : calendar::Recurrence::Frequency::kOnce;
  r.interval = s.interval;
  r.weekdays = s.weekdays;
  r.month_day = s.month_day;
  auto start = calendar::ParseDate(s.start_date);
  if (!start) return Error::Invalid("schedule.start_date", "Give the first day as YYYY-MM-DD.");
  r.start = *start;
  if (s.until) {
    auto until = calendar::ParseDate(*s.until);
    if (!until) return Error::Invalid("schedule.until", "Give the last day as YYYY-MM-DD.");
    r.until = *until;
  }
  r.count = s.count;
  auto ws = calendar::ParseTime(s.window_start);
  auto we = calendar::ParseTime(s.window_end);
  if (!ws) return Error::Invalid("schedule.window_start", "Give the time as HH:MM.");
  if (!we) return Error::Invalid("schedule.window_end", "Give the time as HH:MM.");
  r.window_start = *ws;
  r.window_end = *we;
  r.skip_public_holidays = s.skip_public_holidays;
  r.country = country;
  r.subdivision = country == "DE" ? "BW" : "";
  ALLMENDE_TRY(calendar::Validate(r));
  return r;
}

OrderService::OrderService(storage::Database& db, notify::Outbox& outbox, events::EventBus& bus,
                           const TimeSource& clock, const storage::FieldCipher& cipher, PlaceNamer place_name,
                           std::string public_url, const webhooks::Emitter* webhooks)
    : db_(db),
      outbox_(outbox),
      bus_(bus),
      clock_(clock),
      cipher_(cipher),
      place_name_(std::move(place_name)),
      public_url_(std::move(public_url)),
      webhooks_(webhooks) {}

Result<OrderService::Loaded> OrderService::Open(storage::Connection& c, const access::Actor& actor,
                                                access::Action action, const std::string& id, Timestamp now) {
  ALLMENDE_ASSIGN_OR_RETURN(auto o, OrderStore::GetOrder(c, id));
  if (!o) return Error::NotFound("There is no such order.");
  auto decision =
      access::Authorize(c, actor.principal, action, {.region_id = o->region_id, .client_id = o->client_id}, now);
  if (!decision.ok()) return std::move(decision).error();
  // A provider related to the client sees only the orders it delivers.
  if (!MayOpen(*decision, *o, actor.principal->id)) {
    return Error::PermissionDenied("This order is not one your organization delivers or pays for.");
  }
  o->needs = OpenSealed(cipher_, o->needs);
  o->address = OpenSealed(cipher_, o->address);
  o->door_code = OpenSealed(cipher_, o->door_code);
  o->contact_phone = OpenSealed(cipher_, o->contact_phone);
  return Loaded{std::move(*o), std::move(*decision)};
}

Result<OrderView> OrderService::View(storage::Connection& c, const access::Actor& actor, Loaded loaded, Timestamp now) {
  OrderView v;
  v.viewer = Viewer(loaded.decision);
  v.identity_visible = true;
  if (v.viewer != "client") {
    // Someone other than the client read the client's order: the client sees it in their log.
    ALLMENDE_TRY(access::AppendAccess(c, loaded.decision,
                                      {.action = "order.read",
                                       .subject_type = "order",
                                       .subject_id = loaded.order.id,
                                       .client_id = loaded.order.client_id,
                                       .region_id = loaded.order.region_id,
                                       .purpose = actor.purpose},
                                      actor.request_id, now));
  }
  ALLMENDE_ASSIGN_OR_RETURN(v.visits, OrderStore::VisitsOf(c, loaded.order.id));
  for (auto& visit : v.visits) visit.note = OpenSealed(cipher_, visit.note);
  ALLMENDE_ASSIGN_OR_RETURN(auto timeline, OrderStore::Timeline(c, loaded.order.id));
  for (auto& e : timeline) {
    const bool staff = v.viewer == "staff" || v.viewer == "purchaser";
    if (e.audience == "all" || staff || (v.viewer == "provider" && e.audience == "provider")) {
      v.timeline.push_back(std::move(e));
    }
  }
  if (v.viewer == "staff" || v.viewer == "purchaser") {
    ALLMENDE_ASSIGN_OR_RETURN(v.offers, OrderStore::OffersOf(c, loaded.order.id));
  }
  for (const auto& visit : v.visits) {
    if (!v.first_visit_at || visit.starts_at < *v.first_visit_at) v.first_visit_at = visit.starts_at;
  }
  if (!v.first_visit_at && !IsFinalOrderState(loaded.order.state)) {
    ALLMENDE_ASSIGN_OR_RETURN(auto region, tenancy::RegionService::Get(c, loaded.order.region_id));
    auto recurrence = ToRecurrence(loaded.order.schedule, region.country);
    if (recurrence.ok()) {
      const auto today = calendar::ParseDate(LocalToday(now, region.time_zone));
      const calendar::LocalDate from = today ? std::max(recurrence->start, *today) : recurrence->start;
      auto first = calendar::Expand(*recurrence, region.time_zone, from,
                                    calendar::FromDayNumber(calendar::DayNumber(from) + 92));
      if (first.ok() && !first->empty()) v.first_visit_at = FormatRfc3339(first->front().starts_at);
    }
  }
  v.order = std::move(loaded.order);
  return v;
}

Result<void> OrderService::Transition(storage::Connection& c, Order& o, OrderEvent event, const access::Decision& who,
                                      const std::optional<std::string>& note, const std::string& audience,
                                      Timestamp now) {
  auto next = NextOrderState(o.state, event);
  if (!next) {
    return Error::IllegalTransition(
        "An order that is " + o.state + " cannot " + std::string(OrderEventName(event)) + ".", o.state);
  }
  TimelineEntry e{NewId("otl"),
                  FormatRfc3339(now),
                  who.actor_id,
                  who.role,
                  std::string(OrderEventName(event)),
                  o.state,
                  *next,
                  note,
                  audience};
  ALLMENDE_TRY(OrderStore::InsertTimeline(c, o.region_id, o.id, e));
  const std::string from = o.state;
  o.state = *next;
  o.updated_at = FormatRfc3339(now);
  // The provider reaches the client's data for deliveries only: when its last order for the
  // client ends, so does the relation.
  if (o.provider_id && IsFinalOrderState(o.state)) {
    ALLMENDE_ASSIGN_OR_RETURN(std::int64_t open, OrderStore::OpenOrdersWith(c, o.client_id, *o.provider_id, o.id));
    if (open == 0) ALLMENDE_TRY(clients::ClientService::EndRelation(c, o.client_id, *o.provider_id, "provider", now));
  }
  std::vector<std::string> audience_keys{"user:" + o.client_id, "role:coordinator@" + o.region_id};
  if (o.ordered_by != o.client_id) audience_keys.push_back("user:" + o.ordered_by);
  if (o.provider_id) audience_keys.push_back("org:" + *o.provider_id);
  boost::json::object data{{"state", o.state}, {"event", e.kind}};
  ALLMENDE_TRY(bus_.Publish(c, events::Event{NewId("evt"), "order.changed", o.region_id, o.id, audience_keys,
                                             boost::json::serialize(data), FormatRfc3339(now)}));
  return Signal(c, o, e.kind, from, who, now);
}

Result<void> OrderService::Save(storage::Connection& c, Order& o, std::int64_t version) {
  ALLMENDE_ASSIGN_OR_RETURN(bool saved, OrderStore::UpdateOrder(c, o, version));
  if (!saved) return Error::Conflict("The order changed meanwhile; load it again.");
  o.version = version + 1;
  return Ok();
}

Result<std::map<std::string, std::string>> OrderService::ServiceNames(storage::Connection& c, const Order& o) {
  std::map<std::string, std::string> names;
  if (o.service_id) {
    ALLMENDE_ASSIGN_OR_RETURN(auto s, directory::DirectoryService::FindPublished(c, *o.service_id));
    if (s) names = s->published->name;
  }
  if (names.empty()) {
    ALLMENDE_ASSIGN_OR_RETURN(names, directory::DirectoryService::CategoryNames(c, o.category));
  }
  return names;
}

Result<void> OrderService::AskForRating(storage::Connection& c, const Order& o, const std::string& visit_id,
                                        const std::string& local_date, Timestamp now) {
  std::vector<std::string> audience{"user:" + o.client_id};
  if (o.ordered_by != o.client_id) {
    // Whoever ordered for the client, while they may still act for them.
    http::Principal p{o.ordered_by, "user"};
    p.mfa_verified = true;
    auto allowed = access::Authorize(c, p, access::Action::kRatingWrite,
                                     {.region_id = o.region_id, .client_id = o.client_id}, now);
    if (allowed.ok()) audience.push_back("user:" + o.ordered_by);
  }
  ALLMENDE_TRY(notifications::Add(c, bus_,
                                  {.region_id = o.region_id,
                                   .audience = std::move(audience),
                                   .kind = "visit.rate",
                                   .subject_type = "visit",
                                   .subject_id = visit_id,
                                   .data = boost::json::serialize(boost::json::object{
                                       {"visit_id", visit_id}, {"order_id", o.id}, {"category", o.category}})},
                                  now));
  ALLMENDE_ASSIGN_OR_RETURN(auto contact, OrderStore::ContactOf(c, o.client_id));
  if (!contact || contact->email.empty()) return Ok();
  ALLMENDE_ASSIGN_OR_RETURN(auto names, ServiceNames(c, o));
  auto text = quality::ComposeRatingRequest(contact->language, NameIn(names, contact->language, o.category), local_date,
                                            public_url_ + "/visits/" + visit_id + "/rate");
  ALLMENDE_TRY(outbox_.Enqueue(
      c, {.region_id = o.region_id, .recipient = contact->email, .subject = text.subject, .body = text.body}, now));
  return Ok();
}

Result<void> OrderService::Notify(storage::Connection& c, const Order& o, const std::string& kind, Timestamp now) {
  std::vector<std::string> recipients{o.client_id};
  // A delegate who ordered from the shop hears of it too; the advice desk, which orders with the
  // client's consent, does not get "your order" mail: the client's says the desk placed it.
  const bool by_desk = o.consent_id.has_value();
  if (o.origin == "shop" && o.ordered_by != o.client_id && !by_desk) recipients.push_back(o.ordered_by);
  // The service's name in each reader's language where it has one (else Finnish, else any); a
  // purchaser's order names its type of service.
  ALLMENDE_ASSIGN_OR_RETURN(auto names, ServiceNames(c, o));
  auto service_in = [&](const std::string& language) { return NameIn(names, language, o.category); };
  std::string first_visit;
  ALLMENDE_ASSIGN_OR_RETURN(auto visits, OrderStore::VisitsOf(c, o.id));
  for (const auto& v : visits) {
    if (v.state == "planned") {
      ALLMENDE_ASSIGN_OR_RETURN(auto region, tenancy::RegionService::Get(c, o.region_id));
      auto start = ParseRfc3339(v.starts_at);
      auto local = start ? calendar::ToLocal(region.time_zone, *start)
                         : Result<std::pair<calendar::LocalDate, calendar::LocalTime>>(Error::Internal("bad time"));
      if (local.ok()) first_visit = calendar::FormatDate(local->first) + " " + calendar::FormatTime(local->second);
      break;
    }
  }
  for (const auto& user : recipients) {
    ALLMENDE_ASSIGN_OR_RETURN(auto contact, OrderStore::ContactOf(c, user));
    // A client registered at the advice desk may have no e-mail address: the desk phones them.
    if (!contact || contact->email.empty()) continue;
    auto text = ComposeOrderEmail(kind, contact->language, service_in(contact->language), o.provider_name.value_or(""),
                                  first_visit, public_url_ + "/orders/" + o.id, by_desk && user == o.client_id);
    ALLMENDE_TRY(outbox_.Enqueue(
        c, {.region_id = o.region_id, .recipient = contact->email, .subject = text.subject, .body = text.body}, now));
  }
  return Ok();
}

Result<std::string> CheckNewOrder(const NewOrder& in) {
  std::vector<FieldError> errors;
  static const std::vector<std::string> origins{"purchaser", "shop", "employer"};
  if (in.client_id.empty()) errors.push_back({"client_id", "Name the client the order is for."});
  if (std::find(origins.begin(), origins.end(), in.origin) == origins.end()) {
    errors.push_back({"origin", "Choose purchaser, shop or employer."});
  }
  if (in.origin != "shop" && !in.purchaser_id) errors.push_back({"purchaser_id", "Name who pays for the order."});
  if (in.origin == "shop" && !in.service_id) errors.push_back({"service_id", "Choose the service to order."});
  if (in.category.empty()) errors.push_back({"category", "Choose a service category."});
  if (!IsLanguage(in.language)) errors.push_back({"language", LanguageProblem()});
  if (in.needs.size() > 2000) errors.push_back({"needs", "Describe the needs in at most 2000 characters."});
  if (in.address.empty() || in.address.size() > 200)
    errors.push_back({"address", "Give the address (at most 200 characters)."});
  if (in.door_code.size() > 50) errors.push_back({"door_code", "At most 50 characters."});
  std::string phone;
  if (!in.contact_phone.empty()) {
    auto p = NormalizePhone(in.contact_phone, "contact_phone");
    if (!p.ok()) {
      errors.push_back(
          {"contact_phone", p.error().fields.empty() ? p.error().message : p.error().fields.front().message});
    } else {
      phone = *p;
    }
  }
  if (in.duration_minutes < 15 || in.duration_minutes > 720) {
    errors.push_back({"duration_minutes", "A visit lasts 15 minutes to 12 hours."});
  }
  if (in.tasks.size() > 20) errors.push_back({"tasks", "At most 20 tasks."});
  for (std::size_t i = 0; i < in.tasks.size(); ++i) {
    if (in.tasks[i].empty() || in.tasks[i].size() > 100) {
      errors.push_back({"tasks[" + std::to_string(i) + "]", "A task is 1 to 100 characters."});
    }
  }
  if (!errors.empty()) return Error::Invalid(std::move(errors));
  return phone;
}

Result<OrderView> OrderService::Create(const access::Actor& actor, const NewOrder& input) {
  ALLMENDE_TRY(CheckNewOrder(input));
  Timestamp now = clock_.Now();
  return db_.WriteValue<OrderView>([&](storage::Connection& c) { return CreateIn(c, actor, input, now); },
                                   storage::Isolation::kReadCommitted);
}

Result<OrderView> OrderService::CreateIn(storage::Connection& c, const access::Actor& actor, const NewOrder& in,
                                         Timestamp now) {
  ALLMENDE_ASSIGN_OR_RETURN(std::string phone, CheckNewOrder(in));
  ALLMENDE_ASSIGN_OR_RETURN(std::string region_id, access::ClientRegion(c, in.client_id));
  if (region_id.empty()) return Error::Invalid("client_id", "No client has this id.");
  ALLMENDE_ASSIGN_OR_RETURN(auto decision, access::Authorize(c, actor.principal, access::Action::kOrderCreate,
                                                             {.region_id = region_id, .client_id = in.client_id}, now));
  ALLMENDE_ASSIGN_OR_RETURN(auto region, tenancy::RegionService::Get(c, region_id));
  if (place_name_ && place_name_(c, in.municipality_code).empty()) {
    return Error::Invalid("municipality_code", "Choose a municipality of the region.");
  }
  if (in.district_code && place_name_ && place_name_(c, *in.district_code).empty()) {
    return Error::Invalid("district_code", "Unknown district.");
  }
  ALLMENDE_ASSIGN_OR_RETURN(bool known, directory::DirectoryService::IsCategory(c, in.category));
  if (!known) return Error::Invalid("category", "Unknown service category.");
  std::optional<std::string> provider = in.provider_id;
  std::optional<directory::Service> service;
  if (in.service_id) {
    ALLMENDE_ASSIGN_OR_RETURN(service, directory::DirectoryService::FindPublished(c, *in.service_id));
    if (!service || service->region_id != region_id) {
      return Error::Invalid("service_id", "No published service has this id.");
    }
    if (service->published->category != in.category) {
      return Error::Invalid("category", "The service is of category " + service->published->category + ".");
    }
    provider = service->organization_id;
  }
  if (in.purchaser_id) {
    ALLMENDE_ASSIGN_OR_RETURN(auto org, tenancy::OrganizationService::Find(c, *in.purchaser_id));
    if (!org || org->region_id != region_id) {
      return Error::Invalid("purchaser_id", "No purchaser of the client's region has this id.");
    }
  }
  std::optional<std::string> chosen_name;
  if (provider) {
    ALLMENDE_ASSIGN_OR_RETURN(auto org, tenancy::OrganizationService::Find(c, *provider));
    if (!org || org->region_id != region_id) {
      return Error::Invalid("provider_id", "No provider of the client's region has this id.");
    }
    chosen_name = org->name;
  }
  ALLMENDE_ASSIGN_OR_RETURN(auto recurrence, ToRecurrence(in.schedule, region.country));
  const std::string today = LocalToday(now, region.time_zone);
  if (in.schedule.start_date < today) {
    return Error::Invalid("schedule.start_date", "The first visit cannot be in the past.");
  }
  ALLMENDE_ASSIGN_OR_RETURN(auto first,
                            calendar::Expand(recurrence, region.time_zone, recurrence.start,
                                             calendar::FromDayNumber(calendar::DayNumber(recurrence.start) + 366)));
  if (first.empty()) return Error::Invalid("schedule", "This schedule has no visit within a year.");
  // A shop order goes to one provider, who needs its lead time between the order and the first visit.
  if (service) {
    const int lead = service->published->lead_time_days;
    auto today_date = calendar::ParseDate(today);
    if (lead > 0 && today_date) {
      const calendar::LocalDate earliest = calendar::FromDayNumber(calendar::DayNumber(*today_date) + lead);
      if (first.front().date < earliest) {
        return Error::Invalid("schedule.start_date", "This provider needs " + std::to_string(lead) +
                                                         " days' notice: the first visit can be on " +
                                                         calendar::FormatDate(earliest) + " at the earliest.");
      }
    }
  }
  ALLMENDE_ASSIGN_OR_RETURN(
      auto grants, funding::FundingService::CheckGrants(c, in.client_id, in.grants, in.category, provider.value_or(""),
                                                        in.schedule.start_date));
  // Who may order on a payer's account: its own officers, the integrator's staff, or the client
  // (or a delegate) within a grant of that payer. A shop order is the client's own purchase.
  if (in.origin == "shop" && in.purchaser_id) {
    return Error::Invalid("purchaser_id", "A shop order is paid by the client; leave the purchaser out.");
  }
  if (in.origin != "shop") {
    const bool payer_staff = decision.relation == "purchaser" && decision.organization_id == *in.purchaser_id;
    const bool within_grant = std::any_of(grants.begin(), grants.end(),
                                          [&](const funding::Grant& g) { return g.payer_id == *in.purchaser_id; });
    if (!payer_staff && decision.relation != "region_staff" && !within_grant) {
      return Error::PermissionDenied(
          "Only the payer, the integrator's staff or a grant of the payer orders on its account.");
    }
  }
  // The advice desk buys from the shop on the client's behalf only with their consent, recorded
  // with the order. (An order on a purchaser's account rests on the purchaser's decision instead;
  // a consent given for one is recorded all the same.)
  std::optional<clients::Consent> consent;
  if (decision.relation == "region_staff") {
    if (!in.consent && in.origin == "shop") {
      return Error::Invalid("consent", "Record the client's consent to this order: how and by whom it was given.");
    }
    if (in.consent) {
      ALLMENDE_ASSIGN_OR_RETURN(consent, ConsentFor(*in.consent, region, now));
    }
  } else if (in.consent) {
    return Error::Invalid("consent", "A consent is recorded when the advice desk orders for a client.");
  }
  Order o;
  o.id = NewId("ord");
  o.region_id = region_id;
  o.origin = in.origin;
  o.client_id = in.client_id;
  o.ordered_by = actor.principal->id;
  o.purchaser_id = in.purchaser_id;
  o.category = in.category;
  o.service_id = in.service_id;
  o.municipality_code = in.municipality_code;
  o.district_code = in.district_code;
  o.language = in.language;
  o.needs = Sealed(cipher_, in.needs);
  o.address = Sealed(cipher_, in.address);
  o.door_code = Sealed(cipher_, in.door_code);
  o.contact_phone = Sealed(cipher_, phone);
  o.schedule = in.schedule;
  o.duration_minutes = in.duration_minutes;
  o.grants = in.grants;
  o.tasks = in.tasks;
  o.chosen_provider_id = provider;
  // A shop order names its provider from the start (the client chose the service); the provider
  // reaches the client's data only once it accepts.
  if (in.origin == "shop") o.provider_name = chosen_name;
  o.state = "draft";
  o.created_at = o.updated_at = FormatRfc3339(now);
  if (consent) {
    consent->region_id = region_id;
    consent->client_id = in.client_id;
    consent->organization_id = provider;
    consent->order_id = o.id;
    consent->recorded_by = decision.actor_id;
    consent->created_at = o.created_at;
    ALLMENDE_TRY(clients::ClientService::RecordConsent(c, *consent));
    o.consent_id = consent->id;
  }
  ALLMENDE_TRY(OrderStore::InsertOrder(c, o));
  ALLMENDE_TRY(OrderStore::InsertTimeline(c, o.region_id, o.id,
                                          {NewId("otl"), o.created_at, decision.actor_id, decision.role, "created",
                                           std::nullopt, "draft", std::nullopt, "all"}));
  if (in.submit) {
    ALLMENDE_TRY(Transition(c, o, OrderEvent::kSubmit, decision, std::nullopt, "all", now));
    ALLMENDE_TRY(Transition(c, o, OrderEvent::kRoute, decision, std::nullopt, "staff", now));
    ALLMENDE_TRY(RouteNext(c, o, SystemDecision(), now));
    ALLMENDE_TRY(Save(c, o, 1));
    if (o.origin == "shop" && o.state == "offered") ALLMENDE_TRY(Notify(c, o, "placed", now));
  }
  ALLMENDE_ASSIGN_OR_RETURN(Loaded loaded, Open(c, actor, access::Action::kOrderRead, o.id, now));
  return View(c, actor, std::move(loaded), now);
}

Result<OrderView> OrderService::PlaceForNewClient(storage::Connection& c, const NewOrder& input) {
  Timestamp now = clock_.Now();
  if (!input.service_id) return Error::Invalid("service_id", "Choose the service to order.");
  ALLMENDE_ASSIGN_OR_RETURN(auto s, directory::DirectoryService::FindPublished(c, *input.service_id));
  if (!s) return Error::Invalid("service_id", "No published service has this id.");
  ALLMENDE_TRY(clients::ClientService::EnsureClient(c, bus_, input.client_id, s->region_id, input.client_id, now));
  http::Principal person{input.client_id, "user"};
  access::Actor actor(person);
  actor.request_id = "signup";
  return CreateIn(c, actor, input, now);
}

Result<OrderView> OrderService::Get(const access::Actor& actor, const std::string& id) {
  Timestamp now = clock_.Now();
  return db_.WriteValue<OrderView>([&](storage::Connection& c) -> Result<OrderView> {
    ALLMENDE_ASSIGN_OR_RETURN(Loaded loaded, Open(c, actor, access::Action::kOrderRead, id, now));
    return View(c, actor, std::move(loaded), now);
  });
}

Result<std::vector<Order>> OrderService::OfClient(const access::Actor& actor, const std::string& client_id) {
  Timestamp now = clock_.Now();
  return db_.ReadValue<std::vector<Order>>([&](storage::Connection& c) -> Result<std::vector<Order>> {
    ALLMENDE_ASSIGN_OR_RETURN(
        auto d, access::Authorize(c, actor.principal, access::Action::kOrderRead, {.client_id = client_id}, now));
    ALLMENDE_ASSIGN_OR_RETURN(auto orders, OrderStore::OrdersOfClient(c, client_id, 100));
    std::vector<Order> out;
    for (auto& o : orders) {
      if (!MayOpen(d, o, actor.principal->id)) continue;
      o.needs = o.address = o.door_code = o.contact_phone = "";  // the list shows no sealed details
      out.push_back(std::move(o));
    }
    return out;
  });
}

Result<OrderView> OrderService::Submit(const access::Actor& actor, const std::string& id) {
  Timestamp now = clock_.Now();
  return db_.WriteValue<OrderView>([&](storage::Connection& c) -> Result<OrderView> {
    ALLMENDE_ASSIGN_OR_RETURN(Loaded l, Open(c, actor, access::Action::kOrderCreate, id, now));
    const std::int64_t version = l.order.version;
    ALLMENDE_TRY(Transition(c, l.order, OrderEvent::kSubmit, l.decision, std::nullopt, "all", now));
    ALLMENDE_TRY(Transition(c, l.order, OrderEvent::kRoute, l.decision, std::nullopt, "staff", now));
    ALLMENDE_TRY(RouteNext(c, l.order, SystemDecision(), now));
    ALLMENDE_TRY(Save(c, l.order, version));
    return View(c, actor, std::move(l), now);
  });
}

}  // namespace allmende::orders
