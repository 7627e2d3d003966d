#include <boost/json.hpp>

#include "common/json.hpp"
#include "directory/directory_handlers.hpp"

namespace allmende::directory {
namespace {

http::Response ServiceResponse(int status, const Service& s) {
  return http::JsonText(status, ServiceJson(s)).WithHeader("ETag", "\"" + std::to_string(s.version) + "\"");
}

constexpr std::int64_t kContentLimit = 64 * 1024;
constexpr std::int64_t kImageLimit = 2 * 1024 * 1024;

// The routes that move a service from one state to the next: POST with If-Match, no body.
struct Transition {
  const char* path;
  const char* action;
  Result<Service> (DirectoryService::*step)(const access::Actor&, const std::string&, std::int64_t);
};

}  // namespace

void AddEditorRoutes(http::Router& router, DirectoryService& service) {
  router.Add("PATCH", "/api/v1/providers/{id}/profile",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(std::int64_t version, http::IfMatchVersion(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
               ALLMENDE_ASSIGN_OR_RETURN(ProviderProfile p,
                                         service.UpdateProfile(actor, std::string(r.Param("id")), doc, version));
               return http::JsonText(200, ProfileJson(p)).WithHeader("ETag", "\"" + std::to_string(p.version) + "\"");
             },
             {.access = http::Access::kPolicy,
              .action = "directory.profile.edit",
              .body_limit = kContentLimit,
              .json_body = true});

  router.Add("GET", "/api/v1/providers/{id}/services",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(int limit, http::LimitParam(r, 50));
               if (limit < 1 || limit > 100) return Error::Invalid("limit", "must be an integer from 1 to 100");
               ALLMENDE_ASSIGN_OR_RETURN(ServicePage page, service.ServicesOf(actor, std::string(r.Param("id")),
                                                                              r.QueryParam("state").value_or(""), limit,
                                                                              r.QueryParam("cursor").value_or("")));
               return http::JsonText(200, http::ItemsJson(page.items, ServiceJson, page.next_cursor, true));
             },
             {.access = http::Access::kPolicy, .action = "directory.service.read"});

  router.Add("POST", "/api/v1/providers/{id}/services",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
               ALLMENDE_ASSIGN_OR_RETURN(Service s, service.Create(actor, std::string(r.Param("id")), doc));
               return ServiceResponse(201, s);
             },
             {.access = http::Access::kPolicy,
              .action = "directory.service.edit",
              .body_limit = kContentLimit,
              .json_body = true});

  router.Add("GET", "/api/v1/directory/services/{id}",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(Service s, service.Get(actor, std::string(r.Param("id"))));
               return ServiceResponse(200, s);
             },
             {.access = http::Access::kPolicy, .action = "directory.service.read"});

  router.Add("GET", "/api/v1/directory/services/{id}/history",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto events, service.History(actor, std::string(r.Param("id"))));
               return http::JsonText(200, http::ItemsJson(events, EventJson));
             },
             {.access = http::Access::kPolicy, .action = "directory.service.read"});

  router.Add("PUT", "/api/v1/directory/services/{id}/draft",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(std::int64_t version, http::IfMatchVersion(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
               ALLMENDE_ASSIGN_OR_RETURN(Service s, service.EditDraft(actor, std::string(r.Param("id")), doc, version));
               return ServiceResponse(200, s);
             },
             {.access = http::Access::kPolicy,
              .action = "directory.service.edit",
              .body_limit = kContentLimit,
              .json_body = true});

  static const Transition transitions[] = {
      {"/api/v1/directory/services/{id}/submit", "directory.service.edit", &DirectoryService::Submit},
      {"/api/v1/directory/services/{id}/withdraw", "directory.service.edit", &DirectoryService::Withdraw},
      {"/api/v1/directory/services/{id}/archive", "directory.service.edit", &DirectoryService::Archive},
      {"/api/v1/directory/services/{id}/publish", "directory.service.review", &DirectoryService::Publish},
  };
  for (const auto& t : transitions) {
    router.Add("POST", t.path,
               [&service, step = t.step](const http::Request& r) -> Result<http::Response> {
                 ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
                 ALLMENDE_ASSIGN_OR_RETURN(std::int64_t version, http::IfMatchVersion(r));
                 ALLMENDE_ASSIGN_OR_RETURN(Service s, (service.*step)(actor, std::string(r.Param("id")), version));
                 return ServiceResponse(200, s);
               },
               {.access = http::Access::kPolicy, .action = t.action});
  }

  router.Add("POST", "/api/v1/directory/services/{id}/request-changes",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(std::int64_t version, http::IfMatchVersion(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
               JsonFields f(doc);
               std::string comment;
               f.Required("comment", &comment);
               ALLMENDE_TRY(f.Finish());
               ALLMENDE_ASSIGN_OR_RETURN(Service s,
                                         service.RequestChanges(actor, std::string(r.Param("id")), comment, version));
               return ServiceResponse(200, s);
             },
             {.access = http::Access::kPolicy,
              .action = "directory.service.review",
              .body_limit = 16 * 1024,
              .json_body = true});

  router.Add("POST", "/api/v1/providers/{id}/images",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               std::string type(r.Header("content-type"));
               type = type.substr(0, type.find(';'));
               ALLMENDE_ASSIGN_OR_RETURN(Image image,
                                         service.UploadImage(actor, std::string(r.Param("id")), r.body, type));
               boost::json::object o{{"id", image.id},
                                     {"content_type", image.content_type},
                                     {"width", image.width},
                                     {"height", image.height},
                                     {"byte_size", image.byte_size}};
               return http::JsonText(201, boost::json::serialize(o));
             },
             {.access = http::Access::kPolicy, .action = "directory.service.edit", .body_limit = kImageLimit});

  router.Add("GET", "/api/v1/directory/review-queue",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(int limit, http::LimitParam(r, 50));
               if (limit < 1 || limit > 100) return Error::Invalid("limit", "must be an integer from 1 to 100");
               auto region = r.QueryParam("region_id");
               if (!region || region->empty()) return Error::Invalid("region_id", "Name the region to review.");
               ALLMENDE_ASSIGN_OR_RETURN(
                   ServicePage page, service.ReviewQueue(actor, *region, limit, r.QueryParam("cursor").value_or("")));
               return http::JsonText(200, http::ItemsJson(page.items, ServiceJson, page.next_cursor, true));
             },
             {.access = http::Access::kPolicy, .action = "directory.service.review"});
}

}  // namespace allmende::directory
