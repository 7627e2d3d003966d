#include "server/problem.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace allmende::http {
namespace {

TEST(Problem, ValidationErrorListsFields) {
  auto r = ProblemResponse(Error::Invalid({{"code", "is required"}, {"name", "must be a string"}}), "req_1",
                           "/api/v1/regions");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.content_type, "application/problem+json");
  auto doc = boost::json::parse(r.body).as_object();
  EXPECT_EQ(doc.at("status").as_int64(), 422);
  EXPECT_EQ(doc.at("type").as_string(), "urn:allmende:problem:invalid-argument");
  EXPECT_EQ(doc.at("request_id").as_string(), "req_1");
  auto errors = doc.at("errors").as_array();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].at("field").as_string(), "code");
  EXPECT_EQ(errors[1].at("message").as_string(), "must be a string");
}

TEST(Problem, InternalErrorHidesItsMessage) {
  auto r = ProblemResponse(Error::Internal("SELECT * FROM secrets failed at /srv/db"), "req_9", "/x");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.find("SELECT"), std::string::npos);
  EXPECT_EQ(r.body.find("/srv"), std::string::npos);
  EXPECT_NE(r.body.find("req_9"), std::string::npos);
}

TEST(Problem, EveryCodeHasAStatusAndValidJson) {
  for (int c = 0; c <= static_cast<int>(ErrorCode::kInternal); ++c) {
    auto code = static_cast<ErrorCode>(c);
    int status = StatusFor(code);
    EXPECT_GE(status, 400);
    EXPECT_LT(status, 600);
    EXPECT_NE(StatusTitle(status), "Error") << status;
    auto r = ProblemResponse({code, "detail with \"quotes\"\n", {}}, "id", "/p");
    EXPECT_NO_THROW((void)boost::json::parse(r.body)) << r.body;
  }
}

}  // namespace
}  // namespace allmende::http
