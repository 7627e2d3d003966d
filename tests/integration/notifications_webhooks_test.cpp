// In-app notifications and signed webhooks over HTTP on the demo region: an order Sari places
// reaches Jussi's bell (and only the staff who answer offers), his acceptance reaches Aino's and
// Sari's, read marks are per person; Jussi's webhook receiver (a real HTTP server in the test)
// gets each change signed with the secret shown once, a failing receiver ends in the dead-letter
// list after the configured attempts, and a replay delivers it.
#include <gtest/gtest.h>
#include <sodium.h>

#include <boost/json.hpp>
#include <ctime>
#include <thread>

#include "api_helpers.hpp"
#include "demo_world.hpp"
#include "problem_assertions.hpp"
#include "webhook_receiver.hpp"

namespace allmende::testing {
namespace {

namespace json = boost::json;

// Checks "t=…,v1=…" against the body as the receiver's developers would: HMAC-SHA256 of
// "<t>.<body>" with the secret, compared in constant time.
bool SignatureValid(const std::string& header, const std::string& body, const std::string& secret) {
  auto comma = header.find(",v1=");
  if (!header.starts_with("t=") || comma == std::string::npos) return false;
  const std::string t = header.substr(2, comma - 2), v1 = header.substr(comma + 4);
  const std::string signed_text = t + "." + body;
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(secret.data()), secret.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(signed_text.data()), signed_text.size());
  crypto_auth_hmacsha256_final(&st, mac);
  char hex[sizeof mac * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return v1.size() == sizeof mac * 2 && sodium_memcmp(hex, v1.data(), v1.size()) == 0;
}

void ExpectFieldError(const std::optional<HttpResponse>& r, int status, const std::string& field) {
  ExpectProblem(r, status);
  if (r) ExpectProblemField(*r, field);
}

class NotificationsWebhooksTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new DemoWorld(true, std::vector<std::string>{"--set", "webhooks.allow_local_targets=true", "--set",
                                                          "webhooks.retry_base_ms=100", "--set",
                                                          "webhooks.max_attempts=3", "--set", "webhooks.poll_ms=50"});
    aino_id_ = world_->UserId("aino.virtanen");
    welfare_ = world_->OrgId("Pirkanmaan hyvinvointialue");
    provider_ = world_->OrgId("Hervannan Kotisiivous Oy");
    for (auto name : {"aino.virtanen", "sari.tilaaja", "jussi.siivous", "aleksi.tyontekija", "hanna.vapaaehtoinen",
                      "outi.koordinaattori"}) {
      sessions_[name] = world_->SignIn(name);
    }
  }
  static void TearDownTestSuite() {
    delete world_;
    world_ = nullptr;
  }
  static std::optional<HttpResponse> As(const std::string& who, const std::string& method, const std::string& path,
                                        const std::string& body = "",
                                        std::vector<std::pair<std::string, std::string>> headers = {}) {
    return world_->Call(sessions_.at(who), method, path, body, std::move(headers));
  }
  static std::int64_t Unread(const std::string& who) {
    return Body(As(who, "GET", "/api/v1/notifications/unread-count"), 200)["unread_count"].as_int64();
  }
  // Sari's one-off cleaning for Aino, on her voucher: offered to Jussi's company first.
  static std::string PlaceOrder() {
    auto grants = Body(As("aino.virtanen", "GET", "/api/v1/clients/" + aino_id_ + "/grants"), 200);
    std::string voucher;
    for (const auto& g : grants["items"].as_array()) {
      if (g.at("kind").as_string() == "voucher") voucher = std::string(g.at("id").as_string());
    }
    const std::string body =
        R"({"client_id":")" + aino_id_ + R"(","origin":"purchaser","purchaser_id":")" + welfare_ +
        R"(","category":"cleaning","municipality_code":"fi-837","district_code":"fi-837-hervanta",)"
        R"("language":"fi","needs":"Kaksio","address":"Insinöörinkatu 48 B 17, 33720 Tampere",)"
        R"("duration_minutes":120,"grants":[")" +
        voucher + R"("],"schedule":{"start_date":")" + DaysAhead(3) +
        R"(","window_start":"10:00","window_end":"12:00"}})";
    auto order = Body(As("sari.tilaaja", "POST", "/api/v1/orders", body), 201);
    EXPECT_EQ(order["state"].as_string(), "offered");
    return std::string(order["id"].as_string());
  }
  static std::vector<json::object> Items(const std::string& who, const std::string& query = "") {
    auto page = Body(As(who, "GET", "/api/v1/notifications" + query), 200);
    std::vector<json::object> out;
    for (const auto& i : page["items"].as_array()) out.push_back(i.as_object());
    return out;
  }

  static DemoWorld* world_;
  static std::map<std::string, Session> sessions_;
  static std::string aino_id_, welfare_, provider_;
};

