#include <boost/json.hpp>

#include "common/ids.hpp"
#include "funding/funding_store.hpp"

namespace allmende::funding {
namespace {

using storage::Value;
namespace json = boost::json;

constexpr std::string_view kRates =
    "SELECT id, region_id, rate_key, effective_from, amount, unit, currency, legal_basis, updated_by, updated_at "
    "FROM funding_rates WHERE region_id = $1 ORDER BY rate_key, effective_from";
constexpr std::string_view kRatesOf =
    "SELECT id, region_id, rate_key, effective_from, amount, unit, currency, legal_basis, updated_by, updated_at "
    "FROM funding_rates WHERE region_id = $1 AND rate_key = $2 ORDER BY effective_from";
constexpr std::string_view kPutRate =
    "INSERT INTO funding_rates (id, region_id, rate_key, effective_from, amount, unit, currency, legal_basis, "
    "updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
    "ON CONFLICT (region_id, rate_key, effective_from) DO UPDATE SET amount = excluded.amount, unit = excluded.unit, "
    "currency = excluded.currency, legal_basis = excluded.legal_basis, updated_by = excluded.updated_by, "
    "updated_at = excluded.updated_at";
constexpr std::string_view kApprovals =
    "SELECT a.purchaser_id, a.provider_id, o.name, a.category, a.approved_at FROM voucher_approvals a "
    "JOIN organizations o ON o.id = a.provider_id WHERE a.purchaser_id = $1 ORDER BY o.name, a.category";
constexpr std::string_view kIsApproved =
    "SELECT 1 FROM voucher_approvals WHERE purchaser_id = $1 AND provider_id = $2 AND category = $3";
constexpr std::string_view kApprove =
    "INSERT INTO voucher_approvals (purchaser_id, provider_id, category, region_id, approved_by, approved_at) "
    "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (purchaser_id, provider_id, category) DO NOTHING";
constexpr std::string_view kGrantColumns =
    "SELECT g.id, g.region_id, g.client_id, g.payer_id, o.name, g.kind, g.categories, g.unit, g.quantity, g.period, "
    "g.rate_key, g.value_cents, g.fee_cents, g.fee_unit, g.copay_basis_points, g.copay_cents, g.currency, "
    "g.valid_from, g.valid_until, g.decision_reference, g.decided_by, u.name, g.insurance_number, g.state, "
    "g.created_at, g.version, g.care_grade FROM grants g JOIN organizations o ON o.id = g.payer_id "
    "JOIN users u ON u.id = g.decided_by ";
constexpr std::string_view kInsertGrant =
    "INSERT INTO grants (id, region_id, client_id, payer_id, kind, categories, unit, quantity, period, rate_key, "
    "value_cents, fee_cents, fee_unit, copay_basis_points, copay_cents, currency, valid_from, valid_until, "
    "decision_reference, decided_by, insurance_number, state, created_at, updated_at, version, care_grade) VALUES "
    "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $23, "
    "1, $24)";
constexpr std::string_view kEndGrant =
    "UPDATE grants SET valid_until = $2, state = 'ended', updated_at = $4, version = version + 1 "
    "WHERE id = $1 AND version = $3";
// What all of a client's grants of one payer and kind used in a period (the employer's yearly cap
// counts every benefit decision of that employer in the calendar year).
constexpr std::string_view kUsedByPayerBetween =
    "SELECT COALESCE(SUM(u.minutes), 0), COALESCE(SUM(u.visits), 0), COALESCE(SUM(u.amount_cents), 0) "
    "FROM grant_uses u JOIN grants g ON g.id = u.grant_id WHERE g.client_id = $1 AND g.payer_id = $2 AND g.kind = $3 "
    "AND u.use_date >= $4 AND u.use_date <= $5";
constexpr std::string_view kUsedBetween =
    "SELECT COALESCE(SUM(minutes), 0), COALESCE(SUM(visits), 0), COALESCE(SUM(amount_cents), 0) FROM grant_uses "
    "WHERE grant_id = $1 AND use_date >= $2 AND use_date <= $3";
constexpr std::string_view kUses =
    "SELECT grant_id, visit_id, use_date, minutes, visits, amount_cents FROM grant_uses WHERE grant_id = $1 "
    "ORDER BY use_date, id";
constexpr std::string_view kInsertUse =
    "INSERT INTO grant_uses (id, region_id, grant_id, visit_id, use_date, minutes, visits, amount_cents, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (grant_id, visit_id) DO NOTHING";

Value Opt(const std::optional<std::string>& s) { return s ? Value(*s) : Value(nullptr); }
Value Opt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(nullptr); }

Rate ToRate(const storage::Row& r) {
  return {r.Text(0), r.Text(1),    r.Text(2), r.Text(3), r.Int(4),
          r.Text(5), r.OptText(6), r.Text(7), r.Text(8), r.Text(9)};
}

std::vector<std::string> StringList(const std::string& text) {
  std::vector<std::string> out;
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& s : v.as_array()) {
    if (s.is_string()) out.emplace_back(s.as_string());
  }
  return out;
}

