// The documents of the index and everything looked up about them: per term the docs (a CRoaring
// bitmap, plus the same docs as a sorted array beside their weighted frequencies, so scoring a
// handful of candidates does not walk a whole posting list), per filter value the bitmap of docs
// that have it, and per doc its facet values (counting a small match set doc by doc is cheaper
// than intersecting it with every value's bitmap).
//
// Docs get dense numbers in the order they are added; a replaced or removed doc only leaves the
// `live` bitmap, so every other structure may still hold it and every reader intersects with
// `live`. Not thread-safe: ServiceIndex locks around it (the TermDictionary has its own lock).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <roaring/roaring.hh>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "search/document_analysis.hpp"
#include "search/gazetteer.hpp"
#include "search/spelling_index.hpp"
#include "search/term_dictionary.hpp"

namespace allmende::search {

using DocNumber = std::uint32_t;

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// The values of one filter dimension, each with a dense index and the bitmap of its docs.
class ValueIndex {
 public:
  // Adds `doc` to the value's bitmap; returns the value's index.
  std::uint32_t Mark(std::string_view value, DocNumber doc);
  // The docs with `value`; null for a value no doc ever had.
  const Roaring* Docs(std::string_view value) const;
  std::size_t size() const { return values_.size(); }
  const std::string& value(std::size_t i) const { return values_[i]; }
  const Roaring& docs(std::size_t i) const { return docs_[i]; }
  std::size_t MemoryBytes() const;

 private:
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> index_;
  std::vector<std::string> values_;
  std::deque<Roaring> docs_;
};

struct TermPostings {
  Roaring docs;                       // every doc that had the term, dead ones included
  std::uint32_t docs_synced = 0;      // how many of doc_list `docs` holds (all, outside Corpus::Add)
  std::vector<DocNumber> doc_list;    // the same docs, ascending
  std::vector<std::uint8_t> weights;  // beside doc_list: weighted frequency, half units, at most 255
  bool is_word = false;               // eligible for prefixes and corrections
};

struct DocRecord {
  std::string id;
  std::shared_ptr<const std::string> summary;  // null once dead
};

inline constexpr double kNoRating = -std::numeric_limits<double>::infinity();

// Facet values of one doc: indexes into the category, language and municipality ValueIndexes.
struct DocFacets {
  std::uint32_t category = 0xffffffff;  // none
  std::uint32_t language_bits = 0;      // bit i: language index i (the first 32 languages)
  std::uint32_t municipalities_begin = 0;
  std::uint16_t municipality_count = 0;
  std::uint8_t price_band = 0;
};

// Something Suggest offers, with the docs that have it.
struct Suggestion {
  std::string display;
  Roaring docs;
};
struct CategoryName {
  std::string display;
  std::string category;
};

inline constexpr std::array<const char*, 4> kPriceBands = {"0-25", "25-40", "40-60", "60-"};

class Corpus {
 public:
  // `rating_boost` is what one rating point adds to relevance.
  Corpus(const Gazetteer& gazetteer, const TermDictionary& dictionary, double rating_boost)
      : gazetteer_(gazetteer), dictionary_(dictionary), rating_boost_(rating_boost) {}

  // Adds the services in order under the next doc numbers; an earlier service with the same id is
  // dead from then on. The term bitmaps take the new docs term by term at the end, which costs far
  // less than one bitmap update per posting.
  void Add(std::vector<AnalyzedService>& services);
  // Marks the live service with `id` dead; false when there is none.
  bool Remove(const std::string& id);
  // Gives back the spare capacity a bulk load leaves in growing arrays.
  void ShrinkToFit();

  std::size_t live_count() const { return id_to_doc_.size(); }
  // Doc numbers given so far, dead ones included: every doc number is below this.
  std::size_t doc_count() const { return docs_.size(); }
  const Roaring& live() const { return live_; }
  // Mean weighted length of live docs in half units (1 when there are none).
  double average_length() const;
  const DocRecord& doc(DocNumber number) const { return docs_[number]; }
  // Score and sort keys, each in an array of its own so that ranking many docs reads few lines.
  std::uint32_t length(DocNumber number) const { return lengths_[number]; }  // weighted words, half units
  std::int64_t price(DocNumber number) const { return prices_[number]; }
  double rating(DocNumber number) const { return ratings_[number]; }  // kNoRating when unrated
  // What the rating adds to relevance: rating_boost × rating, 0 when unrated.
  double rating_boost(DocNumber number) const { return rating_boosts_[number]; }
  const DocFacets& facets(DocNumber number) const { return doc_facets_[number]; }
  std::uint32_t doc_municipality(std::size_t i) const { return doc_municipalities_[i]; }
  // False once a 33rd language appeared: DocFacets::language_bits no longer covers every language.
  bool language_bits_complete() const { return languages_.size() <= 32; }

