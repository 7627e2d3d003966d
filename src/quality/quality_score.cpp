#include "quality/quality_score.hpp"

#include <algorithm>
#include <cmath>

namespace allmende::quality {
namespace {

struct Observation {
  std::optional<double> value;
  std::int64_t count = 0;
};

// The provider's (or region's) own figure for a part.
Observation Observe(Part part, const QualityCounts& c) {
  auto share = [](std::int64_t of, std::int64_t in) -> Observation {
    if (in <= 0) return {std::nullopt, 0};
    return {static_cast<double>(of) / static_cast<double>(in), in};
  };
  switch (part) {
    case Part::kRating:
      if (c.ratings <= 0) return {std::nullopt, 0};
      return {static_cast<double>(c.stars) / static_cast<double>(c.ratings), c.ratings};
    case Part::kPunctuality:
      return share(c.punctual, c.checked_in);
    case Part::kAcceptance:
      return share(c.offers_accepted, c.offers_answered);
    case Part::kComplaints: {
      if (c.delivered <= 0) return {std::nullopt, 0};
      // Ten upheld complaints in a hundred visits is as bad as it gets.
      const double rate = static_cast<double>(c.upheld_cases) / static_cast<double>(c.delivered);
      return {std::clamp(1.0 - 10.0 * rate, 0.0, 1.0), c.delivered};
    }
  }
  return {};
}

std::int64_t Hits(Part part, const QualityCounts& c) {
  switch (part) {
    case Part::kRating:
      return c.stars;
    case Part::kPunctuality:
      return c.punctual;
    case Part::kAcceptance:
      return c.offers_accepted;
    case Part::kComplaints:
      return c.upheld_cases;
  }
  return 0;
}

}  // namespace

QualityScore ScoreOf(const QualityCounts& provider, const QualityCounts& region) {
  QualityScore out;
  double sum = 0;
  for (std::size_t i = 0; i < kParts.size(); ++i) {
    const PartRule& rule = kParts[i];
    const Observation own = Observe(rule.part, provider);
    const Observation all = Observe(rule.part, region);
    PartScore p{rule.part, rule.name, rule.weight_percent, own.value, own.count, Hits(rule.part, provider)};
    p.region_mean = all.value.value_or(rule.default_mean);
    p.prior_weight = rule.prior_weight;
    const double n = static_cast<double>(own.count);
    p.shrunk = (rule.prior_weight * p.region_mean + n * own.value.value_or(0)) / (rule.prior_weight + n);
    p.value = rule.part == Part::kRating ? (p.shrunk - 1.0) / 4.0 : p.shrunk;
    p.value = std::clamp(p.value, 0.0, 1.0);
    sum += p.value * rule.weight_percent;
    out.parts[i] = p;
  }
  out.score_permille = static_cast<int>(std::lround(sum * 10.0));
  out.rating_count = provider.ratings;
  if (provider.ratings > 0) out.rating = out.parts[0].shrunk;
  return out;
}

}  // namespace allmende::quality
