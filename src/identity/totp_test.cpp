#include "identity/totp.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <set>

namespace allmende::identity {
namespace {

TEST(Totp, MatchesTheRfc6238TestVector) {
  ASSERT_GE(sodium_init(), 0);
  // RFC 6238 appendix B, SHA-1: secret "12345678901234567890", T = 59 s → 94287082 (8 digits);
  // 6 digits are the last six.
  const std::string secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
  Timestamp t{std::chrono::seconds(59)};
  EXPECT_EQ(TotpCode(secret, t), "287082");
  EXPECT_EQ(*VerifyTotp(secret, "287082", t, 0), 1);
  EXPECT_FALSE(VerifyTotp(secret, "287082", t, 1)) << "a used step does not work again";
  EXPECT_TRUE(VerifyTotp(secret, "287082", t + std::chrono::seconds(30), 0)) << "one step of drift";
  EXPECT_FALSE(VerifyTotp(secret, "287082", t + std::chrono::seconds(90), 0));
  EXPECT_FALSE(VerifyTotp(secret, "28708", t, 0));
  EXPECT_FALSE(VerifyTotp(secret, "2870a2", t, 0));
}

TEST(Totp, NewSecretsWorkAndRecoveryCodesAreDistinctAndForgiving) {
  ASSERT_GE(sodium_init(), 0);
  auto secret = NewTotpSecret();
  EXPECT_EQ(secret.size(), 32u);
  EXPECT_NE(NewTotpSecret(), secret);
  auto now = Now();
  EXPECT_TRUE(VerifyTotp(secret, TotpCode(secret, now), now, 0));
  EXPECT_EQ(TotpUri(secret, "aino@example.fi"), "otpauth://totp/Allmende:aino@example.fi?secret=" + secret +
                                                    "&issuer=Allmende&algorithm=SHA1&digits=6&period=30");
  auto codes = NewRecoveryCodes();
  ASSERT_EQ(codes.size(), 10u);
  std::set<std::string> unique(codes.begin(), codes.end());
  EXPECT_EQ(unique.size(), 10u);
  EXPECT_EQ(codes[0].size(), 14u);
  std::string shouted = codes[0];
  for (auto& c : shouted) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  shouted.erase(std::remove(shouted.begin(), shouted.end(), '-'), shouted.end());
  EXPECT_EQ(RecoveryCodeDigest(shouted), RecoveryCodeDigest(codes[0]));
}

}  // namespace
}  // namespace allmende::identity
