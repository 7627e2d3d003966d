#include "server/http.hpp"

#include <strings.h>

#include <charconv>

namespace allmende::http {

std::string_view Request::Header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (k.size() == name.size() && strncasecmp(k.data(), name.data(), k.size()) == 0) return v;
  }
  return {};
}

std::optional<std::string> Request::QueryParam(std::string_view name) const {
  for (const auto& [k, v] : query) {
    if (k == name) return v;
  }
  return std::nullopt;
}

std::string_view Request::Param(std::string_view name) const {
  for (const auto& [k, v] : params) {
    if (k == name) return v;
  }
  return {};
}

Result<int> LimitParam(const Request& request, int fallback) {
  auto text = request.QueryParam("limit");
  if (!text) return fallback;
  int limit = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), limit);
  if (ec != std::errc() || end != text->data() + text->size()) {
    return Error::Invalid("limit", "must be an integer from 1 to 100");
  }
  return limit;
}

Response JsonText(int status, std::string json) {
  Response r;
  r.status = status;
  r.content_type = "application/json";
  r.body = std::move(json);
  return r;
}

// "If-Match: \"3\"" → 3.
Result<std::int64_t> IfMatchVersion(const Request& r) {
  std::string_view v = r.Header("if-match");
  if (v.empty()) return Error::Invalid("If-Match", "is required: send the ETag of what you changed");
  if (v.starts_with("W/")) v.remove_prefix(2);
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size())
    return Error::Invalid("If-Match", "is not an ETag of this resource");
  return n;
}

Response NoContent() {
  Response r;
  r.status = 204;
  return r;
}

}  // namespace allmende::http
