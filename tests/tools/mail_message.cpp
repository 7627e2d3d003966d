#include "mail_message.hpp"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

namespace allmende::testing {
namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;  // names lower case, values unfolded

constexpr int kMaxMultipartDepth = 5;

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string WithoutCarriageReturns(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') continue;
    out += s[i];
  }
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// Splits "headers\n\nbody" (line ends already "\n") and unfolds the headers.
std::pair<Headers, std::string_view> SplitHeaders(std::string_view message) {
  Headers headers;
  std::string_view body;
  std::size_t pos = 0;
  while (pos < message.size()) {
    std::size_t eol = message.find('\n', pos);
    std::string_view line = message.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
    pos = eol == std::string_view::npos ? message.size() : eol + 1;
    if (line.empty()) {
      body = message.substr(pos);
      break;
    }
    if ((line.front() == ' ' || line.front() == '\t') && !headers.empty()) {
      headers.back().second += std::string(line);  // a folded line: the line break goes, the space stays
      continue;
    }
    auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    headers.emplace_back(Lower(Trim(line.substr(0, colon))), std::string(Trim(line.substr(colon + 1))));
  }
  for (auto& [name, value] : headers) value = std::string(Trim(value));
  return {std::move(headers), body};
}

std::string HeaderValue(const Headers& headers, std::string_view name) {
  for (const auto& [n, v] : headers) {
    if (n == name) return v;
  }
  return "";
}

struct ContentType {
  std::string type = "text/plain";
  std::string charset = "us-ascii";
  std::string boundary;
};

ContentType ParseContentType(std::string_view value) {
  ContentType ct;
  if (Trim(value).empty()) return ct;
  std::vector<std::string> items(1);  // split at ';' outside quotes
  bool quoted = false;
  for (char c : value) {
    if (c == '"') quoted = !quoted;
    if (c == ';' && !quoted) {
      items.emplace_back();
    } else {
      items.back() += c;
    }
  }
  ct.type = Lower(Trim(items[0]));
  for (std::size_t k = 1; k < items.size(); ++k) {
    auto eq = items[k].find('=');
    if (eq == std::string::npos) continue;
    std::string key = Lower(Trim(std::string_view(items[k]).substr(0, eq)));
    std::string val(Trim(std::string_view(items[k]).substr(eq + 1)));
    if (val.size() >= 2 && val.front() == '"' && val.back() == '"') val = val.substr(1, val.size() - 2);
    if (key == "charset") ct.charset = Lower(val);
    if (key == "boundary") ct.boundary = val;
  }
  return ct;
}

// The parts between "--boundary" lines, up to "--boundary--".
std::vector<std::string_view> SplitMultipart(std::string_view body, const std::string& boundary) {
  std::vector<std::string_view> parts;
  const std::string delimiter = "--" + boundary;
  std::optional<std::size_t> part_start;
  std::size_t pos = 0;
  while (pos <= body.size()) {
    std::size_t eol = body.find('\n', pos);
    std::string_view line = Trim(body.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos));
    if (line.starts_with(delimiter)) {
      if (part_start) {
        std::size_t end = pos > *part_start ? pos - 1 : pos;  // the line break before the delimiter is not content
        parts.push_back(body.substr(*part_start, end - *part_start));
      }
      if (line.substr(delimiter.size()).starts_with("--")) break;
      part_start = eol == std::string_view::npos ? body.size() : eol + 1;
    }
    if (eol == std::string_view::npos) break;
    pos = eol + 1;
  }
  return parts;
}

std::string DecodeBody(const Headers& headers, std::string_view body, const ContentType& ct) {
  std::string encoding = Lower(Trim(HeaderValue(headers, "content-transfer-encoding")));
  std::string bytes;
  if (encoding == "quoted-printable") {
    bytes = DecodeQuotedPrintable(body);
  } else if (encoding == "base64") {
    bytes = DecodeBase64(body);
  } else {
    bytes = std::string(body);
  }
  return WithoutCarriageReturns(ToUtf8(bytes, ct.charset));
}

// The first text/plain content of a part, looking into nested multiparts.
std::optional<std::string> FindPlainText(const Headers& headers, std::string_view body, int depth) {
  ContentType ct = ParseContentType(HeaderValue(headers, "content-type"));
  if (ct.type.starts_with("multipart/")) {
    if (ct.boundary.empty() || depth >= kMaxMultipartDepth) return std::nullopt;
    for (std::string_view part : SplitMultipart(body, ct.boundary)) {
      auto [part_headers, part_body] = SplitHeaders(part);
      if (auto text = FindPlainText(part_headers, part_body, depth + 1)) return text;
    }
    return std::nullopt;
  }
  if (ct.type != "text/plain") return std::nullopt;
  return DecodeBody(headers, body, ct);
}

