// Rules for regions: who may create them, what a valid region is, idempotent creation.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "events/event_bus.hpp"
#include "server/http.hpp"
#include "storage/database.hpp"
#include "tenancy/region_types.hpp"

namespace allmende::tenancy {

struct RegionPage {
  std::vector<Region> items;
  std::optional<std::string> next_cursor;
};

class RegionService {
 public:
  RegionService(storage::Database& db, events::EventBus& bus) : db_(db), bus_(bus) {}

  // Validates and stores a region. Unauthenticated without a principal, PermissionDenied unless
  // platform admin, InvalidArgument listing every wrong field, Conflict (field "code") if the
  // code is taken. Publishes region.created on commit. (A retried POST is the request guard's:
  // it replays the first answer for the same Idempotency-Key.)
  Result<Region> Create(const access::Actor& actor, const NewRegion& input);

  // The region with this code, if any: what the demo seed checks before it creates one.
  Result<std::optional<Region>> FindByCode(const std::string& code);

  // NotFound for an unknown or malformed id. Regions are public (the web shop picks one).
  Result<Region> Get(const std::string& id);
  // The same inside the caller's transaction (a service never opens a second one inside its own).
  static Result<Region> Get(storage::Connection& c, const std::string& id);

  // Regions in creation order; `limit` 1-100, `cursor` from a previous page's next_cursor.
  Result<RegionPage> List(int limit, const std::string& cursor);

 private:
  storage::Database& db_;
  events::EventBus& bus_;
};

// Checks a NewRegion and fills in the defaults of its country; InvalidArgument lists every
// wrong field.
Result<NewRegion> ValidateNewRegion(NewRegion input);

}  // namespace allmende::tenancy
