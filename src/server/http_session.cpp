// One client connection: reads requests under deadlines, dispatches them, writes responses and
// event streams.
#include <boost/url/parse.hpp>

#include "common/ids.hpp"
#include "common/log.hpp"
#include "server/http_server_internal.hpp"
#include "server/problem.hpp"

namespace allmende::http {
namespace detail {

void ArmReadDeadline(const std::shared_ptr<Connection>& conn, int ms) {
  conn->read_timed_out = false;
  conn->stream.expires_never();
  conn->read_timer.expires_after(std::chrono::milliseconds(ms));
  conn->read_timer.async_wait([weak = std::weak_ptr<Connection>(conn)](boost::system::error_code ec) {
    if (ec) return;
    if (auto c = weak.lock()) {
      c->read_timed_out = true;
      boost::system::error_code ignored;
      c->stream.socket().cancel(ignored);
    }
  });
}

// True if a read ended because its deadline passed (and not because the client went away).
bool TimedOut(Connection& conn, boost::system::error_code ec) {
  conn.read_timer.cancel();
  return conn.read_timed_out && ec == asio::error::operation_aborted;
}

// Runs `fn` on the worker pool and resumes the coroutine on its own I/O thread with the result.

}  // namespace detail

namespace {

// Headers every response carries. The CSP allows only our own origin; inline styles are
// allowed because component libraries set style attributes.
constexpr std::pair<std::string_view, std::string_view> kSecurityHeaders[] = {
    {"Content-Security-Policy",
     "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
     "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
     "frame-ancestors 'none'"},
    {"X-Content-Type-Options", "nosniff"},
    {"X-Frame-Options", "DENY"},
    {"Referrer-Policy", "no-referrer"},
    {"Cross-Origin-Opener-Policy", "same-origin"},
    {"Permissions-Policy", "camera=(), microphone=(), geolocation=()"},
};

bool IsValidRequestId(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') return false;
  }
  return true;
}

std::string_view MediaType(std::string_view content_type) {
  auto semi = content_type.find(';');
  auto t = content_type.substr(0, semi);
  while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
  return t;
}

bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

Response HttpServer::Impl::Dispatch(Request& request, const RouteMatch& match, std::string_view content_type) {
  const Route& route = *match.route;
  try {
    if (route.options.json_body && (!request.body.empty() || !content_type.empty()) &&
        !IEquals(MediaType(content_type), "application/json")) {
      return ProblemResponse({ErrorCode::kUnsupportedMediaType,
                              "Send the body as application/json (got '" + std::string(content_type) + "').",
                              {}},
                             request.request_id, request.path);
    }
    // Authentication reads (and may write) the session: never on an I/O thread, where only
    // public routes that touch no database run.
    if (authenticate && !route.options.run_on_io_thread) {
      auto principal = authenticate(request);
      if (!principal.ok()) return ProblemResponse(principal.error(), request.request_id, request.path);
      request.principal = std::move(*principal);
      if (request.principal && !request.principal->csrf_verified && !route.options.csrf_exempt) {
        return ProblemResponse(
            Error::PermissionDenied("This request needs the CSRF token of your session in the X-CSRF-Token header."),
            request.request_id, request.path);
      }
    }
    request.params = match.params;
    Result<Response> result = router.Run(route, request);
    if (result.ok()) return std::move(*result);
    if (result.error().code == ErrorCode::kInternal) {
      log::Error("handler_failed",
                 {{"request_id", request.request_id}, {"route", route.pattern}, {"error", result.error().message}});
    }
    return ProblemResponse(result.error(), request.request_id, request.path);
  } catch (const std::exception& e) {
    log::Error("handler_threw", {{"request_id", request.request_id}, {"route", route.pattern}, {"error", e.what()}});
  }
  return ProblemResponse(Error::Internal("exception"), request.request_id, request.path);
}

asio::awaitable<void> HttpServer::Impl::WriteResponse(Connection& conn, Response response, bool keep_alive, bool head,
                                                      const std::string& request_id) {
  bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(response.status), 11};
  if (!response.content_type.empty()) res.set(bhttp::field::content_type, response.content_type);
  res.set(bhttp::field::server, "allmende");
  res.set("X-Request-Id", request_id);
  for (const auto& [name, value] : kSecurityHeaders) res.set(name, value);
  bool cache_set = false;
  for (auto& [name, value] : response.headers) {
    cache_set |= IEquals(name, "cache-control");
    res.set(name, value);
  }
  // API answers may carry personal data: never let a shared cache keep them.
  if (!cache_set) res.set(bhttp::field::cache_control, "no-store");
  res.keep_alive(keep_alive);
  std::size_t body_size = response.body.size();
  res.body() = std::move(response.body);
  res.prepare_payload();
  conn.stream.expires_after(std::chrono::milliseconds(config.body_timeout_ms));
  if (head) {
    res.content_length(body_size);
    bhttp::response_serializer<bhttp::string_body> sr{res};
    co_await bhttp::async_write_header(conn.stream, sr, kUseTuple);
  } else {
    co_await bhttp::async_write(conn.stream, res, kUseTuple);
  }
}

