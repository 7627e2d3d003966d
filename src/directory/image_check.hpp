// What an uploaded image really is, read from its bytes, never from what the sender says: only
// PNG, JPEG and WebP with sane dimensions pass, so no HTML, SVG or script is ever stored and
// served back as an "image".
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

// The type and dimensions from the file's header; nullopt for anything else, for a truncated
// header, and for dimensions outside 1..10000 pixels.
std::optional<ImageInfo> InspectImage(std::string_view bytes);

}  // namespace allmende::directory
