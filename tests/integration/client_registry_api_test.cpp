// The advice desk's client registry over HTTP (issue 20), on both backends: Mikko finds Aino by a
// misspelled name and her birth date and is warned of the second Aino Virtanen; a client
// registered with a Finnish identity code is found by it exactly, the code is sealed at rest and
// each reveal is in the access log; every bad field is a 422 naming it and writes nothing.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "api_helpers.hpp"
#include "demo_world.hpp"
#include "problem_assertions.hpp"

namespace allmende::testing {
namespace {

namespace json = boost::json;

class ClientRegistryApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new DemoWorld(true);
    for (auto name : {"mikko.neuvoja", "outi.koordinaattori", "jussi.siivous", "aino.virtanen"}) {
      sessions_[name] = world_->SignIn(name);
    }
    region_ = world_->RegionId("pirkanmaa");
  }
  static void TearDownTestSuite() {
    delete world_;
    world_ = nullptr;
  }
  static std::optional<HttpResponse> As(const std::string& who, const std::string& method, const std::string& path,
                                        const std::string& body = "") {
    return world_->Call(sessions_.at(who), method, path, body, {{"X-Access-Purpose", "Neuvontapuhelu"}});
  }
  static json::array Search(const std::string& who, const std::string& body) {
    auto answer = Body(As(who, "POST", "/api/v1/regions/" + region_ + "/clients/search", body), 200);
    return answer.contains("items") ? answer["items"].as_array() : json::array{};
  }
  static std::vector<std::string> Ids(const json::array& items) {
    std::vector<std::string> out;
    for (const auto& i : items) out.emplace_back(i.at("id").as_string());
    return out;
  }
  static std::string Count(const std::string& sql) { return world_->Id(sql); }

  static DemoWorld* world_;
  static std::map<std::string, Session> sessions_;
  static std::string region_;
};

DemoWorld* ClientRegistryApiTest::world_ = nullptr;
std::map<std::string, Session> ClientRegistryApiTest::sessions_;
std::string ClientRegistryApiTest::region_;

TEST_F(ClientRegistryApiTest, SearchesAreInTheRegionsLogOncePerMinuteForEachPersonAndPurpose) {
  const std::string mikko = world_->UserId("mikko.neuvoja");
  const std::string outi = world_->UserId("outi.koordinaattori");
  const std::string path = "/api/v1/regions/" + region_ + "/clients/search";
  auto search = [&](const std::string& who, const std::string& purpose) {
    Body(world_->Call(sessions_.at(who), "POST", path, R"({"q":"virtanen"})", {{"X-Access-Purpose", purpose}}), 200);
  };
  auto entries = [&](const std::string& actor, const std::string& purpose) {
    return Count("SELECT count(*) FROM access_log WHERE action = 'client.search' AND actor_id = '" + actor +
                 "' AND purpose = '" + purpose + "' AND subject_id = '" + region_ + "'");
  };
  // Written before the first answer: the entry is there when the first search has answered.
  search("mikko.neuvoja", "Takaisinsoitto A");
  EXPECT_EQ(entries(mikko, "Takaisinsoitto A"), "1");
  search("mikko.neuvoja", "Takaisinsoitto A");
  search("mikko.neuvoja", "Takaisinsoitto A");
  EXPECT_EQ(entries(mikko, "Takaisinsoitto A"), "1") << "one entry for the minute, not one per keystroke";
  // Another purpose, or another person, is an entry of its own.
  search("mikko.neuvoja", "Takaisinsoitto B");
  search("outi.koordinaattori", "Takaisinsoitto A");
  EXPECT_EQ(entries(mikko, "Takaisinsoitto B"), "1");
  EXPECT_EQ(entries(outi, "Takaisinsoitto A"), "1");
}

