#include "search/text_analyzer.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "search/finnish_morphology.hpp"
#include "search/text_folding.hpp"

namespace allmende::search {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> Texts(const std::vector<TextWord>& words) {
  std::vector<std::string> out;
  for (const auto& w : words) out.push_back(w.text);
  return out;
}

TEST(SplitWordsTest, SplitsOnEverythingButLettersAndDigits) {
  EXPECT_THAT(Texts(SplitWords("Kotisiivous, 2 h/viikko (33720)!", 32, 64)),
              ElementsAre("Kotisiivous", "2", "h", "viikko", "33720"));
}

TEST(SplitWordsTest, HyphenatedWordKeepsItsParts) {
  auto words = SplitWords("Mänttä-Vilppula -siivous", 32, 64);
  ASSERT_EQ(words.size(), 2u);
  EXPECT_EQ(words[0].text, "Mänttä-Vilppula");
  EXPECT_THAT(words[0].parts, ElementsAre("Mänttä", "Vilppula"));
  EXPECT_EQ(words[1].text, "siivous");
  EXPECT_THAT(words[1].parts, IsEmpty());
}

TEST(SplitWordsTest, InvalidUtf8AndControlCharactersSeparateWords) {
  EXPECT_THAT(Texts(SplitWords(std::string("siivo\xff\xfeus\x01koti\0apu", 18), 32, 64)),
              ElementsAre("siivo", "us", "koti", "apu"));
}

TEST(SplitWordsTest, CapsWordCountAndLength) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += std::string(200, 'a') + " ";
  auto words = SplitWords(text, 32, 64);
  ASSERT_EQ(words.size(), 32u);
  EXPECT_EQ(words[0].text.size(), 64u);
}

TEST(SplitWordsTest, DecomposedUmlautStaysInTheWord) {
  EXPECT_THAT(Texts(SplitWords("La\xcc\x88hi\xcc\x88tapiola", 32, 64)), ElementsAre("La\xcc\x88hi\xcc\x88tapiola"));
}

TEST(FoldingTest, CaseFoldingIsFull) { EXPECT_EQ(LowerCase("STRAẞE Äiti"), "strasse äiti"); }

TEST(FoldingTest, DiacriticsAreRemoved) {
  EXPECT_EQ(FoldWord("Lempäälä"), "lempaala");
  EXPECT_EQ(FoldWord("Rengøring"), "rengoring");
  EXPECT_EQ(FoldWord("Mänttä-Vilppula"), "manttavilppula");
  EXPECT_EQ(FoldWord("La\xcc\x88hi"), "lahi");
}

TEST(FinnishMorphologyTest, WordBasesSplitIntoCompoundParts) {
  EXPECT_THAT(CompoundPartsFromWordBases("+koti(koti)+siivo(siivo)+us(+us)", "kotisiivous", "=pppp=ppppppp"),
              ElementsAre("koti", "siivous"));
  EXPECT_THAT(CompoundPartsFromWordBases("+ateria(ateria)+palvel(palvella)+u(+u)", "ateriapalvelu", "=pppppp=ppppppp"),
              ElementsAre("ateria", "palvelu"));
  EXPECT_THAT(CompoundPartsFromWordBases("+vanhusten(vanhus)+hoito(hoito)", "vanhustenhoito", "=ppppppppp=ppppp"),
              ElementsAre("vanhus", "hoito"));
  EXPECT_THAT(CompoundPartsFromWordBases("+siivous(siivous)", "siivous", "=ppppppp"), IsEmpty());
}

TEST(FinnishMorphologyTest, ReadingsThatStructureDoesNotMarkAsCompoundsAreNotSplit) {
  EXPECT_THAT(CompoundPartsFromWordBases("+edu(etu)+lli+nen(+nen)", "edullinen", "=ppppppppp"), IsEmpty());
}

class TextAnalyzerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { analyzer_ = new TextAnalyzer(); }
  static void TearDownTestSuite() {
    delete analyzer_;
    analyzer_ = nullptr;
  }
  static std::vector<std::string> AllForms(std::string_view word, Language language) {
    auto forms = analyzer_->Analyze(word, language);
    std::vector<std::string> out{forms->surface};
    out.insert(out.end(), forms->lemmas.begin(), forms->lemmas.end());
    out.insert(out.end(), forms->stems.begin(), forms->stems.end());
    return out;
  }
  static TextAnalyzer* analyzer_;
};
TextAnalyzer* TextAnalyzerTest::analyzer_ = nullptr;

TEST_F(TextAnalyzerTest, FinnishMorphologyIsInstalled) { EXPECT_TRUE(analyzer_->has_finnish_morphology()); }

TEST_F(TextAnalyzerTest, FinnishInflectedFormsHaveTheBaseForm) {
  EXPECT_THAT(AllForms("siivousta", Language::kFinnish), Contains("siivous"));
  EXPECT_THAT(AllForms("siivouksen", Language::kFinnish), Contains("siivous"));
  EXPECT_THAT(AllForms("Hervannassa", Language::kFinnish), Contains("hervanta"));
  EXPECT_THAT(AllForms("Orivedellä", Language::kFinnish), Contains("orivesi"));
}

TEST_F(TextAnalyzerTest, FinnishCompoundsHaveTheirParts) {
  EXPECT_THAT(analyzer_->Analyze("kotisiivous", Language::kFinnish)->compounds,
              Contains(ElementsAre("koti", "siivous")));
  EXPECT_THAT(analyzer_->Analyze("ateriapalvelu", Language::kFinnish)->compounds,
              Contains(ElementsAre("ateria", "palvelu")));
}

TEST_F(TextAnalyzerTest, SwedishDefiniteFormStemsLikeTheIndefinite) {
  EXPECT_EQ(AllForms("städningen", Language::kSwedish).back(), AllForms("städning", Language::kSwedish).back());
}

TEST_F(TextAnalyzerTest, GermanPluralStemsLikeTheSingular) {
  EXPECT_EQ(AllForms("Reinigungen", Language::kGerman).back(), AllForms("Reinigung", Language::kGerman).back());
}

TEST_F(TextAnalyzerTest, DanishDefiniteFormStemsLikeTheIndefinite) {
  EXPECT_EQ(AllForms("rengøringen", Language::kDanish).back(), AllForms("rengøring", Language::kDanish).back());
}

TEST_F(TextAnalyzerTest, EnglishInflectionsStemAlike) {
  EXPECT_EQ(AllForms("cleaning", Language::kEnglish).back(), AllForms("cleaned", Language::kEnglish).back());
}

TEST_F(TextAnalyzerTest, FormsAreFolded) {
  auto forms = analyzer_->Analyze("Lempäälässä", Language::kFinnish);
  EXPECT_EQ(forms->display, "lempäälässä");
  EXPECT_EQ(forms->surface, "lempaalassa");
  EXPECT_THAT(forms->lemmas, Contains("lempaala"));
}

TEST_F(TextAnalyzerTest, UnknownLanguageHasTheSurfaceOnly) {
  auto forms = analyzer_->Analyze("Siivouksen", Language::kUnknown);
  EXPECT_EQ(forms->surface, "siivouksen");
  EXPECT_THAT(forms->lemmas, IsEmpty());
  EXPECT_THAT(forms->stems, IsEmpty());
}

TEST_F(TextAnalyzerTest, QueryWordGetsTheFormsOfEveryLanguage) {
  auto forms = analyzer_->AnalyzeInEveryLanguage("siivouksen");
  EXPECT_THAT(forms.lemmas, Contains("siivous"));
  auto swedish = analyzer_->AnalyzeInEveryLanguage("städningen");
  EXPECT_THAT(swedish.stems, Contains(AllForms("städning", Language::kSwedish).back()));
}

}  // namespace
}  // namespace allmende::search
