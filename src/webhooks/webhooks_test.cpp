#include "webhooks/webhooks.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "access/access_test_world.hpp"

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
  for (const char* ip :
       {"8.8.8.8", "172.32.0.1", "193.166.3.1", "2a00:1450:4001::1", "::ffff:8.8.8.8", "2002:808:808::1"}) {
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
  EXPECT_NE(UrlProblem("https://LOCALHOST./in", false), "");
  EXPECT_NE(UrlProblem("https://intranet/in", false), "");
  EXPECT_NE(UrlProblem("https://vault.corp.internal/in", false), "");
  // Numeric forms of 127.0.0.1 that URL parsers accept.
  for (const char* url : {"https://2130706433/", "https://0x7f.1/", "https://127.1/", "https://0177.0.0.1/",
                          "https://[::ffff:7f00:1]/", "https://[::1]:8443/"}) {
    EXPECT_NE(UrlProblem(url, false), "") << url;
  }
  EXPECT_NE(UrlProblem("https://169.254.169.254/latest/meta-data", false), "");
  EXPECT_NE(UrlProblem("https://user:pw@hooks.example.org/", false), "");
  EXPECT_NE(UrlProblem("ftp://hooks.example.org/", true), "");
  EXPECT_NE(UrlProblem("file:///etc/passwd", true), "");
  EXPECT_NE(UrlProblem("not a url", true), "");
  EXPECT_NE(UrlProblem("", true), "");
  EXPECT_NE(UrlProblem("https://example.org/" + std::string(2000, 'a'), true), "");
  EXPECT_EQ(UrlProblem("http://127.0.0.1:9999/in", true), "");
}

// A target that passed registration (a name) but resolves to a loopback address at send time is
// refused before connect(): the listener here never sees a connection, and the log names no address.
class WebhookPosterTest : public access::AccessWorld {};

TEST_F(WebhookPosterTest, ANonPublicAddressIsRefusedBeforeConnecting) {
  int listener = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(::listen(listener, 4), 0);
  socklen_t len = sizeof addr;
  ::getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len);
  const std::string port = std::to_string(ntohs(addr.sin_port));

  Region("reg_w");
  Org("org_w", "reg_w", "provider_company");
  const auto cipher = storage::FieldCipher::Ephemeral();
  for (const std::string& url : {"https://127.0.0.1:" + port + "/in", "https://localhost:" + port + "/in"}) {
    Sql("DELETE FROM webhook_endpoints");
    Sql("INSERT INTO webhook_endpoints (id, region_id, organization_id, url, events, secret_sealed, secret_hint, "
        "created_by, created_at) VALUES ('whk_1', 'reg_w', 'org_w', $1, 'order.changed', $2, 'whsec_', 'x', $3)",
        {url, cipher.Seal("whsec_test"), std::string(kT)});
    WebhooksConfig config;  // allow_local_targets = false
    config.timeout_ms = 2000;
    SystemTimeSource clock;
    auto poster = MakeWebhookPoster(*db_, cipher, clock, config);
    auto sent = poster->Send(
        {.id = "msg_1", .channel = "webhook", .recipient = "whk_1", .subject = "order.changed", .body = "{}"});
    ASSERT_FALSE(sent.ok()) << url;
    EXPECT_EQ(sent.error().code, ErrorCode::kInvalidArgument) << url;  // refused for good, not retried
    EXPECT_EQ(sent.error().message, "the target is not a public address") << url;
    pollfd p{listener, POLLIN, 0};
    EXPECT_EQ(::poll(&p, 1, 100), 0) << "something connected to the listener for " << url;
  }
  ::close(listener);
}

}  // namespace
}  // namespace allmende::webhooks
