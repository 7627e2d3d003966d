#include "search/document_analysis.hpp"

#include <algorithm>

#include "search/text_folding.hpp"

namespace allmende::search {
namespace {

constexpr std::size_t kMaxWordsPerText = 4096;
constexpr std::size_t kMaxWordChars = 64;
constexpr std::size_t kMemoCapacity = 1 << 17;

// Collects the terms of one service; the string_views point into WordForms the memo keeps.
class TermCollector {
 public:
  explicit TermCollector(WordMemo& memo) : memo_(memo) {}

  // Adds the words of `text`; with `suggest`, each word (and part) is also offered by Suggest.
  void AddText(std::string_view text, Language language, std::uint32_t weight, bool suggest) {
    for (const auto& word : SplitWords(text, kMaxWordsPerText, kMaxWordChars)) {
      if (suggest) {
        AddSuggestion(std::string(Surface(word.text)), word.text);
        for (const auto& part : word.parts) AddSuggestion(std::string(Surface(part)), part);
      }
      occurrence_.clear();
      AddWord(word.text, language);
      for (const auto& part : word.parts) AddWord(part, language);
      for (const auto& [term, is_word, display] : occurrence_) {
        auto [it, inserted] = index_.try_emplace(term, terms_.size());
        if (inserted) terms_.push_back(DocumentTerm{std::string(term), 0, false, {}});
        DocumentTerm& entry = terms_[it->second];
        entry.weight += weight;
        entry.is_word = entry.is_word || is_word;
        if (entry.display.empty() && !display.empty()) entry.display = std::string(display);
      }
      length_ += weight;
    }
  }

  // Folded surface form, cached.
  std::string_view Surface(std::string_view word) { return memo_.Forms(word, Language::kUnknown).surface; }

  void AddSuggestion(std::string key, std::string display) {
    if (key.empty()) return;
    for (const auto& s : suggestions_) {
      if (s.key == key) return;
    }
    suggestions_.push_back(SuggestionWord{std::move(key), std::move(display)});
  }

  void MoveInto(AnalyzedService& out) {
    out.terms = std::move(terms_);
    out.length = length_;
    out.suggestions = std::move(suggestions_);
  }

 private:
  struct Occurrence {
    std::string_view term;
    bool is_word;
    std::string_view display;
  };

  void AddWord(std::string_view word, Language language) {
    if (language != Language::kUnknown) {
      AddForms(memo_.Forms(word, language));
      return;
    }
    for (Language each : kAnalysedLanguages) AddForms(memo_.Forms(word, each));
  }

  void AddForms(const WordForms& forms) {
    Note(forms.surface, true, forms.display);
    for (const auto& lemma : forms.lemmas) Note(lemma, true, {});
    for (const auto& stem : forms.stems) Note(stem, false, {});
    for (const auto& parts : forms.compounds) {
      for (const auto& part : parts) Note(part, true, {});
    }
  }

  void Note(std::string_view term, bool is_word, std::string_view display) {
    if (term.empty()) return;
    for (auto& seen : occurrence_) {
      if (seen.term == term) {
        seen.is_word = seen.is_word || is_word;
        if (seen.display.empty()) seen.display = display;
        return;
      }
    }
    occurrence_.push_back(Occurrence{term, is_word, display});
  }

  WordMemo& memo_;
  std::vector<Occurrence> occurrence_;
  std::unordered_map<std::string_view, std::size_t> index_;
  std::vector<DocumentTerm> terms_;
  std::vector<SuggestionWord> suggestions_;
  std::uint32_t length_ = 0;
};

}  // namespace

const WordForms& WordMemo::Forms(std::string_view word, Language language) {
  key_.assign(1, static_cast<char>('0' + static_cast<int>(language)));
  key_.append(word);
  if (auto it = known_.find(std::string_view(key_)); it != known_.end()) return *it->second;
  auto forms = analyzer_.Analyze(word, language);
  const WordForms& result = *forms;
  known_.emplace(key_, std::move(forms));
  return result;
}

void WordMemo::Trim(std::size_t capacity) {
  if (known_.size() > capacity) known_.clear();
}

AnalyzedService AnalyzeService(WordMemo& memo, IndexedService service) {
  memo.Trim(kMemoCapacity);
  TermCollector collector(memo);
  for (const auto& [language, text] : service.name) {
    collector.AddText(text, LanguageOfCode(language), kNameWeight, true);
  }
  for (const auto& name : service.category_names) {
    collector.AddText(name, Language::kUnknown, kCategoryWeight, false);
    // "Home cleaning" is offered for "home" and for "clean" alike.
    auto words = SplitWords(name, 16, kMaxWordChars);
    for (std::size_t i = 0; i < words.size(); ++i) {
      std::string key;
      for (std::size_t j = i; j < words.size(); ++j) key += collector.Surface(words[j].text);
      collector.AddSuggestion(std::move(key), name);
    }
  }
  collector.AddText(service.provider_name, Language::kUnknown, kProviderWeight, false);
  for (const auto& [language, text] : service.description) {
    collector.AddText(text, LanguageOfCode(language), kDescriptionWeight, false);
  }
  AnalyzedService out;
  collector.MoveInto(out);
  out.service = std::move(service);
  return out;
}

}  // namespace allmende::search
