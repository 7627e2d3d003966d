#include "dispatch/routing.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace allmende::dispatch {
namespace {

// Check order. The first four decide whether a provider could take the order at all (its reach), the rest whether
// it fits this order now.
enum Reason : std::uint8_t { kArea, kService, kAgreement, kVoucher, kDeclined, kLanguage, kHours, kCapacity, kNone };
constexpr std::size_t kReasonCount = kNone;
constexpr std::size_t kReachReasons = kDeclined;
constexpr std::array<std::string_view, kReasonCount> kReasonCodes = {"area",     "service",  "agreement", "voucher",
                                                                     "declined", "language", "hours",     "capacity"};

bool ServesLanguage(const Candidate& c, const std::string& language) {
  if (language.empty()) return true;
  return std::find(c.languages.begin(), c.languages.end(), language) != c.languages.end();
}

Reason FirstFailure(const RoutingRequest& r, const Candidate& c) {
  if (!c.serves_area) return kArea;
  if (!c.offers_service || !c.has_published_service) return kService;
  if (r.needs_agreement && !c.has_agreement) return kAgreement;
  if (r.needs_voucher_approval && !c.voucher_approved) return kVoucher;
  if (c.declined_or_expired) return kDeclined;
  if (!ServesLanguage(c, r.language)) return kLanguage;
  if (!c.open_at_time) return kHours;
  if (c.capacity_left_minutes < r.minutes_needed) return kCapacity;
  return kNone;
}

int Bucket(int permille) {
  permille = std::clamp(permille, 0, 1000);
  return (permille + kScoreBucketPermille / 2) / kScoreBucketPermille * kScoreBucketPermille;
}

// Agreement tier: the rank for ranked agreements, then agreements without a rank, then no agreement.
constexpr std::uint64_t kUnrankedAgreementTier = 1u << 30;
constexpr std::uint64_t kNoAgreementTier = kUnrankedAgreementTier + 1;

std::uint64_t AgreementTier(const Candidate& c) {
  if (!c.has_agreement) return kNoAgreementTier;
  if (c.agreement_rank < 1) return kUnrankedAgreementTier;
  return std::min<std::uint64_t>(static_cast<std::uint64_t>(c.agreement_rank), kUnrankedAgreementTier - 1);
}

// One eligible candidate with its ranking key packed into two words, so that most comparisons are two integer
// compares: high = [not client choice:1][agreement tier:32][inverted score:31], low = rotation counter.
struct Entry {
  std::uint64_t high;
  std::uint64_t low;
  std::uint32_t index;
  std::int32_t score;
};

constexpr std::int64_t kScoreOffset = 2000;  // scores are in -500..1100; the offset keeps the inverted score positive

Entry MakeEntry(const Candidate& c, std::uint32_t index, bool chosen) {
  int score =
      Bucket(c.quality_score_permille) - Bucket(c.load_permille) / 2 + (c.previous_provider ? kContinuityBonus : 0);
  std::uint64_t high =
      (chosen ? 0u : 1ull << 63) | (AgreementTier(c) << 31) | static_cast<std::uint64_t>(kScoreOffset - score);
  std::uint64_t low = static_cast<std::uint64_t>(c.last_offered_seq) ^ (1ull << 63);  // signed order as unsigned
  return {high, low, index, score};
}

bool IsChoice(const RoutingRequest& r, const Candidate& c) {
  return r.client_choice && *r.client_choice == c.provider_id;
}

std::string EscalationCode(const std::array<int, kReasonCount>& counts, std::size_t total) {
  if (total == 0) return "no_candidates";
  std::size_t out_of_reach = 0;
  for (std::size_t reason = 0; reason < kReachReasons; ++reason) {
    out_of_reach += static_cast<std::size_t>(counts[reason]);
    if (out_of_reach == total) return std::string(kReasonCodes[reason]);
  }
  std::string code;
  for (std::size_t reason = kReachReasons; reason < kReasonCount; ++reason) {
    if (counts[reason] == 0) continue;
    if (!code.empty()) code += '+';
    code += kReasonCodes[reason];
  }
  return code;
}

}  // namespace

RoutingDecision Route(const RoutingRequest& request, std::span<const Candidate> candidates) {
  // Reused between calls on one thread, so ranking does not allocate once warm.
  thread_local std::vector<Entry> eligible;
  eligible.clear();
  eligible.reserve(candidates.size());

  RoutingDecision decision;
  std::array<int, kReasonCount> counts{};
  if (request.explain_exclusions) decision.exclusions.reserve(candidates.size());
  bool choice_seen = false;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    Reason reason = FirstFailure(request, c);
    bool chosen = IsChoice(request, c);
    choice_seen = choice_seen || chosen;
    if (reason == kNone) {
      eligible.push_back(MakeEntry(c, static_cast<std::uint32_t>(i), chosen));
      continue;
    }
    ++counts[reason];
    if (chosen) decision.client_choice_reason = kReasonCodes[reason];
    if (request.explain_exclusions) decision.exclusions.push_back({c.provider_id, std::string(kReasonCodes[reason])});
  }
  if (request.client_choice && !choice_seen) decision.client_choice_reason = "unknown";

  auto better = [&](const Entry& a, const Entry& b) {
    if (a.high != b.high) return a.high < b.high;
    if (a.low != b.low) return a.low < b.low;
    return candidates[a.index].provider_id < candidates[b.index].provider_id;
  };
  const std::size_t offer_count = static_cast<std::size_t>(std::max(request.offer_count, 1));
  std::size_t ranked = eligible.size();
  if (request.ranking_limit > 0) ranked = std::min(ranked, std::max(request.ranking_limit, offer_count));
  if (ranked < eligible.size()) {
    std::partial_sort(eligible.begin(), eligible.begin() + static_cast<std::ptrdiff_t>(ranked), eligible.end(), better);
  } else {
    std::sort(eligible.begin(), eligible.end(), better);
  }
  decision.eligible_count = eligible.size();
  decision.ranking.reserve(ranked);
  for (std::size_t i = 0; i < ranked; ++i) {
    const Entry& e = eligible[i];
    const Candidate& c = candidates[e.index];
    Ranked& r = decision.ranking.emplace_back();
    r.provider_id = c.provider_id;
    r.score = e.score;
    r.client_choice = (e.high >> 63) == 0;
    r.agreement_rank = c.has_agreement ? c.agreement_rank : 0;
    r.quality_bucket = Bucket(c.quality_score_permille);
    r.load_bucket = Bucket(c.load_permille);
    r.continuity = c.previous_provider;
    r.last_offered_seq = c.last_offered_seq;
  }
  std::size_t offers = std::min(ranked, offer_count);
  decision.offer_to.reserve(offers);
  for (std::size_t i = 0; i < offers; ++i) decision.offer_to.push_back(decision.ranking[i].provider_id);

  for (std::size_t reason = 0; reason < kReasonCount; ++reason) {
    if (counts[reason] > 0) decision.exclusion_counts.emplace_back(kReasonCodes[reason], counts[reason]);
  }
  std::stable_sort(decision.exclusion_counts.begin(), decision.exclusion_counts.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (offers == 0) decision.escalation_reason_code = EscalationCode(counts, candidates.size());
  return decision;
}

}  // namespace allmende::dispatch
