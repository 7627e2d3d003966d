#include "funding/funding_handlers.hpp"

#include <boost/json.hpp>

#include "common/json.hpp"
#include "funding/funding_json.hpp"

namespace allmende::funding {
namespace {

constexpr std::int64_t kLimit = 16 * 1024;

Result<GrantDraft> ParseGrant(const std::string& client_id, const std::string& body) {
  ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(body));
  JsonFields f(doc);
  GrantDraft d;
  d.client_id = client_id;
  std::optional<std::int64_t> value, fee, copay_bp, copay;
  f.Required("payer_id", &d.payer_id);
  f.Required("kind", &d.kind);
  f.Optional("categories", &d.categories, 20, 40);
  f.Required("unit", &d.unit);
  f.Optional("quantity", &d.quantity, 0, 1'000'000'000);
  f.Required("period", &d.period);
  f.Optional("rate_key", &d.rate_key);
  f.Optional("value_cents", &value, 0, 100'000'000);
  f.Optional("fee_cents", &fee, 0, 100'000'000);
  f.Optional("fee_unit", &d.fee_unit);
  f.Optional("copay_basis_points", &copay_bp, 0, 10000);
  f.Optional("copay_cents", &copay, 0, 100'000'000);
  f.Required("currency", &d.currency);
  f.Required("valid_from", &d.valid_from);
  f.Optional("valid_until", &d.valid_until);
  f.Required("decision_reference", &d.decision_reference);
  f.Optional("insurance_number", &d.insurance_number);
  f.Optional("care_grade", &d.care_grade, 1, 5);
  ALLMENDE_TRY(f.Finish());
  d.value_cents = value.value_or(0);
  d.fee_cents = fee.value_or(0);
  d.copay_basis_points = copay_bp.value_or(0);
  d.copay_cents = copay.value_or(0);
  return d;
}

}  // namespace

void AddFundingRoutes(http::Router& router, FundingService& service) {
  router.Add("GET", "/api/v1/regions/{id}/funding-rates",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto rates, service.Rates(std::string(r.Param("id"))));
               return http::JsonText(200, http::ItemsJson(rates, RateJson));
             },
             {.access = http::Access::kPublic});
  router.Add(
      "POST", "/api/v1/regions/{id}/funding-rates",
      [&service](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
        ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
        JsonFields f(doc);
        Rate rate;
        f.Required("key", &rate.key);
        f.Required("effective_from", &rate.effective_from);
        f.Required("amount", &rate.amount, 0, 1'000'000'000);
        f.Required("unit", &rate.unit);
        f.Optional("currency", &rate.currency);
        f.Required("legal_basis", &rate.legal_basis);
        ALLMENDE_TRY(f.Finish());
        ALLMENDE_ASSIGN_OR_RETURN(Rate stored, service.PutRate(actor, std::string(r.Param("id")), rate));
        return http::JsonText(200, RateJson(stored));
      },
      {.access = http::Access::kPolicy, .action = "funding.rates.manage", .body_limit = kLimit, .json_body = true});
  router.Add("GET", "/api/v1/organizations/{id}/voucher-approvals",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto list, service.Approvals(std::string(r.Param("id"))));
               return http::JsonText(200, http::ItemsJson(list, ApprovalJson));
             },
             {.access = http::Access::kPublic});
  router.Add("POST", "/api/v1/organizations/{id}/voucher-approvals",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
               JsonFields f(doc);
               std::string provider, category;
               f.Required("provider_id", &provider);
               f.Required("category", &category);
               ALLMENDE_TRY(f.Finish());
               ALLMENDE_ASSIGN_OR_RETURN(auto a,
                                         service.Approve(actor, std::string(r.Param("id")), provider, category));
               return http::JsonText(201, ApprovalJson(a));
             },
             {.access = http::Access::kPolicy, .action = "voucher.approve", .body_limit = kLimit, .json_body = true});
  router.Add("POST", "/api/v1/clients/{id}/grants",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(GrantDraft d, ParseGrant(std::string(r.Param("id")), r.body));
               ALLMENDE_ASSIGN_OR_RETURN(Grant g, service.Record(actor, d));
               return http::JsonText(201, GrantJson(g));
             },
             {.access = http::Access::kPolicy, .action = "grant.manage", .body_limit = kLimit, .json_body = true});
  router.Add("GET", "/api/v1/clients/{id}/grants",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto list, service.GrantsOf(actor, std::string(r.Param("id"))));
               return http::JsonText(200, http::ItemsJson(list, GrantViewJson));
             },
             {.access = http::Access::kPolicy, .action = "grant.read", .client = "{id}"});
  // What the client would pay for a delivery given their grants: the shop's net price and the
  // order form's split before it is placed.
  router.Add("POST", "/api/v1/clients/{id}/funding-quote",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
               JsonFields f(doc);
               Delivery d;
               std::vector<std::string> grants;
               std::int64_t price = 0, minutes = 0;
               std::optional<std::int64_t> labour;
               std::optional<std::string> provider, currency;
               f.Optional("grants", &grants, 5, 40);
               f.Required("category", &d.category);
               f.Optional("provider_id", &provider);
               f.Required("date", &d.local_date);
               f.Required("price_cents", &price, 0, 100'000'000);
               f.Required("billable_minutes", &minutes, 0, 24 * 60);
               f.Optional("labour_cents", &labour, 0, 100'000'000);
               f.Optional("currency", &currency);
               if (labour && *labour > price)
                 f.AddError("labour_cents", "The labour is part of the price: at most the price.");
               ALLMENDE_TRY(f.Finish());
               d.client_id = std::string(r.Param("id"));
               d.provider_id = provider.value_or("");
               d.visit_id = "quote";
               d.line = {price, minutes, labour.value_or(price), currency.value_or("EUR")};
               ALLMENDE_ASSIGN_OR_RETURN(PricedDelivery p, service.Quote(actor, d.client_id, grants, d));
               return http::JsonText(200, PricedJson(p, d.line));
             },
             {.access = http::Access::kPolicy,
              .action = "grant.read",
              .client = "{id}",
              .idempotency_exempt = "a quote changes nothing: each request is answered afresh",
              .body_limit = kLimit,
              .json_body = true});
}

}  // namespace allmende::funding
