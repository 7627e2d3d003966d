#include "clients/client_service.hpp"

#include "access/access_test_world.hpp"

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
    service_ = std::make_unique<ClientService>(*db_, clock_);
  }
  static access::Actor Person(const std::string& id, const std::string& purpose = "") {
    http::Principal p{id, "user"};
    p.mfa_verified = true;
    access::Actor a(p);
    a.request_id = "req_test";
    a.purpose = purpose;
    return a;
  }
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

}  // namespace
}  // namespace allmende::clients
