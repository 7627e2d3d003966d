#include "clients/name_index.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <thread>

#include "clients/name_match.hpp"

namespace allmende::clients {
namespace {

std::vector<std::string> Ids(const std::vector<NameIndex::Match>& found) {
  std::vector<std::string> out;
  for (const auto& m : found) out.push_back(m.client_id);
  return out;
}

// The ids found, best score first and, within one score, by id: the index orders ties by a hash
// of the id (the same everywhere, see RandomNamesAreFoundAlikeWhateverTheOrderTheyCameIn).
std::vector<NameIndex::Match> Canonical(std::vector<NameIndex::Match> found) {
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return a.score != b.score ? a.score > b.score : a.client_id < b.client_id;
  });
  return found;
}

std::vector<std::string> Find(const NameIndex& index, const std::string& region, const std::string& query,
                              std::size_t limit = 10) {
  return Ids(Canonical(index.Find(region, NameTokens(query), limit)));
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
  auto found = Canonical(index_.Find("reg_a", NameTokens("virta"), 10));
  ASSERT_EQ(Ids(found), (std::vector<std::string>{"c5", "c1", "c2"}));
  EXPECT_DOUBLE_EQ(found[0].score, 1.0);
  EXPECT_DOUBLE_EQ(found[1].score, 0.8);
  // The same words scored as NameMatchScore scores them.
  EXPECT_DOUBLE_EQ(found[1].score, *NameMatchScore(NameTokens("virta"), NameTokens("Aino Virtanen")));
  // Only the first word must be whole words; "aino ma" finds Aino Maria.
  EXPECT_EQ(Find(index_, "reg_a", "aino ma"), (std::vector<std::string>{"c2"}));
  EXPECT_EQ(Find(index_, "reg_a", "liisa"), (std::vector<std::string>{"c5"}));
  auto one = Find(index_, "reg_a", "aino", 1);
  ASSERT_EQ(one.size(), 1u) << "the limit";
  EXPECT_TRUE(one[0] == "c1" || one[0] == "c2");
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

// Randomized: 3,000 names from common Finnish and Swedish words, queried 400 times with what an
// advisor types (the words in another order, one letter wrong, the last word cut short). Each
// time the person meant is found, the scores come best first, a smaller limit gives the start of
// the longer list, and an index filled in another order answers exactly the same.
TEST(NameIndex, RandomNamesAreFoundAlikeWhateverTheOrderTheyCameIn) {
  const std::vector<std::string> first = {"Aino", "Matti", "Liisa", "Juhani", "Eeva",  "Pirjo", "Tuula",
                                          "Ebba", "Greta", "Anna",  "Mikael", "Sofia", "Kari",  "Helena"};
  const std::vector<std::string> last = {"Virtanen",  "Korhonen", "Mäkinen",  "Nieminen",  "Hämäläinen", "Laine",
                                         "Lindqvist", "Sjöberg",  "Koskinen", "Heikkinen", "Virta",      "Niemi"};
  std::mt19937 rng(20261128);
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  std::vector<NameIndex::Entry> entries;
  for (int i = 0; i < 3000; ++i) {
    std::string name = pick(first) + (rng() % 4 == 0 ? " " + pick(first) : "") + " " + pick(last);
    entries.push_back({"reg", "c" + std::to_string(i), name});
  }
  NameIndex forward;
  forward.Reset(entries);
  auto shuffled = entries;
  std::shuffle(shuffled.begin(), shuffled.end(), rng);
  NameIndex other;
  for (const auto& e : shuffled) other.Put(e.region_id, e.client_id, e.name);
  ASSERT_EQ(forward.size(), other.size());

  for (int round = 0; round < 400; ++round) {
    const auto& meant = entries[rng() % entries.size()];
    auto words = NameTokens(meant.name);
    std::shuffle(words.begin(), words.end(), rng);
    std::string kind = "reordered";
    if (round % 3 == 1) {  // one letter wrong in a word of 4 letters or more
      auto& w = words[rng() % words.size()];
      if (w.size() >= 4) {
        w[1 + rng() % (w.size() - 2)] = 'x';
        kind = "typo";
      }
    } else if (round % 3 == 2 && words.back().size() > 3) {
      words.back() = words.back().substr(0, 2 + rng() % (words.back().size() - 2));
      kind = "prefix";
    }
    std::string query;
    for (const auto& w : words) query += w + " ";
    SCOPED_TRACE(kind + ": \"" + query + "\" for " + meant.name);

    auto all = forward.Find("reg", NameTokens(query), 5000);
    auto ids = Ids(all);
    EXPECT_NE(std::find(ids.begin(), ids.end(), meant.client_id), ids.end()) << "the person meant is found";
    EXPECT_TRUE(std::is_sorted(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.score > b.score; }));
    if (kind == "reordered") {
      for (const auto& m : all) {
        if (m.client_id == meant.client_id) {
          EXPECT_DOUBLE_EQ(m.score, 1.0);
        }
      }
    }
    auto top = forward.Find("reg", NameTokens(query), 20);
    ASSERT_LE(top.size(), 20u);
    EXPECT_EQ(Ids(top), std::vector<std::string>(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(top.size())))
        << "a smaller limit gives the start of the list";
    auto again = other.Find("reg", NameTokens(query), 20);
    EXPECT_EQ(Ids(again), Ids(top)) << "the same answer whatever order the names came in";
  }
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
