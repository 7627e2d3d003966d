#include "server/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace allmende::http {
namespace {

std::string ContentType(const std::filesystem::path& p) {
  static const std::unordered_map<std::string, std::string> kTypes{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".webmanifest", "application/manifest+json"},
      {".map", "application/json"},
  };
  auto it = kTypes.find(p.extension().string());
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

// FNV-1a: an ETag only has to change when the content does.
std::string Etag(const std::string& body) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : body) {
    h ^= c;
    h *= 1099511628211ull;
  }
  std::ostringstream out;
  out << "\"" << std::hex << h << "-" << body.size() << "\"";
  return out.str();
}

}  // namespace

StaticFiles::StaticFiles(const std::string& root) {
  std::error_code ec;
  if (!std::filesystem::is_directory(root, ec)) return;
  for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string rel = "/" + std::filesystem::relative(it->path(), root).generic_string();
    File f;
    f.content_type = ContentType(it->path());
    f.etag = Etag(body);
    // Vite puts content-hashed names under /assets/: they never change, so cache them for a year.
    // Everything else (index.html above all) must be revalidated so a deploy shows at once.
    f.cache_control = rel.starts_with("/assets/") ? "public, max-age=31536000, immutable" : "no-cache";
    f.body = std::move(body);
    files_.emplace(std::move(rel), std::move(f));
  }
}

Response StaticFiles::Make(const File& file, const Request& request) const {
  Response r;
  r.headers.emplace_back("ETag", file.etag);
  r.headers.emplace_back("Cache-Control", file.cache_control);
  if (request.Header("if-none-match") == file.etag) {
    r.status = 304;
    return r;
  }
  r.status = 200;
  r.content_type = file.content_type;
  r.body = file.body;
  return r;
}

std::optional<Response> StaticFiles::Serve(const Request& request) const {
  std::string path = request.path == "/" ? "/index.html" : request.path;
  if (auto it = files_.find(path); it != files_.end()) return Make(it->second, request);
  // Deep links of the single-page app ("/profile/sessions") get index.html; a missing file
  // with an extension ("/assets/old.js") is a real 404.
  auto last = path.substr(path.rfind('/') + 1);
  if (last.find('.') != std::string::npos) return std::nullopt;
  if (auto it = files_.find("/index.html"); it != files_.end()) return Make(it->second, request);
  return std::nullopt;
}

}  // namespace allmende::http
