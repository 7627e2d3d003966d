#include "demo/mailbox_routes.hpp"

#include <boost/json.hpp>
#include <optional>

#include "demo/mailbox_client.hpp"

namespace allmende::demo {
namespace {

// The mailbox keeps at most this many by default; the list shows them all.
constexpr int kListLimit = 500;

// One message as the API documents it (src/demo/openapi.json), from the mailbox's JSON. Only
// the documented fields pass, each checked to be a string.
Result<boost::json::object> Message(const boost::json::value& v, bool with_text) {
  const auto* in = v.if_object();
  boost::json::object out;
  std::vector<const char*> fields{"id", "from", "to", "subject", "received_at"};
  if (with_text) fields.push_back("text");
  for (const char* f : fields) {
    const boost::json::value* value = in ? in->if_contains(f) : nullptr;
    if (!value || !value->is_string()) return Error::Unavailable("The demo mailbox answered something unexpected.");
    out[f] = value->as_string();
  }
  return out;
}

Result<boost::json::value> ParseMailboxAnswer(const std::string& body) {
  boost::system::error_code ec;
  boost::json::value doc = boost::json::parse(body, ec);
  if (ec) return Error::Unavailable("The demo mailbox answered something unexpected.");
  return doc;
}

bool Digits(std::string_view s) {
  return !s.empty() && s.size() <= 19 && s.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

void AddDemoMailboxRoutes(http::Router& router, const Config& config) {
  const bool demo_mode = config.identity.demo_mode;
  std::optional<MailboxClient> mailbox;
  if (demo_mode && !config.demo.mailbox_url.empty()) mailbox.emplace(config.demo.mailbox_url);

  boost::json::object about{{"demo_mode", demo_mode}, {"mailbox", mailbox.has_value()}};
  router.Add("GET", "/api/v1/demo",
             [body = boost::json::serialize(about)](const http::Request&) -> Result<http::Response> {
               return http::JsonText(200, body).WithHeader("Cache-Control", "no-cache");
             },
             {.access = http::Access::kPublic, .run_on_io_thread = true});

  router.Add("GET", "/api/v1/demo/mailbox",
             [mailbox](const http::Request&) -> Result<http::Response> {
               if (!mailbox) return Error::NotFound("This server has no demo mailbox.");
               ALLMENDE_ASSIGN_OR_RETURN(std::string body,
                                         mailbox->Get("/messages?summary=true&limit=" + std::to_string(kListLimit)));
               ALLMENDE_ASSIGN_OR_RETURN(boost::json::value doc, ParseMailboxAnswer(body));
               const auto* items = doc.is_object() ? doc.as_object().if_contains("items") : nullptr;
               if (!items || !items->is_array())
                 return Error::Unavailable("The demo mailbox answered something unexpected.");
               boost::json::array out;
               for (const auto& item : items->as_array()) {
                 ALLMENDE_ASSIGN_OR_RETURN(boost::json::object m, Message(item, false));
                 out.push_back(std::move(m));
               }
               return http::JsonText(200, boost::json::serialize(boost::json::object{{"items", std::move(out)}}))
                   .WithHeader("Cache-Control", "no-store");
             },
             {.access = http::Access::kPublic});

  router.Add("GET", "/api/v1/demo/mailbox/{id}",
             [mailbox](const http::Request& r) -> Result<http::Response> {
               if (!mailbox) return Error::NotFound("This server has no demo mailbox.");
               std::string_view id = r.Param("id");
               // The mailbox numbers its messages; anything else is not one of them, and is never sent on.
               if (!Digits(id)) return Error::NotFound("There is no such message in the demo mailbox.");
               ALLMENDE_ASSIGN_OR_RETURN(std::string body, mailbox->Get("/messages/" + std::string(id)));
               ALLMENDE_ASSIGN_OR_RETURN(boost::json::value doc, ParseMailboxAnswer(body));
               ALLMENDE_ASSIGN_OR_RETURN(boost::json::object m, Message(doc, true));
               return http::JsonText(200, boost::json::serialize(m)).WithHeader("Cache-Control", "no-store");
             },
             {.access = http::Access::kPublic});
}

}  // namespace allmende::demo
