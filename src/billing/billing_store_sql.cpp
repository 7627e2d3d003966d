#include <boost/json.hpp>

#include "billing/billing_store.hpp"

namespace allmende::billing {
namespace {

using storage::Value;

Value Opt(const std::optional<std::string>& v) { return v ? Value(*v) : Value(nullptr); }
Value OptInt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(nullptr); }

constexpr std::string_view kRunColumns =
    "SELECT r.id, r.region_id, r.purchaser_id, o.name, r.period_start, r.period_end, r.currency, r.state, "
    "r.line_count, r.total_cents, r.created_by, r.created_at, r.collected_at, r.locked_by, r.locked_at, r.version "
    "FROM billing_runs r JOIN organizations o ON o.id = r.purchaser_id ";

BillingRun ToRun(const storage::Row& r) {
  BillingRun run;
  run.id = r.Text(0);
  run.region_id = r.Text(1);
  run.purchaser_id = r.Text(2);
  run.purchaser_name = r.Text(3);
  run.period_start = r.Text(4);
  run.period_end = r.Text(5);
  run.currency = r.Text(6);
  run.state = r.Text(7);
  run.line_count = r.Int(8);
  run.total_cents = r.Int(9);
  run.created_by = r.Text(10);
  run.created_at = r.Text(11);
  run.collected_at = r.Text(12);
  run.locked_by = r.OptText(13);
  run.locked_at = r.OptText(14);
  run.version = r.Int(15);
  return run;
}

// A line with the names of its provider, client and payer (an organization's, or the client's).
constexpr std::string_view kLineColumns =
    "SELECT l.id, l.run_id, l.seq, l.kind, l.corrects_line_id, l.visit_id, l.share_index, l.order_id, "
    "l.provider_id, p.name, l.client_id, u.name, l.payer_kind, l.payer_id, "
    "CASE WHEN l.payer_kind = 'client' THEN u.name ELSE payer.name END, l.paid_to, l.grant_id, l.visit_date, "
    "l.charge, l.charge_bp, l.minutes, l.visit_price_cents, l.amount_cents, l.vat_rate_bp, l.rule, l.rate_cents, "
    "l.basis_points, l.price_source, o.price "
    "FROM billing_lines l JOIN organizations p ON p.id = l.provider_id JOIN users u ON u.id = l.client_id "
    "JOIN orders o ON o.id = l.order_id "
    "LEFT JOIN organizations payer ON payer.id = l.payer_id AND l.payer_kind = 'organization' ";

BillingLine ToLine(const storage::Row& r) {
  BillingLine l;
  l.id = r.Text(0);
  l.run_id = r.Text(1);
  l.seq = r.Int(2);
  l.kind = r.Text(3);
  l.corrects_line_id = r.OptText(4);
  l.visit_id = r.Text(5);
  l.share_index = r.Int(6);
  l.order_id = r.Text(7);
  l.provider_id = r.Text(8);
  l.provider_name = r.Text(9);
  l.client_id = r.Text(10);
  l.client_name = r.Text(11);
  l.payer_kind = r.Text(12);
  l.payer_id = r.Text(13);
  l.payer_name = r.OptText(14).value_or("");
  l.paid_to = r.Text(15);
  l.grant_id = r.OptText(16);
  l.visit_date = r.Text(17);
  l.charge = r.Text(18);
  l.charge_bp = r.Int(19);
  l.minutes = r.Int(20);
  l.visit_price_cents = r.Int(21);
  l.amount_cents = r.Int(22);
  l.vat_rate_bp = r.Int(23);
  l.rule = r.Text(24);
  l.rate_cents = r.OptInt(25);
  l.basis_points = r.OptInt(26);
  l.price_source = r.Text(27);
  l.price = r.OptText(28).value_or("null");
  return l;
}

}  // namespace

Result<std::optional<Purchaser>> BillingStore::PurchaserOf(storage::Connection& c, const std::string& organization_id) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto row, c.QueryOne("SELECT o.id, o.name, o.kind, o.region_id, g.country, g.time_zone FROM organizations o "
                           "JOIN regions g ON g.id = o.region_id WHERE o.id = $1",
                           {organization_id}));
  if (!row) return std::optional<Purchaser>();
  return std::optional<Purchaser>(
      Purchaser{row->Text(0), row->Text(1), row->Text(2), row->Text(3), row->Text(4), row->Text(5)});
}

Result<std::optional<BillingRun>> BillingStore::Run(storage::Connection& c, const std::string& run_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(std::string(kRunColumns) + "WHERE r.id = $1", {run_id}));
  if (!row) return std::optional<BillingRun>();
  return std::optional<BillingRun>(ToRun(*row));
}

