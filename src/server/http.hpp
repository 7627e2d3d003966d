// The request and response every handler sees. Deliberately free of Beast and Asio so that
// feature code compiles fast and can be tested without a network.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.hpp"

namespace allmende::http {

// Who sent the request, as established by authentication before the handler runs.
struct Principal {
  std::string id;               // user id, or "admin-token" for the bootstrap token
  std::string role;             // "platform_admin", "user" or "api_token" (organization roles come with memberships)
  std::string session_id = {};  // set when authenticated by a browser session cookie
  // False for a cookie-authenticated state-changing request without the session's CSRF token;
  // the server then answers 403 unless the route is csrf_exempt.
  bool csrf_verified = true;
  // The session showed a second factor (set for tokens; false unless an authenticator says so). Staff roles count only
  // then, unless the account is exempt (a demo account on a server in demo mode).
  bool mfa_verified = false;
  bool mfa_exempt = false;
  // An organization API token ("api_token" role): the organization it acts for and its scopes.
  std::string organization_id = {};
  std::vector<std::string> scopes = {};
};

struct Request {
  std::string method;                                        // upper case, as sent
  std::string path;                                          // percent-decoded, without the query
  std::vector<std::pair<std::string, std::string>> query;    // decoded, in order
  std::vector<std::pair<std::string, std::string>> headers;  // names lower case
  std::vector<std::pair<std::string, std::string>> params;   // path parameters from the route
  std::string body;
  std::string request_id;
  std::string remote_address;
  std::optional<Principal> principal;

  // Empty if absent. Header names are matched case-insensitively.
  std::string_view Header(std::string_view name) const;
  // The first value of a query parameter, or nullopt.
  std::optional<std::string> QueryParam(std::string_view name) const;
  // A path parameter of the matched route ("{id}" → Param("id")).
  std::string_view Param(std::string_view name) const;
};

// A response body produced over time (Server-Sent Events). The server sends the head, then
// whatever Pull() returns whenever the stream wakes it, and a comment line as heartbeat.
class ResponseStream {
 public:
  virtual ~ResponseStream() = default;
  // Called once by the server before the first Pull. The stream calls `wake` (from any thread)
  // when Pull has something to return.
  virtual void SetWaker(std::function<void()> wake) = 0;
  // What is ready to send, possibly empty. Never blocks.
  virtual std::string Pull() = 0;
  // The client went away or the server is stopping. Called once.
  virtual void Close() = 0;
};

struct Response {
  int status = 200;
  std::string content_type;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
  std::shared_ptr<ResponseStream> stream;                    // set: body is streamed, `body` unused

  Response& WithHeader(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

using Handler = std::function<Result<Response>(const Request&)>;

// The `limit` query parameter of a list: `fallback` when absent, InvalidArgument (field "limit")
// when it is not an integer. The service checks the range.
Result<int> LimitParam(const Request& request, int fallback = 20);

// A JSON response from an already serialized document.
Response JsonText(int status, std::string json);
Response NoContent();

// The version in `If-Match: "3"` (a weak tag too). InvalidArgument on "If-Match" when absent or
// not one of our ETags.
Result<std::int64_t> IfMatchVersion(const Request& request);

// `{"items":[…]}` from each item's JSON; with `with_cursor` also `"next_cursor"` (null on the
// last page).
template <typename T, typename F>
std::string ItemsJson(const std::vector<T>& items, F json, const std::optional<std::string>& next = std::nullopt,
                      bool with_cursor = false) {
  std::string body = "{\"items\":[";
  for (std::size_t i = 0; i < items.size(); ++i) body += (i ? "," : "") + json(items[i]);
  body += "]";
  if (with_cursor) body += ",\"next_cursor\":" + (next ? "\"" + *next + "\"" : std::string("null"));
  return body + "}";
}

}  // namespace allmende::http
