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

void Deletions(std::u32string_view word, int depth, std::vector<std::u32string>& out) {
  if (depth == 0 || word.size() <= 1) return;
  for (std::size_t i = 0; i < word.size(); ++i) {
    std::u32string shorter(word.substr(0, i));
    shorter.append(word.substr(i + 1));
    if (std::find(out.begin(), out.end(), shorter) != out.end()) continue;
    out.push_back(shorter);
    Deletions(shorter, depth - 1, out);
  }
}

std::vector<std::uint64_t> DeletionHashes(std::u32string_view word, int depth) {
  const std::u32string prefix(word.substr(0, std::min(word.size(), kPrefixLength)));
  std::vector<std::u32string> variants{prefix};
  Deletions(prefix, depth, variants);
  std::vector<std::uint64_t> hashes;
  hashes.reserve(variants.size());
  for (const auto& v : variants) hashes.push_back(HashOf(v));
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
  for (std::uint64_t hash : DeletionHashes(points, kStoredDeletions)) Insert(hash, term);
}

std::vector<std::uint32_t> SpellingIndex::Candidates(std::string_view word, int max_distance) const {
  std::vector<std::uint32_t> out;
  const std::u32string points = CodePoints(word);
  if (points.size() < kMinLength || slots_.empty() || max_distance <= 0) return out;
  const std::size_t mask = slots_.size() - 1;
  for (std::uint64_t hash : DeletionHashes(points, std::min(max_distance, kStoredDeletions))) {
    const auto high = static_cast<std::uint32_t>(hash >> 32);
    const auto low = static_cast<std::uint32_t>(hash);
    for (std::size_t at = low & mask; slots_[at].term_plus_one != 0; at = (at + 1) & mask) {
      if (slots_[at].hash_high == high && slots_[at].hash_low == low) out.push_back(slots_[at].term_plus_one - 1);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void SpellingIndex::Insert(std::uint64_t hash, std::uint32_t term) {
  if ((used_ + 1) * 2 > slots_.size()) Grow();
  const std::size_t mask = slots_.size() - 1;
  std::size_t at = static_cast<std::uint32_t>(hash) & mask;
  while (slots_[at].term_plus_one != 0) at = (at + 1) & mask;
  slots_[at] = Slot{static_cast<std::uint32_t>(hash >> 32), static_cast<std::uint32_t>(hash), term + 1};
  ++used_;
}

void SpellingIndex::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.term_plus_one == 0) continue;
    std::size_t at = slot.hash_low & mask;
    while (slots_[at].term_plus_one != 0) at = (at + 1) & mask;
    slots_[at] = slot;
  }
}

}  // namespace allmende::search
