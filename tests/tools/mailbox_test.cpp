// The allmende-mailbox program as `make run` starts it: the server's own SMTP mailer (libcurl)
// delivers to it, and what it received is read back over HTTP.
#include <arpa/inet.h>
#include <curl/curl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "notify/smtp_mailer.hpp"

namespace allmende::testing {
namespace {

using namespace std::chrono_literals;

struct HttpAnswer {
  long status = 0;
  std::string body;
};

std::size_t Collect(char* data, std::size_t size, std::size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

HttpAnswer Http(const std::string& method, const std::string& url, const std::vector<std::string>& headers = {}) {
  HttpAnswer answer;
  CURL* curl = curl_easy_init();
  curl_slist* list = nullptr;
  for (const auto& h : headers) list = curl_slist_append(list, h.c_str());
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, Collect);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &answer.body);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 5000L);
  curl_easy_setopt(curl, CURLOPT_NOPROXY, "*");
  if (curl_easy_perform(curl) == CURLE_OK) curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &answer.status);
  curl_slist_free_all(list);
  curl_easy_cleanup(curl);
  return answer;
}

// The real program on free ports; stopped with SIGTERM at the end.
class MailboxProgram {
 public:
  explicit MailboxProgram(std::vector<std::string> args = {}) {
    dir_ = std::filesystem::temp_directory_path() /
           ("allmende-mailbox-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter_));
    std::filesystem::create_directories(dir_);
    std::string port_file = (dir_ / "ports").string();
    args.insert(args.begin(), {ALLMENDE_MAILBOX_BINARY, "--port-file", port_file});
    pid_ = ::fork();
    if (pid_ == 0) {
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    auto deadline = std::chrono::steady_clock::now() + 20s;
    while (std::chrono::steady_clock::now() < deadline) {
      std::ifstream in(port_file);
      if (in >> smtp_port_ >> http_port_) return;
      std::this_thread::sleep_for(20ms);
    }
  }
  ~MailboxProgram() {
    if (pid_ > 0 && exit_code_ < 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    std::filesystem::remove_all(dir_);
  }

  bool started() const { return http_port_ > 0; }
  std::string smtp_url() const { return "smtp://127.0.0.1:" + std::to_string(smtp_port_); }
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(http_port_) + path; }
  int http_port() const { return http_port_; }

  // SIGTERM, then the exit code (-1 if it did not end within 10 s).
  int Stop() {
    ::kill(pid_, SIGTERM);
    auto deadline = std::chrono::steady_clock::now() + 10s;
    int status = 0;
    while (std::chrono::steady_clock::now() < deadline) {
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return exit_code_;
      }
      std::this_thread::sleep_for(20ms);
    }
    return -1;
  }

 private:
  static inline int counter_ = 0;
  std::filesystem::path dir_;
  pid_t pid_ = -1;
  int smtp_port_ = 0;
  int http_port_ = 0;
  int exit_code_ = -1;
};

Result<void> Send(const MailboxProgram& mailbox, const std::string& id, const std::string& to,
                  const std::string& subject, const std::string& body) {
  auto mailer = notify::MakeSmtpMailer({.url = mailbox.smtp_url(), .from = "Allmende <noreply@allmende.test>"});
  return mailer->Send({.id = id, .recipient = to, .subject = subject, .body = body});
}

boost::json::array Items(const HttpAnswer& answer) { return boost::json::parse(answer.body).at("items").as_array(); }

TEST(Mailbox, MessageSentOverSmtpIsServedDecodedNewestFirst) {
  MailboxProgram mailbox;
  ASSERT_TRUE(mailbox.started());
  // A line that is only a dot and one starting with dots: SMTP escapes both on the way.
  const std::string body =
      "Hei Aino,\n\nAvaa linkki: http://127.0.0.1:8080/reset-password#token=abc\n.\n..piste\nÄäkkönen\n";
  ASSERT_TRUE(Send(mailbox, "msg_1", "aino.virtanen@allmende.demo", "Salasanan vaihto – Allmende", body).ok());
  ASSERT_TRUE(Send(mailbox, "msg_2", "Ebba Lindqvist <ebba.lindqvist@allmende.demo>", "Välkommen", "Hej!\n").ok());

  auto answer = Http("GET", mailbox.url("/messages"));
  ASSERT_EQ(answer.status, 200) << answer.body;
  auto items = Items(answer);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("subject").as_string(), "Välkommen");
  EXPECT_EQ(items[0].at("to").as_string(), "Ebba Lindqvist <ebba.lindqvist@allmende.demo>");
  const auto& reset = items[1].as_object();
  EXPECT_EQ(reset.at("subject").as_string(), "Salasanan vaihto – Allmende");
  EXPECT_EQ(reset.at("to").as_string(), "aino.virtanen@allmende.demo");
  EXPECT_EQ(reset.at("from").as_string(), "Allmende <noreply@allmende.test>");
  EXPECT_EQ(reset.at("text").as_string(), body);
  EXPECT_EQ(reset.at("received_at").as_string().size(), std::string("2025-01-01T00:00:00Z").size());
  EXPECT_NE(reset.at("id"), items[0].at("id"));
}

