#include "common/ids.hpp"

#include <gtest/gtest.h>

#include <set>

namespace allmende {
namespace {

TEST(Ids, NewIdHasPrefixAndIsValid) {
  std::string id = NewId("reg");
  EXPECT_EQ(id.substr(0, 4), "reg_");
  EXPECT_EQ(id.size(), 4u + 26u);
  EXPECT_TRUE(IsValidId("reg", id));
  EXPECT_FALSE(IsValidId("ord", id));
}

TEST(Ids, IdsMadeInOneProcessAreStrictlyIncreasingAndUnique) {
  std::string last;
  std::set<std::string> seen;
  for (int i = 0; i < 10000; ++i) {
    std::string id = NewId("x");
    EXPECT_LT(last, id);
    last = id;
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 10000u);
}

TEST(Ids, EncodesCreationTime) {
  auto at = std::chrono::system_clock::time_point(std::chrono::milliseconds(1'795'000'000'123));
  std::string id = NewIdAt("ord", at, 0, 0);
  EXPECT_EQ(IdTime(id), at);
  EXPECT_LT(NewIdAt("ord", at, 0xFFFF, ~0ull), NewIdAt("ord", at + std::chrono::milliseconds(1), 0, 0));
}

TEST(Ids, RejectsMalformedIds) {
  EXPECT_FALSE(IsValidId("reg", "reg_"));
  EXPECT_FALSE(IsValidId("reg", "reg-01JD3M5Q8Z4X9K2V7N6B5C4D3E"));
  EXPECT_FALSE(IsValidId("reg", "reg_01JD3M5Q8Z4X9K2V7N6B5C4D3I"));  // I is not Crockford
  EXPECT_FALSE(IsValidId("reg", "reg_81JD3M5Q8Z4X9K2V7N6B5C4D3E"));  // overflows 128 bits
  EXPECT_TRUE(IsValidId("reg", "reg_01JD3M5Q8Z4X9K2V7N6B5C4D3E"));
}

}  // namespace
}  // namespace allmende
