#include "search/query_plan.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "search/spelling_index.hpp"
#include "search/text_folding.hpp"

namespace allmende::search {
namespace {

constexpr std::uint8_t kOwnFormsWeight = 10;
constexpr std::uint8_t kPartsWeight = 9;
constexpr std::uint8_t kCorrectionWeight = 9;
constexpr std::uint8_t kCompoundWeight = 8;
constexpr std::uint8_t kPrefixWeight = 8;
constexpr std::size_t kMinPrefixChars = 2;

// Folded words that only join others, in the five languages; taken out of a query that has other
// words, since every word of a query must match.
constexpr std::array<std::string_view, 40> kStopWords = {
    "a",   "an",   "and", "the", "of",  "in",  "on",  "at",   "for", "to",  "with",  "by",  "or", "ja",
    "tai", "seka", "och", "i",   "pa",  "med", "av",  "till", "en",  "ett", "eller", "und", "im", "mit",
    "fur", "der",  "die", "das", "den", "dem", "von", "zu",   "am",  "og",  "af",    "til"};

PlannedAlternative Alternative(std::uint8_t weight_tenths, std::vector<std::vector<std::uint16_t>> slots) {
  PlannedAlternative alternative;
  alternative.weight_tenths = weight_tenths;
  alternative.slots = std::move(slots);
  return alternative;
}

bool IsStopWord(std::string_view folded) {
  return std::find(kStopWords.begin(), kStopWords.end(), folded) != kStopWords.end();
}

class PlanBuilder {
 public:
  explicit PlanBuilder(const Corpus& corpus) : corpus_(corpus) {}

  // The plan's index of a term the corpus has in a live doc; nullopt otherwise.
  std::optional<std::uint16_t> Term(std::string_view text) {
    if (auto it = index_.find(std::string(text)); it != index_.end()) return it->second;
    auto id = corpus_.FindTerm(text);
    if (!id) return std::nullopt;
    const std::uint64_t frequency = corpus_.LiveDocumentFrequency(*id);
    if (frequency == 0) return std::nullopt;
    const auto at = static_cast<std::uint16_t>(plan_.terms.size());
    plan_.terms.push_back(PlannedTerm{std::string(text), frequency});
    index_.emplace(std::string(text), at);
    return at;
  }

  // One slot of every form of `forms` that the corpus has; empty when it has none.
  std::vector<std::uint16_t> FormsSlot(const WordForms& forms) {
    std::vector<std::uint16_t> slot;
    auto add = [&](const std::string& text) {
      if (auto at = Term(text); at && std::find(slot.begin(), slot.end(), *at) == slot.end()) slot.push_back(*at);
    };
    add(forms.surface);
    for (const auto& lemma : forms.lemmas) add(lemma);
    for (const auto& stem : forms.stems) add(stem);
    return slot;
  }

  PlannedWord Word(const QueryWord& word, std::string& correction) {
    PlannedWord planned;
    if (auto own = FormsSlot(word.forms); !own.empty()) {
      planned.alternatives.push_back(Alternative(kOwnFormsWeight, {std::move(own)}));
    }
    for (const auto& parts : word.forms.compounds) {
      PlannedAlternative compound = Alternative(kCompoundWeight, {});
      for (const auto& part : parts) {
        auto at = Term(part);
        if (!at) break;
        compound.slots.push_back({*at});
      }
      if (compound.slots.size() == parts.size()) planned.alternatives.push_back(std::move(compound));
    }
    if (!word.parts.empty()) {
      PlannedAlternative hyphenated = Alternative(kPartsWeight, {});
      for (const auto& part : word.parts) {
        auto slot = FormsSlot(part);
        if (slot.empty()) break;
        hyphenated.slots.push_back(std::move(slot));
      }
      if (hyphenated.slots.size() == word.parts.size()) planned.alternatives.push_back(std::move(hyphenated));
    }
    if (word.typing && CodePointCount(word.forms.surface) >= kMinPrefixChars) {
      std::vector<std::uint16_t> slot;
      const auto& own = planned.alternatives.empty() || planned.alternatives.front().weight_tenths != kOwnFormsWeight
                            ? std::vector<std::uint16_t>()
                            : planned.alternatives.front().slots.front();
      for (TermId id : corpus_.WordsWithPrefix(word.forms.surface, kMaxPrefixExpansion)) {
        auto at = Term(corpus_.dictionary().Text(id));
        if (at && std::find(own.begin(), own.end(), *at) == own.end()) slot.push_back(*at);
      }
      if (!slot.empty()) {
        PlannedAlternative prefix = Alternative(kPrefixWeight, {std::move(slot)});
        prefix.merged_docs = MergedDocs(corpus_, plan_, prefix);
        prefix.merged_frequency = std::max<std::uint64_t>(prefix.merged_docs->and_cardinality(corpus_.live()), 1);
        planned.alternatives.push_back(std::move(prefix));
      }
    }
    if (planned.alternatives.empty()) {
      if (auto corrected = Correct(word.forms.surface)) {
        if (auto at = Term(corpus_.dictionary().Text(*corrected))) {
          planned.alternatives.push_back(Alternative(kCorrectionWeight, {{*at}}));
          correction = corpus_.dictionary().Display(*corrected);
        }
      }
    }
    return planned;
  }

