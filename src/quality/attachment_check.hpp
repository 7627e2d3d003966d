// What a file attached to a complaint really is, from its bytes: an image as
// directory/image_check.hpp accepts it (PNG, JPEG, WebP, stored without its metadata), or a PDF
// that is whole (a header, an end-of-file marker at its end) and carries no active content
// (JavaScript, launch and submit actions, embedded files, XFA forms, rich media), looked for in
// its plain objects and in its compressed object streams, with the names' #xx escapes decoded.
// Files are always served back as downloads in a sandbox; this check keeps what a viewer could
// run out of the store in the first place.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace allmende::quality {

inline constexpr std::size_t kAttachmentLimit = 5 * 1024 * 1024;

struct CheckedFile {
  std::string content_type;  // image/png, image/jpeg, image/webp, application/pdf
  std::string bytes;
};

// nullopt when the bytes are not an acceptable file of `declared_type` (the Content-Type sent).
std::optional<CheckedFile> CheckAttachment(std::string_view bytes, std::string_view declared_type);

// True for a whole PDF without active content (see above).
bool IsSafePdf(std::string_view bytes);

// A file name fit to show and to send back in Content-Disposition: the last path part, control
// characters, quotes, slashes and backslashes dropped, at most 100 bytes of whole UTF-8
// characters; "attachment" when nothing is left.
std::string CleanFileName(std::string_view name);

}  // namespace allmende::quality
