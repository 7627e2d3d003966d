#include "mailbox_http.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cerrno>
#include <charconv>
#include <ctime>
#include <optional>
#include <string_view>

#include "mail_message.hpp"

namespace allmende::testing {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kMaxLimit = 1000;

struct Answer {
  int status = 200;
  std::string body;
  std::string allow;  // for 405
};

Answer Problem(int status, std::string_view message) {
  boost::json::object o;
  o["error"] = message;
  return {status, boost::json::serialize(o), {}};
}

std::string_view Reason(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 204:
      return "No Content";
    case 400:
      return "Bad Request";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 431:
      return "Request Header Fields Too Large";
    default:
      return "Error";
  }
}

std::string Rfc3339(std::chrono::system_clock::time_point t) {
  std::time_t secs = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::optional<std::uint64_t> ParseNumber(std::string_view text) {
  std::uint64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return v;
}

// The value of a query parameter ("limit" in "limit=5&summary=true"), unescaped values are enough here.
std::optional<std::string_view> QueryParam(std::string_view query, std::string_view name) {
  while (!query.empty()) {
    auto amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    auto eq = pair.find('=');
    if (pair.substr(0, eq) == name) return eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return std::nullopt;
}

// Host header names this machine's loopback interface ("127.0.0.1:8025", "localhost", "[::1]:8025").
bool LoopbackHost(std::string_view host) {
  if (host.starts_with("[::1]")) return true;
  auto colon = host.rfind(':');
  std::string_view name = host.substr(0, colon);
  return name == "127.0.0.1" || name == "localhost";
}

std::string HeaderOf(std::string_view head, std::string_view name) {
  std::size_t pos = head.find("\r\n");
  while (pos != std::string_view::npos && pos + 2 < head.size()) {
    std::size_t start = pos + 2;
    std::size_t end = head.find("\r\n", start);
    std::string_view line = head.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    auto colon = line.find(':');
    if (colon != std::string_view::npos && colon == name.size() &&
        std::equal(name.begin(), name.end(), line.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        })) {
      std::string_view value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
      return std::string(value);
    }
    pos = end;
  }
  return "";
}

}  // namespace

std::string MailJson(const SmtpSink::Mail& mail, bool with_text) {
  DecodedMail decoded = DecodeMail(mail.data);
  std::string to = decoded.to;
  if (to.empty()) {
    for (const auto& r : mail.to) to += (to.empty() ? "" : ", ") + ToUtf8(r, "us-ascii");
  }
  boost::json::object o;
  o["id"] = std::to_string(mail.seq);
  o["from"] = decoded.from.empty() ? ToUtf8(mail.from, "us-ascii") : decoded.from;
  o["to"] = to;
  o["subject"] = decoded.subject;
  o["received_at"] = Rfc3339(mail.received_at);
  if (with_text) o["text"] = decoded.text;
  return boost::json::serialize(o);
}

MailboxHttp::MailboxHttp(SmtpSink& sink, Options options) : sink_(sink), options_(options) {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int one = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<std::uint16_t>(options_.port));
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listen_fd_, 64) != 0) {
    return;
  }
  socklen_t len = sizeof addr;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  acceptor_ = std::thread([this] { Accept(); });
}

MailboxHttp::~MailboxHttp() {
  stop_ = true;
  ::shutdown(listen_fd_, SHUT_RDWR);
  if (acceptor_.joinable()) acceptor_.join();
  ::close(listen_fd_);
}

void MailboxHttp::Accept() {
  while (!stop_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    Serve(fd);
    ::close(fd);
  }
}

