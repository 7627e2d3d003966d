// The routing cascade: which providers an order is offered to, in which order, and why nobody when nobody.
// Pure: the caller loads the candidates and records the offers. No database, no clock, no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace allmende::dispatch {

struct Candidate {
  std::string provider_id;
  bool has_agreement = false;
  int agreement_rank = 0;  // 1 = first; 0 = no agreement
  bool has_published_service = false;
  bool serves_area = false;                // the order's municipality/district is in the provider's area
  bool offers_service = false;             // offers the ordered category/service
  std::vector<std::string> languages;      // languages the provider serves in ("fi","sv",...)
  std::int64_t capacity_left_minutes = 0;  // in the order's week
  bool open_at_time = true;                // opening hours cover the requested window
  bool voucher_approved = false;           // approved for the client's voucher (checked only for voucher orders)
  int quality_score_permille = 0;          // 0..1000
  int load_permille = 0;                   // current load 0..1000 (higher = busier)
  bool previous_provider = false;          // served this client before (continuity)
  std::int64_t last_offered_seq = 0;       // sequence number of the last offer this provider got (0 = never)
  bool declined_or_expired = false;        // already declined/expired for THIS order → never again
};

struct RoutingRequest {
  std::string language;  // required service language, empty = any
  std::int64_t minutes_needed = 0;
  bool needs_agreement = false;  // purchaser order: only providers with an agreement
  bool needs_voucher_approval = false;
  std::optional<std::string> client_choice;  // provider the client picked: first if eligible
  int offer_count = 1;                       // offer to N at once where the purchaser's policy says so; < 1 means 1
  bool explain_exclusions = false;           // also list every excluded provider with its reason (costs allocations)
  // 0 = rank every eligible provider. N > 0 = only the best max(N, offer_count) in RoutingDecision::ranking (the
  // same providers in the same order as the head of the full ranking), which saves a string copy per provider
  // beyond them when hundreds are eligible.
  std::size_t ranking_limit = 0;
};

struct Ranked {
  std::string provider_id;
  std::int64_t score = 0;  // see kScoreBucketPermille below; equal tier and score go to fair rotation
  bool client_choice = false;
  int agreement_rank = 0;  // as given; 0 when the provider has no agreement
  int quality_bucket = 0;  // quality rounded to kScoreBucketPermille
  int load_bucket = 0;     // load rounded to kScoreBucketPermille
  bool continuity = false;
  std::int64_t last_offered_seq = 0;
};

// Reason codes, in the order a candidate is checked; a candidate is excluded for the first one it fails:
// "area", "service" (does not offer it, or has no published service), "agreement" (only when needs_agreement),
// "voucher" (only when needs_voucher_approval), "declined", "language", "hours", "capacity" (capacity_left_minutes
// below minutes_needed).
struct Exclusion {
  std::string provider_id;
  std::string reason;
};

struct RoutingDecision {
  std::vector<std::string> offer_to;  // the first offer_count of `ranking`
  std::vector<Ranked> ranking;        // all eligible (or the best ranking_limit), best first
  std::size_t eligible_count = 0;     // how many passed every check, whether or not ranking is limited
  // Excluded candidates counted once each, under their first failed reason; most frequent first, ties in check
  // order; reasons nobody failed are left out. Filled whether or not there are offers.
  std::vector<std::pair<std::string, int>> exclusion_counts;
  // Set only when offer_to is empty. The providers who could take the order at all (the "reach": area, service,
  // agreement, voucher) are checked step by step; if a step leaves nobody, the code is that step ("area": nobody
  // serves the area; "service": nobody there offers the service; ...). If somebody is within reach, the code names
  // every reason that excluded one of them, in check order, joined by '+': "language+capacity" means each provider
  // within reach lacks the language or the capacity. "no_candidates" when there were no candidates.
  std::string escalation_reason_code;
  std::vector<Exclusion> exclusions;  // only with RoutingRequest::explain_exclusions, in candidate order
  // Why the client's choice is not first: "" when it is (or there is none), a reason code when it is excluded,
  // "unknown" when it is not among the candidates.
  std::string client_choice_reason;
};

// Score = quality bucket − load bucket / 2 + continuity bonus, quality and load rounded to the nearest 50 ‰ so that
// small differences do not decide; ties go to fair rotation.
inline constexpr int kScoreBucketPermille = 50;
inline constexpr int kContinuityBonus = 100;

// Ranks the eligible candidates: the client's choice first (when eligible), then by agreement rank (1 before 2;
// providers with an agreement but no rank after the ranked ones; providers without an agreement last), then by
// score (higher first), then fair rotation: the smallest last_offered_seq first, then provider_id. Offers go to
// the first offer_count. Deterministic; candidates' order does not matter. Never fails.
RoutingDecision Route(const RoutingRequest& request, std::span<const Candidate> candidates);

}  // namespace allmende::dispatch
