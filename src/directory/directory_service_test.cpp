#include "directory/directory_service.hpp"

#include <boost/json.hpp>

#include "access/access_test_world.hpp"

namespace allmende::directory {
namespace {

// The review's state machine and the content rules, on a SQLite database with the real schema
// (the reference data of migration 0010 included).
class DirectoryServiceTest : public access::AccessWorld {
 protected:
  void SetUp() override {
    AccessWorld::SetUp();
    Region("reg_a");
    Org("org_cleaning", "reg_a", "provider_company");
    Org("org_kotitori", "reg_a", "integrator");
    for (auto u : {"jussi", "outi"}) User(u);
    Member("jussi", "org_cleaning", "reg_a", "provider_admin");
    Member("outi", "org_kotitori", "reg_a", "coordinator");
    ASSERT_TRUE(catalog_.Load(*db_));
    service_ = std::make_unique<DirectoryService>(*db_, bus_, clock_, catalog_);
  }
  static access::Actor Person(const std::string& id) {
    http::Principal p{id, "user"};
    p.mfa_verified = true;
    return access::Actor(p);
  }
  static boost::json::value Content(const std::string& name) {
    return boost::json::parse(R"({"name":{"fi":")" + name +
                              R"("},"category":"cleaning","area":{"municipalities":["fi-837"]},)"
                              R"("languages":["fi"],"price":{"model":"hourly","amount":3990,"currency":"EUR"}})");
  }
  Service Created() {
    auto s = service_->Create(Person("jussi"), "org_cleaning", Content("Kotisiivous"));
    EXPECT_TRUE(s) << s.error().message;
    return *s;
  }
  static void ExpectIllegal(const Result<Service>& r, const std::string& state) {
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kConflict);
    EXPECT_EQ(r.error().current_state, state);
  }

  SystemTimeSource clock_;
  events::InProcessEventBus bus_;
  CatalogIndex catalog_;
  std::unique_ptr<DirectoryService> service_;
};

TEST_F(DirectoryServiceTest, AServiceIsPublishedOnlyAfterReview) {
  Service s = Created();
  EXPECT_EQ(s.state, "draft");
  ExpectIllegal(service_->Publish(Person("outi"), s.id, s.version), "draft");
  auto submitted = service_->Submit(Person("jussi"), s.id, s.version);
  ASSERT_TRUE(submitted);
  EXPECT_EQ(submitted->state, "in_review");
  auto published = service_->Publish(Person("outi"), s.id, submitted->version);
  ASSERT_TRUE(published) << published.error().message;
  EXPECT_EQ(published->state, "published");
  EXPECT_TRUE(published->published);
  EXPECT_FALSE(published->draft);
}

TEST_F(DirectoryServiceTest, ChangesRequestedGoBackToTheProviderWithTheComment) {
  Service s = Created();
  auto submitted = service_->Submit(Person("jussi"), s.id, s.version);
  auto asked = service_->RequestChanges(Person("outi"), s.id, "Lisää hinta.", submitted->version);
  ASSERT_TRUE(asked);
  EXPECT_EQ(asked->state, "changes_requested");
  EXPECT_EQ(asked->review_comment, "Lisää hinta.");
  auto edited = service_->EditDraft(Person("jussi"), s.id, Content("Kotisiivous, hinta 39,90 €"), asked->version);
  ASSERT_TRUE(edited);
  EXPECT_EQ(edited->state, "draft");
}

TEST_F(DirectoryServiceTest, TheProviderCannotEditWhatIsInReviewNorAnythingArchived) {
  Service s = Created();
  auto submitted = service_->Submit(Person("jussi"), s.id, s.version);
  ExpectIllegal(service_->EditDraft(Person("jussi"), s.id, Content("Uusi"), submitted->version), "in_review");
  auto archived = service_->Archive(Person("jussi"), s.id, submitted->version);
  ASSERT_TRUE(archived);
  ExpectIllegal(service_->EditDraft(Person("jussi"), s.id, Content("Uusi"), archived->version), "archived");
  ExpectIllegal(service_->Submit(Person("jussi"), s.id, archived->version), "archived");
}

TEST_F(DirectoryServiceTest, EditingAPublishedServiceKeepsThePublishedContent) {
  Service s = Created();
  auto submitted = service_->Submit(Person("jussi"), s.id, s.version);
  auto published = service_->Publish(Person("outi"), s.id, submitted->version);
  auto edited = service_->EditDraft(Person("jussi"), s.id, Content("Suursiivous"), published->version);
  ASSERT_TRUE(edited);
  EXPECT_EQ(edited->published->name.at("fi"), "Kotisiivous");
  EXPECT_EQ(edited->draft->name.at("fi"), "Suursiivous");
}

TEST_F(DirectoryServiceTest, AStaleVersionIsRefused) {
  Service s = Created();
  auto stale = service_->Submit(Person("jussi"), s.id, s.version + 1);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kPreconditionFailed);
}

TEST_F(DirectoryServiceTest, ContentProblemsNameTheirFields) {
  auto doc = Content("Nimi").as_object();
  doc["category"] = "rocket_science";
  doc["area"] = boost::json::object{{"districts", boost::json::array{"fi-000-nowhere"}}};
  doc["hours"] = boost::json::array{boost::json::object{{"weekday", 7}, {"opens", "9"}, {"closes", "08:00"}}};
  auto r = service_->Create(Person("jussi"), "org_cleaning", doc);
  ASSERT_FALSE(r);
  std::vector<std::string> fields;
  for (const auto& f : r.error().fields) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"category", "area.districts[0]", "hours[0].weekday", "hours[0].opens"}));
}

}  // namespace
}  // namespace allmende::directory
