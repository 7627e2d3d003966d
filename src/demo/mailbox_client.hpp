// Reads the demo mailbox (allmende-mailbox) over HTTP on this machine's loopback interface.
#pragma once

#include <string>
#include <string_view>

#include "common/result.hpp"

namespace allmende::demo {

class MailboxClient {
 public:
  // `base_url`: http://127.0.0.1:<port>, as demo.mailbox_url accepts it.
  explicit MailboxClient(std::string base_url) : base_url_(std::move(base_url)) {}

  // GETs `path` (with its query) and returns the body of a 200 answer. NotFound for a 404;
  // Unavailable when the mailbox does not answer within two seconds, answers anything else, or
  // sends more than 4 MiB. Blocks for at most those two seconds; safe to call from any thread.
  Result<std::string> Get(std::string_view path) const;

 private:
  std::string base_url_;
};

}  // namespace allmende::demo
