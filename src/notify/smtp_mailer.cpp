#include "notify/smtp_mailer.hpp"

#include <curl/curl.h>
#include <sodium.h>

#include <cstring>

namespace allmende::notify {
namespace {

std::string EncodedWord(const std::string& text) {
  bool ascii = true;
  for (unsigned char ch : text) ascii &= ch >= 0x20 && ch < 0x7F;
  if (ascii) return text;
  std::string b64(sodium_base64_ENCODED_LEN(text.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(b64.data(), b64.size(), reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  b64.resize(std::strlen(b64.c_str()));
  return "=?UTF-8?B?" + b64 + "?=";
}

std::string RfcDate(Timestamp t) {
  std::time_t secs = std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  return buf;
}

// The address inside "Name <addr>", or the whole text.
std::string Address(const std::string& s) {
  auto lt = s.find('<'), gt = s.find('>');
  return lt != std::string::npos && gt != std::string::npos && gt > lt ? s.substr(lt + 1, gt - lt - 1) : s;
}

struct Upload {
  const std::string* data;
  std::size_t pos = 0;
};

std::size_t ReadBody(char* buffer, std::size_t size, std::size_t nitems, void* user) {
  auto* up = static_cast<Upload*>(user);
  std::size_t n = std::min(size * nitems, up->data->size() - up->pos);
  std::memcpy(buffer, up->data->data() + up->pos, n);
  up->pos += n;
  return n;
}

class SmtpMailer final : public Mailer {
 public:
  explicit SmtpMailer(SmtpOptions o) : options_(std::move(o)), curl_(curl_easy_init()) {}
  ~SmtpMailer() override { curl_easy_cleanup(curl_); }

  Result<void> Send(const OutboxMessage& m) override {
    std::string text = FormatEmail(m, options_.from, Now());
    Upload upload{&text};
    curl_slist* rcpt = curl_slist_append(nullptr, ("<" + Address(m.recipient) + ">").c_str());
    std::string from = "<" + Address(options_.from) + ">";
    curl_easy_reset(curl_);
    curl_easy_setopt(curl_, CURLOPT_URL, options_.url.c_str());
    curl_easy_setopt(curl_, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(curl_, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(curl_, CURLOPT_READFUNCTION, ReadBody);
    curl_easy_setopt(curl_, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl_, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl_, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.timeout_ms));
    curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
    if (!options_.username.empty()) {
      curl_easy_setopt(curl_, CURLOPT_USERNAME, options_.username.c_str());
      curl_easy_setopt(curl_, CURLOPT_PASSWORD, options_.password.c_str());
      curl_easy_setopt(curl_, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    }
    CURLcode rc = curl_easy_perform(curl_);
    long code = 0;
    curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &code);
    curl_slist_free_all(rcpt);
    if (rc == CURLE_OK) return Ok();
    std::string error = std::string(curl_easy_strerror(rc)) + " (SMTP " + std::to_string(code) + ")";
    if (code >= 500 && code < 600) return Error::Invalid("recipient", error);
    return Error::Unavailable(error);
  }

 private:
  SmtpOptions options_;
  CURL* curl_;
};

}  // namespace

std::string FormatEmail(const OutboxMessage& m, const std::string& from, Timestamp date) {
  std::string out;
  out += "From: " + from + "\r\n";
  out += "To: " + m.recipient + "\r\n";
  out += "Subject: " + EncodedWord(m.subject) + "\r\n";
  out += "Message-ID: <" + m.id + "@allmende>\r\n";
  out += "Date: " + RfcDate(date) + "\r\n";
  out += "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
  for (std::size_t i = 0; i < m.body.size(); ++i) {
    if (m.body[i] == '\n' && (i == 0 || m.body[i - 1] != '\r')) out += '\r';
    out += m.body[i];
  }
  if (!out.ends_with("\r\n")) out += "\r\n";
  return out;
}

std::unique_ptr<Mailer> MakeSmtpMailer(SmtpOptions options) { return std::make_unique<SmtpMailer>(std::move(options)); }

}  // namespace allmende::notify
