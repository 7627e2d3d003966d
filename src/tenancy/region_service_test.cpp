#include "tenancy/region_service.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "storage/migrations.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace allmende::tenancy {
namespace {

class RegionServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::path(::testing::TempDir()) /
            ("allmende_regions_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    db_ = std::move(*storage::OpenSqlite({.path = path_.string(), .read_connections = 2, .busy_timeout_ms = 1000}));
    ASSERT_TRUE(storage::ApplyMigrations(*db_, storage::EmbeddedMigrations("sqlite")));
    service_ = std::make_unique<RegionService>(*db_, bus_);
  }
  void TearDown() override {
    service_.reset();
    db_.reset();
    for (auto s : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + s);
  }
  NewRegion Pirkanmaa() { return {"pirkanmaa", "Pirkanmaan hyvinvointialue", "FI", std::nullopt, std::nullopt}; }

  std::filesystem::path path_;
  std::unique_ptr<storage::Database> db_;
  events::InProcessEventBus bus_;
  std::unique_ptr<RegionService> service_;
  std::optional<http::Principal> admin_ = [] {
    http::Principal p{"admin-token", "platform_admin"};
    p.mfa_verified = true;
    return p;
  }();
};

TEST_F(RegionServiceTest, CreateFillsCountryDefaultsAndCanBeRead) {
  auto created = service_->Create(admin_, Pirkanmaa());
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_EQ(created->code, "pirkanmaa");
  auto page = service_->List(10, "");
  ASSERT_TRUE(page);
  ASSERT_EQ(page->items.size(), 1u);
  const Region& r = page->items[0];
  EXPECT_EQ(r.time_zone, "Europe/Helsinki");
  EXPECT_EQ(r.default_language, "fi");
  auto got = service_->Get(r.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->name, "Pirkanmaan hyvinvointialue");
}

TEST_F(RegionServiceTest, CreationIsAnnouncedToPlatformAdminsOnlyOnce) {
  auto admins = bus_.Subscribe({"role:platform_admin"});
  ASSERT_TRUE(service_->Create(admin_, Pirkanmaa()));
  ASSERT_FALSE(service_->Create(admin_, Pirkanmaa()));  // a second try with the same code announces nothing
  auto got = admins->Drain();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].topic, "region.created");
}

TEST_F(RegionServiceTest, OnlyPlatformAdminsCreate) {
  EXPECT_EQ(service_->Create(std::nullopt, Pirkanmaa()).error().code, ErrorCode::kUnauthenticated);
  http::Principal citizen{"usr_1", "citizen"};
  EXPECT_EQ(service_->Create(citizen, Pirkanmaa()).error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(service_->List(10, "")->items.size(), 0u);
}

TEST_F(RegionServiceTest, InvalidInputListsEveryField) {
  NewRegion bad{"-Bad Code", " ", "SE", std::nullopt, std::string("xx")};
  auto r = service_->Create(admin_, bad);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  std::vector<std::string> fields;
  for (const auto& f : r.error().fields) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"code", "name", "country", "default_language"}));
}

TEST_F(RegionServiceTest, DuplicateCodeIsAFieldError) {
  ASSERT_TRUE(service_->Create(admin_, Pirkanmaa()));
  auto again = service_->Create(admin_, Pirkanmaa());
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().fields.at(0).field, "code");
}

TEST_F(RegionServiceTest, PagesAreStableAndComplete) {
  for (int i = 0; i < 7; ++i) {
    NewRegion r = Pirkanmaa();
    r.code = "region-" + std::to_string(i);
    ASSERT_TRUE(service_->Create(admin_, r));
  }
  std::vector<std::string> codes;
  std::string cursor;
  int pages = 0;
  for (;;) {
    auto page = service_->List(3, cursor);
    ASSERT_TRUE(page);
    ++pages;
    for (const auto& r : page->items) codes.push_back(r.code);
    if (!page->next_cursor) break;
    cursor = *page->next_cursor;
  }
  EXPECT_EQ(pages, 3);
  ASSERT_EQ(codes.size(), 7u);
  for (int i = 0; i < 7; ++i) EXPECT_EQ(codes[static_cast<std::size_t>(i)], "region-" + std::to_string(i));
  EXPECT_EQ(service_->List(0, "").error().fields.at(0).field, "limit");
  EXPECT_EQ(service_->List(5, "garbage").error().fields.at(0).field, "cursor");
}

TEST_F(RegionServiceTest, UnknownOrMalformedIdIsNotFound) {
  EXPECT_EQ(service_->Get("reg_01JD3M5Q8Z4X9K2V7N6B5C4D3E").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service_->Get("../etc/passwd").error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace allmende::tenancy
