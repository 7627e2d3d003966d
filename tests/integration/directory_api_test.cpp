// The service directory over HTTP: the review workflow that publishes a provider's service, and
// public search on what is published (filters, facets, cursors, languages, folding,
// misspellings, place words, hostile queries). One demo world for the whole file.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "demo_world.hpp"
#include "problem_assertions.hpp"

namespace allmende::testing {
namespace {

namespace json = boost::json;

std::string Encode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == ',') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

class DirectoryApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new DemoWorld(true, {}, {"--services", "300", "--seed", "7"});
    jussi_ = world_->SignIn("jussi.siivous");
    outi_ = world_->SignIn("outi.koordinaattori");
    hanna_ = world_->SignIn("hanna.vapaaehtoinen");
    provider_ = world_->OrgId("Hervannan Kotisiivous Oy");
    region_ = world_->RegionId("pirkanmaa");
    welfare_ = world_->OrgId("Pirkanmaan hyvinvointialue");
  }
  static void TearDownTestSuite() {
    delete world_;
    world_ = nullptr;
  }

  static json::object Search(const std::string& query) {
    auto r = Fetch(world_->port(), "GET", "/api/v1/services?" + query);
    EXPECT_TRUE(r && r->status == 200) << query << " → " << (r ? r->body : "no answer");
    if (!r || r->status != 200) return {};
    return json::parse(r->body).as_object();
  }
  static std::vector<std::string> Ids(const json::object& result) {
    std::vector<std::string> ids;
    for (const auto& item : result.at("items").as_array()) ids.emplace_back(item.at("id").as_string());
    return ids;
  }

  static std::string Content(const std::string& lang, const std::string& name, const std::string& description,
                             const std::string& category = "cleaning", int weekday = 1) {
    json::object c{{"name", {{lang, name}}},
                   {"description", {{lang, description}}},
                   {"category", category},
                   {"area", {{"municipalities", json::array{"fi-837"}}}},
                   {"languages", json::array{lang == "fi" || lang == "sv" ? lang : "en"}},
                   {"price",
                    {{"model", "hourly"},
                     {"amount", 3990},
                     {"currency", "EUR"},
                     {"vat_rate_bp", 2550},
                     {"labour_share_bp", 10000}}},
                   {"hours", json::array{json::object{{"weekday", weekday}, {"opens", "08:00"}, {"closes", "16:00"}}}}};
    return json::serialize(c);
  }

  // Creates, submits and publishes a service of Jussi's company; returns its id.
  static std::string Publish(const std::string& content) {
    auto created = world_->Call(jussi_, "POST", "/api/v1/providers/" + provider_ + "/services", content);
    EXPECT_EQ(created->status, 201) << created->body;
    std::string id(json::parse(created->body).at("id").as_string());
    auto submitted =
        world_->Call(jussi_, "POST", "/api/v1/directory/services/" + id + "/submit", "", {{"If-Match", "\"1\""}});
    EXPECT_EQ(submitted->status, 200) << submitted->body;
    auto published =
        world_->Call(outi_, "POST", "/api/v1/directory/services/" + id + "/publish", "", {{"If-Match", "\"2\""}});
    EXPECT_EQ(published->status, 200) << published->body;
    return id;
  }

  static bool Finds(const std::string& query, const std::string& id) {
    auto ids = Ids(Search("q=" + Encode(query) + "&limit=100"));
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  }

  static inline DemoWorld* world_ = nullptr;
  static inline Session jussi_, outi_, hanna_;
  static inline std::string provider_, region_, welfare_;
};

TEST_F(DirectoryApiTest, TheDemoDirectoryIsSearchableWithoutSigningIn) {
  auto all = Search("limit=5");
  EXPECT_GE(all.at("total").as_int64(), 300);
  EXPECT_EQ(all.at("items").as_array().size(), 5u);
  auto cleaning = Search("q=siivous");
  EXPECT_GT(cleaning.at("total").as_int64(), 0);
  auto swedish = Search("q=st%C3%A4dning&language=sv");
  EXPECT_GE(swedish.at("total").as_int64(), 3) << "Ebba compares three Swedish cleaning services";
}

