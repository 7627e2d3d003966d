// A hash table from words to their terms for WordMemo: open addressing with linear probing, so a
// lookup reads a slot and an entry, where std::unordered_map reads a bucket, a node and the value
// behind a pointer. Bulk loads look a word up for every word of every text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "search/term_dictionary.hpp"

namespace allmende::search {

inline constexpr TermId kNoTerm = 0xffffffff;

// Terms of a word: what every occurrence of it adds to a document.
struct WordTerms {
  std::vector<std::pair<TermId, bool>> terms;  // distinct; the flag: is a word
  TermId surface = kNoTerm;                    // kNoTerm for a word that folds to nothing
};

class WordTable {
 public:
  static std::uint64_t Hash(std::string_view key);

  // The terms stored under `key` (whose Hash is `hash`), or null.
  const WordTerms* Find(std::string_view key, std::uint64_t hash) const;

  // Stores `terms` under `key`, which must not be stored yet. The reference stays valid until
  // Clear, as do those Find returned.
  const WordTerms& Insert(std::string_view key, std::uint64_t hash, WordTerms terms);

  std::size_t size() const { return entries_.size(); }
  void Clear();

 private:
  struct Slot {
    std::uint32_t tag = 0;  // the hash's high half
    std::uint32_t entry_plus_one = 0;
  };
  struct Entry {
    std::string key;
    WordTerms terms;
  };
  void Grow();

  std::vector<Slot> slots_;
  std::deque<Entry> entries_;
};

}  // namespace allmende::search
