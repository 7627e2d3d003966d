// A service as the index stores it: its distinct terms (as ids of the index's TermDictionary)
// with their field-weighted frequencies (BM25F: name ×3, category names ×2, provider name ×1.5,
// description ×1), its weighted length and the words of its name that Suggest completes. Done
// outside the index's lock: it is the slow part of a Put.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "search/service_index.hpp"
#include "search/term_dictionary.hpp"
#include "search/text_analyzer.hpp"
#include "search/word_table.hpp"

namespace allmende::search {

// Field weights in half units, so that weighted frequencies stay integers.
inline constexpr std::uint32_t kNameWeight = 6;
inline constexpr std::uint32_t kCategoryWeight = 4;
inline constexpr std::uint32_t kProviderWeight = 3;
inline constexpr std::uint32_t kDescriptionWeight = 2;

struct DocumentTerm {
  TermId term = 0;
  std::uint32_t weight = 0;  // sum of the field weights of its occurrences, half units
  bool is_word = false;      // a surface word, base form or compound part (not a bare stem)
};

// A word of the service's name, for Suggest: its folded surface term and the word as written.
struct NameWord {
  TermId term = 0;
  std::string display;
};

struct AnalyzedService {
  IndexedService service;
  std::vector<DocumentTerm> terms;  // ascending by term, distinct
  std::uint32_t length = 0;         // weighted number of words, half units
  std::vector<NameWord> name_words;
};

// The terms of words and texts one thread has already analysed, so that a bulk load goes to the
// analyser's shared cache and the dictionary (and their locks) once per distinct word. One per
// thread; forgets everything past a bound.
class WordMemo {
 public:
  WordMemo(const TextAnalyzer& analyzer, TermDictionary& dictionary) : analyzer_(analyzer), dictionary_(dictionary) {}

  // The terms of `word` (as written) read as `language` (kUnknown: its surface form only), or in
  // all five languages when `language` is nullopt.
  const WordTerms& Terms(std::string_view word, std::optional<Language> language);

  // A whole text's terms and weighted length, for texts that repeat (category names); `key` names it.
  struct TextTerms {
    std::vector<DocumentTerm> terms;
    std::uint32_t length = 0;
  };
  const TextTerms* FindText(const std::string& key) const;
  const TextTerms& RememberText(const std::string& key, TextTerms terms);

  // Call between documents: may forget words (never the ones of the current document).
  void Trim();

 private:
  const TextAnalyzer& analyzer_;
  TermDictionary& dictionary_;
  std::string key_;
  WordTable words_;  // two generations: see Trim
  WordTable previous_words_;
  std::unordered_map<std::string, TextTerms> texts_;
};

// Analyses every text of `service`: names and descriptions in their own language (surface forms
// only for a language other than the five), category names and the provider name in all five
// (their language is not given).
AnalyzedService AnalyzeService(WordMemo& memo, IndexedService service);

}  // namespace allmende::search