std::string ListText(const std::vector<std::string>& list) {
  json::array a;
  for (const auto& s : list) a.emplace_back(s);
  return json::serialize(a);
}

Grant ToGrant(const storage::Row& r) {
  Grant g;
  g.id = r.Text(0);
  g.region_id = r.Text(1);
  g.client_id = r.Text(2);
  g.payer_id = r.Text(3);
  g.payer_name = r.Text(4);
  g.kind = r.Text(5);
  g.categories = StringList(r.Text(6));
  g.unit = r.Text(7);
  g.quantity = r.OptInt(8);
  g.period = r.Text(9);
  g.rate_key = r.OptText(10);
  g.value_cents = r.Int(11);
  g.fee_cents = r.Int(12);
  g.fee_unit = r.OptText(13);
  g.copay_basis_points = r.Int(14);
  g.copay_cents = r.Int(15);
  g.currency = r.Text(16);
  g.valid_from = r.Text(17);
  g.valid_until = r.OptText(18);
  g.decision_reference = r.Text(19);
  g.decided_by = r.Text(20);
  g.decided_by_name = r.Text(21);
  g.insurance_number = r.OptText(22);
  g.state = r.Text(23);
  g.created_at = r.Text(24);
  g.version = r.Int(25);
  g.care_grade = r.OptInt(26);
  return g;
}

}  // namespace

Result<std::vector<Rate>> FundingStore::Rates(storage::Connection& c, const std::string& region_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(kRates, {region_id}));
  std::vector<Rate> out;
  for (const auto& r : rows) out.push_back(ToRate(r));
  return out;
}

Result<std::vector<Rate>> FundingStore::RatesOf(storage::Connection& c, const std::string& region_id,
                                                const std::string& key) {
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(kRatesOf, {region_id, key}));
  std::vector<Rate> out;
  for (const auto& r : rows) out.push_back(ToRate(r));
  return out;
}

Result<void> FundingStore::PutRate(storage::Connection& c, const Rate& r) {
  ALLMENDE_TRY(c.Execute(kPutRate, {NewId("rate"), r.region_id, r.key, r.effective_from, r.amount, r.unit,
                                    Opt(r.currency), r.legal_basis, r.updated_by, r.updated_at}));
  return Ok();
}

Result<std::vector<VoucherApproval>> FundingStore::Approvals(storage::Connection& c, const std::string& purchaser_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(kApprovals, {purchaser_id}));
  std::vector<VoucherApproval> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4)});
  return out;
}

Result<bool> FundingStore::IsApproved(storage::Connection& c, const std::string& purchaser_id,
                                      const std::string& provider_id, const std::string& category) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kIsApproved, {purchaser_id, provider_id, category}));
  return row.has_value();
}

Result<void> FundingStore::Approve(storage::Connection& c, const std::string& region_id, const VoucherApproval& a,
                                   const std::string& by) {
  ALLMENDE_TRY(c.Execute(kApprove, {a.purchaser_id, a.provider_id, a.category, region_id, by, a.approved_at}));
  return Ok();
}

