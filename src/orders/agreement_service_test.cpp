#include "orders/agreement_service.hpp"

#include "orders/order_test_world.hpp"

namespace allmende::orders {
namespace {

class AgreementServiceTest : public OrderServiceTest {
 protected:
  orders::Agreement Draft() {
    orders::Agreement a;
    a.purchaser_id = "org_01JD00000000000000000000WE";
    a.provider_id = "org_01JD00000000000000000000C1";
    a.categories = {"cleaning"};
    a.municipalities = {"fi-837"};
    a.languages = {"fi"};
    a.price_model = "hourly";
    a.price_cents = 3900;
    a.weekly_capacity_minutes = 600;
    a.valid_from = "2026-01-01";
    return a;
  }
  void SetUp() override {
    OrderServiceTest::SetUp();
    agreements_ = std::make_unique<AgreementService>(
        *db_, clock_,
        [](storage::Connection&, const std::string& code) -> std::string { return code == "fi-837" ? "Tampere" : ""; });
  }
  std::unique_ptr<AgreementService> agreements_;
};

TEST_F(AgreementServiceTest, OnlyThePurchasersOfficerRecordsAnAgreement) {
  auto by_provider = agreements_->Create(Person("jussi"), Draft());
  ASSERT_FALSE(by_provider);
  EXPECT_EQ(by_provider.error().code, ErrorCode::kPermissionDenied);
  auto stored = agreements_->Create(Person("sari"), Draft());
  ASSERT_TRUE(stored) << Why(stored);
  EXPECT_EQ(stored->provider_name, "org_01JD00000000000000000000C1");
  auto seen = agreements_->Of(Person("jussi"), "org_01JD00000000000000000000C1");
  ASSERT_TRUE(seen) << Why(seen);
  EXPECT_EQ(seen->size(), 1u) << "the provider reads its own agreements";
}

TEST_F(AgreementServiceTest, AWrongPlaceOrCategoryIsNamed) {
  orders::Agreement a = Draft();
  a.municipalities = {"fi-837", "fi-999"};
  auto place = agreements_->Create(Person("sari"), a);
  ASSERT_FALSE(place);
  EXPECT_EQ(place.error().fields.at(0).field, "municipalities[1]");
  a = Draft();
  a.categories = {"no_such"};
  auto category = agreements_->Create(Person("sari"), a);
  ASSERT_FALSE(category);
  EXPECT_EQ(category.error().fields.at(0).field, "categories[0]");
  EXPECT_EQ(Sql1("SELECT COUNT(*) FROM framework_agreements"), "0");
}

TEST_F(AgreementServiceTest, AnEndedAgreementStaysActiveUntilItsLastDay) {
  auto stored = agreements_->Create(Person("sari"), Draft());
  ASSERT_TRUE(stored) << Why(stored);
  auto ended = agreements_->End(Person("sari"), stored->id, "2026-12-31", stored->version);
  ASSERT_TRUE(ended) << Why(ended);
  EXPECT_EQ(ended->state, "active");
  EXPECT_EQ(ended->valid_until, "2026-12-31");
  auto stale = agreements_->End(Person("sari"), stored->id, "2026-12-31", stored->version);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kPreconditionFailed);
}

}  // namespace
}  // namespace allmende::orders