Result<std::vector<BillingRun>> BillingStore::Runs(storage::Connection& c, const std::string& purchaser_id, int limit) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto rows, c.Query(std::string(kRunColumns) +
                             "WHERE r.purchaser_id = $1 ORDER BY r.period_start DESC, r.created_at DESC LIMIT $2",
                         {purchaser_id, std::int64_t{limit}}));
  std::vector<BillingRun> out;
  for (const auto& r : rows) out.push_back(ToRun(r));
  return out;
}

Result<std::optional<BillingRun>> BillingStore::Draft(storage::Connection& c, const std::string& purchaser_id) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto row,
      c.QueryOne(std::string(kRunColumns) + "WHERE r.purchaser_id = $1 AND r.state = 'draft'", {purchaser_id}));
  if (!row) return std::optional<BillingRun>();
  return std::optional<BillingRun>(ToRun(*row));
}

Result<void> BillingStore::InsertRun(storage::Connection& c, const BillingRun& r) {
  ALLMENDE_TRY(c.Execute(
      "INSERT INTO billing_runs (id, region_id, purchaser_id, period_start, period_end, currency, state, line_count, "
      "total_cents, created_by, created_at, collected_at, version) "
      "VALUES ($1, $2, $3, $4, $5, $6, 'draft', 0, 0, $7, $8, $8, 1)",
      {r.id, r.region_id, r.purchaser_id, r.period_start, r.period_end, r.currency, r.created_by, r.created_at}));
  return Ok();
}

Result<std::vector<ChargeableVisit>> BillingStore::Chargeable(storage::Connection& c, const std::string& purchaser_id,
                                                              const std::string& before) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto rows,
      c.Query(
          "SELECT v.id, v.order_id, v.provider_id, o.client_id, v.local_date, v.state, COALESCE(v.charge_bp, 10000), "
          "COALESCE(v.billable_minutes, 0), v.price_cents, v.split, o.price, o.agreement_id, o.service_id, "
          "COALESCE(a.vat_rate_bp, 0), p.name "
          "FROM orders o JOIN visits v ON v.order_id = o.id JOIN organizations p ON p.id = v.provider_id "
          "LEFT JOIN framework_agreements a ON a.id = o.agreement_id "
          "WHERE o.purchaser_id = $1 AND v.local_date < $2 AND v.price_cents IS NOT NULL AND v.split IS NOT NULL "
          "AND o.price IS NOT NULL "
          "AND (v.state = 'confirmed' OR (v.state IN ('failed', 'cancelled') AND v.charge_bp > 0)) "
          "AND NOT EXISTS (SELECT 1 FROM billing_lines l WHERE l.visit_id = v.id AND l.kind = 'charge') "
          "ORDER BY v.local_date, v.starts_at, v.id",
          {purchaser_id, before}));
  std::vector<ChargeableVisit> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    ChargeableVisit v;
    v.visit_id = r.Text(0);
    v.order_id = r.Text(1);
    v.provider_id = r.Text(2);
    v.client_id = r.Text(3);
    v.purchaser_id = purchaser_id;
    v.local_date = r.Text(4);
    v.state = r.Text(5);
    v.charge_bp = r.Int(6);
    v.minutes = r.Int(7);
    v.price_cents = r.Int(8);
    v.split = r.Text(9);
    v.price = r.Text(10);
    if (auto agreement = r.OptText(11)) {
      v.price_source = "agreement:" + *agreement;
    } else if (auto service = r.OptText(12)) {
      v.price_source = "service:" + *service;
    }
    v.vat_rate_bp = r.Int(13);
    v.provider_name = r.Text(14);
    out.push_back(std::move(v));
  }
  return out;
}

Result<void> BillingStore::InsertLines(storage::Connection& c, const std::string& run_id,
                                       const std::vector<BillingLine>& lines) {
  for (const auto& l : lines) {
    ALLMENDE_TRY(c.Execute(
        "INSERT INTO billing_lines (id, run_id, seq, kind, corrects_line_id, visit_id, share_index, order_id, "
        "provider_id, client_id, payer_kind, payer_id, paid_to, grant_id, visit_date, charge, charge_bp, minutes, "
        "visit_price_cents, amount_cents, vat_rate_bp, rule, rate_cents, basis_points, price_source) VALUES "
        "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, "
        "$24, $25)",
        {l.id,
         run_id,
         l.seq,
         l.kind,
         Opt(l.corrects_line_id),
         l.visit_id,
         l.share_index,
         l.order_id,
         l.provider_id,
         l.client_id,
         l.payer_kind,
         l.payer_id,
         l.paid_to,
         Opt(l.grant_id),
         l.visit_date,
         l.charge,
         l.charge_bp,
         l.minutes,
         l.visit_price_cents,
         l.amount_cents,
         l.vat_rate_bp,
         l.rule,
         OptInt(l.rate_cents),
         OptInt(l.basis_points),
         l.price_source}));
  }
  return Ok();
}

