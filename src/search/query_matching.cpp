#include "search/query_matching.hpp"

#include <algorithm>
#include <optional>

namespace allmende::search {
namespace {

Roaring Union(std::vector<const Roaring*>& parts) {
  if (parts.empty()) return Roaring();
  if (parts.size() == 1) return *parts.front();
  return Roaring::fastunion(parts.size(), parts.data());
}

Roaring WordDocs(const Corpus& corpus, const QueryPlan& plan, const PlannedWord& word) {
  Roaring docs;
  for (const auto& alternative : word.alternatives) {
    std::optional<Roaring> all_slots;
    for (const auto& slot : alternative.slots) {
      std::vector<const Roaring*> parts;
      for (std::uint16_t term : slot) {
        if (auto id = corpus.FindTerm(plan.terms[term].text)) parts.push_back(&corpus.term(*id).docs);
      }
      Roaring slot_docs = Union(parts);
      if (all_slots) {
        *all_slots &= slot_docs;
      } else {
        all_slots = std::move(slot_docs);
      }
    }
    if (all_slots) docs |= *all_slots;
  }
  return docs;
}

// Docs with any of `values` in `bitmaps`; nullopt when `values` is empty (no filter).
std::optional<Roaring> AnyOf(const ValueBitmaps& bitmaps, const std::vector<std::string>& values) {
  if (values.empty()) return std::nullopt;
  std::vector<const Roaring*> parts;
  for (const auto& value : values) {
    if (auto it = bitmaps.find(value); it != bitmaps.end()) parts.push_back(&it->second);
  }
  return Union(parts);
}

std::vector<FacetCount> Count(const Roaring& base, const std::vector<std::pair<std::string, const Roaring*>>& values) {
  std::vector<FacetCount> counts;
  if (base.isEmpty()) return counts;
  for (const auto& [value, docs] : values) {
    const auto count = static_cast<std::int64_t>(base.and_cardinality(*docs));
    if (count > 0) counts.push_back(FacetCount{value, count});
  }
  std::sort(counts.begin(), counts.end(), [](const FacetCount& a, const FacetCount& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  return counts;
}

std::vector<std::pair<std::string, const Roaring*>> Values(const ValueBitmaps& bitmaps) {
  std::vector<std::pair<std::string, const Roaring*>> values;
  for (const auto& [value, docs] : bitmaps) values.emplace_back(value, &docs);
  return values;
}

enum Facet { kCategory, kMunicipality, kLanguage, kPriceBand, kFacets };

}  // namespace

MatchSets MatchQuery(const Corpus& corpus, const Query& query, const ParsedQuery& parsed, QueryPlan& plan,
                     bool plan_is_frozen) {
  Roaring text = corpus.live();
  if (!plan.words.empty()) {
    std::vector<Roaring> words;
    words.reserve(plan.words.size());
    for (const auto& word : plan.words) words.push_back(WordDocs(corpus, plan, word));
    if (!plan.any_word) {
      for (const auto& docs : words) text &= docs;
      if (text.isEmpty() && !plan_is_frozen && words.size() > 1) plan.any_word = true;
    }
    if (plan.any_word) {
      std::vector<const Roaring*> parts;
      for (const auto& docs : words) parts.push_back(&docs);
      text = Union(parts) & corpus.live();
    }
  }
  if (!parsed.places.empty()) {
    Roaring places;
    for (const auto& code : parsed.places) places |= corpus.DocsServingPlace(code);
    text &= places;
  }

  // Filters that are not facets narrow everything.
  Roaring common = std::move(text);
  if (!query.region_id.empty()) {
    auto it = corpus.regions().find(query.region_id);
    common = it == corpus.regions().end() ? Roaring() : common & it->second;
  }
  if (!query.postal_codes.empty()) {
    Roaring served;
    for (const auto& code : query.postal_codes) served |= corpus.DocsServingPostalCode(code);
    common &= served;
  }
  if (auto vouchers = AnyOf(corpus.vouchers(), query.vouchers)) common &= *vouchers;
  if (query.open_on) {
    common = *query.open_on >= 0 && *query.open_on <= 6 ? common & corpus.OpenOn(*query.open_on) : Roaring();
  }

  std::array<std::optional<Roaring>, kFacets> own;
  own[kCategory] = AnyOf(corpus.categories(), query.categories);
  own[kMunicipality] = AnyOf(corpus.municipalities(), query.municipalities);
  own[kLanguage] = AnyOf(corpus.languages(), query.languages);
  if (query.max_price) own[kPriceBand] = corpus.DocsPricedAtMost(*query.max_price);

  MatchSets sets;
  sets.matches = common;
  for (const auto& filter : own) {
    if (filter) sets.matches &= *filter;
  }
  auto base_without = [&](int facet) {
    if (!own[static_cast<std::size_t>(facet)]) return sets.matches;
    Roaring base = common;
    for (int other = 0; other < kFacets; ++other) {
      if (other != facet && own[static_cast<std::size_t>(other)]) base &= *own[static_cast<std::size_t>(other)];
    }
    return base;
  };
  sets.facets["category"] = Count(base_without(kCategory), Values(corpus.categories()));
  sets.facets["municipality"] = Count(base_without(kMunicipality), Values(corpus.municipalities()));
  sets.facets["language"] = Count(base_without(kLanguage), Values(corpus.languages()));
  std::vector<std::pair<std::string, const Roaring*>> bands;
  for (std::size_t band = 0; band < kPriceBands.size(); ++band) {
    bands.emplace_back(kPriceBands[band], &corpus.price_bands()[band]);
  }
  sets.facets["price_band"] = Count(base_without(kPriceBand), bands);
  return sets;
}

}  // namespace allmende::search
