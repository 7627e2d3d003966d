#include "orders/order_handlers.hpp"

#include <boost/json.hpp>

#include "common/json.hpp"
#include "orders/order_json.hpp"

namespace allmende::orders {
namespace {

namespace json = boost::json;

constexpr std::int64_t kOrderLimit = 32 * 1024;
constexpr std::int64_t kSmallLimit = 8 * 1024;

std::string ViewJson(const OrderView& v) {
  json::object o = OrderObject(v.order, v.identity_visible);
  json::array visits, timeline, offers;
  for (const auto& x : v.visits) visits.push_back(VisitObject(x));
  for (const auto& e : v.timeline) timeline.push_back(json::parse(TimelineJson(e)));
  for (const auto& f : v.offers) offers.push_back(json::parse(OfferJson(f)));
  o["viewer"] = v.viewer;
  o["visits"] = visits;
  o["timeline"] = timeline;
  o["offers"] = offers;
  o["first_visit_at"] = v.first_visit_at ? json::value(*v.first_visit_at) : json::value(nullptr);
  return json::serialize(o);
}

http::Response OrderResponse(int status, const OrderView& v) {
  return http::JsonText(status, ViewJson(v)).WithHeader("ETag", "\"" + std::to_string(v.order.version) + "\"");
}

std::string VisitViewJson(const VisitView& v) {
  json::object o = VisitObject(v.visit);
  o["category"] = v.category;
  o["client_name"] = v.client_name;
  o["address"] = v.address;
  o["door_code"] = v.door_code;
  o["contact_phone"] = v.contact_phone;
  o["needs"] = v.needs;
  o["explanation"] = v.explanation;
  return json::serialize(o);
}

// The optional {"reason": "..."} of a transition; an empty body is no reason.
Result<std::string> Reason(const http::Request& r) {
  if (r.body.empty()) return std::string();
  ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
  JsonFields f(doc);
  std::optional<std::string> reason;
  f.Optional("reason", &reason);
  ALLMENDE_TRY(f.Finish());
  return reason.value_or("");
}

// An order form; the shop's sign-up sends one without client_id (the account it creates is the
// client).
Result<NewOrder> ParseNewOrderValue(const json::value& doc, bool with_client) {
  JsonFields f(doc);
  NewOrder n;
  std::optional<std::string> origin, needs, door_code, phone;
  std::optional<std::int64_t> duration;
  std::optional<bool> submit;
  if (with_client) f.Required("client_id", &n.client_id);
  f.Optional("origin", &origin);
  f.Optional("purchaser_id", &n.purchaser_id);
  f.Required("category", &n.category);
  f.Optional("service_id", &n.service_id);
  f.Optional("provider_id", &n.provider_id);
  f.Required("municipality_code", &n.municipality_code);
  f.Optional("district_code", &n.district_code);
  f.Required("language", &n.language);
  f.Optional("needs", &needs);
  f.Required("address", &n.address);
  f.Optional("door_code", &door_code);
  f.Optional("contact_phone", &phone);
  f.Optional("duration_minutes", &duration, 15, 720);
  f.Optional("grants", &n.grants, 5, 40);
  f.Optional("tasks", &n.tasks, 20, 100);
  f.Optional("submit", &submit);
  std::vector<FieldError> errors;
  if (auto r = f.Finish(); !r.ok()) errors = r.error().fields;
  const json::value* schedule = doc.is_object() ? doc.as_object().if_contains("schedule") : nullptr;
  if (!schedule) {
    errors.push_back({"schedule", "is required"});
  } else if (auto s = ParseSchedule(*schedule); !s.ok()) {
    for (const auto& e : s.error().fields) errors.push_back(e);
  } else {
    n.schedule = *s;
  }
  if (const json::value* consent = doc.is_object() ? doc.as_object().if_contains("consent") : nullptr;
      consent && !consent->is_null()) {
    if (!consent->is_object()) {
      errors.push_back({"consent", "must be an object"});
    } else {
      JsonFields k(*consent, "consent.");
      OrderConsent given;
      k.Required("given_how", &given.given_how);
      k.Required("given_by", &given.given_by);
      k.Optional("valid_until", &given.valid_until);
      if (auto r = k.Finish(); !r.ok()) {
        for (const auto& e : r.error().fields) errors.push_back(e);
      }
      n.consent = std::move(given);
    }
  }
  if (!errors.empty()) return Error::Invalid(std::move(errors));
  n.origin = origin.value_or("shop");
  n.needs = needs.value_or("");
  n.door_code = door_code.value_or("");
  n.contact_phone = phone.value_or("");
  n.duration_minutes = static_cast<int>(duration.value_or(120));
  n.submit = submit.value_or(true);
  return n;
}

Result<NewOrder> ParseNewOrder(const std::string& body) {
  ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(body));
  return ParseNewOrderValue(doc, true);
}

Result<Agreement> ParseAgreement(const std::string& body) {
  ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(body));
  JsonFields f(doc);
  Agreement a;
  std::int64_t price = 0, capacity = 0;
  std::optional<std::int64_t> vat, unit, minimum, rank, offers, response, late_hours, late_bp, no_show_bp;
  std::optional<std::string> currency;
  f.Required("purchaser_id", &a.purchaser_id);
  f.Required("provider_id", &a.provider_id);
  f.Optional("categories", &a.categories, 20, 40);
  f.Optional("municipalities", &a.municipalities, 100, 40);
  f.Optional("languages", &a.languages, 10, 5);
  f.Required("price_model", &a.price_model);
  f.Required("price_cents", &price, 0, 10'000'000);
  f.Optional("currency", &currency);
  f.Optional("vat_rate_bp", &vat, 0, 10000);
  f.Optional("billing_unit_minutes", &unit, 1, 240);
  f.Optional("minimum_minutes", &minimum, 0, 720);
  f.Required("weekly_capacity_minutes", &capacity, 0, 1'000'000);
  f.Optional("rank", &rank, 1, 100);
  f.Optional("offer_count", &offers, 1, 10);
  f.Optional("response_minutes", &response, 5, 10080);
  f.Optional("late_cancel_hours", &late_hours, 0, 336);
  f.Optional("late_cancel_charge_bp", &late_bp, 0, 10000);
  f.Optional("no_show_charge_bp", &no_show_bp, 0, 10000);
  f.Required("valid_from", &a.valid_from);
  f.Optional("valid_until", &a.valid_until);
  ALLMENDE_TRY(f.Finish());
  a.price_cents = price;
  a.weekly_capacity_minutes = capacity;
  a.currency = currency.value_or("EUR");
  a.vat_rate_bp = static_cast<int>(vat.value_or(0));
  a.billing_unit_minutes = static_cast<int>(unit.value_or(15));
  a.minimum_minutes = static_cast<int>(minimum.value_or(0));
  a.rank = static_cast<int>(rank.value_or(1));
  a.offer_count = static_cast<int>(offers.value_or(1));
  a.response_minutes = static_cast<int>(response.value_or(240));
  a.late_cancel_hours = static_cast<int>(late_hours.value_or(24));
  a.late_cancel_charge_bp = static_cast<int>(late_bp.value_or(5000));
  a.no_show_charge_bp = static_cast<int>(no_show_bp.value_or(10000));
  return a;
}

