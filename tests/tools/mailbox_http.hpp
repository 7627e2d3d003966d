// The reading side of allmende-mailbox: serves what an SmtpSink received as JSON over HTTP on
// 127.0.0.1, for the demo server's mailbox page and for tests.
//
//   GET    /messages              {"items":[{id, from, to, subject, received_at, text}, …]}, newest first;
//                                 ?limit=N (1–1000) the newest N, ?summary=true without text
//   GET    /messages/{id}         one message, 404 if it is not (or no longer) kept
//   DELETE /messages              forgets every message, 204
//
// One request per connection, handled in turn: every read has a deadline and the request head a
// size limit, so a slow or broken client holds the mailbox up for at most the deadline. Requests
// whose Host is not a loopback name are refused (403), so a web page cannot read the mailbox
// through a DNS-rebinding trick.
#pragma once

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include "smtp_sink.hpp"

namespace allmende::testing {

class MailboxHttp {
 public:
  struct Options {
    int port = 0;                              // 0: a free port
    std::chrono::milliseconds deadline{2000};  // for reading a request and for writing the answer
    std::size_t header_limit = 8 * 1024;
  };

  MailboxHttp(SmtpSink& sink, Options options);
  ~MailboxHttp();
  MailboxHttp(const MailboxHttp&) = delete;
  MailboxHttp& operator=(const MailboxHttp&) = delete;

  // False when the port could not be bound.
  bool listening() const { return port_ > 0; }
  int port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  void Accept();
  void Serve(int fd);

  SmtpSink& sink_;
  Options options_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread acceptor_;
};

// One message as the JSON object /messages serves; `with_text` adds the decoded body.
std::string MailJson(const SmtpSink::Mail& mail, bool with_text);

}  // namespace allmende::testing
