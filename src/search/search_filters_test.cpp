// Filters, sorts, facets, and what Put, PutAll and Remove change.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

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
using ::testing::UnorderedElementsAre;

// Four cleaning services that differ in every filtered field.
class SearchFilterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    IndexedService a = Service("svc_a", "Siivous");
    a.category = "cleaning";
    a.municipalities = {"fi-837"};
    a.languages = {"fi", "sv"};
    a.vouchers = {"org_tampere"};
    a.price = 2000;
    a.open_days = 0b0000011;  // Monday, Tuesday
    a.rating = 4.5;
    IndexedService b = Service("svc_b", "Siivous");
    b.category = "cleaning";
    b.districts = {"fi-837-hervanta"};
    b.languages = {"fi"};
    b.price = 3500;
    b.open_days = 0b0000100;  // Wednesday
    b.rating = 3.0;
    IndexedService c = Service("svc_c", "Siivous");
    c.category = "home_help";
    c.postal_codes = {"33500"};
    c.languages = {"en"};
    c.vouchers = {"org_tampere", "org_orivesi"};
    c.price = 4500;
    c.open_days = 0b0000010;  // Tuesday
    IndexedService d = Service("svc_d", "Siivous");
    d.category = "home_help";
    d.region_id = "reg_other";
    d.municipalities = {"fi-562"};
    d.languages = {"sv"};
    d.price = 9000;
    d.rating = 5.0;
    index_.PutAll({a, b, c, d});
  }
  std::vector<std::string> Matching(const Query& query) { return Ids(RunQuery(index_, query)); }
  static std::vector<std::pair<std::string, std::int64_t>> Facet(const SearchResult& result, const std::string& name) {
    std::vector<std::pair<std::string, std::int64_t>> out;
    auto it = result.facets.find(name);
    if (it == result.facets.end()) return out;
    for (const auto& count : it->second) out.emplace_back(count.value, count.count);
    return out;
  }

  ServiceIndex index_{fixture::PirkanmaaGazetteer()};
};

TEST_F(SearchFilterTest, CategoryFilterKeepsItsCategories) {
  Query q = Text("siivous");
  q.categories = {"home_help"};
  EXPECT_THAT(Matching(q), UnorderedElementsAre("svc_c", "svc_d"));
  q.categories = {"home_help", "cleaning"};
  EXPECT_THAT(Matching(q), UnorderedElementsAre("svc_a", "svc_b", "svc_c", "svc_d"));
}

TEST_F(SearchFilterTest, MunicipalityFilterIncludesServicesOfItsDistrictsAndPostalCodes) {
  Query q;
  q.municipalities = {"fi-837"};
  EXPECT_THAT(Matching(q), UnorderedElementsAre("svc_a", "svc_b", "svc_c"));
}

TEST_F(SearchFilterTest, PostalCodeFilterFindsItsDistrictAndWholeMunicipality) {
  Query q;
  q.postal_codes = {"33720"};
  EXPECT_THAT(Matching(q), UnorderedElementsAre("svc_a", "svc_b"));
  q.postal_codes = {"33500"};
  EXPECT_THAT(Matching(q), UnorderedElementsAre("svc_a", "svc_c"));
}

TEST_F(SearchFilterTest, LanguageFilter) {
  Query q;
  q.languages = {"sv"};
  EXPECT_THAT(Matching(q), UnorderedElementsAre("svc_a", "svc_d"));
}

TEST_F(SearchFilterTest, VoucherFilter) {
  Query q;
  q.vouchers = {"org_tampere"};
  EXPECT_THAT(Matching(q), UnorderedElementsAre("svc_a", "svc_c"));
}

TEST_F(SearchFilterTest, MaxPriceIncludesTheLimit) {
  Query q;
  q.max_price = 3500;
  EXPECT_THAT(Matching(q), UnorderedElementsAre("svc_a", "svc_b"));
  q.max_price = 3499;
  EXPECT_THAT(Matching(q), ElementsAre("svc_a"));
}

TEST_F(SearchFilterTest, OpenOnKeepsServicesOpenThatWeekday) {
  Query q;
  q.open_on = 1;
  EXPECT_THAT(Matching(q), UnorderedElementsAre("svc_a", "svc_c"));
  q.open_on = 9;
  EXPECT_THAT(Matching(q), IsEmpty());
}

TEST_F(SearchFilterTest, RegionFilter) {
  Query q;
  q.region_id = "reg_other";
  EXPECT_THAT(Matching(q), ElementsAre("svc_d"));
}

TEST_F(SearchFilterTest, FiltersOfDifferentListsMustAllHold) {
  Query q = Text("siivous");
  q.vouchers = {"org_tampere"};
  q.languages = {"en"};
  EXPECT_THAT(Matching(q), ElementsAre("svc_c"));
}

TEST_F(SearchFilterTest, UnknownFilterValueMatchesNothing) {
  Query q;
  q.categories = {"no_such_category"};
  EXPECT_THAT(Matching(q), IsEmpty());
}

TEST_F(SearchFilterTest, BrowseWithoutTextSortsByRatingThenId) {
  EXPECT_THAT(Matching(Query{}), ElementsAre("svc_d", "svc_a", "svc_b", "svc_c"));
}

TEST_F(SearchFilterTest, PriceAscendingSort) {
  Query q;
  q.sort = Sort::kPriceAscending;
  EXPECT_THAT(Matching(q), ElementsAre("svc_a", "svc_b", "svc_c", "svc_d"));
}

TEST_F(SearchFilterTest, PriceDescendingSort) {
  Query q;
  q.sort = Sort::kPriceDescending;
  EXPECT_THAT(Matching(q), ElementsAre("svc_d", "svc_c", "svc_b", "svc_a"));
}

