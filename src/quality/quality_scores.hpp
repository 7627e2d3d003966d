// The providers' quality scores as stored (provider_quality): counted from ratings, visits,
// offers and closed cases of the last year (quality_score.hpp says how they combine), recomputed
// for one provider when a rating is given or a case closes and for a whole region by the daily job.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "common/time.hpp"
#include "events/event_bus.hpp"
#include "quality/quality_score.hpp"
#include "storage/database.hpp"

namespace allmende::quality {

struct StoredQuality {
  std::string provider_id;
  std::string region_id;
  int score_permille = 0;
  std::optional<double> rating;
  std::int64_t rating_count = 0;
  std::string components;  // JSON array
  std::string computed_at;
};

// The organization kinds that deliver services and are scored, as an SQL list.
inline constexpr std::string_view kProviderKinds = "('provider_company', 'association', 'volunteer_group')";

// Inside the caller's write transaction, against the region's counts of the last daily run
// (region_quality), so a rating never rescans the region. When a provider's rating changes, the event
// "directory.provider.rated" tells every server process's search index (the shop shows it).
Result<void> RecomputeProvider(storage::Connection& c, events::EventBus& bus, const std::string& provider_id,
                               Timestamp now);
// The region's counts, then every provider, association and volunteer group of the region; how many.
Result<std::int64_t> RecomputeRegion(storage::Connection& c, events::EventBus& bus, const std::string& region_id,
                                     Timestamp now);
// The public score of a provider (NotFound for an organization that delivers nothing); nullopt
// until it is computed.
Result<std::optional<StoredQuality>> ScoreOfProvider(storage::Connection& c, const std::string& provider_id);
// The provider's stored score, if computed.
Result<std::optional<StoredQuality>> StoredQualityOf(storage::Connection& c, const std::string& provider_id);
// provider id → score ‰ for the region's computed providers (the routing cascade's input).
Result<std::map<std::string, int>> RegionScores(storage::Connection& c, const std::string& region_id);

}  // namespace allmende::quality
