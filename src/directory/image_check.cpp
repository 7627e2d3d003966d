#include "directory/image_check.hpp"

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

}  // namespace

std::optional<ImageInfo> InspectImage(std::string_view bytes) {
  if (auto png = Png(bytes)) return png;
  if (auto jpeg = Jpeg(bytes)) return jpeg;
  return Webp(bytes);
}

}  // namespace allmende::directory
