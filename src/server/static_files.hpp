// Serves the built web UI (web/dist) from memory, with cache headers and the single-page-app
// fallback: a path that is not a file and has no extension gets index.html, so deep links work.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>

#include "server/http.hpp"

namespace allmende::http {

class StaticFiles {
 public:
  // Loads every file under `root`. A missing folder is not an error: the server then answers
  // the UI's paths with 404 and logs a warning at start.
  explicit StaticFiles(const std::string& root);

  // The response for a GET/HEAD of `path`, or nullopt if neither a file nor the fallback applies.
  std::optional<Response> Serve(const Request& request) const;

  std::size_t file_count() const { return files_.size(); }

 private:
  struct File {
    std::string body;
    std::string content_type;
    std::string etag;
    std::string cache_control;
  };
  Response Make(const File& file, const Request& request) const;
  std::unordered_map<std::string, File> files_;
};

}  // namespace allmende::http
