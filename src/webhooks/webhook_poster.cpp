// Delivers one webhook: finds the endpoint, signs the body, POSTs it, and reads the answer.
#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "common/log.hpp"
#include "webhooks/webhooks.hpp"

namespace allmende::webhooks {
namespace {

constexpr std::string_view kEndpoint = "SELECT url, secret_sealed, active FROM webhook_endpoints WHERE id = $1";

// A refusal for good: the sender does not retry InvalidArgument, and logs the message as it is.
Error Refused(std::string message) { return {ErrorCode::kInvalidArgument, std::move(message), {}}; }

size_t Discard(char*, size_t size, size_t n, void*) { return size * n; }  // answers are not read

struct Guard {
  bool allow_local = false;
  bool refused = false;  // an address outside the public internet was refused before connecting
};

// Called by libcurl for each address it is about to connect to, before connect(): refuses one
// outside the public internet, whatever name resolved to it (DNS rebinding included), so not even
// a TCP handshake reaches an internal host.
curl_socket_t OpenSocket(void* data, curlsocktype purpose, curl_sockaddr* address) {
  auto* guard = static_cast<Guard*>(data);
  if (purpose != CURLSOCKTYPE_IPCXN) return CURL_SOCKET_BAD;
  char text[INET6_ADDRSTRLEN] = {};
  if (address->family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&address->addr)->sin_addr, text, sizeof text);
  } else if (address->family == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(&address->addr)->sin6_addr, text, sizeof text);
  } else {
    guard->refused = true;
    return CURL_SOCKET_BAD;
  }
  if (!guard->allow_local && !IsPublicAddress(text)) {
    guard->refused = true;
    return CURL_SOCKET_BAD;
  }
  return ::socket(address->family, address->socktype, address->protocol);
}

class WebhookPoster final : public notify::Mailer {
 public:
  WebhookPoster(storage::Database& db, const storage::FieldCipher& cipher, const TimeSource& clock,
                const WebhooksConfig& config)
      : db_(db), cipher_(cipher), clock_(clock), config_(config), curl_(curl_easy_init()) {}
  ~WebhookPoster() override {
    if (curl_) curl_easy_cleanup(curl_);
  }

  Result<void> Send(const notify::OutboxMessage& m) override {
    std::string url, sealed;
    bool active = false;
    ALLMENDE_TRY(db_.Read([&](storage::Connection& c) -> Result<void> {
      ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kEndpoint, {m.recipient}));
      if (row) {
        url = row->Text(0);
        sealed = row->Text(1);
        active = row->Int(2) != 0;
      }
      return Ok();
    }));
    if (!active) return Refused("the webhook was removed");
    ALLMENDE_ASSIGN_OR_RETURN(std::string secret, cipher_.Open(sealed));
    if (!curl_) return Error::Unavailable("libcurl did not start");

    const auto unix_seconds = std::chrono::duration_cast<std::chrono::seconds>(clock_.Now().time_since_epoch()).count();
    const std::string signature = "Allmende-Signature: " + SignatureHeader(secret, m.body, unix_seconds);
    const std::string id = "Allmende-Webhook-Id: " + m.id;
    const std::string event = "Allmende-Event: " + m.subject;
    curl_slist* headers = nullptr;
    for (const std::string* h : {&signature, &id, &event}) headers = curl_slist_append(headers, h->c_str());
    headers = curl_slist_append(headers, "Content-Type: application/json");
    headers = curl_slist_append(headers, "User-Agent: Allmende-Webhooks/1");
    headers = curl_slist_append(headers, "Expect:");
    Guard guard{config_.allow_local_targets, {}};

    curl_easy_reset(curl_);
    curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl_, CURLOPT_PROTOCOLS_STR, config_.allow_local_targets ? "http,https" : "https");
    curl_easy_setopt(curl_, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl_, CURLOPT_POST, 1L);
    curl_easy_setopt(curl_, CURLOPT_POSTFIELDS, m.body.data());
    curl_easy_setopt(curl_, CURLOPT_POSTFIELDSIZE, static_cast<long>(m.body.size()));
    curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl_, CURLOPT_TIMEOUT_MS, static_cast<long>(config_.timeout_ms));
    curl_easy_setopt(curl_, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(std::min(config_.timeout_ms, 5000)));
    curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, Discard);
    curl_easy_setopt(curl_, CURLOPT_MAXFILESIZE, 64L * 1024);
    curl_easy_setopt(curl_, CURLOPT_OPENSOCKETFUNCTION, OpenSocket);
    curl_easy_setopt(curl_, CURLOPT_OPENSOCKETDATA, &guard);
    curl_easy_setopt(curl_, CURLOPT_PROXY, "");  // no proxy from the environment: it would connect anywhere
    const CURLcode rc = curl_easy_perform(curl_);
    long status = 0;
    curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);

    // The answer for a refused target names no address: the log must not map internal networks.
    if (guard.refused) return Refused("the target is not a public address");
    if (rc == CURLE_UNSUPPORTED_PROTOCOL) return Refused("the target's scheme is not allowed (https only)");
    if (rc != CURLE_OK && status == 0) return Error::Unavailable(curl_easy_strerror(rc));
    if (status >= 200 && status < 300) return Ok();
    return Error::Unavailable("HTTP " + std::to_string(status));
  }

 private:
  storage::Database& db_;
  const storage::FieldCipher& cipher_;
  const TimeSource& clock_;
  const WebhooksConfig& config_;
  CURL* curl_;
};

}  // namespace

std::unique_ptr<notify::Mailer> MakeWebhookPoster(storage::Database& db, const storage::FieldCipher& cipher,
                                                  const TimeSource& clock, const WebhooksConfig& config) {
  return std::make_unique<WebhookPoster>(db, cipher, clock, config);
}

}  // namespace allmende::webhooks
