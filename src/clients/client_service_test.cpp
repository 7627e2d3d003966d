#include "clients/client_service.hpp"

#include <set>

#include "access/access_test_world.hpp"
#include "clients/client_registry_store.hpp"

namespace allmende::clients {
namespace {

class ClientServiceTest : public access::AccessWorld {
 protected:
  void SetUp() override {
    AccessWorld::SetUp();
    Region("reg_a");
    Org("org_k", "reg_a", "integrator");
    for (auto u : {"aino", "mikko", "pekka"}) User(u);
    Client("aino", "reg_a");
    Member("mikko", "org_k", "reg_a", "advisor");
    service_ = std::make_unique<ClientService>(*db_, clock_, bus_);
  }
  static access::Actor Person(const std::string& id, const std::string& purpose = "") {
    http::Principal p{id, "user"};
    p.mfa_verified = true;
    access::Actor a(p);
    a.request_id = "req_test";
    a.purpose = purpose;
    return a;
  }
  events::InProcessEventBus bus_;
  ManualTimeSource clock_{*ParseRfc3339("2026-11-24T08:00:00Z")};
  std::unique_ptr<ClientService> service_;
};

// The access-log entries are the request guard's (request_guard_test.cpp); the service decides.
TEST_F(ClientServiceTest, StaffOfTheRegionReadAndOthersAreRefused) {
  auto r = service_->Get(Person("mikko", "Kotikäynti"), "aino");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->name, "Name of aino");
  EXPECT_EQ(service_->Get(Person("pekka"), "aino").error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(service_->Get(Person("pekka"), "pekka").error().code, ErrorCode::kNotFound) << "pekka is no client";
}

TEST_F(ClientServiceTest, UpdateNeedsTheCurrentVersionAndChecksFields) {
  EXPECT_EQ(service_->Update(Person("mikko"), "aino", {.phone = "+358 40 123"}, 7).error().code,
            ErrorCode::kPreconditionFailed);
  auto bad = service_->Update(Person("mikko"), "aino", {.name = "", .language = "xx"}, 1);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().fields.size(), 2u);
  auto changed = service_->Update(Person("mikko"), "aino", {.phone = "+358 40 123"}, 1);
  ASSERT_TRUE(changed) << changed.error().message;
  EXPECT_EQ(changed->phone, "+35840123") << "stored in E.164 (common/validate.hpp)";
  EXPECT_EQ(changed->version, 2);
}

// A merge moves every reference to the duplicate: a new table naming a client must be added to
// RegistryStore::ClientReferences (or to the deliberate exceptions here), or this fails.
TEST_F(ClientServiceTest, MergeKnowsEveryColumnThatNamesAClient) {
  std::set<std::string> named;
  ASSERT_TRUE(db_->Read([&](storage::Connection& c) -> Result<void> {
                   ALLMENDE_ASSIGN_OR_RETURN(
                       auto rows, c.Query("SELECT m.name FROM sqlite_schema m JOIN pragma_table_info(m.name) p "
                                          "WHERE m.type = 'table' AND p.name = 'client_id'"));
                   for (const auto& r : rows) named.insert(r.Text(0) + ".client_id");
                   return Ok();
                 })
                  .ok());
  // The access log is never rewritten; a billing line says whom a run billed, and a locked run
  // never changes (a draft's lines are collected again from the orders, which the merge moves).
  std::set<std::string> covered{"access_log.client_id", "billing_lines.client_id"};
  for (const auto& ref : RegistryStore::ClientReferences()) covered.insert(ref);
  EXPECT_EQ(named, covered);
}

}  // namespace
}  // namespace allmende::clients
