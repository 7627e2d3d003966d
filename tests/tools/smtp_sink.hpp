// A real SMTP server for tests and the demo mailbox: speaks enough ESMTP for libcurl (EHLO, MAIL,
// RCPT, DATA, RSET, NOOP, QUIT) on 127.0.0.1 and keeps the messages it accepts. Can be told to
// refuse messages with a temporary error to exercise retries. With Options it is bounded for a
// long run (allmende-mailbox): how many messages it keeps, how large one may be, how long a
// session may stay silent or last, and how many sessions run at once.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace allmende::testing {

class SmtpSink {
 public:
  struct Mail {
    std::uint64_t seq = 0;  // 1, 2, 3… in the order accepted; never reused, not even after Clear()
    std::chrono::system_clock::time_point received_at;
    std::string from;
    std::vector<std::string> to;
    std::string data;        // headers and body, dot-unstuffed
    std::string message_id;  // from the Message-ID header
  };

  struct Options {
    int port = 0;                  // 0: a free port
    std::size_t max_messages = 0;  // 0: keep every message; otherwise the oldest make room
    // A larger DATA is read to its end and refused with 552; nothing of it is kept.
    std::size_t max_message_bytes = 10 * 1024 * 1024;
    std::chrono::milliseconds idle_timeout{0};     // 0: none; a session silent this long is closed
    std::chrono::milliseconds session_timeout{0};  // 0: none; a session is closed after this long
    std::size_t max_sessions = 0;                  // 0: any number; more at once are answered 421
  };

  SmtpSink();  // listens on a free port, unbounded (a test's sink)
  explicit SmtpSink(Options options);
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  // False when the port could not be bound (taken, or no permission).
  bool listening() const { return port_ > 0; }
  int port() const { return port_; }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }

  std::vector<Mail> Messages() const;
  // The message with this sequence number, if it is still kept.
  std::optional<Mail> Message(std::uint64_t seq) const;
  std::size_t Count() const;
  // Forgets every message kept so far.
  void Clear();
  // Messages per Message-ID: more than one means a redelivery.
  std::map<std::string, int> CountByMessageId() const;
  // Waits until at least `n` messages arrived; false at the timeout.
  bool WaitFor(std::size_t n, std::chrono::milliseconds timeout) const;
  // The next `n` DATA commands are answered "451 try again later".
  void RefuseNext(int n) { refuse_ = n; }

 private:
  struct Session {
    std::thread thread;
    int fd = -1;  // closed by the acceptor after the thread ended, so it is never reused under us
    std::shared_ptr<std::atomic<bool>> done;
  };

  void Accept();
  void Serve(int fd);
  void Store(Mail mail);
  void ReapFinished();  // with mu_ held

  Options options_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> refuse_{0};
  std::thread acceptor_;
  mutable std::mutex mu_;
  mutable std::condition_variable cv_;
  std::vector<Mail> mails_;
  std::uint64_t next_seq_ = 1;
  std::vector<Session> sessions_;
};

}  // namespace allmende::testing
