#include "search/query_matching.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <optional>

namespace allmende::search {
namespace {

Roaring Union(std::vector<const Roaring*>& parts) {
  if (parts.empty()) return Roaring();
  if (parts.size() == 1) return *parts.front();
  return Roaring::fastunion(parts.size(), parts.data());
}

Roaring WordDocs(const Corpus& corpus, const QueryPlan& plan, PlannedWord& word) {
  Roaring docs;
  for (auto& alternative : word.alternatives) {
    if (alternative.merged_frequency > 0 && alternative.slots.size() == 1) {
      if (!alternative.merged_docs) alternative.merged_docs = MergedDocs(corpus, plan, alternative);
      docs |= *alternative.merged_docs;
      continue;
    }
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
std::optional<Roaring> AnyOf(const ValueIndex& index, const std::vector<std::string>& values) {
  if (values.empty()) return std::nullopt;
  std::vector<const Roaring*> parts;
  for (const auto& value : values) {
    if (const Roaring* docs = index.Docs(value)) parts.push_back(docs);
  }
  return Union(parts);
}

enum Facet { kCategory, kMunicipality, kLanguage, kPriceBand, kFacets };

std::vector<FacetCount> Sorted(std::vector<FacetCount> counts) {
  std::erase_if(counts, [](const FacetCount& c) { return c.count == 0; });
  std::sort(counts.begin(), counts.end(), [](const FacetCount& a, const FacetCount& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  return counts;
}

std::vector<FacetCount> CountByBitmaps(const Roaring& base, const ValueIndex& values) {
  std::vector<FacetCount> counts;
  for (std::size_t i = 0; i < values.size(); ++i) {
    counts.push_back(FacetCount{values.value(i), static_cast<std::int64_t>(base.and_cardinality(values.docs(i)))});
  }
  return counts;
}

std::vector<FacetCount> CountBands(const Roaring& base, const Corpus& corpus) {
  std::vector<FacetCount> counts;
  for (std::size_t band = 0; band < kPriceBands.size(); ++band) {
    counts.push_back(
        FacetCount{kPriceBands[band], static_cast<std::int64_t>(base.and_cardinality(corpus.price_bands()[band]))});
  }
  return counts;
}

// Counts the facets in `which` over `base`. A small base is counted doc by doc from each doc's
// facet values; a large one by intersecting it with each value's bitmap, which CRoaring does
// word by word on dense bitmaps.
void CountFacets(const Corpus& corpus, const Roaring& base, const std::array<bool, kFacets>& which,
                 std::array<std::vector<FacetCount>, kFacets>& out) {
  const std::uint64_t size = base.cardinality();
  const bool by_doc = size * 8 <= corpus.live_count();
  const bool languages_by_doc = by_doc && corpus.language_bits_complete();
  if (by_doc) {
    std::vector<std::int64_t> categories(corpus.categories().size()), municipalities(corpus.municipalities().size()),
        languages(std::min<std::size_t>(corpus.languages().size(), 32)), bands(kPriceBands.size());
    std::vector<DocNumber> docs(size);
    base.toUint32Array(docs.data());
    for (DocNumber doc : docs) {
      const DocFacets& facets = corpus.facets(doc);
      if (facets.category < categories.size()) ++categories[facets.category];
      for (std::uint32_t i = 0; i < facets.municipality_count; ++i) {
        ++municipalities[corpus.doc_municipality(facets.municipalities_begin + i)];
      }
      for (std::uint32_t bits = facets.language_bits; bits != 0; bits &= bits - 1) ++languages[std::countr_zero(bits)];
      ++bands[facets.price_band];
    }
    auto tally = [](const std::vector<std::int64_t>& counts, auto value_of) {
      std::vector<FacetCount> out;
      for (std::size_t i = 0; i < counts.size(); ++i) out.push_back(FacetCount{value_of(i), counts[i]});
      return out;
    };
    if (which[kCategory])
      out[kCategory] = tally(categories, [&](std::size_t i) { return corpus.categories().value(i); });
    if (which[kMunicipality]) {
      out[kMunicipality] = tally(municipalities, [&](std::size_t i) { return corpus.municipalities().value(i); });
    }
    if (which[kLanguage] && languages_by_doc) {
      out[kLanguage] = tally(languages, [&](std::size_t i) { return corpus.languages().value(i); });
    }
    if (which[kPriceBand]) out[kPriceBand] = tally(bands, [](std::size_t i) { return std::string(kPriceBands[i]); });
  } else {
    if (which[kCategory]) out[kCategory] = CountByBitmaps(base, corpus.categories());
    if (which[kMunicipality]) out[kMunicipality] = CountByBitmaps(base, corpus.municipalities());
    if (which[kPriceBand]) out[kPriceBand] = CountBands(base, corpus);
  }
  if (which[kLanguage] && !languages_by_doc) out[kLanguage] = CountByBitmaps(base, corpus.languages());
}

}  // namespace

MatchSets MatchQuery(const Corpus& corpus, const Query& query, const ParsedQuery& parsed, QueryPlan& plan,
                     bool plan_is_frozen) {
  Roaring text = corpus.live();
  if (!plan.words.empty()) {
    std::vector<Roaring> words;
    words.reserve(plan.words.size());
    for (auto& word : plan.words) words.push_back(WordDocs(corpus, plan, word));
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
    const Roaring* region = corpus.regions().Docs(query.region_id);
    common = region == nullptr ? Roaring() : common & *region;
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
  // Facets whose own filter is absent count over the matches, together in one pass.
  std::array<std::vector<FacetCount>, kFacets> counts;
  std::array<bool, kFacets> over_matches{};
  for (int facet = 0; facet < kFacets; ++facet) {
    const auto f = static_cast<std::size_t>(facet);
    if (!own[f]) {
      over_matches[f] = true;
      continue;
    }
    Roaring base = common;
    for (std::size_t other = 0; other < own.size(); ++other) {
      if (other != f && own[other]) base &= *own[other];
    }
    std::array<bool, kFacets> only{};
    only[f] = true;
    CountFacets(corpus, base, only, counts);
  }
  CountFacets(corpus, sets.matches, over_matches, counts);
  const std::array<const char*, kFacets> names = {"category", "municipality", "language", "price_band"};
  for (std::size_t f = 0; f < names.size(); ++f) sets.facets[names[f]] = Sorted(std::move(counts[f]));
  return sets;
}

}  // namespace allmende::search
