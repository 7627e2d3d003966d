#include "orders/order_service.hpp"

#include <set>

#include "orders/order_test_world.hpp"

namespace allmende::orders {
namespace {

TEST_F(OrderServiceTest, AVoucherOrderGoesFromDecisionToAConfirmedVisitWithItsSplit) {
  Agreement("agr_1", "org_01JD00000000000000000000C1", 1);
  const std::string voucher = Voucher();
  auto created = orders_->Create(Person("sari"), Cleaning({voucher}));
  ASSERT_TRUE(created) << Why(created);
  EXPECT_EQ(created->order.state, "offered");

  // Jussi's inbox shows the offer without Aino's identity or address.
  auto inbox = orders_->Inbox(Person("jussi"), "org_01JD00000000000000000000C1", true);
  ASSERT_TRUE(inbox) << Why(inbox);
  ASSERT_EQ(inbox->size(), 1u);
  EXPECT_EQ((*inbox)[0].order.client_name, "");
  EXPECT_EQ((*inbox)[0].order.address, "");
  EXPECT_EQ((*inbox)[0].district_name, "Hervanta");
  EXPECT_EQ((*inbox)[0].order.needs, "Siivous kerran, kaksi huonetta");

  auto accepted = orders_->Accept(Person("jussi"), created->order.id);
  ASSERT_TRUE(accepted) << Why(accepted);
  EXPECT_EQ(accepted->order.state, "accepted");
  ASSERT_EQ(accepted->visits.size(), 1u);
  EXPECT_EQ(accepted->visits[0].starts_at, "2026-12-02T08:00:00.000Z");  // 10:00 in Helsinki in winter

  auto assigned = orders_->Assign(Person("jussi"), created->order.id, "aleksi");
  ASSERT_TRUE(assigned) << Why(assigned);
  EXPECT_EQ(assigned->order.state, "scheduled");

  auto day = visits_->MyDay(Person("aleksi"), "2026-12-02");
  ASSERT_TRUE(day) << Why(day);
  ASSERT_EQ(day->size(), 1u);
  EXPECT_EQ((*day)[0].door_code, "B1234");
  const std::string visit = (*day)[0].visit.id;

  clock_.Set(*ParseRfc3339("2026-12-02T08:05:00Z"));
  ASSERT_TRUE(visits_->CheckIn(Person("aleksi"), visit));
  clock_.Set(*ParseRfc3339("2026-12-02T10:00:00Z"));  // 1 h 55 min: two hours billed in 15-minute units
  auto out = visits_->CheckOut(Person("aleksi"), visit, {{"Imurointi"}, "Kaikki hyvin", std::nullopt});
  ASSERT_TRUE(out) << Why(out);
  EXPECT_EQ(out->visit.state, "delivered");
  EXPECT_EQ(out->visit.billable_minutes, 120);
  EXPECT_EQ(out->visit.price_cents, 7800);                                           // 39.00 €/h × 2 h
  EXPECT_NE(out->explanation.find("56.00"), std::string::npos) << out->explanation;  // the voucher's 28 €/h × 2 h
  // A retried check-out records nothing twice.
  auto again = visits_->CheckOut(Person("aleksi"), visit, {{"Imurointi"}, "Kaikki hyvin", std::nullopt});
  ASSERT_TRUE(again);
  EXPECT_EQ(Sql1("SELECT COUNT(*) FROM grant_uses"), "1");
  EXPECT_EQ(Sql1("SELECT minutes FROM grant_uses"), "120");

  auto confirmed = visits_->Confirm(Person("aino"), visit);
  ASSERT_TRUE(confirmed) << Why(confirmed);
  auto order = orders_->Get(Person("aino"), created->order.id);
  ASSERT_TRUE(order);
  EXPECT_EQ(order->order.state, "confirmed");

  // Aino's voucher has two hours left this month.
  auto grants = funding_->GrantsOf(Person("aino"), "aino");
  ASSERT_TRUE(grants);
  ASSERT_EQ(grants->size(), 1u);
  EXPECT_EQ((*grants)[0].balance.remaining, 120);
}

TEST_F(OrderServiceTest, NobodyLeftEscalatesWithTheReasonInWords) {
  Agreement("agr_1", "org_01JD00000000000000000000C1", 1);
  NewOrder n = Cleaning({});
  n.municipality_code = "fi-562";
  n.district_code.reset();
  n.language = "sv";
  auto created = orders_->Create(Person("sari"), n);
  ASSERT_TRUE(created) << Why(created);
  EXPECT_EQ(created->order.state, "escalated");
  ASSERT_TRUE(created->order.escalation_reason);
  EXPECT_NE(created->order.escalation_reason->find("Orivesi"), std::string::npos) << *created->order.escalation_reason;
  EXPECT_EQ(created->order.escalation_code, "area") << "the agreement serves Tampere only";
}

TEST_F(OrderServiceTest, AnOfferThatRunsOutGoesToTheNextProvider) {
  Agreement("agr_1", "org_01JD00000000000000000000C1", 1);
  Agreement("agr_2", "org_01JD00000000000000000000C2", 2);
  auto created = orders_->Create(Person("sari"), Cleaning({}));
  ASSERT_TRUE(created) << Why(created);
  ASSERT_EQ(created->offers.size(), 1u);
  EXPECT_EQ(created->offers[0].provider_id, "org_01JD00000000000000000000C1");
  clock_.Set(*ParseRfc3339("2026-12-01T10:01:00Z"));  // past the 240-minute deadline
  auto moved = db_->WriteValue<int>([&](storage::Connection& c) { return orders_->ExpireOffers(c, clock_.Now()); });
  ASSERT_TRUE(moved) << Why(moved);
  EXPECT_EQ(*moved, 1);
  auto order = orders_->Get(Person("outi"), created->order.id);
  ASSERT_TRUE(order) << Why(order);
  EXPECT_EQ(order->order.state, "offered");
  ASSERT_EQ(order->offers.size(), 2u);
  EXPECT_EQ(order->offers[0].state, "expired");
  EXPECT_EQ(order->offers[1].provider_id, "org_01JD00000000000000000000C2");
}

TEST_F(OrderServiceTest, OnlyOneProviderWinsAnOffer) {
  Agreement("agr_1", "org_01JD00000000000000000000C1", 1);
  Agreement("agr_2", "org_01JD00000000000000000000C2", 1);
  Sql("UPDATE framework_agreements SET offer_count = 2");
  auto created = orders_->Create(Person("sari"), Cleaning({}));
  ASSERT_TRUE(created) << Why(created);
  ASSERT_EQ(created->offers.size(), 2u);
  ASSERT_TRUE(orders_->Accept(Person("jussi2"), created->order.id));
  auto late = orders_->Accept(Person("jussi"), created->order.id);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, ErrorCode::kConflict);
  EXPECT_EQ(late.error().current_state, "accepted");
}

TEST_F(OrderServiceTest, WhenItsLastOrderEndsTheProviderNoLongerReachesTheClient) {
  Agreement("agr_1", "org_01JD00000000000000000000C1", 1);
  auto created = orders_->Create(Person("sari"), Cleaning({}));
  ASSERT_TRUE(created) << Why(created);
  ASSERT_TRUE(orders_->Accept(Person("jussi"), created->order.id));
  ASSERT_TRUE(orders_->Get(Person("jussi"), created->order.id)) << "while it delivers, the provider reads the order";
  ASSERT_TRUE(orders_->Cancel(Person("aino"), created->order.id, "hospital"));
  auto after = orders_->Get(Person("jussi"), created->order.id);
  ASSERT_FALSE(after);
  EXPECT_EQ(after.error().code, ErrorCode::kPermissionDenied);
}

TEST_F(OrderServiceTest, ALateCancellationIsChargedByTheAgreementsRule) {
  Agreement("agr_1", "org_01JD00000000000000000000C1", 1);
  auto created = orders_->Create(Person("sari"), Cleaning({Voucher()}));
  ASSERT_TRUE(created) << Why(created);
  ASSERT_TRUE(orders_->Accept(Person("jussi"), created->order.id));
  clock_.Set(*ParseRfc3339("2026-12-01T20:00:00Z"));  // 12 hours before the visit: within the 24-hour notice
  auto cancelled = orders_->Cancel(Person("aino"), created->order.id, "");
  ASSERT_TRUE(cancelled) << Why(cancelled);
  ASSERT_EQ(cancelled->visits.size(), 1u);
  EXPECT_EQ(cancelled->visits[0].state, "cancelled");
  EXPECT_EQ(cancelled->visits[0].charge_bp, 5000);
  EXPECT_EQ(cancelled->visits[0].price_cents, 3900);  // half of the planned 2 h at 39.00 €
  EXPECT_EQ(Sql1("SELECT COUNT(*) FROM grant_uses"), "1") << "the charge is split across the voucher once";
}

TEST_F(OrderServiceTest, DecliningShowsTheProviderNoIdentity) {
  Agreement("agr_1", "org_01JD00000000000000000000C1", 1);
  Agreement("agr_2", "org_01JD00000000000000000000C2", 2);
  auto created = orders_->Create(Person("sari"), Cleaning({}));
  ASSERT_TRUE(created) << Why(created);
  auto declined = orders_->Decline(Person("jussi"), created->order.id, "full week");
  ASSERT_TRUE(declined) << Why(declined);
  EXPECT_FALSE(declined->identity_visible);
  EXPECT_EQ(declined->order.address, "");
}

TEST_F(OrderServiceTest, RecurringVisitsKeepTheirLocalHourAcrossTheSpringDstChange) {
  // Weekly on Fridays 10-12 from 19 March 2027; Finland moves to summer time on Sunday 28 March.
  clock_.Set(*ParseRfc3339("2027-03-01T06:00:00Z"));
  Agreement("agr_1", "org_01JD00000000000000000000C1", 1);
  NewOrder n = Cleaning({});
  n.schedule.frequency = "weekly";
  n.schedule.weekdays = {5};
  n.schedule.start_date = "2027-03-19";
  auto created = orders_->Create(Person("sari"), n);
  ASSERT_TRUE(created) << Why(created);
  auto accepted = orders_->Accept(Person("jussi"), created->order.id);
  ASSERT_TRUE(accepted) << Why(accepted);
  ASSERT_GE(accepted->visits.size(), 3u);
  EXPECT_EQ(accepted->visits[0].starts_at, "2027-03-19T08:00:00.000Z");  // 10:00 EET (UTC+2)
  EXPECT_EQ(accepted->visits[1].starts_at, "2027-03-26T08:00:00.000Z");
  EXPECT_EQ(accepted->visits[2].starts_at, "2027-04-02T07:00:00.000Z");  // 10:00 EEST (UTC+3)
  EXPECT_EQ(accepted->visits[2].ends_at, "2027-04-02T09:00:00.000Z");
  // The daily job plans further ahead without planning any visit twice, and the autumn change
  // (31 October) turns back to UTC+2.
  clock_.Set(*ParseRfc3339("2027-10-01T06:00:00Z"));
  auto planned = db_->WriteValue<int>([&](storage::Connection& c) { return orders_->PlanAhead(c, clock_.Now()); });
  ASSERT_TRUE(planned) << Why(planned);
  auto again = db_->WriteValue<int>([&](storage::Connection& c) { return orders_->PlanAhead(c, clock_.Now()); });
  ASSERT_TRUE(again) << Why(again);
  auto view = orders_->Get(Person("sari"), created->order.id);
  ASSERT_TRUE(view) << Why(view);
  std::set<std::string> starts;
  bool october = false, november = false;
  for (const auto& v : view->visits) {
    EXPECT_TRUE(starts.insert(v.starts_at).second) << "planned twice: " << v.starts_at;
    october |= v.starts_at == "2027-10-29T07:00:00.000Z";   // the last Friday of summer time
    november |= v.starts_at == "2027-11-05T08:00:00.000Z";  // the first of winter time
  }
  EXPECT_TRUE(october);
  EXPECT_TRUE(november);
}

// An order the desk placed with a consent that runs out ends with it: the job cancels it, so no
// provider goes on delivering to a client whose consent lapsed.
TEST_F(OrderServiceTest, AnOrderEndsWhenTheConsentItWasPlacedUnderRunsOut) {
  Agreement("agr_1", "org_01JD00000000000000000000C1", 1);
  NewOrder n = Cleaning({});
  n.consent = OrderConsent{"phone", "Aino Virtanen", std::string("2026-12-01")};
  auto created = orders_->Create(Person("outi"), n);
  ASSERT_TRUE(created) << Why(created);
  ASSERT_TRUE(created->order.consent_id.has_value());
  EXPECT_EQ(created->order.state, "offered");
  // Through its last day in Helsinki the consent holds.
  clock_.Set(*ParseRfc3339("2026-12-01T21:59:00Z"));
  auto early =
      db_->WriteValue<int>([&](storage::Connection& c) { return orders_->EndOrdersOfLapsedConsents(c, clock_.Now()); });
  ASSERT_TRUE(early) << Why(early);
  EXPECT_EQ(*early, 0);
  clock_.Set(*ParseRfc3339("2026-12-01T22:00:00Z"));
  auto ended =
      db_->WriteValue<int>([&](storage::Connection& c) { return orders_->EndOrdersOfLapsedConsents(c, clock_.Now()); });
  ASSERT_TRUE(ended) << Why(ended);
  EXPECT_EQ(*ended, 1);
  auto order = orders_->Get(Person("outi"), created->order.id);
  ASSERT_TRUE(order);
  EXPECT_EQ(order->order.state, "cancelled");
  EXPECT_EQ(Sql1("SELECT COUNT(*) FROM order_offers WHERE state = 'open'"), "0");
}

}  // namespace
}  // namespace allmende::orders