TEST_F(DirectoryApiTest, EveryFilterKeepsOnlyWhatMatchesIt) {
  auto r1 = Search("category=cleaning&limit=100");
  EXPECT_FALSE(r1.at("items").as_array().empty());
  for (const auto& item : r1.at("items").as_array()) {
    EXPECT_EQ(item.at("category").as_string(), "cleaning");
  }
  auto r2 = Search("language=sv&limit=100");
  EXPECT_FALSE(r2.at("items").as_array().empty());
  for (const auto& item : r2.at("items").as_array()) {
    auto langs = item.at("languages").as_array();
    EXPECT_NE(std::find(langs.begin(), langs.end(), json::value("sv")), langs.end());
  }
  auto r3 = Search("max_price=3000&limit=100");
  EXPECT_FALSE(r3.at("items").as_array().empty());
  for (const auto& item : r3.at("items").as_array()) {
    EXPECT_LE(item.at("price").at("amount").as_int64(), 3000);
  }
  auto r4 = Search("open_on=tue&limit=100");
  EXPECT_FALSE(r4.at("items").as_array().empty());
  for (const auto& item : r4.at("items").as_array()) {
    auto days = item.at("open_days").as_array();
    EXPECT_NE(std::find(days.begin(), days.end(), json::value(1)), days.end());
  }
  auto by_date = Search("open_on=2026-12-01&limit=1");  // a Tuesday
  EXPECT_EQ(by_date.at("total"), Search("open_on=tue&limit=1").at("total"));
  auto r5 = Search("voucher=" + welfare_ + "&limit=100");
  EXPECT_FALSE(r5.at("items").as_array().empty());
  for (const auto& item : r5.at("items").as_array()) {
    auto v = item.at("vouchers").as_array();
    EXPECT_NE(std::find(v.begin(), v.end(), json::value(welfare_)), v.end());
  }
  auto everything = Search("limit=1").at("total").as_int64();
  for (std::string filter : {"municipality=fi-536", "postal_code=33720", "category=meals", "language=en"}) {
    auto total = Search(filter + "&limit=1").at("total").as_int64();
    EXPECT_GT(total, 0) << filter;
    EXPECT_LT(total, everything) << filter;
  }
}

TEST_F(DirectoryApiTest, FacetsCountTheMatchesByValue) {
  auto result = Search("limit=1");
  std::int64_t sum = 0;
  for (const auto& f : result.at("facets").at("category").as_array()) sum += f.at("count").as_int64();
  EXPECT_EQ(sum, result.at("total").as_int64()) << "every service has one category";
  auto cleaning = Search("category=cleaning&limit=1");
  std::int64_t cleaning_count = 0;
  for (const auto& f : result.at("facets").at("category").as_array()) {
    if (f.at("value") == "cleaning") cleaning_count = f.at("count").as_int64();
  }
  EXPECT_EQ(cleaning_count, cleaning.at("total").as_int64());
  EXPECT_FALSE(result.at("facets").at("price_band").as_array().empty());
  EXPECT_FALSE(result.at("facets").at("language").as_array().empty());
  EXPECT_FALSE(result.at("facets").at("municipality").as_array().empty());
}

TEST_F(DirectoryApiTest, CursorPagesHaveNoDuplicatesOrGapsWhileServicesArePublished) {
  const std::string query = "q=siivous&limit=7";
  auto first = Search(query);
  std::int64_t total = first.at("total").as_int64();
  ASSERT_GT(total, 14);
  std::set<std::string> before;
  {
    auto all = Search("q=siivous&limit=100");
    for (auto& id : Ids(all)) before.insert(id);
    for (auto cursor = all.at("next_cursor"); !cursor.is_null();) {
      auto page = Search("q=siivous&limit=100&cursor=" + Encode(std::string(cursor.as_string())));
      for (auto& id : Ids(page)) before.insert(id);
      cursor = page.at("next_cursor");
    }
  }
  std::vector<std::string> seen = Ids(first);
  auto cursor = first.at("next_cursor");
  int published = 0;
  while (!cursor.is_null()) {
    if (published < 3) {
      Publish(Content("fi", "Siivous välisivulla " + std::to_string(published), "Kotisiivousta sivujen välissä."));
      ++published;
    }
    auto page = Search(query + "&cursor=" + Encode(std::string(cursor.as_string())));
    for (auto& id : Ids(page)) seen.push_back(id);
    cursor = page.at("next_cursor");
  }
  std::set<std::string> unique(seen.begin(), seen.end());
  EXPECT_EQ(unique.size(), seen.size()) << "a service came twice";
  for (const auto& id : before) EXPECT_TRUE(unique.count(id)) << id << " was skipped";
}

