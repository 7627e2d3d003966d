#include "identity/password.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

namespace allmende::identity {
namespace {

class PasswordTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_GE(sodium_init(), 0); }
};

TEST_F(PasswordTest, AcceptsALongUnusualPhrase) {
  EXPECT_TRUE(PasswordProblems("kahvi-kuusi-pyörä-laituri", "aino@example.fi", "Aino Virtanen").empty());
}

TEST_F(PasswordTest, RejectsShortCommonAndPersonalPasswords) {
  EXPECT_EQ(PasswordProblems("lyhyt", "", ""), std::vector<std::string>{"must be at least 12 characters"});
  EXPECT_FALSE(PasswordProblems("Password1234", "", "").empty());
  EXPECT_FALSE(PasswordProblems("!!Salasana2024", "", "").empty());
  EXPECT_FALSE(PasswordProblems("qwertyuiop12", "", "").empty());
  EXPECT_FALSE(PasswordProblems("aaaaaaaaaaaaaaa", "", "").empty());
  EXPECT_FALSE(PasswordProblems("aino.virtanen1", "aino.virtanen@example.fi", "").empty());
  EXPECT_FALSE(PasswordProblems("AinoVirtanen!!", "x@example.fi", "Aino Virtanen").empty());
}

TEST_F(PasswordTest, CountsCharactersNotBytes) {
  // 11 characters, 14 bytes in UTF-8.
  EXPECT_EQ(PasswordProblems("äöåäöåxyzwq", "", ""), std::vector<std::string>{"must be at least 12 characters"});
}

TEST_F(PasswordTest, HashesWithArgon2idAndVerifies) {
  auto hash = HashPassword("kahvi-kuusi-pyörä-laituri");
  ASSERT_TRUE(hash);
  EXPECT_TRUE(hash->starts_with("$argon2id$"));
  EXPECT_TRUE(VerifyPassword("kahvi-kuusi-pyörä-laituri", *hash));
  EXPECT_FALSE(VerifyPassword("kahvi-kuusi-pyörä-laituri!", *hash));
  EXPECT_NE(*HashPassword("kahvi-kuusi-pyörä-laituri"), *hash) << "salted";
}

}  // namespace
}  // namespace allmende::identity
