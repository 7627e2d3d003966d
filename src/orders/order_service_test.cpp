#include "orders/order_service.hpp"

#include "access/access_test_world.hpp"
#include "orders/visit_service.hpp"

namespace allmende::orders {
namespace {

const std::string kRegionA = "reg_01JD00000000000000000000AA";
const std::string kRegionB = "reg_01JD00000000000000000000BB";

template <typename T>
std::string Why(const Result<T>& r) {
  if (r.ok()) return "";
  std::string out = r.error().message;
  for (const auto& f : r.error().fields) out += " [" + f.field + ": " + f.message + "]";
  return out;
}

// The core loop on a SQLite database with the real schema: a voucher decision, an agreement, an
// order routed to the provider, acceptance, a worker's visit priced and split across the voucher.
class OrderServiceTest : public access::AccessWorld {
 protected:
  void SetUp() override {
    AccessWorld::SetUp();
    Region(kRegionA);
    Org("org_01JD00000000000000000000WE", kRegionA, "welfare_area");
    Org("org_01JD00000000000000000000C1", kRegionA, "provider_company");
    Org("org_01JD00000000000000000000C2", kRegionA, "provider_company");
    Org("org_01JD00000000000000000000KT", kRegionA, "integrator");
    for (auto u : {"sari", "jussi", "aleksi", "jussi2", "outi", "aino"}) User(u);
    Member("sari", "org_01JD00000000000000000000WE", kRegionA, "purchaser_officer");
    Member("jussi", "org_01JD00000000000000000000C1", kRegionA, "provider_admin");
    Member("aleksi", "org_01JD00000000000000000000C1", kRegionA, "provider_worker");
    Member("jussi2", "org_01JD00000000000000000000C2", kRegionA, "provider_admin");
    Member("outi", "org_01JD00000000000000000000KT", kRegionA, "coordinator");
    Client("aino", kRegionA);
    Relation("aino", "org_01JD00000000000000000000WE", "purchaser");  // the welfare area pays for Aino's home care
    funding_ = std::make_unique<funding::FundingService>(*db_, clock_, cipher_);
    orders_ = std::make_unique<OrderService>(
        *db_, outbox_, bus_, clock_, cipher_,
        [](storage::Connection&, const std::string& code) -> std::string {
          if (code == "fi-837") return "Tampere";
          if (code == "fi-562") return "Orivesi";
          if (code == "fi-837-hervanta") return "Hervanta";
          return "";
        },
        "http://allmende.test");
    visits_ = std::make_unique<VisitService>(*orders_, clock_);
    Sql("INSERT INTO voucher_approvals (purchaser_id, provider_id, category, region_id, approved_by, approved_at) "
        "VALUES ('org_01JD00000000000000000000WE', 'org_01JD00000000000000000000C1', 'cleaning', "
        "'reg_01JD00000000000000000000AA', 'sari', '2026-11-01T00:00:00.000Z')");
  }

  static access::Actor Person(const std::string& id) {
    http::Principal p{id, "user"};
    p.mfa_verified = true;
    access::Actor a(p);
    a.request_id = "req_test";
    return a;
  }

  // Sari's decision for Aino: cleaning 4 h a month, 28.00 € an hour.
  std::string Voucher() {
    funding::GrantDraft d;
    d.client_id = "aino";
    d.payer_id = "org_01JD00000000000000000000WE";
    d.kind = "voucher";
    d.categories = {"cleaning"};
    d.unit = "hour";
    d.quantity = 240;
    d.period = "month";
    d.value_cents = 2800;
    d.currency = "EUR";
    d.valid_from = "2026-12-01";
    d.valid_until = "2027-11-30";
    d.decision_reference = "PSHVA/123/2026";
    auto g = funding_->Record(Person("sari"), d);
    EXPECT_TRUE(g) << Why(g);
    return g ? g->id : "";
  }

