#include "orders/order_json.hpp"

#include <boost/json.hpp>

namespace allmende::orders {
namespace {

namespace json = boost::json;

json::array Strings(const std::vector<std::string>& list) {
  json::array a;
  for (const auto& s : list) a.emplace_back(s);
  return a;
}

json::value Parse(const std::string& text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  return ec ? json::value() : v;
}

std::string Str(const json::object& o, std::string_view key, std::string fallback = "") {
  auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->get_string()) : fallback;
}

std::int64_t Int(const json::object& o, std::string_view key, std::int64_t fallback = 0) {
  auto* v = o.if_contains(key);
  return v && v->is_int64() ? v->get_int64() : fallback;
}

json::value Opt(const std::optional<std::string>& s) { return s ? json::value(*s) : json::value(nullptr); }

bool IsClock(const std::string& s) {
  return s.size() == 5 && s[2] == ':' && std::isdigit(static_cast<unsigned char>(s[0])) &&
         std::isdigit(static_cast<unsigned char>(s[1])) && std::isdigit(static_cast<unsigned char>(s[3])) &&
         std::isdigit(static_cast<unsigned char>(s[4])) && std::stoi(s.substr(0, 2)) < 24 &&
         std::stoi(s.substr(3, 2)) < 60;
}

}  // namespace

std::string StringListJson(const std::vector<std::string>& list) { return json::serialize(Strings(list)); }

std::vector<std::string> StringListFrom(const std::string& text) {
  std::vector<std::string> out;
  json::value v = Parse(text);
  if (!v.is_array()) return out;
  for (const auto& s : v.as_array()) {
    if (s.is_string()) out.emplace_back(s.as_string());
  }
  return out;
}

std::string ScheduleJson(const Schedule& s) {
  json::array days;
  for (int d : s.weekdays) days.emplace_back(d);
  json::object o{{"frequency", s.frequency},
                 {"interval", s.interval},
                 {"weekdays", days},
                 {"month_day", s.month_day},
                 {"start_date", s.start_date},
                 {"until", Opt(s.until)},
                 {"count", s.count ? json::value(*s.count) : json::value(nullptr)},
                 {"window_start", s.window_start},
                 {"window_end", s.window_end},
                 {"skip_public_holidays", s.skip_public_holidays}};
  return json::serialize(o);
}

Schedule ScheduleFrom(const std::string& text) {
  Schedule s;
  json::value v = Parse(text);
  if (!v.is_object()) return s;
  const auto& o = v.as_object();
  s.frequency = Str(o, "frequency", "once");
  s.interval = static_cast<int>(Int(o, "interval", 1));
  if (auto* d = o.if_contains("weekdays"); d && d->is_array()) {
    for (const auto& x : d->as_array()) {
      if (x.is_int64()) s.weekdays.push_back(static_cast<int>(x.get_int64()));
    }
  }
  s.month_day = static_cast<int>(Int(o, "month_day"));
  s.start_date = Str(o, "start_date");
  if (auto u = Str(o, "until"); !u.empty()) s.until = u;
  if (auto* c = o.if_contains("count"); c && c->is_int64()) s.count = static_cast<int>(c->get_int64());
  s.window_start = Str(o, "window_start", "10:00");
  s.window_end = Str(o, "window_end", "12:00");
  if (auto* b = o.if_contains("skip_public_holidays"); b && b->is_bool()) s.skip_public_holidays = b->get_bool();
  return s;
}

