#include "quality/attachment_check.hpp"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "directory/image_check.hpp"

namespace allmende::quality {
namespace {

// Names that make a PDF do something when it is opened or clicked, and encodings this check does
// not decode (so it could not look inside them) or encryption (likewise).
constexpr std::array<std::string_view, 21> kRefusedNames{
    "JavaScript",    "JS",         "Launch",      "EmbeddedFile", "EmbeddedFiles",   "RichMedia",
    "XFA",           "SubmitForm", "ImportData",  "GoToE",        "ASCIIHexDecode",  "AHx",
    "ASCII85Decode", "A85",        "LZWDecode",   "LZW",          "RunLengthDecode", "RL",
    "Crypt",         "Encrypt",    "JBIG2Globals"};

constexpr std::size_t kInflateBudget = 20 * 1024 * 1024;

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
  }
  inflateEnd(&z);
  if (rc != Z_STREAM_END) return std::nullopt;
  return out;
}

// Walks the tokens of `text` (a file, or an inflated object stream): names are checked with their
// #xx escapes decoded; literal strings (balanced parentheses, backslash escapes), hex strings and
// comments are skipped, so a "stream" inside a string is not taken for one. At each `stream`
// keyword the data up to `endstream` belongs to the object: inflated and walked in turn when the
// object names FlateDecode (it must inflate whole), walked as it is when it is an object stream
// without a filter, and otherwise data (an image), where any byte sequence occurs.
bool WalkPdf(std::string_view text, int depth, std::size_t& inflated_total) {
  bool flate = false, object_stream = false;
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const char ch = text[i];
    if (ch == '%') {
      while (i < n && text[i] != '\n' && text[i] != '\r') ++i;
    } else if (ch == '(') {
      int nesting = 1;
      for (++i; i < n && nesting > 0; ++i) {
        if (text[i] == '\\') {
          ++i;
        } else if (text[i] == '(') {
          ++nesting;
        } else if (text[i] == ')') {
          --nesting;
        }
      }
    } else if (ch == '<' && i + 1 < n && text[i + 1] == '<') {
      i += 2;  // a dictionary
    } else if (ch == '<') {
      while (i < n && text[i] != '>') ++i;  // a hex string
      ++i;
    } else if (ch == '/') {
      std::string name;
      for (++i; i < n && !IsDelimiter(text[i]) && name.size() < 64;) {
        if (text[i] == '#' && i + 2 < n && HexValue(text[i + 1]) >= 0 && HexValue(text[i + 2]) >= 0) {
          name.push_back(static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2])));
          i += 3;
        } else {
          name.push_back(text[i++]);
        }
      }
      if (std::find(kRefusedNames.begin(), kRefusedNames.end(), name) != kRefusedNames.end()) return false;
      if (name == "FlateDecode" || name == "Fl") flate = true;
      if (name == "ObjStm") object_stream = true;
    } else if (!IsDelimiter(ch)) {
      const std::size_t from = i;
      while (i < n && !IsDelimiter(text[i])) ++i;
      const std::string_view word = text.substr(from, i - from);
      if (word == "obj" || word == "endobj") {
        flate = object_stream = false;
      } else if (word == "stream") {
        if (depth > 0) return false;  // a stream inside an object stream is not PDF
        if (i < n && text[i] == '\r') ++i;
        if (i < n && text[i] == '\n') ++i;
        const std::size_t end = text.find("endstream", i);
        if (end == std::string_view::npos) return false;
        const std::string_view data = text.substr(i, end - i);
        if (flate) {
          if (inflated_total >= kInflateBudget) return false;  // too much to look into
          bool too_large = false;
          auto plain = Inflate(data, kInflateBudget - inflated_total, &too_large);
          if (!plain) return false;  // corrupt or too large: a lenient viewer might still read it
          inflated_total += plain->size();
          if (!WalkPdf(*plain, depth + 1, inflated_total)) return false;
        } else if (object_stream && !WalkPdf(data, depth + 1, inflated_total)) {
          return false;
        }
        i = end + 9;
        flate = object_stream = false;
      }
    } else {
      ++i;
    }
  }
  return true;
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
  std::size_t inflated_total = 0;
  return WalkPdf(bytes, 0, inflated_total);
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
