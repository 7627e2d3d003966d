#include "orders/visit_service.hpp"

#include "orders/order_test_world.hpp"

namespace allmende::orders {
namespace {

using VisitServiceTest = OrderServiceTest;

TEST_F(VisitServiceTest, ClientNotAtHomeIsChargedByTheAgreementsRule) {
  Agreement("agr_1", "org_01JD00000000000000000000C1", 1);
  auto created = orders_->Create(Person("sari"), Cleaning({}));
  ASSERT_TRUE(created);
  ASSERT_TRUE(orders_->Accept(Person("jussi"), created->order.id));
  ASSERT_TRUE(orders_->Assign(Person("jussi"), created->order.id, "aleksi"));
  auto day = visits_->MyDay(Person("aleksi"), "2026-12-02");
  ASSERT_TRUE(day);
  ASSERT_EQ(day->size(), 1u);
  // Weeks ahead nobody marks a client absent; at the visit's time the rule applies.
  auto early = visits_->NotAtHome(Person("aleksi"), (*day)[0].visit.id, "Ei avannut ovea");
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, ErrorCode::kConflict);
  clock_.Set(*ParseRfc3339("2026-12-02T08:20:00Z"));
  auto failed = visits_->NotAtHome(Person("aleksi"), (*day)[0].visit.id, "Ei avannut ovea");
  ASSERT_TRUE(failed) << Why(failed);
  EXPECT_EQ(failed->visit.state, "failed");
  EXPECT_EQ(failed->visit.price_cents, 7800);  // the full planned visit: no_show_charge_bp 10000
  auto order = orders_->Get(Person("sari"), created->order.id);
  ASSERT_TRUE(order);
  EXPECT_EQ(order->order.state, "failed");
  // An illegal step answers with the state it is in.
  auto confirm = visits_->Confirm(Person("aino"), (*day)[0].visit.id);
  ASSERT_FALSE(confirm);
  EXPECT_EQ(confirm.error().current_state, "failed");
}

TEST_F(VisitServiceTest, AnotherWorkerDoesNotSeeTheVisit) {
  Agreement("agr_1", "org_01JD00000000000000000000C1", 1);
  User("other");
  Member("other", "org_01JD00000000000000000000C1", kRegionA, "provider_worker");
  auto created = orders_->Create(Person("sari"), Cleaning({}));
  ASSERT_TRUE(created);
  ASSERT_TRUE(orders_->Accept(Person("jussi"), created->order.id));
  ASSERT_TRUE(orders_->Assign(Person("jussi"), created->order.id, "aleksi"));
  auto theirs = visits_->MyDay(Person("other"), "2026-12-02");
  ASSERT_TRUE(theirs);
  EXPECT_TRUE(theirs->empty());
  const std::string visit = Sql1("SELECT id FROM visits");
  auto check_in = visits_->CheckIn(Person("other"), visit);
  ASSERT_FALSE(check_in);
  EXPECT_EQ(check_in.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace allmende::orders
