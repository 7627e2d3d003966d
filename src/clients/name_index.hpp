// The advice desk's name search, in memory: the folded words of every client's name per region,
// looked up under the deletion neighbourhood of name_match.hpp (one letter wrong, missing, extra
// or swapped) and, for the word being typed, as a prefix. A search touches only the words that
// meet the query and the clients of the rarest of them, so it answers in well under a
// millisecond on a region of 200,000 clients, where the same lookup through a table of keys read
// thousands of rows.
//
// Built from the database at start-up and kept current by the registry (clients_module.cpp):
// every change of a client's name, a new client and a merge are events that each server process
// applies by re-reading that client. Thread-safe: searches share a lock, changes take it alone.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace allmende::clients {

class NameIndex {
 public:
  struct Match {
    std::string client_id;
    double score = 0.0;  // NameMatchScore's scale: 1.0 every word the same
  };
  struct Entry {
    std::string region_id;
    std::string client_id;
    std::string name;
  };

  NameIndex();
  ~NameIndex();

  // Indexes the client's name in the region, replacing what was indexed for them before.
  void Put(const std::string& region_id, const std::string& client_id, std::string_view name);
  // The client is no longer found (merged into another record, or gone).
  void Remove(const std::string& client_id);
  // Replaces the whole index with these names at once (start-up, or after missed changes):
  // searches meanwhile see the old index, never half of the new one.
  void Reset(const std::vector<Entry>& entries);

  // The region's clients whose name meets every query word (NameTokens): each word under its
  // deletion keys, the last one also as the start of a word. Best score first, ties in an order
  // fixed by the id (the same in every process); at most `limit`.
  std::vector<Match> Find(const std::string& region_id, const std::vector<std::string>& words, std::size_t limit) const;

  std::size_t size() const;  // clients indexed
  // Whether every client's name was read (start-up done): until then a name search would miss.
  bool ready() const { return ready_.load(std::memory_order_acquire); }
  void SetReady(bool ready) { ready_.store(ready, std::memory_order_release); }

 private:
  struct State;
  static void PutLocked(State& s, const std::string& region_id, const std::string& client_id, std::string_view name);
  static void RemoveLocked(State& s, const std::string& client_id);

  mutable std::shared_mutex mu_;
  std::unique_ptr<State> state_;
  std::atomic<bool> ready_ = false;
};

}  // namespace allmende::clients
