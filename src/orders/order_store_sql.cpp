#include <algorithm>
#include <chrono>

#include "common/time.hpp"
#include "orders/order_json.hpp"
#include "orders/order_store.hpp"
#include "orders/order_store_rows.hpp"

namespace allmende::orders {
namespace {

using storage::Value;
using store_rows::All;
using store_rows::Opt;

constexpr std::string_view kAgreementColumns =
    "SELECT a.id, a.region_id, a.purchaser_id, p.name, a.provider_id, v.name, a.categories, a.municipalities, "
    "a.languages, a.price_model, a.price_cents, a.currency, a.vat_rate_bp, a.billing_unit_minutes, a.minimum_minutes, "
    "a.weekly_capacity_minutes, a.agreement_rank, a.offer_count, a.response_minutes, a.late_cancel_hours, "
    "a.late_cancel_charge_bp, a.no_show_charge_bp, a.valid_from, a.valid_until, a.state, a.created_at, a.version "
    "FROM framework_agreements a JOIN organizations p ON p.id = a.purchaser_id "
    "JOIN organizations v ON v.id = a.provider_id ";
constexpr std::string_view kInsertAgreement =
    "INSERT INTO framework_agreements (id, region_id, purchaser_id, provider_id, categories, municipalities, "
    "languages, price_model, price_cents, currency, vat_rate_bp, billing_unit_minutes, minimum_minutes, "
    "weekly_capacity_minutes, agreement_rank, offer_count, response_minutes, late_cancel_hours, "
    "late_cancel_charge_bp, no_show_charge_bp, valid_from, valid_until, state, created_by, created_at, updated_at, "
    "version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, "
    "$21, $22, $23, $24, $25, $25, 1)";
// An agreement ends on its last day: until then it stays active for routing and prices.
constexpr std::string_view kEndAgreement =
    "UPDATE framework_agreements SET valid_until = $2, state = CASE WHEN $2 < $5 THEN 'ended' ELSE 'active' END, "
    "updated_at = $4, version = version + 1 WHERE id = $1 AND version = $3";

// provider_name: the accepted provider's, or a shop order's chosen provider's from the start.
constexpr std::string_view kOrderColumns =
    "SELECT o.id, o.region_id, o.origin, o.client_id, u.name, o.ordered_by, o.purchaser_id, o.category, "
    "o.service_id, o.municipality_code, o.district_code, o.language, o.needs_sealed, o.address_sealed, "
    "o.door_code_sealed, o.contact_phone_sealed, o.recurrence, o.duration_minutes, o.grants, "
    "o.chosen_provider_id, o.provider_id, p.name, o.agreement_id, o.worker_id, o.price, o.state, "
    "o.escalation_reason, o.next_deadline, o.created_at, o.updated_at, o.version, o.tasks, o.escalation_code, "
    "o.consent_id FROM orders o JOIN users u ON u.id = o.client_id LEFT JOIN organizations p ON p.id = "
    "COALESCE(o.provider_id, CASE WHEN o.origin = 'shop' THEN o.chosen_provider_id END) ";
constexpr std::string_view kInsertOrder =
    "INSERT INTO orders (id, region_id, origin, client_id, ordered_by, purchaser_id, category, service_id, "
    "municipality_code, district_code, language, needs_sealed, address_sealed, door_code_sealed, "
    "contact_phone_sealed, recurrence, duration_minutes, first_date, grants, chosen_provider_id, provider_id, "
    "agreement_id, worker_id, price, state, escalation_reason, next_deadline, created_at, updated_at, tasks, "
    "escalation_code, consent_id, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, "
    "$16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, 1)";
constexpr std::string_view kUpdateOrder =
    "UPDATE orders SET provider_id = $2, agreement_id = $3, worker_id = $4, price = $5, state = $6, "
    "escalation_reason = $7, next_deadline = $8, updated_at = $9, escalation_code = $11, version = version + 1 "
    "WHERE id = $1 AND version = $10";

constexpr std::string_view kOfferColumns =
    "SELECT id, region_id, order_id, provider_id, seq, state, offered_at, deadline, decided_at, reason "
    "FROM order_offers ";
constexpr std::string_view kInsertOffer =
    "INSERT INTO order_offers (id, region_id, order_id, provider_id, seq, state, offered_at, deadline) "
    "VALUES ($1, $2, $3, $4, $5, 'open', $6, $7)";
constexpr std::string_view kDecideOffer =
    "UPDATE order_offers SET state = $2, decided_by = $3, reason = $4, decided_at = $5 "
    "WHERE id = $1 AND state = 'open'";

Agreement ToAgreement(const storage::Row& r) {
  Agreement a;
  a.id = r.Text(0);
  a.region_id = r.Text(1);
  a.purchaser_id = r.Text(2);
  a.purchaser_name = r.Text(3);
  a.provider_id = r.Text(4);
  a.provider_name = r.Text(5);
  a.categories = StringListFrom(r.Text(6));
  a.municipalities = StringListFrom(r.Text(7));
  a.languages = StringListFrom(r.Text(8));
  a.price_model = r.Text(9);
  a.price_cents = r.Int(10);
  a.currency = r.Text(11);
  a.vat_rate_bp = static_cast<int>(r.Int(12));
  a.billing_unit_minutes = static_cast<int>(r.Int(13));
  a.minimum_minutes = static_cast<int>(r.Int(14));
  a.weekly_capacity_minutes = r.Int(15);
  a.rank = static_cast<int>(r.Int(16));
  a.offer_count = static_cast<int>(r.Int(17));
  a.response_minutes = static_cast<int>(r.Int(18));
  a.late_cancel_hours = static_cast<int>(r.Int(19));
  a.late_cancel_charge_bp = static_cast<int>(r.Int(20));
  a.no_show_charge_bp = static_cast<int>(r.Int(21));
  a.valid_from = r.Text(22);
  a.valid_until = r.OptText(23);
  a.state = r.Text(24);
  a.created_at = r.Text(25);
  a.version = r.Int(26);
  return a;
}

Order ToOrder(const storage::Row& r) {
  Order o;
  o.id = r.Text(0);
  o.region_id = r.Text(1);
  o.origin = r.Text(2);
  o.client_id = r.Text(3);
  o.client_name = r.Text(4);
  o.ordered_by = r.Text(5);
  o.purchaser_id = r.OptText(6);
  o.category = r.Text(7);
  o.service_id = r.OptText(8);
  o.municipality_code = r.Text(9);
  o.district_code = r.OptText(10);
  o.language = r.Text(11);
  o.needs = r.Text(12);
  o.address = r.Text(13);
  o.door_code = r.Text(14);
  o.contact_phone = r.Text(15);
  o.schedule = ScheduleFrom(r.Text(16));
  o.duration_minutes = static_cast<int>(r.Int(17));
  o.grants = StringListFrom(r.Text(18));
  o.chosen_provider_id = r.OptText(19);
  o.provider_id = r.OptText(20);
  o.provider_name = r.OptText(21);
  o.agreement_id = r.OptText(22);
  o.worker_id = r.OptText(23);
  o.price = PriceFrom(r.OptText(24));
  o.state = r.Text(25);
  o.escalation_reason = r.OptText(26);
  o.next_deadline = r.OptText(27);
  o.created_at = r.Text(28);
  o.updated_at = r.Text(29);
  o.version = r.Int(30);
  o.tasks = StringListFrom(r.Text(31));
  o.escalation_code = r.OptText(32);
  o.consent_id = r.OptText(33);
  return o;
}

Offer ToOffer(const storage::Row& r, std::size_t at = 0) {
  return {r.Text(at),     r.Text(at + 1), r.Text(at + 2), r.Text(at + 3),    r.Int(at + 4),
          r.Text(at + 5), r.Text(at + 6), r.Text(at + 7), r.OptText(at + 8), r.OptText(at + 9)};
}

}  // namespace

Result<void> OrderStore::InsertAgreement(storage::Connection& c, const Agreement& a, const std::string& by) {
  ALLMENDE_TRY(c.Execute(kInsertAgreement, {a.id,
                                            a.region_id,
                                            a.purchaser_id,
                                            a.provider_id,
                                            StringListJson(a.categories),
                                            StringListJson(a.municipalities),
                                            StringListJson(a.languages),
                                            a.price_model,
                                            a.price_cents,
                                            a.currency,
                                            std::int64_t{a.vat_rate_bp},
                                            std::int64_t{a.billing_unit_minutes},
                                            std::int64_t{a.minimum_minutes},
                                            a.weekly_capacity_minutes,
                                            std::int64_t{a.rank},
                                            std::int64_t{a.offer_count},
                                            std::int64_t{a.response_minutes},
                                            std::int64_t{a.late_cancel_hours},
                                            std::int64_t{a.late_cancel_charge_bp},
                                            std::int64_t{a.no_show_charge_bp},
                                            a.valid_from,
                                            Opt(a.valid_until),
                                            a.state,
                                            by,
                                            a.created_at}));
  return Ok();
}

Result<std::optional<Agreement>> OrderStore::GetAgreement(storage::Connection& c, const std::string& id) {
  static const std::string sql = std::string(kAgreementColumns) + "WHERE a.id = $1";
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(sql, {id}));
  if (!row) return std::optional<Agreement>();
  return std::optional<Agreement>(ToAgreement(*row));
}