  const TermDictionary& dictionary() const { return dictionary_; }
  // The term's id when some doc was added with it.
  std::optional<TermId> FindTerm(std::string_view text) const;
  const TermPostings& term(TermId id) const { return terms_[id]; }
  // Live docs with the term.
  std::uint64_t LiveDocumentFrequency(TermId id) const;
  // Word terms that start with `prefix` (folded), most docs first, at most `limit`; looks at no
  // more than a few thousand words in alphabetical order.
  std::vector<TermId> WordsWithPrefix(std::string_view prefix, std::size_t limit) const;
  const SpellingIndex& spelling() const { return spelling_; }
  const std::map<std::string_view, TermId>& words() const { return words_; }

  const ValueIndex& regions() const { return regions_; }
  const ValueIndex& categories() const { return categories_; }
  const ValueIndex& municipalities() const { return municipalities_; }  // served entirely or in part
  const ValueIndex& languages() const { return languages_; }
  const ValueIndex& vouchers() const { return vouchers_; }
  const std::array<Roaring, 4>& price_bands() const { return price_bands_; }
  const Roaring& OpenOn(int weekday) const { return open_days_[static_cast<std::size_t>(weekday)]; }

  // Docs that serve the place: a municipality entirely or in part; a district, when it or one of
  // its postal codes is listed or its municipality is served entirely.
  Roaring DocsServingPlace(std::string_view code) const;
  // Docs that list the postal code, or serve its district or municipality (by the gazetteer).
  Roaring DocsServingPostalCode(std::string_view postal_code) const;
  // Docs whose price is at most `max_price` (minor units).
  Roaring DocsPricedAtMost(std::int64_t max_price) const;

  // The docs whose name has the word (by its folded surface term); null when none has.
  const Suggestion* NameWordSuggestion(TermId term) const;
  // Category names by folded key, every word of a name starting a key ("cleaning" of "Home cleaning").
  const std::multimap<std::string, CategoryName, std::less<>>& category_names() const { return category_names_; }

  std::size_t MemoryBytes() const;

 private:
  void AddOne(AnalyzedService& service, std::vector<TermId>& touched);
  void MarkDead(DocNumber doc);
  void AddCategoryNames(const IndexedService& service);

  const Gazetteer& gazetteer_;
  const TermDictionary& dictionary_;
  double rating_boost_;
  std::vector<DocRecord> docs_;
  std::vector<std::uint32_t> lengths_;
  std::vector<std::int64_t> prices_;
  std::vector<double> ratings_;
  std::vector<double> rating_boosts_;  // kept beside ratings_ so ranking adds them without a branch
  std::vector<DocFacets> doc_facets_;
  std::vector<std::uint32_t> doc_municipalities_;
  std::unordered_map<std::string, DocNumber, StringHash, std::equal_to<>> id_to_doc_;
  Roaring live_;
  std::uint64_t live_length_ = 0;
  std::uint64_t dead_count_ = 0;

  std::deque<TermPostings> terms_;            // by TermId; shorter than the dictionary until its terms are added
  std::map<std::string_view, TermId> words_;  // views into the dictionary
  SpellingIndex spelling_;
  std::unordered_map<TermId, Suggestion> name_words_;
  std::multimap<std::string, CategoryName, std::less<>> category_names_;
  std::unordered_set<std::string> categories_named_;

  ValueIndex regions_, categories_, municipalities_, whole_municipalities_, districts_, postal_codes_, languages_,
      vouchers_;
  std::array<Roaring, 7> open_days_;
  std::array<Roaring, 4> price_bands_;
  std::vector<Roaring> price_buckets_;
};

}  // namespace allmende::search
