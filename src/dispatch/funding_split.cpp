#include "dispatch/funding_split.hpp"

#include <algorithm>
#include <limits>
#include <set>
#include <string_view>
#include <utility>

#include "common/money.hpp"

namespace allmende::dispatch {
namespace {

using Unit = GrantInput::Unit;
__extension__ typedef __int128 Int128;  // GCC/Clang; -Wpedantic accepts it only through __extension__
constexpr std::int64_t kUnlimited = std::numeric_limits<std::int64_t>::max();

// round(num / den), half away from zero, for num >= 0 and den > 0, without forming 2 × num (num may be the product
// of two int64 maxima).
Int128 DivideRounded(Int128 num, Int128 den) {
  Int128 quotient = num / den;
  return num % den >= den - num % den ? quotient + 1 : quotient;
}

// round(amount × numerator / denominator) clamped to `limit`: the 128-bit product cannot overflow for int64 inputs.
std::int64_t ScaledAtMost(std::int64_t amount, std::int64_t numerator, std::int64_t denominator, std::int64_t limit) {
  Int128 scaled = DivideRounded(static_cast<Int128>(amount) * numerator, denominator);
  return scaled >= limit ? limit : static_cast<std::int64_t>(scaled);
}

std::string_view KindName(GrantKind kind) {
  switch (kind) {
    case GrantKind::kVoucher:
      return "a voucher";
    case GrantKind::kPurchasedService:
      return "a purchased service";
    case GrantKind::kPeriodicBudget:
      return "a periodic budget";
    case GrantKind::kEmployerBenefit:
      return "an employer benefit";
    case GrantKind::kFreeChoice:
      return "a free-choice decision";
  }
  return "this grant";
}

bool KindAcceptsUnit(GrantKind kind, Unit unit) {
  switch (kind) {
    case GrantKind::kVoucher:
      return unit == Unit::kHour || unit == Unit::kVisit || unit == Unit::kMoney;
    case GrantKind::kPurchasedService:
      return unit == Unit::kHour || unit == Unit::kVisit;
    case GrantKind::kFreeChoice:
      return unit == Unit::kHour;
    case GrantKind::kPeriodicBudget:
    case GrantKind::kEmployerBenefit:
      return unit == Unit::kMoney;
  }
  return false;
}

void CheckNotNegative(std::vector<FieldError>& errors, const std::string& field, std::int64_t value) {
  if (value < 0) errors.push_back({field, "Must not be negative."});
}

void CheckNotNegative(std::vector<FieldError>& errors, const std::string& field, std::optional<std::int64_t> value) {
  if (value) CheckNotNegative(errors, field, *value);
}

std::vector<FieldError> Validate(const DeliveryLine& line, const std::vector<GrantInput>& grants) {
  std::vector<FieldError> errors;
  CheckNotNegative(errors, "line.price_cents", line.price_cents);
  CheckNotNegative(errors, "line.billable_minutes", line.billable_minutes);
  CheckNotNegative(errors, "line.labour_cents", line.labour_cents);
  if (line.labour_cents > line.price_cents) {
    errors.push_back({"line.labour_cents", "The labour part cannot exceed the price."});
  }
  if (!CurrencyMinorDigits(line.currency)) {
    errors.push_back({"line.currency", "Unsupported currency '" + line.currency + "'."});
  }
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < grants.size(); ++i) {
    const GrantInput& g = grants[i];
    const std::string at = "grants[" + std::to_string(i) + "].";
    if (g.grant_id.empty()) {
      errors.push_back({at + "grant_id", "Required."});
    } else if (!seen.insert(g.grant_id).second) {
      errors.push_back({at + "grant_id", "The grant '" + g.grant_id + "' is listed twice."});
    }
    CheckNotNegative(errors, at + "value_cents", g.value_cents);
    CheckNotNegative(errors, at + "fee_cents", g.fee_cents);
    CheckNotNegative(errors, at + "copay_basis_points", g.copay_basis_points);
    CheckNotNegative(errors, at + "copay_cents", g.copay_cents);
    CheckNotNegative(errors, at + "remaining_minutes", g.remaining_minutes);
    CheckNotNegative(errors, at + "remaining_visits", g.remaining_visits);
    CheckNotNegative(errors, at + "remaining_cents", g.remaining_cents);
    if (!KindAcceptsUnit(g.kind, g.unit)) {
      errors.push_back({at + "unit", "This unit does not apply to " + std::string(KindName(g.kind)) + "."});
    }
    if ((g.kind == GrantKind::kPeriodicBudget || g.kind == GrantKind::kEmployerBenefit) && !g.remaining_cents) {
      errors.push_back({at + "remaining_cents", "Required for " + std::string(KindName(g.kind)) + "."});
    }
    if (g.copay_basis_points > 10000) {
      errors.push_back({at + "copay_basis_points", "A co-pay cannot exceed 100 % (10000)."});
    }
    if (g.copay_basis_points > 0 && g.copay_cents > 0) {
      errors.push_back({at + "copay_cents", "Give the co-pay either in basis points or in cents, not both."});
    }
  }
  return errors;
}

Share GrantShare(const GrantInput& g, std::string rule, std::int64_t amount) {
  Share s;
  s.grant_id = g.grant_id;
  s.payer_id = g.payer_id;
  s.kind = g.kind;
  s.rule = std::move(rule);
  s.amount_cents = amount;
  return s;
}

Share ClientShare(const GrantInput& g, std::string rule, std::int64_t amount) {
  Share s = GrantShare(g, std::move(rule), amount);
  s.payer_id.clear();
  s.client = true;
  return s;
}

// What is still to be paid and how many of the line's minutes no hours-based grant has drawn yet.
struct Open {
  std::int64_t rest_cents;
  std::int64_t minutes;
};

// Voucher hours and free-choice hours: the rate for the minutes the grant still has.
void SplitHours(const GrantInput& g, Open& open, std::vector<Share>& out) {
  std::int64_t covered = std::min(open.minutes, g.remaining_minutes.value_or(kUnlimited));
  if (covered == 0 || open.rest_cents == 0) return;
  bool free_choice = g.kind == GrantKind::kFreeChoice;
  std::int64_t amount = (free_choice && covered == open.minutes)
                            ? open.rest_cents
                            : ScaledAtMost(g.value_cents, covered, 60, open.rest_cents);
  Share s = GrantShare(g, free_choice ? "free_choice" : "voucher_per_hour", amount);
  s.rate_cents = g.value_cents;
  s.quantity_minutes = covered;
  s.consumed_minutes = covered;
  s.capped = covered < open.minutes;
  open.minutes -= covered;
  open.rest_cents -= amount;
  out.push_back(std::move(s));
}

void SplitVoucher(const GrantInput& g, Open& open, std::vector<Share>& out) {
  if (g.unit == Unit::kHour) return SplitHours(g, open, out);
  if (open.rest_cents == 0) return;
  if (g.unit == Unit::kVisit) {
    if (g.remaining_visits.value_or(1) == 0) return;
    Share s = GrantShare(g, "voucher_per_visit", std::min(open.rest_cents, g.value_cents));
    s.rate_cents = g.value_cents;
    s.consumed_visits = 1;
    open.rest_cents -= s.amount_cents;
    out.push_back(std::move(s));
    return;
  }
  std::int64_t left = g.remaining_cents.value_or(g.value_cents);
  if (left == 0) return;
  Share s = GrantShare(g, "voucher_monthly", std::min(open.rest_cents, left));
  s.consumed_cents = s.amount_cents;
  s.capped = left < open.rest_cents;
  open.rest_cents -= s.amount_cents;
  out.push_back(std::move(s));
}

void SplitPurchasedService(const GrantInput& g, const DeliveryLine& line, Open& open, std::vector<Share>& out) {
  if (open.rest_cents == 0) return;
  std::int64_t fee = g.unit == Unit::kVisit ? std::min(g.fee_cents, open.rest_cents)
                                            : ScaledAtMost(g.fee_cents, line.billable_minutes, 60, open.rest_cents);
  std::int64_t cap_left = g.remaining_cents.value_or(kUnlimited);
  bool capped = cap_left < fee;
  fee = std::min(fee, cap_left);
  if (open.rest_cents > fee) out.push_back(GrantShare(g, "purchased_service", open.rest_cents - fee));
  if (fee > 0) {
    Share s = ClientShare(g, "client_fee", fee);
    s.paid_to_purchaser = true;
    s.rate_cents = g.fee_cents;
    s.quantity_minutes = g.unit == Unit::kHour ? line.billable_minutes : 0;
    s.consumed_cents = fee;
    s.capped = capped;
    out.push_back(std::move(s));
  }
  open.rest_cents = 0;
}

void SplitBudget(const GrantInput& g, Open& open, std::vector<Share>& out) {
  std::int64_t left = *g.remaining_cents;
  if (open.rest_cents == 0 || left == 0) return;
  Share s = GrantShare(g, "budget", std::min(open.rest_cents, left));
  s.consumed_cents = s.amount_cents;
  s.capped = left < open.rest_cents;
  open.rest_cents -= s.amount_cents;
  out.push_back(std::move(s));
}

void SplitEmployer(const GrantInput& g, const DeliveryLine& line, Open& open, std::vector<Share>& out) {
  std::int64_t cap_left = *g.remaining_cents;
  if (open.rest_cents == 0 || cap_left == 0) return;
  std::int64_t copay = g.copay_basis_points > 0
                           ? ScaledAtMost(line.price_cents, g.copay_basis_points, 10000, open.rest_cents)
                           : std::min(g.copay_cents, open.rest_cents);
  std::int64_t wanted = open.rest_cents - copay;
  if (wanted > 0) {
    Share s = GrantShare(g, "employer_benefit", std::min(wanted, cap_left));
    s.consumed_cents = s.amount_cents;
    s.capped = cap_left < wanted;
    open.rest_cents -= s.amount_cents;
    out.push_back(std::move(s));
  }
  if (copay > 0) {
    Share s = ClientShare(g, "employer_copay", copay);
    s.basis_points = g.copay_basis_points;
    s.rate_cents = g.copay_basis_points > 0 ? 0 : g.copay_cents;
    open.rest_cents -= copay;
    out.push_back(std::move(s));
  }
}

std::string FormatAmount(std::int64_t cents, const std::string& currency) {
  int digits = CurrencyMinorDigits(currency).value_or(2);
  std::uint64_t scale = 1;
  for (int i = 0; i < digits; ++i) scale *= 10;
  // The magnitude as unsigned, so that a hand-made share with INT64_MIN still prints.
  std::uint64_t magnitude = cents < 0 ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
  std::string text = (cents < 0 ? "-" : "") + std::to_string(magnitude / scale);
  if (digits > 0) {
    std::string fraction = std::to_string(magnitude % scale);
    text += "." + std::string(static_cast<std::size_t>(digits) - fraction.size(), '0') + fraction;
  }
  return text + (currency == "EUR" ? " €" : " " + currency);
}

std::string FormatDuration(std::int64_t minutes) {
  if (minutes < 60) return std::to_string(minutes) + " min";
  std::string text = std::to_string(minutes / 60) + " h";
  if (minutes % 60 != 0) text += " " + std::to_string(minutes % 60) + " min";
  return text;
}

std::string ExplainShare(const Share& s, const std::string& currency) {
  const std::string amount = FormatAmount(s.amount_cents, currency);
  const std::string used_up = s.capped ? " (balance used up)" : "";
  // A voucher pays at most the price and free choice pays the whole price: say so when that differs from rate × time.
  std::int64_t full = ScaledAtMost(s.rate_cents, s.quantity_minutes, 60, kUnlimited);
  const std::string per_hour = FormatAmount(s.rate_cents, currency) + "/h × " + FormatDuration(s.quantity_minutes) +
                               " = " + FormatAmount(full, currency) +
                               (full == s.amount_cents ? "" : ", covers " + amount);
  if (s.rule == "voucher_per_hour") return "voucher " + per_hour + used_up;
  if (s.rule == "free_choice") return "free choice " + per_hour + used_up;
  if (s.rule == "voucher_per_visit") return "voucher " + FormatAmount(s.rate_cents, currency) + "/visit = " + amount;
  if (s.rule == "voucher_monthly") return "voucher " + amount + used_up;
  if (s.rule == "purchased_service") return "purchaser " + amount;
  if (s.rule == "client_fee") {
    std::string basis = s.quantity_minutes > 0 ? per_hour : amount;
    return "your client fee " + basis + " (paid to the purchaser)" + (s.capped ? " (monthly cap reached)" : "");
  }
  if (s.rule == "budget") return "relief budget " + amount + used_up;
  if (s.rule == "employer_benefit") return "employer " + amount + (s.capped ? " (yearly cap reached)" : "");
  if (s.rule == "employer_copay") {
    if (s.basis_points == 0) return "your co-pay " + amount;
    std::string percent = std::to_string(s.basis_points / 100);
    if (s.basis_points % 100 != 0) {
      percent += "." + std::string(s.basis_points % 100 < 10 ? "0" : "") + std::to_string(s.basis_points % 100);
    }
    return "your co-pay " + percent + " % = " + amount;
  }
  return "your share " + amount;
}

}  // namespace

