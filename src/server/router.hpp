// Maps method + path to a handler. Paths are templates with parameters: "/api/v1/regions/{id}".
// Literal segments win over parameters, so "/regions/search" and "/regions/{id}" can coexist.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "server/http.hpp"

namespace allmende::http {

// Who may call a route. Every route declares it: Router::Add refuses a route that does not, so
// the server cannot start with a handler that might skip the policy or the access log.
enum class Access {
  kUndeclared,
  kPublic,    // anyone, signed in or not: log-in, reference data, health, the API document
  kSignedIn,  // any signed-in person or token; the handler works on the caller's own data only
  kPolicy,    // the authorization policy decides `action` (src/access/policy.cpp)
};

struct RouteOptions {
  Access access = Access::kUndeclared;
  // kPolicy: the policy action ("client.read"). The request guard checks at start-up that the
  // policy knows it, and on every request that the handler (or the guard) authorized it.
  std::string_view action = {};
  // The route reads or changes one client's personal data; says where the client's id is:
  // "{id}" a path parameter, "?client_id" a query parameter defaulting to the caller, "self" the
  // caller. The guard authorizes `action` for that client and writes the access-log entry in the
  // request's transaction, with the purpose stated in X-Access-Purpose (or the policy's default).
  std::string_view client = {};
  // Every POST honours Idempotency-Key (the first answer is stored in the request's transaction
  // and replayed for a retry) unless this says why it must not: a log-in's answer carries a new
  // session secret, which no table may keep.
  std::string_view idempotency_exempt = {};
  // The top-level field of a 2xx answer that holds a secret shown once (a new API token): the
  // copy kept for replays has it as null, so a retry creates nothing twice and no table keeps
  // the secret.
  std::string_view secret_field = {};
  // The request's transaction runs at READ COMMITTED instead of SERIALIZABLE: for writes whose
  // competing parts are guarded by their own conditions (a unique key, `WHERE state = 'open'`,
  // a version check), where serializability would only turn harmless overlaps — two orders
  // routed past the same providers at once — into retried and failed transactions.
  bool read_committed = false;
  std::int64_t body_limit = -1;  // bytes; -1: the server's default (server.body_limit)
  bool json_body = false;        // a body must be sent as application/json (415 otherwise)
  // A POST that reads (a search whose criteria are in the body) and writes at most now and then:
  // it runs among the few read workers, in the order requests came, instead of among the many
  // threads that wait for the shared commit.
  bool reads = false;
  // Only for public handlers that never block: no database, no authentication, no locks held long.
  bool run_on_io_thread = false;
  bool csrf_exempt = false;  // log-in and links from e-mails: they do not act with the rights of a session
};

struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
  RouteOptions options;
  std::size_t index = 0;  // position in Routes(), for per-route metrics
};

struct RouteMatch {
  const Route* route = nullptr;  // null: no route
  std::vector<std::pair<std::string, std::string>> params;
  std::vector<std::string> allowed;  // when the path matched but not the method (405)
};

class Router {
 public:
  Router();
  ~Router();
  Router(const Router&) = delete;
  Router& operator=(const Router&) = delete;

  // Registers a route. Aborts start-up (throws std::logic_error) on a duplicate or malformed
  // pattern: a programming error, never a run-time condition.
  void Add(std::string method, std::string pattern, Handler handler, RouteOptions options = {});

  // Finds the route for a decoded path. Never allocates for literal-only routes beyond the result.
  RouteMatch Match(std::string_view method, std::string_view path) const;

  // What runs a matched route: the access module's request guard, which enforces each route's
  // declaration (authorization, access log, idempotency) around its handler.
  using Guard = std::function<Result<Response>(const Route&, const Request&)>;
  void SetGuard(Guard guard) { guard_ = std::move(guard); }
  // Runs the route's handler through the guard. Without a guard only public routes run (the HTTP
  // layer's own tests); any other answers Internal, so a server wired without one fails closed.
  Result<Response> Run(const Route& route, const Request& request) const;

  const std::vector<std::unique_ptr<Route>>& Routes() const { return routes_; }

 private:
  struct Node;
  std::unique_ptr<Node> root_;
  std::vector<std::unique_ptr<Route>> routes_;
  Guard guard_;
};

// "GET /api/v1/me": how logs and errors name a route.
std::string RouteName(const Route& route);

}  // namespace allmende::http