TEST_F(ClientRegistryApiTest, AMisspelledNameAndTheBirthDateFindAinoAndHerLookAlike) {
  const std::string aino = world_->UserId("aino.virtanen");
  auto hits = Search("mikko.neuvoja", R"({"q":"Aino Virtanan","birth_date":"1942-03-14"})");
  auto ids = Ids(hits);
  ASSERT_EQ(ids.size(), 2u) << json::serialize(hits);
  EXPECT_NE(std::find(ids.begin(), ids.end(), aino), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), "usr_demo_aino_nokia"), ids.end());
  EXPECT_LT(hits[0].at("score").as_double(), 1.0) << "a typo scores below the name as written";

  // Either order, one letter missing, or the surname typed only in part.
  EXPECT_EQ(Ids(Search("mikko.neuvoja", R"({"q":"virtnen aino"})")).size(), 2u);
  EXPECT_EQ(Ids(Search("mikko.neuvoja", R"({"q":"aino virt"})")).size(), 2u);
  EXPECT_EQ(Ids(Search("mikko.neuvoja", R"({"q":"AINO VIRTANEN","phone":"+358 40 123 4567"})")),
            (std::vector<std::string>{"usr_demo_aino_nokia"}));
  // Diacritics either way: "Sjöberg" typed as "sjoberg".
  auto greta = Search("mikko.neuvoja", R"({"q":"greta sjoberg"})");
  ASSERT_EQ(greta.size(), 1u);
  EXPECT_EQ(greta[0].at("name").as_string(), "Greta Sjöberg");
  EXPECT_TRUE(Search("mikko.neuvoja", R"({"q":"Korhonen"})").empty());

  // Opening her record: the look-alike warning, and her log says why Mikko looked.
  auto record = Body(As("mikko.neuvoja", "GET", "/api/v1/clients/" + aino), 200);
  ASSERT_EQ(record["look_alikes"].as_array().size(), 1u);
  EXPECT_EQ(record["look_alikes"].as_array()[0].at("id").as_string(), "usr_demo_aino_nokia");
  EXPECT_EQ(record["look_alikes"].as_array()[0].at("reason").as_string(), "name_and_birth_date");
  EXPECT_EQ(record["address"].at("municipality_name").as_string(), "Tampere");
  EXPECT_EQ(record["identity_code_masked"].as_string(), "140342-****");
  auto log = Body(As("aino.virtanen", "GET", "/api/v1/me/access-log"), 200);
  bool purpose_seen = false;
  for (const auto& e : log["items"].as_array()) {
    if (e.at("purpose").as_string() == "Neuvontapuhelu") purpose_seen = true;
  }
  EXPECT_TRUE(purpose_seen) << "Aino sees that Mikko opened her file during the call";
  // Aino herself sees no look-alikes: they are other people's records.
  auto own = Body(As("aino.virtanen", "GET", "/api/v1/clients/" + aino), 200);
  EXPECT_TRUE(own["look_alikes"].as_array().empty());
}