asio::awaitable<void> HttpServer::Impl::Stream(const std::shared_ptr<Connection>& conn, Response response,
                                               const std::string& request_id) {
  bhttp::response<bhttp::empty_body> res{static_cast<bhttp::status>(response.status), 11};
  res.set(bhttp::field::content_type, response.content_type);
  res.set(bhttp::field::server, "allmende");
  res.set("X-Request-Id", request_id);
  for (const auto& [name, value] : kSecurityHeaders) res.set(name, value);
  res.set(bhttp::field::cache_control, "no-store");
  res.set("X-Accel-Buffering", "no");  // tell nginx in front not to buffer the stream
  for (auto& [name, value] : response.headers) res.set(name, value);
  res.chunked(true);
  bhttp::response_serializer<bhttp::empty_body> sr{res};
  conn->stream.expires_after(std::chrono::milliseconds(config.body_timeout_ms));
  auto [hec, hn] = co_await bhttp::async_write_header(conn->stream, sr, kUseTuple);
  auto source = response.stream;
  if (!hec) {
    // The source wakes us from any thread; the wake runs on this connection's thread and can only
    // run while we wait, so no wake is lost between Pull() and the wait.
    source->SetWaker([weak = std::weak_ptr<Connection>(conn), executor = conn->stream.get_executor()] {
      asio::post(executor, [weak] {
        if (auto c = weak.lock()) c->read_timer.cancel();
      });
    });
    for (;;) {
      std::string data = source->Pull();
      if (data.empty()) {
        conn->idle = true;
        conn->read_timer.expires_after(std::chrono::seconds(15));
        co_await conn->read_timer.async_wait(kUseTuple);
        conn->idle = false;
        if (stopping) break;
        data = source->Pull();
        if (data.empty()) data = ": keep-alive\n\n";
      }
      conn->stream.expires_after(std::chrono::milliseconds(config.body_timeout_ms));
      auto [wec, wn] = co_await asio::async_write(conn->stream, bhttp::make_chunk(asio::buffer(data)), kUseTuple);
      if (wec || stopping) break;
    }
  }
  source->Close();
  conn->stream.expires_after(std::chrono::milliseconds(500));
  co_await asio::async_write(conn->stream, bhttp::make_chunk_last(), kUseTuple);
}

asio::awaitable<void> HttpServer::Impl::Close(Connection& conn, bool drain) {
  boost::system::error_code ec;
  conn.stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  if (drain && !ec) {
    // Read what the client is still sending (an unread body) for a moment, so that closing the
    // socket does not reset the connection before the client has read our error response.
    conn.stream.expires_after(std::chrono::milliseconds(500));
    std::array<char, 16384> sink;
    std::size_t total = 0;
    for (;;) {
      auto [rec, n] = co_await conn.stream.async_read_some(asio::buffer(sink), kUseTuple);
      total += n;
      if (rec || total > (4u << 20)) break;
    }
  }
  conn.stream.socket().close(ec);
}

