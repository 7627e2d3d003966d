// The service plan routes (openapi.json beside this file).
#include <boost/json.hpp>

#include "common/json.hpp"
#include "guidance/guidance_module.hpp"

namespace allmende::guidance {
namespace {

namespace json = boost::json;

json::value OptionalText(const std::optional<std::string>& s) { return s ? json::value(*s) : json::value(nullptr); }

json::object ItemObject(const PlanItem& p) {
  json::object name;
  for (const auto& [lang, text] : p.name) name[lang] = text;
  return {{"id", p.id},
          {"client_id", p.client_id},
          {"kind", p.kind},
          {"grant_id", OptionalText(p.grant_id)},
          {"service_id", OptionalText(p.service_id)},
          {"category", p.category},
          {"title", p.title},
          {"name", std::move(name)},
          {"organization_name", p.organization_name},
          {"grant_kind", p.grant_kind.empty() ? json::value(nullptr) : json::value(p.grant_kind)},
          {"grant_valid_until", OptionalText(p.grant_valid_until)},
          {"details", p.details},
          {"goal", p.goal},
          {"follow_up_date", p.follow_up_date},
          {"follow_up_due", p.follow_up_due},
          {"state", p.state},
          {"created_by_name", p.created_by_name},
          {"created_at", p.created_at},
          {"updated_by_name", p.updated_by_name},
          {"updated_at", p.updated_at},
          {"ended_at", OptionalText(p.ended_at)},
          {"version", p.version}};
}

http::Response ItemResponse(int status, const PlanItem& p) {
  return http::JsonText(status, json::serialize(ItemObject(p)))
      .WithHeader("ETag", "\"" + std::to_string(p.version) + "\"")
      .WithHeader("Cache-Control", "no-store");
}

}  // namespace

void AddPlanRoutes(http::Router& router, PlanService& service) {
  router.Add("GET", "/api/v1/clients/{id}/plan",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(Plan plan, service.Of(actor, std::string(r.Param("id"))));
               json::array items;
               for (const auto& p : plan.items) items.emplace_back(ItemObject(p));
               return http::JsonText(200, json::serialize(json::object{{"client_id", plan.client_id},
                                                                       {"client_name", plan.client_name},
                                                                       {"updated_at", OptionalText(plan.updated_at)},
                                                                       {"items", std::move(items)}}))
                   .WithHeader("Cache-Control", "no-store");
             },
             {.access = http::Access::kPolicy, .action = "plan.read", .client = "{id}"});

  router.Add("POST", "/api/v1/clients/{id}/plan/items",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
               JsonFields f(doc);
               NewPlanItem in;
               f.Required("kind", &in.kind);
               f.Optional("grant_id", &in.grant_id);
               f.Optional("service_id", &in.service_id);
               f.Optional("category", &in.category);
               f.Optional("title", &in.title);
               f.Optional("details", &in.details);
               f.Required("goal", &in.goal);
               f.Required("follow_up_date", &in.follow_up_date);
               f.RejectOthers();
               ALLMENDE_TRY(f.Finish());
               ALLMENDE_ASSIGN_OR_RETURN(auto item, service.Add(actor, std::string(r.Param("id")), in));
               return ItemResponse(201, item);
             },
             {.access = http::Access::kPolicy,
              .action = "plan.write",
              .client = "{id}",
              .body_limit = 16 * 1024,
              .json_body = true});

  router.Add("PATCH", "/api/v1/plan-items/{id}",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(std::int64_t version, http::IfMatchVersion(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
               JsonFields f(doc);
               PlanItemChange change;
               f.Optional("goal", &change.goal);
               f.Optional("details", &change.details);
               f.Optional("follow_up_date", &change.follow_up_date);
               f.RejectOthers();
               ALLMENDE_TRY(f.Finish());
               ALLMENDE_ASSIGN_OR_RETURN(auto item, service.Change(actor, std::string(r.Param("id")), change, version));
               return ItemResponse(200, item);
             },
             {.access = http::Access::kPolicy, .action = "plan.write", .body_limit = 16 * 1024, .json_body = true});

  router.Add("POST", "/api/v1/plan-items/{id}/end",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(std::int64_t version, http::IfMatchVersion(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto item, service.End(actor, std::string(r.Param("id")), version));
               return ItemResponse(200, item);
             },
             {.access = http::Access::kPolicy, .action = "plan.write"});

  router.Add("POST", "/api/v1/plan-items/{id}/resume",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(std::int64_t version, http::IfMatchVersion(r));
               std::optional<std::string> day;
               if (!r.body.empty()) {
                 ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
                 JsonFields f(doc);
                 f.Optional("follow_up_date", &day);
                 f.RejectOthers();
                 ALLMENDE_TRY(f.Finish());
               }
               ALLMENDE_ASSIGN_OR_RETURN(auto item, service.Resume(actor, std::string(r.Param("id")), day, version));
               return ItemResponse(200, item);
             },
             {.access = http::Access::kPolicy, .action = "plan.write", .body_limit = 4 * 1024});
}

}  // namespace allmende::guidance
