#include "notifications/notifications_module.hpp"

#include <boost/json.hpp>

#include "common/json.hpp"

namespace allmende::notifications {
namespace {

std::string NotificationJson(const Notification& n) {
  boost::json::object o{{"id", n.id},
                        {"kind", n.kind},
                        {"subject_type", n.subject_type},
                        {"subject_id", n.subject_id},
                        {"created_at", n.created_at},
                        {"read", n.read}};
  boost::system::error_code ec;
  auto data = boost::json::parse(n.data, ec);
  o["data"] = ec || !data.is_object() ? boost::json::value(boost::json::object{}) : std::move(data);
  return boost::json::serialize(o);
}

std::string CountJson(std::int64_t n) { return "{\"unread_count\":" + std::to_string(n) + "}"; }

}  // namespace

void NotificationsModule::AddRoutes(http::Router& router) {
  router.Add("GET", "/api/v1/notifications",
             [this](const http::Request& r) -> Result<http::Response> {
               if (!r.principal) return Error::Unauthenticated("Sign in to see your notifications.");
               ALLMENDE_ASSIGN_OR_RETURN(int limit, http::LimitParam(r, 20));
               auto unread = r.QueryParam("unread");
               if (unread && *unread != "true" && *unread != "false") {
                 return Error::Invalid("unread", "Use true or false.");
               }
               ALLMENDE_ASSIGN_OR_RETURN(auto page, service_.List(*r.principal, unread && *unread == "true", limit,
                                                                  r.QueryParam("cursor").value_or("")));
               std::string body = http::ItemsJson(page.items, NotificationJson, page.next_cursor, true);
               body.pop_back();
               body += ",\"unread_count\":" + std::to_string(page.unread_count) + "}";
               return http::JsonText(200, std::move(body));
             },
             {.access = http::Access::kSignedIn});
  router.Add("GET", "/api/v1/notifications/unread-count",
             [this](const http::Request& r) -> Result<http::Response> {
               if (!r.principal) return Error::Unauthenticated("Sign in to see your notifications.");
               ALLMENDE_ASSIGN_OR_RETURN(auto n, service_.UnreadCount(*r.principal));
               return http::JsonText(200, CountJson(n));
             },
             {.access = http::Access::kSignedIn});
  router.Add("POST", "/api/v1/notifications/read",
             [this](const http::Request& r) -> Result<http::Response> {
               if (!r.principal) return Error::Unauthenticated("Sign in to see your notifications.");
               ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
               JsonFields f(doc);
               std::vector<std::string> ids;
               std::optional<bool> all;
               f.Optional("ids", &ids, 100, 64);
               f.Optional("all", &all);
               ALLMENDE_TRY(f.Finish());
               ALLMENDE_ASSIGN_OR_RETURN(auto n, service_.MarkRead(*r.principal, ids, all.value_or(false)));
               return http::JsonText(200, CountJson(n));
             },
             {.access = http::Access::kSignedIn,
              .idempotency_exempt = "marking read twice is marking read once; the answer is the count now",
              .body_limit = 16 * 1024,
              .json_body = true});
}

void NotificationsModule::AddJobs(jobs::JobScheduler& scheduler) {
  scheduler.Register("notifications.purge",
                     [](storage::Connection& c, const jobs::Job&, Timestamp now) -> Result<void> {
                       ALLMENDE_TRY(NotificationService::Purge(c, now - std::chrono::hours(24 * kKeepDays)));
                       return Ok();
                     });
  scheduler.Every("notifications.purge", std::chrono::hours(24));
}

}  // namespace allmende::notifications