TEST_F(DirectoryApiTest, EachLanguageFindsItsInflectedForms) {
  std::string fi = Publish(Content("fi", "Ikkunoiden pesu", "Teemme ikkunanpesun huolellisesti."));
  std::string sv = Publish(Content("sv", "Fönsterputsning", "Vi tar hand om städningen av dina fönster."));
  std::string en = Publish(Content("en", "Garden cleaning", "Gardens cleaned before winter."));
  std::string de = Publish(Content("de", "Gartenpflege", "Wir übernehmen die Reinigungen im Garten."));
  std::string da = Publish(Content("da", "Havearbejde", "Vi klarer rengøringen i haven."));
  EXPECT_TRUE(Finds("ikkunanpesu", fi)) << "compound";
  EXPECT_TRUE(Finds("städning", sv));
  EXPECT_TRUE(Finds("cleaning gardens", en));
  EXPECT_TRUE(Finds("Reinigung", de));
  EXPECT_TRUE(Finds("rengøring", da));
}

TEST_F(DirectoryApiTest, FoldingMisspellingsAndPrefixesStillFind) {
  std::string id = Publish(Content("fi", "Pyörätuolikuljetus", "Kuljetamme pyörätuolin kanssa liikkuvia."));
  EXPECT_TRUE(Finds("pyoratuolikuljetus", id)) << "without diacritics";
  EXPECT_TRUE(Finds("pyörätuolikuljetsu", id)) << "two letters swapped";
  EXPECT_TRUE(Finds("pyörätuolik", id)) << "prefix while typing";
  auto misspelt = Search("q=siivos");
  EXPECT_GT(misspelt.at("total").as_int64(), 0);
  EXPECT_FALSE(misspelt.at("did_you_mean").is_null());
}

TEST_F(DirectoryApiTest, AnInflectedPlaceNameFiltersByTheAreaItNames) {
  auto result = Search("q=" + Encode("siivous Hervannassa") + "&limit=100");
  ASSERT_GT(result.at("total").as_int64(), 0);
  bool hervanta = false;
  for (const auto& p : result.at("places").as_array()) hervanta |= p.at("code") == "fi-837-hervanta";
  EXPECT_TRUE(hervanta) << json::serialize(result.at("places"));
  for (const auto& item : result.at("items").as_array()) {
    const auto& area = item.at("area").as_object();
    auto has = [&](const char* list, const char* code) {
      const auto& a = area.at(list).as_array();
      return std::find(a.begin(), a.end(), json::value(code)) != a.end();
    };
    EXPECT_TRUE(has("municipalities", "fi-837") || has("districts", "fi-837-hervanta") || has("postal_codes", "33720"))
        << json::serialize(item);
  }
  auto swedish = Search("q=" + Encode("hemstädning Tammerfors"));
  bool tampere = false;
  for (const auto& p : swedish.at("places").as_array()) tampere |= p.at("code") == "fi-837";
  EXPECT_TRUE(tampere);
}

TEST_F(DirectoryApiTest, HostileQueriesNeverFail) {
  std::vector<std::string> hostile{"\"",
                                   "*",
                                   "NEAR(",
                                   "%",
                                   "\\",
                                   "siivous\" OR 1=1 --",
                                   "\x01\x02\x7f",
                                   "\xff\xfe invalid",
                                   "\xc3",
                                   std::string(10000, 'a'),
                                   "a*b?c[d]",
                                   "((((",
                                   ""};
  for (const auto& q : hostile) {
    auto r = Fetch(world_->port(), "GET", "/api/v1/services?q=" + Encode(q));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << Encode(q).substr(0, 60) << " → " << r->body.substr(0, 200);
  }
  auto bad_cursor = Fetch(world_->port(), "GET", "/api/v1/services?q=siivous&cursor=not-a-cursor");
  EXPECT_EQ(bad_cursor->status, 422);
  ExpectProblemField(*bad_cursor, "cursor");
  auto bad_sort = Fetch(world_->port(), "GET", "/api/v1/services?sort=cheapest");
  EXPECT_EQ(bad_sort->status, 422);
  ExpectProblemField(*bad_sort, "sort");
}

