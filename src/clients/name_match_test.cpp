#include "clients/name_match.hpp"

#include <gtest/gtest.h>

namespace allmende::clients {
namespace {

bool Meets(const std::string& query_word, const std::string& name) {
  // What the index does: a query key equal to an indexed key.
  auto keys = QueryKeys(query_word);
  for (const auto& k : NameKeys(name)) {
    if (std::find(keys.begin(), keys.end(), k.key) != keys.end()) return true;
  }
  return false;
}

TEST(NameMatch, FoldsCaseAndDiacriticsAndSplitsHyphens) {
  EXPECT_EQ(NameTokens("Ebba SJÖBERG"), (std::vector<std::string>{"ebba", "sjoberg"}));
  EXPECT_EQ(NameTokens("Anna-Liisa Mäkelä"), (std::vector<std::string>{"anna", "liisa", "annaliisa", "makela"}));
  EXPECT_TRUE(NameTokens(" \t\x01 ").empty());
  EXPECT_TRUE(NameTokens("\xff\xfe").empty());
}

TEST(NameMatch, OneEditMeetsThroughTheDeletionKeys) {
  EXPECT_TRUE(Meets("virtanen", "Aino Virtanen"));
  EXPECT_TRUE(Meets("virtanan", "Aino Virtanen"));   // a letter wrong
  EXPECT_TRUE(Meets("virtnen", "Aino Virtanen"));    // a letter missing
  EXPECT_TRUE(Meets("virttanen", "Aino Virtanen"));  // a letter extra
  EXPECT_TRUE(Meets("vritanen", "Aino Virtanen"));   // two letters swapped
  EXPECT_FALSE(Meets("korhonen", "Aino Virtanen"));
}

TEST(NameMatch, EditDistanceCountsSwapsAsOne) {
  EXPECT_EQ(EditDistance("aino", "aino", 2), 0);
  EXPECT_EQ(EditDistance("aino", "ainu", 2), 1);
  EXPECT_EQ(EditDistance("virtanen", "vritanen", 2), 1);
  EXPECT_EQ(EditDistance("virtanen", "virtanenkin", 2), 3);  // capped at max + 1
  EXPECT_EQ(EditDistance("sjoberg", "sjobreg", 2), 1);
}

TEST(NameMatch, ScoresEitherOrderAndNeedsEveryWord) {
  std::vector<std::string> name{"aino", "virtanen"};
  EXPECT_DOUBLE_EQ(*NameMatchScore({"virtanen", "aino"}, name), 1.0);
  EXPECT_DOUBLE_EQ(*NameMatchScore({"aino", "virt"}, name), 0.9);  // the last word as typed so far
  EXPECT_NEAR(*NameMatchScore({"ainu", "virtanen"}, name), 0.85, 1e-9);
  EXPECT_FALSE(NameMatchScore({"aino", "korhonen"}, name).has_value());
  // Two query words cannot both use one name word.
  EXPECT_FALSE(NameMatchScore({"aino", "aino"}, name).has_value());
  EXPECT_FALSE(NameMatchScore({}, name).has_value());
}

// However many words a name or a query has, at most eight of each are matched (the assignment
// of query words to name words is a programme over 2^8 sets, never a search over permutations).
TEST(NameMatch, ManyWordsAreCappedAndEachQueryWordUsesItsOwnNameWord) {
  EXPECT_EQ(NameTokens("ab-bc-cd-de-ef-fg-gh-hi ij jk kl lm mn no op pq").size(), 8u);
  std::vector<std::string> words{"eight", "seven", "six", "five", "four", "three", "two", "one"};
  std::vector<std::string> reversed(words.rbegin(), words.rend());
  EXPECT_DOUBLE_EQ(*NameMatchScore(words, reversed), 1.0);
  // "anna" fits both "anna" and "annaliisa" (as a start); the best assignment gives each its own.
  EXPECT_NEAR(*NameMatchScore({"anna", "annal"}, {"annaliisa", "anna"}), 0.9, 1e-9);
}

TEST(NameMatch, KeysHaveNoDuplicatesAndShortWordsNoDeletions) {
  auto keys = NameKeys("Ali Anna");
  int ali = 0;
  for (const auto& k : keys) {
    if (k.token == "ali") ++ali;
  }
  EXPECT_EQ(ali, 1);  // "ali" has three letters: whole only
  for (std::size_t i = 1; i < keys.size(); ++i) {
    EXPECT_FALSE(keys[i].key == keys[i - 1].key && keys[i].token == keys[i - 1].token);
  }
}

}  // namespace
}  // namespace allmende::clients
