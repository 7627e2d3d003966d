#include "dispatch/routing.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

namespace allmende::dispatch {
namespace {

Candidate Provider(std::string id) {
  Candidate c;
  c.provider_id = std::move(id);
  c.has_published_service = true;
  c.serves_area = true;
  c.offers_service = true;
  c.languages = {"fi", "sv"};
  c.capacity_left_minutes = 600;
  c.voucher_approved = true;
  c.quality_score_permille = 800;
  c.load_permille = 300;
  return c;
}

std::vector<Candidate> EqualProviders(int count) {
  std::vector<Candidate> providers;
  for (int i = 0; i < count; ++i) providers.push_back(Provider("prov-" + std::to_string(i)));
  return providers;
}

RoutingRequest Order() {
  RoutingRequest r;
  r.language = "fi";
  r.minutes_needed = 120;
  return r;
}

// Routes `orders` orders one after another, recording each offer as the providers' rotation counter does.
std::map<std::string, int> OffersOverOrders(std::vector<Candidate>& providers, int orders) {
  std::map<std::string, int> offers;
  for (int seq = 1; seq <= orders; ++seq) {
    RoutingDecision d = Route(Order(), providers);
    if (d.offer_to.empty()) continue;
    ++offers[d.offer_to[0]];
    for (Candidate& c : providers) {
      if (c.provider_id == d.offer_to[0]) c.last_offered_seq = seq;
    }
  }
  return offers;
}

TEST(Routing, FairRotationOverManyOrders) {
  std::vector<Candidate> providers = EqualProviders(10);
  std::map<std::string, int> offers = OffersOverOrders(providers, 3000);
  ASSERT_EQ(offers.size(), 10u);
  for (const auto& [id, count] : offers) {
    EXPECT_GE(count, 299) << id;
    EXPECT_LE(count, 301) << id;
  }
}

TEST(Routing, SmallQualityDifferencesStillShareTheWork) {
  std::vector<Candidate> providers = EqualProviders(2);
  providers[0].quality_score_permille = 812;  // same 50 ‰ bucket as 800
  std::map<std::string, int> offers = OffersOverOrders(providers, 100);
  EXPECT_EQ(offers["prov-0"], 50);
  EXPECT_EQ(offers["prov-1"], 50);
}

TEST(Routing, BetterRankedProviderAlwaysWinsOverWorseOnes) {
  std::vector<Candidate> providers = EqualProviders(5);
  providers[3].has_agreement = true;
  providers[3].agreement_rank = 1;
  providers[3].quality_score_permille = 500;
  providers[1].has_agreement = true;
  providers[1].agreement_rank = 2;
  providers[1].quality_score_permille = 1000;
  providers[4].quality_score_permille = 950;  // no agreement: after both, but ahead of the other two
  std::map<std::string, int> offers = OffersOverOrders(providers, 50);
  EXPECT_EQ(offers, (std::map<std::string, int>{{"prov-3", 50}}));

  RoutingDecision d = Route(Order(), providers);
  ASSERT_EQ(d.ranking.size(), 5u);
  EXPECT_EQ(d.ranking[0].provider_id, "prov-3");
  EXPECT_EQ(d.ranking[1].provider_id, "prov-1");
  EXPECT_EQ(d.ranking[2].provider_id, "prov-4");
}

TEST(Routing, HigherScoreBucketWinsOverRotation) {
  std::vector<Candidate> providers = EqualProviders(3);
  providers[2].quality_score_permille = 900;
  providers[1].load_permille = 900;
  std::map<std::string, int> offers = OffersOverOrders(providers, 20);
  EXPECT_EQ(offers, (std::map<std::string, int>{{"prov-2", 20}}));
  RoutingDecision d = Route(Order(), providers);
  EXPECT_EQ(d.ranking.back().provider_id, "prov-1");
  EXPECT_EQ(d.ranking[0].score, 900 - 300 / 2);
}

TEST(Routing, PreviousProviderGetsTheContinuityBonus) {
  std::vector<Candidate> providers = EqualProviders(3);
  providers[1].previous_provider = true;
  providers[1].last_offered_seq = 99;
  RoutingDecision d = Route(Order(), providers);
  EXPECT_EQ(d.offer_to, (std::vector<std::string>{"prov-1"}));
  EXPECT_TRUE(d.ranking[0].continuity);
}

TEST(Routing, ClientChoiceComesFirstWhenEligible) {
  std::vector<Candidate> providers = EqualProviders(3);
  providers[2].quality_score_permille = 300;
  RoutingRequest order = Order();
  order.client_choice = "prov-2";
  RoutingDecision d = Route(order, providers);
  EXPECT_EQ(d.offer_to, (std::vector<std::string>{"prov-2"}));
  EXPECT_TRUE(d.ranking[0].client_choice);
  EXPECT_EQ(d.client_choice_reason, "");
}

TEST(Routing, IneligibleClientChoiceSaysWhyAndTheNextBestGetsTheOffer) {
  std::vector<Candidate> providers = EqualProviders(3);
  providers[2].capacity_left_minutes = 60;
  RoutingRequest order = Order();
  order.client_choice = "prov-2";
  RoutingDecision d = Route(order, providers);
  EXPECT_EQ(d.offer_to, (std::vector<std::string>{"prov-0"}));
  EXPECT_EQ(d.client_choice_reason, "capacity");
  order.client_choice = "someone-else";
  EXPECT_EQ(Route(order, providers).client_choice_reason, "unknown");
}

TEST(Routing, DeclinedProviderIsNeverOfferedAgain) {
  std::vector<Candidate> providers = EqualProviders(3);
  providers[0].quality_score_permille = 1000;
  for (int round = 0; round < 3; ++round) {
    RoutingDecision d = Route(Order(), providers);
    ASSERT_EQ(d.offer_to.size(), 1u);
    for (Candidate& c : providers) {
      if (c.provider_id == d.offer_to[0]) c.declined_or_expired = true;
    }
  }
  RoutingDecision last = Route(Order(), providers);
  EXPECT_TRUE(last.offer_to.empty());
  EXPECT_EQ(last.escalation_reason_code, "declined");
  EXPECT_EQ(last.exclusion_counts, (std::vector<std::pair<std::string, int>>{{"declined", 3}}));
}

TEST(Routing, ExclusionReasonsNameTheFirstFailedCheck) {
  std::vector<Candidate> providers = EqualProviders(9);
  providers[0].serves_area = false;
  providers[0].languages.clear();  // also fails language: the area comes first
  providers[1].has_published_service = false;
  providers[2].has_agreement = false;
  providers[3].voucher_approved = false;
  providers[4].declined_or_expired = true;
  providers[5].languages = {"sv"};
  providers[6].open_at_time = false;
  providers[7].capacity_left_minutes = 119;
  RoutingRequest order = Order();
  order.needs_agreement = true;
  order.needs_voucher_approval = true;
  order.explain_exclusions = true;
  for (std::size_t i = 3; i < providers.size(); ++i) providers[i].has_agreement = true;
  providers[2].has_agreement = false;
  RoutingDecision d = Route(order, providers);
  std::vector<std::string> reasons;
  for (const Exclusion& e : d.exclusions) reasons.push_back(e.provider_id + ":" + e.reason);
  EXPECT_EQ(reasons,
            (std::vector<std::string>{"prov-0:area", "prov-1:service", "prov-2:agreement", "prov-3:voucher",
                                      "prov-4:declined", "prov-5:language", "prov-6:hours", "prov-7:capacity"}));
  EXPECT_EQ(d.offer_to, (std::vector<std::string>{"prov-8"}));
  EXPECT_EQ(d.escalation_reason_code, "");
}

TEST(Routing, EscalationNamesEveryFilterThatExcludedTheProvidersWithinReach) {
  // Orivesi, Swedish: of the providers serving the area one lacks Swedish and one lacks capacity.
  std::vector<Candidate> providers = EqualProviders(6);
  for (int i = 0; i < 4; ++i) providers[i].serves_area = false;
  providers[4].languages = {"fi"};
  providers[5].capacity_left_minutes = 0;
  RoutingRequest order = Order();
  order.language = "sv";
  RoutingDecision d = Route(order, providers);
  EXPECT_TRUE(d.offer_to.empty());
  EXPECT_TRUE(d.ranking.empty());
  EXPECT_EQ(d.escalation_reason_code, "language+capacity");
  EXPECT_EQ(d.exclusion_counts,
            (std::vector<std::pair<std::string, int>>{{"area", 4}, {"language", 1}, {"capacity", 1}}));
}

TEST(Routing, EscalationNamesTheReachStepThatLeftNobody) {
  std::vector<Candidate> providers = EqualProviders(4);
  for (Candidate& c : providers) c.serves_area = false;
  EXPECT_EQ(Route(Order(), providers).escalation_reason_code, "area");

  providers[0].serves_area = true;
  providers[0].offers_service = false;
  providers[1].serves_area = true;
  providers[1].offers_service = false;
  providers[2].capacity_left_minutes = 0;  // out of the area anyway
  EXPECT_EQ(Route(Order(), providers).escalation_reason_code, "service");

  EXPECT_EQ(Route(Order(), std::span<const Candidate>()).escalation_reason_code, "no_candidates");
}

TEST(Routing, OffersGoToTheFirstNOfTheRanking) {
  std::vector<Candidate> providers = EqualProviders(5);
  RoutingRequest order = Order();
  order.offer_count = 3;
  RoutingDecision d = Route(order, providers);
  ASSERT_EQ(d.offer_to.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(d.offer_to[i], d.ranking[i].provider_id);
  order.offer_count = 9;
  EXPECT_EQ(Route(order, providers).offer_to.size(), 5u);
  order.offer_count = 0;
  EXPECT_EQ(Route(order, providers).offer_to.size(), 1u);
}

TEST(Routing, LimitedRankingIsTheHeadOfTheFullRanking) {
  std::mt19937_64 rng(11);
  std::vector<Candidate> providers = EqualProviders(300);
  for (Candidate& c : providers) {
    c.quality_score_permille = static_cast<int>(rng() % 1001);
    c.last_offered_seq = static_cast<std::int64_t>(rng() % 7);
  }
  RoutingRequest order = Order();
  order.offer_count = 3;
  RoutingDecision full = Route(order, providers);
  order.ranking_limit = 25;
  RoutingDecision top = Route(order, providers);
  EXPECT_EQ(full.eligible_count, 300u);
  EXPECT_EQ(top.eligible_count, 300u);
  ASSERT_EQ(top.ranking.size(), 25u);
  for (std::size_t i = 0; i < top.ranking.size(); ++i)
    EXPECT_EQ(top.ranking[i].provider_id, full.ranking[i].provider_id);
  EXPECT_EQ(top.offer_to, full.offer_to);
  order.ranking_limit = 1;  // never fewer than the offers
  EXPECT_EQ(Route(order, providers).offer_to, full.offer_to);
}

TEST(Routing, CandidateOrderDoesNotChangeTheDecision) {
  std::mt19937_64 rng(7);
  std::vector<Candidate> providers = EqualProviders(200);
  for (Candidate& c : providers) {
    c.quality_score_permille = static_cast<int>(rng() % 1001);
    c.load_permille = static_cast<int>(rng() % 1001);
    c.last_offered_seq = static_cast<std::int64_t>(rng() % 5);
    c.has_agreement = rng() % 3 == 0;
    c.agreement_rank = c.has_agreement ? static_cast<int>(rng() % 4) : 0;
    c.capacity_left_minutes = static_cast<std::int64_t>(rng() % 300);
  }
  std::vector<std::string> first;
  for (const Ranked& r : Route(Order(), providers).ranking) first.push_back(r.provider_id);
  ASSERT_FALSE(first.empty());
  std::shuffle(providers.begin(), providers.end(), rng);
  std::vector<std::string> shuffled;
  for (const Ranked& r : Route(Order(), providers).ranking) shuffled.push_back(r.provider_id);
  EXPECT_EQ(first, shuffled);
}

}  // namespace
}  // namespace allmende::dispatch
