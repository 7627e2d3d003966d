#include "common/validate.hpp"

#include <gtest/gtest.h>

namespace allmende {
namespace {

TEST(Validate, PhonesAreStoredInE164HoweverTheyAreTyped) {
  EXPECT_EQ(*NormalizePhone("+358 40 123 4567"), "+358401234567");
  EXPECT_EQ(*NormalizePhone("+49 (7433) 123-456"), "+497433123456");
  EXPECT_EQ(*NormalizePhone("0045 12 34 56 78"), "+4512345678");
  for (const char* bad :
       {"040 123 4567", "+358", "+0358401234567", "+358 40 abc", "+1234567890123456", "", "++358401"}) {
    auto r = NormalizePhone(bad, "client.phone");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().fields.at(0).field, "client.phone");
  }
}

TEST(Validate, NamesAreCountedInCharactersNotBytes) {
  EXPECT_FALSE(PersonNameProblem("Aino Virtanen"));
  EXPECT_FALSE(PersonNameProblem(std::string(200 / 2, 'a') +
                                 [] {
                                   std::string s;
                                   for (int i = 0; i < 100; ++i) s += "ä";  // 100 characters, 200 bytes
                                   return s;
                                 }()))
      << "200 characters, 300 bytes";
  EXPECT_TRUE(PersonNameProblem(std::string(201, 'a')));
  EXPECT_TRUE(PersonNameProblem("   "));
  EXPECT_TRUE(PersonNameProblem(""));
  EXPECT_TRUE(PersonNameProblem("Aino\nVirtanen"));
  EXPECT_TRUE(PersonNameProblem("\xC3"));  // a cut UTF-8 sequence
}

TEST(Validate, FreeTextMayHaveLinesButNotControlsAndCountsCharacters) {
  EXPECT_FALSE(FreeTextProblem("Polvi kipeä.\nSiivous tiistaisin.", 100, true));
  EXPECT_FALSE(FreeTextProblem("", 100, false));
  EXPECT_TRUE(FreeTextProblem("", 100, true));
  EXPECT_TRUE(FreeTextProblem(" \n\t ", 100, true)) << "only white space is not text";
  EXPECT_TRUE(FreeTextProblem("bell\x07", 100, false));
  EXPECT_TRUE(FreeTextProblem("del\x7f", 100, false));
  std::string umlauts;
  for (int i = 0; i < 100; ++i) umlauts += "ä";
  EXPECT_FALSE(FreeTextProblem(umlauts, 100, true)) << "100 characters, 200 bytes";
  EXPECT_TRUE(FreeTextProblem(umlauts + "a", 100, true));
}

TEST(Validate, LanguagesAreTheFiveThePlatformSpeaks) {
  for (const char* l : {"fi", "sv", "en", "de", "da"}) EXPECT_TRUE(IsLanguage(l));
  for (const char* l : {"FI", "fr", "", "fin"}) EXPECT_FALSE(IsLanguage(l));
}

}  // namespace
}  // namespace allmende
