// Checks shared by integration tests: a response is a well-formed problem+json of a status.
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "http_client.hpp"

namespace allmende::testing {

// Asserts status, content type, the RFC 9457 members and that request_id matches the header.
// Returns the parsed body (an empty object on failure).
inline boost::json::object ExpectProblem(const std::optional<HttpResponse>& r, int status) {
  EXPECT_TRUE(r.has_value()) << "no response";
  if (!r) return {};
  EXPECT_EQ(r->status, status) << r->body;
  EXPECT_EQ(r->Header("content-type"), "application/problem+json");
  boost::system::error_code ec;
  auto doc = boost::json::parse(r->body, ec);
  EXPECT_FALSE(ec) << "not JSON: " << r->body;
  if (ec || !doc.is_object()) return {};
  auto o = doc.as_object();
  EXPECT_EQ(o["status"].as_int64(), status);
  EXPECT_TRUE(o["type"].is_string() && o["type"].as_string().starts_with("urn:allmende:problem:"));
  EXPECT_TRUE(o["title"].is_string());
  EXPECT_TRUE(o["detail"].is_string());
  EXPECT_FALSE(r->Header("x-request-id").empty());
  EXPECT_EQ(o["request_id"].as_string(), r->Header("x-request-id"));
  return o;
}

// The `errors` list of a 422 as "field: message" strings.
inline std::vector<std::string> FieldErrors(const boost::json::object& problem) {
  std::vector<std::string> out;
  if (auto it = problem.find("errors"); it != problem.end() && it->value().is_array()) {
    for (const auto& e : it->value().as_array()) {
      out.push_back(std::string(e.at("field").as_string()) + ": " + std::string(e.at("message").as_string()));
    }
  }
  return out;
}

// Asserts that a problem's `errors` list names `field`.
inline void ExpectProblemField(const HttpResponse& r, const std::string& field) {
  boost::system::error_code ec;
  auto doc = boost::json::parse(r.body, ec);
  ASSERT_FALSE(ec) << r.body;
  bool named = false;
  if (doc.is_object() && doc.as_object().contains("errors")) {
    for (const auto& e : doc.at("errors").as_array()) named |= e.at("field").as_string() == field;
  }
  EXPECT_TRUE(named) << "no error for " << field << " in " << r.body;
}

}  // namespace allmende::testing
