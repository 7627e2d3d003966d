#include "clients/name_index.hpp"

#include <algorithm>
#include <array>
#include <mutex>
#include <span>

#include "clients/name_match.hpp"

namespace allmende::clients {
namespace {

// Words read as the start of the word being typed, at most: "ka" starts a few hundred surnames.
constexpr std::size_t kPrefixWords = 4000;
constexpr std::size_t kMaxNameWords = 8;

using WordId = std::uint32_t;
using Slot = std::uint32_t;

void EraseSorted(std::vector<Slot>& v, Slot x) {
  auto it = std::lower_bound(v.begin(), v.end(), x);
  if (it != v.end() && *it == x) v.erase(it);
}

// Ties of score (thousands of them, for a typed prefix) are broken by this hash of the id (FNV-1a),
// then by the id: the same order in every process and after every restart, at the cost of comparing
// two numbers instead of two ids that share their first characters (a ULID's time).
std::uint64_t TieBreak(const std::string& id) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char ch : id) h = (h ^ ch) * 1099511628211ull;
  return h;
}

void InsertSorted(std::vector<Slot>& v, Slot x) {
  auto it = std::lower_bound(v.begin(), v.end(), x);
  if (it == v.end() || *it != x) v.insert(it, x);
}

}  // namespace

struct NameIndex::State {
  struct Region {
    std::unordered_map<std::string, WordId> word_at;
    std::vector<std::string> words;
    std::vector<std::vector<Slot>> postings;                    // word → clients (sorted slots)
    std::unordered_map<std::string, std::vector<WordId>> keys;  // deletion key or word → words
    std::map<std::string, WordId, std::less<>> sorted;          // for prefixes

    WordId Intern(const std::string& word) {
      auto [it, fresh] = word_at.emplace(word, static_cast<WordId>(words.size()));
      if (!fresh) return it->second;
      words.push_back(word);
      postings.emplace_back();
      sorted.emplace(word, it->second);
      for (const auto& key : QueryKeys(word)) keys[key].push_back(it->second);
      return it->second;
    }
  };
  struct Client {
    std::string id;
    std::uint64_t tie_break = 0;  // TieBreak(id)
    std::uint32_t region = 0;
    bool live = false;
  };
  // A client's words, in the name's order: `n` of them from `at` in `pool`. Kept apart from
  // Client, 8 bytes a client, because scoring a query's candidates reads nothing else of them:
  // one cache line per candidate instead of three.
  struct Span {
    std::uint32_t at = 0;
    std::uint32_t n = 0;
  };

  std::unordered_map<std::string, std::uint32_t> region_at;
  std::vector<Region> regions;
  std::unordered_map<std::string, Slot> slot_at;
  std::vector<Client> clients;
  std::vector<Span> spans;  // by slot, as clients
  // Every client's words one after the other. A renamed client's old words stay behind unused
  // until the next Reset (renames are rare).
  std::vector<WordId> pool;
  std::size_t live = 0;

  std::span<const WordId> WordsOf(Slot slot) const { return {pool.data() + spans[slot].at, spans[slot].n}; }
};

NameIndex::NameIndex() : state_(std::make_unique<State>()) {}
NameIndex::~NameIndex() = default;

void NameIndex::RemoveLocked(State& s, const std::string& client_id) {
  auto at = s.slot_at.find(client_id);
  if (at == s.slot_at.end()) return;
  auto& client = s.clients[at->second];
  if (!client.live) return;
  auto& region = s.regions[client.region];
  for (WordId w : s.WordsOf(at->second)) EraseSorted(region.postings[w], at->second);
  s.spans[at->second].n = 0;
  client.live = false;
  --s.live;
}

void NameIndex::PutLocked(State& s, const std::string& region_id, const std::string& client_id, std::string_view name) {
  RemoveLocked(s, client_id);
  auto tokens = NameTokens(name);
  if (tokens.empty()) return;
  auto [r, new_region] = s.region_at.emplace(region_id, static_cast<std::uint32_t>(s.regions.size()));
  if (new_region) s.regions.emplace_back();
  auto [at, fresh] = s.slot_at.emplace(client_id, static_cast<Slot>(s.clients.size()));
  if (fresh) {
    s.clients.push_back({client_id, TieBreak(client_id), 0, false});
    s.spans.emplace_back();
  }
  auto& client = s.clients[at->second];
  auto& region = s.regions[r->second];
  client.region = r->second;
  client.live = true;
  ++s.live;
  s.spans[at->second] = {static_cast<std::uint32_t>(s.pool.size()), static_cast<std::uint32_t>(tokens.size())};
  for (const auto& token : tokens) {
    WordId w = region.Intern(token);
    s.pool.push_back(w);
    InsertSorted(region.postings[w], at->second);
  }
}

void NameIndex::Put(const std::string& region_id, const std::string& client_id, std::string_view name) {
  std::unique_lock lock(mu_);
  PutLocked(*state_, region_id, client_id, name);
}