  QueryPlan Finish() {
    plan_.doc_count = corpus_.live_count();
    plan_.average_length = corpus_.average_length();
    return std::move(plan_);
  }

  QueryPlan& plan() { return plan_; }

 private:
  // The vocabulary word nearest to `surface`: fewest edits (two at most, one for words of four
  // letters or fewer), then most docs, then alphabetical.
  std::optional<TermId> Correct(const std::string& surface) const {
    const std::u32string typed = CodePoints(surface);
    if (typed.size() < SpellingIndex::kMinLength) return std::nullopt;
    const int allowed = typed.size() <= 4 ? 1 : 2;
    std::optional<TermId> best;
    int best_distance = allowed + 1;
    std::uint64_t best_frequency = 0;
    for (TermId candidate : corpus_.spelling().Candidates(surface, allowed)) {
      const std::string_view text = corpus_.dictionary().Text(candidate);
      const int distance = EditDistance(typed, CodePoints(text), allowed);
      if (distance > allowed) continue;
      const std::uint64_t frequency = corpus_.LiveDocumentFrequency(candidate);
      if (frequency == 0) continue;
      const bool better =
          !best || distance < best_distance ||
          (distance == best_distance &&
           (frequency > best_frequency || (frequency == best_frequency && text < corpus_.dictionary().Text(*best))));
      if (better) {
        best = candidate;
        best_distance = distance;
        best_frequency = frequency;
      }
    }
    return best;
  }

  const Corpus& corpus_;
  QueryPlan plan_;
  std::unordered_map<std::string, std::uint16_t> index_;
};

}  // namespace

std::shared_ptr<const Roaring> MergedDocs(const Corpus& corpus, const QueryPlan& plan,
                                          const PlannedAlternative& alternative) {
  std::vector<const Roaring*> parts;
  for (std::uint16_t term : alternative.slots.front()) {
    if (auto id = corpus.FindTerm(plan.terms[term].text)) parts.push_back(&corpus.term(*id).docs);
  }
  if (parts.empty()) return std::make_shared<const Roaring>();
  return std::make_shared<const Roaring>(Roaring::fastunion(parts.size(), parts.data()));
}

ParsedQuery ParseQuery(std::string_view text, const TextAnalyzer& analyzer, const Gazetteer& gazetteer) {
  ParsedQuery parsed;
  const auto words = SplitWords(text, kMaxQueryWords, kMaxQueryWordChars);
  std::vector<WordForms> forms;
  forms.reserve(words.size());
  for (const auto& word : words) {
    parsed.written.push_back(word.text);
    forms.push_back(analyzer.AnalyzeInEveryLanguage(word.text));
  }
  std::vector<const WordForms*> pointers;
  for (const auto& f : forms) pointers.push_back(&f);
  // Words cut off at the word limit are never "being typed".
  const bool ends_in_word = words.size() < kMaxQueryWords && EndsInWord(text);
  std::vector<QueryWord> text_words;
  for (std::size_t i = 0; i < words.size();) {
    auto named = gazetteer.Match(pointers, i);
    if (named.word_count > 0) {
      for (auto& code : named.codes) {
        if (std::find(parsed.places.begin(), parsed.places.end(), code) == parsed.places.end()) {
          parsed.places.push_back(std::move(code));
        }
      }
      i += named.word_count;
      continue;
    }
    QueryWord word;
    word.position = i;
    word.forms = std::move(forms[i]);
    for (const auto& part : words[i].parts) word.parts.push_back(analyzer.AnalyzeInEveryLanguage(part));
    word.typing = ends_in_word && i + 1 == words.size();
    text_words.push_back(std::move(word));
    ++i;
  }
  const bool only_stop_words =
      std::all_of(text_words.begin(), text_words.end(), [](const QueryWord& w) { return IsStopWord(w.forms.surface); });
  for (auto& word : text_words) {
    if (only_stop_words || !IsStopWord(word.forms.surface)) parsed.words.push_back(std::move(word));
  }
  return parsed;
}

QueryPlan PlanQuery(const ParsedQuery& parsed, const Corpus& corpus) {
  PlanBuilder builder(corpus);
  std::vector<std::string> corrected = parsed.written;
  bool any_correction = false;
  for (const auto& word : parsed.words) {
    std::string correction;
    builder.plan().words.push_back(builder.Word(word, correction));
    if (!correction.empty()) {
      corrected[word.position] = correction;
      any_correction = true;
    }
  }
  QueryPlan plan = builder.Finish();
  if (any_correction) {
    std::string text;
    for (const auto& word : corrected) {
      if (!text.empty()) text += ' ';
      text += word;
    }
    plan.did_you_mean = std::move(text);
  }
  return plan;
}

}  // namespace allmende::search
