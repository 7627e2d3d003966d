// The forms under which a word is indexed and searched: its folded surface form, Finnish base
// forms and compound parts (Voikko), Swedish, English, German and Danish stems (Snowball).
//
// A document's word is analysed in the language of its text; a query's word in every language,
// since nobody says which language they type in. Results are cached per (language, word) in a
// bounded cache shared by all threads: analysing a word costs ~15 µs uncached, and texts repeat
// their words.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace allmende::search {

enum class Language : std::uint8_t { kFinnish, kSwedish, kEnglish, kGerman, kDanish, kUnknown };

inline constexpr std::array<Language, 5> kAnalysedLanguages = {
    Language::kFinnish, Language::kSwedish, Language::kEnglish, Language::kGerman, Language::kDanish};

// "fi", "sv", "en", "de", "da" (case-sensitive, as the directory stores them); anything else is
// kUnknown, whose words are indexed by their surface form only.
Language LanguageOfCode(std::string_view code);

// The forms of one word; every string is folded (lower case, no diacritics, letters and digits
// only) and none repeats another.
struct WordForms {
  std::string display;                              // lower case as written: "lempäälä", "siivouksen"
  std::string surface;                              // "lempaala", "siivouksen"
  std::vector<std::string> lemmas;                  // base forms: "siivous"
  std::vector<std::string> stems;                   // Snowball stems: "stadning", "reinig"
  std::vector<std::vector<std::string>> compounds;  // parts of each compound reading: {koti, siivous}
};

class FinnishMorphology;
class StemmerPool;
class WordFormCache;

class TextAnalyzer {
 public:
  // `cache_words` bounds the shared cache of analysed words (two generations of half each).
  explicit TextAnalyzer(std::size_t cache_words = 262144);
  ~TextAnalyzer();
  TextAnalyzer(const TextAnalyzer&) = delete;
  TextAnalyzer& operator=(const TextAnalyzer&) = delete;

  // False when Voikko's Finnish dictionary could not be loaded: Finnish words then have their
  // surface form only.
  bool has_finnish_morphology() const;

  // The forms of `word` (as written, valid UTF-8) read as `language`. Thread-safe; never null.
  std::shared_ptr<const WordForms> Analyze(std::string_view word, Language language) const;

  // The forms of `word` in all five languages merged, for a query word. Thread-safe.
  WordForms AnalyzeInEveryLanguage(std::string_view word) const;

 private:
  std::shared_ptr<const WordForms> AnalyzeLower(const std::string& lower, Language language) const;

  std::unique_ptr<FinnishMorphology> finnish_;
  std::array<std::unique_ptr<StemmerPool>, 4> stemmers_;  // sv, en, de, da
  std::unique_ptr<WordFormCache> cache_;
};

}  // namespace allmende::search