Result<void> BillingStore::DeleteLines(storage::Connection& c, const std::string& run_id) {
  ALLMENDE_TRY(c.Execute("DELETE FROM billing_lines WHERE run_id = $1", {run_id}));
  return Ok();
}

Result<void> BillingStore::SetCollected(storage::Connection& c, const std::string& run_id, const std::string& at) {
  ALLMENDE_TRY(
      c.Execute("UPDATE billing_runs SET line_count = (SELECT count(*) FROM billing_lines WHERE run_id = $1), "
                "total_cents = (SELECT COALESCE(SUM(amount_cents), 0) FROM billing_lines WHERE run_id = $1), "
                "collected_at = $2, version = version + 1 WHERE id = $1",
                {run_id, at}));
  return Ok();
}

Result<bool> BillingStore::Lock(storage::Connection& c, const std::string& run_id, std::int64_t version,
                                const std::string& by, const std::string& at) {
  ALLMENDE_ASSIGN_OR_RETURN(
      std::int64_t changed,
      c.Execute("UPDATE billing_runs SET state = 'locked', locked_by = $3, locked_at = $4, version = version + 1 "
                "WHERE id = $1 AND version = $2 AND state = 'draft'",
                {run_id, version, by, at}));
  return changed == 1;
}

Result<void> BillingStore::DeleteRun(storage::Connection& c, const std::string& run_id) {
  ALLMENDE_TRY(c.Execute("DELETE FROM billing_runs WHERE id = $1", {run_id}));
  return Ok();
}

Result<std::vector<BillingLine>> BillingStore::Lines(storage::Connection& c, const std::string& run_id,
                                                     std::int64_t after_seq, int limit,
                                                     const std::string& provider_id) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto rows, c.Query(std::string(kLineColumns) +
                             "WHERE l.run_id = $1 AND l.seq > $2 AND ($4 = '' OR l.provider_id = $4) ORDER BY l.seq "
                             "LIMIT $3",
                         {run_id, after_seq, std::int64_t{limit}, provider_id}));
  std::vector<BillingLine> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(ToLine(r));
  return out;
}

Result<std::vector<Total>> BillingStore::ByPayer(storage::Connection& c, const std::string& run_id,
                                                 const std::string& provider_id) {
  // Organizations one by one; the clients' own shares as one sum (a client is named only in the
  // lines, whose reading is logged).
  ALLMENDE_ASSIGN_OR_RETURN(
      auto rows, c.Query("SELECT t.payer_kind, t.payer, COALESCE(o.name, ''), t.cents, t.lines FROM ("
                         "SELECT payer_kind, CASE WHEN payer_kind = 'client' THEN '' ELSE payer_id END AS payer, "
                         "SUM(amount_cents) AS cents, count(*) AS lines FROM billing_lines WHERE run_id = $1 "
                         "AND ($2 = '' OR provider_id = $2) "
                         "GROUP BY payer_kind, CASE WHEN payer_kind = 'client' THEN '' ELSE payer_id END) t "
                         "LEFT JOIN organizations o ON o.id = t.payer "
                         "ORDER BY t.payer_kind DESC, COALESCE(o.name, ''), t.payer",
                         {run_id, provider_id}));
  std::vector<Total> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Int(3), r.Int(4)});
  return out;
}

Result<std::vector<Total>> BillingStore::ByProvider(storage::Connection& c, const std::string& run_id) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto rows, c.Query("SELECT t.provider_id, o.name, t.cents, t.lines FROM (SELECT provider_id, "
                         "SUM(amount_cents) AS cents, count(*) AS lines FROM billing_lines WHERE run_id = $1 "
                         "GROUP BY provider_id) t JOIN organizations o ON o.id = t.provider_id ORDER BY o.name, o.id",
                         {run_id}));
  std::vector<Total> out;
  for (const auto& r : rows) out.push_back({"provider", r.Text(0), r.Text(1), r.Int(2), r.Int(3)});
  return out;
}

Result<std::pair<std::int64_t, std::int64_t>> BillingStore::Sum(storage::Connection& c, const std::string& run_id) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto row,
      c.QueryOne("SELECT COALESCE(SUM(amount_cents), 0), count(*) FROM billing_lines WHERE run_id = $1", {run_id}));
  if (!row) return std::pair<std::int64_t, std::int64_t>{0, 0};
  return std::pair<std::int64_t, std::int64_t>{row->Int(0), row->Int(1)};
}

