// Delegations over real HTTP on the demo world: a client's grant e-mails an invitation and
// answers the same for any address; the person it was sent to accepts with the link, signed in
// or by creating an account; the client sees and withdraws what is waiting.
#include <algorithm>
#include <barrier>
#include <map>
#include <thread>

#include "demo_world.hpp"
#include "problem_assertions.hpp"
#include "smtp_sink.hpp"

namespace allmende::testing {
namespace {

class DelegationsApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    world_ = std::make_unique<DemoWorld>(
        true, std::vector<std::string>{"--set", "mail.smtp_url=" + sink_.url(), "--set", "mail.poll_ms=50"});
    ASSERT_TRUE(world_->server().started());
    aino_ = world_->SignIn("aino.virtanen");
  }

  std::optional<HttpResponse> Grant(const Session& s, const std::string& email, const std::string& scope = "all") {
    return world_->Call(s, "POST", "/api/v1/me/delegations",
                        R"({"delegate_email":")" + email + R"(","scope":")" + scope + "\"}");
  }
  boost::json::object Mine(const Session& s) {
    auto r = world_->Call(s, "GET", "/api/v1/me/delegations");
    EXPECT_EQ(r->status, 200) << r->body;
    return boost::json::parse(r->body).as_object();
  }
  // The text of the newest e-mail to `to` that carries a delegation link (headers left out),
  // waiting for it to arrive.
  std::string MailTo(const std::string& to) {
    std::string text;
    Eventually(
        [&] {
          for (const auto& m : sink_.Messages()) {
            if (m.to.at(0) != to || m.data.find("/delegation#token=") == std::string::npos) continue;
            text = m.data.substr(m.data.find("\r\n\r\n") + 4);
          }
          return !text.empty();
        },
        std::chrono::seconds(10));
    return text;
  }
  std::string LinkTokenFor(const std::string& to) {
    std::string text = MailTo(to);
    auto at = text.find("#token=");
    return at == std::string::npos ? "" : text.substr(at + 7, 43);
  }
  std::optional<HttpResponse> AcceptSignedIn(const Session& s, const std::string& token) {
    return world_->Call(s, "POST", "/api/v1/delegations/accept", R"({"token":")" + token + "\"}");
  }
  std::optional<HttpResponse> AcceptAsNewcomer(const std::string& token, const std::string& name,
                                               const std::string& password) {
    return world_->server().PostJson("/api/v1/delegations/accept", R"({"token":")" + token + R"(","name":")" + name +
                                                                       R"(","password":")" + password + "\"}");
  }

  SmtpSink sink_;
  std::unique_ptr<DemoWorld> world_;
  Session aino_;
};

TEST_F(DelegationsApiTest, AGrantAnswersTheSameWhetherTheAddressHasAnAccountOrWorksInTheRegion) {
  // Ebba has an account, Sari works in Aino's region, nobody has the third address.
  std::vector<std::map<std::string, std::string>> answers;
  std::vector<std::string> mails;
  for (std::string email : {"ebba.lindqvist@allmende.demo", "sari.tilaaja@allmende.demo", "uusi.ihminen@example.fi"}) {
    auto r = Grant(aino_, email, "services");
    ASSERT_EQ(r->status, 201) << r->body;
    std::map<std::string, std::string> answer;
    boost::json::value doc = boost::json::parse(r->body);
    for (const auto& [k, v] : doc.as_object()) answer[std::string(k)] = boost::json::serialize(v);
    EXPECT_EQ(answer["delegate_email"], "\"" + email + "\"");
    EXPECT_EQ(answer["status"], "\"pending\"");
    for (auto differs : {"id", "created_at", "expires_at", "delegate_email"}) answer.erase(differs);
    answers.push_back(answer);
    std::string mail = MailTo(email);
    ASSERT_NE(mail.find("Aino Virtanen kutsuu sinut"), std::string::npos) << "in Aino's language: " << mail;
    mail.replace(mail.find("#token=") + 7, 43, "TOKEN");
    mails.push_back(mail);
  }
  EXPECT_EQ(answers[1], answers[0]);
  EXPECT_EQ(answers[2], answers[0]);
  EXPECT_EQ(mails[1], mails[0]);
  EXPECT_EQ(mails[2], mails[0]);

  auto mine = Mine(aino_);
  EXPECT_EQ(mine["pending"].as_array().size(), 3u);
  EXPECT_TRUE(mine["may_grant"].as_bool());
  // Nothing is granted until someone opens a link.
  EXPECT_EQ(world_->db().Execute("SELECT count(*) FROM delegations WHERE client_id = '" +
                                 world_->UserId("aino.virtanen") + "'"),
            "1");  // Liisa's, from the demo
}

TEST_F(DelegationsApiTest, SomeoneWhoIsNobodysClientCannotGrant) {
  // Liisa acts for Aino, but has no client record of her own.
  Session liisa = world_->SignIn("liisa.virtanen");
  ExpectProblem(Grant(liisa, "someone@example.fi"), 403);
  EXPECT_FALSE(Mine(liisa)["may_grant"].as_bool());
  EXPECT_EQ(world_->db().Execute("SELECT count(*) FROM outbox_messages WHERE recipient = 'someone@example.fi'"), "0");
  EXPECT_EQ(world_->db().Execute("SELECT count(*) FROM delegation_invitations"), "0");
}