Result<std::vector<Agreement>> OrderStore::AgreementsOf(storage::Connection& c, const std::string& organization_id) {
  static const std::string sql = std::string(kAgreementColumns) +
                                 "WHERE a.purchaser_id = $1 OR a.provider_id = $1 ORDER BY a.agreement_rank, v.name";
  return All<Agreement>(c, sql, {organization_id}, ToAgreement);
}

Result<std::vector<Agreement>> OrderStore::AgreementsFor(storage::Connection& c, const std::string& purchaser_id,
                                                         const std::string& category, const std::string& date) {
  static const std::string sql = std::string(kAgreementColumns) +
                                 "WHERE a.purchaser_id = $1 AND a.state = 'active' AND a.valid_from <= $2 AND "
                                 "(a.valid_until IS NULL OR a.valid_until >= $2) ORDER BY a.agreement_rank, a.id";
  ALLMENDE_ASSIGN_OR_RETURN(auto all, All<Agreement>(c, sql, {purchaser_id, date}, ToAgreement));
  std::vector<Agreement> out;
  for (auto& a : all) {
    if (std::find(a.categories.begin(), a.categories.end(), category) != a.categories.end())
      out.push_back(std::move(a));
  }
  return out;
}

Result<bool> OrderStore::EndAgreement(storage::Connection& c, const std::string& id, const std::string& until,
                                      std::int64_t version, const std::string& now) {
  ALLMENDE_ASSIGN_OR_RETURN(auto n, c.Execute(kEndAgreement, {id, until, version, now, now.substr(0, 10)}));
  return n == 1;
}

