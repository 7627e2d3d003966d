#include "search/spelling_index.hpp"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdlib>

namespace allmende::search {
namespace {

constexpr std::size_t kPrefixLength = 7;
constexpr int kStoredDeletions = 2;

std::uint64_t HashOf(std::u32string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char32_t c : s) {
    h ^= static_cast<std::uint64_t>(c);
    h *= 0x100000001b3ULL;
  }
  // FNV alone leaves the low bits weak for short strings; finish with a splitmix step.
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h;
}

// Hashes of the word's first kPrefixLength code points with up to `depth` (at most two) of
// them deleted, sorted and distinct. No allocation beyond the result: this runs for every new
// vocabulary word.
std::vector<std::uint64_t> DeletionHashes(std::u32string_view word, int depth) {
  const std::u32string_view prefix = word.substr(0, std::min(word.size(), kPrefixLength));
  const std::size_t n = prefix.size();
  std::vector<std::uint64_t> hashes;
  hashes.reserve(1 + n + n * (n - 1) / 2);
  char32_t kept[kPrefixLength];
  auto hash_without = [&](std::size_t skip_a, std::size_t skip_b) {
    std::size_t size = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (i != skip_a && i != skip_b) kept[size++] = prefix[i];
    }
    hashes.push_back(HashOf(std::u32string_view(kept, size)));
  };
  constexpr std::size_t kNone = kPrefixLength;
  hash_without(kNone, kNone);
  if (depth >= 1) {
    for (std::size_t a = 0; a < n; ++a) hash_without(a, kNone);
  }
  if (depth >= 2) {
    for (std::size_t a = 0; a < n; ++a) {
      for (std::size_t b = a + 1; b < n; ++b) hash_without(a, b);
    }
  }
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  return hashes;
}

}  // namespace

std::u32string CodePoints(std::string_view utf8) {
  std::u32string out;
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(std::min<std::size_t>(utf8.size(), 1 << 20));
  int32_t i = 0;
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0) out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

int EditDistance(std::u32string_view a, std::u32string_view b, int max_distance) {
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());
  if (std::abs(n - m) > max_distance) return max_distance + 1;
  // Three rows of the optimal-string-alignment table; words here are at most 64 code points.
  std::vector<int> before(m + 1), previous(m + 1), current(m + 1);
  for (int j = 0; j <= m; ++j) previous[j] = j;
  for (int i = 1; i <= n; ++i) {
    current[0] = i;
    int row_min = current[0];
    for (int j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int best = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) best = std::min(best, before[j - 2] + 1);
      current[j] = best;
      row_min = std::min(row_min, best);
    }
    if (row_min > max_distance) return max_distance + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[m], max_distance + 1);
}

void SpellingIndex::Add(std::string_view word, std::uint32_t term) {
  const std::u32string points = CodePoints(word);
  if (points.size() < kMinLength) return;
  for (std::uint64_t hash : DeletionHashes(points, kStoredDeletions)) Insert(static_cast<std::uint32_t>(hash), term);
}

std::vector<std::uint32_t> SpellingIndex::Candidates(std::string_view word, int max_distance) const {
  std::vector<std::uint32_t> out;
  const std::u32string points = CodePoints(word);
  if (points.size() < kMinLength || slots_.empty() || max_distance <= 0) return out;
  const std::size_t mask = slots_.size() - 1;
  for (std::uint64_t hash : DeletionHashes(points, std::min(max_distance, kStoredDeletions))) {
    const auto key = static_cast<std::uint32_t>(hash);
    for (std::size_t at = key & mask; slots_[at].term_plus_one != 0; at = (at + 1) & mask) {
      if (slots_[at].hash == key) out.push_back(slots_[at].term_plus_one - 1);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void SpellingIndex::Insert(std::uint32_t hash, std::uint32_t term) {
  // At most three quarters full: linear probing stays short and the table small.
  if ((used_ + 1) * 4 > slots_.size() * 3) Grow();
  const std::size_t mask = slots_.size() - 1;
  std::size_t at = hash & mask;
  while (slots_[at].term_plus_one != 0) at = (at + 1) & mask;
  slots_[at] = Slot{hash, term + 1};
  ++used_;
}

void SpellingIndex::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.term_plus_one == 0) continue;
    std::size_t at = slot.hash & mask;
    while (slots_[at].term_plus_one != 0) at = (at + 1) & mask;
    slots_[at] = slot;
  }
}

}  // namespace allmende::search
