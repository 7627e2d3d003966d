#include "quality/quality_handlers.hpp"

#include <boost/json.hpp>
#include <cctype>

#include "common/json.hpp"
#include "quality/attachment_check.hpp"
#include "quality/quality_scores.hpp"

namespace allmende::quality {
namespace {

namespace json = boost::json;

json::value Opt(const std::optional<std::string>& v) { return v ? json::value(*v) : json::value(nullptr); }

std::string RatingViewJson(const RatingView& v) {
  json::value rating = nullptr;
  if (v.rating) {
    rating = json::object{{"stars", v.rating->stars},           {"comment", v.rating->comment},
                          {"follow_up", v.rating->follow_up},   {"created_at", v.rating->created_at},
                          {"updated_at", v.rating->updated_at}, {"version", v.rating->version}};
  }
  return json::serialize(json::object{{"visit_id", v.visit_id},
                                      {"order_id", v.order_id},
                                      {"category", v.category},
                                      {"provider_name", v.provider_name},
                                      {"local_date", v.local_date},
                                      {"visit_state", v.visit_state},
                                      {"rate_until", v.rate_until},
                                      {"can_rate", v.can_rate},
                                      {"rating", rating}});
}

json::object CaseObject(const Case& k, bool full) {
  json::object o{{"id", k.id},
                 {"number", k.number},
                 {"region_id", k.region_id},
                 {"kind", k.kind},
                 {"category", k.category},
                 {"severity", k.severity},
                 {"state", k.state},
                 {"description", k.description},
                 {"client_id", Opt(k.client_id)},
                 {"client_name", k.client_name ? json::value(*k.client_name) : json::value(nullptr)},
                 {"order_id", Opt(k.order_id)},
                 {"visit_id", Opt(k.visit_id)},
                 {"visit_date", Opt(k.visit_date)},
                 {"provider_id", Opt(k.provider_id)},
                 {"provider_name", Opt(k.provider_name)},
                 {"filed_by_name", k.filed_by_name},
                 {"filed_as", k.filed_as},
                 {"filed_by_me", k.filed_by_me},
                 {"assignee_id", Opt(k.assignee_id)},
                 {"assignee_name", Opt(k.assignee_name)},
                 {"due_at", k.due_at},
                 {"overdue", k.overdue},
                 {"escalated_at", Opt(k.escalated_at)},
                 {"upheld", k.upheld ? json::value(*k.upheld) : json::value(nullptr)},
                 {"resolution", Opt(k.resolution)},
                 {"created_at", k.created_at},
                 {"updated_at", k.updated_at},
                 {"closed_at", Opt(k.closed_at)},
                 {"version", k.version}};
  // The client's id only with the name: whoever may not see who it is sees neither.
  if (!k.client_name) o["client_id"] = nullptr;
  if (full) {
    json::array events, files;
    for (const auto& e : k.events) {
      events.push_back(json::object{{"id", e.id},
                                    {"at", e.at},
                                    {"kind", e.kind},
                                    {"actor_name", e.actor_name},
                                    {"actor_role", e.actor_role},
                                    {"from_state", Opt(e.from_state)},
                                    {"to_state", Opt(e.to_state)},
                                    {"body", Opt(e.body)},
                                    {"visibility", e.visibility}});
    }
    for (const auto& a : k.attachments) {
      files.push_back(json::object{{"id", a.id},
                                   {"file_name", a.file_name},
                                   {"content_type", a.content_type},
                                   {"byte_size", a.byte_size},
                                   {"created_at", a.created_at}});
    }
    o["events"] = std::move(events);
    o["attachments"] = std::move(files);
  }
  return o;
}

// `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): an ASCII fallback and the name as given.
std::string Disposition(const std::string& name) {
  std::string ascii, encoded;
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (unsigned char ch : name) {
    ascii.push_back(ch < 0x80 ? static_cast<char>(ch) : '_');
    if (std::isalnum(ch) || ch == '.' || ch == '-' || ch == '_') {
      encoded.push_back(static_cast<char>(ch));
    } else {
      encoded += {'%', kHex[ch >> 4], kHex[ch & 15]};
    }
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

http::Response CaseResponse(int status, const Case& k) {
  return http::JsonText(status, json::serialize(CaseObject(k, true)))
      .WithHeader("ETag", "\"" + std::to_string(k.version) + "\"")
      .WithHeader("Cache-Control", "no-store");
}

std::string ListJson(const CasePage& page) {
  return http::ItemsJson(
      page.items, [](const Case& k) { return json::serialize(CaseObject(k, false)); }, page.next_cursor, true);
}

}  // namespace

void AddQualityRoutes(http::Router& router, RatingService& ratings, CaseService& cases, storage::Database& db) {
  router.Add("GET", "/api/v1/visits/{id}/rating",
             [&ratings](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto view, ratings.Get(actor, std::string(r.Param("id"))));
               return http::JsonText(200, RatingViewJson(view)).WithHeader("Cache-Control", "no-store");
             },
             {.access = http::Access::kPolicy, .action = "rating.read"});

  router.Add("PUT", "/api/v1/visits/{id}/rating",
             [&ratings](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
               JsonFields f(doc);
               std::int64_t stars = 0;
               std::optional<std::string> comment;
               f.Required("stars", &stars);
               f.Optional("comment", &comment);
               f.RejectOthers();
               ALLMENDE_TRY(f.Finish());
               ALLMENDE_ASSIGN_OR_RETURN(auto out,
                                         ratings.Put(actor, std::string(r.Param("id")), stars, comment.value_or("")));
               return http::JsonText(out.second ? 201 : 200, RatingViewJson(out.first))
                   .WithHeader("Cache-Control", "no-store");
             },
             {.access = http::Access::kPolicy, .action = "rating.write", .body_limit = 8 * 1024, .json_body = true});

  router.Add("GET", "/api/v1/providers/{id}/ratings",
             [&ratings](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(int limit, http::LimitParam(r, 50));
               ALLMENDE_ASSIGN_OR_RETURN(auto page, ratings.OfProvider(actor, std::string(r.Param("id")),
                                                                       r.QueryParam("cursor").value_or(""), limit));
               return http::JsonText(200, http::ItemsJson(
                                              page.items,
                                              [](const ProviderRating& p) {
                                                return json::serialize(json::object{{"category", p.category},
                                                                                    {"month", p.month},
                                                                                    {"stars", p.stars},
                                                                                    {"comment", p.comment}});
                                              },
                                              page.next_cursor, true))
                   .WithHeader("Cache-Control", "no-store");
             },
             {.access = http::Access::kPolicy, .action = "quality.provider"});

  router.Add("GET", "/api/v1/providers/{id}/quality",
             [&db](const http::Request& r) -> Result<http::Response> {
               const std::string id(r.Param("id"));
               ALLMENDE_ASSIGN_OR_RETURN(auto stored,
                                         db.ReadValue<std::optional<StoredQuality>>(
                                             [&](storage::Connection& c) { return ScoreOfProvider(c, id); }));
               if (!stored) return Error::NotFound("The provider has no score yet.");
               json::value components = json::parse(stored->components);
               json::object o{{"provider_id", stored->provider_id},
                              {"region_id", stored->region_id},
                              {"score", static_cast<double>(stored->score_permille) / 10.0},
                              {"rating", stored->rating ? json::value(*stored->rating) : json::value(nullptr)},
                              {"rating_count", stored->rating_count},
                              {"computed_at", stored->computed_at},
                              {"window_days", kWindowDays},
                              {"components", components}};
               return http::JsonText(200, json::serialize(o)).WithHeader("Cache-Control", "no-cache");
             },
             {.access = http::Access::kPublic});

  router.Add(
      "POST", "/api/v1/quality-cases",
      [&cases](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
        ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
        JsonFields f(doc);
        NewCase in;
        f.Required("kind", &in.kind);
        f.Required("category", &in.category);
        f.Required("severity", &in.severity);
        f.Required("description", &in.description);
        f.Optional("client_id", &in.client_id);
        f.Optional("order_id", &in.order_id);
        f.Optional("visit_id", &in.visit_id);
        f.Optional("provider_id", &in.provider_id);
        f.Optional("region_id", &in.region_id);
        f.RejectOthers();
        ALLMENDE_TRY(f.Finish());
        ALLMENDE_ASSIGN_OR_RETURN(Case k, cases.File(actor, in));
        return CaseResponse(201, k).WithHeader("Location", "/api/v1/quality-cases/" + k.id);
      },
      {.access = http::Access::kPolicy, .action = "quality.case.file", .body_limit = 32 * 1024, .json_body = true});

  router.Add("GET", "/api/v1/quality-cases/mine",
             [&cases](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(int limit, http::LimitParam(r, 50));
               ALLMENDE_ASSIGN_OR_RETURN(auto page, cases.Mine(actor, r.QueryParam("cursor").value_or(""), limit));
               return http::JsonText(200, ListJson(page)).WithHeader("Cache-Control", "no-store");
             },
             {.access = http::Access::kSignedIn});

  router.Add("GET", "/api/v1/regions/{id}/quality-cases",
             [&cases](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(int limit, http::LimitParam(r, 50));
               ALLMENDE_ASSIGN_OR_RETURN(
                   auto q, cases.Queue(actor, std::string(r.Param("id")), r.QueryParam("state").value_or("open"),
                                       r.QueryParam("kind").value_or(""), r.QueryParam("cursor").value_or(""), limit));
               json::value body = json::parse(ListJson(q.page));
               body.as_object()["counts"] = json::object{{"received", q.counts.received},
                                                         {"investigating", q.counts.investigating},
                                                         {"action_taken", q.counts.action_taken},
                                                         {"overdue", q.counts.overdue}};
               return http::JsonText(200, json::serialize(body)).WithHeader("Cache-Control", "no-store");
             },
             {.access = http::Access::kPolicy, .action = "quality.case.manage"});

  router.Add("GET", "/api/v1/organizations/{id}/quality-cases",
             [&cases](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(int limit, http::LimitParam(r, 50));
               ALLMENDE_ASSIGN_OR_RETURN(
                   auto page, cases.OfProvider(actor, std::string(r.Param("id")), r.QueryParam("state").value_or("all"),
                                               r.QueryParam("cursor").value_or(""), limit));
               return http::JsonText(200, ListJson(page)).WithHeader("Cache-Control", "no-store");
             },
             {.access = http::Access::kPolicy, .action = "quality.provider"});

  router.Add("GET", "/api/v1/quality-cases/{id}",
             [&cases](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(Case k, cases.Get(actor, std::string(r.Param("id"))));
               return CaseResponse(200, k);
             },
             {.access = http::Access::kSignedIn});

  router.Add("POST", "/api/v1/quality-cases/{id}/transition",
             [&cases](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(std::int64_t version, http::IfMatchVersion(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
               JsonFields f(doc);
               std::string to;
               std::optional<std::string> note, resolution;
               std::optional<bool> upheld;
               f.Required("to", &to);
               f.Optional("note", &note);
               f.Optional("resolution", &resolution);
               f.Optional("upheld", &upheld);
               f.RejectOthers();
               ALLMENDE_TRY(f.Finish());
               ALLMENDE_ASSIGN_OR_RETURN(Case k, cases.Transition(actor, std::string(r.Param("id")), version, to,
                                                                  note.value_or(""), resolution.value_or(""), upheld));
               return CaseResponse(200, k);
             },
             {.access = http::Access::kSignedIn, .body_limit = 32 * 1024, .json_body = true});

  router.Add("POST", "/api/v1/quality-cases/{id}/assign",
             [&cases](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(std::int64_t version, http::IfMatchVersion(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
               JsonFields f(doc);
               std::string assignee;
               f.Required("assignee_id", &assignee);
               f.RejectOthers();
               ALLMENDE_TRY(f.Finish());
               ALLMENDE_ASSIGN_OR_RETURN(Case k, cases.Assign(actor, std::string(r.Param("id")), version, assignee));
               return CaseResponse(200, k);
             },
             {.access = http::Access::kSignedIn, .body_limit = 1024, .json_body = true});

  router.Add("POST", "/api/v1/quality-cases/{id}/messages",
             [&cases](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
               JsonFields f(doc);
               std::string body;
               std::optional<std::string> visibility;
               f.Required("body", &body);
               f.Optional("visibility", &visibility);
               f.RejectOthers();
               ALLMENDE_TRY(f.Finish());
               ALLMENDE_ASSIGN_OR_RETURN(
                   Case k, cases.Message(actor, std::string(r.Param("id")), body, visibility.value_or("")));
               return CaseResponse(201, k);
             },
             {.access = http::Access::kSignedIn, .body_limit = 32 * 1024, .json_body = true});

  router.Add("POST", "/api/v1/quality-cases/{id}/attachments",
             [&cases](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               std::string type(r.Header("content-type"));
               type = type.substr(0, type.find(';'));
               while (!type.empty() && type.back() == ' ') type.pop_back();
               ALLMENDE_ASSIGN_OR_RETURN(Attachment a,
                                         cases.Attach(actor, std::string(r.Param("id")),
                                                      r.QueryParam("name").value_or("attachment"), type, r.body));
               return http::JsonText(201, json::serialize(json::object{{"id", a.id},
                                                                       {"file_name", a.file_name},
                                                                       {"content_type", a.content_type},
                                                                       {"byte_size", a.byte_size},
                                                                       {"created_at", a.created_at}}));
             },
             {.access = http::Access::kSignedIn, .body_limit = static_cast<std::int64_t>(kAttachmentLimit)});

  router.Add("GET", "/api/v1/quality-attachments/{id}",
             [&cases](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto file, cases.Download(actor, std::string(r.Param("id"))));
               http::Response response;
               response.status = 200;
               response.content_type = file.attachment.content_type;
               response.body = std::move(file.bytes);
               // Always a download in a sandbox: never rendered as a page of this origin.
               return response.WithHeader("Content-Disposition", Disposition(file.attachment.file_name))
                   .WithHeader("X-Content-Type-Options", "nosniff")
                   .WithHeader("Content-Security-Policy", "default-src 'none'; sandbox")
                   .WithHeader("Cache-Control", "private, no-store");
             },
             {.access = http::Access::kSignedIn});
}

}  // namespace allmende::quality
