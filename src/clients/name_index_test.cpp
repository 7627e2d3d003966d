#include "clients/name_index.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "clients/name_match.hpp"

namespace allmende::clients {
namespace {

std::vector<std::string> Ids(const std::vector<NameIndex::Match>& found) {
  std::vector<std::string> out;
  for (const auto& m : found) out.push_back(m.client_id);
  return out;
}

std::vector<std::string> Find(const NameIndex& index, const std::string& region, const std::string& query,
                              std::size_t limit = 10) {
  return Ids(index.Find(region, NameTokens(query), limit));
}

class NameIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    index_.Put("reg_a", "c1", "Aino Virtanen");
    index_.Put("reg_a", "c2", "Aino Maria Virtanen");
    index_.Put("reg_a", "c3", "Matti Mäkinen");
    index_.Put("reg_a", "c4", "Ebba Lindqvist");
    index_.Put("reg_a", "c5", "Anna-Liisa Virta");
    index_.Put("reg_b", "c9", "Aino Virtanen");  // another region's Aino
  }
  NameIndex index_;
};

TEST_F(NameIndexTest, FindsTyposEitherOrderAndDiacriticsWithinTheRegionOnly) {
  EXPECT_EQ(Find(index_, "reg_a", "Aino Virtanan"), (std::vector<std::string>{"c1", "c2"}));
  EXPECT_EQ(Find(index_, "reg_a", "virtanen aino"), (std::vector<std::string>{"c1", "c2"}));
  EXPECT_EQ(Find(index_, "reg_a", "makinen mati"), (std::vector<std::string>{"c3"}));
  EXPECT_EQ(Find(index_, "reg_a", "lindkvist"), (std::vector<std::string>{"c4"}));
  EXPECT_EQ(Find(index_, "reg_b", "aino virtanen"), (std::vector<std::string>{"c9"}));
  EXPECT_TRUE(Find(index_, "reg_c", "aino").empty());
  EXPECT_TRUE(Find(index_, "reg_a", "korhonen").empty());
  EXPECT_TRUE(Find(index_, "reg_a", "aino korhonen").empty()) << "every word must meet";
}

TEST_F(NameIndexTest, TheLastWordIsAPrefixWhileTypingAndTheScoreOrdersTheList) {
  // "virt": the start of Virtanen (0.8) and the whole of nothing; Virta too (a start as well).
  EXPECT_EQ(Find(index_, "reg_a", "virt"), (std::vector<std::string>{"c1", "c2", "c5"}));
  // "virta": the whole of Virta (1.0) before the start of Virtanen (0.8).
  auto found = index_.Find("reg_a", NameTokens("virta"), 10);
  ASSERT_EQ(Ids(found), (std::vector<std::string>{"c5", "c1", "c2"}));
  EXPECT_DOUBLE_EQ(found[0].score, 1.0);
  EXPECT_DOUBLE_EQ(found[1].score, 0.8);
  // The same words scored as NameMatchScore scores them.
  EXPECT_DOUBLE_EQ(found[1].score, *NameMatchScore(NameTokens("virta"), NameTokens("Aino Virtanen")));
  // Only the first word must be whole words; "aino ma" finds Aino Maria.
  EXPECT_EQ(Find(index_, "reg_a", "aino ma"), (std::vector<std::string>{"c2"}));
  EXPECT_EQ(Find(index_, "reg_a", "liisa"), (std::vector<std::string>{"c5"}));
  EXPECT_EQ(Find(index_, "reg_a", "aino", 1), (std::vector<std::string>{"c1"})) << "the limit, ties by id";
}

TEST_F(NameIndexTest, ARenameAMergeAndAResetChangeWhatIsFound) {
  index_.Put("reg_a", "c1", "Aino Korhonen");
  EXPECT_EQ(Find(index_, "reg_a", "aino virtanen"), (std::vector<std::string>{"c2"}));
  EXPECT_EQ(Find(index_, "reg_a", "korhonen"), (std::vector<std::string>{"c1"}));
  index_.Remove("c2");
  index_.Remove("c2");  // twice: nothing happens
  EXPECT_TRUE(Find(index_, "reg_a", "aino virtanen").empty());
  EXPECT_EQ(index_.size(), 5u);
  index_.Put("reg_a", "c2", "");  // a name without letters is not found
  EXPECT_EQ(index_.size(), 5u);

  index_.Reset({{"reg_a", "c7", "Greta Sjöberg"}});
  EXPECT_EQ(index_.size(), 1u);
  EXPECT_EQ(Find(index_, "reg_a", "sjoberg"), (std::vector<std::string>{"c7"}));
  EXPECT_TRUE(Find(index_, "reg_a", "korhonen").empty());
}

TEST(NameIndex, SearchesWhileNamesChangeOnOtherThreads) {
  NameIndex index;
  for (int i = 0; i < 2000; ++i) index.Put("reg", "c" + std::to_string(i), i % 2 ? "Aino Virtanen" : "Matti Mäkinen");
  std::thread writer([&] {
    for (int i = 0; i < 2000; ++i) index.Put("reg", "c" + std::to_string(i), "Eeva Hämäläinen");
  });
  std::size_t seen = 0;
  for (int i = 0; i < 200; ++i) seen += index.Find("reg", NameTokens("virtanen"), 50).size();
  writer.join();
  EXPECT_LE(seen, 200u * 50u);
  EXPECT_TRUE(index.Find("reg", NameTokens("virtanen"), 50).empty());
  EXPECT_EQ(index.Find("reg", NameTokens("hamalainen eeva"), 5000).size(), 2000u);
}

}  // namespace
}  // namespace allmende::clients
