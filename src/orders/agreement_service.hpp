// Framework agreements: a purchaser's terms with a provider (services, area, price, weekly
// capacity, rank, response deadline, cancellation and failed-visit rules). Purchaser officers
// manage them; the provider and the region's coordinators read them.
#pragma once

#include <string>
#include <vector>

#include "access/policy.hpp"
#include "orders/order_service.hpp"
#include "orders/order_types.hpp"

namespace allmende::orders {

class AgreementService {
 public:
  AgreementService(storage::Database& db, const TimeSource& clock, PlaceNamer place_name)
      : db_(db), clock_(clock), place_name_(std::move(place_name)) {}

  // Validates every field (InvalidArgument naming each wrong one) and stores the agreement;
  // PermissionDenied unless the actor is a purchaser officer of `a.purchaser_id`.
  Result<Agreement> Create(const access::Actor& actor, Agreement a);
  // An organization's agreements, as purchaser or as provider.
  Result<std::vector<Agreement>> Of(const access::Actor& actor, const std::string& organization_id);
  // Ends an agreement on `until`; PreconditionFailed when `if_match` is not its version.
  Result<Agreement> End(const access::Actor& actor, const std::string& id, const std::string& until,
                        std::int64_t if_match);

 private:
  storage::Database& db_;
  const TimeSource& clock_;
  PlaceNamer place_name_;
};

}  // namespace allmende::orders
