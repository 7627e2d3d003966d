#include "smtp_sink.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>

namespace allmende::testing {
namespace {

using Clock = std::chrono::steady_clock;

// Longest command or data line accepted; RFC 5321 allows 1000 octets, this leaves room for
// senders that do not wrap.
constexpr std::size_t kMaxLine = 64 * 1024;

bool SendAll(int fd, const std::string& s) {
  std::size_t sent = 0;
  while (sent < s.size()) {
    ssize_t n = ::send(fd, s.data() + sent, s.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

std::string Upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
  return s;
}

std::string Between(const std::string& s, char open, char close) {
  auto a = s.find(open), b = s.find(close, a == std::string::npos ? 0 : a + 1);
  return a == std::string::npos || b == std::string::npos ? s : s.substr(a + 1, b - a - 1);
}

}  // namespace

SmtpSink::SmtpSink() : SmtpSink(Options{}) {}

SmtpSink::SmtpSink(Options options) : options_(options) {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int one = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<std::uint16_t>(options_.port));
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listen_fd_, 128) != 0) {
    return;  // listening() says so; the destructor has nothing to stop
  }
  socklen_t len = sizeof addr;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  acceptor_ = std::thread([this] { Accept(); });
}

SmtpSink::~SmtpSink() {
  stop_ = true;
  ::shutdown(listen_fd_, SHUT_RDWR);
  if (acceptor_.joinable()) acceptor_.join();
  ::close(listen_fd_);
  std::vector<Session> sessions;
  {
    std::lock_guard lock(mu_);
    for (auto& s : sessions_) ::shutdown(s.fd, SHUT_RDWR);
    sessions.swap(sessions_);
  }
  for (auto& s : sessions) {
    s.thread.join();
    ::close(s.fd);
  }
}

void SmtpSink::ReapFinished() {
  auto finished = std::stable_partition(sessions_.begin(), sessions_.end(), [](const Session& s) { return !*s.done; });
  for (auto it = finished; it != sessions_.end(); ++it) {
    it->thread.join();  // the session has returned; this does not wait
    ::close(it->fd);
  }
  sessions_.erase(finished, sessions_.end());
}

void SmtpSink::Accept() {
  while (!stop_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    std::lock_guard lock(mu_);
    ReapFinished();
    if (options_.max_sessions > 0 && sessions_.size() >= options_.max_sessions) {
      SendAll(fd, "421 4.3.2 Too many sessions, try again later\r\n");
      ::close(fd);
      continue;
    }
    auto done = std::make_shared<std::atomic<bool>>(false);
    sessions_.push_back(Session{std::thread([this, fd, done] {
                                  Serve(fd);
                                  ::shutdown(fd, SHUT_RDWR);  // the peer sees the end now, not at the reaping
                                  *done = true;
                                }),
                                fd, done});
  }
}

