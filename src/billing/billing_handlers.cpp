#include "billing/billing_handlers.hpp"

#include <boost/json.hpp>

#include "billing/billing_lines.hpp"
#include "common/json.hpp"

namespace allmende::billing {
namespace {

namespace json = boost::json;

json::value Opt(const std::optional<std::string>& v) { return v ? json::value(*v) : json::value(nullptr); }
json::value OptInt(const std::optional<std::int64_t>& v) { return v ? json::value(*v) : json::value(nullptr); }

json::object RunObject(const BillingRun& r) {
  return {{"id", r.id},
          {"region_id", r.region_id},
          {"purchaser_id", r.purchaser_id},
          {"purchaser_name", r.purchaser_name},
          {"period", r.period_start.substr(0, 7)},
          {"period_start", r.period_start},
          {"period_end", r.period_end},
          {"currency", r.currency},
          {"state", r.state},
          {"line_count", r.line_count},
          {"total_cents", r.total_cents},
          {"created_at", r.created_at},
          {"collected_at", r.collected_at},
          {"locked_at", Opt(r.locked_at)},
          {"version", r.version}};
}

json::object TotalObject(const Total& t) {
  return {{"kind", t.kind},
          {"id", t.id.empty() ? json::value(nullptr) : json::value(t.id)},
          {"name", t.name},
          {"amount_cents", t.cents},
          {"lines", t.lines}};
}

std::string SummaryJson(const RunSummary& s) {
  json::object o = RunObject(s.run);
  json::array payers, providers, unbilled;
  for (const auto& t : s.by_payer) payers.push_back(TotalObject(t));
  for (const auto& t : s.by_provider) providers.push_back(TotalObject(t));
  for (const auto& u : s.unbilled) {
    unbilled.push_back(json::object{{"visit_id", u.visit_id},
                                    {"order_id", u.order_id},
                                    {"local_date", u.local_date},
                                    {"state", u.state},
                                    {"provider_name", u.provider_name},
                                    {"reason", u.reason},
                                    {"problem", u.problem.empty() ? json::value(nullptr) : json::value(u.problem)},
                                    {"price_cents", OptInt(u.price_cents)}});
  }
  o["by_payer"] = payers;
  o["by_provider"] = providers;
  o["unbilled"] = unbilled;
  return json::serialize(o);
}

http::Response SummaryResponse(int status, const RunSummary& s) {
  return http::JsonText(status, SummaryJson(s))
      .WithHeader("ETag", "\"" + std::to_string(s.run.version) + "\"")
      .WithHeader("Cache-Control", "no-store");
}

std::string LineJson(const BillingLine& l) {
  json::value price = nullptr;
  try {
    price = json::parse(l.price);
  } catch (const std::exception&) {
  }
  return json::serialize(json::object{{"id", l.id},
                                      {"seq", l.seq},
                                      {"kind", l.kind},
                                      {"corrects_line_id", Opt(l.corrects_line_id)},
                                      {"visit_id", l.visit_id},
                                      {"visit_date", l.visit_date},
                                      {"order_id", l.order_id},
                                      {"charge", l.charge},
                                      {"charge_bp", l.charge_bp},
                                      {"minutes", l.minutes},
                                      {"visit_price_cents", l.visit_price_cents},
                                      {"provider_id", l.provider_id},
                                      {"provider_name", l.provider_name},
                                      {"client_id", l.client_id},
                                      {"client_name", l.client_name},
                                      {"payer_kind", l.payer_kind},
                                      {"payer_id", l.payer_id},
                                      {"payer_name", l.payer_name},
                                      {"paid_to", l.paid_to},
                                      {"grant_id", Opt(l.grant_id)},
                                      {"rule", l.rule},
                                      {"rate_cents", OptInt(l.rate_cents)},
                                      {"basis_points", OptInt(l.basis_points)},
                                      {"amount_cents", l.amount_cents},
                                      {"vat_rate_bp", l.vat_rate_bp},
                                      {"price_source", l.price_source},
                                      {"price", price}});
}

json::object StatementRunObject(const StatementRun& r) {
  return {{"run_id", r.run_id},
          {"purchaser_id", r.purchaser_id},
          {"purchaser_name", r.purchaser_name},
          {"period", r.period_start.substr(0, 7)},
          {"period_start", r.period_start},
          {"period_end", r.period_end},
          {"currency", r.currency},
          {"locked_at", r.locked_at},
          {"total_cents", r.total_cents},
          {"line_count", r.line_count}};
}

std::string ShareJson(const ClientShare& s) {
  json::value tax = nullptr;
  if (!s.tax_credit.empty()) {
    boost::system::error_code ec;
    tax = json::parse(s.tax_credit, ec);
    if (ec) tax = nullptr;
  }
  return json::serialize(json::object{{"line_id", s.line_id},
                                      {"run_id", s.run_id},
                                      {"period", s.period_start.substr(0, 7)},
                                      {"purchaser_name", s.purchaser_name},
                                      {"provider_id", s.provider_id},
                                      {"provider_name", s.provider_name},
                                      {"visit_id", s.visit_id},
                                      {"visit_date", s.visit_date},
                                      {"charge", s.charge},
                                      {"minutes", s.minutes},
                                      {"rule", s.rule},
                                      {"rate_cents", OptInt(s.rate_cents)},
                                      {"amount_cents", s.amount_cents},
                                      {"currency", s.currency},
                                      {"paid_to", s.paid_to},
                                      {"tax_credit", tax}});
}

}  // namespace

void AddBillingRoutes(http::Router& router, BillingService& service) {
  router.Add("GET", "/api/v1/organizations/{id}/billing-runs",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto runs, service.Runs(actor, std::string(r.Param("id"))));
               return http::JsonText(
                          200,
                          http::ItemsJson(runs, [](const BillingRun& run) { return json::serialize(RunObject(run)); }))
                   .WithHeader("Cache-Control", "no-store");
             },
             {.access = http::Access::kPolicy, .action = "billing.read"});

  router.Add("POST", "/api/v1/organizations/{id}/billing-runs",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
               JsonFields f(doc);
               std::string period;
               f.Required("period", &period);
               f.RejectOthers();
               ALLMENDE_TRY(f.Finish());
               ALLMENDE_ASSIGN_OR_RETURN(auto summary, service.Create(actor, std::string(r.Param("id")), period));
               return SummaryResponse(201, summary).WithHeader("Location", "/api/v1/billing-runs/" + summary.run.id);
             },
             {.access = http::Access::kPolicy, .action = "billing.run", .body_limit = 1024, .json_body = true});

  router.Add("GET", "/api/v1/billing-runs/{id}",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto summary, service.Get(actor, std::string(r.Param("id"))));
               return SummaryResponse(200, summary);
             },
             {.access = http::Access::kPolicy, .action = "billing.read"});

  router.Add("POST", "/api/v1/billing-runs/{id}/collect",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(std::int64_t version, http::IfMatchVersion(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto summary, service.Collect(actor, std::string(r.Param("id")), version));
               return SummaryResponse(200, summary);
             },
             {.access = http::Access::kPolicy, .action = "billing.run"});

  router.Add("POST", "/api/v1/billing-runs/{id}/lock",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(std::int64_t version, http::IfMatchVersion(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto summary, service.Lock(actor, std::string(r.Param("id")), version));
               return SummaryResponse(200, summary);
             },
             {.access = http::Access::kPolicy, .action = "billing.run"});

  router.Add("POST", "/api/v1/billing-runs/{id}/discard",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(std::int64_t version, http::IfMatchVersion(r));
               ALLMENDE_TRY(service.Discard(actor, std::string(r.Param("id")), version));
               return http::NoContent();
             },
             {.access = http::Access::kPolicy, .action = "billing.run"});

  router.Add("GET", "/api/v1/billing-runs/{id}/lines",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(int limit, http::LimitParam(r, 100));
               ALLMENDE_ASSIGN_OR_RETURN(auto page, service.Lines(actor, std::string(r.Param("id")),
                                                                  r.QueryParam("cursor").value_or(""), limit));
               return http::JsonText(200, http::ItemsJson(page.lines, LineJson, page.next_cursor, true))
                   .WithHeader("Cache-Control", "no-store");
             },
             {.access = http::Access::kPolicy, .action = "billing.read"});

  router.Add("GET", "/api/v1/organizations/{id}/billing-statements",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto runs, service.Statements(actor, std::string(r.Param("id"))));
               return http::JsonText(200, http::ItemsJson(runs,
                                                          [](const StatementRun& run) {
                                                            return json::serialize(StatementRunObject(run));
                                                          }))
                   .WithHeader("Cache-Control", "no-store");
             },
             {.access = http::Access::kPolicy, .action = "billing.statement"});

  router.Add("GET", "/api/v1/organizations/{id}/billing-statements/{run_id}",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(
                   auto st, service.StatementOf(actor, std::string(r.Param("id")), std::string(r.Param("run_id"))));
               json::object o = StatementRunObject(st.run);
               o["provider_id"] = st.provider_id;
               o["provider_name"] = st.provider_name;
               json::array payers;
               for (const auto& t : st.by_payer) payers.push_back(TotalObject(t));
               o["by_payer"] = std::move(payers);
               return http::JsonText(200, json::serialize(o)).WithHeader("Cache-Control", "no-store");
             },
             {.access = http::Access::kPolicy, .action = "billing.statement"});

  router.Add("GET", "/api/v1/organizations/{id}/billing-statements/{run_id}/lines",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(int limit, http::LimitParam(r, 100));
               ALLMENDE_ASSIGN_OR_RETURN(
                   auto page, service.StatementLines(actor, std::string(r.Param("id")), std::string(r.Param("run_id")),
                                                     r.QueryParam("cursor").value_or(""), limit));
               return http::JsonText(200, http::ItemsJson(page.lines, LineJson, page.next_cursor, true))
                   .WithHeader("Cache-Control", "no-store");
             },
             {.access = http::Access::kPolicy, .action = "billing.statement"});

  router.Add("GET", "/api/v1/clients/{id}/billing-shares",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto shares, service.SharesOf(actor, std::string(r.Param("id"))));
               return http::JsonText(200, http::ItemsJson(shares, ShareJson)).WithHeader("Cache-Control", "no-store");
             },
             {.access = http::Access::kPolicy, .action = "billing.own", .client = "{id}"});

  // A locked run as a download: the CSV or the XLSX.
  using Export =
      Result<std::pair<BillingRun, std::string>> (BillingService::*)(const access::Actor&, const std::string&);
  auto download = [&router, &service](const char* extension, const char* content_type, Export write) {
    router.Add("GET", std::string("/api/v1/billing-runs/{id}/export.") + extension,
               [&service, extension, content_type, write](const http::Request& r) -> Result<http::Response> {
                 ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
                 ALLMENDE_ASSIGN_OR_RETURN(auto out, (service.*write)(actor, std::string(r.Param("id"))));
                 http::Response response;
                 response.status = 200;
                 response.content_type = content_type;
                 response.body = std::move(out.second);
                 return response
                     .WithHeader("Content-Disposition", "attachment; filename=\"billing-" +
                                                            out.first.period_start.substr(0, 7) + "-" + out.first.id +
                                                            "." + extension + "\"")
                     .WithHeader("Cache-Control", "no-store");
               },
               {.access = http::Access::kPolicy, .action = "billing.read"});
  };
  download("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", &BillingService::Xlsx);
  download("csv", "text/csv; charset=utf-8", &BillingService::Csv);
}

}  // namespace allmende::billing