TEST_F(ClientRegistryApiTest, AnIdentityCodeIsSealedFoundExactlyAndEachRevealIsLogged) {
  auto created = Body(As("mikko.neuvoja", "POST", "/api/v1/regions/" + region_ + "/clients",
                         R"({"name":"Veikko Mäkelä","identity_code":"131052-308T","phone":"040 765 4321",)"
                         R"("address":{"street":"Rautatienkatu 5","postal_code":"33100","city":"Tampere",)"
                         R"("municipality_code":"fi-837"},"language":"fi"})"),
                      201);
  ASSERT_TRUE(created.contains("id"));
  const std::string id(created["id"].as_string());
  EXPECT_EQ(created["birth_date"].as_string(), "1952-10-13") << "taken from the code";
  EXPECT_EQ(created["identity_code_masked"].as_string(), "131052-****");
  EXPECT_TRUE(created["email"].is_null());
  EXPECT_EQ(created["phone"].as_string(), "+358407654321");

  // Not in clear anywhere in the database.
  std::string stored = Count("SELECT identity_code FROM clients WHERE user_id = '" + id + "'");
  EXPECT_EQ(stored.rfind("enc1:", 0), 0u) << stored;
  if (TestBackend() == "sqlite") {
    std::string everything;
    for (const auto& entry : std::filesystem::directory_iterator(world_->db().Args().at(1))) {
      if (entry.path().filename().string().rfind("allmende.db", 0) != 0) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream bytes;
      bytes << in.rdbuf();
      everything += bytes.str();
    }
    EXPECT_EQ(everything.find("131052-308T"), std::string::npos);
    EXPECT_EQ(everything.find("131052308T"), std::string::npos);
  } else {
    EXPECT_EQ(Count("SELECT count(*) FROM clients WHERE identity_code LIKE '%308T%' OR "
                    "identity_code_digest LIKE '%308T%'"),
              "0");
  }

  // Exact search by the code (typed in lower case), not by a near miss.
  EXPECT_EQ(Ids(Search("mikko.neuvoja", R"({"identity_code":"131052-308t"})")), (std::vector<std::string>{id}));
  auto wrong = As("mikko.neuvoja", "POST", "/api/v1/regions/" + region_ + "/clients/search",
                  R"({"identity_code":"131052-308U"})");
  ASSERT_TRUE(wrong);
  ExpectProblemField(*wrong, "identity_code");

  // The same code again is refused, and nothing is written.
  const std::string clients_before = Count("SELECT count(*) FROM clients");
  auto again = As("mikko.neuvoja", "POST", "/api/v1/regions/" + region_ + "/clients",
                  R"({"name":"Veikko Makela","identity_code":"131052-308T"})");
  ASSERT_TRUE(again);
  ExpectProblemField(*again, "identity_code");
  EXPECT_EQ(Count("SELECT count(*) FROM clients"), clients_before);

  // Revealing the code is an access-log entry with the stated purpose.
  const std::string reveals =
      "SELECT count(*) FROM access_log WHERE action = 'client.identity_code.reveal' AND "
      "client_id = '" +
      id + "' AND purpose = 'Neuvontapuhelu'";
  EXPECT_EQ(Count(reveals), "0");
  auto revealed = Body(As("mikko.neuvoja", "POST", "/api/v1/clients/" + id + "/identity-code/reveal"), 200);
  EXPECT_EQ(revealed["identity_code"].as_string(), "131052-308T");
  EXPECT_EQ(Count(reveals), "1");
  // A provider with no relation to him cannot.
  auto refused = As("jussi.siivous", "POST", "/api/v1/clients/" + id + "/identity-code/reveal");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
  EXPECT_EQ(Count(reveals), "1");
}

TEST_F(ClientRegistryApiTest, EveryBadFieldIsNamedAndNothingIsWritten) {
  const std::string clients_before = Count("SELECT count(*) FROM clients");
  const std::string users_before = Count("SELECT count(*) FROM users");
  const std::string path = "/api/v1/regions/" + region_ + "/clients";
  const std::vector<std::pair<std::string, std::string>> cases{
      {R"({"name":"","birth_date":"1950-01-01"})", "name"},
      {R"({"name":"Testi Henkilö"})", "birth_date"},
      {R"({"name":"Testi Henkilö","birth_date":"2999-01-01"})", "birth_date"},
      {R"({"name":"Testi Henkilö","birth_date":"1950-02-30"})", "birth_date"},
      {R"({"name":"Testi Henkilö","birth_date":"1950-01-01","identity_code":"131052-308T"})", "identity_code"},
      {R"({"name":"Testi Henkilö","birth_date":"1950-01-01","phone":"12"})", "phone"},
      {R"({"name":"Testi Henkilö","birth_date":"1950-01-01","email":"no-at-sign"})", "email"},
      {R"({"name":"Testi Henkilö","birth_date":"1950-01-01","email":"aino.virtanen@allmende.demo"})", "email"},
      {R"({"name":"Testi Henkilö","birth_date":"1950-01-01","language":"xx"})", "language"},
      {R"({"name":"Testi Henkilö","birth_date":"1950-01-01","address":{"postal_code":"3310"}})", "address.postal_code"},
      {R"({"name":"Testi Henkilö","birth_date":"1950-01-01","address":{"municipality_code":"dk-159"}})",
       "address.municipality_code"},
      {R"({"name":"Testi Henkilö","birth_date":"1950-01-01","address":"Tampere"})", "address"},
      {R"({"name":42,"birth_date":"1950-01-01"})", "name"},
  };
  for (const auto& [body, field] : cases) {
    auto r = As("mikko.neuvoja", "POST", path, body);
    ASSERT_TRUE(r) << body;
    ExpectProblemField(*r, field);
  }
  EXPECT_EQ(Count("SELECT count(*) FROM clients"), clients_before);
  EXPECT_EQ(Count("SELECT count(*) FROM users"), users_before);
}

