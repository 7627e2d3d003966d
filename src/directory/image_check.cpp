#include "directory/image_check.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace allmende::directory {
namespace {

constexpr int kMaxSide = 10000;

std::uint32_t Big16(std::string_view b, std::size_t at) {
  return (static_cast<std::uint8_t>(b[at]) << 8) | static_cast<std::uint8_t>(b[at + 1]);
}
std::uint32_t Big32(std::string_view b, std::size_t at) { return (Big16(b, at) << 16) | Big16(b, at + 2); }
std::uint32_t Little16(std::string_view b, std::size_t at) {
  return static_cast<std::uint8_t>(b[at]) | (static_cast<std::uint8_t>(b[at + 1]) << 8);
}
std::uint32_t Little24(std::string_view b, std::size_t at) {
  return Little16(b, at) | (static_cast<std::uint8_t>(b[at + 2]) << 16);
}

std::optional<ImageInfo> Sized(const char* type, std::uint32_t w, std::uint32_t h) {
  if (w < 1 || h < 1 || w > kMaxSide || h > kMaxSide) return std::nullopt;
  return ImageInfo{type, static_cast<int>(w), static_cast<int>(h)};
}

std::optional<ImageInfo> Png(std::string_view b) {
  // Signature, then the IHDR chunk first: length 13, "IHDR", width, height.
  if (b.size() < 24 || b.substr(0, 8) != std::string_view("\x89PNG\r\n\x1a\n", 8) || b.substr(12, 4) != "IHDR") {
    return std::nullopt;
  }
  return Sized("image/png", Big32(b, 16), Big32(b, 20));
}

std::optional<ImageInfo> Jpeg(std::string_view b) {
  if (b.size() < 4 || static_cast<std::uint8_t>(b[0]) != 0xFF || static_cast<std::uint8_t>(b[1]) != 0xD8) {
    return std::nullopt;
  }
  // Walk the marker segments to the first start-of-frame, which holds the dimensions.
  std::size_t at = 2;
  while (at + 4 <= b.size()) {
    if (static_cast<std::uint8_t>(b[at]) != 0xFF) return std::nullopt;
    std::uint8_t marker = static_cast<std::uint8_t>(b[at + 1]);
    if (marker == 0xFF) {
      ++at;  // fill byte
      continue;
    }
    std::uint32_t length = Big16(b, at + 2);
    if (length < 2) return std::nullopt;
    bool frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (frame) {
      if (at + 9 > b.size()) return std::nullopt;
      return Sized("image/jpeg", Big16(b, at + 7), Big16(b, at + 5));
    }
    if (marker == 0xD9 || marker == 0xDA) return std::nullopt;  // end or scan before any frame
    at += 2 + length;
  }
  return std::nullopt;
}

std::optional<ImageInfo> Webp(std::string_view b) {
  if (b.size() < 30 || b.substr(0, 4) != "RIFF" || b.substr(8, 4) != "WEBP") return std::nullopt;
  std::string_view chunk = b.substr(12, 4);
  if (chunk == "VP8 ") {
    // Key frame start code, then 14-bit width and height.
    if (b.substr(23, 3) != std::string_view("\x9d\x01\x2a", 3)) return std::nullopt;
    return Sized("image/webp", Little16(b, 26) & 0x3FFF, Little16(b, 28) & 0x3FFF);
  }
  if (chunk == "VP8L") {
    if (static_cast<std::uint8_t>(b[20]) != 0x2F) return std::nullopt;
    std::uint32_t bits = Little16(b, 21) | (Little16(b, 23) << 16);
    return Sized("image/webp", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
  }
  if (chunk == "VP8X") return Sized("image/webp", Little24(b, 24) + 1, Little24(b, 27) + 1);
  return std::nullopt;
}

constexpr std::int64_t kMaxPixels = 25'000'000;

std::uint32_t Crc32(std::string_view data) {
  static const auto table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t n = 0; n < 256; ++n) {
      std::uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  std::uint32_t c = 0xFFFFFFFFu;
  for (char ch : data) c = table[(c ^ static_cast<std::uint8_t>(ch)) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

// Every chunk with a correct CRC, IHDR first, at least one IDAT, IEND last with nothing after it.
// Keeps what rendering needs; drops text, EXIF, time and private chunks.
std::optional<std::string> WholePng(std::string_view b) {
  static const std::string_view keep[] = {"IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA",
                                          "cHRM", "sRGB", "iCCP", "sBIT", "pHYs"};
  std::string out(b.substr(0, 8));
  std::size_t at = 8;
  bool idat = false;
  for (int index = 0; at + 12 <= b.size(); ++index) {
    std::uint32_t length = Big32(b, at);
    if (length > b.size() - at - 12) return std::nullopt;
    std::string_view type = b.substr(at + 4, 4);
    std::string_view chunk = b.substr(at, 12 + length);
    if (Crc32(b.substr(at + 4, 4 + length)) != Big32(b, at + 8 + length)) return std::nullopt;
    if ((index == 0) != (type == "IHDR")) return std::nullopt;
    idat |= type == "IDAT";
    if (std::find(std::begin(keep), std::end(keep), type) != std::end(keep)) out += chunk;
    at += 12 + length;
    if (type == "IEND") return at == b.size() && idat ? std::optional<std::string>(out) : std::nullopt;
  }
  return std::nullopt;
}

// SOI, marker segments, entropy-coded scans, EOI last with nothing after it. Drops APP1–APP13
// and APP15 (EXIF, XMP, …) and comments; keeps JFIF (APP0) and Adobe's colour transform (APP14).
std::optional<std::string> WholeJpeg(std::string_view b) {
  std::string out(b.substr(0, 2));
  std::size_t at = 2;
  bool frame = false;
  while (at + 2 <= b.size()) {
    if (static_cast<std::uint8_t>(b[at]) != 0xFF) return std::nullopt;
    std::uint8_t marker = static_cast<std::uint8_t>(b[at + 1]);
    if (marker == 0xFF) {
      ++at;
      continue;
    }
    if (marker == 0xD9) {
      out += b.substr(at, 2);
      return at + 2 == b.size() && frame ? std::optional<std::string>(out) : std::nullopt;
    }
    if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) return std::nullopt;
    if (at + 4 > b.size()) return std::nullopt;
    std::uint32_t length = Big16(b, at + 2);
    if (length < 2 || at + 2 + length > b.size()) return std::nullopt;
    frame |= marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    bool metadata = (marker >= 0xE1 && marker <= 0xED) || marker == 0xEF || marker == 0xFE;
    if (!metadata) out += b.substr(at, 2 + length);
    at += 2 + length;
    if (marker == 0xDA) {  // a scan: entropy-coded bytes up to the next marker but a restart
      if (!frame) return std::nullopt;
      std::size_t start = at;
      while (at + 1 < b.size()) {
        if (static_cast<std::uint8_t>(b[at]) == 0xFF) {
          std::uint8_t next = static_cast<std::uint8_t>(b[at + 1]);
          if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7) && next != 0xFF) break;
        }
        ++at;
      }
      if (at + 1 >= b.size()) return std::nullopt;
      out += b.substr(start, at - start);
    }
  }
  return std::nullopt;
}

// The RIFF length matching the file, every chunk inside it; drops EXIF and XMP (and says so in
// VP8X's flags).
std::optional<std::string> WholeWebp(std::string_view b) {
  if (Little16(b, 4) + (static_cast<std::uint64_t>(Little16(b, 6)) << 16) + 8 != b.size()) return std::nullopt;
  std::string body = "WEBP";
  std::size_t at = 12;
  while (at < b.size()) {
    if (at + 8 > b.size()) return std::nullopt;
    std::string_view type = b.substr(at, 4);
    std::uint64_t length = Little16(b, at + 4) + (static_cast<std::uint64_t>(Little16(b, at + 6)) << 16);
    std::uint64_t padded = length + (length & 1);
    if (padded > b.size() - at - 8) return std::nullopt;
    if (type != "EXIF" && type != "XMP ") {
      std::string chunk(b.substr(at, 8 + padded));
      if (type == "VP8X" && chunk.size() > 8) chunk[8] = static_cast<char>(chunk[8] & ~0x0C);
      body += chunk;
    }
    at += 8 + padded;
  }
  std::uint32_t size = static_cast<std::uint32_t>(body.size());
  std::string out = "RIFF";
  for (int shift = 0; shift < 32; shift += 8) out += static_cast<char>((size >> shift) & 0xFF);
  return out + body;
}

}  // namespace

std::optional<CheckedImage> CheckImage(std::string_view bytes) {
  auto info = InspectImage(bytes);
  if (!info || static_cast<std::int64_t>(info->width) * info->height > kMaxPixels) return std::nullopt;
  std::optional<std::string> whole;
  if (info->content_type == "image/png") whole = WholePng(bytes);
  if (info->content_type == "image/jpeg") whole = WholeJpeg(bytes);
  if (info->content_type == "image/webp") whole = WholeWebp(bytes);
  if (!whole) return std::nullopt;
  return CheckedImage{std::move(*info), std::move(*whole)};
}

std::optional<ImageInfo> InspectImage(std::string_view bytes) {
  if (auto png = Png(bytes)) return png;
  if (auto jpeg = Jpeg(bytes)) return jpeg;
  return Webp(bytes);
}

}  // namespace allmende::directory
