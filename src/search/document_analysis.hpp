// A service as the index stores it: its distinct terms with their field-weighted frequencies
// (BM25F: name ×3, category names ×2, provider name ×1.5, description ×1), its weighted length
// and the words Suggest completes. Done outside the index's lock: it is the slow part of a Put.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "search/service_index.hpp"
#include "search/text_analyzer.hpp"

namespace allmende::search {

// Field weights in half units, so that weighted frequencies stay integers.
inline constexpr std::uint32_t kNameWeight = 6;
inline constexpr std::uint32_t kCategoryWeight = 4;
inline constexpr std::uint32_t kProviderWeight = 3;
inline constexpr std::uint32_t kDescriptionWeight = 2;

struct DocumentTerm {
  std::string text;          // folded
  std::uint32_t weight = 0;  // sum of the field weights of its occurrences, half units
  bool is_word = false;      // a surface word, base form or compound part (not a bare stem)
  std::string display;       // lower case as written, for a surface word
};

// A word Suggest may offer: `key` folded, `display` as written ("Kotisiivous", "Home cleaning").
struct SuggestionWord {
  std::string key;
  std::string display;
};

struct AnalyzedService {
  IndexedService service;
  std::vector<DocumentTerm> terms;  // distinct
  std::uint32_t length = 0;         // weighted number of words, half units
  std::vector<SuggestionWord> suggestions;
};

// The analyses of words one thread has already seen, so that a bulk load goes to the shared
// cache (and its locks) once per distinct word. One per thread; the strings it hands out stay
// valid until the next Clear.
class WordMemo {
 public:
  explicit WordMemo(const TextAnalyzer& analyzer) : analyzer_(analyzer) {}

  // The forms of `word` (as written) in `language`.
  const WordForms& Forms(std::string_view word, Language language);

  // Forgets everything when more than `capacity` words are remembered.
  void Trim(std::size_t capacity);

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  const TextAnalyzer& analyzer_;
  std::string key_;
  std::unordered_map<std::string, std::shared_ptr<const WordForms>, Hash, std::equal_to<>> known_;
};

// Analyses every text of `service`: names and descriptions in their own language, category names
// and the provider name in all five (their language is not given).
AnalyzedService AnalyzeService(WordMemo& memo, IndexedService service);

}  // namespace allmende::search
