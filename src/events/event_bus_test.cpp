#include "events/event_bus.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "storage/sqlite/sqlite_database.hpp"

namespace allmende::events {
namespace {

Event Sample(std::vector<std::string> audience) {
  return Event{"evt_1", "region.created", "", "reg_1", std::move(audience), R"({"code":"x"})", "2026-11-24T00:00:00Z"};
}

TEST(Event, JsonRoundTripsAndClientsDoNotSeeTheAudience) {
  Event e = Sample({"role:platform_admin"});
  auto back = Event::FromJson(e.ToJson());
  ASSERT_TRUE(back);
  EXPECT_EQ(back->audience, e.audience);
  EXPECT_EQ(back->data, R"({"code":"x"})");
  EXPECT_EQ(e.ToJson(false).find("audience"), std::string::npos);
  EXPECT_FALSE(Event::FromJson("not json"));
}

TEST(Subscription, ReceivesOnlyMatchingAudiencesAndWakesItsReader) {
  Subscription admin({"role:platform_admin", "user:usr_1"});
  int wakes = 0;
  admin.SetWaker([&] { ++wakes; });
  EXPECT_TRUE(admin.Wants(Sample({"user:usr_1"})));
  EXPECT_FALSE(admin.Wants(Sample({"role:citizen"})));
  admin.Deliver(Sample({"user:usr_1"}));
  EXPECT_EQ(wakes, 1);
  EXPECT_EQ(admin.Drain().size(), 1u);
  EXPECT_TRUE(admin.Drain().empty());
}

TEST(Subscription, SlowReaderLosesOldestAndIsTold) {
  Subscription s({"role:x"}, 2);
  for (int i = 0; i < 3; ++i) {
    Event e = Sample({"role:x"});
    e.id = "evt_" + std::to_string(i);
    s.Deliver(e);
  }
  auto got = s.Drain();
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].id, "evt_1");
  EXPECT_TRUE(s.overflowed());
}

TEST(InProcessEventBus, DeliversOnCommitAndNeverOnRollback) {
  auto path = std::filesystem::path(::testing::TempDir()) / ("allmende_events_" + std::to_string(::getpid()) + ".db");
  auto db = std::move(*storage::OpenSqlite({.path = path.string(), .read_connections = 1, .busy_timeout_ms = 1000}));
  InProcessEventBus bus;
  auto admin = bus.Subscribe({"role:platform_admin"});
  auto citizen = bus.Subscribe({"role:citizen"});
  ASSERT_TRUE(db->Write([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_TRY(bus.Publish(c, Sample({"role:platform_admin"})));
    EXPECT_TRUE(admin->Drain().empty()) << "delivered before commit";
    return Ok();
  }));
  EXPECT_EQ(admin->Drain().size(), 1u);
  EXPECT_TRUE(citizen->Drain().empty());
  auto failed = db->Write([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_TRY(bus.Publish(c, Sample({"role:platform_admin"})));
    return Error::Conflict("no");
  });
  EXPECT_FALSE(failed);
  EXPECT_TRUE(admin->Drain().empty());
  db.reset();
  for (auto s : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + s);
}

}  // namespace
}  // namespace allmende::events