Result<void> FundingStore::InsertGrant(storage::Connection& c, const Grant& g) {
  ALLMENDE_TRY(c.Execute(kInsertGrant, {g.id,
                                        g.region_id,
                                        g.client_id,
                                        g.payer_id,
                                        g.kind,
                                        ListText(g.categories),
                                        g.unit,
                                        Opt(g.quantity),
                                        g.period,
                                        Opt(g.rate_key),
                                        g.value_cents,
                                        g.fee_cents,
                                        Opt(g.fee_unit),
                                        g.copay_basis_points,
                                        g.copay_cents,
                                        g.currency,
                                        g.valid_from,
                                        Opt(g.valid_until),
                                        g.decision_reference,
                                        g.decided_by,
                                        Opt(g.insurance_number),
                                        g.state,
                                        g.created_at,
                                        g.care_grade ? storage::Value(*g.care_grade) : storage::Value(nullptr)}));
  return Ok();
}

Result<std::vector<Grant>> FundingStore::ActiveOn(storage::Connection& c, const std::string& date,
                                                  const std::string& after_id, int limit) {
  static const std::string sql = std::string(kGrantColumns) +
                                 "WHERE g.state = 'active' AND g.valid_from <= $1 AND (g.valid_until IS NULL OR "
                                 "g.valid_until >= $1) AND g.id > $2 ORDER BY g.id LIMIT $3";
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(sql, {date, after_id, std::int64_t{limit}}));
  std::vector<Grant> out;
  for (const auto& r : rows) out.push_back(ToGrant(r));
  return out;
}

Result<FundingStore::UseTotals> FundingStore::UsedByPayerBetween(storage::Connection& c, const Grant& g,
                                                                 const std::string& from, const std::string& to) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kUsedByPayerBetween, {g.client_id, g.payer_id, g.kind, from, to}));
  UseTotals t;
  if (row) {
    t.minutes = row->Int(0);
    t.visits = row->Int(1);
    t.amount_cents = row->Int(2);
  }
  return t;
}

Result<std::optional<Grant>> FundingStore::GetGrant(storage::Connection& c, const std::string& id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(std::string(kGrantColumns) + "WHERE g.id = $1", {id}));
  if (!row) return std::optional<Grant>();
  return std::optional<Grant>(ToGrant(*row));
}

Result<std::vector<Grant>> FundingStore::GrantsOf(storage::Connection& c, const std::string& client_id) {
  static const std::string sql = std::string(kGrantColumns) + "WHERE g.client_id = $1 ORDER BY g.valid_from DESC, g.id";
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(sql, {client_id}));
  std::vector<Grant> out;
  for (const auto& r : rows) out.push_back(ToGrant(r));
  return out;
}

Result<bool> FundingStore::EndGrant(storage::Connection& c, const std::string& id, const std::string& until,
                                    std::int64_t version, const std::string& now) {
  ALLMENDE_ASSIGN_OR_RETURN(auto n, c.Execute(kEndGrant, {id, until, version, now}));
  return n == 1;
}

Result<FundingStore::UseTotals> FundingStore::UsedBetween(storage::Connection& c, const std::string& grant_id,
                                                          const std::string& from, const std::string& to) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kUsedBetween, {grant_id, from, to}));
  UseTotals t;
  if (row) t = {row->Int(0), row->Int(1), row->Int(2)};
  return t;
}

Result<std::vector<GrantUse>> FundingStore::Uses(storage::Connection& c, const std::string& grant_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(kUses, {grant_id}));
  std::vector<GrantUse> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Int(3), r.Int(4), r.Int(5)});
  return out;
}

Result<bool> FundingStore::InsertUse(storage::Connection& c, const std::string& region_id, const GrantUse& u,
                                     const std::string& now) {
  ALLMENDE_ASSIGN_OR_RETURN(auto n, c.Execute(kInsertUse, {NewId("gus"), region_id, u.grant_id, u.visit_id, u.use_date,
                                                           u.minutes, u.visits, u.amount_cents, now}));
  return n == 1;
}

}  // namespace allmende::funding
