// Cursors, limits, hostile input, concurrency and Suggest.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <set>
#include <thread>

#include "search/search_test_fixture.hpp"
#include "search/service_index.hpp"

namespace allmende::search {
namespace {

using fixture::Ids;
using fixture::RunQuery;
using fixture::Service;
using fixture::Text;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// 60 cleaning services with repeating prices and ratings, so every sort has ties to break.
class SearchPagingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<IndexedService> services;
    for (int i = 0; i < 60; ++i) services.push_back(Numbered(i));
    index_.PutAll(std::move(services));
  }
  static IndexedService Numbered(int i) {
    IndexedService s = Service("svc_" + std::to_string(1000 + i), i % 3 == 0 ? "Siivous" : "Kotisiivous",
                               i % 2 == 0 ? "Siivous viikoittain" : "Ikkunat ja siivous");
    s.price = (i % 7) * 1000;
    if (i % 4 != 0) s.rating = static_cast<double>(i % 5);
    return s;
  }
  // Every page of `query` until the last, `between` run after each page.
  std::vector<std::string> AllPages(Query query, const std::function<void(int)>& between = {}) {
    std::vector<std::string> ids;
    for (int page = 0; page < 100; ++page) {
      auto result = RunQuery(index_, query);
      for (const auto& id : Ids(result)) ids.push_back(id);
      if (between) between(page);
      if (result.next_cursor.empty()) break;
      query.cursor = result.next_cursor;
    }
    return ids;
  }

  ServiceIndex index_{fixture::PirkanmaaGazetteer()};
};

TEST_F(SearchPagingTest, CursorPagesHaveNoDuplicatesOrGapsInEverySort) {
  for (Sort sort : {Sort::kRelevance, Sort::kPriceAscending, Sort::kPriceDescending, Sort::kRating}) {
    Query all = Text("siivous");
    all.sort = sort;
    all.limit = 100;
    const auto expected = Ids(RunQuery(index_, all));
    ASSERT_EQ(expected.size(), 60u);
    Query paged = all;
    paged.limit = 7;
    EXPECT_EQ(AllPages(paged), expected) << "sort " << static_cast<int>(sort);
  }
}

TEST_F(SearchPagingTest, CursorPagesHaveNoDuplicatesOrGapsWhileServicesAreAdded) {
  Query query = Text("siivous");
  query.limit = 9;
  int added = 0;
  const auto ids = AllPages(query, [&](int) {
    // New services that match, some of them better than anything already shown.
    for (int i = 0; i < 3; ++i) {
      IndexedService s = Service("svc_new_" + std::to_string(added++), "Siivous siivous", "Siivous");
      s.rating = 5.0;
      index_.Put(s);
    }
  });
  std::set<std::string> seen(ids.begin(), ids.end());
  EXPECT_EQ(seen.size(), ids.size()) << "a service was shown twice";
  for (int i = 0; i < 60; ++i) EXPECT_TRUE(seen.count("svc_" + std::to_string(1000 + i))) << i << " was skipped";
}

TEST_F(SearchPagingTest, PriceSortedPagesHaveNoDuplicatesOrGapsWhileCheaperServicesAreAdded) {
  Query query = Text("siivous");
  query.sort = Sort::kPriceAscending;
  query.limit = 8;
  int added = 0;
  const auto ids = AllPages(query, [&](int) {
    IndexedService s = Service("svc_cheap_" + std::to_string(added++), "Siivous");
    s.price = 0;  // sorts before everything shown so far
    index_.Put(s);
  });
  std::set<std::string> seen(ids.begin(), ids.end());
  EXPECT_EQ(seen.size(), ids.size()) << "a service was shown twice";
  for (int i = 0; i < 60; ++i) EXPECT_TRUE(seen.count("svc_" + std::to_string(1000 + i))) << i << " was skipped";
}

TEST_F(SearchPagingTest, ServiceRemovedBetweenPagesIsNotShown) {
  Query query = Text("siivous");
  query.sort = Sort::kPriceAscending;
  query.limit = 10;
  Query everything = query;
  everything.limit = 100;
  const auto all = Ids(RunQuery(index_, everything));
  const std::string removed = all[15];
  bool removed_once = false;
  const auto ids = AllPages(query, [&](int) {
    if (!removed_once) index_.Remove(removed);
    removed_once = true;
  });
  EXPECT_EQ(std::count(ids.begin(), ids.end(), removed), 0);
  EXPECT_EQ(ids.size(), 59u);
}

TEST_F(SearchPagingTest, LaterPagesScoreServicesAsPageOneDid) {
  Query everything = Text("siivous");
  everything.limit = 100;
  std::map<std::string, double> scores_before;
  for (const auto& hit : RunQuery(index_, everything).hits) scores_before[hit.id] = hit.score;
  Query query = Text("siivous");
  query.limit = 5;
  query.cursor = RunQuery(index_, query).next_cursor;
  std::vector<IndexedService> others;
  for (int i = 0; i < 40; ++i) others.push_back(Service("svc_other_" + std::to_string(i), "Siivous"));
  index_.PutAll(std::move(others));  // more services with the word: its document frequency grows
  auto second = RunQuery(index_, query);
  ASSERT_FALSE(second.hits.empty());
  for (const auto& hit : second.hits) {
    if (scores_before.count(hit.id)) {
      EXPECT_DOUBLE_EQ(hit.score, scores_before[hit.id]) << hit.id;
    }
  }
  // A new first page scores with the new statistics, so the equality above is not a coincidence.
  for (const auto& hit : RunQuery(index_, everything).hits) {
    if (scores_before.count(hit.id)) {
      EXPECT_NE(hit.score, scores_before[hit.id]) << hit.id;
    }
  }
}

