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

// The answer to a create: the status and JSON body, which a retry with the same
// Idempotency-Key gets again unchanged.
struct CreatedRegion {
  int status = 201;
  std::string body;
};

class RegionService {
 public:
  RegionService(storage::Database& db, events::EventBus& bus) : db_(db), bus_(bus) {}

  // Validates and stores a region. Unauthenticated without a principal, PermissionDenied unless
  // platform admin, InvalidArgument listing every wrong field, Conflict (field "code") if the
  // code is taken. With an idempotency key the first answer is stored in the same transaction
  // and returned again for a retry of the same body. Publishes region.created on commit.
  Result<CreatedRegion> Create(const access::Actor& actor, const NewRegion& input, const std::string& idempotency_key,
                               const std::string& request_body);

  // NotFound for an unknown or malformed id. Regions are public (the web shop picks one).
  Result<Region> Get(const std::string& id);

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
