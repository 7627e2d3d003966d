// The documents of the index and everything looked up about them: per term the docs (a CRoaring
// bitmap, plus the same docs as a sorted array beside their weighted frequencies, so scoring a
// handful of candidates does not walk a whole posting list), and per filter value the bitmap of
// docs that have it.
//
// Docs get dense numbers in the order they are added; a replaced or removed doc only leaves the
// `live` bitmap, so every other structure may still hold it and every reader intersects with
// `live`. Not thread-safe: ServiceIndex locks around it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <roaring/roaring.hh>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "search/document_analysis.hpp"
#include "search/gazetteer.hpp"
#include "search/spelling_index.hpp"

namespace allmende::search {

using DocNumber = std::uint32_t;
using TermId = std::uint32_t;

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using ValueBitmaps = std::unordered_map<std::string, Roaring, StringHash, std::equal_to<>>;

struct TermPostings {
  std::string text;                   // folded
  std::string display;                // lower case as first written, for did_you_mean; may be empty
  Roaring docs;                       // every doc that had the term, dead ones included
  std::vector<DocNumber> doc_list;    // the same docs, ascending
  std::vector<std::uint8_t> weights;  // beside doc_list: weighted frequency, half units, at most 255
  bool is_word = false;               // eligible for prefixes and corrections
};

struct DocRecord {
  std::string id;
  std::shared_ptr<const std::string> summary;  // null once dead
  std::int64_t price = 0;
  double rating = 0;
  bool has_rating = false;
  std::uint32_t length = 0;  // weighted words, half units
};

// A word or name Suggest offers, with the docs that have it.
struct Suggestion {
  std::string display;
  Roaring docs;
};

inline constexpr std::array<const char*, 4> kPriceBands = {"0-25", "25-40", "40-60", "60-"};

class Corpus {
 public:
  explicit Corpus(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {}

  // Adds the service under the next doc number; an earlier service with its id is dead from now on.
  void Add(AnalyzedService&& service);
  // Marks the live service with `id` dead; false when there is none.
  bool Remove(const std::string& id);
  // Gives back the spare capacity a bulk load leaves in growing arrays.
  void ShrinkToFit();

  std::size_t live_count() const { return id_to_doc_.size(); }
  const Roaring& live() const { return live_; }
  // Mean weighted length of live docs in half units (1 when there are none).
  double average_length() const;
  const DocRecord& doc(DocNumber number) const { return docs_[number]; }

  std::optional<TermId> FindTerm(std::string_view text) const;
  const TermPostings& term(TermId id) const { return terms_[id]; }
  // Live docs with the term.
  std::uint64_t LiveDocumentFrequency(TermId id) const;
  // Word terms that start with `prefix` (folded), most docs first, at most `limit`; looks at no
  // more than a few thousand words in alphabetical order.
  std::vector<TermId> WordsWithPrefix(std::string_view prefix, std::size_t limit) const;
  const SpellingIndex& spelling() const { return spelling_; }

  const ValueBitmaps& regions() const { return regions_; }
  const ValueBitmaps& categories() const { return categories_; }
  const ValueBitmaps& municipalities() const { return municipalities_; }  // served entirely or in part
  const ValueBitmaps& languages() const { return languages_; }
  const ValueBitmaps& vouchers() const { return vouchers_; }
  const std::array<Roaring, 4>& price_bands() const { return price_bands_; }
  const Roaring& OpenOn(int weekday) const { return open_days_[static_cast<std::size_t>(weekday)]; }

  // Docs that serve the place: a municipality entirely or in part; a district, when it or one of
  // its postal codes is listed or its municipality is served entirely.
  Roaring DocsServingPlace(std::string_view code) const;
  // Docs that list the postal code, or serve its district or municipality (by the gazetteer).
  Roaring DocsServingPostalCode(std::string_view postal_code) const;
  // Docs whose price is at most `max_price` (minor units).
  Roaring DocsPricedAtMost(std::int64_t max_price) const;

  const std::map<std::string, Suggestion, std::less<>>& suggestions() const { return suggestions_; }

  std::size_t MemoryBytes() const;

 private:
  TermId InternTerm(const DocumentTerm& term);
  void AddSuggestion(const SuggestionWord& word, DocNumber doc);
  static void Mark(ValueBitmaps& bitmaps, std::string_view value, DocNumber doc);

  const Gazetteer& gazetteer_;
  std::vector<DocRecord> docs_;
  std::unordered_map<std::string, DocNumber, StringHash, std::equal_to<>> id_to_doc_;
  Roaring live_;
  std::uint64_t live_length_ = 0;
  std::uint64_t dead_count_ = 0;

  std::deque<TermPostings> terms_;  // a deque: adding a term never moves the others
  std::unordered_map<std::string, TermId, StringHash, std::equal_to<>> term_ids_;
  std::map<std::string, TermId, std::less<>> words_;
  SpellingIndex spelling_;

  ValueBitmaps regions_, categories_, municipalities_, whole_municipalities_, districts_, postal_codes_, languages_,
      vouchers_;
  std::array<Roaring, 7> open_days_;
  std::array<Roaring, 4> price_bands_;
  std::vector<Roaring> price_buckets_;
  std::map<std::string, Suggestion, std::less<>> suggestions_;
};

}  // namespace allmende::search
