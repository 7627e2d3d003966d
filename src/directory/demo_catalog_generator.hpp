// What the catalog generator's two halves share: the random numbers and a provider's plan, which
// its services follow (home town, categories, languages). Internal to demo_catalog*.cpp.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "directory/demo_catalog.hpp"

namespace allmende::directory::demo {

// xoshiro256** seeded by splitmix64, with our own bounded draws: std::*_distribution differ
// between standard libraries, and the catalog must be the same on every machine.
class Random {
 public:
  explicit Random(std::uint64_t seed) {
    for (std::uint64_t& word : state_) word = SplitMix64(seed);
  }

  std::uint64_t Next() {
    const std::uint64_t result = Rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = Rotl(state_[3], 45);
    return result;
  }

  // A number in [0, n) for 0 < n < 2^32, by multiply-shift (its bias is far below what demo data notices).
  std::size_t Below(std::size_t n) { return static_cast<std::size_t>(((Next() >> 32) * std::uint64_t{n}) >> 32); }
  bool Percent(int percent) { return Below(100) < static_cast<std::size_t>(percent); }
  int Between(int low, int high) { return low + static_cast<int>(Below(static_cast<std::size_t>(high - low + 1))); }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Below(items.size())];
  }

 private:
  static std::uint64_t Rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  static std::uint64_t SplitMix64(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  std::array<std::uint64_t, 4> state_{};
};

enum class ProviderKind { kCompany, kAssociation, kVolunteerGroup };

// What a provider's services follow.
struct ProviderPlan {
  ProviderKind kind = ProviderKind::kCompany;
  std::size_t home = 0;                  // index into Municipalities()
  std::vector<std::size_t> districts;    // indices into Districts(): some of the home town's, if it has any
  bool district_focus = false;           // serves those districts rather than the whole town
  std::vector<std::size_t> near;         // indices into Municipalities(): neighbours it also serves
  std::vector<std::size_t> specialties;  // category indices, one to three
  bool swedish = false;                  // a Swedish-speaking provider
  bool finnish = true;                   // writes Finnish (a Swedish-speaking one mostly does too)
  bool bilingual = false;                // a Finnish-speaking one that also serves in Swedish
  bool english = false;
  bool german = false;
  bool danish = false;
};

// Appends `count` providers and their plans. `taken` holds names already used (JourneyCatalog's)
// and receives the new ones' stems; `id_offset` shifts the business ids by seed.
void GenerateProviders(std::size_t count, Random& random, std::uint32_t id_offset,
                       std::unordered_set<std::string>& taken, std::vector<DemoProvider>& providers,
                       std::vector<ProviderPlan>& plans);

// A category a provider of `kind` offering `category` plausibly offers too (a cleaner also does
// laundry, a foot care specialist also hairdressing), or `category` itself if there is none.
std::size_t RelatedCategory(Random& random, ProviderKind kind, std::size_t category);

}  // namespace allmende::directory::demo