TEST_F(SearchPagingTest, CursorOfAnotherQueryIsRejected) {
  Query query = Text("siivous");
  query.limit = 5;
  auto first = RunQuery(index_, query);
  Query other = Text("ikkunat");
  other.cursor = first.next_cursor;
  EXPECT_TRUE(std::holds_alternative<CursorError>(index_.Search(other)));
}

TEST_F(SearchPagingTest, TamperedCursorIsRejected) {
  Query query = Text("siivous");
  query.limit = 5;
  const std::string cursor = RunQuery(index_, query).next_cursor;
  ASSERT_FALSE(cursor.empty());
  for (std::size_t i = 0; i < cursor.size(); ++i) {
    Query tampered = query;
    tampered.cursor = cursor;
    tampered.cursor[i] = tampered.cursor[i] == 'A' ? 'B' : 'A';
    EXPECT_TRUE(std::holds_alternative<CursorError>(index_.Search(tampered))) << "position " << i;
  }
}

TEST_F(SearchPagingTest, MalformedCursorIsRejected) {
  for (const std::string& cursor :
       std::vector<std::string>{"x", "!!!!", "AAAA", "=", std::string(100000, 'A'), std::string("\0\xff", 2)}) {
    Query query = Text("siivous");
    query.cursor = cursor;
    EXPECT_TRUE(std::holds_alternative<CursorError>(index_.Search(query)));
  }
}

TEST_F(SearchPagingTest, LimitIsClampedToOneToHundred) {
  Query query = Text("siivous");
  query.limit = 0;
  EXPECT_EQ(RunQuery(index_, query).hits.size(), 1u);
  query.limit = 1000;
  EXPECT_EQ(RunQuery(index_, query).hits.size(), 60u);
  query.limit = -5;
  EXPECT_EQ(RunQuery(index_, query).hits.size(), 1u);
}

TEST_F(SearchPagingTest, HostileQueriesNeverFail) {
  std::vector<std::string> hostile = {"\"",
                                      "*",
                                      "NEAR(",
                                      "%",
                                      "\\",
                                      "siivous\" OR 1=1 --",
                                      std::string("\x01\x02\x7f\x1b[31m", 8),
                                      std::string("\xff\xfe\xc3\x28\xe2\x82", 6),
                                      std::string("siivo\xc3", 6),
                                      std::string(10000, 'a'),
                                      std::string(10000, ' '),
                                      [] {
                                        std::string s;
                                        for (int i = 0; i < 2000; ++i) s += "siivous ";
                                        return s;
                                      }(),
                                      std::string(3000, '-'),
                                      "a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t-u-v-w-x-y-z",
                                      "\xcc\x88\xcc\x88\xcc\x88",
                                      std::string("\0", 1)};
  for (const auto& text : hostile) {
    Query query = Text(text);
    auto result = index_.Search(query);
    ASSERT_TRUE(std::holds_alternative<SearchResult>(result)) << text.substr(0, 40);
    EXPECT_TRUE(index_.Suggest(text, "", 10).size() <= 10u);
  }
}

TEST_F(SearchPagingTest, SearchesRunWhileServicesArePut) {
  std::atomic<bool> done = false;
  std::thread writer([&] {
    for (int i = 0; i < 200; ++i) index_.Put(Numbered(i % 80));
    done = true;
  });
  int searches = 0;
  while (!done || searches < 10) {
    auto result = RunQuery(index_, Text("siivous"));
    EXPECT_GE(result.total, 60);
    ++searches;
  }
  writer.join();
  EXPECT_EQ(index_.size(), 80u);
}

class SuggestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    IndexedService a = Service("svc_a", "Kotisiivous Virtanen");
    a.category = "home_care";
    a.category_names = {"Kotihoito"};
    a.municipalities = {"fi-837"};
    IndexedService b = Service("svc_b", "Kotisiivous");
    b.municipalities = {"fi-837"};
    IndexedService c = Service("svc_c", "Kotiapu");
    c.region_id = "reg_other";
    index_.PutAll({a, b, c});
  }
  ServiceIndex index_{fixture::PirkanmaaGazetteer()};
};

TEST_F(SuggestTest, CompletesTheLastWordMostFrequentFirst) {
  EXPECT_THAT(index_.Suggest("siivous koti", "", 10), ElementsAre("Kotisiivous", "Kotiapu", "Kotihoito"));
}

TEST_F(SuggestTest, OffersPlaceNames) { EXPECT_THAT(index_.Suggest("tamm", "", 10), ElementsAre("Tammerfors")); }

TEST_F(SuggestTest, IsFilteredByRegion) {
  EXPECT_THAT(index_.Suggest("koti", "reg_pirkanmaa", 10), ElementsAre("Kotisiivous", "Kotihoito"));
}

TEST_F(SuggestTest, FoldsDiacritics) {
  index_.Put(Service("svc_d", "Päivätoiminta"));
  EXPECT_THAT(index_.Suggest("paiva", "", 10), ElementsAre("Päivätoiminta"));
}

TEST_F(SuggestTest, NothingAfterAFinishedWord) { EXPECT_THAT(index_.Suggest("koti ", "", 10), IsEmpty()); }

TEST_F(SuggestTest, RespectsTheLimit) { EXPECT_EQ(index_.Suggest("koti", "", 1).size(), 1u); }

}  // namespace
}  // namespace allmende::search
