#include "smtp_sink.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>

namespace allmende::testing {
namespace {

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

SmtpSink::SmtpSink() {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int one = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  ::listen(listen_fd_, 128);
  socklen_t len = sizeof addr;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  acceptor_ = std::thread([this] { Accept(); });
}

SmtpSink::~SmtpSink() {
  stop_ = true;
  ::shutdown(listen_fd_, SHUT_RDWR);
  acceptor_.join();
  ::close(listen_fd_);
  std::vector<std::thread> sessions;
  {
    std::lock_guard lock(mu_);
    for (int fd : session_fds_) ::shutdown(fd, SHUT_RDWR);
    sessions.swap(sessions_);
  }
  for (auto& t : sessions) t.join();
}

void SmtpSink::Accept() {
  while (!stop_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    std::lock_guard lock(mu_);
    session_fds_.push_back(fd);
    sessions_.emplace_back([this, fd] { Serve(fd); });
  }
}

void SmtpSink::Serve(int fd) {
  std::string buffer;
  auto read_line = [&](std::string* line) -> bool {
    for (;;) {
      auto eol = buffer.find("\r\n");
      if (eol != std::string::npos) {
        *line = buffer.substr(0, eol);
        buffer.erase(0, eol + 2);
        return true;
      }
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
      SendAll(fd, "250-allmende-test-sink\r\n250-8BITMIME\r\n250 SIZE 10485760\r\n");
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
      bool complete = false;
      while (read_line(&line)) {
        if (line == ".") {
          complete = true;
          break;
        }
        data += (line.starts_with("..") ? line.substr(1) : line) + "\r\n";
      }
      if (!complete) break;  // the client went away mid-message: nothing was delivered
      if (refuse_ > 0) {
        --refuse_;
        SendAll(fd, "451 4.3.0 Try again later\r\n");
        continue;
      }
      current.data = std::move(data);
      auto at = current.data.find("Message-ID:");
      if (at != std::string::npos) current.message_id = Between(current.data.substr(at), '<', '>');
      {
        std::lock_guard lock(mu_);
        mails_.push_back(current);
      }
      cv_.notify_all();
      SendAll(fd, "250 OK queued\r\n");
    } else if (verb == "QUIT") {
      SendAll(fd, "221 Bye\r\n");
      break;
    } else {
      SendAll(fd, "502 Command not implemented\r\n");
    }
  }
  ::close(fd);
}

std::vector<SmtpSink::Mail> SmtpSink::Messages() const {
  std::lock_guard lock(mu_);
  return mails_;
}

std::size_t SmtpSink::Count() const {
  std::lock_guard lock(mu_);
  return mails_.size();
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
