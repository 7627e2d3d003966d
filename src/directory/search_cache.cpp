#include "directory/search_cache.hpp"

namespace allmende::directory {

std::optional<std::string> SearchCache::Find(const std::string& key, std::uint64_t generation) {
  if (capacity_ == 0) return std::nullopt;
  std::lock_guard lock(mu_);
  auto it = by_key_.find(key);
  if (it == by_key_.end() || it->second->generation != generation) {
    misses_.fetch_add(1, std::memory_order_relaxed);
    return std::nullopt;
  }
  recent_.splice(recent_.begin(), recent_, it->second);
  hits_.fetch_add(1, std::memory_order_relaxed);
  return it->second->answer;
}

void SearchCache::Store(const std::string& key, std::uint64_t generation, std::string answer) {
  std::size_t size = 2 * key.size() + answer.size() + 64;
  if (size > capacity_ / 4) return;  // one answer never takes much of the room
  std::lock_guard lock(mu_);
  if (auto it = by_key_.find(key); it != by_key_.end()) {
    if (it->second->generation > generation) return;  // a newer answer is there already
    bytes_ -= 2 * key.size() + it->second->answer.size() + 64;
    recent_.erase(it->second);
    by_key_.erase(it);
  }
  recent_.push_front({key, generation, std::move(answer)});
  by_key_[key] = recent_.begin();
  bytes_ += size;
  Evict();
}

void SearchCache::Evict() {
  while (bytes_ > capacity_ && !recent_.empty()) {
    const Entry& last = recent_.back();
    bytes_ -= 2 * last.key.size() + last.answer.size() + 64;
    by_key_.erase(last.key);
    recent_.pop_back();
  }
}

}  // namespace allmende::directory
