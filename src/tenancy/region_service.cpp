#include "tenancy/region_service.hpp"

#include "access/access_log.hpp"
#include "common/ids.hpp"
#include "common/time.hpp"
#include "common/validate.hpp"
#include "tenancy/region_store.hpp"

namespace allmende::tenancy {
namespace {

struct CountryDefaults {
  std::string_view country;
  std::string_view time_zone;
  std::string_view language;
};
constexpr CountryDefaults kCountries[] = {
    {"FI", "Europe/Helsinki", "fi"},
    {"DE", "Europe/Berlin", "de"},
    {"DK", "Europe/Copenhagen", "da"},
};

bool IsSlug(const std::string& s) {
  if (s.size() < 2 || s.size() > 40 || s.front() == '-' || s.back() == '-') return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

}  // namespace

Result<NewRegion> ValidateNewRegion(NewRegion in) {
  std::vector<FieldError> errors;
  if (!IsSlug(in.code)) {
    errors.push_back({"code", "must be 2-40 characters of a-z, 0-9 and '-', not starting or ending with '-'"});
  }
  if (in.name.find_first_not_of(" \t") == std::string::npos) errors.push_back({"name", "must not be blank"});
  const CountryDefaults* defaults = nullptr;
  for (const auto& c : kCountries) {
    if (c.country == in.country) defaults = &c;
  }
  if (!defaults) {
    errors.push_back({"country", "must be one of: FI, DE, DK"});
  } else {
    if (!in.time_zone) in.time_zone = std::string(defaults->time_zone);
    if (!in.default_language) in.default_language = std::string(defaults->language);
    bool zone_ok = false;
    for (const auto& c : kCountries) zone_ok |= c.time_zone == *in.time_zone;
    if (!zone_ok) errors.push_back({"time_zone", "must be one of: Europe/Helsinki, Europe/Berlin, Europe/Copenhagen"});
  }
  if (in.default_language && !IsLanguage(*in.default_language)) {
    errors.push_back({"default_language", LanguageProblem()});
  }
  if (!errors.empty()) return Error::Invalid(std::move(errors));
  return in;
}

Result<Region> RegionService::Create(const access::Actor& actor, const NewRegion& input) {
  ALLMENDE_TRY(db_.Read([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_TRY(access::Authorize(c, actor.principal, access::Action::kRegionCreate, {}, Now()));
    return Ok();
  }));
  ALLMENDE_ASSIGN_OR_RETURN(NewRegion valid, ValidateNewRegion(input));
  return db_.WriteValue<Region>([&](storage::Connection& c) -> Result<Region> {
    std::string now = FormatRfc3339(Now());
    Region region{NewId("reg"), valid.code, valid.name, valid.country, *valid.time_zone, *valid.default_language,
                  now,          now,        1};
    auto inserted = RegionStore::Insert(c, region);
    if (!inserted.ok()) {
      if (inserted.error().code == ErrorCode::kConflict) {
        return Error::Invalid("code", "is already used by another region");
      }
      return std::move(inserted).error();
    }
    ALLMENDE_TRY(access::AuthorizeAndRecord(
        c, actor, access::Action::kRegionCreate, {},
        {.action = "region.create", .subject_type = "region", .subject_id = region.id}, Now()));
    ALLMENDE_TRY(bus_.Publish(
        c, events::Event{NewId("evt"), "region.created", region.id, region.id, {"role:platform_admin"}, "{}", now}));
    return region;
  });
}

Result<std::optional<Region>> RegionService::FindByCode(const std::string& code) {
  return db_.ReadValue<std::optional<Region>>([&](storage::Connection& c) { return RegionStore::FindByCode(c, code); });
}

Result<Region> RegionService::Get(const std::string& id) {
  return db_.ReadValue<Region>([&](storage::Connection& c) { return Get(c, id); });
}

Result<Region> RegionService::Get(storage::Connection& c, const std::string& id) {
  if (!IsValidId("reg", id)) return Error::NotFound("There is no region " + id + ".");
  ALLMENDE_ASSIGN_OR_RETURN(auto region, RegionStore::Get(c, id));
  if (!region) return Error::NotFound("There is no region " + id + ".");
  return std::move(*region);
}

Result<RegionPage> RegionService::List(int limit, const std::string& cursor) {
  if (limit < 1 || limit > 100) return Error::Invalid("limit", "must be an integer from 1 to 100");
  if (!cursor.empty() && !IsValidId("reg", cursor)) {
    return Error::Invalid("cursor", "is not a cursor from a previous page");
  }
  return db_.ReadValue<RegionPage>([&](storage::Connection& c) -> Result<RegionPage> {
    // One extra row tells whether there is a next page without a count query.
    ALLMENDE_ASSIGN_OR_RETURN(auto rows, RegionStore::List(c, cursor, limit + 1));
    RegionPage page;
    if (static_cast<int>(rows.size()) > limit) {
      rows.resize(static_cast<std::size_t>(limit));
      page.next_cursor = rows.back().id;
    }
    page.items = std::move(rows);
    return page;
  });
}

}  // namespace allmende::tenancy
