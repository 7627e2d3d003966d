// Maps method + path to a handler. Paths are templates with parameters: "/api/v1/regions/{id}".
// Literal segments win over parameters, so "/regions/search" and "/regions/{id}" can coexist.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "server/http.hpp"

namespace allmende::http {

struct RouteOptions {
  std::int64_t body_limit = -1;   // bytes; -1: the server's default (server.body_limit)
  bool json_body = false;         // a body must be sent as application/json (415 otherwise)
  bool run_on_io_thread = false;  // only for handlers that never block (no database, no locks held long)
  bool csrf_exempt = false;       // log-in and links from e-mails: they do not act with the rights of a session
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

  const std::vector<std::unique_ptr<Route>>& Routes() const { return routes_; }

 private:
  struct Node;
  std::unique_ptr<Node> root_;
  std::vector<std::unique_ptr<Route>> routes_;
};

}  // namespace allmende::http
