// The world of the orders service tests: a SQLite database with the real schema, a welfare area
// with two cleaning companies, their admins and a worker, a coordinator, Aino as a client, and
// the services under test on a clock the test moves.
#pragma once

#include "access/access_test_world.hpp"
#include "funding/funding_service.hpp"
#include "orders/order_service.hpp"
#include "orders/visit_service.hpp"

namespace allmende::orders {

inline const std::string kRegionA = "reg_01JD00000000000000000000AA";
inline const std::string kRegionB = "reg_01JD00000000000000000000BB";

template <typename T>
inline std::string Why(const Result<T>& r) {
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

}  // namespace allmende::orders