Result<void> OrderStore::InsertOrder(storage::Connection& c, const Order& o) {
  ALLMENDE_TRY(c.Execute(kInsertOrder, {o.id,
                                        o.region_id,
                                        o.origin,
                                        o.client_id,
                                        o.ordered_by,
                                        Opt(o.purchaser_id),
                                        o.category,
                                        Opt(o.service_id),
                                        o.municipality_code,
                                        Opt(o.district_code),
                                        o.language,
                                        o.needs,
                                        o.address,
                                        o.door_code,
                                        o.contact_phone,
                                        ScheduleJson(o.schedule),
                                        std::int64_t{o.duration_minutes},
                                        o.schedule.start_date,
                                        StringListJson(o.grants),
                                        Opt(o.chosen_provider_id),
                                        Opt(o.provider_id),
                                        Opt(o.agreement_id),
                                        Opt(o.worker_id),
                                        o.price ? Value(PriceJson(*o.price)) : Value(nullptr),
                                        o.state,
                                        Opt(o.escalation_reason),
                                        Opt(o.next_deadline),
                                        o.created_at,
                                        o.updated_at,
                                        StringListJson(o.tasks),
                                        Opt(o.escalation_code),
                                        Opt(o.consent_id)}));
  return Ok();
}

Result<std::optional<Order>> OrderStore::GetOrder(storage::Connection& c, const std::string& id) {
  static const std::string sql = std::string(kOrderColumns) + "WHERE o.id = $1";
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(sql, {id}));
  if (!row) return std::optional<Order>();
  return std::optional<Order>(ToOrder(*row));
}

Result<bool> OrderStore::UpdateOrder(storage::Connection& c, const Order& o, std::int64_t expected_version) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto n,
      c.Execute(kUpdateOrder, {o.id, Opt(o.provider_id), Opt(o.agreement_id), Opt(o.worker_id),
                               o.price ? Value(PriceJson(*o.price)) : Value(nullptr), o.state, Opt(o.escalation_reason),
                               Opt(o.next_deadline), o.updated_at, expected_version, Opt(o.escalation_code)}));
  return n == 1;
}

