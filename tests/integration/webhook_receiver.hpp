// A webhook receiver for tests: an HTTP/1.1 server on a free loopback port that records each
// request (headers and body) and answers with the status the test sets (200 unless told).
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace allmende::testing {

class WebhookReceiver {
 public:
  struct Request {
    std::string path;
    std::map<std::string, std::string> headers;  // names lower case
    std::string body;
  };

  WebhookReceiver() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::listen(fd_, 16);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { Loop(); });
  }
  ~WebhookReceiver() {
    stop_ = true;
    thread_.join();
    ::close(fd_);
  }

  std::string url(const std::string& path = "/hook") const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  void SetStatus(int status) { status_ = status; }

  std::vector<Request> Requests() {
    std::lock_guard lock(mu_);
    return requests_;
  }
  // Waits until a request with header Allmende-Event `event` has arrived (the first such one).
  std::optional<Request> WaitFor(const std::string& event, std::chrono::milliseconds timeout = std::chrono::seconds(10),
                                 std::size_t skip = 0) {
    std::unique_lock lock(mu_);
    std::optional<Request> found;
    cv_.wait_for(lock, timeout, [&] {
      std::size_t seen = 0;
      for (const auto& r : requests_) {
        auto it = r.headers.find("allmende-event");
        if (it != r.headers.end() && it->second == event && seen++ == skip) {
          found = r;
          return true;
        }
      }
      return false;
    });
    return found;
  }

 private:
  void Loop() {
    while (!stop_) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      int c = ::accept(fd_, nullptr, nullptr);
      if (c < 0) continue;
      Serve(c);
      ::close(c);
    }
  }

  void Serve(int c) {
    std::string data;
    char buf[4096];
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    std::size_t head_end = std::string::npos, length = 0;
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd p{c, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      ssize_t n = ::read(c, buf, sizeof buf);
      if (n <= 0) return;
      data.append(buf, static_cast<std::size_t>(n));
      if (head_end == std::string::npos && (head_end = data.find("\r\n\r\n")) != std::string::npos) {
        std::string lower = data.substr(0, head_end);
        std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
        auto cl = lower.find("content-length:");
        if (cl != std::string::npos) length = std::stoul(lower.substr(cl + 15));
      }
      if (head_end != std::string::npos && data.size() >= head_end + 4 + length) break;
    }
    if (head_end == std::string::npos) return;
    Request r;
    std::size_t line_end = data.find("\r\n");
    std::string first = data.substr(0, line_end);
    auto sp1 = first.find(' '), sp2 = first.rfind(' ');
    if (sp1 != std::string::npos && sp2 > sp1) r.path = first.substr(sp1 + 1, sp2 - sp1 - 1);
    std::size_t pos = line_end + 2;
    while (pos < head_end) {
      std::size_t e = data.find("\r\n", pos);
      std::string line = data.substr(pos, e - pos);
      auto colon = line.find(':');
      if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        std::transform(name.begin(), name.end(), name.begin(), ::tolower);
        std::string value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(' '));
        r.headers[name] = value;
      }
      pos = e + 2;
    }
    r.body = data.substr(head_end + 4, length);
    const int status = status_.load();
    {
      std::lock_guard lock(mu_);
      requests_.push_back(std::move(r));
    }
    cv_.notify_all();
    std::string answer =
        "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";
    (void)::write(c, answer.data(), answer.size());
  }

  int fd_ = -1;
  int port_ = 0;
  std::atomic<int> status_{200};
  std::atomic<bool> stop_{false};
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<Request> requests_;
  std::thread thread_;
};

}  // namespace allmende::testing
