#include "demo/mailbox_routes.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/json.hpp>

#include "demo/demo_module.hpp"
#include "mailbox_http.hpp"
#include "notify/smtp_mailer.hpp"
#include "smtp_sink.hpp"

namespace allmende::demo {
namespace {

Config DemoConfig(std::string mailbox_url, bool demo_mode = true) {
  Config config;
  config.identity.demo_mode = demo_mode;
  config.demo.mailbox_url = std::move(mailbox_url);
  return config;
}

Result<http::Response> Get(const http::Router& router, const std::string& path) {
  auto match = router.Match("GET", path);
  EXPECT_NE(match.route, nullptr) << path;
  if (!match.route) return Error::Internal("no route");
  http::Request request;
  request.method = "GET";
  request.path = path;
  request.params = match.params;
  return router.Run(*match.route, request);
}

boost::json::value Json(const Result<http::Response>& r) {
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? boost::json::parse(r->body) : boost::json::value();
}

// A port nothing listens on: bound once to find it, then closed.
int ClosedPort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

TEST(DemoMailbox, ShowsWhatTheServersMailerDeliveredOverSmtp) {
  testing::SmtpSink sink;
  testing::MailboxHttp mailbox(sink, {});
  ASSERT_TRUE(mailbox.listening());
  auto mailer = notify::MakeSmtpMailer({.url = sink.url(), .from = "Allmende <noreply@allmende.test>"});
  ASSERT_TRUE(mailer
                  ->Send({.id = "msg_1",
                          .recipient = "aino.virtanen@allmende.demo",
                          .subject = "Salasanan vaihto – Allmende",
                          .body = "Avaa linkki: http://127.0.0.1:8080/reset-password#token=abc\n"})
                  .ok());
  http::Router router;
  AddDemoMailboxRoutes(router, DemoConfig(mailbox.url()));

  auto about = Json(Get(router, "/api/v1/demo"));
  EXPECT_EQ(about.at("demo_mode"), true);
  EXPECT_EQ(about.at("mailbox"), true);

  auto list = Get(router, "/api/v1/demo/mailbox");
  auto items = Json(list).at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("subject").as_string(), "Salasanan vaihto – Allmende");
  EXPECT_EQ(items[0].at("to").as_string(), "aino.virtanen@allmende.demo");
  EXPECT_FALSE(items[0].as_object().contains("text"));
  bool no_store = false;
  for (const auto& [name, value] : list->headers) no_store |= name == "Cache-Control" && value == "no-store";
  EXPECT_TRUE(no_store);

  auto one = Json(Get(router, "/api/v1/demo/mailbox/" + std::string(items[0].at("id").as_string())));
  EXPECT_EQ(one.at("text").as_string(), "Avaa linkki: http://127.0.0.1:8080/reset-password#token=abc\n");
  EXPECT_EQ(one.at("from").as_string(), "Allmende <noreply@allmende.test>");
}

TEST(DemoMailbox, WithoutDemoModeThereIsNoMailboxEvenWithAUrl) {
  testing::SmtpSink sink;
  testing::MailboxHttp mailbox(sink, {});
  http::Router router;
  AddDemoMailboxRoutes(router, DemoConfig(mailbox.url(), /*demo_mode=*/false));
  auto about = Json(Get(router, "/api/v1/demo"));
  EXPECT_EQ(about.at("demo_mode"), false);
  EXPECT_EQ(about.at("mailbox"), false);
  auto list = Get(router, "/api/v1/demo/mailbox");
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().code, ErrorCode::kNotFound);
  auto one = Get(router, "/api/v1/demo/mailbox/1");
  ASSERT_FALSE(one.ok());
  EXPECT_EQ(one.error().code, ErrorCode::kNotFound);
}

TEST(DemoMailbox, DemoModeWithoutAMailboxSaysSo) {
  http::Router router;
  AddDemoMailboxRoutes(router, DemoConfig(""));
  auto about = Json(Get(router, "/api/v1/demo"));
  EXPECT_EQ(about.at("demo_mode"), true);
  EXPECT_EQ(about.at("mailbox"), false);
  EXPECT_EQ(Get(router, "/api/v1/demo/mailbox").error().code, ErrorCode::kNotFound);
}

TEST(DemoMailbox, MailboxThatIsNotRunningIsUnavailable) {
  http::Router router;
  AddDemoMailboxRoutes(router, DemoConfig("http://127.0.0.1:" + std::to_string(ClosedPort())));
  auto list = Get(router, "/api/v1/demo/mailbox");
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().code, ErrorCode::kUnavailable);
}

TEST(DemoMailbox, UnknownOrMalformedIdIsNotFoundAndNeverSentOn) {
  testing::SmtpSink sink;
  testing::MailboxHttp mailbox(sink, {});
  http::Router router;
  AddDemoMailboxRoutes(router, DemoConfig(mailbox.url()));
  for (const char* id : {"42", "reg_01JD3M5Q8Z4X9K2V7N6B5C4D3E", "..", "1?summary=true"}) {
    auto one = Get(router, std::string("/api/v1/demo/mailbox/") + id);
    ASSERT_FALSE(one.ok()) << id;
    EXPECT_EQ(one.error().code, ErrorCode::kNotFound) << id;
  }
}

TEST(DemoMailbox, TheModuleAddsEveryRouteAsPublic) {
  http::Router router;
  Config config = DemoConfig("");
  DemoModule(config).AddRoutes(router);
  ASSERT_EQ(router.Routes().size(), 3u);
  for (const auto& route : router.Routes()) EXPECT_EQ(route->options.access, http::Access::kPublic) << route->pattern;
}

TEST(DemoMailbox, MailboxUrlMustBeOnThisMachinesLoopback) {
  for (const char* good : {"http://127.0.0.1:8025", "http://localhost:8025/", "http://[::1]:1", ""}) {
    EXPECT_TRUE(LoadConfig("", {}, {{"demo.mailbox_url", good}}).ok()) << good;
  }
  for (const char* bad : {"http://10.0.0.1:8025", "https://127.0.0.1:8025", "http://127.0.0.1", "http://127.0.0.1:0",
                          "http://127.0.0.1:8025/messages", "http://127.0.0.1.attacker.example:80"}) {
    auto config = LoadConfig("", {}, {{"demo.mailbox_url", bad}});
    ASSERT_FALSE(config.ok()) << bad;
    EXPECT_NE(config.error().message.find("demo.mailbox_url"), std::string::npos);
  }
  auto env = LoadConfig("", {{"ALLMENDE_DEMO_MAILBOX_URL", "http://127.0.0.1:9/"}}, {});
  ASSERT_TRUE(env.ok());
  EXPECT_EQ(env->demo.mailbox_url, "http://127.0.0.1:9");
}

}  // namespace
}  // namespace allmende::demo