  void Agreement(const std::string& id, const std::string& provider, int rank) {
    Sql("INSERT INTO framework_agreements (id, region_id, purchaser_id, provider_id, categories, municipalities, "
        "languages, price_model, price_cents, currency, billing_unit_minutes, minimum_minutes, "
        "weekly_capacity_minutes, agreement_rank, offer_count, response_minutes, valid_from, state, created_by, "
        "created_at, updated_at) VALUES ($1, 'reg_01JD00000000000000000000AA', 'org_01JD00000000000000000000WE', $2, "
        "'[\"cleaning\"]', '[\"fi-837\"]', "
        "'[\"fi\",\"sv\"]', 'hourly', 3900, 'EUR', 15, 60, 600, $3, 1, 240, '2026-01-01', 'active', 'sari', $4, $4)",
        {id, provider, std::int64_t{rank}, std::string(kT)});
  }

  NewOrder Cleaning(std::vector<std::string> grants) {
    NewOrder n;
    n.client_id = "aino";
    n.origin = "purchaser";
    n.purchaser_id = "org_01JD00000000000000000000WE";
    n.category = "cleaning";
    n.municipality_code = "fi-837";
    n.district_code = "fi-837-hervanta";
    n.language = "fi";
    n.needs = "Siivous kerran, kaksi huonetta";
    n.address = "Insinöörinkatu 10 B 12, 33720 Tampere";
    n.door_code = "B1234";
    n.schedule.start_date = "2026-12-02";
    n.schedule.window_start = "10:00";
    n.schedule.window_end = "12:00";
    n.duration_minutes = 120;
    n.grants = std::move(grants);
    n.tasks = {"Imurointi", "Kylpyhuone"};
    return n;
  }

  ManualTimeSource clock_{*ParseRfc3339("2026-12-01T06:00:00Z")};
  notify::Outbox outbox_;
  events::InProcessEventBus bus_;
  storage::FieldCipher cipher_ = storage::FieldCipher::Ephemeral();
  std::unique_ptr<funding::FundingService> funding_;
  std::unique_ptr<OrderService> orders_;
  std::unique_ptr<VisitService> visits_;
};

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

TEST_F(OrderServiceTest, ClientNotAtHomeIsChargedByTheAgreementsRule) {
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

TEST_F(OrderServiceTest, AnotherWorkerDoesNotSeeTheVisit) {
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

TEST_F(OrderServiceTest, AWrongDecisionNamesTheFieldAndWritesNothing) {
  Region(kRegionB);
  Org("org_01JD000000000000000000000A", kRegionB, "welfare_area");
  Member("sari", "org_01JD000000000000000000000A", kRegionB, "purchaser_officer");
  funding::GrantDraft d;
  d.client_id = "aino";
  d.payer_id = "org_01JD000000000000000000000A";
  d.kind = "voucher";
  d.categories = {"cleaning"};
  d.unit = "hour";
  d.quantity = 240;
  d.period = "month";
  d.value_cents = 2800;
  d.currency = "EUR";
  d.valid_from = "2026-12-01";
  d.decision_reference = "X/1";
  auto other_region = funding_->Record(Person("sari"), d);
  ASSERT_FALSE(other_region);
  ASSERT_FALSE(other_region.error().fields.empty()) << Why(other_region);
  EXPECT_EQ(other_region.error().fields.at(0).field, "payer_id");
  d.payer_id = "org_01JD00000000000000000000WE";
  d.currency = "XYZ";
  auto currency = funding_->Record(Person("sari"), d);
  ASSERT_FALSE(currency);
  EXPECT_EQ(currency.error().fields.at(0).field, "currency");
  d.currency = "EUR";
  ASSERT_TRUE(funding_->Record(Person("sari"), d));
  auto overlap = funding_->Record(Person("sari"), d);
  ASSERT_FALSE(overlap);
  EXPECT_EQ(overlap.error().fields.at(0).field, "valid_from");
  EXPECT_EQ(Sql1("SELECT COUNT(*) FROM grants"), "1");
}

}  // namespace
}  // namespace allmende::orders
