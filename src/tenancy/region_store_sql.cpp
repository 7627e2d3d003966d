#include "tenancy/region_store.hpp"

namespace allmende::tenancy {
namespace {

constexpr std::string_view kInsert =
    "INSERT INTO regions (id, code, name, country, time_zone, default_language, created_at, updated_at, version) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
constexpr std::string_view kGet =
    "SELECT id, code, name, country, time_zone, default_language, created_at, updated_at, version "
    "FROM regions WHERE id = $1";
constexpr std::string_view kFindByCode =
    "SELECT id, code, name, country, time_zone, default_language, created_at, updated_at, version "
    "FROM regions WHERE code = $1";
constexpr std::string_view kList =
    "SELECT id, code, name, country, time_zone, default_language, created_at, updated_at, version "
    "FROM regions WHERE id > $1 ORDER BY id LIMIT $2";

Region FromRow(const storage::Row& row) {
  return Region{row.Text(0), row.Text(1), row.Text(2), row.Text(3), row.Text(4),
                row.Text(5), row.Text(6), row.Text(7), row.Int(8)};
}

}  // namespace

Result<void> RegionStore::Insert(storage::Connection& c, const Region& r) {
  ALLMENDE_TRY(c.Execute(kInsert, {r.id, r.code, r.name, r.country, r.time_zone, r.default_language, r.created_at,
                                   r.updated_at, r.version}));
  return Ok();
}

Result<std::optional<Region>> RegionStore::Get(storage::Connection& c, const std::string& id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kGet, {id}));
  if (!row) return std::optional<Region>();
  return std::optional<Region>(FromRow(*row));
}

Result<std::optional<Region>> RegionStore::FindByCode(storage::Connection& c, const std::string& code) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kFindByCode, {code}));
  if (!row) return std::optional<Region>();
  return std::optional<Region>(FromRow(*row));
}

Result<std::vector<Region>> RegionStore::List(storage::Connection& c, const std::string& after, int limit) {
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(kList, {after, std::int64_t{limit}}));
  std::vector<Region> out;
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back(FromRow(row));
  return out;
}

}  // namespace allmende::tenancy
