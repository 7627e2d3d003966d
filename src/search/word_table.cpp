#include "search/word_table.hpp"

namespace allmende::search {

std::uint64_t WordTable::Hash(std::string_view key) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : key) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  h ^= h >> 32;
  h *= 0xd6e8feb86659fd93ULL;
  h ^= h >> 32;
  return h;
}

const WordTerms* WordTable::Find(std::string_view key, std::uint64_t hash) const {
  if (slots_.empty()) return nullptr;
  const std::size_t mask = slots_.size() - 1;
  const auto tag = static_cast<std::uint32_t>(hash >> 32);
  for (std::size_t at = hash & mask; slots_[at].entry_plus_one != 0; at = (at + 1) & mask) {
    if (slots_[at].tag != tag) continue;
    const Entry& entry = entries_[slots_[at].entry_plus_one - 1];
    if (entry.key == key) return &entry.terms;
  }
  return nullptr;
}

const WordTerms& WordTable::Insert(std::string_view key, std::uint64_t hash, WordTerms terms) {
  if ((entries_.size() + 1) * 2 > slots_.size()) Grow();
  entries_.push_back(Entry{std::string(key), std::move(terms)});
  const std::size_t mask = slots_.size() - 1;
  std::size_t at = hash & mask;
  while (slots_[at].entry_plus_one != 0) at = (at + 1) & mask;
  slots_[at] = Slot{static_cast<std::uint32_t>(hash >> 32), static_cast<std::uint32_t>(entries_.size())};
  return entries_.back().terms;
}

void WordTable::Clear() {
  slots_.clear();
  entries_.clear();
}

void WordTable::Grow() {
  slots_.assign(slots_.empty() ? 1024 : slots_.size() * 2, Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const std::uint64_t hash = Hash(entries_[i].key);
    std::size_t at = hash & mask;
    while (slots_[at].entry_plus_one != 0) at = (at + 1) & mask;
    slots_[at] = Slot{static_cast<std::uint32_t>(hash >> 32), static_cast<std::uint32_t>(i + 1)};
  }
}

}  // namespace allmende::search
