#include "storage/dialect.hpp"

namespace allmende::storage {
namespace {

struct Marker {
  std::string_view name;
  std::string_view sqlite;
  std::string_view postgres;
};

constexpr Marker kMarkers[] = {
    {"{{skip_locked}}", "", "FOR UPDATE SKIP LOCKED"},
};

}  // namespace

std::string ExpandDialect(std::string_view sql, Dialect dialect) {
  std::string out(sql);
  for (const auto& m : kMarkers) {
    for (auto at = out.find(m.name); at != std::string::npos; at = out.find(m.name, at)) {
      std::string_view with = dialect == Dialect::kSqlite ? m.sqlite : m.postgres;
      out.replace(at, m.name.size(), with);
      at += with.size();
    }
  }
  return out;
}

}  // namespace allmende::storage
