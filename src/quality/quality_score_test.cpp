#include "quality/quality_score.hpp"

#include <gtest/gtest.h>

namespace allmende::quality {
namespace {

TEST(QualityScore, AProviderWithNothingObservedInAnEmptyRegionGetsTheDefaults) {
  const QualityScore s = ScoreOf({}, {});
  // 0.75 × 50 + 0.9 × 20 + 0.8 × 15 + 1.0 × 15 = 82.5
  EXPECT_EQ(s.score_permille, 825);
  EXPECT_FALSE(s.rating.has_value());
  EXPECT_EQ(s.rating_count, 0);
  EXPECT_DOUBLE_EQ(s.parts[0].shrunk, 4.0);
  EXPECT_FALSE(s.parts[0].observed.has_value());
}

TEST(QualityScore, TwoPoorRatingsAreShrunkTowardTheRegionsMean) {
  QualityCounts provider{.ratings = 2, .stars = 4};
  QualityCounts region{.ratings = 20, .stars = 84};
  const QualityScore s = ScoreOf(provider, region);
  // (10 × 4.2 + 2 × 2) ÷ 12 = 3.8333…; (3.8333 − 1) ÷ 4 × 50 + 18 + 12 + 15 = 80.4167
  ASSERT_TRUE(s.rating.has_value());
  EXPECT_NEAR(*s.rating, 46.0 / 12.0, 1e-12);
  EXPECT_EQ(s.score_permille, 804);
  EXPECT_EQ(s.rating_count, 2);
  EXPECT_DOUBLE_EQ(s.parts[0].region_mean, 4.2);
  EXPECT_DOUBLE_EQ(*s.parts[0].observed, 2.0);
}

TEST(QualityScore, EveryPartIsABayesianAverageOfItsOwn) {
  QualityCounts provider{.checked_in = 20,
                         .punctual = 10,
                         .offers_answered = 10,
                         .offers_accepted = 10,
                         .delivered = 50,
                         .upheld_cases = 1};
  QualityCounts region{.ratings = 20,
                       .stars = 84,
                       .checked_in = 200,
                       .punctual = 180,
                       .offers_answered = 100,
                       .offers_accepted = 80,
                       .delivered = 500,
                       .upheld_cases = 2};
  const QualityScore s = ScoreOf(provider, region);
  EXPECT_NEAR(s.parts[1].shrunk, 0.7, 1e-12);   // (20 × 0.9 + 20 × 0.5) ÷ 40
  EXPECT_NEAR(s.parts[2].shrunk, 0.9, 1e-12);   // (10 × 0.8 + 10 × 1) ÷ 20
  EXPECT_NEAR(s.parts[3].shrunk, 0.88, 1e-12);  // (50 × 0.96 + 50 × 0.8) ÷ 100
  EXPECT_NEAR(s.parts[3].region_mean, 0.96, 1e-12);
  EXPECT_NEAR(*s.parts[3].observed, 0.8, 1e-12);
  EXPECT_EQ(s.parts[3].hits, 1);  // the upheld case itself, for the page's words
  EXPECT_EQ(s.parts[1].hits, 10);
  // 0.8 × 50 + 0.7 × 20 + 0.9 × 15 + 0.88 × 15 = 80.7
  EXPECT_EQ(s.score_permille, 807);
  EXPECT_FALSE(s.rating.has_value());  // the region's ratings give the prior, not a rating
}

TEST(QualityScore, UpheldComplaintsBeyondTenInAHundredCountAsZeroNotBelow) {
  QualityCounts provider{.delivered = 10, .upheld_cases = 5};
  const QualityScore s = ScoreOf(provider, provider);
  EXPECT_DOUBLE_EQ(*s.parts[3].observed, 0.0);
  EXPECT_GE(s.parts[3].value, 0.0);
}

TEST(QualityScore, ABetterRatingNeverLowersTheScoreAndAWorseOneNeverRaisesIt) {
  const QualityCounts region{.ratings = 200, .stars = 850};
  QualityCounts provider{.ratings = 5, .stars = 20};
  const int base = ScoreOf(provider, region).score_permille;
  for (int stars = 1; stars <= 5; ++stars) {
    QualityCounts more = provider;
    more.ratings += 1;
    more.stars += stars;
    const int after = ScoreOf(more, region).score_permille;
    if (stars * provider.ratings > provider.stars) {
      EXPECT_GE(after, base) << stars;
    }
    if (stars * provider.ratings < provider.stars) {
      EXPECT_LE(after, base) << stars;
    }
  }
}

TEST(QualityScore, TheWeightsAddUpToAHundred) {
  int total = 0;
  for (const auto& p : kParts) total += p.weight_percent;
  EXPECT_EQ(total, 100);
}

}  // namespace
}  // namespace allmende::quality
