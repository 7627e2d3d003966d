// What an uploaded image really is, read from its bytes, never from what the sender says: only a
// whole PNG, JPEG or WebP file (every chunk or segment in place, nothing after its end) with at
// most 25 million pixels passes, so no HTML, SVG, script or polyglot is ever stored and served
// back as an "image". What is kept is the image without its metadata (EXIF with a phone's GPS
// position, XMP, comments, text chunks).
//
// The bytes are walked, not decoded: a file whose compressed data is corrupt passes and shows as
// a broken image in the browser, which is harmless.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace allmende::directory {

struct ImageInfo {
  std::string content_type;  // image/png, image/jpeg, image/webp
  int width = 0;
  int height = 0;
};

struct CheckedImage {
  ImageInfo info;
  std::string bytes;  // the file without its metadata
};

// The type and dimensions from the file's header; nullopt for anything else, for a truncated
// header, and for dimensions outside 1..10000 pixels a side.
std::optional<ImageInfo> InspectImage(std::string_view bytes);

// The whole file checked and stripped of metadata; nullopt if it is not a whole PNG, JPEG or
// WebP, or has more than 25 million pixels.
std::optional<CheckedImage> CheckImage(std::string_view bytes);

}  // namespace allmende::directory
