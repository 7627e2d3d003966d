#include "common/json.hpp"

#include <gtest/gtest.h>

namespace allmende {
namespace {

TEST(Json, SyntaxErrorNamesLineAndColumn) {
  auto r = ParseJson("{\n  \"a\": 1,\n  \"b\": tru }");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kBadRequest);
  EXPECT_NE(r.error().message.find("line 3"), std::string::npos) << r.error().message;
}

TEST(Json, EmptyBodyIsABadRequest) {
  auto r = ParseJson("  ");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("empty"), std::string::npos);
}

TEST(Json, TrailingGarbageIsRejected) { EXPECT_FALSE(ParseJson("{} x")); }

TEST(Json, CollectsEveryFieldError) {
  auto doc = *ParseJson(R"({"name": 5, "count": 3.5, "flag": "yes", "code": "toolongvalue"})");
  JsonFields f(doc);
  std::string name, code, missing;
  std::int64_t count = 0;
  bool flag = false;
  f.Required("name", &name);
  f.Required("count", &count, 0, 10);
  f.Required("flag", &flag);
  f.Required("code", &code, MaxLength(4));
  f.Required("missing", &missing);
  auto r = f.Finish();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  std::vector<FieldError> expected{{"name", "must be a string"},
                                   {"count", "must be an integer from 0 to 10"},
                                   {"flag", "must be true or false"},
                                   {"code", "must be at most 4 characters"},
                                   {"missing", "is required"}};
  EXPECT_EQ(r.error().fields, expected);
}

TEST(Json, ReadsValidFieldsAndCountsCharactersNotBytes) {
  auto doc = *ParseJson(R"({"name": "Äänekoski", "count": 3.0, "opt": null})");
  JsonFields f(doc);
  std::string name;
  std::int64_t count = 0;
  std::optional<std::string> opt;
  f.Required("name", &name, MaxLength(9));
  f.Required("count", &count);
  f.Optional("opt", &opt);
  ASSERT_TRUE(f.Finish());
  EXPECT_EQ(name, "Äänekoski");
  EXPECT_EQ(count, 3);
  EXPECT_FALSE(opt);
}

TEST(Json, NonObjectDocumentIsOneError) {
  auto doc = *ParseJson("[1,2]");
  JsonFields f(doc);
  std::string name;
  f.Required("name", &name);
  auto r = f.Finish();
  ASSERT_FALSE(r);
  ASSERT_EQ(r.error().fields.size(), 1u);
  EXPECT_EQ(r.error().fields[0].field, "$");
}

TEST(Json, RejectOthersNamesEveryFieldNobodyAskedFor) {
  auto doc = ParseJson(R"({"goal":"x","gaol":"typo","extra":1})");
  ASSERT_TRUE(doc.ok());
  JsonFields f(*doc);
  std::optional<std::string> goal, details;
  f.Optional("goal", &goal);
  f.Optional("details", &details);
  f.RejectOthers();
  auto r = f.Finish();
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.error().fields.size(), 2u);
  EXPECT_EQ(r.error().fields[0].field, "gaol");
  EXPECT_EQ(r.error().fields[1].field, "extra");
}

TEST(Json, EscapesControlCharacters) {
  std::string out;
  AppendJsonEscaped(out, "a\"b\\c\n\x01");
  EXPECT_EQ(out, "a\\\"b\\\\c\\n\\u0001");
}

}  // namespace
}  // namespace allmende