Result<std::int64_t> OrderStore::OpenOrdersWith(storage::Connection& c, const std::string& client_id,
                                                const std::string& provider_id, const std::string& except) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto row, c.QueryOne("SELECT COUNT(*) FROM orders WHERE client_id = $1 AND provider_id = $2 AND id <> $3 AND "
                           "state NOT IN ('confirmed', 'declined', 'expired', 'cancelled', 'failed')",
                           {client_id, provider_id, except}));
  return row ? row->Int(0) : 0;
}

Result<std::vector<Order>> OrderStore::OrdersOfClient(storage::Connection& c, const std::string& client_id, int limit) {
  static const std::string sql =
      std::string(kOrderColumns) + "WHERE o.client_id = $1 ORDER BY o.created_at DESC, o.id DESC LIMIT $2";
  return All<Order>(c, sql, {client_id, std::int64_t{limit}}, ToOrder);
}

Result<std::vector<Order>> OrderStore::RecurringOrders(storage::Connection& c, const std::string& after_id, int limit) {
  static const std::string sql =
      std::string(kOrderColumns) + "WHERE o.state IN ('accepted', 'scheduled') AND o.id > $1 ORDER BY o.id LIMIT $2";
  return All<Order>(c, sql, {after_id, std::int64_t{limit}}, ToOrder);
}

Result<std::optional<Contact>> OrderStore::ContactOf(storage::Connection& c, const std::string& user_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT email, name, language FROM users WHERE id = $1", {user_id}));
  if (!row) return std::optional<Contact>();
  return std::optional<Contact>(Contact{row->Text(0), row->Text(1), row->Text(2)});
}

Result<std::vector<Order>> OrderStore::Board(storage::Connection& c, const BoardFilter& f) {
  // One index range (region, state, updated_at) per state, each cut at the page size, merged:
  // the board reads the orders that need someone, never the millions that are finished. An
  // empty filter value matches everything; the statement is one constant for every combination.
  static const std::string sql = [] {
    std::string per_state;
    for (int k = 0; k < 5; ++k) {
      const std::string state = "$" + std::to_string(2 + k);
      per_state += std::string(k ? " UNION ALL " : "") + "SELECT * FROM (SELECT id, updated_at FROM orders " +
                   "WHERE region_id = $1 AND state = " + state +
                   " AND ($7 = '' OR municipality_code = $7) AND ($8 = '' OR category = $8) "
                   "AND ($9 = '' OR provider_id = $9) AND ($10 = '' OR updated_at > $10 OR "
                   "(updated_at = $10 AND id > $11)) ORDER BY updated_at, id LIMIT $12) s" +
                   std::to_string(k);
    }
    return std::string(kOrderColumns) + "JOIN (SELECT id FROM (" + per_state +
           ") merged ORDER BY updated_at, id LIMIT $12) page ON page.id = o.id ORDER BY o.updated_at, o.id";
  }();
  storage::Params p{f.region_id};
  for (std::size_t i = 0; i < 5; ++i) p.emplace_back(i < f.states.size() ? f.states[i] : std::string("-"));
  p.insert(p.end(),
           {f.municipality_code, f.category, f.provider_id, f.after_updated_at, f.after_id, std::int64_t{f.limit}});
  return All<Order>(c, sql, p, ToOrder);
}

Result<std::map<std::string, std::int64_t>> OrderStore::CountByState(storage::Connection& c,
                                                                     const std::string& region_id,
                                                                     const std::vector<std::string>& states) {
  std::map<std::string, std::int64_t> out;
  for (const auto& state : states) {
    ALLMENDE_ASSIGN_OR_RETURN(
        auto row, c.QueryOne("SELECT COUNT(*) FROM orders WHERE region_id = $1 AND state = $2", {region_id, state}));
    out[state] = row ? row->Int(0) : 0;
  }
  return out;
}

Result<void> OrderStore::InsertOffer(storage::Connection& c, const Offer& o) {
  ALLMENDE_TRY(
      c.Execute(kInsertOffer, {o.id, o.region_id, o.order_id, o.provider_id, o.seq, o.offered_at, o.deadline}));
  return Ok();
}