void MailboxHttp::Serve(int fd) {
  const auto deadline = Clock::now() + options_.deadline;
  std::string head;
  Answer answer;
  bool complete = false;
  while (!complete) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    pollfd p{fd, POLLIN, 0};
    if (left <= 0 || ::poll(&p, 1, static_cast<int>(left)) <= 0) {
      answer = Problem(408, "The request did not arrive in time.");
      break;
    }
    char chunk[4096];
    ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return;  // the client went away
    head.append(chunk, static_cast<std::size_t>(n));
    auto end = head.find("\r\n\r\n");
    if (end != std::string::npos) {
      head.resize(end + 2);
      complete = true;
    } else if (head.size() > options_.header_limit) {
      answer = Problem(431, "The request head is too large.");
      break;
    }
  }
  if (complete) {
    std::string_view request_line = std::string_view(head).substr(0, head.find("\r\n"));
    auto sp1 = request_line.find(' '), sp2 = request_line.rfind(' ');
    if (sp1 == std::string_view::npos || sp2 == sp1) {
      answer = Problem(400, "Malformed request line.");
    } else if (!LoopbackHost(HeaderOf(head, "host"))) {
      answer = Problem(403, "The mailbox answers only to 127.0.0.1 and localhost.");
    } else {
      std::string_view method = request_line.substr(0, sp1);
      std::string_view target = request_line.substr(sp1 + 1, sp2 - sp1 - 1);
      auto q = target.find('?');
      std::string_view path = target.substr(0, q);
      std::string_view query = q == std::string_view::npos ? std::string_view() : target.substr(q + 1);
      if (path == "/messages") {
        if (method == "GET") {
          std::optional<std::uint64_t> limit = kMaxLimit;
          if (auto l = QueryParam(query, "limit")) limit = ParseNumber(*l);
          if (!limit || *limit < 1 || *limit > kMaxLimit) {
            answer = Problem(400, "limit must be a number from 1 to 1000.");
          } else {
            bool summary = QueryParam(query, "summary") == std::optional<std::string_view>("true");
            auto mails = sink_.Messages();
            std::string body = "{\"items\":[";
            std::size_t shown = 0;
            for (auto it = mails.rbegin(); it != mails.rend() && shown < *limit; ++it, ++shown) {
              body += (shown ? "," : "") + MailJson(*it, !summary);
            }
            answer = {200, body + "]}", {}};
          }
        } else if (method == "DELETE") {
          sink_.Clear();
          answer = {204, "", {}};
        } else {
          answer = Problem(405, "Use GET or DELETE.");
          answer.allow = "GET, DELETE";
        }
      } else if (path.starts_with("/messages/")) {
        auto seq = ParseNumber(path.substr(std::string_view("/messages/").size()));
        auto mail = seq ? sink_.Message(*seq) : std::nullopt;
        if (method != "GET") {
          answer = Problem(405, "Use GET.");
          answer.allow = "GET";
        } else if (!mail) {
          answer = Problem(404, "No such message.");
        } else {
          answer = {200, MailJson(*mail, true), {}};
        }
      } else {
        answer = Problem(404, "Try GET /messages.");
      }
    }
  }
  std::string out = "HTTP/1.1 " + std::to_string(answer.status) + " " + std::string(Reason(answer.status)) + "\r\n";
  if (answer.status != 204) {
    out += "Content-Type: application/json; charset=utf-8\r\nContent-Length: " + std::to_string(answer.body.size()) +
           "\r\n";
  }
  if (!answer.allow.empty()) out += "Allow: " + answer.allow + "\r\n";
  out += "Cache-Control: no-store\r\nConnection: close\r\n\r\n" + answer.body;
  // The whole answer must be taken within the deadline, however slowly the client reads.
  const auto write_deadline = Clock::now() + options_.deadline;
  std::size_t sent = 0;
  while (sent < out.size()) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(write_deadline - Clock::now()).count();
    pollfd p{fd, POLLOUT, 0};
    if (left <= 0 || ::poll(&p, 1, static_cast<int>(left)) <= 0) return;
    ssize_t n = ::send(fd, out.data() + sent, out.size() - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) continue;
    if (n <= 0) return;  // the client went away
    sent += static_cast<std::size_t>(n);
  }
  ::shutdown(fd, SHUT_WR);
}

}  // namespace allmende::testing
