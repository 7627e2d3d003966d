#include "search/term_dictionary.hpp"

#include <mutex>

namespace allmende::search {

TermId TermDictionary::Intern(std::string_view text, std::string_view display) {
  {
    std::shared_lock lock(mutex_);
    auto it = ids_.find(text);
    if (it != ids_.end() && (display.empty() || !entries_[it->second].display.empty())) return it->second;
  }
  std::unique_lock lock(mutex_);
  auto it = ids_.find(text);
  if (it != ids_.end()) {
    Entry& entry = entries_[it->second];
    if (entry.display.empty() && display != text) entry.display = std::string(display);
    return it->second;
  }
  const auto id = static_cast<TermId>(entries_.size());
  Entry& entry = entries_.emplace_back();
  entry.text = std::string(text);
  if (display != text) entry.display = std::string(display);
  ids_.emplace(entry.text, id);
  return id;
}

std::optional<TermId> TermDictionary::Find(std::string_view text) const {
  std::shared_lock lock(mutex_);
  auto it = ids_.find(text);
  if (it == ids_.end()) return std::nullopt;
  return it->second;
}

std::string_view TermDictionary::Text(TermId id) const {
  std::shared_lock lock(mutex_);
  return entries_[id].text;
}

std::string TermDictionary::Display(TermId id) const {
  std::shared_lock lock(mutex_);
  const Entry& entry = entries_[id];
  return entry.display.empty() ? entry.text : entry.display;
}

std::size_t TermDictionary::size() const {
  std::shared_lock lock(mutex_);
  return entries_.size();
}

std::size_t TermDictionary::MemoryBytes() const {
  std::shared_lock lock(mutex_);
  std::size_t bytes = entries_.size() * sizeof(Entry) + ids_.bucket_count() * sizeof(void*) +
                      ids_.size() * (sizeof(std::string_view) + sizeof(TermId) + 16);
  for (const auto& entry : entries_) {
    if (entry.text.capacity() > 15) bytes += entry.text.capacity();
    if (entry.display.capacity() > 15) bytes += entry.display.capacity();
  }
  return bytes;
}

}  // namespace allmende::search
