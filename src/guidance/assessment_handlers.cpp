// The needs-assessment routes (openapi.json beside this file).
#include <boost/json.hpp>

#include "common/json.hpp"
#include "guidance/guidance_module.hpp"

namespace allmende::guidance {
namespace {

namespace json = boost::json;

json::object FormObject(const FormView& f) {
  json::object o = FormBody(f.form);
  o["id"] = f.row.id;
  o["region_id"] = f.row.region_id;
  o["code"] = f.row.code;
  o["version"] = f.row.version;
  o["latest"] = f.row.version == f.row.latest_version;
  o["created_at"] = f.row.created_at;
  return o;
}

json::object AssessmentObject(const AssessmentView& a) {
  json::array categories;
  for (const auto& [code, names] : a.categories) {
    categories.push_back(json::object{{"code", code}, {"names", LocalizedObject(names)}});
  }
  return {{"id", a.row.id},
          {"client_id", a.row.client_id},
          {"form_id", a.row.form_id},
          {"form_code", a.row.form.code},
          {"form_version", a.row.form.version},
          {"form_title", LocalizedObject(a.form.title)},
          {"latest_version", a.row.form.version == a.row.form.latest_version},
          {"answers", a.answers},
          {"score", a.row.score},
          {"max_score", a.form.MaxScore()},
          {"suggested_categories", std::move(categories)},
          {"filled_by_name", a.row.filled_by_name},
          {"filled_as", a.row.filled_as},
          {"created_at", a.row.created_at}};
}

}  // namespace

void AddAssessmentRoutes(http::Router& router, AssessmentService& service) {
  router.Add("GET", "/api/v1/regions/{id}/assessment-forms",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto forms, service.Forms(std::string(r.Param("id"))));
               return http::JsonText(
                   200, http::ItemsJson(forms, [](const FormView& f) { return json::serialize(FormObject(f)); }));
             },
             {.access = http::Access::kSignedIn});

  router.Add("GET", "/api/v1/assessment-forms/{id}",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto form, service.Form(std::string(r.Param("id"))));
               return http::JsonText(200, json::serialize(FormObject(form)));
             },
             {.access = http::Access::kSignedIn});

  router.Add("POST", "/api/v1/regions/{id}/assessment-forms",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
               std::string code;
               if (doc.is_object()) {
                 if (auto c = doc.as_object().if_contains("code"); c && c->is_string()) code = c->as_string();
               }
               ALLMENDE_ASSIGN_OR_RETURN(auto form, service.PublishForm(actor, std::string(r.Param("id")), code, doc));
               return http::JsonText(201, json::serialize(FormObject(form)));
             },
             {.access = http::Access::kPolicy,
              .action = "assessment.form.write",
              .body_limit = 256 * 1024,
              .json_body = true});

  router.Add("GET", "/api/v1/clients/{id}/assessments",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto list, service.Assessments(actor, std::string(r.Param("id"))));
               return http::JsonText(
                          200, http::ItemsJson(
                                   list, [](const AssessmentView& a) { return json::serialize(AssessmentObject(a)); }))
                   .WithHeader("Cache-Control", "no-store");
             },
             {.access = http::Access::kPolicy, .action = "assessment.read", .client = "{id}"});

  router.Add("POST", "/api/v1/clients/{id}/assessments",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
               JsonFields f(doc);
               std::string form_id;
               f.Required("form_id", &form_id);
               ALLMENDE_TRY(f.Finish());
               const json::value* answers = doc.as_object().if_contains("answers");
               static const json::value kMissing;
               ALLMENDE_ASSIGN_OR_RETURN(
                   auto a, service.Assess(actor, std::string(r.Param("id")), form_id, answers ? *answers : kMissing));
               return http::JsonText(201, json::serialize(AssessmentObject(a)));
             },
             {.access = http::Access::kPolicy,
              .action = "assessment.write",
              .client = "{id}",
              .body_limit = 64 * 1024,
              .json_body = true});
}

}  // namespace allmende::guidance