asio::awaitable<void> HttpServer::Impl::Session(std::shared_ptr<Connection> conn) {
  beast::flat_buffer buffer;
  auto& stream = conn->stream;
  std::string remote;
  {
    boost::system::error_code ec;
    auto ep = stream.socket().remote_endpoint(ec);
    if (!ec) remote = ep.address().to_string();
  }
  bool drain_on_close = false;
  for (;;) {
    if (buffer.size() == 0) {
      if (stopping) break;
      conn->idle = true;
      stream.expires_after(std::chrono::milliseconds(config.idle_timeout_ms));
      auto [ec, n] = co_await stream.async_read_some(buffer.prepare(8192), kUseTuple);
      conn->idle = false;
      if (ec) break;  // closed by the client, idle timeout, or shutdown
      buffer.commit(n);
    }

    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(config.header_limit));
    // No body limit while the head is read: Beast would otherwise reject a Content-Length over the
    // global limit as a malformed head (400) before the route's own limit answers 413 below.
    parser.body_limit(boost::none);
    ArmReadDeadline(conn, config.header_timeout_ms);
    auto [hec, hn] = co_await bhttp::async_read_header(stream, buffer, parser, kUseTuple);
    bool head_timed_out = TimedOut(*conn, hec);
    auto started = Clock::now();
    std::string request_id;
    std::optional<Error> read_error;
    if (hec) {
      if (!head_timed_out && (hec == bhttp::error::end_of_stream || hec == asio::error::eof ||
                              hec == asio::error::connection_reset || hec == asio::error::operation_aborted)) {
        break;
      }
      if (head_timed_out) {
        read_error =
            Error{ErrorCode::kRequestTimeout,
                  "The request head did not arrive within " + std::to_string(config.header_timeout_ms) + " ms.",
                  {}};
      } else if (hec == bhttp::error::body_limit) {
        read_error = Error{ErrorCode::kPayloadTooLarge, "The request body is larger than this server accepts.", {}};
      } else if (hec == bhttp::error::header_limit) {
        read_error = Error{ErrorCode::kHeadersTooLarge,
                           "The request head is larger than " + std::to_string(config.header_limit) + " bytes.",
                           {}};
      } else {
        read_error = Error::BadRequest("Malformed HTTP request: " + hec.message() + ".");
      }
    }

    Request request;
    RouteMatch match;
    bool head = false;
    std::string content_type;
    if (!read_error) {
      auto& msg = parser.get();
      auto incoming_id = msg["X-Request-Id"];
      request_id = IsValidRequestId(incoming_id) ? std::string(incoming_id) : NewId("req");
      request.method = std::string(msg.method_string());
      auto url = boost::urls::parse_origin_form(msg.target());
      if (!url) {
        read_error = Error::BadRequest("Malformed request target.");
      } else {
        request.path = url->path();
        for (auto p : url->params()) request.query.emplace_back(p.key, p.value);
        match = router.Match(request.method, request.path);
        head = request.method == "HEAD";
      }
      content_type = std::string(msg[bhttp::field::content_type]);
      bool has_body = parser.chunked() || (parser.content_length() && *parser.content_length() > 0);
      std::int64_t limit =
          match.route && match.route->options.body_limit >= 0 ? match.route->options.body_limit : config.body_limit;
      if (!read_error && has_body && !match.route) {
        // Nothing will read this body; answer and close rather than resynchronise.
        drain_on_close = true;
      } else if (!read_error && has_body) {
        if (parser.content_length() && *parser.content_length() > static_cast<std::uint64_t>(limit)) {
          read_error =
              Error{ErrorCode::kPayloadTooLarge,
                    "The request body is larger than this endpoint accepts (" + std::to_string(limit) + " bytes).",
                    {}};
        } else {
          parser.body_limit(static_cast<std::uint64_t>(limit));
          if (IEquals(msg[bhttp::field::expect], "100-continue")) {
            bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, 11};
            stream.expires_after(std::chrono::milliseconds(config.body_timeout_ms));
            co_await bhttp::async_write(stream, cont, kUseTuple);
          }
          ArmReadDeadline(conn, config.body_timeout_ms);
          auto [bec, bn] = co_await bhttp::async_read(stream, buffer, parser, kUseTuple);
          bool body_timed_out = TimedOut(*conn, bec);
          if (bec == bhttp::error::body_limit) {
            read_error =
                Error{ErrorCode::kPayloadTooLarge,
                      "The request body is larger than this endpoint accepts (" + std::to_string(limit) + " bytes).",
                      {}};
          } else if (body_timed_out) {
            read_error =
                Error{ErrorCode::kRequestTimeout,
                      "The request body did not arrive within " + std::to_string(config.body_timeout_ms) + " ms.",
                      {}};
          } else if (bec) {
            if (bec == asio::error::eof || bec == asio::error::connection_reset ||
                bec == bhttp::error::partial_message || bec == asio::error::operation_aborted) {
              break;
            }
            read_error = Error::BadRequest("Malformed HTTP request body: " + bec.message() + ".");
          }
        }
      }
    }
    if (request_id.empty()) request_id = NewId("req");
    request.request_id = request_id;
    request.remote_address = remote;
    if (config.trust_forwarded_for && !read_error) {
      // The proxy appends the address it saw; earlier entries are the client's word.
      std::string_view forwarded = parser.get()["X-Forwarded-For"];
      if (!forwarded.empty()) {
        auto last = forwarded.substr(forwarded.rfind(',') == std::string_view::npos ? 0 : forwarded.rfind(',') + 1);
        while (!last.empty() && last.front() == ' ') last.remove_prefix(1);
        while (!last.empty() && last.back() == ' ') last.remove_suffix(1);
        if (!last.empty() && last.size() <= 45) request.remote_address = std::string(last);
      }
    }

    Response response;
    std::size_t route_index = metrics.Unmatched();
    std::string_view route_name = "unmatched";
    if (read_error) {
      response = ProblemResponse(*read_error, request_id, request.path.empty() ? "/" : request.path);
      drain_on_close = true;
    } else if (match.route) {
      route_index = match.route->index;
      route_name = match.route->pattern;
      auto& msg = parser.get();
      request.body = std::move(msg.body());
      request.headers.reserve(16);
      for (const auto& field : msg) {
        std::string name(field.name_string());
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        request.headers.emplace_back(std::move(name), std::string(field.value()));
      }
      if (match.route->options.run_on_io_thread) {
        response = Dispatch(request, match, content_type);
      } else {
        // A request that writes waits mostly for the shared commit: it runs among the many write
        // threads, so that it neither idles a CPU-bound read worker nor commits alone.
        bool writes = ((request.method != "GET" && request.method != "HEAD") && !match.route->options.reads) ||
                      !match.route->options.client.empty();
        response = co_await OnWorkers(*(writes ? write_pool : pool), [this, &request, &match, &content_type] {
          return Dispatch(request, match, content_type);
        });
      }
    } else if (!match.allowed.empty()) {
      std::string allow;
      for (const auto& m : match.allowed) allow += (allow.empty() ? "" : ", ") + m;
      response = ProblemResponse(
          {ErrorCode::kMethodNotAllowed, request.method + " is not allowed here; use " + allow + ".", {}}, request_id,
          request.path);
      response.headers.emplace_back("Allow", allow);
    } else {
      std::optional<Response> file;
      if ((request.method == "GET" || head) && !request.path.starts_with("/api/") &&
          !request.path.starts_with("/fhir/")) {
        for (const auto& field : parser.get()) {
          if (field.name() == bhttp::field::if_none_match) request.headers.emplace_back("if-none-match", field.value());
        }
        file = static_files.Serve(request);
      }
      response = file ? std::move(*file)
                      : ProblemResponse(Error::NotFound("There is nothing at " + request.path + "."), request_id,
                                        request.path);
    }

    bool keep_alive = !read_error && !drain_on_close && !stopping && parser.get().keep_alive();
    int status = response.status;
    std::size_t bytes = response.body.size();
    bool streaming = response.stream != nullptr;
    double seconds = 0;
    if (streaming) {
      // Metrics and the access log take the time to the start of the stream, not its length.
      seconds = std::chrono::duration<double>(Clock::now() - started).count();
      keep_alive = false;
      metrics.Record(route_index, status, seconds);
      co_await Stream(conn, std::move(response), request_id);
    } else {
      co_await WriteResponse(*conn, std::move(response), keep_alive, head, request_id);
      seconds = std::chrono::duration<double>(Clock::now() - started).count();
    }
    if (!streaming) metrics.Record(route_index, status, seconds);
    if (log::Enabled(log::Level::kInfo) && access_log) {
      log::Info("request", {{"request_id", request_id},
                            {"method", request.method},
                            {"route", route_name},
                            {"path", request.path},
                            {"status", status},
                            {"latency_ms", seconds * 1000.0},
                            {"bytes", static_cast<std::uint64_t>(bytes)},
                            {"remote", request.remote_address}});
    }
    if (!keep_alive) break;
  }
  co_await Close(*conn, drain_on_close);
  Unregister(conn);
}

}  // namespace allmende::http
