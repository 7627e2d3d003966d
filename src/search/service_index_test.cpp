#include "search/service_index.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "search/search_test_fixture.hpp"

namespace allmende::search {
namespace {

using fixture::Find;
using fixture::Localized;
using fixture::RunQuery;
using fixture::Service;
using fixture::Text;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

class ServiceIndexTest : public ::testing::Test {
 protected:
  ServiceIndex index_{fixture::PirkanmaaGazetteer()};
};

TEST_F(ServiceIndexTest, FinnishInflectedFormsFindTheBaseForm) {
  index_.Put(Service("svc_1", "Siivous"));
  EXPECT_THAT(Find(index_, "siivousta"), ElementsAre("svc_1"));
  EXPECT_THAT(Find(index_, "siivouksen"), ElementsAre("svc_1"));
}

TEST_F(ServiceIndexTest, InflectedWordsOfADescriptionAreFoundByTheBaseForm) {
  index_.Put(Service("svc_1", "Kodin apu", "Teemme siivouksen viikoittain."));
  EXPECT_THAT(Find(index_, "siivous"), ElementsAre("svc_1"));
}

TEST_F(ServiceIndexTest, CompoundPartsMatch) {
  index_.Put(Service("svc_1", "Kotisiivous"));
  index_.Put(Service("svc_2", "Ateriapalvelu"));
  EXPECT_THAT(Find(index_, "siivous"), ElementsAre("svc_1"));
  EXPECT_THAT(Find(index_, "ateria"), ElementsAre("svc_2"));
}

TEST_F(ServiceIndexTest, CompoundQueryMatchesTheCompoundOrAllItsPartsButNotOnePart) {
  index_.Put(Service("svc_compound", "Kotisiivous"));
  index_.Put(Service("svc_parts", "Siivous kotiin"));
  index_.Put(Service("svc_one_part", "Kotihoito"));
  EXPECT_THAT(Find(index_, "kotisiivous"), UnorderedElementsAre("svc_compound", "svc_parts"));
}

TEST_F(ServiceIndexTest, WordsOfTheQueryAreAllRequired) {
  index_.Put(Service("svc_both", "Siivous ja ikkunanpesu"));
  index_.Put(Service("svc_one", "Siivous"));
  EXPECT_THAT(Find(index_, "siivous ikkunanpesu"), ElementsAre("svc_both"));
}

TEST_F(ServiceIndexTest, WhenNoServiceHasEveryWordAnyWordMatches) {
  index_.Put(Service("svc_1", "Siivous"));
  index_.Put(Service("svc_2", "Kotihoito"));
  EXPECT_THAT(Find(index_, "siivous kotihoito"), UnorderedElementsAre("svc_1", "svc_2"));
}

TEST_F(ServiceIndexTest, StopWordsAreNotRequired) {
  index_.Put(Localized("svc_1", "en", "Window cleaning"));
  EXPECT_THAT(Find(index_, "cleaning in"), ElementsAre("svc_1"));
}

TEST_F(ServiceIndexTest, SwedishDefiniteFormFindsTheIndefinite) {
  index_.Put(Localized("svc_1", "sv", "Städning"));
  EXPECT_THAT(Find(index_, "städningen"), ElementsAre("svc_1"));
}

TEST_F(ServiceIndexTest, GermanPluralFindsTheSingular) {
  index_.Put(Localized("svc_1", "de", "Reinigung"));
  EXPECT_THAT(Find(index_, "Reinigungen"), ElementsAre("svc_1"));
}

TEST_F(ServiceIndexTest, DanishDefiniteFormFindsTheIndefinite) {
  index_.Put(Localized("svc_1", "da", "Rengøring"));
  EXPECT_THAT(Find(index_, "rengøringen"), ElementsAre("svc_1"));
}

TEST_F(ServiceIndexTest, EnglishInflectionsFindEachOther) {
  index_.Put(Localized("svc_1", "en", "Cleaning"));
  EXPECT_THAT(Find(index_, "cleaned"), ElementsAre("svc_1"));
}

TEST_F(ServiceIndexTest, WordsTypedWithoutDiacriticsMatch) {
  index_.Put(Service("svc_1", "Päivätoiminta"));
  EXPECT_THAT(Find(index_, "paivatoiminta"), ElementsAre("svc_1"));
}

class PlaceWordTest : public ServiceIndexTest {
 protected:
  void SetUp() override {
    IndexedService hervanta = Service("svc_hervanta", "Siivous");
    hervanta.districts = {"fi-837-hervanta"};
    IndexedService kaleva = Service("svc_kaleva", "Siivous");
    kaleva.districts = {"fi-837-kaleva"};
    IndexedService tampere = Service("svc_tampere", "Siivous");
    tampere.municipalities = {"fi-837"};
    IndexedService orivesi = Service("svc_orivesi", "Siivous");
    orivesi.municipalities = {"fi-562"};
    IndexedService lempaala = Service("svc_lempaala", "Siivous");
    lempaala.municipalities = {"fi-418"};
    IndexedService mantta = Service("svc_mantta", "Siivous");
    mantta.municipalities = {"fi-508"};
    index_.PutAll({hervanta, kaleva, tampere, orivesi, lempaala, mantta});
  }
};

TEST_F(PlaceWordTest, InflectedPlaceNameFiltersByArea) {
  auto result = RunQuery(index_, Text("siivous Hervannassa"));
  EXPECT_THAT(fixture::Ids(result), UnorderedElementsAre("svc_hervanta", "svc_tampere"));
  EXPECT_THAT(result.places, ElementsAre("fi-837-hervanta"));
}

TEST_F(PlaceWordTest, SwedishPlaceNameFilters) {
  EXPECT_THAT(Find(index_, "siivous Tammerfors"), UnorderedElementsAre("svc_hervanta", "svc_kaleva", "svc_tampere"));
}

TEST_F(PlaceWordTest, PlaceNameAloneBrowsesItsArea) {
  EXPECT_THAT(Find(index_, "Orivedellä"), ElementsAre("svc_orivesi"));
}

TEST_F(PlaceWordTest, HyphenatedPlaceNameFilters) {
  EXPECT_THAT(Find(index_, "siivous Mänttä-Vilppulassa"), ElementsAre("svc_mantta"));
}

TEST_F(PlaceWordTest, FoldingFindsLempaala) {
  EXPECT_THAT(Find(index_, "siivous lempaala"), ElementsAre("svc_lempaala"));
}

TEST_F(PlaceWordTest, PostalCodeWordFiltersByItsDistrict) {
  EXPECT_THAT(Find(index_, "siivous 33720"), UnorderedElementsAre("svc_hervanta", "svc_tampere"));
}

TEST_F(ServiceIndexTest, MisspellingWithinTwoEditsIsCorrected) {
  index_.Put(Service("svc_1", "Siivous"));
  auto result = RunQuery(index_, Text("sjivoos "));
  EXPECT_THAT(fixture::Ids(result), ElementsAre("svc_1"));
  EXPECT_EQ(result.did_you_mean, "siivous");
}

TEST_F(ServiceIndexTest, DidYouMeanKeepsTheOtherWords) {
  index_.Put(Service("svc_1", "Siivous"));
  EXPECT_EQ(RunQuery(index_, Text("siivoos Hervannassa")).did_you_mean, "siivous Hervannassa");
}

TEST_F(ServiceIndexTest, MisspellingBeyondTwoEditsIsNotCorrected) {
  index_.Put(Service("svc_1", "Siivous"));
  auto result = RunQuery(index_, Text("sjivxos "));
  EXPECT_THAT(fixture::Ids(result), IsEmpty());
  EXPECT_EQ(result.did_you_mean, std::nullopt);
}

TEST_F(ServiceIndexTest, ShortWordsAreCorrectedWithinOneEditOnly) {
  index_.Put(Service("svc_1", "Apu"));
  EXPECT_THAT(Find(index_, "apy "), ElementsAre("svc_1"));
  EXPECT_THAT(Find(index_, "axy "), IsEmpty());
}

TEST_F(ServiceIndexTest, CorrectlySpeltWordsAreNotCorrected) {
  index_.Put(Service("svc_1", "Siivous"));
  EXPECT_EQ(RunQuery(index_, Text("siivous")).did_you_mean, std::nullopt);
}

TEST_F(ServiceIndexTest, PrefixOfLastWordMatchesWhileTyping) {
  index_.Put(Service("svc_1", "Kotisiivous"));
  EXPECT_THAT(Find(index_, "kotisii"), ElementsAre("svc_1"));
}

TEST_F(ServiceIndexTest, FinishedWordIsNotAPrefix) {
  index_.Put(Service("svc_1", "Kotisiivous"));
  EXPECT_THAT(Find(index_, "kotisii "), IsEmpty());
}

TEST_F(ServiceIndexTest, OneLetterIsNoPrefix) {
  index_.Put(Service("svc_1", "Kotisiivous"));
  EXPECT_THAT(Find(index_, "k"), IsEmpty());
}

TEST_F(ServiceIndexTest, NameMatchRanksAboveDescriptionMatch) {
  index_.Put(Service("svc_description", "Kodin apu", "Myös siivous onnistuu."));
  index_.Put(Service("svc_name", "Siivous", "Kodin apu arkeen."));
  EXPECT_THAT(Find(index_, "siivous"), ElementsAre("svc_name", "svc_description"));
}

TEST_F(ServiceIndexTest, CategoryNamesMatchAsText) {
  IndexedService s = Service("svc_1", "Virtasen palvelut");
  s.category = "cleaning";
  s.category_names = {"Siivous", "Städning", "Cleaning"};
  index_.Put(s);
  EXPECT_THAT(Find(index_, "städning"), ElementsAre("svc_1"));
}

TEST_F(ServiceIndexTest, ProviderNameMatchesAsText) {
  IndexedService s = Service("svc_1", "Kotisiivous");
  s.provider_name = "Virtasen Siivouspalvelu Oy";
  index_.Put(s);
  EXPECT_THAT(Find(index_, "virtasen"), ElementsAre("svc_1"));
}

}  // namespace
}  // namespace allmende::search