Result<std::vector<UnbilledVisit>> BillingStore::Unbilled(storage::Connection& c, const std::string& purchaser_id,
                                                          const std::string& start, const std::string& end, int limit) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto rows,
      c.Query("SELECT v.id, v.order_id, o.client_id, v.local_date, v.state, p.name, COALESCE(v.dispute_reason, ''), "
              "v.price_cents FROM orders o JOIN visits v ON v.order_id = o.id "
              "JOIN organizations p ON p.id = v.provider_id WHERE o.purchaser_id = $1 AND v.local_date < $3 AND "
              "((v.local_date >= $2 AND v.state IN ('disputed', 'delivered')) OR "
              "(v.state = 'confirmed' AND (v.price_cents IS NULL OR v.split IS NULL OR o.price IS NULL))) "
              "ORDER BY v.state DESC, v.local_date, v.id LIMIT $4",
              {purchaser_id, start, end, std::int64_t{limit}}));
  std::vector<UnbilledVisit> out;
  for (const auto& r : rows) {
    UnbilledVisit u{r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6), "", r.OptInt(7)};
    if (u.state == "confirmed") u.problem = "unpriced";
    out.push_back(std::move(u));
  }
  return out;
}

Result<std::vector<StatementRun>> BillingStore::Statements(storage::Connection& c, const std::string& provider_id,
                                                           const std::string& run_id, int limit) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto rows,
      c.Query("SELECT r.id, r.purchaser_id, p.name, r.period_start, r.period_end, r.currency, r.locked_at, t.cents, "
              "t.lines FROM (SELECT run_id, SUM(amount_cents) AS cents, count(*) AS lines FROM billing_lines WHERE "
              "provider_id = $1 AND ($2 = '' OR run_id = $2) GROUP BY run_id) t JOIN billing_runs r ON r.id = t.run_id "
              "JOIN organizations p ON p.id = r.purchaser_id WHERE r.state = 'locked' "
              "ORDER BY r.period_start DESC, p.name, r.id LIMIT $3",
              {provider_id, run_id, std::int64_t{limit}}));
  std::vector<StatementRun> out;
  for (const auto& r : rows) {
    out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6), r.Int(7), r.Int(8)});
  }
  return out;
}

Result<std::vector<ClientShare>> BillingStore::ClientShares(storage::Connection& c, const std::string& client_id,
                                                            int limit) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto rows,
      c.Query("SELECT l.id, l.run_id, r.period_start, pu.name, pr.name, l.visit_id, l.visit_date, l.charge, l.minutes, "
              "l.rule, l.rate_cents, l.visit_price_cents, l.amount_cents, r.currency, l.paid_to, l.provider_id, "
              "v.split FROM billing_lines l JOIN billing_runs r ON r.id = l.run_id "
              "JOIN organizations pu ON pu.id = r.purchaser_id JOIN organizations pr ON pr.id = l.provider_id "
              "JOIN visits v ON v.id = l.visit_id WHERE l.client_id = $1 AND l.payer_kind = 'client' AND "
              "r.state = 'locked' ORDER BY l.visit_date DESC, l.id LIMIT $2",
              {client_id, std::int64_t{limit}}));
  std::vector<ClientShare> out;
  for (const auto& r : rows) {
    ClientShare s{r.Text(0),  r.Text(1),  r.Text(2), r.Text(3),    r.Text(4), r.Text(5), r.Text(6),
                  r.Text(7),  r.Int(8),   r.Text(9), r.OptInt(10), r.Int(11), r.Int(12), r.Text(13),
                  r.Text(14), r.Text(15), ""};
    // The estimate of the household tax credit as the visit was priced (src/funding/).
    if (auto split = r.OptText(16)) {
      boost::system::error_code ec;
      auto doc = boost::json::parse(*split, ec);
      if (!ec && doc.is_object()) {
        if (auto* t = doc.as_object().if_contains("tax_credit"); t && t->is_object()) {
          s.tax_credit = boost::json::serialize(*t);
        }
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<std::string>> BillingStore::ClientsOf(storage::Connection& c, const std::string& run_id,
                                                         std::int64_t after_seq, int limit) {
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT DISTINCT client_id FROM (SELECT client_id FROM billing_lines "
                                               "WHERE run_id = $1 AND seq > $2 ORDER BY seq LIMIT $3) t",
                                               {run_id, after_seq, std::int64_t{limit}}));
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.Text(0));
  return out;
}

}  // namespace allmende::billing