TEST_F(DirectoryApiTest, ReviewPublishesAfterChangesAndThePublishedVersionStaysVisibleWhileEdited) {
  auto created = world_->Call(jussi_, "POST", "/api/v1/providers/" + provider_ + "/services",
                              Content("fi", "Saunan pesu", "Pesemme saunan lauteineen."));
  ASSERT_EQ(created->status, 201) << created->body;
  std::string id(json::parse(created->body).at("id").as_string());
  std::string path = "/api/v1/directory/services/" + id;
  EXPECT_FALSE(Finds("saunan pesu", id)) << "a draft is not public";
  EXPECT_EQ(Fetch(world_->port(), "GET", "/api/v1/services/" + id)->status, 404);

  EXPECT_EQ(world_->Call(outi_, "POST", path + "/publish", "", {{"If-Match", "\"1\""}})->status, 409)
      << "only what is in review is published";
  EXPECT_EQ(world_->Call(jussi_, "POST", path + "/submit", "", {{"If-Match", "\"1\""}})->status, 200);
  auto asked = world_->Call(outi_, "POST", path + "/request-changes",
                            R"({"comment":"Lisää hinta kotitalousvähennyksen jälkeen."})", {{"If-Match", "\"2\""}});
  ASSERT_EQ(asked->status, 200) << asked->body;
  EXPECT_EQ(json::parse(asked->body).at("state"), "changes_requested");
  EXPECT_EQ(json::parse(asked->body).at("review_comment"), "Lisää hinta kotitalousvähennyksen jälkeen.");
  auto again = world_->Call(jussi_, "POST", path + "/publish", "", {{"If-Match", "\"3\""}});
  EXPECT_EQ(again->status, 403) << "a provider does not publish itself";
  EXPECT_EQ(world_
                ->Call(jussi_, "PUT", path + "/draft", Content("fi", "Saunan pesu", "Pesemme saunan. Hinta 39,90 €/h."),
                       {{"If-Match", "\"3\""}})
                ->status,
            200);
  EXPECT_EQ(world_->Call(jussi_, "POST", path + "/submit", "", {{"If-Match", "\"4\""}})->status, 200);
  auto published = world_->Call(outi_, "POST", path + "/publish", "", {{"If-Match", "\"5\""}});
  ASSERT_EQ(published->status, 200) << published->body;
  EXPECT_TRUE(Finds("saunan pesu", id)) << "found at once after publishing";

  auto edited = world_->Call(jussi_, "PUT", path + "/draft", Content("fi", "Saunan ja pesuhuoneen pesu", "Uusi."),
                             {{"If-Match", "\"6\""}});
  ASSERT_EQ(edited->status, 200) << edited->body;
  EXPECT_EQ(json::parse(edited->body).at("state"), "draft");
  EXPECT_TRUE(Finds("saunan pesu", id)) << "the published version stays while the next is drafted";
  EXPECT_FALSE(Finds("pesuhuoneen", id)) << "the draft is not public";

  auto history = world_->Call(outi_, "GET", path + "/history");
  std::vector<std::string> actions;
  auto events = json::parse(history->body);
  for (const auto& e : events.at("items").as_array()) actions.emplace_back(e.at("action").as_string());
  EXPECT_EQ(actions, (std::vector<std::string>{"created", "submitted", "changes_requested", "edited", "submitted",
                                               "published", "edited"}));

  EXPECT_EQ(world_->Call(jussi_, "POST", path + "/archive", "", {{"If-Match", "\"7\""}})->status, 200);
  EXPECT_FALSE(Finds("saunan pesu", id)) << "archived services leave search at once";
}

