// ServiceIndex::Suggest: completions of the word being typed.
#include <algorithm>
#include <limits>
#include <mutex>
#include <unordered_map>

#include "search/index_state.hpp"
#include "search/query_plan.hpp"
#include "search/service_index.hpp"
#include "search/text_folding.hpp"

namespace allmende::search {
namespace {

constexpr std::size_t kEntriesScanned = 2000;
constexpr int kMaxSuggestions = 100;

struct Completion {
  std::string display;
  std::uint64_t count = 0;
};

// The same folded word from a service name and a place is offered once, at its best count.
class Completions {
 public:
  void Offer(const std::string& key, const std::string& display, std::uint64_t count) {
    if (count == 0) return;
    auto [it, inserted] = by_key_.try_emplace(key, list_.size());
    if (inserted) {
      list_.push_back(Completion{display, count});
    } else {
      list_[it->second].count = std::max(list_[it->second].count, count);
    }
  }
  std::vector<Completion>& list() { return list_; }

 private:
  std::unordered_map<std::string, std::size_t> by_key_;
  std::vector<Completion> list_;
};

}  // namespace

std::vector<std::string> ServiceIndex::Suggest(const std::string& prefix, const std::string& region_id,
                                               int limit) const {
  try {
    if (limit <= 0 || !EndsInWord(prefix)) return {};
    const auto words = SplitWords(prefix, std::numeric_limits<std::size_t>::max(), kMaxQueryWordChars);
    if (words.empty()) return {};
    const std::string key = FoldWord(words.back().text);
    if (key.empty()) return {};

    Completions offered;
    std::shared_lock lock(state_->mutex);
    const Corpus& corpus = state_->corpus;
    Roaring scope = corpus.live();
    if (!region_id.empty()) {
      const Roaring* region = corpus.regions().Docs(region_id);
      scope = region == nullptr ? Roaring() : scope & *region;
    }
    // Words of service names: the vocabulary's words in the prefix's range that some name has.
    const auto& vocabulary = corpus.words();
    std::size_t scanned = 0;
    for (auto it = vocabulary.lower_bound(key); it != vocabulary.end() && scanned < kEntriesScanned; ++it, ++scanned) {
      if (it->first.compare(0, key.size(), key) != 0) break;
      if (const Suggestion* name_word = corpus.NameWordSuggestion(it->second)) {
        offered.Offer(std::string(it->first), name_word->display, name_word->docs.and_cardinality(scope));
      }
    }
    const auto& categories = corpus.category_names();
    scanned = 0;
    for (auto it = categories.lower_bound(key); it != categories.end() && scanned < kEntriesScanned; ++it, ++scanned) {
      if (it->first.compare(0, key.size(), key) != 0) break;
      if (const Roaring* docs = corpus.categories().Docs(it->second.category)) {
        offered.Offer(FoldWord(it->second.display), it->second.display, docs->and_cardinality(scope));
      }
    }
    const auto& places = state_->place_names;
    auto place = std::lower_bound(places.begin(), places.end(), key,
                                  [](const PlaceName& p, const std::string& k) { return p.key < k; });
    for (; place != places.end() && place->key.compare(0, key.size(), key) == 0; ++place) {
      offered.Offer(place->key, place->display, corpus.DocsServingPlace(place->code).and_cardinality(scope));
    }
    lock.unlock();

    auto& completions = offered.list();
    std::sort(completions.begin(), completions.end(), [](const Completion& a, const Completion& b) {
      return a.count != b.count ? a.count > b.count : a.display < b.display;
    });
    completions.resize(std::min(completions.size(), static_cast<std::size_t>(std::min(limit, kMaxSuggestions))));
    std::vector<std::string> out;
    for (auto& completion : completions) out.push_back(std::move(completion.display));
    return out;
  } catch (const std::exception&) {
    return {};
  }
}

}  // namespace allmende::search
