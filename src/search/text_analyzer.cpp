#include "search/text_analyzer.hpp"

#include <libstemmer.h>

#include <algorithm>
#include <functional>
#include <mutex>
#include <unordered_map>

#include "search/finnish_morphology.hpp"
#include "search/text_folding.hpp"

namespace allmende::search {

// Snowball stemmers keep their state in the stemmer object, so each thread borrows its own.
class StemmerPool {
 public:
  explicit StemmerPool(const char* algorithm) : algorithm_(algorithm) {}
  ~StemmerPool() {
    for (sb_stemmer* stemmer : all_) sb_stemmer_delete(stemmer);
  }
  StemmerPool(const StemmerPool&) = delete;
  StemmerPool& operator=(const StemmerPool&) = delete;

  // The stem of a lower-case UTF-8 word; the word itself if no stemmer could be made.
  std::string Stem(const std::string& lower) {
    sb_stemmer* stemmer = Borrow();
    if (stemmer == nullptr) return lower;
    const sb_symbol* stem =
        sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(lower.data()), static_cast<int>(lower.size()));
    std::string out = stem == nullptr ? lower
                                      : std::string(reinterpret_cast<const char*>(stem),
                                                    static_cast<std::size_t>(sb_stemmer_length(stemmer)));
    std::lock_guard lock(mutex_);
    idle_.push_back(stemmer);
    return out;
  }

 private:
  sb_stemmer* Borrow() {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      sb_stemmer* stemmer = idle_.back();
      idle_.pop_back();
      return stemmer;
    }
    sb_stemmer* stemmer = sb_stemmer_new(algorithm_, "UTF_8");
    if (stemmer != nullptr) all_.push_back(stemmer);
    return stemmer;
  }

  const char* algorithm_;
  std::mutex mutex_;
  std::vector<sb_stemmer*> idle_;
  std::vector<sb_stemmer*> all_;
};

// A bounded map shared by all threads: sharded to keep lock waits short, and two generations per
// shard so that a full shard drops its least recently used half instead of everything.
class WordFormCache {
 public:
  explicit WordFormCache(std::size_t capacity) : per_generation_(std::max<std::size_t>(capacity / kShards / 2, 16)) {}

  std::shared_ptr<const WordForms> Find(const std::string& key) {
    Shard& shard = ShardOf(key);
    std::lock_guard lock(shard.mutex);
    if (auto it = shard.current.find(key); it != shard.current.end()) return it->second;
    if (auto it = shard.previous.find(key); it != shard.previous.end()) {
      auto forms = it->second;
      InsertLocked(shard, key, forms);
      return forms;
    }
    return nullptr;
  }

  void Insert(const std::string& key, std::shared_ptr<const WordForms> forms) {
    Shard& shard = ShardOf(key);
    std::lock_guard lock(shard.mutex);
    InsertLocked(shard, key, std::move(forms));
  }

 private:
  static constexpr std::size_t kShards = 16;
  struct Shard {
    std::mutex mutex;
    std::unordered_map<std::string, std::shared_ptr<const WordForms>> current;
    std::unordered_map<std::string, std::shared_ptr<const WordForms>> previous;
  };

  Shard& ShardOf(const std::string& key) { return shards_[std::hash<std::string>{}(key) % kShards]; }

  void InsertLocked(Shard& shard, const std::string& key, std::shared_ptr<const WordForms> forms) {
    if (shard.current.size() >= per_generation_) {
      shard.previous = std::move(shard.current);
      shard.current.clear();
    }
    shard.current.emplace(key, std::move(forms));
  }

  std::size_t per_generation_;
  std::array<Shard, kShards> shards_;
};

namespace {

void AddUnique(std::vector<std::string>& list, std::string value) {
  if (value.empty()) return;
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(std::move(value));
}

}  // namespace

Language LanguageOfCode(std::string_view code) {
  if (code == "fi") return Language::kFinnish;
  if (code == "sv") return Language::kSwedish;
  if (code == "en") return Language::kEnglish;
  if (code == "de") return Language::kGerman;
  if (code == "da") return Language::kDanish;
  return Language::kUnknown;
}

TextAnalyzer::TextAnalyzer(std::size_t cache_words)
    : finnish_(std::make_unique<FinnishMorphology>()),
      stemmers_{std::make_unique<StemmerPool>("swedish"), std::make_unique<StemmerPool>("english"),
                std::make_unique<StemmerPool>("german"), std::make_unique<StemmerPool>("danish")},
      cache_(std::make_unique<WordFormCache>(cache_words)) {}

TextAnalyzer::~TextAnalyzer() = default;

bool TextAnalyzer::has_finnish_morphology() const { return finnish_->available(); }

std::shared_ptr<const WordForms> TextAnalyzer::Analyze(std::string_view word, Language language) const {
  return AnalyzeLower(LowerCase(word), language);
}

std::shared_ptr<const WordForms> TextAnalyzer::AnalyzeLower(const std::string& lower, Language language) const {
  std::string key;
  key.reserve(lower.size() + 1);
  key += static_cast<char>('0' + static_cast<int>(language));
  key += lower;
  if (auto cached = cache_->Find(key)) return cached;

  auto forms = std::make_shared<WordForms>();
  forms->display = lower;
  forms->surface = FoldDiacritics(lower);
  auto is_new = [&](const std::string& form) {
    return !form.empty() && form != forms->surface &&
           std::find(forms->lemmas.begin(), forms->lemmas.end(), form) == forms->lemmas.end();
  };
  if (language == Language::kFinnish) {
    auto analysis = finnish_->Analyze(lower);
    for (const auto& base : analysis.base_forms) {
      std::string folded = FoldDiacritics(base);
      if (is_new(folded)) forms->lemmas.push_back(std::move(folded));
    }
    for (const auto& parts : analysis.compounds) {
      std::vector<std::string> folded;
      for (const auto& part : parts) folded.push_back(FoldDiacritics(part));
      if (std::find(forms->compounds.begin(), forms->compounds.end(), folded) == forms->compounds.end()) {
        forms->compounds.push_back(std::move(folded));
      }
    }
  } else if (language != Language::kUnknown) {
    std::string stem = FoldDiacritics(stemmers_[static_cast<std::size_t>(language) - 1]->Stem(lower));
    if (is_new(stem)) forms->stems.push_back(std::move(stem));
  }
  std::shared_ptr<const WordForms> result = std::move(forms);
  cache_->Insert(key, result);
  return result;
}

WordForms TextAnalyzer::AnalyzeInEveryLanguage(std::string_view word) const {
  const std::string lower = LowerCase(word);
  WordForms merged;
  for (Language language : kAnalysedLanguages) {
    auto forms = AnalyzeLower(lower, language);
    if (merged.surface.empty()) {
      merged.display = forms->display;
      merged.surface = forms->surface;
    }
    for (const auto& lemma : forms->lemmas) AddUnique(merged.lemmas, lemma);
    for (const auto& stem : forms->stems) AddUnique(merged.stems, stem);
    for (const auto& parts : forms->compounds) {
      if (std::find(merged.compounds.begin(), merged.compounds.end(), parts) == merged.compounds.end()) {
        merged.compounds.push_back(parts);
      }
    }
  }
  // A stem that is also a base form counts once, as the base form.
  std::erase_if(merged.stems, [&](const std::string& stem) {
    return std::find(merged.lemmas.begin(), merged.lemmas.end(), stem) != merged.lemmas.end();
  });
  return merged;
}

}  // namespace allmende::search
