// Term texts and their dense ids. Analysis threads intern terms outside the index's lock, so a
// document reaches the index as ids and inserting it hashes no string; the index and queries
// look terms up here too. Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace allmende::search {

using TermId = std::uint32_t;

class TermDictionary {
 public:
  // The id of `text`, added when new. `display` (the word in lower case as written, when it differs
  // from `text`) is kept the first time one is given.
  TermId Intern(std::string_view text, std::string_view display);

  std::optional<TermId> Find(std::string_view text) const;

  // The text of an id from Intern; stays valid as long as the dictionary.
  std::string_view Text(TermId id) const;

  // The display form of an id, or its text when none was given.
  std::string Display(TermId id) const;

  std::size_t size() const;
  std::size_t MemoryBytes() const;

 private:
  struct Entry {
    std::string text;
    std::string display;
  };

  mutable std::shared_mutex mutex_;
  std::deque<Entry> entries_;  // a deque: adding never moves an entry, so views into texts stay valid
  std::unordered_map<std::string_view, TermId> ids_;
};

}  // namespace allmende::search