Result<Schedule> ParseSchedule(const json::value& v) {
  std::vector<FieldError> errors;
  if (!v.is_object()) return Error::Invalid("schedule", "Give the schedule as an object.");
  const auto& o = v.as_object();
  Schedule s;
  s.frequency = Str(o, "frequency", "once");
  if (s.frequency != "once" && s.frequency != "weekly" && s.frequency != "monthly") {
    errors.push_back({"schedule.frequency", "Choose once, weekly or monthly."});
  }
  if (auto* i = o.if_contains("interval"); i && !i->is_null()) {
    if (!i->is_int64() || i->get_int64() < 1 || i->get_int64() > 52) {
      errors.push_back({"schedule.interval", "Give a whole number from 1 to 52."});
    } else {
      s.interval = static_cast<int>(i->get_int64());
    }
  }
  if (auto* d = o.if_contains("weekdays"); d && !d->is_null()) {
    if (!d->is_array()) {
      errors.push_back({"schedule.weekdays", "Give the weekdays as numbers 1 (Monday) to 7 (Sunday)."});
    } else {
      for (const auto& x : d->as_array()) {
        if (!x.is_int64() || x.get_int64() < 1 || x.get_int64() > 7) {
          errors.push_back({"schedule.weekdays", "Give the weekdays as numbers 1 (Monday) to 7 (Sunday)."});
          break;
        }
        s.weekdays.push_back(static_cast<int>(x.get_int64()));
      }
    }
  }
  if (auto* m = o.if_contains("month_day"); m && !m->is_null()) {
    if (!m->is_int64() || m->get_int64() < 0 || m->get_int64() > 31) {
      errors.push_back({"schedule.month_day", "Give a day of the month, 1 to 31."});
    } else {
      s.month_day = static_cast<int>(m->get_int64());
    }
  }
  s.start_date = Str(o, "start_date");
  if (s.start_date.empty()) errors.push_back({"schedule.start_date", "Give the first day as YYYY-MM-DD."});
  if (auto u = Str(o, "until"); !u.empty()) s.until = u;
  if (auto* c = o.if_contains("count"); c && !c->is_null()) {
    if (!c->is_int64() || c->get_int64() < 1 || c->get_int64() > 1000) {
      errors.push_back({"schedule.count", "Give a number of visits from 1 to 1000."});
    } else {
      s.count = static_cast<int>(c->get_int64());
    }
  }
  s.window_start = Str(o, "window_start", "10:00");
  s.window_end = Str(o, "window_end", "12:00");
  if (!IsClock(s.window_start)) errors.push_back({"schedule.window_start", "Give the time as HH:MM."});
  if (!IsClock(s.window_end)) errors.push_back({"schedule.window_end", "Give the time as HH:MM."});
  if (IsClock(s.window_start) && IsClock(s.window_end) && s.window_end <= s.window_start) {
    errors.push_back({"schedule.window_end", "The window ends before it starts."});
  }
  if (auto* b = o.if_contains("skip_public_holidays"); b && !b->is_null()) {
    if (!b->is_bool()) {
      errors.push_back({"schedule.skip_public_holidays", "Expected true or false."});
    } else {
      s.skip_public_holidays = b->get_bool();
    }
  }
  if (!errors.empty()) return Error::Invalid(std::move(errors));
  return s;
}

std::string PriceJson(const OrderPrice& p) {
  json::object o{{"model", p.model},
                 {"amount_cents", p.amount_cents},
                 {"currency", p.currency},
                 {"billing_unit_minutes", p.billing_unit_minutes},
                 {"minimum_minutes", p.minimum_minutes},
                 {"minimum_cents", p.minimum_cents},
                 {"labour_share_bp", p.labour_share_bp},
                 {"late_cancel_hours", p.late_cancel_hours},
                 {"late_cancel_charge_bp", p.late_cancel_charge_bp},
                 {"no_show_charge_bp", p.no_show_charge_bp}};
  return json::serialize(o);
}

std::optional<OrderPrice> PriceFrom(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  json::value v = Parse(*text);
  if (!v.is_object()) return std::nullopt;
  const auto& o = v.as_object();
  OrderPrice p;
  p.model = Str(o, "model", "hourly");
  p.amount_cents = Int(o, "amount_cents");
  p.currency = Str(o, "currency", "EUR");
  p.billing_unit_minutes = static_cast<int>(Int(o, "billing_unit_minutes", 1));
  p.minimum_minutes = static_cast<int>(Int(o, "minimum_minutes"));
  p.minimum_cents = Int(o, "minimum_cents");
  p.labour_share_bp = static_cast<int>(Int(o, "labour_share_bp", 10000));
  p.late_cancel_hours = static_cast<int>(Int(o, "late_cancel_hours", 24));
  p.late_cancel_charge_bp = static_cast<int>(Int(o, "late_cancel_charge_bp", 5000));
  p.no_show_charge_bp = static_cast<int>(Int(o, "no_show_charge_bp", 10000));
  return p;
}

json::object OrderObject(const Order& o, bool details) {
  json::array grants, tasks;
  for (const auto& g : o.grants) grants.emplace_back(g);
  for (const auto& t : o.tasks) tasks.emplace_back(t);
  json::object j{{"id", o.id},
                 {"region_id", o.region_id},
                 {"origin", o.origin},
                 {"client_id", !details || o.client_id.empty() ? json::value(nullptr) : json::value(o.client_id)},
                 {"client_name", !details || o.client_name.empty() ? json::value(nullptr) : json::value(o.client_name)},
                 {"purchaser_id", Opt(o.purchaser_id)},
                 {"category", o.category},
                 {"service_id", Opt(o.service_id)},
                 {"municipality_code", o.municipality_code},
                 {"district_code", Opt(o.district_code)},
                 {"language", o.language},
                 {"needs", o.needs},
                 {"schedule", json::parse(ScheduleJson(o.schedule))},
                 {"duration_minutes", o.duration_minutes},
                 {"grants", details ? grants : json::array()},
                 {"tasks", tasks},
                 {"chosen_provider_id", Opt(o.chosen_provider_id)},
                 {"provider_id", Opt(o.provider_id)},
                 {"provider_name", Opt(o.provider_name)},
                 {"agreement_id", Opt(o.agreement_id)},
                 {"worker_id", Opt(o.worker_id)},
                 {"price", o.price ? json::parse(PriceJson(*o.price)) : json::value(nullptr)},
                 {"state", o.state},
                 {"escalation_reason", Opt(o.escalation_reason)},
                 {"escalation_code", Opt(o.escalation_code)},
                 {"consent_id", Opt(o.consent_id)},
                 {"next_deadline", Opt(o.next_deadline)},
                 {"created_at", o.created_at},
                 {"updated_at", o.updated_at},
                 {"version", o.version}};
  if (details) {
    j["address"] = o.address;
    j["door_code"] = o.door_code;
    j["contact_phone"] = o.contact_phone;
  }
  return j;
}

