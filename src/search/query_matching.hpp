// Which docs a query matches, and its facet counts: set algebra on CRoaring bitmaps only.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "search/corpus.hpp"
#include "search/query_plan.hpp"
#include "search/service_index.hpp"

namespace allmende::search {

struct MatchSets {
  Roaring matches;  // live docs that match the words, the places and every filter
  std::map<std::string, std::vector<FacetCount>> facets;
};

// Words are AND-ed (each word: any of its alternatives); when the AND matches no live doc and
// `plan.any_word` is not frozen by a cursor, the plan switches to any word (OR) and says so in
// `plan.any_word`. Places named by the text are OR-ed; filters are OR within a list and AND
// across lists; each facet counts the matches under every filter but its own.
MatchSets MatchQuery(const Corpus& corpus, const Query& query, const ParsedQuery& parsed, QueryPlan& plan,
                     bool plan_is_frozen);

}  // namespace allmende::search