TEST(Mailbox, SummaryLeavesTheTextOutAndLimitTakesTheNewest) {
  MailboxProgram mailbox;
  ASSERT_TRUE(mailbox.started());
  for (int i = 1; i <= 3; ++i)
    ASSERT_TRUE(Send(mailbox, "msg_" + std::to_string(i), "a@b.test", "n" + std::to_string(i), "x\n").ok());
  auto items = Items(Http("GET", mailbox.url("/messages?summary=true&limit=2")));
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("subject").as_string(), "n3");
  EXPECT_EQ(items[1].at("subject").as_string(), "n2");
  EXPECT_FALSE(items[0].as_object().contains("text"));
  EXPECT_EQ(Http("GET", mailbox.url("/messages?limit=0")).status, 400);
}

TEST(Mailbox, OneMessageByItsIdAndAnUnknownIdIsNotFound) {
  MailboxProgram mailbox;
  ASSERT_TRUE(mailbox.started());
  ASSERT_TRUE(Send(mailbox, "msg_1", "a@b.test", "Kutsu", "Tervetuloa\n").ok());
  std::string id(Items(Http("GET", mailbox.url("/messages")))[0].at("id").as_string());
  auto one = Http("GET", mailbox.url("/messages/" + id));
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(boost::json::parse(one.body).at("text").as_string(), "Tervetuloa\n");
  EXPECT_EQ(Http("GET", mailbox.url("/messages/999")).status, 404);
  EXPECT_EQ(Http("GET", mailbox.url("/messages/abc")).status, 404);
}

TEST(Mailbox, DeleteForgetsEveryMessage) {
  MailboxProgram mailbox;
  ASSERT_TRUE(mailbox.started());
  ASSERT_TRUE(Send(mailbox, "msg_1", "a@b.test", "one", "x\n").ok());
  EXPECT_EQ(Http("DELETE", mailbox.url("/messages")).status, 204);
  EXPECT_TRUE(Items(Http("GET", mailbox.url("/messages"))).empty());
  EXPECT_EQ(Http("POST", mailbox.url("/messages")).status, 405);
}

TEST(Mailbox, KeepsOnlyTheNewestMessagesBeyondItsLimit) {
  MailboxProgram mailbox({"--max-messages", "2"});
  ASSERT_TRUE(mailbox.started());
  for (int i = 1; i <= 3; ++i)
    ASSERT_TRUE(Send(mailbox, "msg_" + std::to_string(i), "a@b.test", "n" + std::to_string(i), "x\n").ok());
  auto items = Items(Http("GET", mailbox.url("/messages")));
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("subject").as_string(), "n3");
  EXPECT_EQ(items[1].at("subject").as_string(), "n2");
}

TEST(Mailbox, OversizedMessageIsRefusedForGoodAndNotKept) {
  MailboxProgram mailbox({"--max-message-bytes", "2048"});
  ASSERT_TRUE(mailbox.started());
  auto sent = Send(mailbox, "msg_big", "a@b.test", "big", std::string(5000, 'x') + "\n");
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().code, ErrorCode::kInvalidArgument);  // 552: the mailer does not retry it
  EXPECT_TRUE(Send(mailbox, "msg_small", "a@b.test", "small", "x\n").ok());
  auto items = Items(Http("GET", mailbox.url("/messages")));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("subject").as_string(), "small");
}

TEST(Mailbox, RequestForAnotherHostIsRefused) {
  MailboxProgram mailbox;
  ASSERT_TRUE(mailbox.started());
  EXPECT_EQ(Http("GET", mailbox.url("/messages"), {"Host: mailbox.attacker.example"}).status, 403);
  EXPECT_EQ(Http("GET", mailbox.url("/messages"), {"Host: localhost:" + std::to_string(mailbox.http_port())}).status,
            200);
}

TEST(Mailbox, ClientThatNeverFinishesItsRequestIsCutOffAtTheDeadline) {
  MailboxProgram mailbox;
  ASSERT_TRUE(mailbox.started());
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<std::uint16_t>(mailbox.http_port()));
  ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  std::string partial = "GET /messages HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  ASSERT_EQ(::send(fd, partial.data(), partial.size(), 0), static_cast<ssize_t>(partial.size()));
  auto start = std::chrono::steady_clock::now();
  std::string answer;
  char buf[1024];
  timeval limit{10, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) answer.append(buf, static_cast<std::size_t>(n));
  ::close(fd);
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 408")) << answer;
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
  EXPECT_EQ(Http("GET", mailbox.url("/messages")).status, 200);  // and the next one is served
}

TEST(Mailbox, StopsCleanlyOnSigterm) {
  MailboxProgram mailbox;
  ASSERT_TRUE(mailbox.started());
  EXPECT_EQ(mailbox.Stop(), 0);
}

}  // namespace
}  // namespace allmende::testing
