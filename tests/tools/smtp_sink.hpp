// A real SMTP server for tests: speaks enough ESMTP for libcurl (EHLO, MAIL, RCPT, DATA, RSET,
// NOOP, QUIT) on 127.0.0.1 and keeps every message it accepts. Can be told to refuse messages
// with a temporary error to exercise retries.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace allmende::testing {

class SmtpSink {
 public:
  struct Mail {
    std::string from;
    std::vector<std::string> to;
    std::string data;        // headers and body, dot-unstuffed
    std::string message_id;  // from the Message-ID header
  };

  SmtpSink();  // listens on a free port
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  int port() const { return port_; }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }

  std::vector<Mail> Messages() const;
  std::size_t Count() const;
  // Messages per Message-ID: more than one means a redelivery.
  std::map<std::string, int> CountByMessageId() const;
  // Waits until at least `n` messages arrived; false at the timeout.
  bool WaitFor(std::size_t n, std::chrono::milliseconds timeout) const;
  // The next `n` DATA commands are answered "451 try again later".
  void RefuseNext(int n) { refuse_ = n; }

 private:
  void Accept();
  void Serve(int fd);

  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> refuse_{0};
  std::thread acceptor_;
  mutable std::mutex mu_;
  mutable std::condition_variable cv_;
  std::vector<Mail> mails_;
  std::vector<std::thread> sessions_;
  std::vector<int> session_fds_;
};

}  // namespace allmende::testing
