// Misspelling candidates over the index's own vocabulary: a SymSpell-style deletion index.
//
// Each vocabulary word stores the hashes of the strings made by deleting up to two code points
// from its first seven; a query word looks up its own deletions and every word met there within
// the allowed distance (optimal string alignment: insert, delete, substitute, swap neighbours) is
// a candidate. Hash collisions only add candidates that the distance check then drops.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace allmende::search {

// Edits of optimal string alignment between two code point strings, or max_distance + 1 when the
// distance is larger than max_distance.
int EditDistance(std::u32string_view a, std::u32string_view b, int max_distance);

// Code points of valid UTF-8 (invalid bytes are skipped).
std::u32string CodePoints(std::string_view utf8);

class SpellingIndex {
 public:
  // Words shorter than this many code points are neither stored nor corrected.
  static constexpr std::size_t kMinLength = 3;

  // Stores `word` (folded, as the term `term`); a word is added at most once by the caller.
  void Add(std::string_view word, std::uint32_t term);

  // Terms of stored words that may be within `max_distance` of `word` (the caller checks the
  // distance against the term's text). May repeat a term; never blocks.
  std::vector<std::uint32_t> Candidates(std::string_view word, int max_distance) const;

  std::size_t MemoryBytes() const { return slots_.capacity() * sizeof(Slot); }

 private:
  // 32 bits of the hash place a slot (tables stay far below 2^32 slots) and tell deletions apart;
  // a rare collision only adds a candidate that the distance check drops.
  struct Slot {
    std::uint32_t hash = 0;
    std::uint32_t term_plus_one = 0;  // 0: empty
  };
  void Insert(std::uint32_t hash, std::uint32_t term);
  void Grow();

  std::vector<Slot> slots_;
  std::size_t used_ = 0;
};

}  // namespace allmende::search