TEST_F(ClientRegistryApiTest, OnlyTheRegionsDeskSearchesAndHostileQueriesAreHarmless) {
  const std::string path = "/api/v1/regions/" + region_ + "/clients/search";
  for (auto who : {"jussi.siivous", "aino.virtanen"}) {
    auto r = As(who, "POST", path, R"({"q":"aino"})");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 403) << who;
  }
  EXPECT_FALSE(Search("outi.koordinaattori", R"({"q":"aino"})").empty()) << "coordinators search too";
  for (std::string q : {std::string(R"(\")"), std::string("*"), std::string("NEAR("), std::string("%"),
                        std::string("\\\\"), std::string("\\u0001\\u0000"), std::string("a'; DROP TABLE clients;--")}) {
    auto r = As("mikko.neuvoja", "POST", path, R"({"q":")" + q + R"("})");
    ASSERT_TRUE(r) << q;
    EXPECT_TRUE(r->status == 200 || r->status == 422) << q << " → " << r->status << " " << r->body;
  }
  auto invalid_utf8 = As("mikko.neuvoja", "POST", path, "{\"q\":\"aino \xff\xfe\"}");
  ASSERT_TRUE(invalid_utf8);
  EXPECT_LT(invalid_utf8->status, 500);
  auto long_query = As("mikko.neuvoja", "POST", path, R"({"q":")" + std::string(3000, 'a') + R"("})");
  ASSERT_TRUE(long_query);
  ExpectProblemField(*long_query, "q");
  auto nothing = As("mikko.neuvoja", "POST", path, R"({"q":"  "})");
  ASSERT_TRUE(nothing);
  ExpectProblemField(*nothing, "q");
  EXPECT_EQ(Count("SELECT count(*) FROM clients WHERE user_id = 'usr_demo_aino_nokia'"), "1");
}

