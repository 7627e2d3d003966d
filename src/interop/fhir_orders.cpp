#include "interop/fhir_orders.hpp"

#include <boost/json.hpp>

#include "interop/fhir_resources.hpp"

namespace allmende::interop::fhir {
namespace {

namespace json = boost::json;

std::string RequestStatus(const std::string& state) {
  if (state == "draft") return "draft";
  if (state == "confirmed") return "completed";
  if (state == "cancelled" || state == "declined" || state == "expired" || state == "failed") return "revoked";
  return "active";
}

std::string TaskStatus(const std::string& state) {
  if (state == "draft") return "draft";
  if (state == "submitted" || state == "routing") return "requested";
  if (state == "offered") return "received";
  if (state == "accepted" || state == "scheduled") return "accepted";
  if (state == "in_progress") return "in-progress";
  if (state == "delivered" || state == "confirmed") return "completed";
  if (state == "declined") return "rejected";
  if (state == "expired" || state == "cancelled") return "cancelled";
  if (state == "failed") return "failed";
  return "on-hold";  // escalated, disputed: someone must act
}

json::object Subject(const orders::Order& o) {
  json::object s{{"identifier", json::object{{"system", kClientSystem}, {"value", o.client_id}}}};
  if (!o.client_name.empty()) s["display"] = o.client_name;
  return s;
}

json::object Code(const orders::Order& o) {
  return json::object{{"coding", json::array{json::object{{"system", kCategorySystem}, {"code", o.category}}}},
                      {"text", o.category}};
}

// FHIR's day codes, ISO weekday 1 (Monday) … 7.
const char* Day(int weekday) {
  static constexpr const char* kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  return weekday >= 1 && weekday <= 7 ? kDays[weekday - 1] : "mon";
}

json::object Timing(const orders::Schedule& s, int duration_minutes) {
  json::object repeat{{"boundsPeriod", json::object{{"start", s.start_date}}},
                      {"timeOfDay", json::array{s.window_start + ":00"}},
                      {"duration", duration_minutes},
                      {"durationUnit", "min"}};
  if (s.until) repeat["boundsPeriod"].as_object()["end"] = *s.until;
  if (s.count) repeat["count"] = *s.count;
  if (s.frequency == "once") {
    repeat["count"] = 1;
  } else {
    repeat["frequency"] = 1;
    repeat["period"] = s.interval;
    repeat["periodUnit"] = s.frequency == "monthly" ? "mo" : "wk";
    if (s.frequency == "weekly" && !s.weekdays.empty()) {
      json::array days;
      for (int d : s.weekdays) days.emplace_back(Day(d));
      repeat["dayOfWeek"] = std::move(days);
    }
  }
  return json::object{{"repeat", std::move(repeat)}};
}

json::object Meta(const orders::Order& o) { return json::object{{"lastUpdated", o.updated_at}}; }

}  // namespace

json::object ServiceRequestResource(const orders::OrderView& v) {
  const orders::Order& o = v.order;
  json::object r{{"resourceType", "ServiceRequest"},
                 {"id", FhirId(o.id)},
                 {"meta", Meta(o)},
                 {"status", RequestStatus(o.state)},
                 {"intent", "order"},
                 {"category", json::array{Code(o)}},
                 {"code", Code(o)},
                 {"subject", Subject(o)},
                 {"occurrenceTiming", Timing(o.schedule, o.duration_minutes)},
                 {"authoredOn", o.created_at}};
  if (o.provider_id) {
    json::object performer{{"reference", "Organization/" + FhirId(*o.provider_id)}};
    if (o.provider_name) performer["display"] = *o.provider_name;
    r["performer"] = json::array{std::move(performer)};
  }
  if (!o.needs.empty()) r["note"] = json::array{json::object{{"text", o.needs}}};
  if (o.district_code || !o.municipality_code.empty()) {
    r["locationCode"] = json::array{
        json::object{{"coding", json::array{json::object{{"system", kPlaceSystem},
                                                         {"code", o.district_code.value_or(o.municipality_code)}}}}}};
  }
  return r;
}

json::object TaskResource(const orders::OrderView& v) {
  const orders::Order& o = v.order;
  const std::string request = "ServiceRequest/" + FhirId(o.id);
  json::object r{{"resourceType", "Task"},
                 {"id", FhirId(o.id)},
                 {"meta", Meta(o)},
                 {"basedOn", json::array{json::object{{"reference", request}}}},
                 {"status", TaskStatus(o.state)},
                 {"businessStatus", json::object{{"text", o.state}}},
                 {"intent", "order"},
                 {"code", Code(o)},
                 {"focus", json::object{{"reference", request}}},
                 {"for", Subject(o)},
                 {"authoredOn", o.created_at},
                 {"lastModified", o.updated_at}};
  if (o.provider_id) {
    json::object owner{{"reference", "Organization/" + FhirId(*o.provider_id)}};
    if (o.provider_name) owner["display"] = *o.provider_name;
    r["owner"] = std::move(owner);
  }
  if (o.escalation_reason) r["statusReason"] = json::object{{"text", *o.escalation_reason}};
  // The period the visits were carried out in: the first check-in to the last check-out.
  std::optional<std::string> start, end;
  for (const auto& visit : v.visits) {
    if (visit.checked_in_at && (!start || *visit.checked_in_at < *start)) start = visit.checked_in_at;
    if (visit.checked_out_at && (!end || *visit.checked_out_at > *end)) end = visit.checked_out_at;
  }
  if (start) {
    json::object period{{"start", *start}};
    if (end) period["end"] = *end;
    r["executionPeriod"] = std::move(period);
  }
  return r;
}

}  // namespace allmende::interop::fhir
