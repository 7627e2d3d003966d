#include "storage/open_database.hpp"

#include <filesystem>

#include "storage/postgres/pg_database.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace allmende::storage {

Result<std::unique_ptr<Database>> OpenDatabase(const DatabaseOptions& options) {
  std::string path;
  if (options.url.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(options.data_dir, ec);
    if (ec) return Error::Unavailable("Cannot create data folder " + options.data_dir + ": " + ec.message());
    path = (std::filesystem::path(options.data_dir) / "allmende.db").string();
  } else if (options.url.starts_with("sqlite://")) {
    path = options.url.substr(std::string_view("sqlite://").size());
    if (path.empty()) return Error::Invalid("storage.database", "sqlite:// needs a file path");
    auto parent = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  } else if (options.url.starts_with("postgresql://") || options.url.starts_with("postgres://")) {
    return OpenPostgres({.url = options.url, .connections = options.read_connections});
  } else {
    return Error::Invalid("storage.database", "must start with sqlite:// or postgresql://");
  }
  return OpenSqlite({.path = path,
                     .read_connections = options.read_connections,
                     .busy_timeout_ms = options.busy_timeout_ms,
                     .mmap_bytes = options.sqlite_mmap_bytes});
}

}  // namespace allmende::storage