void SmtpSink::Serve(int fd) {
  const auto session_deadline =
      options_.session_timeout.count() > 0 ? Clock::now() + options_.session_timeout : Clock::time_point::max();
  std::string buffer;
  // Every read waits at most until the idle timeout or the end of the session, whichever is first.
  auto read_line = [&](std::string* line) -> bool {
    for (;;) {
      auto eol = buffer.find("\r\n");
      if (eol != std::string::npos) {
        *line = buffer.substr(0, eol);
        buffer.erase(0, eol + 2);
        return true;
      }
      if (buffer.size() > kMaxLine) return false;
      int wait_ms = -1;
      if (options_.idle_timeout.count() > 0) wait_ms = static_cast<int>(options_.idle_timeout.count());
      if (session_deadline != Clock::time_point::max()) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(session_deadline - Clock::now()).count();
        if (left <= 0) return false;
        wait_ms = wait_ms < 0 ? static_cast<int>(left) : std::min(wait_ms, static_cast<int>(left));
      }
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, wait_ms) <= 0) return false;
      char chunk[8192];
      ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
      if (n <= 0) return false;
      buffer.append(chunk, static_cast<std::size_t>(n));
    }
  };
  Mail current;
  std::string line;
  if (!SendAll(fd, "220 allmende-test-sink ESMTP\r\n")) return;
  while (!stop_ && read_line(&line)) {
    std::string verb = Upper(line.substr(0, 4));
    if (verb == "EHLO") {
      SendAll(fd, "250-allmende-test-sink\r\n250-8BITMIME\r\n250 SIZE " + std::to_string(options_.max_message_bytes) +
                      "\r\n");
    } else if (verb == "HELO" || verb == "NOOP") {
      SendAll(fd, "250 OK\r\n");
    } else if (verb == "MAIL") {
      current = Mail{};
      current.from = Between(line, '<', '>');
      SendAll(fd, "250 OK\r\n");
    } else if (verb == "RCPT") {
      current.to.push_back(Between(line, '<', '>'));
      SendAll(fd, "250 OK\r\n");
    } else if (verb == "RSET") {
      current = Mail{};
      SendAll(fd, "250 OK\r\n");
    } else if (verb == "DATA") {
      SendAll(fd, "354 End data with <CR><LF>.<CR><LF>\r\n");
      std::string data;
      bool complete = false, too_large = false;
      while (read_line(&line)) {
        if (line == ".") {
          complete = true;
          break;
        }
        if (too_large) continue;
        data += (line.starts_with("..") ? line.substr(1) : line) + "\r\n";
        if (data.size() > options_.max_message_bytes) {
          too_large = true;
          data.clear();
        }
      }
      if (!complete) break;  // the client went away mid-message: nothing was delivered
      if (too_large) {
        SendAll(fd, "552 5.3.4 Message too big\r\n");
        continue;
      }
      if (refuse_ > 0) {
        --refuse_;
        SendAll(fd, "451 4.3.0 Try again later\r\n");
        continue;
      }
      current.data = std::move(data);
      auto at = current.data.find("Message-ID:");
      if (at != std::string::npos) current.message_id = Between(current.data.substr(at), '<', '>');
      Store(current);
      SendAll(fd, "250 OK queued\r\n");
    } else if (verb == "QUIT") {
      SendAll(fd, "221 Bye\r\n");
      break;
    } else {
      SendAll(fd, "502 Command not implemented\r\n");
    }
  }
}

void SmtpSink::Store(Mail mail) {
  {
    std::lock_guard lock(mu_);
    mail.seq = next_seq_++;
    mail.received_at = std::chrono::system_clock::now();
    mails_.push_back(std::move(mail));
    if (options_.max_messages > 0 && mails_.size() > options_.max_messages) {
      mails_.erase(mails_.begin(), mails_.begin() + static_cast<std::ptrdiff_t>(mails_.size() - options_.max_messages));
    }
  }
  cv_.notify_all();
}

std::vector<SmtpSink::Mail> SmtpSink::Messages() const {
  std::lock_guard lock(mu_);
  return mails_;
}

std::optional<SmtpSink::Mail> SmtpSink::Message(std::uint64_t seq) const {
  std::lock_guard lock(mu_);
  for (const auto& m : mails_) {
    if (m.seq == seq) return m;
  }
  return std::nullopt;
}

std::size_t SmtpSink::Count() const {
  std::lock_guard lock(mu_);
  return mails_.size();
}

void SmtpSink::Clear() {
  std::lock_guard lock(mu_);
  mails_.clear();
}

std::map<std::string, int> SmtpSink::CountByMessageId() const {
  std::lock_guard lock(mu_);
  std::map<std::string, int> out;
  for (const auto& m : mails_) ++out[m.message_id];
  return out;
}

bool SmtpSink::WaitFor(std::size_t n, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mu_);
  return cv_.wait_for(lock, timeout, [&] { return mails_.size() >= n; });
}

}  // namespace allmende::testing