TEST_F(DelegationsApiTest, ANewcomerAcceptsOnceEvenWhenTheLinkIsUsedTwiceAtOnce) {
  ASSERT_EQ(Grant(aino_, "matti.virtanen@example.fi")->status, 201);
  std::string token = LinkTokenFor("matti.virtanen@example.fi");
  ASSERT_EQ(token.size(), 43u);
  std::barrier start(2);
  std::vector<int> statuses(2);
  auto accept = [&](std::size_t i) {
    start.arrive_and_wait();
    statuses[i] = AcceptAsNewcomer(token, "Matti Virtanen", "mökin-laituri-kesäyö-" + std::to_string(i))->status;
  };
  std::thread a(accept, 0), b(accept, 1);
  a.join();
  b.join();
  std::sort(statuses.begin(), statuses.end());
  EXPECT_EQ(statuses, (std::vector<int>{201, 409}));

  // The account exists with one of the two passwords; Matti acts for Aino.
  Session matti;
  for (int i = 0; i < 2 && matti.cookie.empty(); ++i) {
    auto r = world_->LogIn("matti.virtanen@example.fi", "mökin-laituri-kesäyö-" + std::to_string(i));
    if (r && r->status == 200) matti = DemoWorld::SessionOf(r);
  }
  ASSERT_FALSE(matti.cookie.empty());
  auto received = Mine(matti)["received"].as_array();
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0].at("client_name").as_string(), "Aino Virtanen");
  EXPECT_TRUE(received[0].at("active").as_bool());
  auto mine = Mine(aino_);
  EXPECT_TRUE(mine["pending"].as_array().empty());

  // Aino ends it; it ends at once.
  std::string id(received[0].at("id").as_string());
  EXPECT_EQ(world_->Call(aino_, "DELETE", "/api/v1/me/delegations/" + id)->status, 204);
  EXPECT_FALSE(Mine(matti)["received"].as_array()[0].at("active").as_bool());
}

TEST_F(DelegationsApiTest, OnlyTheInvitedAccountAcceptsAndAnAdvisorCannotMakeRegionStaffADelegate) {
  ASSERT_EQ(Grant(aino_, "ebba.lindqvist@allmende.demo")->status, 201);
  std::string token = LinkTokenFor("ebba.lindqvist@allmende.demo");
  ExpectProblem(AcceptSignedIn(world_->SignIn("liisa.virtanen"), token), 403);
  auto accepted = AcceptSignedIn(world_->SignIn("ebba.lindqvist"), token);
  ASSERT_EQ(accepted->status, 201) << accepted->body;
  EXPECT_EQ(boost::json::parse(accepted->body).at("client_name").as_string(), "Aino Virtanen");
  EXPECT_EQ(world_->db().Execute("SELECT count(*) FROM access_log WHERE action = 'delegation.accept'"), "1");

  // Mikko's invitation on Aino's behalf answers like any other, and is refused when Sari, who
  // works in Aino's region, opens it.
  Session mikko = world_->SignIn("mikko.neuvoja");
  auto invited = world_->Call(mikko, "POST", "/api/v1/clients/" + world_->UserId("aino.virtanen") + "/delegations",
                              R"({"delegate_email":"sari.tilaaja@allmende.demo","scope":"services"})");
  ASSERT_EQ(invited->status, 201) << invited->body;
  auto refused =
      ExpectProblem(AcceptSignedIn(world_->SignIn("sari.tilaaja"), LinkTokenFor("sari.tilaaja@allmende.demo")), 403);
  EXPECT_NE(std::string(refused["detail"].as_string()).find("Ask Aino Virtanen to invite you"), std::string::npos)
      << refused["detail"];
}

TEST_F(DelegationsApiTest, AWithdrawnInvitationsLinkNoLongerWorks) {
  auto r = Grant(aino_, "pekka@example.fi", "access_log");
  ASSERT_EQ(r->status, 201);
  std::string id(boost::json::parse(r->body).at("id").as_string());
  std::string token = LinkTokenFor("pekka@example.fi");
  ExpectProblem(world_->Call(world_->SignIn("liisa.virtanen"), "DELETE", "/api/v1/me/delegation-invitations/" + id),
                404);
  EXPECT_EQ(world_->Call(aino_, "DELETE", "/api/v1/me/delegation-invitations/" + id)->status, 204);
  EXPECT_TRUE(Mine(aino_)["pending"].as_array().empty());
  ExpectProblem(world_->Call(aino_, "DELETE", "/api/v1/me/delegation-invitations/" + id), 409);
  ExpectProblem(AcceptAsNewcomer(token, "Pekka", "kesä-mökki-järvi-sauna"), 409);
}

TEST_F(DelegationsApiTest, AcceptingWhileADelegationIsActiveNamesIt) {
  // The demo data has Liisa acting for Aino already.
  ASSERT_EQ(Grant(aino_, "liisa.virtanen@allmende.demo", "services")->status, 201);
  auto again = ExpectProblem(
      AcceptSignedIn(world_->SignIn("liisa.virtanen"), LinkTokenFor("liisa.virtanen@allmende.demo")), 409);
  EXPECT_NE(std::string(again["detail"].as_string()).find("You can already act for Aino Virtanen"), std::string::npos)
      << again["detail"];
}

}  // namespace
}  // namespace allmende::testing
