// Answers of recent searches. Visitors ask the same few things ("siivous", the shop's first page
// with no words at all) far more often than the directory changes, so an answer is computed once
// per change of the index and handed out from here until the next one. Each answer is tagged
// with the index's generation at the time it was computed; an older tag is a miss.
#pragma once

#include <atomic>
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace allmende::directory {

class SearchCache {
 public:
  // Holds answers up to `capacity_bytes` in all (keys included), dropping the least recently
  // used; 0 keeps nothing.
  explicit SearchCache(std::size_t capacity_bytes) : capacity_(capacity_bytes) {}

  // The answer stored for `key` at `generation`; nullopt if there is none or it is older.
  std::optional<std::string> Find(const std::string& key, std::uint64_t generation);
  // Keeps `answer` for `key`, computed when the index was at `generation`.
  void Store(const std::string& key, std::uint64_t generation, std::string answer);

  std::uint64_t hits() const { return hits_.load(std::memory_order_relaxed); }
  std::uint64_t misses() const { return misses_.load(std::memory_order_relaxed); }

 private:
  struct Entry {
    std::string key;
    std::uint64_t generation;
    std::string answer;
  };
  void Evict();

  const std::size_t capacity_;
  std::mutex mu_;
  std::list<Entry> recent_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
  std::size_t bytes_ = 0;
  std::atomic<std::uint64_t> hits_ = 0;
  std::atomic<std::uint64_t> misses_ = 0;
};

}  // namespace allmende::directory
