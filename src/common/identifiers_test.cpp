#include "common/identifiers.hpp"

#include <gtest/gtest.h>

namespace allmende {
namespace {

TEST(Identifiers, FinnishBusinessId) {
  EXPECT_TRUE(IsValidYTunnus("1572860-0"));  // remainder 0 → check digit 0
  EXPECT_TRUE(IsValidYTunnus("0737546-2"));
  EXPECT_FALSE(IsValidYTunnus("0737546-3"));  // wrong check digit
  EXPECT_FALSE(IsValidYTunnus("07375462"));   // no hyphen
  EXPECT_FALSE(IsValidYTunnus("0737546-"));
}

TEST(Identifiers, FinnishBusinessIdWithRemainderOneIsNeverValid) {
  // 0000001: sum 2 → remainder 2 → check 9; 0000010: sum 4 → check 7. Find a remainder-1 body.
  for (int body = 0; body < 200; ++body) {
    char text[10];
    std::snprintf(text, sizeof text, "%07d", body);
    static constexpr int kWeights[] = {7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 7; ++i) sum += (text[i] - '0') * kWeights[i];
    if (sum % 11 != 1) continue;
    for (char d = '0'; d <= '9'; ++d) EXPECT_FALSE(IsValidYTunnus(std::string(text) + "-" + d)) << text;
    return;
  }
  FAIL() << "no remainder-1 body found";
}

TEST(Identifiers, DanishCvr) {
  EXPECT_TRUE(IsValidCvr("29188505"));  // weighted sum 165 = 15 × 11
  EXPECT_FALSE(IsValidCvr("29188506"));
  EXPECT_FALSE(IsValidCvr("2918850"));
}

TEST(Identifiers, ProblemsNameTheCountrysFormat) {
  EXPECT_EQ(BusinessIdProblem("FI", "1572860-0"), "");
  EXPECT_NE(BusinessIdProblem("FI", "1234567-8").find("Y-tunnus"), std::string::npos);
  EXPECT_NE(BusinessIdProblem("DK", "12345678").find("CVR"), std::string::npos);
  EXPECT_EQ(BusinessIdProblem("DE", "260812345"), "");
}

TEST(Identifiers, GermanInsuranceNumberHasALetterNineDigitsAndACheckDigit) {
  EXPECT_TRUE(IsValidKvnr("A123456780"));
  EXPECT_TRUE(IsValidKvnr("Z987654321"));
  EXPECT_FALSE(IsValidKvnr("A123456781"));  // wrong check digit
  EXPECT_FALSE(IsValidKvnr("a123456780"));  // lower-case letter
  EXPECT_FALSE(IsValidKvnr("A12345678"));   // too short
  EXPECT_FALSE(IsValidKvnr("1123456780"));  // no letter
}

TEST(Identifiers, FinnishIdentityCodeGivesTheBirthDate) {
  // 131052-308T is the example of the Finnish Digital and Population Data Services Agency.
  auto code = ParseFinnishIdentityCode("131052-308T");
  ASSERT_TRUE(code.has_value());
  EXPECT_EQ(code->birth_date, "1952-10-13");
  auto young = ParseFinnishIdentityCode(" 010594y9032 ");
  ASSERT_TRUE(young.has_value());
  EXPECT_EQ(young->code, "010594Y9032");
  EXPECT_EQ(young->birth_date, "1994-05-01");
  auto new_century = ParseFinnishIdentityCode("020502E902X");
  ASSERT_TRUE(new_century.has_value());
  EXPECT_EQ(new_century->birth_date, "2002-05-02");
  EXPECT_EQ(MaskFinnishIdentityCode("131052-308T"), "131052-****");
}

TEST(Identifiers, FinnishIdentityCodeRefusesEachKindOfMistake) {
  std::string problem;
  EXPECT_FALSE(ParseFinnishIdentityCode("131052-308U", &problem).has_value());
  EXPECT_NE(problem.find("check character"), std::string::npos);
  EXPECT_FALSE(ParseFinnishIdentityCode("131052Z308T", &problem).has_value());
  EXPECT_NE(problem.find("century"), std::string::npos);
  EXPECT_FALSE(ParseFinnishIdentityCode("310252-308T", &problem).has_value());  // 31 February
  EXPECT_NE(problem.find("date"), std::string::npos);
  EXPECT_FALSE(ParseFinnishIdentityCode("131052-000T", &problem).has_value());
  EXPECT_FALSE(ParseFinnishIdentityCode("131052-308", &problem).has_value());
  EXPECT_FALSE(ParseFinnishIdentityCode("", &problem).has_value());
  EXPECT_FALSE(ParseFinnishIdentityCode("131052 -308T", &problem).has_value()) << "spaces only around it";
  EXPECT_FALSE(ParseFinnishIdentityCode("13105\xff-308T", &problem).has_value());
}

}  // namespace
}  // namespace allmende