DemoWorld* NotificationsWebhooksTest::world_ = nullptr;
std::map<std::string, Session> NotificationsWebhooksTest::sessions_;
std::string NotificationsWebhooksTest::aino_id_, NotificationsWebhooksTest::welfare_,
    NotificationsWebhooksTest::provider_;

TEST_F(NotificationsWebhooksTest, AnOrderReachesTheRightBellsAndReadMarksArePerPerson) {
  const std::int64_t jussi_before = Unread("jussi.siivous");
  const std::int64_t aleksi_before = Unread("aleksi.tyontekija");
  const std::int64_t hanna_before = Unread("hanna.vapaaehtoinen");
  const std::string id = PlaceOrder();

  // The offer reaches the provider's admin, not its worker or another provider, and names no one.
  EXPECT_EQ(Unread("jussi.siivous"), jussi_before + 1);
  EXPECT_EQ(Unread("aleksi.tyontekija"), aleksi_before);
  EXPECT_EQ(Unread("hanna.vapaaehtoinen"), hanna_before);
  auto items = Items("jussi.siivous", "?unread=true");
  ASSERT_FALSE(items.empty());
  const auto offer = items.front();
  EXPECT_EQ(offer.at("kind").as_string(), "order.offered");
  EXPECT_EQ(offer.at("subject_id").as_string(), id);
  EXPECT_FALSE(offer.at("read").as_bool());
  const std::string data = json::serialize(offer.at("data"));
  EXPECT_EQ(offer.at("data").at("category").as_string(), "cleaning");
  EXPECT_TRUE(offer.at("data").as_object().contains("deadline"));
  for (const char* secret : {"Aino", "Virtanen", "Insinöörinkatu", "Kaksio", aino_id_.c_str()}) {
    EXPECT_EQ(data.find(secret), std::string::npos) << secret << " in " << data;
  }

  // Jussi accepts: Aino and Sari hear of it, Jussi does not hear of his own step.
  const std::int64_t aino_before = Unread("aino.virtanen"), sari_before = Unread("sari.tilaaja");
  const std::int64_t jussi_now = Unread("jussi.siivous");
  Body(As("jussi.siivous", "POST", "/api/v1/orders/" + id + "/accept"), 200);
  EXPECT_EQ(Unread("aino.virtanen"), aino_before + 1);
  EXPECT_EQ(Unread("sari.tilaaja"), sari_before + 1);
  EXPECT_EQ(Unread("jussi.siivous"), jussi_now)
      << json::serialize(Body(As("jussi.siivous", "GET", "/api/v1/notifications?limit=3"), 200));
  auto aino_items = Items("aino.virtanen", "?limit=1");
  ASSERT_EQ(aino_items.size(), 1u);
  EXPECT_EQ(aino_items[0].at("kind").as_string(), "order.accepted");
  EXPECT_EQ(aino_items[0].at("data").at("provider_name").as_string(), "Hervannan Kotisiivous Oy");

  // Read marks are per person: Jussi reads the offer, Aino's and Sari's counts do not move.
  auto read = Body(As("jussi.siivous", "POST", "/api/v1/notifications/read",
                      R"({"ids":[")" + std::string(offer.at("id").as_string()) + R"("]})"),
                   200);
  EXPECT_EQ(read["unread_count"].as_int64(), jussi_now - 1);
  EXPECT_EQ(Unread("aino.virtanen"), aino_before + 1);
  // Someone else's notification cannot be marked by Hanna (it is simply not hers).
  Body(As("hanna.vapaaehtoinen", "POST", "/api/v1/notifications/read",
          R"({"ids":[")" + std::string(aino_items[0].at("id").as_string()) + R"("]})"),
       200);
  EXPECT_EQ(Unread("aino.virtanen"), aino_before + 1);
  // A message from Aino reaches Jussi's company and the coordinators, not Aino.
  const std::int64_t outi_before = Unread("outi.koordinaattori");
  const std::int64_t aino_now = Unread("aino.virtanen");
  Body(As("aino.virtanen", "POST", "/api/v1/orders/" + id + "/messages", R"({"body":"Ovikoodi muuttui"})"), 201);
  EXPECT_EQ(Unread("aino.virtanen"), aino_now);
  EXPECT_EQ(Unread("outi.koordinaattori"), outi_before + 1);
  auto jussi_items = Items("jussi.siivous", "?unread=true&limit=1");
  ASSERT_EQ(jussi_items.size(), 1u);
  EXPECT_EQ(jussi_items[0].at("kind").as_string(), "order.message");
  EXPECT_EQ(json::serialize(jussi_items[0].at("data")).find("Ovikoodi"), std::string::npos);

  // Mark all: nothing unread; the list still has them, read.
  EXPECT_EQ(Body(As("aino.virtanen", "POST", "/api/v1/notifications/read", R"({"all":true})"), 200)["unread_count"]
                .as_int64(),
            0);
  EXPECT_EQ(Unread("aino.virtanen"), 0);
  EXPECT_TRUE(Items("aino.virtanen", "?unread=true").empty());
  EXPECT_TRUE(Items("aino.virtanen").front().at("read").as_bool());
}

