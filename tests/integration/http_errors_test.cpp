// Every error the HTTP layer can give, checked on the real server: status, content type, body.
#include <chrono>
#include <thread>

#include "problem_assertions.hpp"
#include "server_harness.hpp"

namespace allmende::testing {
namespace {

class HttpErrorsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer({.args = {"--set", "server.header_timeout_ms=1000", "--set", "server.body_timeout_ms=1000",
                                       "--set", "server.idle_timeout_ms=1500", "--set", "server.header_limit=8192"}});
    ASSERT_TRUE(server_->started());
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  int port() const { return server_->port(); }
  std::vector<std::pair<std::string, std::string>> Admin() const {
    return {{"Authorization", std::string("Bearer ") + kAdminToken}};
  }
  static TestServer* server_;
};
TestServer* HttpErrorsTest::server_ = nullptr;

TEST_F(HttpErrorsTest, MalformedHttpIs400AndClosesTheConnection) {
  HttpConnection c(port());
  ASSERT_TRUE(c.Send("THIS IS NOT HTTP\r\n\r\n"));
  auto r = c.Read();
  auto problem = ExpectProblem(r, 400);
  EXPECT_NE(std::string(problem["detail"].as_string()).find("Malformed HTTP"), std::string::npos);
  EXPECT_EQ(r->Header("connection"), "close");
  EXPECT_TRUE(c.WaitForClose(std::chrono::seconds(2)));
}

TEST_F(HttpErrorsTest, BadHeaderSyntaxIs400) {
  HttpConnection c(port());
  ASSERT_TRUE(c.Send("GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header Without Colon\r\n\r\n"));
  ExpectProblem(c.Read(), 400);
}

TEST_F(HttpErrorsTest, InvalidJsonIs400WithThePosition) {
  auto r = server_->PostJson("/api/v1/regions", "{\"code\": \"x\",\n \"name\": tru}", Admin());
  auto problem = ExpectProblem(r, 400);
  std::string detail(problem["detail"].as_string());
  EXPECT_NE(detail.find("line 2"), std::string::npos) << detail;
  EXPECT_NE(detail.find("column"), std::string::npos) << detail;
}

TEST_F(HttpErrorsTest, WrongTypeAndMissingFieldsAre422NamingEachField) {
  auto r = server_->PostJson("/api/v1/regions", R"({"code": 42, "country": "FI"})", Admin());
  auto problem = ExpectProblem(r, 422);
  EXPECT_EQ(FieldErrors(problem), (std::vector<std::string>{"code: must be a string", "name: is required"}));
}

TEST_F(HttpErrorsTest, NonObjectBodyIs422) {
  auto problem = ExpectProblem(server_->PostJson("/api/v1/regions", "[1, 2]", Admin()), 422);
  EXPECT_EQ(FieldErrors(problem).at(0), "$: must be a JSON object");
}

TEST_F(HttpErrorsTest, BodyOverTheRouteLimitIs413WithoutReadingIt) {
  std::string big(64 * 1024, ' ');  // the regions route accepts 16 KiB
  auto r = server_->PostJson("/api/v1/regions", "{" + big + "}", Admin());
  auto problem = ExpectProblem(r, 413);
  EXPECT_NE(std::string(problem["detail"].as_string()).find("16384"), std::string::npos);
}

TEST_F(HttpErrorsTest, BodyOverTheGlobalLimitAnnouncedWithExpectContinueIs413AndNeverInvited) {
  // curl sends `Expect: 100-continue` for bodies over 1 MB and waits for the server's word.
  HttpConnection c(port());
  ASSERT_TRUE(c.Send(std::string("POST /api/v1/regions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n") +
                     "Authorization: Bearer " + kAdminToken + "\r\nContent-Length: " + std::to_string(5 * 1024 * 1024) +
                     "\r\nExpect: 100-continue\r\n\r\n"));
  auto r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_NE(r->status, 100) << "the body is refused before it is sent";
  ExpectProblem(r, 413);
}

TEST_F(HttpErrorsTest, ChunkedBodyOverTheLimitIs413) {
  HttpConnection c(port());
  std::string chunk(20000, 'x');
  char size[16];
  std::snprintf(size, sizeof size, "%zx", chunk.size());
  ASSERT_TRUE(c.Send(std::string("POST /api/v1/regions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n") +
                     "Authorization: Bearer " + kAdminToken + "\r\nTransfer-Encoding: chunked\r\n\r\n" + size + "\r\n" +
                     chunk + "\r\n0\r\n\r\n"));
  ExpectProblem(c.Read(), 413);
}

TEST_F(HttpErrorsTest, WrongContentTypeIs415) {
  auto r = Fetch(port(), "POST", "/api/v1/regions", {{"Content-Type", "text/plain"}, Admin()[0]}, "{}");
  auto problem = ExpectProblem(r, 415);
  EXPECT_NE(std::string(problem["detail"].as_string()).find("application/json"), std::string::npos);
}

TEST_F(HttpErrorsTest, JsonWithCharsetIsAccepted) {
  auto r =
      Fetch(port(), "POST", "/api/v1/regions", {{"Content-Type", "application/json; charset=utf-8"}, Admin()[0]}, "{}");
  ExpectProblem(r, 422);  // reaches validation, so the media type was accepted
}

TEST_F(HttpErrorsTest, UnknownApiRouteIs404) {
  auto problem = ExpectProblem(server_->Get("/api/v1/no-such-thing"), 404);
  EXPECT_EQ(problem["instance"].as_string(), "/api/v1/no-such-thing");
}

TEST_F(HttpErrorsTest, MissingStaticFileIs404ButDeepLinksGetTheApp) {
  ExpectProblem(server_->Get("/assets/gone-1234.js"), 404);
  auto deep = server_->Get("/profile/sessions");
  ASSERT_TRUE(deep);
  EXPECT_EQ(deep->status, 200);
  EXPECT_EQ(deep->Header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(deep->Header("cache-control"), "no-cache");
}

TEST_F(HttpErrorsTest, WrongMethodIs405WithAllow) {
  auto r = Fetch(port(), "DELETE", "/api/v1/regions");
  ExpectProblem(r, 405);
  EXPECT_EQ(r->Header("allow"), "GET, POST");
}

TEST_F(HttpErrorsTest, MissingCredentialsIs401AndWrongTokenIs401) {
  ExpectProblem(server_->PostJson("/api/v1/regions", R"({"code":"x1","name":"X","country":"FI"})"), 401);
  ExpectProblem(server_->PostJson("/api/v1/regions", R"({"code":"x1","name":"X","country":"FI"})",
                                  {{"Authorization", "Bearer wrong"}}),
                401);
}

TEST_F(HttpErrorsTest, OversizedHeadersAre431) {
  HttpConnection c(port());
  ASSERT_TRUE(c.Send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(10000, 'a') + "\r\n\r\n"));
  ExpectProblem(c.Read(), 431);
}

TEST_F(HttpErrorsTest, SlowHeadersAreCutOffAtTheDeadline) {
  HttpConnection c(port());
  const std::string request =
      "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + std::string(100, 'a') + "\r\n\r\n";
  auto start = std::chrono::steady_clock::now();
  bool cut = false;
  // One byte every 50 ms would take over 7 s; the head deadline is 1 s.
  for (char ch : request) {
    if (c.Readable()) break;  // the server has answered
    if (!c.Send(std::string(1, ch))) {
      cut = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (std::chrono::steady_clock::now() - start > std::chrono::seconds(4)) break;
  }
  auto r = c.Read(std::chrono::seconds(2));
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_FALSE(cut) << "the server should answer, not reset";
  ExpectProblem(r, 408);
  EXPECT_LT(elapsed, std::chrono::milliseconds(3500));
}

TEST_F(HttpErrorsTest, SlowBodyIs408) {
  HttpConnection c(port());
  ASSERT_TRUE(c.Send(std::string("POST /api/v1/regions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n") +
                     "Content-Length: 100\r\n\r\n{\"code\":"));
  ExpectProblem(c.Read(std::chrono::seconds(5)), 408);
}

TEST_F(HttpErrorsTest, IdleKeepAliveConnectionIsClosed) {
  HttpConnection c(port());
  auto r = c.Request("GET", "/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_TRUE(c.WaitForClose(std::chrono::seconds(4)));
}

TEST_F(HttpErrorsTest, ErrorsKeepTheConnectionUsableWhenTheBodyWasRead) {
  HttpConnection c(port());
  auto first = c.Request("POST", "/api/v1/auth/password-reset", {{"Content-Type", "application/json"}}, "{bad");
  ExpectProblem(first, 400);
  auto second = c.Request("GET", "/healthz");
  ASSERT_TRUE(second);
  EXPECT_EQ(second->status, 200);
}

TEST(HttpInternalErrorTest, InternalFailureIs500WithRequestIdAndNoSql) {
  TestServer server;
  ASSERT_TRUE(server.started());
  ASSERT_EQ(server.Get("/api/v1/regions")->status, 200);
  // Break the schema under the running server: every query on regions now fails in the database.
  ASSERT_EQ(server.database().Execute("ALTER TABLE regions RENAME TO regions_gone"), "");
  auto r = server.Get("/api/v1/regions");
  auto problem = ExpectProblem(r, 500);
  std::string body = r->body;
  EXPECT_EQ(body.find("no such table"), std::string::npos) << body;  // no database message, no SQL
  EXPECT_EQ(body.find("SELECT"), std::string::npos) << body;
  EXPECT_EQ(body.find("sqlite"), std::string::npos) << body;
  EXPECT_EQ(body.find("relation"), std::string::npos) << body;
  EXPECT_NE(std::string(problem["detail"].as_string()).find(r->Header("x-request-id")), std::string::npos);
  // The operator finds the cause in the log under the same request id.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (server.Output().find("handler_failed") == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::string log = server.Output();
  auto at = log.find("\"event\":\"handler_failed\",\"request_id\":\"" + r->Header("x-request-id") + "\"");
  EXPECT_NE(at, std::string::npos) << log;
}

}  // namespace
}  // namespace allmende::testing
