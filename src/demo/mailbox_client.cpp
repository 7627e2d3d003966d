#include "demo/mailbox_client.hpp"

#include <curl/curl.h>

#include <memory>

namespace allmende::demo {
namespace {

constexpr std::size_t kMaxBody = 4 * 1024 * 1024;

struct Body {
  std::string text;
  bool too_large = false;
};

std::size_t Collect(char* data, std::size_t size, std::size_t n, void* user) {
  auto* body = static_cast<Body*>(user);
  if (body->text.size() + size * n > kMaxBody) {
    body->too_large = true;
    return 0;  // aborts the transfer
  }
  body->text.append(data, size * n);
  return size * n;
}

}  // namespace

Result<std::string> MailboxClient::Get(std::string_view path) const {
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return Error::Unavailable("The demo mailbox cannot be reached.");
  std::string url = base_url_ + std::string(path);
  Body body;
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_PROTOCOLS_STR, "http");
  curl_easy_setopt(curl.get(), CURLOPT_NOPROXY, "*");  // never through a proxy from the environment
  curl_easy_setopt(curl.get(), CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT_MS, 1000L);
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, 2000L);
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, Collect);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &body);
  CURLcode rc = curl_easy_perform(curl.get());
  long status = 0;
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
  if (body.too_large) return Error::Unavailable("The demo mailbox sent more than the server reads.");
  if (rc != CURLE_OK) return Error::Unavailable("The demo mailbox is not running.");
  if (status == 404) return Error::NotFound("There is no such message in the demo mailbox.");
  if (status != 200) return Error::Unavailable("The demo mailbox answered " + std::to_string(status) + ".");
  return std::move(body.text);
}

}  // namespace allmende::demo