TEST_F(NotificationsWebhooksTest, PagesWalkWithoutDuplicatesOrGapsAndBadInputIsNamed) {
  PlaceOrder();
  PlaceOrder();
  auto all = Items("jussi.siivous", "?limit=100");
  ASSERT_GE(all.size(), 2u);
  std::vector<std::string> walked;
  std::string cursor;
  for (int i = 0; i < 200; ++i) {
    auto page = Body(
        As("jussi.siivous", "GET", "/api/v1/notifications?limit=1" + (cursor.empty() ? "" : "&cursor=" + cursor)), 200);
    for (const auto& item : page["items"].as_array()) walked.emplace_back(item.at("id").as_string());
    if (page["next_cursor"].is_null()) break;
    cursor = std::string(page["next_cursor"].as_string());
  }
  ASSERT_EQ(walked.size(), all.size());
  for (std::size_t i = 0; i < all.size(); ++i) EXPECT_EQ(walked[i], all[i].at("id").as_string());

  ExpectFieldError(As("jussi.siivous", "GET", "/api/v1/notifications?cursor=nonsense"), 422, "cursor");
  ExpectFieldError(As("jussi.siivous", "GET", "/api/v1/notifications?unread=maybe"), 422, "unread");
  ExpectFieldError(As("jussi.siivous", "POST", "/api/v1/notifications/read", R"({})"), 422, "ids");
  ExpectFieldError(As("jussi.siivous", "POST", "/api/v1/notifications/read", R"({"ids":"x"})"), 422, "ids");
  auto anonymous = Fetch(world_->port(), "GET", "/api/v1/notifications/unread-count", {}, "");
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);
}