Result<std::vector<Offer>> OrderStore::OffersOf(storage::Connection& c, const std::string& order_id) {
  static const std::string sql = std::string(kOfferColumns) + "WHERE order_id = $1 ORDER BY seq";
  return All<Offer>(c, sql, {order_id}, [](const storage::Row& r) { return ToOffer(r); });
}

Result<bool> OrderStore::DecideOffer(storage::Connection& c, const std::string& offer_id, const std::string& state,
                                     const std::string& by, const std::string& reason, const std::string& now) {
  ALLMENDE_ASSIGN_OR_RETURN(auto n, c.Execute(kDecideOffer, {offer_id, state, by, reason, now}));
  return n == 1;
}

Result<std::vector<InboxLine>> OrderStore::Inbox(storage::Connection& c, const std::string& provider_id, bool open_only,
                                                 int limit) {
  static const std::string sql = std::string(kOfferColumns) +
                                 "WHERE provider_id = $1 AND ($2 = 0 OR state = 'open') "
                                 "ORDER BY CASE state WHEN 'open' THEN 0 ELSE 1 END, deadline DESC, id LIMIT $3";
  ALLMENDE_ASSIGN_OR_RETURN(auto offers,
                            All<Offer>(c, sql, {provider_id, std::int64_t{open_only ? 1 : 0}, std::int64_t{limit}},
                                       [](const storage::Row& r) { return ToOffer(r); }));
  std::vector<InboxLine> out;
  for (auto& f : offers) {
    ALLMENDE_ASSIGN_OR_RETURN(auto o, GetOrder(c, f.order_id));
    if (o) out.push_back({std::move(f), std::move(*o)});
  }
  return out;
}

Result<std::vector<std::string>> OrderStore::OrdersWithLapsedConsent(storage::Connection& c, const std::string& now,
                                                                     int limit) {
  // The states a cancellation leaves (order_states.cpp); the consent is read as the policy reads
  // it, through the order's consent_id.
  ALLMENDE_ASSIGN_OR_RETURN(
      auto rows, c.Query("SELECT o.id FROM orders o JOIN client_consents k ON k.id = o.consent_id WHERE "
                         "k.withdrawn_at IS NULL AND k.valid_until IS NOT NULL AND k.valid_until <= $1 AND o.state IN "
                         "('draft', 'submitted', 'routing', 'offered', 'escalated', 'accepted', 'scheduled') "
                         "ORDER BY k.valid_until, o.id LIMIT $2",
                         {now, std::int64_t{limit}}));
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.Text(0));
  return out;
}

Result<std::vector<std::string>> OrderStore::OrdersWithExpiredOffers(storage::Connection& c, const std::string& now,
                                                                     int limit) {
  return All<std::string>(
      c,
      "SELECT DISTINCT order_id FROM order_offers WHERE state = 'open' AND deadline <= $1 ORDER BY order_id LIMIT $2",
      {now, std::int64_t{limit}}, [](const storage::Row& r) { return r.Text(0); });
}

Result<std::map<std::string, std::int64_t>> OrderStore::LastOfferSeq(storage::Connection& c,
                                                                     const std::string& region_id,
                                                                     const std::vector<std::string>& providers) {
  std::map<std::string, std::int64_t> out;
  for (const auto& provider : providers) {
    ALLMENDE_ASSIGN_OR_RETURN(auto row,
                              c.QueryOne("SELECT MAX(seq) FROM order_offers WHERE region_id = $1 AND provider_id = $2",
                                         {region_id, provider}));
    if (row && !row->IsNull(0)) out[provider] = row->Int(0);
  }
  return out;
}

Result<std::map<std::string, std::int64_t>> OrderStore::PlannedMinutes(storage::Connection& c,
                                                                       const std::string& region_id,
                                                                       const std::string& from, const std::string& to) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto rows, c.Query("SELECT provider_id, starts_at, ends_at FROM visits WHERE region_id = $1 AND starts_at >= $2 "
                         "AND starts_at < $3 AND state <> 'cancelled'",
                         {region_id, from, to}));
  std::map<std::string, std::int64_t> out;
  for (const auto& r : rows) {
    auto s = ParseRfc3339(r.Text(1));
    auto e = ParseRfc3339(r.Text(2));
    if (s && e) out[r.Text(0)] += std::chrono::duration_cast<std::chrono::minutes>(*e - *s).count();
  }
  return out;
}

}  // namespace allmende::orders
