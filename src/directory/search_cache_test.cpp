#include "directory/search_cache.hpp"

#include <gtest/gtest.h>

namespace allmende::directory {
namespace {

TEST(SearchCache, AnAnswerIsFoundOnlyForItsOwnGeneration) {
  SearchCache cache(1 << 20);
  cache.Store("q=siivous", 7, "{\"total\":3}");
  EXPECT_EQ(cache.Find("q=siivous", 7), "{\"total\":3}");
  EXPECT_FALSE(cache.Find("q=siivous", 8)) << "the index changed since";
  EXPECT_FALSE(cache.Find("q=kauppa", 7));
  EXPECT_EQ(cache.hits(), 1u);
  EXPECT_EQ(cache.misses(), 2u);
}

TEST(SearchCache, AnOlderAnswerDoesNotReplaceANewerOne) {
  SearchCache cache(1 << 20);
  cache.Store("q=a", 9, "new");
  cache.Store("q=a", 8, "old");  // a slow search that began before the change
  EXPECT_EQ(cache.Find("q=a", 9), "new");
}

TEST(SearchCache, TheLeastRecentlyUsedGoFirstWhenFull) {
  const std::string answer(100, 'x');  // an entry counts 2 × key + answer + 64 = 166 bytes
  SearchCache cache(4 * 166);
  for (auto key : {"a", "b", "c", "d"}) cache.Store(key, 1, answer);
  EXPECT_TRUE(cache.Find("a", 1));  // a is now the most recent, b the least
  cache.Store("e", 1, answer);
  EXPECT_FALSE(cache.Find("b", 1));
  EXPECT_TRUE(cache.Find("a", 1));
  EXPECT_TRUE(cache.Find("e", 1));
  SearchCache off(0);
  off.Store("a", 1, "x");
  EXPECT_FALSE(off.Find("a", 1)) << "capacity 0 keeps nothing";
}

}  // namespace
}  // namespace allmende::directory