TEST_F(ClientRegistryApiTest, ACoordinatorMergesADuplicateAndEveryReferenceMovesOver) {
  const std::string greta = world_->UserId("greta.sjoberg");
  auto twin = Body(As("mikko.neuvoja", "POST", "/api/v1/regions/" + region_ + "/clients",
                      R"({"name":"Greta Sjöberg","birth_date":"1945-06-11","phone":"050 555 0101","language":"sv"})"),
                   201);
  ASSERT_TRUE(twin.contains("id"));
  const std::string dup(twin["id"].as_string());
  ASSERT_EQ(twin["look_alikes"].as_array().size(), 1u) << "registering warned of Greta's record";
  EXPECT_EQ(twin["look_alikes"].as_array()[0].at("id").as_string(), greta);
  Body(As("mikko.neuvoja", "POST", "/api/v1/clients/" + dup + "/contacts",
          R"({"channel":"service_point","topics":["meals"],"duration_minutes":5,"outcome":"informed"})"),
       201);

  const std::string merge = "/api/v1/clients/" + greta + "/merge";
  EXPECT_EQ(As("mikko.neuvoja", "POST", merge, R"({"duplicate_id":")" + dup + R"("})")->status, 403)
      << "an advisor does not merge";
  auto self = As("outi.koordinaattori", "POST", merge, R"({"duplicate_id":")" + greta + R"("})");
  ASSERT_TRUE(self);
  ExpectProblemField(*self, "duplicate_id");
  // Greta has an account: her record does not go into the one the desk made.
  EXPECT_EQ(
      As("outi.koordinaattori", "POST", "/api/v1/clients/" + dup + "/merge", R"({"duplicate_id":")" + greta + R"("})")
          ->status,
      409);

  auto merged = Body(As("outi.koordinaattori", "POST", merge, R"({"duplicate_id":")" + dup + R"("})"), 200);
  EXPECT_TRUE(merged["look_alikes"].as_array().empty()) << json::serialize(merged["look_alikes"]);
  EXPECT_EQ(Count("SELECT merged_into FROM clients WHERE user_id = '" + dup + "'"), greta);
  EXPECT_EQ(Count("SELECT count(*) FROM advice_contacts WHERE client_id = '" + dup + "'"), "0");
  EXPECT_EQ(Count("SELECT count(*) FROM advice_contacts WHERE client_id = '" + greta + "'"), "1");
  EXPECT_EQ(Count("SELECT count(*) FROM access_log WHERE action = 'client.merge'"), "2");
  // The duplicate is no longer found, and opening it leads to Greta's record.
  auto found = Search("mikko.neuvoja", R"({"q":"greta sjoberg"})");
  EXPECT_EQ(Ids(found), (std::vector<std::string>{greta}));
  auto gone = Body(As("mikko.neuvoja", "GET", "/api/v1/clients/" + dup), 200);
  EXPECT_EQ(gone["merged_into"].as_string(), greta);
  // A desk that still has the duplicate open cannot add to it: its data lives on Greta's record.
  const std::chrono::year_month_day soon{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()) +
                                         std::chrono::days(20)};
  char due[16];
  std::snprintf(due, sizeof due, "%04d-%02u-%02u", static_cast<int>(soon.year()), static_cast<unsigned>(soon.month()),
                static_cast<unsigned>(soon.day()));
  for (const auto& [what, body] : std::vector<std::pair<std::string, std::string>>{
           {"contacts", R"({"channel":"phone","topics":["meals"],"duration_minutes":5,"outcome":"informed"})"},
           {"tasks", R"({"title":"Soita takaisin","due_date":")" + std::string(due) + R"("})"},
           {"plan/items", R"({"kind":"activity","title":"Kerho","category":"leisure_activities","goal":"Seuraa",)"
                          R"("follow_up_date":")" +
                              std::string(due) + R"("})"}}) {
    auto refused = Body(As("mikko.neuvoja", "POST", "/api/v1/clients/" + dup + "/" + what, body), 409);
    EXPECT_EQ(refused["current_state"], "merged") << what;
    EXPECT_NE(std::string(refused["detail"].as_string()).find("merged"), std::string::npos) << what;
    // The same on the kept record is accepted.
    Body(As("mikko.neuvoja", "POST", "/api/v1/clients/" + greta + "/" + what, body), 201);
  }
  EXPECT_EQ(Count("SELECT count(*) FROM advice_contacts WHERE client_id = '" + dup + "'"), "0");
  EXPECT_EQ(Count("SELECT count(*) FROM advice_tasks WHERE client_id = '" + dup + "'"), "0");
  // Nobody else learns of the merge: a provider's worker is refused as before.
  EXPECT_EQ(As("jussi.siivous", "POST", "/api/v1/clients/" + dup + "/contacts",
               R"({"channel":"phone","topics":["meals"],"duration_minutes":5,"outcome":"informed"})")
                ->status,
            403);
  auto twice = As("outi.koordinaattori", "POST", merge, R"({"duplicate_id":")" + dup + R"("})");
  ASSERT_TRUE(twice);
  EXPECT_EQ(twice->status, 409);
}

// Nobody harvests the registry by searching it over and over: beyond the limit a person gets 429
// with Retry-After, and another advisor searches on undisturbed.
TEST(ClientSearchLimit, APersonsSearchesBeyondTheLimitAreRefusedForAWhile) {
  DemoWorld world(true, {"--set", "clients.search_per_minute=3"});
  const Session mikko = world.SignIn("mikko.neuvoja"), outi = world.SignIn("outi.koordinaattori");
  const std::string path = "/api/v1/regions/" + world.RegionId("pirkanmaa") + "/clients/search";
  auto search = [&](const Session& s) {
    return world.Call(s, "POST", path, R"({"q":"virtanen"})", {{"X-Access-Purpose", "Neuvontapuhelu"}});
  };
  for (int i = 0; i < 3; ++i) ASSERT_EQ(search(mikko)->status, 200) << i;
  auto refused = search(mikko);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 429) << refused->body;
  EXPECT_GE(std::stoi(refused->Header("retry-after").empty() ? "0" : refused->Header("retry-after")), 1);
  EXPECT_EQ(search(outi)->status, 200) << "another person's searches are their own";
}

}  // namespace
}  // namespace allmende::testing