Result<SplitResult> SplitDelivery(const DeliveryLine& line, const std::vector<GrantInput>& grants) {
  if (std::vector<FieldError> errors = Validate(line, grants); !errors.empty()) return Error::Invalid(errors);
  SplitResult result;
  result.shares.reserve(grants.size() + 2);
  Open open{line.price_cents, line.billable_minutes};
  for (const GrantInput& g : grants) {
    switch (g.kind) {
      case GrantKind::kVoucher:
        SplitVoucher(g, open, result.shares);
        break;
      case GrantKind::kFreeChoice:
        SplitHours(g, open, result.shares);
        break;
      case GrantKind::kPurchasedService:
        SplitPurchasedService(g, line, open, result.shares);
        break;
      case GrantKind::kPeriodicBudget:
        SplitBudget(g, open, result.shares);
        break;
      case GrantKind::kEmployerBenefit:
        SplitEmployer(g, line, open, result.shares);
        break;
    }
  }
  if (open.rest_cents > 0) {
    Share s;
    s.client = true;
    s.rule = "client_rest";
    s.amount_cents = open.rest_cents;
    result.shares.push_back(std::move(s));
  }
  return result;
}

std::string ExplainInEnglish(const SplitResult& result, const std::string& currency) {
  if (result.shares.empty()) return "nothing to pay";
  std::string text;
  for (const Share& s : result.shares) {
    if (!text.empty()) text += "; ";
    text += ExplainShare(s, currency);
  }
  return text;
}

}  // namespace allmende::dispatch
