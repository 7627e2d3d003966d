// The server's lifecycle: threads and contexts, listening and accepting, graceful shutdown.
#include <fstream>
#include <thread>

#include "common/log.hpp"
#include "server/http_server_internal.hpp"

namespace allmende::http {

void HttpServer::Impl::Register(const std::shared_ptr<Connection>& c) {
  std::lock_guard lock(conn_mu);
  connections.insert(c);
  metrics.ConnectionOpened();
}

void HttpServer::Impl::Unregister(const std::shared_ptr<Connection>& c) {
  bool last = false;
  {
    std::lock_guard lock(conn_mu);
    connections.erase(c);
    last = connections.empty() && stopping.load();
  }
  metrics.ConnectionClosed();
  if (last) ReleaseContexts();
}

void HttpServer::Impl::ReleaseContexts() {
  std::call_once(release_once, [this] {
    released = true;
    asio::post(*contexts[0], [this] { shutdown_timer->cancel(); });
    for (auto& g : guards) g.reset();
  });
}

void HttpServer::Impl::Stop() {
  if (stopping.exchange(true)) return;
  log::Info("shutdown_started", {{"deadline_ms", config.shutdown_timeout_ms}});
  asio::post(*contexts[0], [this] {
    boost::system::error_code ec;
    acceptor->close(ec);
    signals->cancel(ec);
    if (released) return;
    shutdown_timer->expires_after(std::chrono::milliseconds(config.shutdown_timeout_ms));
    shutdown_timer->async_wait([this](boost::system::error_code ec) {
      if (ec) return;  // cancelled: everything finished in time
      std::lock_guard lock(conn_mu);
      log::Warn("shutdown_deadline_reached", {{"connections_cut", static_cast<std::int64_t>(connections.size())}});
      for (const auto& c : connections) {
        asio::post(c->stream.get_executor(), [c] { c->stream.socket().close(); });
      }
    });
  });
  std::lock_guard lock(conn_mu);
  for (const auto& c : connections) {
    asio::post(c->stream.get_executor(), [c] {
      if (c->idle) {
        c->stream.cancel();
        c->read_timer.cancel();  // an event stream waiting for its next event
      }
    });
  }
  if (connections.empty()) {
    asio::post(*contexts[0], [this] {
      std::lock_guard lock(conn_mu);
      if (connections.empty()) ReleaseContexts();
    });
  }
}

asio::awaitable<void> HttpServer::Impl::Accept() {
  for (;;) {
    auto& context = *contexts[next_context++ % contexts.size()];
    auto [ec, socket] = co_await acceptor->async_accept(context, kUseTuple);
    if (ec) {
      if (stopping || ec == asio::error::operation_aborted) co_return;
      log::Warn("accept_failed", {{"error", ec.message()}});
      // Out of file descriptors: back off briefly instead of spinning.
      asio::steady_timer t(*contexts[0], std::chrono::milliseconds(50));
      co_await t.async_wait(kUseTuple);
      continue;
    }
    boost::system::error_code opt_ec;
    socket.set_option(tcp::no_delay(true), opt_ec);
    auto conn = std::make_shared<Connection>(std::move(socket));
    Register(conn);
    asio::co_spawn(context, Session(conn), asio::detached);
  }
}

HttpServer::HttpServer(const ServerConfig& config, bool access_log, const Router& router, Metrics& metrics,
                       const StaticFiles& static_files, Authenticator authenticator)
    : impl_(std::make_unique<Impl>(config, access_log, router, metrics, static_files, std::move(authenticator))) {}

HttpServer::~HttpServer() = default;

Result<int> HttpServer::Listen() {
  auto& a = *impl_->acceptor;
  boost::system::error_code ec;
  auto address = asio::ip::make_address(impl_->config.host, ec);
  if (ec) return Error::Invalid("server.host", "is not an IP address: " + impl_->config.host);
  tcp::endpoint endpoint(address, static_cast<unsigned short>(impl_->config.port));
  a.open(endpoint.protocol(), ec);
  if (!ec) a.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) a.bind(endpoint, ec);
  if (!ec) a.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return Error::Unavailable("Cannot listen on " + impl_->config.host + ":" + std::to_string(impl_->config.port) +
                              ": " + ec.message());
  }
  int port = a.local_endpoint().port();
  if (!impl_->config.port_file.empty()) {
    std::string tmp = impl_->config.port_file + ".tmp";
    std::ofstream(tmp) << port << "\n";
    std::rename(tmp.c_str(), impl_->config.port_file.c_str());
  }
  return port;
}

void HttpServer::Run() {
  auto& impl = *impl_;
  asio::co_spawn(*impl.contexts[0], impl.Accept(), asio::detached);
  impl.signals->async_wait([&impl](boost::system::error_code ec, int signal) {
    if (ec) return;
    log::Info("signal_received", {{"signal", signal}});
    impl.Stop();
  });
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < impl.contexts.size(); ++i) {
    threads.emplace_back([&impl, i] { impl.contexts[i]->run(); });
  }
  impl.contexts[0]->run();
  for (auto& t : threads) t.join();
  impl.pool->join();
  impl.write_pool->join();
  log::Info("shutdown_complete");
}

void HttpServer::Stop() { impl_->Stop(); }

bool HttpServer::stopping() const { return impl_->stopping.load(); }

}  // namespace allmende::http
