// The client's consents to orders the advice desk placed for them: list and withdraw
// (OrderService::ConsentsOf and WithdrawConsent, order_consents.cpp).
#include <boost/json.hpp>

#include "orders/order_handlers.hpp"
#include "orders/order_json.hpp"

namespace allmende::orders {

namespace json = boost::json;

void AddConsentRoutes(http::Router& router, OrderService& orders) {
  router.Add("GET", "/api/v1/clients/{id}/consents",
             [&orders](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto list, orders.ConsentsOf(actor, std::string(r.Param("id"))));
               const std::string now = FormatRfc3339(Now());
               return http::JsonText(200, http::ItemsJson(list, [&](const clients::Consent& k) {
                                       return json::serialize(ConsentObject(k, now));
                                     }));
             },
             {.access = http::Access::kPolicy, .action = "consent.read", .client = "{id}"});
  router.Add("POST", "/api/v1/clients/{id}/consents/{consent_id}/withdraw",
             [&orders](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto k, orders.WithdrawConsent(actor, std::string(r.Param("id")),
                                                                        std::string(r.Param("consent_id"))));
               return http::JsonText(200, json::serialize(ConsentObject(k, FormatRfc3339(Now()))));
             },
             {.access = http::Access::kPolicy, .action = "consent.withdraw", .client = "{id}"});
}

}  // namespace allmende::orders
