// Regions: the unit one installation serves (a welfare area, a Kreis, a group of kommuner).
// Every table that holds regional data carries region_id.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace allmende::tenancy {

struct Region {
  std::string id;    // "reg_…"
  std::string code;  // URL-safe, unique: "pirkanmaa"
  std::string name;
  std::string country;           // FI, DE, DK
  std::string time_zone;         // IANA zone the region's times are shown in
  std::string default_language;  // fi, sv, en, de, da
  std::string created_at;        // RFC 3339 UTC
  std::string updated_at;
  std::int64_t version = 1;  // increases on every change; the ETag
};

struct NewRegion {
  std::string code;
  std::string name;
  std::string country;
  std::optional<std::string> time_zone;
  std::optional<std::string> default_language;
};

// The JSON representation used by every endpoint that returns a region.
std::string RegionJson(const Region& region);

}  // namespace allmende::tenancy