using Step = Result<OrderView> (OrderService::*)(const access::Actor&, const std::string&, const std::string&);

}  // namespace

void AddShopCheckoutRoute(http::Router& router, OrderService& orders, identity::AuthService& auth,
                          identity::CookieOptions cookies) {
  // A visitor of the shop orders and creates their account in one step; the address is verified
  // afterwards by the e-mailed link. Account fields answer as "account.…", order fields as in
  // POST /api/v1/orders.
  router.Add("POST", "/api/v1/shop/orders",
             [&orders, &auth, cookies](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
               if (!doc.is_object()) return Error::Invalid("body", "Send an object with account and order.");
               const json::value* account = doc.as_object().if_contains("account");
               const json::value* order = doc.as_object().if_contains("order");
               if (!account || !order) return Error::Invalid(account ? "order" : "account", "is required");
               JsonFields f(*account, "account.");
               std::string email, name, password;
               std::optional<std::string> language, phone;
               f.Required("email", &email);
               f.Required("name", &name);
               f.Required("password", &password);
               f.Optional("language", &language);
               f.Optional("phone", &phone);
               ALLMENDE_TRY(f.Finish());
               ALLMENDE_ASSIGN_OR_RETURN(NewOrder n, ParseNewOrderValue(*order, false));
               n.origin = "shop";
               n.client_id = "usr_new";  // replaced by the new account's id below
               if (!n.service_id) return Error::Invalid("service_id", "Choose the service to order.");
               ALLMENDE_TRY(CheckNewOrder(n));
               ALLMENDE_TRY(auth.CountSignUp(r.remote_address));
               auto prepared = auth.PrepareNewCustomer(email, name, password, language.value_or(n.language), phone);
               if (!prepared.ok()) {
                 std::vector<FieldError> fields;
                 for (const auto& e : prepared.error().fields) fields.push_back({"account." + e.field, e.message});
                 if (fields.empty()) return std::move(prepared).error();
                 return Error::Invalid(std::move(fields));
               }
               n.client_id = prepared->id;
               std::optional<OrderView> placed;
               auto login = auth.SignUp(*prepared, std::string(r.Header("user-agent")), r.remote_address,
                                        [&](storage::Connection& c) -> Result<void> {
                                          ALLMENDE_ASSIGN_OR_RETURN(OrderView v, orders.PlaceForNewClient(c, n));
                                          placed = std::move(v);
                                          return Ok();
                                        });
               if (!login.ok()) {
                 Error e = std::move(login).error();
                 for (auto& field : e.fields) {
                   if (field.field == "email") field.field = "account.email";
                 }
                 return e;
               }
               json::object body{{"order", json::parse(ViewJson(*placed))},
                                 {"user", json::object{{"id", login->user.id},
                                                       {"email", login->user.email},
                                                       {"name", login->user.name},
                                                       {"language", login->user.language}}},
                                 {"csrf_token", login->session.csrf_token}};
               return http::JsonText(201, json::serialize(body))
                   .WithHeader("Set-Cookie",
                               identity::SessionSetCookie(cookies, login->secret, cookies.max_age_seconds));
             },
             {.access = http::Access::kPublic,
              .idempotency_exempt = "the answer carries a new session secret; a retry meets the account it made",
              .body_limit = kOrderLimit,
              .json_body = true,
              .csrf_exempt = true});
}

