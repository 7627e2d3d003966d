#include "guidance/guidance_module.hpp"

#include <boost/json.hpp>

#include "common/json.hpp"

namespace allmende::guidance {
namespace {

namespace json = boost::json;

json::object ContactObject(const Contact& k) {
  json::array topics;
  for (const auto& t : k.topics) topics.emplace_back(t);
  return {{"id", k.id},
          {"client_id", k.client_id},
          {"channel", k.channel},
          {"topics", std::move(topics)},
          {"duration_minutes", k.duration_minutes},
          {"outcome", k.outcome},
          {"note", k.note},
          {"occurred_at", k.occurred_at},
          {"advisor_id", k.advisor_id},
          {"advisor_name", k.advisor_name},
          {"organization_name", k.organization_name},
          {"created_at", k.created_at}};
}

}  // namespace

void GuidanceModule::AddRoutes(http::Router& router) {
  AddAssessmentRoutes(router, assessments_);
  AddTaskRoutes(router, tasks_);
  AddReferralRoutes(router, referrals_);
  AddPlanRoutes(router, plans_);
  router.Add("GET", "/api/v1/advice-topics",
             [this](const http::Request&) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto topics, service_.Topics());
               return http::JsonText(200, http::ItemsJson(topics, [](const AdviceTopic& t) {
                                       json::object names;
                                       for (const auto& [lang, name] : t.names) names[lang] = name;
                                       return json::serialize(json::object{{"code", t.code}, {"names", names}});
                                     }));
             },
             {.access = http::Access::kSignedIn});

  router.Add("GET", "/api/v1/clients/{id}/contacts",
             [this](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto list, service_.Contacts(actor, std::string(r.Param("id"))));
               return http::JsonText(200, http::ItemsJson(
                                              list, [](const Contact& k) { return json::serialize(ContactObject(k)); }))
                   .WithHeader("Cache-Control", "no-store");
             },
             {.access = http::Access::kPolicy, .action = "advice.contact.read", .client = "{id}"});

  router.Add("POST", "/api/v1/clients/{id}/contacts",
             [this](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
               JsonFields f(doc);
               NewContact in;
               std::optional<std::string> note;
               std::int64_t duration = 0;
               f.Required("channel", &in.channel);
               f.Optional("topics", &in.topics, 12, 40);
               f.Required("duration_minutes", &duration, 0, 600);
               f.Required("outcome", &in.outcome);
               f.Optional("note", &note);
               f.Optional("occurred_at", &in.occurred_at);
               ALLMENDE_TRY(f.Finish());
               in.duration_minutes = static_cast<int>(duration);
               in.note = note.value_or("");
               ALLMENDE_ASSIGN_OR_RETURN(auto k, service_.AddContact(actor, std::string(r.Param("id")), in));
               return http::JsonText(201, json::serialize(ContactObject(k)));
             },
             {.access = http::Access::kPolicy,
              .action = "advice.contact.write",
              .client = "{id}",
              .body_limit = 32 * 1024,
              .json_body = true});
}

}  // namespace allmende::guidance