TEST_F(NotificationsWebhooksTest, WebhooksAreSignedRetriedDeadLetteredAndReplayed) {
  WebhookReceiver receiver;
  const std::string base = "/api/v1/organizations/" + provider_;
  // Only the organization's admin manages its webhooks.
  ExpectProblem(As("aleksi.tyontekija", "GET", base + "/webhooks"), 403);
  ExpectProblem(As("sari.tilaaja", "POST", base + "/webhooks", R"({"url":")" + receiver.url() + R"("})"), 403);
  ExpectFieldError(As("jussi.siivous", "POST", base + "/webhooks", R"({"url":"ftp://example.org/in"})"), 422, "url");
  ExpectFieldError(As("jussi.siivous", "POST", base + "/webhooks",
                      R"({"url":")" + receiver.url() + R"(","events":["order.exploded"]})"),
                   422, "events");

  // Made once with a key, the secret is shown once; the replayed answer has no secret, and there
  // is one webhook.
  const std::string create = R"({"url":")" + receiver.url() + R"(","description":"Rota system"})";
  auto made = Body(As("jussi.siivous", "POST", base + "/webhooks", create, {{"Idempotency-Key", "whk-1"}}), 201);
  const std::string secret(made["secret"].as_string());
  const std::string webhook_id(made["id"].as_string());
  EXPECT_TRUE(secret.starts_with("whsec_"));
  EXPECT_EQ(made["events"].as_array().size(), 5u);  // all of them by default
  auto again = Body(As("jussi.siivous", "POST", base + "/webhooks", create, {{"Idempotency-Key", "whk-1"}}), 201);
  EXPECT_TRUE(again["secret"].is_null());
  auto listed = Body(As("jussi.siivous", "GET", base + "/webhooks"), 200);
  ASSERT_EQ(listed["items"].as_array().size(), 1u);
  EXPECT_FALSE(listed["items"].as_array()[0].as_object().contains("secret"));
  EXPECT_EQ(listed["items"].as_array()[0].at("secret_hint").as_string(), secret.substr(0, 10));

  // An order offered to Jussi's company: the offer, signed, without the client; then the change.
  const std::string id = PlaceOrder();
  auto offered = receiver.WaitFor("offer.created");
  ASSERT_TRUE(offered);
  EXPECT_TRUE(SignatureValid(offered->headers["allmende-signature"], offered->body, secret))
      << offered->headers["allmende-signature"];
  EXPECT_FALSE(SignatureValid(offered->headers["allmende-signature"], offered->body + " ", secret));
  auto offer_body = json::parse(offered->body).as_object();
  EXPECT_EQ(offer_body["type"].as_string(), "offer.created");
  EXPECT_EQ(offer_body["id"].as_string(), offered->headers["allmende-webhook-id"]);
  EXPECT_EQ(offer_body["organization_id"].as_string(), provider_);
  EXPECT_EQ(offer_body["data"].at("order_id").as_string(), id);
  for (const char* secret_text : {"Aino", "Insinöörinkatu", "Kaksio", aino_id_.c_str()}) {
    EXPECT_EQ(offered->body.find(secret_text), std::string::npos) << secret_text;
  }
  Body(As("jussi.siivous", "POST", "/api/v1/orders/" + id + "/accept"), 200);
  std::optional<WebhookReceiver::Request> accepted;
  for (std::size_t skip = 0; skip < 10 && !accepted; ++skip) {
    auto r = receiver.WaitFor("order.changed", std::chrono::seconds(10), skip);
    if (!r) break;
    if (json::parse(r->body).at("data").at("state").as_string() == "accepted") accepted = r;
  }
  ASSERT_TRUE(accepted) << "no order.changed with state accepted";
  EXPECT_TRUE(SignatureValid(accepted->headers["allmende-signature"], accepted->body, secret));

  // The receiver fails: the delivery is tried max_attempts (3) times, then dead-lettered.
  receiver.SetStatus(500);
  auto ping = Body(As("jussi.siivous", "POST", base + "/webhooks/" + webhook_id + "/ping"), 202);
  const std::string delivery(ping["id"].as_string());
  json::object failed;
  for (int i = 0; i < 100; ++i) {
    auto page = Body(As("jussi.siivous", "GET", base + "/webhook-deliveries?status=failed"), 200);
    for (const auto& d : page["items"].as_array()) {
      if (d.at("id").as_string() == delivery) failed = d.as_object();
    }
    if (!failed.empty()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_FALSE(failed.empty()) << "the ping was not dead-lettered";
  EXPECT_EQ(failed["attempts"].as_int64(), 3);
  EXPECT_EQ(failed["last_error"].as_string(), "HTTP 500");
  EXPECT_EQ(failed["event"].as_string(), "ping");
  std::size_t pings = 0;
  for (const auto& r : receiver.Requests()) pings += r.headers.at("allmende-event") == "ping";
  EXPECT_EQ(pings, 3u);

  // Replay after the receiver is fixed: delivered, once more; a sent delivery cannot be replayed.
  receiver.SetStatus(204);
  auto replayed = Body(As("jussi.siivous", "POST", base + "/webhook-deliveries/" + delivery + "/replay"), 200);
  EXPECT_EQ(replayed["status"].as_string(), "pending");
  EXPECT_EQ(replayed["attempts"].as_int64(), 0);
  json::object sent;
  for (int i = 0; i < 100 && sent.empty(); ++i) {
    auto page = Body(As("jussi.siivous", "GET", base + "/webhook-deliveries?status=sent"), 200);
    for (const auto& d : page["items"].as_array()) {
      if (d.at("id").as_string() == delivery) sent = d.as_object();
    }
    if (sent.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_FALSE(sent.empty()) << "the replayed ping was not delivered";
  EXPECT_EQ(receiver.WaitFor("ping", std::chrono::seconds(5), 3)->headers["allmende-webhook-id"], delivery);
  ExpectProblem(As("jussi.siivous", "POST", base + "/webhook-deliveries/" + delivery + "/replay"), 409);
  auto counts = Body(As("jussi.siivous", "GET", base + "/webhook-deliveries"), 200)["counts"].as_object();
  EXPECT_GE(counts["sent"].as_int64(), 3);
  // Another organization's admin sees none of this log and cannot replay it.
  ExpectProblem(As("hanna.vapaaehtoinen", "GET", base + "/webhook-deliveries"), 403);
  ExpectProblem(As("hanna.vapaaehtoinen", "POST", base + "/webhook-deliveries/" + delivery + "/replay"), 403);

  // Another organization's admin on her own organization's paths finds none of Jussi's webhooks
  // or deliveries: every query is scoped to the organization.
  const std::string hanna_base = "/api/v1/organizations/" + world_->OrgId("Ystäväpalvelu Tampere ry");
  ExpectProblem(As("hanna.vapaaehtoinen", "POST", hanna_base + "/webhook-deliveries/" + delivery + "/replay"), 404);
  ExpectProblem(As("hanna.vapaaehtoinen", "DELETE", hanna_base + "/webhooks/" + webhook_id), 404);
  ExpectProblem(As("hanna.vapaaehtoinen", "POST", hanna_base + "/webhooks/" + webhook_id + "/ping"), 404);
  EXPECT_TRUE(
      Body(As("hanna.vapaaehtoinen", "GET", hanna_base + "/webhook-deliveries?webhook_id=" + webhook_id), 200)["items"]
          .as_array()
          .empty());

  // A declined offer is closed for the provider's systems too.
  receiver.SetStatus(200);
  const std::string declined = PlaceOrder();
  Body(As("jussi.siivous", "POST", "/api/v1/orders/" + declined + "/decline", R"({"reason":"Täynnä"})"), 200);
  std::optional<WebhookReceiver::Request> closed;
  for (std::size_t skip = 0; skip < 10 && !closed; ++skip) {
    auto r = receiver.WaitFor("offer.closed", std::chrono::seconds(10), skip);
    if (!r) break;
    if (json::parse(r->body).at("data").at("order_id").as_string() == declined) closed = r;
  }
  ASSERT_TRUE(closed) << "no offer.closed for the declined order";
  EXPECT_EQ(json::parse(closed->body).at("data").at("state").as_string(), "declined");

  // Removed, it gets nothing more: its waiting deliveries fail at once and cannot be replayed, and
  // a new order writes none for it.
  receiver.SetStatus(500);
  Body(As("jussi.siivous", "POST", base + "/webhooks/" + webhook_id + "/ping"), 202);
  EXPECT_EQ(As("jussi.siivous", "DELETE", base + "/webhooks/" + webhook_id)->status, 204);
  EXPECT_TRUE(Body(As("jussi.siivous", "GET", base + "/webhooks"), 200)["items"].as_array().empty());
  const std::string count_pending =
      "SELECT COUNT(*) FROM outbox_messages WHERE recipient = '" + webhook_id + "' AND status = 'pending'";
  EXPECT_EQ(world_->Id(count_pending), "0");
  auto last = Body(As("jussi.siivous", "GET", base + "/webhook-deliveries?limit=1"), 200)["items"].as_array();
  ASSERT_EQ(last.size(), 1u);
  EXPECT_EQ(last[0].at("status").as_string(), "failed");
  EXPECT_EQ(last[0].at("last_error").as_string(), "the webhook was removed");
  ExpectProblem(As("jussi.siivous", "POST",
                   base + "/webhook-deliveries/" + std::string(last[0].at("id").as_string()) + "/replay"),
                409);
  const std::string all = "SELECT COUNT(*) FROM outbox_messages WHERE recipient = '" + webhook_id + "'";
  const std::string before = world_->Id(all);
  PlaceOrder();
  EXPECT_EQ(world_->Id(all), before);
}

TEST_F(NotificationsWebhooksTest, AnOfferRoutedByHandReachesThatProvidersAdmins) {
  const std::string tammerfors = world_->OrgId("Tammerfors Hemservice Ab");
  const std::string id = PlaceOrder();
  Body(As("jussi.siivous", "POST", "/api/v1/orders/" + id + "/decline", R"({"reason":"Täynnä"})"), 200);
  const std::string count =
      "SELECT COUNT(*) FROM notification_audience a JOIN notifications n ON n.id = "
      "a.notification_id WHERE n.kind = 'order.offered' AND n.subject_id = '" +
      id + "' AND a.audience = 'role:provider_admin@" + tammerfors + "'";
  EXPECT_EQ(world_->Id(count), "0");
  Body(As("outi.koordinaattori", "POST", "/api/v1/orders/" + id + "/route",
          R"({"provider_id":")" + tammerfors + R"("})"),
       200);
  EXPECT_EQ(world_->Id(count), "1");
}

}  // namespace
}  // namespace allmende::testing
