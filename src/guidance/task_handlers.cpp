// The follow-up task routes (openapi.json beside this file).
#include <boost/json.hpp>

#include "common/json.hpp"
#include "guidance/guidance_module.hpp"

namespace allmende::guidance {
namespace {

namespace json = boost::json;

std::string TaskJson(const Task& t) {
  return json::serialize(json::object{{"id", t.id},
                                      {"client_id", t.client_id},
                                      {"client_name", t.client_name},
                                      {"assigned_to", t.assigned_to},
                                      {"assigned_to_name", t.assigned_to_name},
                                      {"created_by_name", t.created_by_name},
                                      {"title", t.title},
                                      {"due_date", t.due_date},
                                      {"state", t.state},
                                      {"overdue", t.overdue},
                                      {"done_at", t.done_at ? json::value(*t.done_at) : json::value(nullptr)},
                                      {"created_at", t.created_at}});
}

http::Response TaskList(const std::vector<Task>& tasks) {
  return http::JsonText(200, http::ItemsJson(tasks, TaskJson)).WithHeader("Cache-Control", "no-store");
}

}  // namespace

void AddTaskRoutes(http::Router& router, TaskService& service) {
  router.Add("POST", "/api/v1/clients/{id}/tasks",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
               JsonFields f(doc);
               NewTask in;
               f.Required("title", &in.title);
               f.Required("due_date", &in.due_date);
               f.Optional("assigned_to", &in.assigned_to);
               ALLMENDE_TRY(f.Finish());
               ALLMENDE_ASSIGN_OR_RETURN(auto t, service.Add(actor, std::string(r.Param("id")), in));
               return http::JsonText(201, TaskJson(t));
             },
             {.access = http::Access::kPolicy,
              .action = "advice.task.write",
              .client = "{id}",
              .body_limit = 8 * 1024,
              .json_body = true});

  router.Add("GET", "/api/v1/clients/{id}/tasks",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto list, service.OfClient(actor, std::string(r.Param("id"))));
               return TaskList(list);
             },
             {.access = http::Access::kPolicy, .action = "advice.task.read", .client = "{id}"});

  router.Add("POST", "/api/v1/tasks/{id}/done",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto t, service.Done(actor, std::string(r.Param("id"))));
               return http::JsonText(200, TaskJson(t));
             },
             {.access = http::Access::kPolicy, .action = "advice.task.write"});

  router.Add("GET", "/api/v1/me/tasks",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto list, service.Mine(actor));
               return TaskList(list);
             },
             {.access = http::Access::kSignedIn});

  router.Add("GET", "/api/v1/regions/{id}/overdue-tasks",
             [&service](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto list, service.Overdue(actor, std::string(r.Param("id"))));
               return TaskList(list);
             },
             {.access = http::Access::kPolicy, .action = "advice.task.board"});
}

}  // namespace allmende::guidance
