// Scores and orders the matches of a query and cuts one page out of them.
//
// Relevance is BM25F over the plan's terms (k1 1.2, b 0.75; the weighted frequencies and lengths
// of document_analysis.hpp) with the plan's frozen corpus statistics, plus 0.05 × rating (at most
// 0.25, so text decides and ratings break near-ties). Every sort ends on the service id, so the
// order is total and a cursor's "strictly after" leaves out nothing and repeats nothing.
#pragma once

#include <optional>
#include <utility>
#include <vector>

#include "search/corpus.hpp"
#include "search/cursor_codec.hpp"
#include "search/query_plan.hpp"
#include "search/service_index.hpp"

namespace allmende::search {

// What one rating point adds to relevance: at most 0.25 for a 5, so text decides and ratings
// break near-ties.
inline constexpr double kRatingBoost = 0.05;

struct RankedDoc {
  DocNumber doc = 0;
  double score = 0;
};

struct Page {
  std::vector<RankedDoc> hits;
  std::optional<CursorKey> next;  // the last hit's key when more matches follow it
};

// The first `limit` matches after `after` (from the start when nullopt) in the order of `sort`.
// Scores are computed for every sort (they are the relevance a hit shows).
Page RankPage(const Corpus& corpus, const QueryPlan& plan, const Roaring& matches, Sort sort, std::size_t limit,
              const std::optional<CursorKey>& after);

}  // namespace allmende::search