void NameIndex::Remove(const std::string& client_id) {
  std::unique_lock lock(mu_);
  RemoveLocked(*state_, client_id);
}

void NameIndex::Reset(const std::vector<Entry>& entries) {
  auto fresh = std::make_unique<State>();
  for (const auto& e : entries) PutLocked(*fresh, e.region_id, e.client_id, e.name);
  std::unique_lock lock(mu_);
  state_.swap(fresh);
}

std::size_t NameIndex::size() const {
  std::shared_lock lock(mu_);
  return state_->live;
}

std::vector<NameIndex::Match> NameIndex::Find(const std::string& region_id, const std::vector<std::string>& query,
                                              std::size_t limit) const {
  std::vector<Match> out;
  if (query.empty() || query.size() > kMaxNameWords || limit == 0) return out;
  std::shared_lock lock(mu_);
  const State& s = *state_;
  auto r = s.region_at.find(region_id);
  if (r == s.region_at.end()) return out;
  const auto& region = s.regions[r->second];

  // For each query word, the region's words it meets and how well (WordMatchScore), in a scratch
  // table over the region's words that is cleared again below; a word that meets through a key
  // but scores 0 (two deletions far apart) does not count.
  thread_local std::array<std::vector<double>, kMaxNameWords> scratch;
  std::array<std::vector<WordId>, kMaxNameWords> met;
  std::vector<std::size_t> reach(query.size(), 0);  // clients behind the words met
  struct Clear {
    std::array<std::vector<WordId>, kMaxNameWords>& met;
    ~Clear() {
      for (std::size_t q = 0; q < kMaxNameWords; ++q) {
        for (WordId w : met[q]) scratch[q][w] = 0.0;
      }
    }
  } clear{met};
  for (std::size_t q = 0; q < query.size(); ++q) {
    auto& score_of = scratch[q];
    if (score_of.size() < region.words.size()) score_of.resize(region.words.size(), 0.0);
    auto add = [&](WordId w) {
      if (score_of[w] != 0.0) return;
      const double score = WordMatchScore(query[q], region.words[w]);
      if (score == 0.0) return;
      score_of[w] = score;
      met[q].push_back(w);
      reach[q] += region.postings[w].size();
    };
    for (const auto& key : QueryKeys(query[q])) {
      auto k = region.keys.find(key);
      if (k == region.keys.end()) continue;
      for (WordId w : k->second) add(w);
    }
    if (q + 1 == query.size() && query[q].size() >= 2) {
      std::size_t n = 0;
      for (auto it = region.sorted.lower_bound(query[q]);
           it != region.sorted.end() && it->first.starts_with(query[q]) && n < kPrefixWords; ++it, ++n) {
        add(it->second);
      }
    }
    if (met[q].empty()) return out;  // a word that meets nobody: nobody has every word
  }

  // The clients of the query word with the fewest, scored against every query word.
  const std::size_t driver = static_cast<std::size_t>(std::min_element(reach.begin(), reach.end()) - reach.begin());
  std::vector<Slot> candidates;
  candidates.reserve(reach[driver]);
  for (WordId w : met[driver]) {
    candidates.insert(candidates.end(), region.postings[w].begin(), region.postings[w].end());
  }
  if (met[driver].size() > 1) {
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  }

  std::vector<std::pair<double, Slot>> ranked;
  ranked.reserve(candidates.size());
  std::array<double, kMaxNameWords * kMaxNameWords> matrix;
  for (Slot slot : candidates) {
    const auto words = s.WordsOf(slot);
    if (words.size() < query.size()) continue;
    if (query.size() == 1) {  // the commonest case: the best of the name's words
      double best = 0.0;
      for (WordId w : words) best = std::max(best, scratch[0][w]);
      if (best > 0.0) ranked.emplace_back(best, slot);
      continue;
    }
    bool every_word_meets = true;  // most of the driver's clients lack another word: no DP for them
    for (std::size_t q = 0; q < query.size() && every_word_meets; ++q) {
      bool meets = false;
      for (std::size_t i = 0; i < words.size(); ++i) {
        matrix[q * words.size() + i] = scratch[q][words[i]];
        meets |= matrix[q * words.size() + i] > 0.0;
      }
      every_word_meets = meets;
    }
    if (!every_word_meets) continue;
    if (auto score = BestAssignment(matrix.data(), query.size(), words.size())) ranked.emplace_back(*score, slot);
  }
  auto better = [&](const std::pair<double, Slot>& a, const std::pair<double, Slot>& b) {
    if (a.first != b.first) return a.first > b.first;
    const auto& x = s.clients[a.second];
    const auto& y = s.clients[b.second];
    if (x.tie_break != y.tie_break) return x.tie_break < y.tie_break;
    return x.id < y.id;
  };
  const std::size_t keep = std::min(limit, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(), better);
  out.reserve(keep);
  for (std::size_t i = 0; i < keep; ++i) out.push_back({s.clients[ranked[i].second].id, ranked[i].first});
  return out;
}

}  // namespace allmende::clients
