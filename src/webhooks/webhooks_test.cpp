#include "webhooks/webhooks.hpp"

#include <gtest/gtest.h>

namespace allmende::webhooks {
namespace {

TEST(WebhookSignature, IsHmacSha256OverTimestampDotBody) {
  // The same as Python's hmac.new(b"whsec_test", b'1700000000.{"a":1}', sha256).hexdigest().
  EXPECT_EQ(SignatureHeader("whsec_test", R"({"a":1})", 1700000000),
            "t=1700000000,v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789");
  EXPECT_NE(SignatureHeader("whsec_test", R"({"a":2})", 1700000000),
            SignatureHeader("whsec_test", R"({"a":1})", 1700000000));
  EXPECT_NE(SignatureHeader("whsec_other", R"({"a":1})", 1700000000),
            SignatureHeader("whsec_test", R"({"a":1})", 1700000000));
}

TEST(WebhookTargets, OnlyPublicAddressesArePublic) {
  for (const char* ip :
       {"127.0.0.1",      "10.1.2.3", "172.16.0.1",       "172.31.255.255",  "192.168.1.1", "169.254.169.254",
        "100.64.0.1",     "0.0.0.0",  "224.0.0.1",        "255.255.255.255", "::1",         "::",
        "fe80::1",        "fd00::1",  "::ffff:127.0.0.1", "::ffff:10.0.0.1", "2001:db8::1", "192.0.2.1",
        "not an address", ""}) {
    EXPECT_FALSE(IsPublicAddress(ip)) << ip;
  }
  for (const char* ip : {"8.8.8.8", "172.32.0.1", "193.166.3.1", "2a00:1450:4001::1", "::ffff:8.8.8.8"}) {
    EXPECT_TRUE(IsPublicAddress(ip)) << ip;
  }
}

std::string UrlProblem(std::string_view url, bool allow_local) {
  auto r = CheckTargetUrl(url, allow_local);
  if (r.ok()) return "";
  EXPECT_EQ(r.error().fields.size(), 1u);
  EXPECT_EQ(r.error().fields.front().field, "url");
  return r.error().fields.front().message;
}

TEST(WebhookTargets, UrlsAreChecked) {
  EXPECT_EQ(UrlProblem("https://hooks.example.org/allmende", false), "");
  EXPECT_EQ(UrlProblem("https://193.166.3.1:8443/in", false), "");
  EXPECT_NE(UrlProblem("http://hooks.example.org/allmende", false), "");
  EXPECT_NE(UrlProblem("https://127.0.0.1/in", false), "");
  EXPECT_NE(UrlProblem("https://[::1]/in", false), "");
  EXPECT_NE(UrlProblem("https://localhost/in", false), "");
  EXPECT_NE(UrlProblem("https://169.254.169.254/latest/meta-data", false), "");
  EXPECT_NE(UrlProblem("https://user:pw@hooks.example.org/", false), "");
  EXPECT_NE(UrlProblem("ftp://hooks.example.org/", true), "");
  EXPECT_NE(UrlProblem("file:///etc/passwd", true), "");
  EXPECT_NE(UrlProblem("not a url", true), "");
  EXPECT_NE(UrlProblem("", true), "");
  EXPECT_NE(UrlProblem("https://example.org/" + std::string(2000, 'a'), true), "");
  EXPECT_EQ(UrlProblem("http://127.0.0.1:9999/in", true), "");
}

}  // namespace
}  // namespace allmende::webhooks
