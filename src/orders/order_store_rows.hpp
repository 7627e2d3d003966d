// What the orders store's SQL files share: binding an optional text and reading all rows.
// Internal to src/orders/*_store_sql.cpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace allmende::orders::store_rows {

inline storage::Value Opt(const std::optional<std::string>& s) {
  return s ? storage::Value(*s) : storage::Value(nullptr);
}

// Every row of `sql`, each converted by `convert`.
template <typename T, typename F>
Result<std::vector<T>> All(storage::Connection& c, std::string_view sql, const storage::Params& params, F convert) {
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(sql, params));
  std::vector<T> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(convert(r));
  return out;
}

}  // namespace allmende::orders::store_rows