void AddOrderRoutes(http::Router& router, OrderService& orders, VisitService& visits, AgreementService& agreements) {
  // Agreements.
  router.Add(
      "POST", "/api/v1/agreements",
      [&agreements](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
        ALLMENDE_ASSIGN_OR_RETURN(Agreement a, ParseAgreement(r.body));
        ALLMENDE_ASSIGN_OR_RETURN(Agreement stored, agreements.Create(actor, std::move(a)));
        return http::JsonText(201, AgreementJson(stored));
      },
      {.access = http::Access::kPolicy, .action = "agreement.manage", .body_limit = kOrderLimit, .json_body = true});
  router.Add("GET", "/api/v1/organizations/{id}/agreements",
             [&agreements](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto list, agreements.Of(actor, std::string(r.Param("id"))));
               return http::JsonText(200, http::ItemsJson(list, AgreementJson));
             },
             {.access = http::Access::kPolicy, .action = "agreement.read"});
  router.Add(
      "POST", "/api/v1/agreements/{id}/end",
      [&agreements](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
        ALLMENDE_ASSIGN_OR_RETURN(std::int64_t version, http::IfMatchVersion(r));
        ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
        JsonFields f(doc);
        std::string until;
        f.Required("valid_until", &until);
        ALLMENDE_TRY(f.Finish());
        ALLMENDE_ASSIGN_OR_RETURN(Agreement a, agreements.End(actor, std::string(r.Param("id")), until, version));
        return http::JsonText(200, AgreementJson(a));
      },
      {.access = http::Access::kPolicy, .action = "agreement.manage", .body_limit = kSmallLimit, .json_body = true});

  // Orders.
  router.Add("POST", "/api/v1/orders",
             [&orders](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(NewOrder n, ParseNewOrder(r.body));
               ALLMENDE_ASSIGN_OR_RETURN(OrderView v, orders.Create(actor, n));
               return OrderResponse(201, v);
             },
             // An order's rows are its own; reading the candidates' last offers must not make two
             // orders routed at once fail each other (fair rotation tolerates the overlap).
             {.access = http::Access::kPolicy,
              .action = "order.create",
              .read_committed = true,
              .body_limit = kOrderLimit,
              .json_body = true});
  router.Add("GET", "/api/v1/orders/{id}",
             [&orders](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(OrderView v, orders.Get(actor, std::string(r.Param("id"))));
               return OrderResponse(200, v);
             },
             {.access = http::Access::kPolicy, .action = "order.read"});
  router.Add("GET", "/api/v1/clients/{id}/orders",
             [&orders](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto list, orders.OfClient(actor, std::string(r.Param("id"))));
               return http::JsonText(
                   200, http::ItemsJson(list, [](const Order& o) { return json::serialize(OrderObject(o, false)); }));
             },
             {.access = http::Access::kPolicy, .action = "order.read", .client = "{id}"});
  router.Add("POST", "/api/v1/orders/{id}/submit",
             [&orders](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(OrderView v, orders.Submit(actor, std::string(r.Param("id"))));
               return OrderResponse(200, v);
             },
             {.access = http::Access::kPolicy, .action = "order.create", .body_limit = kSmallLimit});
  // The transitions that take an optional reason.
  struct Transition {
    const char* path;
    const char* action;
    Step step;
  };
  for (const Transition& t : {Transition{"/api/v1/orders/{id}/cancel", "order.cancel", &OrderService::Cancel},
                              Transition{"/api/v1/orders/{id}/decline", "offer.respond", &OrderService::Decline}}) {
    router.Add("POST", t.path,
               [&orders, step = t.step](const http::Request& r) -> Result<http::Response> {
                 ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
                 ALLMENDE_ASSIGN_OR_RETURN(std::string reason, Reason(r));
                 ALLMENDE_ASSIGN_OR_RETURN(OrderView v, (orders.*step)(actor, std::string(r.Param("id")), reason));
                 return OrderResponse(200, v);
               },
               {.access = http::Access::kPolicy, .action = t.action, .body_limit = kSmallLimit});
  }
  router.Add("POST", "/api/v1/orders/{id}/accept",
             [&orders](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(OrderView v, orders.Accept(actor, std::string(r.Param("id"))));
               return OrderResponse(200, v);
             },
             {.access = http::Access::kPolicy, .action = "offer.respond", .body_limit = kSmallLimit});
  router.Add("POST", "/api/v1/orders/{id}/route",
             [&orders](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               std::optional<std::string> provider;
               if (!r.body.empty()) {
                 ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
                 JsonFields f(doc);
                 f.Optional("provider_id", &provider);
                 ALLMENDE_TRY(f.Finish());
               }
               ALLMENDE_ASSIGN_OR_RETURN(OrderView v, orders.RouteByHand(actor, std::string(r.Param("id")), provider));
               return OrderResponse(200, v);
             },
             {.access = http::Access::kPolicy, .action = "order.route", .body_limit = kSmallLimit});
  router.Add("POST", "/api/v1/orders/{id}/assign",
             [&orders](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
               JsonFields f(doc);
               std::string worker;
               f.Required("worker_id", &worker);
               ALLMENDE_TRY(f.Finish());
               ALLMENDE_ASSIGN_OR_RETURN(OrderView v, orders.Assign(actor, std::string(r.Param("id")), worker));
               return OrderResponse(200, v);
             },
             {.access = http::Access::kPolicy, .action = "order.assign", .body_limit = kSmallLimit, .json_body = true});
  router.Add("GET", "/api/v1/orders/{id}/messages",
             [&orders](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto list, orders.MessagesOf(actor, std::string(r.Param("id"))));
               return http::JsonText(200, http::ItemsJson(list, MessageJson));
             },
             {.access = http::Access::kPolicy, .action = "order.read"});
  router.Add("POST", "/api/v1/orders/{id}/messages",
             [&orders](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
               JsonFields f(doc);
               std::string body;
               f.Required("body", &body);
               ALLMENDE_TRY(f.Finish());
               ALLMENDE_ASSIGN_OR_RETURN(Message m, orders.PostMessage(actor, std::string(r.Param("id")), body));
               return http::JsonText(201, MessageJson(m));
             },
             {.access = http::Access::kPolicy, .action = "order.read", .body_limit = kSmallLimit, .json_body = true});

  // The provider's inbox and the coordinators' board.
  router.Add("GET", "/api/v1/organizations/{id}/offers",
             [&orders](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               const bool open_only = r.QueryParam("state").value_or("open") == "open";
               ALLMENDE_ASSIGN_OR_RETURN(auto items, orders.Inbox(actor, std::string(r.Param("id")), open_only));
               return http::JsonText(200, http::ItemsJson(items, [](const InboxItem& i) {
                                       json::object o = json::parse(OfferJson(i.offer)).as_object();
                                       o["order"] = OrderObject(i.order, false);
                                       o["place_name"] = i.district_name;
                                       return json::serialize(o);
                                     }));
             },
             {.access = http::Access::kPolicy, .action = "offer.respond"});
  router.Add("GET", "/api/v1/regions/{id}/board",
             [&orders](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               BoardFilter filter;
               filter.region_id = std::string(r.Param("id"));
               if (auto s = r.QueryParam("state"); s && !s->empty()) {
                 std::size_t at = 0;
                 while (at <= s->size()) {
                   auto comma = s->find(',', at);
                   filter.states.push_back(s->substr(at, comma == std::string::npos ? std::string::npos : comma - at));
                   if (comma == std::string::npos) break;
                   at = comma + 1;
                 }
               }
               filter.municipality_code = r.QueryParam("municipality").value_or("");
               filter.category = r.QueryParam("category").value_or("");
               filter.provider_id = r.QueryParam("provider_id").value_or("");
               ALLMENDE_ASSIGN_OR_RETURN(filter.limit, http::LimitParam(r, 50));
               if (filter.limit < 1 || filter.limit > 200) return Error::Invalid("limit", "must be from 1 to 200");
               if (auto cursor = r.QueryParam("cursor"); cursor && !cursor->empty()) {
                 auto tilde = cursor->find('~');
                 if (tilde == std::string::npos) return Error::Invalid("cursor", "Use the next_cursor of a page.");
                 filter.after_updated_at = cursor->substr(0, tilde);
                 filter.after_id = cursor->substr(tilde + 1);
               }
               ALLMENDE_ASSIGN_OR_RETURN(Board b, orders.BoardOf(actor, filter));
               json::object o =
                   json::parse(http::ItemsJson(
                                   b.items, [](const Order& x) { return json::serialize(OrderObject(x, false)); },
                                   b.next_cursor, true))
                       .as_object();
               json::object counts;
               for (const auto& [state, n] : b.counts) counts[state] = n;
               o["counts"] = counts;
               o["overdue_visits"] = b.overdue_visits;
               return http::JsonText(200, json::serialize(o));
             },
             {.access = http::Access::kPolicy, .action = "order.board"});

  // Visits: the worker's day and the steps of a visit.
  router.Add("GET", "/api/v1/me/visits",
             [&visits](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto day, visits.MyDay(actor, r.QueryParam("date").value_or("")));
               return http::JsonText(200, http::ItemsJson(day, VisitViewJson));
             },
             {.access = http::Access::kSignedIn});
  router.Add("POST", "/api/v1/visits/{id}/check-in",
             [&visits](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(VisitView v, visits.CheckIn(actor, std::string(r.Param("id"))));
               return http::JsonText(200, VisitViewJson(v));
             },
             {.access = http::Access::kPolicy, .action = "visit.work", .body_limit = kSmallLimit});
  router.Add("POST", "/api/v1/visits/{id}/check-out",
             [&visits](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               CheckOutInput in;
               if (!r.body.empty()) {
                 ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
                 JsonFields f(doc);
                 std::optional<std::string> note;
                 f.Optional("done_tasks", &in.done_tasks, 20, 100);
                 f.Optional("note", &note);
                 f.Optional("deviation", &in.deviation);
                 ALLMENDE_TRY(f.Finish());
                 in.note = note.value_or("");
               }
               ALLMENDE_ASSIGN_OR_RETURN(VisitView v, visits.CheckOut(actor, std::string(r.Param("id")), in));
               return http::JsonText(200, VisitViewJson(v));
             },
             {.access = http::Access::kPolicy, .action = "visit.work", .body_limit = kSmallLimit});
  router.Add("POST", "/api/v1/visits/{id}/not-at-home",
             [&visits](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               std::string note;
               if (!r.body.empty()) {
                 ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
                 JsonFields f(doc);
                 std::optional<std::string> n;
                 f.Optional("note", &n);
                 ALLMENDE_TRY(f.Finish());
                 note = n.value_or("");
               }
               ALLMENDE_ASSIGN_OR_RETURN(VisitView v, visits.NotAtHome(actor, std::string(r.Param("id")), note));
               return http::JsonText(200, VisitViewJson(v));
             },
             {.access = http::Access::kPolicy, .action = "visit.work", .body_limit = kSmallLimit});
  router.Add("POST", "/api/v1/visits/{id}/confirm",
             [&visits](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(VisitView v, visits.Confirm(actor, std::string(r.Param("id"))));
               return http::JsonText(200, VisitViewJson(v));
             },
             {.access = http::Access::kPolicy, .action = "order.confirm", .body_limit = kSmallLimit});
  router.Add("POST", "/api/v1/visits/{id}/dispute",
             [&visits](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(std::string reason, Reason(r));
               ALLMENDE_ASSIGN_OR_RETURN(VisitView v, visits.Dispute(actor, std::string(r.Param("id")), reason));
               return http::JsonText(200, VisitViewJson(v));
             },
             {.access = http::Access::kPolicy, .action = "order.confirm", .body_limit = kSmallLimit});
}

}  // namespace allmende::orders
