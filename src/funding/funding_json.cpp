#include "funding/funding_json.hpp"

#include <boost/json.hpp>

namespace allmende::funding {
namespace {

namespace json = boost::json;

json::value Opt(const std::optional<std::string>& s) { return s ? json::value(*s) : json::value(nullptr); }
json::value Opt(const std::optional<std::int64_t>& v) { return v ? json::value(*v) : json::value(nullptr); }

json::object GrantObject(const Grant& g) {
  json::array categories;
  for (const auto& c : g.categories) categories.emplace_back(c);
  return json::object{{"id", g.id},
                      {"region_id", g.region_id},
                      {"client_id", g.client_id},
                      {"payer_id", g.payer_id},
                      {"payer_name", g.payer_name},
                      {"kind", g.kind},
                      {"categories", categories},
                      {"unit", g.unit},
                      {"quantity", Opt(g.quantity)},
                      {"period", g.period},
                      {"rate_key", Opt(g.rate_key)},
                      {"value_cents", g.value_cents},
                      {"fee_cents", g.fee_cents},
                      {"fee_unit", Opt(g.fee_unit)},
                      {"copay_basis_points", g.copay_basis_points},
                      {"copay_cents", g.copay_cents},
                      {"currency", g.currency},
                      {"valid_from", g.valid_from},
                      {"valid_until", Opt(g.valid_until)},
                      {"decision_reference", g.decision_reference},
                      {"decided_by", g.decided_by},
                      {"decided_by_name", g.decided_by_name},
                      {"insurance_number", Opt(g.insurance_number)},
                      {"care_grade", g.care_grade ? boost::json::value(*g.care_grade) : boost::json::value(nullptr)},
                      {"state", g.state},
                      {"created_at", g.created_at},
                      {"version", g.version}};
}

constexpr const char* kKinds[] = {"voucher", "purchased_service", "periodic_budget", "employer_benefit", "free_choice"};

}  // namespace

std::string RateJson(const Rate& r) {
  return json::serialize(json::object{{"key", r.key},
                                      {"effective_from", r.effective_from},
                                      {"amount", r.amount},
                                      {"unit", r.unit},
                                      {"currency", Opt(r.currency)},
                                      {"legal_basis", r.legal_basis},
                                      {"updated_at", r.updated_at}});
}

std::string ApprovalJson(const VoucherApproval& a) {
  return json::serialize(json::object{{"purchaser_id", a.purchaser_id},
                                      {"provider_id", a.provider_id},
                                      {"provider_name", a.provider_name},
                                      {"category", a.category},
                                      {"approved_at", a.approved_at}});
}

std::string GrantJson(const Grant& g) { return json::serialize(GrantObject(g)); }

std::string GrantViewJson(const GrantView& v) {
  json::object o = GrantObject(v.grant);
  json::array lapses;
  for (const auto& l : v.balance.lapses) lapses.push_back(json::object{{"on", l.on}, {"amount_cents", l.amount_cents}});
  o["balance"] = json::object{{"on", v.balance.on},
                              {"period_start", v.balance.period_start},
                              {"period_end", v.balance.period_end},
                              {"unit", v.balance.unit},
                              {"granted", v.balance.granted},
                              {"used", v.balance.used},
                              {"remaining", v.balance.remaining},
                              {"lapses", lapses}};
  return json::serialize(o);
}

json::object SharesObject(const PricedDelivery& p) {
  json::array shares;
  for (const auto& s : p.split.shares) {
    shares.push_back(json::object{{"grant_id", s.grant_id.empty() ? json::value(nullptr) : json::value(s.grant_id)},
                                  {"payer_id", s.payer_id.empty() ? json::value(nullptr) : json::value(s.payer_id)},
                                  {"kind", s.grant_id.empty() ? "client" : kKinds[static_cast<int>(s.kind)]},
                                  {"client", s.client},
                                  {"paid_to_purchaser", s.paid_to_purchaser},
                                  {"amount_cents", s.amount_cents},
                                  {"rule", s.rule},
                                  {"rate_cents", s.rate_cents},
                                  {"quantity_minutes", s.quantity_minutes},
                                  {"basis_points", s.basis_points},
                                  {"capped", s.capped}});
  }
  json::value tax = nullptr;
  if (p.tax_credit) {
    tax = json::object{
        {"excluded", p.tax_credit->excluded.empty() ? json::value(nullptr) : json::value(p.tax_credit->excluded)},
        {"labour_cents", p.tax_credit->labour_cents},
        {"rate_bp", p.tax_credit->rate_bp},
        {"amount_cents", p.tax_credit->amount_cents},
        {"yearly_own_share_cents", p.tax_credit->yearly_own_share_cents},
        {"yearly_max_cents", p.tax_credit->yearly_max_cents},
        {"legal_basis", p.tax_credit->legal_basis}};
  }
  return json::object{{"shares", shares}, {"explanation", p.explanation}, {"tax_credit", tax}};
}

std::string PricedJson(const PricedDelivery& p, const dispatch::DeliveryLine& line) {
  json::object o = SharesObject(p);
  std::int64_t client = 0;
  for (const auto& s : p.split.shares) client += s.client ? s.amount_cents : 0;
  o["price_cents"] = line.price_cents;
  o["billable_minutes"] = line.billable_minutes;
  o["currency"] = line.currency;
  o["client_cents"] = client;
  return json::serialize(o);
}

}  // namespace allmende::funding
