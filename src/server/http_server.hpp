// The HTTP/1.1 server: Boost.Beast on Asio coroutines, with a pool of I/O threads (one
// io_context each) and a separate pool of worker threads that run handlers, so database work
// never blocks network I/O. This header is free of Beast and Asio; only http_server.cpp pays
// their compile time.
#pragma once

#include <functional>
#include <memory>
#include <optional>

#include "common/config.hpp"
#include "server/http.hpp"
#include "server/metrics.hpp"
#include "server/router.hpp"
#include "server/static_files.hpp"

namespace allmende::http {

// Establishes who sent a request from its headers. Returns nullopt for an anonymous request and
// Unauthenticated for credentials that were presented but are not valid.
using Authenticator = std::function<Result<std::optional<Principal>>(const Request&)>;

class HttpServer {
 public:
  // `access_log`: write one JSON line per request.
  HttpServer(const ServerConfig& config, bool access_log, const Router& router, Metrics& metrics,
             const StaticFiles& static_files, Authenticator authenticator);
  ~HttpServer();

  // Binds and listens. Returns the bound port (useful with port 0), or Unavailable naming the
  // address if it is taken.
  Result<int> Listen();

  // Serves until SIGINT/SIGTERM or Stop(), then shuts down gracefully: stops accepting, closes
  // idle keep-alive connections, lets in-flight requests finish (each gets its response with
  // "Connection: close") and forces the rest closed at the shutdown deadline. Returns when every
  // handler has finished.
  void Run();

  // Begins the graceful shutdown. Thread-safe, idempotent.
  void Stop();

  // True once shutdown has begun; /readyz answers 503 from then on so balancers drain us.
  bool stopping() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace allmende::http
