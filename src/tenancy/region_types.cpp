#include "tenancy/region_types.hpp"

#include <boost/json.hpp>

namespace allmende::tenancy {

std::string RegionJson(const Region& r) {
  boost::json::object o;
  o["id"] = r.id;
  o["code"] = r.code;
  o["name"] = r.name;
  o["country"] = r.country;
  o["time_zone"] = r.time_zone;
  o["default_language"] = r.default_language;
  o["created_at"] = r.created_at;
  o["updated_at"] = r.updated_at;
  o["version"] = r.version;
  return boost::json::serialize(o);
}

}  // namespace allmende::tenancy
