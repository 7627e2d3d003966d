#include "access/access_handlers.hpp"

#include "access/access_log.hpp"

namespace allmende::access {
namespace {

std::string PageJson(const AccessPage& page, bool full) {
  return http::ItemsJson(
      page.items, [full](const AccessEntry& e) { return AccessEntryJson(e, full); }, page.next_cursor, true);
}

}  // namespace

void AddAccessLogRoutes(http::Router& router, storage::Database& db, const TimeSource& clock) {
  // Who has seen my data (or, for a delegate, the data of the client they act for). The guard
  // authorizes and logs the look: a delegate's look is itself a look at the client's data, the
  // client's own is not.
  router.Add("GET", "/api/v1/me/access-log",
             [&db](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(int limit, http::LimitParam(r));
               std::string client = r.QueryParam("client_id").value_or(r.principal->id);
               std::string cursor = r.QueryParam("cursor").value_or("");
               ALLMENDE_ASSIGN_OR_RETURN(AccessPage page, db.ReadValue<AccessPage>([&](storage::Connection& c) {
                 return ListClientAccess(c, client, limit, cursor);
               }));
               return http::JsonText(200, PageJson(page, false));
             },
             {.access = http::Access::kPolicy, .action = "client.access_log.read", .client = "?client_id"});

  // An auditor's search of the region's log. The search is itself recorded.
  router.Add("GET", "/api/v1/regions/{id}/access-log",
             [&db, &clock](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(Actor actor, Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(int limit, http::LimitParam(r, 50));
               AccessSearch s{.region_id = std::string(r.Param("id")),
                              .actor_id = r.QueryParam("actor_id").value_or(""),
                              .client_id = r.QueryParam("client_id").value_or(""),
                              .action = r.QueryParam("action").value_or(""),
                              .from = r.QueryParam("from").value_or(""),
                              .to = r.QueryParam("to").value_or(""),
                              .limit = limit,
                              .cursor = r.QueryParam("cursor").value_or("")};
               ALLMENDE_ASSIGN_OR_RETURN(
                   AccessPage page, db.WriteValue<AccessPage>([&](storage::Connection& c) -> Result<AccessPage> {
                     Timestamp now = clock.Now();
                     ALLMENDE_ASSIGN_OR_RETURN(Decision d, Authorize(c, actor.principal, Action::kAccessLogSearch,
                                                                     {.region_id = s.region_id}, now));
                     ALLMENDE_ASSIGN_OR_RETURN(AccessPage page, SearchAccess(c, s));
                     ALLMENDE_TRY(AppendAccess(c, d,
                                               {.action = "access_log.search",
                                                .subject_type = "region",
                                                .subject_id = s.region_id,
                                                .client_id = s.client_id,
                                                .region_id = s.region_id,
                                                .purpose = actor.purpose},
                                               actor.request_id, now));
                     return page;
                   }));
               return http::JsonText(200, PageJson(page, true));
             },
             {.access = http::Access::kPolicy, .action = "access_log.search"});
}

}  // namespace allmende::access