TEST_F(DirectoryApiTest, NobodyReviewsTheirOwnOrganizationsService) {
  std::string friends = world_->OrgId("Ystäväpalvelu Tampere ry");
  world_->db().Execute(
      "INSERT INTO memberships (id, region_id, organization_id, user_id, role, created_at, created_by) VALUES "
      "('mem_outi_friends', '" +
      region_ + "', '" + friends + "', '" + world_->UserId("outi.koordinaattori") +
      "', 'provider_admin', '2026-11-27T08:00:00.000Z', 'test')");
  auto created = world_->Call(outi_, "POST", "/api/v1/providers/" + friends + "/services",
                              Content("fi", "Oma palvelu", "Koordinaattorin oma."));
  ASSERT_EQ(created->status, 201) << created->body;
  std::string path = "/api/v1/directory/services/" + std::string(json::parse(created->body).at("id").as_string());
  ASSERT_EQ(world_->Call(outi_, "POST", path + "/submit", "", {{"If-Match", "\"1\""}})->status, 200);
  EXPECT_EQ(world_->Call(outi_, "POST", path + "/publish", "", {{"If-Match", "\"2\""}})->status, 403);
  EXPECT_EQ(
      world_->Call(outi_, "POST", path + "/request-changes", R"({"comment":"Hyvä."})", {{"If-Match", "\"2\""}})->status,
      403);
}

TEST_F(DirectoryApiTest, ListsTooLongForAWriteAreRefusedBeforeAnyLookup) {
  json::object content = json::parse(Content("fi", "Pitkä lista", "Kuvaus")).as_object();
  json::array vouchers;
  for (int i = 0; i < 2000; ++i) vouchers.emplace_back("org_" + std::to_string(i));
  content["vouchers"] = std::move(vouchers);
  auto r = world_->Call(jussi_, "POST", "/api/v1/providers/" + provider_ + "/services", json::serialize(content));
  ASSERT_EQ(r->status, 422) << r->body.substr(0, 300);
  ExpectProblemField(*r, "vouchers");
  EXPECT_LT(r->body.size(), 2000u) << "one error, not one per entry";
}

TEST_F(DirectoryApiTest, OpeningHoursNeedTheirWeekday) {
  json::object content = json::parse(Content("fi", "Aukioloton", "Kuvaus")).as_object();
  content["hours"] = json::array{json::object{{"opens", "08:00"}, {"closes", "16:00"}}};
  auto r = world_->Call(jussi_, "POST", "/api/v1/providers/" + provider_ + "/services", json::serialize(content));
  ASSERT_EQ(r->status, 422);
  ExpectProblemField(*r, "hours[0].weekday");
}

TEST_F(DirectoryApiTest, IllegalStepsSayTheStateAndStaleVersionsAreRefused) {
  std::string id = Publish(Content("fi", "Lumityöt", "Auraamme pihan."));
  std::string path = "/api/v1/directory/services/" + id;
  auto withdraw = world_->Call(jussi_, "POST", path + "/withdraw", "", {{"If-Match", "\"3\""}});
  ASSERT_EQ(withdraw->status, 409);
  EXPECT_EQ(json::parse(withdraw->body).at("current_state"), "published");
  EXPECT_EQ(world_->Call(jussi_, "POST", path + "/archive", "", {{"If-Match", "\"1\""}})->status, 412);
}

TEST_F(DirectoryApiTest, ProvidersEditOnlyTheirOwnServicesAndBadContentNamesItsField) {
  auto other =
      world_->Call(hanna_, "POST", "/api/v1/providers/" + provider_ + "/services", Content("fi", "Vieras", "Ei oma."));
  EXPECT_EQ(other->status, 403);
  json::object bad = json::parse(Content("fi", "Hyvä nimi", "Kuvaus")).as_object();
  bad["category"] = "rocket_science";
  bad["area"] = {{"municipalities", json::array{"fi-000"}}, {"postal_codes", json::array{"3372"}}};
  bad["price"].as_object()["amount"] = -5;
  bad["hours"] = json::array{json::object{{"weekday", 9}, {"opens", "18:00"}, {"closes", "08:00"}}};
  auto r = world_->Call(jussi_, "POST", "/api/v1/providers/" + provider_ + "/services", json::serialize(bad));
  ASSERT_EQ(r->status, 422) << r->body;
  for (auto field : {"category", "area.municipalities[0]", "area.postal_codes[0]", "price.amount", "hours[0].weekday",
                     "hours[0].closes"}) {
    ExpectProblemField(*r, field);
  }
  auto services = world_->Call(jussi_, "GET", "/api/v1/providers/" + provider_ + "/services?state=draft");
  EXPECT_EQ(services->status, 200);
  auto anonymous = Fetch(world_->port(), "GET", "/api/v1/providers/" + provider_ + "/services");
  EXPECT_EQ(anonymous->status, 401);
}

