#include "quality/attachment_check.hpp"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "directory/image_check.hpp"

namespace allmende::quality {
namespace {

// Names that make a PDF do something when it is opened or clicked.
constexpr std::array<std::string_view, 10> kActiveNames{"JavaScript",    "JS",        "Launch", "EmbeddedFile",
                                                        "EmbeddedFiles", "RichMedia", "XFA",    "SubmitForm",
                                                        "ImportData",    "GoToE"};

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsDelimiter(char c) {
  return std::isspace(static_cast<unsigned char>(c)) || c == '/' || c == '(' || c == ')' || c == '<' || c == '>' ||
         c == '[' || c == ']' || c == '{' || c == '}' || c == '%' || c == '\0';
}

// True when any name in `text` (a "/Name" token, #xx escapes decoded) is an active one.
bool HasActiveName(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '/') continue;
    std::string name;
    std::size_t j = i + 1;
    while (j < text.size() && !IsDelimiter(text[j]) && name.size() < 64) {
      if (text[j] == '#' && j + 2 < text.size() && HexValue(text[j + 1]) >= 0 && HexValue(text[j + 2]) >= 0) {
        name.push_back(static_cast<char>(HexValue(text[j + 1]) * 16 + HexValue(text[j + 2])));
        j += 3;
      } else {
        name.push_back(text[j++]);
      }
    }
    if (std::find(kActiveNames.begin(), kActiveNames.end(), name) != kActiveNames.end()) return true;
    i = j - 1;
  }
  return false;
}

// Inflates a Flate stream into at most `limit` bytes; nullopt when it is not one, or is larger
// (then `*too_large` is set).
std::optional<std::string> Inflate(std::string_view data, std::size_t limit, bool* too_large) {
  z_stream z{};
  if (inflateInit(&z) != Z_OK) return std::nullopt;
  std::string out;
  std::array<char, 16384> buffer{};
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buffer.data());
    z.avail_out = static_cast<uInt>(buffer.size());
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buffer.data(), buffer.size() - z.avail_out);
    if (out.size() > limit) {
      *too_large = true;
      rc = Z_MEM_ERROR;
    }
    if (rc == Z_BUF_ERROR && z.avail_in == 0) break;  // truncated data: what came is checked
  }
  inflateEnd(&z);
  if (rc != Z_STREAM_END && rc != Z_BUF_ERROR) return std::nullopt;
  return out;
}

}  // namespace

bool IsSafePdf(std::string_view bytes) {
  if (bytes.size() < 16 || bytes.size() > kAttachmentLimit) return false;
  if (!bytes.starts_with("%PDF-") || !std::isdigit(static_cast<unsigned char>(bytes[5])) || bytes[6] != '.') {
    return false;
  }
  // The end-of-file marker within the last kilobyte: a whole file, not a prefix of something else.
  const std::string_view tail = bytes.substr(bytes.size() - std::min<std::size_t>(bytes.size(), 1024));
  if (tail.find("%%EOF") == std::string_view::npos) return false;
  // The objects outside streams are checked as they are. Compressed streams may hold objects
  // (object streams) or anything else: each Flate stream is inflated (at most 20 MB in all) and
  // its names checked as well. Other streams (images) are data, where any byte sequence occurs.
  std::size_t inflated_total = 0;
  std::size_t plain_from = 0;
  for (std::size_t at = bytes.find("stream"); at != std::string_view::npos; at = bytes.find("stream", at + 6)) {
    if (at >= 3 && bytes.substr(at - 3, 3) == "end") continue;
    if (HasActiveName(bytes.substr(plain_from, at - plain_from))) return false;
    std::size_t start = at + 6;
    if (start < bytes.size() && bytes[start] == '\r') ++start;
    if (start < bytes.size() && bytes[start] == '\n') ++start;
    const std::size_t end = bytes.find("endstream", start);
    if (end == std::string_view::npos) return false;
    const std::string_view data = bytes.substr(start, end - start);
    if (data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x78) {
      constexpr std::size_t kBudget = 20 * 1024 * 1024;
      if (inflated_total >= kBudget) return false;  // too much to look into
      bool too_large = false;
      if (auto plain = Inflate(data, kBudget - inflated_total, &too_large)) {
        inflated_total += plain->size();
        if (HasActiveName(*plain)) return false;
      }
      if (too_large) return false;
    }
    at = end;
    plain_from = end;
  }
  if (HasActiveName(bytes.substr(plain_from))) return false;
  return true;
}

std::optional<CheckedFile> CheckAttachment(std::string_view bytes, std::string_view declared_type) {
  if (bytes.size() > kAttachmentLimit) return std::nullopt;
  if (declared_type == "application/pdf") {
    if (!IsSafePdf(bytes)) return std::nullopt;
    return CheckedFile{"application/pdf", std::string(bytes)};
  }
  if (declared_type != "image/png" && declared_type != "image/jpeg" && declared_type != "image/webp") {
    return std::nullopt;
  }
  auto image = directory::CheckImage(bytes);
  if (!image || image->info.content_type != declared_type) return std::nullopt;
  return CheckedFile{image->info.content_type, std::move(image->bytes)};
}

std::string CleanFileName(std::string_view name) {
  if (auto slash = name.find_last_of("/\\"); slash != std::string_view::npos) name = name.substr(slash + 1);
  std::string out;
  for (unsigned char ch : name) {
    if (ch < 0x20 || ch == 0x7f || ch == '"' || ch == '\'' || ch == ';') continue;
    out.push_back(static_cast<char>(ch));
  }
  // At most 100 bytes, never cutting a UTF-8 character in two.
  if (out.size() > 100) {
    std::size_t cut = 100;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  while (!out.empty() && (out.front() == '.' || out.front() == ' ')) out.erase(out.begin());
  if (out.empty()) return "attachment";
  return out;
}

}  // namespace allmende::quality
