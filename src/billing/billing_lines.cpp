#include "billing/billing_lines.hpp"

#include <boost/json.hpp>

namespace allmende::billing {
namespace {

namespace json = boost::json;

std::int64_t IntOf(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v && v->is_int64() ? v->as_int64() : 0;
}

std::string TextOf(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::string Charge(const std::string& state) {
  if (state == "failed") return "no_show";
  if (state == "cancelled") return "late_cancellation";
  return "delivery";
}

std::string CsvCell(const std::string& text, bool number = false) {
  std::string v = text;
  if (!number && !v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) v.insert(0, "'");
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char ch : v) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

}  // namespace

Result<std::vector<BillingLine>> LinesOfVisit(const ChargeableVisit& v) {
  json::value doc;
  try {
    doc = json::parse(v.split);
  } catch (const std::exception&) {
    return Error::Internal("The split of visit " + v.visit_id + " cannot be read.");
  }
  const auto* shares = doc.is_object() ? doc.as_object().if_contains("shares") : nullptr;
  if (!shares || !shares->is_array()) return Error::Internal("Visit " + v.visit_id + " has no split.");
  std::vector<BillingLine> out;
  std::int64_t sum = 0;
  std::int64_t index = 0;
  for (const auto& item : shares->as_array()) {
    const std::int64_t at = index++;
    if (!item.is_object()) return Error::Internal("A share of visit " + v.visit_id + " cannot be read.");
    const auto& s = item.as_object();
    const std::int64_t amount = IntOf(s, "amount_cents");
    sum += amount;
    if (amount == 0) continue;
    const bool client = s.contains("client") && s.at("client").is_bool() && s.at("client").as_bool();
    BillingLine l;
    l.visit_id = v.visit_id;
    l.share_index = at;
    l.order_id = v.order_id;
    l.provider_id = v.provider_id;
    l.client_id = v.client_id;
    l.payer_kind = client ? "client" : "organization";
    l.payer_id = client ? v.client_id : TextOf(s, "payer_id");
    if (l.payer_id.empty()) return Error::Internal("A share of visit " + v.visit_id + " names no payer.");
    const bool to_purchaser =
        s.contains("paid_to_purchaser") && s.at("paid_to_purchaser").is_bool() && s.at("paid_to_purchaser").as_bool();
    l.paid_to = client && to_purchaser ? "purchaser" : "provider";
    if (auto grant = TextOf(s, "grant_id"); !grant.empty()) l.grant_id = grant;
    l.visit_date = v.local_date;
    l.charge = Charge(v.state);
    l.charge_bp = v.charge_bp;
    l.minutes = v.minutes;
    l.visit_price_cents = v.price_cents;
    l.amount_cents = amount;
    l.vat_rate_bp = v.vat_rate_bp;
    l.rule = TextOf(s, "rule");
    if (std::int64_t rate = IntOf(s, "rate_cents"); rate != 0) l.rate_cents = rate;
    if (std::int64_t bp = IntOf(s, "basis_points"); bp != 0) l.basis_points = bp;
    l.price_source = v.price_source;
    l.price = v.price;
    out.push_back(std::move(l));
  }
  if (sum != v.price_cents) {
    return Error::Internal("The shares of visit " + v.visit_id + " add up to " + Money(sum) + ", not its price " +
                           Money(v.price_cents) + ".");
  }
  return out;
}

std::string Money(std::int64_t cents) {
  const bool negative = cents < 0;
  const std::uint64_t abs = negative ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
  std::string frac = std::to_string(abs % 100);
  if (frac.size() < 2) frac.insert(0, "0");
  return (negative ? "-" : "") + std::to_string(abs / 100) + "." + frac;
}

std::string LinesCsv(const BillingRun& run, const std::vector<BillingLine>& lines) {
  std::string out =
      "run,period_start,period_end,line,kind,corrects_line,visit,visit_date,charge,order,provider_id,provider,"
      "client_id,client,payer_kind,payer_id,payer,paid_to,grant,rule,minutes,visit_price,amount,currency,vat_percent,"
      "price_source\r\n";
  for (const auto& l : lines) {
    const std::string cells[] = {CsvCell(run.id),
                                 CsvCell(run.period_start),
                                 CsvCell(run.period_end),
                                 std::to_string(l.seq),
                                 CsvCell(l.kind),
                                 CsvCell(l.corrects_line_id.value_or("")),
                                 CsvCell(l.visit_id),
                                 CsvCell(l.visit_date),
                                 CsvCell(l.charge),
                                 CsvCell(l.order_id),
                                 CsvCell(l.provider_id),
                                 CsvCell(l.provider_name),
                                 CsvCell(l.client_id),
                                 CsvCell(l.client_name),
                                 CsvCell(l.payer_kind),
                                 CsvCell(l.payer_id),
                                 CsvCell(l.payer_name),
                                 CsvCell(l.paid_to),
                                 CsvCell(l.grant_id.value_or("")),
                                 CsvCell(l.rule),
                                 std::to_string(l.minutes),
                                 Money(l.visit_price_cents),
                                 Money(l.amount_cents),
                                 CsvCell(run.currency),
                                 Money(l.vat_rate_bp),
                                 CsvCell(l.price_source)};
    bool first = true;
    for (const auto& c : cells) {
      if (!first) out += ',';
      out += c;
      first = false;
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace allmende::billing
