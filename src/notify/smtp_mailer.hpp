// Sends e-mail over SMTP with libcurl: one message per SMTP transaction, the connection kept
// open between messages.
#pragma once

#include <memory>
#include <string>

#include "common/result.hpp"
#include "notify/outbox.hpp"

namespace allmende::notify {

struct SmtpOptions {
  std::string url = {};   // smtp://host:port (smtps:// for implicit TLS)
  std::string from = {};  // "Allmende <noreply@example.org>"
  std::string username = {};
  std::string password = {};
  int timeout_ms = 20'000;
};

class Mailer {
 public:
  virtual ~Mailer() = default;
  // Delivers one message. Unavailable for anything worth retrying (server down, 4xx), and
  // InvalidArgument for a recipient the server refuses for good.
  virtual Result<void> Send(const OutboxMessage& message) = 0;
};

// Not thread-safe: give each sender thread its own.
std::unique_ptr<Mailer> MakeSmtpMailer(SmtpOptions options);

// The RFC 5322 text of a message: UTF-8 subject encoded per RFC 2047, Message-ID from the
// outbox id, CRLF line ends.
std::string FormatEmail(const OutboxMessage& message, const std::string& from, Timestamp date);

}  // namespace allmende::notify