void AppendCodePoint(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The length of the valid UTF-8 sequence at s[i], or 0 if it is not one.
std::size_t ValidSequence(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  std::size_t len = 0;
  char32_t cp = 0, min = 0;
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) {
    len = 2, cp = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3, cp = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4, cp = c & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

}  // namespace

std::string ToUtf8(std::string_view bytes, std::string_view charset) {
  std::string cs = Lower(charset);
  if (auto star = cs.find('*'); star != std::string::npos) cs.resize(star);  // RFC 2231 language suffix
  std::string out;
  out.reserve(bytes.size());
  if (cs == "iso-8859-1" || cs == "iso8859-1" || cs == "latin1" || cs == "latin-1" || cs == "l1") {
    for (unsigned char c : bytes) AppendCodePoint(out, c);
    return out;
  }
  for (std::size_t i = 0; i < bytes.size();) {
    std::size_t len = ValidSequence(bytes, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(bytes.substr(i, len));
      i += len;
    }
  }
  return out;
}

std::string DecodeQuotedPrintable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '=') {
      out += text[i];
      continue;
    }
    if (i + 1 < text.size() && text[i + 1] == '\n') {  // soft line break
      ++i;
    } else if (i + 2 < text.size() && text[i + 1] == '\r' && text[i + 2] == '\n') {
      i += 2;
    } else if (i + 2 < text.size() && HexValue(text[i + 1]) >= 0 && HexValue(text[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2]));
      i += 2;
    } else {
      out += '=';  // not an escape: kept as sent
    }
  }
  return out;
}

std::string DecodeBase64(std::string_view text) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  out.reserve(text.size() * 3 / 4);
  std::uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    if (c == '=') break;
    int v = value(c);
    if (v < 0) continue;
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  return out;
}

std::string DecodeHeaderText(std::string_view value) {
  std::string out, pending_space;
  bool after_word = false;
  std::size_t i = 0;
  while (i < value.size()) {
    if (value.substr(i).starts_with("=?")) {
      auto charset_end = value.find('?', i + 2);
      if (charset_end != std::string_view::npos && charset_end + 2 < value.size() && value[charset_end + 2] == '?') {
        char encoding = static_cast<char>(std::toupper(static_cast<unsigned char>(value[charset_end + 1])));
        auto text_end = value.find("?=", charset_end + 3);
        if ((encoding == 'B' || encoding == 'Q') && text_end != std::string_view::npos) {
          std::string_view charset = value.substr(i + 2, charset_end - i - 2);
          std::string_view text = value.substr(charset_end + 3, text_end - charset_end - 3);
          std::string bytes;
          if (encoding == 'B') {
            bytes = DecodeBase64(text);
          } else {
            std::string q(text);
            std::replace(q.begin(), q.end(), '_', ' ');
            bytes = DecodeQuotedPrintable(q);
          }
          if (!after_word) out += pending_space;  // space between two encoded words is not text
          pending_space.clear();
          out += ToUtf8(bytes, charset);
          after_word = true;
          i = text_end + 2;
          continue;
        }
      }
    }
    char c = value[i++];
    if (c == ' ' || c == '\t') {
      pending_space += c;
      continue;
    }
    out += pending_space;
    pending_space.clear();
    out += c;
    after_word = false;
  }
  out += pending_space;
  return ToUtf8(out, "utf-8");
}

DecodedMail DecodeMail(std::string_view raw) {
  std::string message = WithoutCarriageReturns(raw);
  auto [headers, body] = SplitHeaders(message);
  DecodedMail mail;
  mail.from = DecodeHeaderText(HeaderValue(headers, "from"));
  mail.to = DecodeHeaderText(HeaderValue(headers, "to"));
  mail.subject = DecodeHeaderText(HeaderValue(headers, "subject"));
  mail.date = ToUtf8(HeaderValue(headers, "date"), "us-ascii");
  std::string id = HeaderValue(headers, "message-id");
  auto lt = id.find('<'), gt = id.find('>');
  mail.message_id = ToUtf8(lt != std::string::npos && gt > lt ? id.substr(lt + 1, gt - lt - 1) : id, "us-ascii");
  if (auto text = FindPlainText(headers, body, 0)) {
    mail.text = std::move(*text);
  } else {
    ContentType ct = ParseContentType(HeaderValue(headers, "content-type"));
    // No plain text: a single part of another type is shown as it is; a multipart without text shows nothing.
    if (!ct.type.starts_with("multipart/")) mail.text = DecodeBody(headers, body, ct);
  }
  return mail;
}

}  // namespace allmende::testing
