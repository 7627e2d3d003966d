#include "server/router.hpp"

#include <stdexcept>

namespace allmende::http {

struct Router::Node {
  std::map<std::string, std::unique_ptr<Node>, std::less<>> literal;
  std::unique_ptr<Node> param;
  std::string param_name;
  std::map<std::string, const Route*, std::less<>> methods;
};

namespace {

// Splits "/a/b/" into {"a", "b", ""}; the leading slash is required and dropped.
std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  if (path.empty() || path[0] != '/') return out;
  path.remove_prefix(1);
  for (;;) {
    auto slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

// A declaration that cannot be enforced is a programming error: refuse it at start-up.
void CheckDeclaration(const std::string& method, const std::string& pattern, const RouteOptions& o) {
  const std::string name = method + " " + pattern;
  auto fail = [&](const std::string& why) { throw std::logic_error("route " + name + " " + why); };
  if (o.access == Access::kUndeclared) {
    fail("declares no access rule: set .access to kPublic, kSignedIn, or kPolicy with its .action");
  }
  if (o.access == Access::kPolicy && o.action.empty()) fail("is kPolicy but names no .action");
  if (o.access != Access::kPolicy && !o.action.empty()) fail("names an .action but is not kPolicy");
  if (!o.client.empty()) {
    if (o.access != Access::kPolicy) fail("touches client data, so it must be kPolicy with a client action");
    bool path_param = o.client.size() > 2 && o.client.front() == '{' && o.client.back() == '}';
    if (path_param && pattern.find(o.client) == std::string::npos)
      fail("names client " + std::string(o.client) + ", which its path does not have");
    if (!path_param && !o.client.starts_with("?") && o.client != "self") {
      fail("names client '" + std::string(o.client) + "': use \"{param}\", \"?query\" or \"self\"");
    }
  }
  if (!o.idempotency_exempt.empty() && method != "POST") fail("is exempt from Idempotency-Key but is not a POST");
  if (o.run_on_io_thread && o.access != Access::kPublic) {
    fail("runs on the I/O thread, where nothing may authenticate (it reads the database): only public routes may");
  }
}

}  // namespace

std::string RouteName(const Route& route) { return route.method + " " + route.pattern; }

Result<Response> Router::Run(const Route& route, const Request& request) const {
  if (guard_) return guard_(route, request);
  if (route.options.access == Access::kPublic) return route.handler(request);
  return Error::Internal("No request guard is installed for " + RouteName(route) + ".");
}

Router::Router() : root_(std::make_unique<Node>()) {}
Router::~Router() = default;

void Router::Add(std::string method, std::string pattern, Handler handler, RouteOptions options) {
  if (pattern.empty() || pattern[0] != '/') throw std::logic_error("route pattern must start with /: " + pattern);
  CheckDeclaration(method, pattern, options);
  Node* node = root_.get();
  for (std::string_view seg : Segments(pattern)) {
    if (seg.size() >= 2 && seg.front() == '{' && seg.back() == '}') {
      std::string name(seg.substr(1, seg.size() - 2));
      if (!node->param) {
        node->param = std::make_unique<Node>();
        node->param_name = name;
      } else if (node->param_name != name) {
        throw std::logic_error("route " + pattern + " names parameter {" + name + "} where another route has {" +
                               node->param_name + "}");
      }
      node = node->param.get();
    } else {
      auto& child = node->literal[std::string(seg)];
      if (!child) child = std::make_unique<Node>();
      node = child.get();
    }
  }
  if (node->methods.count(method)) throw std::logic_error("duplicate route " + method + " " + pattern);
  auto route = std::make_unique<Route>();
  route->method = std::move(method);
  route->pattern = std::move(pattern);
  route->handler = std::move(handler);
  route->options = options;
  route->index = routes_.size();
  node->methods[route->method] = route.get();
  routes_.push_back(std::move(route));
}

RouteMatch Router::Match(std::string_view method, std::string_view path) const {
  RouteMatch result;
  auto segments = Segments(path);
  if (segments.empty()) return result;
  // Depth-first with literal before parameter; backtracks when a literal branch dead-ends.
  std::vector<std::pair<std::string, std::string>> params;
  const Node* found = nullptr;
  auto walk = [&](auto&& self, const Node* node, std::size_t i) -> bool {
    if (i == segments.size()) {
      if (node->methods.empty()) return false;
      found = node;
      return true;
    }
    if (auto it = node->literal.find(segments[i]); it != node->literal.end()) {
      if (self(self, it->second.get(), i + 1)) return true;
    }
    if (node->param && !segments[i].empty()) {
      params.emplace_back(node->param_name, std::string(segments[i]));
      if (self(self, node->param.get(), i + 1)) return true;
      params.pop_back();
    }
    return false;
  };
  if (!walk(walk, root_.get(), 0)) return result;
  if (auto it = found->methods.find(method); it != found->methods.end()) {
    result.route = it->second;
    result.params = std::move(params);
    return result;
  }
  for (const auto& [m, r] : found->methods) result.allowed.push_back(m);
  return result;
}

}  // namespace allmende::http