json::object VisitObject(const Visit& v) {
  auto optint = [](const std::optional<std::int64_t>& x) { return x ? json::value(*x) : json::value(nullptr); };
  return json::object{{"id", v.id},
                      {"order_id", v.order_id},
                      {"provider_id", v.provider_id},
                      {"worker_id", Opt(v.worker_id)},
                      {"local_date", v.local_date},
                      {"starts_at", v.starts_at},
                      {"ends_at", v.ends_at},
                      {"state", v.state},
                      {"checked_in_at", Opt(v.checked_in_at)},
                      {"checked_out_at", Opt(v.checked_out_at)},
                      {"tasks", Parse(v.tasks)},
                      {"note", v.note},
                      {"deviation", Opt(v.deviation)},
                      {"failure_reason", Opt(v.failure_reason)},
                      {"dispute_reason", Opt(v.dispute_reason)},
                      {"charge_bp", v.charge_bp ? json::value(*v.charge_bp) : json::value(nullptr)},
                      {"billable_minutes", optint(v.billable_minutes)},
                      {"price_cents", optint(v.price_cents)},
                      {"split", v.split ? Parse(*v.split) : json::value(nullptr)},
                      {"version", v.version}};
}

std::string VisitJson(const Visit& v) { return json::serialize(VisitObject(v)); }

std::string MessageJson(const Message& m) {
  json::array read_by;
  for (const auto& r : m.read_by) read_by.emplace_back(r);
  return json::serialize(json::object{{"id", m.id},
                                      {"author_id", m.author_id},
                                      {"author_name", m.author_name},
                                      {"author_role", m.author_role},
                                      {"body", m.body},
                                      {"at", m.at},
                                      {"read_by", read_by}});
}

std::string AgreementJson(const Agreement& a) {
  json::object o{{"id", a.id},
                 {"region_id", a.region_id},
                 {"purchaser_id", a.purchaser_id},
                 {"purchaser_name", a.purchaser_name},
                 {"provider_id", a.provider_id},
                 {"provider_name", a.provider_name},
                 {"categories", Strings(a.categories)},
                 {"municipalities", Strings(a.municipalities)},
                 {"languages", Strings(a.languages)},
                 {"price_model", a.price_model},
                 {"price_cents", a.price_cents},
                 {"currency", a.currency},
                 {"vat_rate_bp", a.vat_rate_bp},
                 {"billing_unit_minutes", a.billing_unit_minutes},
                 {"minimum_minutes", a.minimum_minutes},
                 {"weekly_capacity_minutes", a.weekly_capacity_minutes},
                 {"rank", a.rank},
                 {"offer_count", a.offer_count},
                 {"response_minutes", a.response_minutes},
                 {"late_cancel_hours", a.late_cancel_hours},
                 {"late_cancel_charge_bp", a.late_cancel_charge_bp},
                 {"no_show_charge_bp", a.no_show_charge_bp},
                 {"valid_from", a.valid_from},
                 {"valid_until", Opt(a.valid_until)},
                 {"state", a.state},
                 {"created_at", a.created_at},
                 {"version", a.version}};
  return json::serialize(o);
}

std::string OfferJson(const Offer& o) {
  json::object j{{"id", o.id},
                 {"order_id", o.order_id},
                 {"provider_id", o.provider_id},
                 {"state", o.state},
                 {"offered_at", o.offered_at},
                 {"deadline", o.deadline},
                 {"decided_at", Opt(o.decided_at)},
                 {"reason", Opt(o.reason)}};
  return json::serialize(j);
}

std::string TimelineJson(const TimelineEntry& e) {
  json::object o{{"id", e.id},
                 {"at", e.at},
                 {"actor_role", e.actor_role},
                 {"kind", e.kind},
                 {"from_state", Opt(e.from_state)},
                 {"to_state", Opt(e.to_state)},
                 {"note", Opt(e.note)}};
  return json::serialize(o);
}

boost::json::object ConsentObject(const clients::Consent& k, const std::string& now) {
  auto opt = [](const std::optional<std::string>& v) {
    return v ? boost::json::value(*v) : boost::json::value(nullptr);
  };
  return {{"id", k.id},
          {"purpose", k.purpose},
          {"organization_id", opt(k.organization_id)},
          {"organization_name", opt(k.organization_name)},
          {"order_id", opt(k.order_id)},
          {"given_how", k.given_how},
          {"given_by", k.given_by},
          {"recorded_by_name", k.recorded_by_name},
          {"valid_until", opt(k.valid_until)},
          {"withdrawn_at", opt(k.withdrawn_at)},
          {"withdrawn_by_name", opt(k.withdrawn_by_name)},
          {"created_at", k.created_at},
          {"state", k.StateAt(now)}};
}

}  // namespace allmende::orders