TEST_F(DirectoryApiTest, ProviderPageShowsTheProfileAndPublishedServices) {
  auto page = Fetch(world_->port(), "GET", "/api/v1/providers/" + provider_);
  ASSERT_EQ(page->status, 200) << page->body;
  auto doc = json::parse(page->body);
  EXPECT_EQ(doc.at("name"), "Hervannan Kotisiivous Oy");
  EXPECT_FALSE(doc.at("services").as_array().empty());
  auto profile = world_->Call(jussi_, "PATCH", "/api/v1/providers/" + provider_ + "/profile",
                              R"json({"phone":"040 1234567","website":"javascript:alert(1)"})json",
                              {{"If-Match", "\"" + std::to_string(doc.at("version").as_int64()) + "\""}});
  EXPECT_EQ(profile->status, 422);
  ExpectProblemField(*profile, "website");
  EXPECT_EQ(Fetch(world_->port(), "GET", "/api/v1/providers/" + welfare_)->status, 404) << "a purchaser is no provider";
}

TEST_F(DirectoryApiTest, ImagesAreCheckedByTheirBytesAndNeverServedAsADocument) {
  // A whole 640 × 480 PNG (IHDR, a little IDAT, IEND with their CRCs).
  const std::string png(
      "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x02\x80\x00\x00\x01\xe0"
      "\x08\x06\x00\x00\x00\x35\xd1\xdc\xe4\x00\x00\x00\x0b\x49\x44\x41\x54\x78\x9c\x63\x60\x00\x02"
      "\x00\x00\x05\x00\x01\x7a\x5e\xab\x3f\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
      68);
  auto upload = [&](const Session& s, const std::string& bytes, const std::string& type) {
    return Fetch(world_->port(), "POST", "/api/v1/providers/" + provider_ + "/images",
                 {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}, {"Content-Type", type}}, bytes);
  };
  auto html = upload(jussi_, "<html><script>alert(1)</script></html>", "image/png");
  EXPECT_EQ(upload(jussi_, png + "<script>alert(1)</script>", "image/png")->status, 422) << "a polyglot";
  EXPECT_EQ(html->status, 422);
  ExpectProblemField(*html, "body");
  auto lying = upload(jussi_, png, "image/jpeg");
  EXPECT_EQ(lying->status, 422);
  EXPECT_EQ(upload(hanna_, png, "image/png")->status, 403) << "another provider's admin";
  auto stored = upload(jussi_, png, "image/png");
  ASSERT_EQ(stored->status, 201) << stored->body;
  auto doc = json::parse(stored->body);
  EXPECT_EQ(doc.at("width"), 640);
  std::string image(doc.at("id").as_string());
  auto served = Fetch(world_->port(), "GET", "/api/v1/images/" + image);
  ASSERT_EQ(served->status, 200);
  EXPECT_EQ(served->body, png);
  EXPECT_EQ(served->Header("content-type"), "image/png");
  EXPECT_EQ(served->Header("x-content-type-options"), "nosniff");
  EXPECT_NE(served->Header("content-security-policy").find("sandbox"), std::string::npos);
  json::object content = json::parse(Content("fi", "Kuvallinen palvelu", "Kuvan kanssa.")).as_object();
  content["image_ids"] = json::array{json::value(image)};
  auto with_image =
      world_->Call(jussi_, "POST", "/api/v1/providers/" + provider_ + "/services", json::serialize(content));
  EXPECT_EQ(with_image->status, 201) << with_image->body;
  std::string friends = world_->OrgId("Ystäväpalvelu Tampere ry");
  auto foreign = world_->Call(hanna_, "POST", "/api/v1/providers/" + friends + "/services", json::serialize(content));
  EXPECT_EQ(foreign->status, 422) << "another provider's image";
  ExpectProblemField(*foreign, "image_ids[0]");
}

}  // namespace
}  // namespace allmende::testing
