// A provider's quality score from what its clients and the platform saw of it in the last year,
// pure (no database, no clock). Each part is a Bayesian average: the provider's own observation
// weighted by how many there are, and the region's mean weighted by a fixed prior weight, so a
// provider with three ratings is neither top nor bottom of the region because of them, and one
// with none gets the region's mean. The weights are written down here and explained on the
// provider's page (src/quality/README.md).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace allmende::quality {

// What was counted for one provider (or summed over a region) in the window.
struct QualityCounts {
  std::int64_t ratings = 0;
  std::int64_t stars = 0;            // the sum of the ratings' stars
  std::int64_t checked_in = 0;       // visits with a check-in
  std::int64_t punctual = 0;         // … begun no later than kPunctualMinutes after the planned start
  std::int64_t offers_answered = 0;  // offers accepted, declined or expired
  std::int64_t offers_accepted = 0;
  std::int64_t delivered = 0;     // visits delivered (confirmed, disputed or awaiting confirmation)
  std::int64_t upheld_cases = 0;  // complaints and deviations closed as upheld
};

inline constexpr int kWindowDays = 365;
inline constexpr int kPunctualMinutes = 15;

enum class Part { kRating, kPunctuality, kAcceptance, kComplaints };

struct PartRule {
  Part part;
  std::string_view name;
  int weight_percent;
  double prior_weight;  // observations the region's mean counts as
  double default_mean;  // the region's mean while the region itself has no observation
};

// rating 50 %, punctuality 20 %, acceptance 15 %, complaints 15 %; they add up to 100.
inline constexpr std::array<PartRule, 4> kParts{{
    {Part::kRating, "rating", 50, 10, 4.0},
    {Part::kPunctuality, "punctuality", 20, 20, 0.9},
    {Part::kAcceptance, "acceptance", 15, 10, 0.8},
    {Part::kComplaints, "complaints", 15, 50, 1.0},
}};

// One part of the score as the provider's page explains it.
struct PartScore {
  Part part;
  std::string_view name;
  int weight_percent = 0;
  std::optional<double> observed;  // the provider's own figure (mean stars; a share), if any
  std::int64_t count = 0;          // how many observations it rests on
  std::int64_t hits = 0;           // of them: the stars summed, visits on time, offers accepted, upheld cases
  double region_mean = 0;          // the prior: the region's figure (or the default)
  double prior_weight = 0;
  double shrunk = 0;  // the Bayesian average, in the part's own unit (stars 1–5; a share 0–1)
  double value = 0;   // 0–1, as it enters the score
};

struct QualityScore {
  int score_permille = 0;        // 0–1000
  std::optional<double> rating;  // the shrunk mean stars; nullopt while the provider has no rating
  std::int64_t rating_count = 0;
  std::array<PartScore, 4> parts;
};

// The provider's score against its region's counts (the region's sums include the provider).
QualityScore ScoreOf(const QualityCounts& provider, const QualityCounts& region);

}  // namespace allmende::quality
