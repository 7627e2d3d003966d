// Internals of the HTTP server shared by http_server.cpp (lifecycle: listen, accept, shutdown)
// and http_session.cpp (one connection: read, dispatch, respond). Only these two files include
// Beast and Asio.
#pragma once

#include <boost/asio.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <memory>
#include <mutex>
#include <unordered_set>

#include "server/http_server.hpp"

namespace allmende::http {
namespace detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
constexpr auto kUseTuple = asio::as_tuple(asio::use_awaitable);

struct Connection {
  explicit Connection(tcp::socket socket) : stream(std::move(socket)), read_timer(stream.get_executor()) {}
  beast::tcp_stream stream;
  // Deadline of a request read. Beast's own stream timeout closes the socket, which would leave
  // no way to answer 408; this timer only cancels the read, so the connection can still reply.
  asio::steady_timer read_timer;
  bool read_timed_out = false;
  bool idle = false;  // waiting for the next request; only touched on the connection's own thread
};

// Arms the deadline of a request read: when it passes, the read is cancelled (not the socket
// closed, as Beast's own timeout would), so the connection can still answer 408.
void ArmReadDeadline(const std::shared_ptr<Connection>& conn, int ms);
// True if a read ended because its deadline passed (and not because the client went away).
bool TimedOut(Connection& conn, boost::system::error_code ec);

template <typename F>
asio::awaitable<Response> OnWorkers(asio::thread_pool& pool, F fn) {
  return asio::async_initiate<decltype(asio::use_awaitable), void(Response)>(
      [&pool](auto handler, F work) {
        auto guard = asio::make_work_guard(asio::get_associated_executor(handler));
        asio::post(pool, [handler = std::move(handler), work = std::move(work), guard = std::move(guard)]() mutable {
          Response response = work();
          auto executor = guard.get_executor();
          asio::post(executor, [handler = std::move(handler), response = std::move(response)]() mutable {
            std::move(handler)(std::move(response));
          });
        });
      },
      asio::use_awaitable, std::move(fn));
}

}  // namespace detail

using namespace detail;  // NOLINT(google-build-using-namespace): internal header of two files

struct HttpServer::Impl {
  Impl(const ServerConfig& c, bool log_requests, const Router& r, Metrics& m, const StaticFiles& s, Authenticator a)
      : config(c), access_log(log_requests), router(r), metrics(m), static_files(s), authenticate(std::move(a)) {
    int io = IoThreads(config);
    for (int i = 0; i < io; ++i) {
      contexts.push_back(std::make_unique<asio::io_context>(1));
      guards.push_back(asio::make_work_guard(*contexts.back()));
    }
    int workers = WorkerThreads(config);
    pool = std::make_unique<asio::thread_pool>(static_cast<std::size_t>(workers));
    write_pool = std::make_unique<asio::thread_pool>(static_cast<std::size_t>(std::max(1, config.write_threads)));
    acceptor.emplace(*contexts[0]);
    signals.emplace(*contexts[0], SIGINT, SIGTERM);
    shutdown_timer.emplace(*contexts[0]);
  }

  asio::awaitable<void> Accept();
  asio::awaitable<void> Session(std::shared_ptr<Connection> conn);
  Response Dispatch(Request& request, const RouteMatch& match, std::string_view content_type);
  asio::awaitable<void> WriteResponse(Connection& conn, Response response, bool keep_alive, bool head,
                                      const std::string& request_id);
  asio::awaitable<void> Close(Connection& conn, bool drain);
  asio::awaitable<void> Stream(const std::shared_ptr<Connection>& conn, Response response,
                               const std::string& request_id);
  void Register(const std::shared_ptr<Connection>& c);
  void Unregister(const std::shared_ptr<Connection>& c);
  void ReleaseContexts();
  void Stop();

  const ServerConfig& config;
  bool access_log;
  const Router& router;
  Metrics& metrics;
  const StaticFiles& static_files;
  Authenticator authenticate;

  std::vector<std::unique_ptr<asio::io_context>> contexts;
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> guards;
  std::unique_ptr<asio::thread_pool> pool;        // reads: CPU-bound, few threads
  std::unique_ptr<asio::thread_pool> write_pool;  // writes: mostly waiting for the group commit
  std::optional<tcp::acceptor> acceptor;
  std::optional<asio::signal_set> signals;
  std::optional<asio::steady_timer> shutdown_timer;
  std::atomic<bool> stopping{false};
  std::once_flag release_once;
  std::atomic<bool> released{false};
  std::mutex conn_mu;
  std::unordered_set<std::shared_ptr<Connection>> connections;
  std::size_t next_context = 0;
};

}  // namespace allmende::http
