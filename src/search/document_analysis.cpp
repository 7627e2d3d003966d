#include "search/document_analysis.hpp"

#include <algorithm>
#include <optional>

#include "search/text_folding.hpp"

namespace allmende::search {
namespace {

constexpr std::size_t kMaxWordsPerText = 4096;
constexpr std::size_t kMaxWordChars = 64;
constexpr std::size_t kMemoWords = 1 << 19;
constexpr std::size_t kMemoTexts = 1 << 12;

// Adds up the terms of one text or service: each occurrence of a word adds the field's weight
// to each of the word's distinct terms once.
class TermCollector {
 public:
  explicit TermCollector(WordMemo& memo) : memo_(memo) {}

  // `language` nullopt: the text's language is not known, so read it in all five.
  void AddText(std::string_view text, std::optional<Language> language, std::uint32_t weight,
               std::vector<NameWord>* name_words) {
    ForEachWord(text, kMaxWordsPerText, kMaxWordChars,
                [&](std::string_view word, const std::vector<std::string_view>& parts) {
                  const WordTerms& whole = memo_.Terms(word, language);
                  if (name_words != nullptr && whole.surface != kNoTerm) {
                    name_words->push_back(NameWord{whole.surface, std::string(word)});
                  }
                  if (parts.empty()) {
                    for (const auto& [term, is_word] : whole.terms)
                      terms_.push_back(DocumentTerm{term, weight, is_word});
                  } else {
                    occurrence_.assign(whole.terms.begin(), whole.terms.end());
                    for (const auto& part : parts) {
                      const WordTerms& terms = memo_.Terms(part, language);
                      if (name_words != nullptr && terms.surface != kNoTerm) {
                        name_words->push_back(NameWord{terms.surface, std::string(part)});
                      }
                      for (const auto& entry : terms.terms) {
                        if (std::find(occurrence_.begin(), occurrence_.end(), entry) == occurrence_.end()) {
                          occurrence_.push_back(entry);
                        }
                      }
                    }
                    for (const auto& [term, is_word] : occurrence_)
                      terms_.push_back(DocumentTerm{term, weight, is_word});
                  }
                  length_ += weight;
                });
  }

  void Add(const WordMemo::TextTerms& text) {
    terms_.insert(terms_.end(), text.terms.begin(), text.terms.end());
    length_ += text.length;
  }

  // The distinct terms, ascending, with summed weights.
  WordMemo::TextTerms Finish() {
    std::sort(terms_.begin(), terms_.end(),
              [](const DocumentTerm& a, const DocumentTerm& b) { return a.term < b.term; });
    std::vector<DocumentTerm> merged;
    merged.reserve(terms_.size());
    for (const auto& term : terms_) {
      if (!merged.empty() && merged.back().term == term.term) {
        merged.back().weight += term.weight;
        merged.back().is_word = merged.back().is_word || term.is_word;
      } else {
        merged.push_back(term);
      }
    }
    return WordMemo::TextTerms{std::move(merged), length_};
  }

 private:
  WordMemo& memo_;
  std::vector<std::pair<TermId, bool>> occurrence_;
  std::vector<DocumentTerm> terms_;
  std::uint32_t length_ = 0;
};

void AddForms(TermDictionary& dictionary, const WordForms& forms, WordTerms& out) {
  auto note = [&](const std::string& text, bool is_word, std::string_view display) {
    if (text.empty()) return;
    const TermId id = dictionary.Intern(text, display);
    for (auto& entry : out.terms) {
      if (entry.first == id) {
        entry.second = entry.second || is_word;
        return;
      }
    }
    out.terms.emplace_back(id, is_word);
  };
  note(forms.surface, true, forms.display);
  for (const auto& lemma : forms.lemmas) note(lemma, true, {});
  for (const auto& stem : forms.stems) note(stem, false, {});
  for (const auto& parts : forms.compounds) {
    for (const auto& part : parts) note(part, true, {});
  }
}

}  // namespace

const WordTerms& WordMemo::Terms(std::string_view word, std::optional<Language> language) {
  key_.assign(1, language ? static_cast<char>('0' + static_cast<int>(*language)) : '*');
  key_.append(word);
  const std::uint64_t hash = WordTable::Hash(key_);
  if (const WordTerms* known = words_.Find(key_, hash)) return *known;
  if (const WordTerms* kept = previous_words_.Find(key_, hash)) return words_.Insert(key_, hash, *kept);
  WordTerms terms;
  auto add = [&](Language each) {
    auto forms = analyzer_.Analyze(word, each);
    if (terms.surface == kNoTerm && !forms->surface.empty()) terms.surface = dictionary_.Intern(forms->surface, {});
    AddForms(dictionary_, *forms, terms);
  };
  if (language) {
    add(*language);
  } else {
    for (Language each : kAnalysedLanguages) add(each);
  }
  return words_.Insert(key_, hash, std::move(terms));
}

const WordMemo::TextTerms* WordMemo::FindText(const std::string& key) const {
  auto it = texts_.find(key);
  return it == texts_.end() ? nullptr : &it->second;
}

const WordMemo::TextTerms& WordMemo::RememberText(const std::string& key, TextTerms terms) {
  return texts_.insert_or_assign(key, std::move(terms)).first->second;
}

void WordMemo::Trim() {
  // Two generations: a full memo drops the words not seen since the last drop, not all of them.
  if (words_.size() > kMemoWords / 2) {
    std::swap(previous_words_, words_);
    words_.Clear();
  }
  if (texts_.size() > kMemoTexts) texts_.clear();
}

AnalyzedService AnalyzeService(WordMemo& memo, IndexedService service) {
  memo.Trim();
  AnalyzedService out;
  TermCollector collector(memo);
  for (const auto& [language, text] : service.name) {
    collector.AddText(text, LanguageOfCode(language), kNameWeight, &out.name_words);
  }
  // Category names are the same for every service of the category: analysed once per memo.
  std::string key;
  for (const auto& name : service.category_names) {
    key += name;
    key += '\x1f';
  }
  const WordMemo::TextTerms* categories = memo.FindText(key);
  if (categories == nullptr) {
    TermCollector names(memo);
    for (const auto& name : service.category_names) names.AddText(name, std::nullopt, kCategoryWeight, nullptr);
    categories = &memo.RememberText(key, names.Finish());
  }
  collector.Add(*categories);
  collector.AddText(service.provider_name, std::nullopt, kProviderWeight, nullptr);
  for (const auto& [language, text] : service.description) {
    collector.AddText(text, LanguageOfCode(language), kDescriptionWeight, nullptr);
  }
  auto terms = collector.Finish();
  out.terms = std::move(terms.terms);
  out.length = terms.length;
  out.service = std::move(service);
  return out;
}

}  // namespace allmende::search