TEST_F(SearchFilterTest, RatingSortPutsUnratedLast) {
  Query q;
  q.sort = Sort::kRating;
  EXPECT_THAT(Matching(q), ElementsAre("svc_d", "svc_a", "svc_b", "svc_c"));
}

TEST_F(SearchFilterTest, EqualKeysAreOrderedById) {
  index_.Put(Service("svc_0", "Siivous"));
  Query q = Text("siivous");
  q.sort = Sort::kPriceAscending;
  q.max_price = 0;
  EXPECT_THAT(Matching(q), ElementsAre("svc_0"));
  index_.Put(Service("svc_00", "Siivous"));
  EXPECT_THAT(Matching(q), ElementsAre("svc_0", "svc_00"));
}

TEST_F(SearchFilterTest, RatingRaisesAnEquallyRelevantService) {
  EXPECT_THAT(Matching(Text("siivous")), ElementsAre("svc_d", "svc_a", "svc_b", "svc_c"));
}

TEST_F(SearchFilterTest, TotalCountsEveryMatchNotOnlyThePage) {
  Query q = Text("siivous");
  q.limit = 1;
  auto result = RunQuery(index_, q);
  EXPECT_EQ(result.hits.size(), 1u);
  EXPECT_EQ(result.total, 4);
}

TEST_F(SearchFilterTest, FacetCountsIgnoreTheirOwnFilter) {
  Query q;
  q.categories = {"cleaning"};
  auto result = RunQuery(index_, q);
  EXPECT_THAT(Facet(result, "category"), ElementsAre(std::pair<std::string, std::int64_t>("cleaning", 2),
                                                     std::pair<std::string, std::int64_t>("home_help", 2)));
}

TEST_F(SearchFilterTest, FacetCountsFollowTheOtherFilters) {
  Query q;
  q.categories = {"cleaning"};
  auto result = RunQuery(index_, q);
  EXPECT_THAT(Facet(result, "language"), ElementsAre(std::pair<std::string, std::int64_t>("fi", 2),
                                                     std::pair<std::string, std::int64_t>("sv", 1)));
  EXPECT_THAT(Facet(result, "municipality"), ElementsAre(std::pair<std::string, std::int64_t>("fi-837", 2)));
}

TEST_F(SearchFilterTest, PriceBandFacetCountsWholeEuroBands) {
  Query q;
  q.max_price = 2500;
  auto result = RunQuery(index_, q);
  EXPECT_THAT(
      Facet(result, "price_band"),
      ElementsAre(std::pair<std::string, std::int64_t>("0-25", 1), std::pair<std::string, std::int64_t>("25-40", 1),
                  std::pair<std::string, std::int64_t>("40-60", 1), std::pair<std::string, std::int64_t>("60-", 1)));
}

TEST_F(SearchFilterTest, RemoveTakesTheServiceOutOfEveryResult) {
  index_.Remove("svc_a");
  EXPECT_THAT(Matching(Text("siivous")), UnorderedElementsAre("svc_b", "svc_c", "svc_d"));
  Query q;
  q.vouchers = {"org_tampere"};
  EXPECT_THAT(Matching(q), ElementsAre("svc_c"));
  EXPECT_EQ(index_.size(), 3u);
}

TEST_F(SearchFilterTest, PutReplacesTheServiceWithTheSameId) {
  IndexedService changed = Service("svc_a", "Ikkunanpesu");
  index_.Put(changed);
  EXPECT_THAT(Matching(Text("ikkunanpesu")), ElementsAre("svc_a"));
  EXPECT_THAT(Matching(Text("siivous")), UnorderedElementsAre("svc_b", "svc_c", "svc_d"));
  EXPECT_EQ(index_.size(), 4u);
}

TEST_F(SearchFilterTest, PutAllWithARepeatedIdKeepsTheLast) {
  index_.PutAll({Service("svc_x", "Ikkunanpesu"), Service("svc_x", "Lumityöt")});
  EXPECT_THAT(Matching(Text("lumityöt")), ElementsAre("svc_x"));
  EXPECT_THAT(Matching(Text("ikkunanpesu")), IsEmpty());
  EXPECT_EQ(index_.size(), 5u);
}

TEST_F(SearchFilterTest, ShorterServiceRanksAboveALongerOneWithTheSameMatch) {
  ServiceIndex index{fixture::PirkanmaaGazetteer()};
  index.PutAll({Service("svc_long", "Ikkunanpesu", "Pesemme ikkunat, parvekelasit, peilit ja lasiovet huolellisesti."),
                Service("svc_short", "Ikkunanpesu", "Pesemme ikkunat.")});
  EXPECT_THAT(Ids(RunQuery(index, Text("ikkunanpesu"))), ElementsAre("svc_short", "svc_long"));
}

TEST_F(SearchFilterTest, HitsCarryTheSummaryAsGiven) {
  Query q = Text("siivous");
  q.limit = 1;
  auto result = RunQuery(index_, q);
  ASSERT_EQ(result.hits.size(), 1u);
  ASSERT_NE(result.hits[0].summary_json, nullptr);
  EXPECT_EQ(*result.hits[0].summary_json, "{\"id\":\"svc_d\"}");
}

TEST_F(SearchFilterTest, SummaryOutlivesRemovalWhileTheResultLives) {
  auto result = RunQuery(index_, Text("siivous"));
  index_.Remove("svc_d");
  index_.Put(Service("svc_d", "Jotain muuta"));
  ASSERT_FALSE(result.hits.empty());
  EXPECT_EQ(*result.hits[0].summary_json, "{\"id\":\"svc_d\"}");
}

}  // namespace
}  // namespace allmende::search
