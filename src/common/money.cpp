#include "common/money.hpp"

#include <array>
#include <cstdlib>
#include <utility>

namespace allmende {
namespace {

__extension__ typedef __int128 Int128;

struct CurrencyInfo {
  std::string_view code;
  int digits;
};

// The currencies of the regions Allmende serves and their neighbours.
constexpr std::array<CurrencyInfo, 7> kCurrencies{{
    {"EUR", 2},
    {"DKK", 2},
    {"SEK", 2},
    {"NOK", 2},
    {"CHF", 2},
    {"GBP", 2},
    {"USD", 2},
}};

Error Mismatch(const std::string& a, const std::string& b) {
  return Error::Invalid("currency", "Amounts in " + a + " and " + b + " cannot be combined.");
}

}  // namespace

std::optional<int> CurrencyMinorDigits(std::string_view currency) {
  for (const auto& c : kCurrencies) {
    if (c.code == currency) return c.digits;
  }
  return std::nullopt;
}

Result<Money> Money::Of(std::int64_t minor_units, std::string_view currency) {
  if (!CurrencyMinorDigits(currency)) {
    return Error::Invalid("currency", "Unsupported currency '" + std::string(currency) + "'.");
  }
  return Money(minor_units, std::string(currency));
}

Money Money::Zero(std::string_view currency) { return Money(0, std::string(currency)); }

Result<Money> Money::Plus(const Money& other) const {
  if (currency_ != other.currency_) return Mismatch(currency_, other.currency_);
  std::int64_t out;
  if (__builtin_add_overflow(minor_, other.minor_, &out)) return Error::Invalid("amount", "Amount is too large.");
  return Money(out, currency_);
}

Result<Money> Money::Minus(const Money& other) const {
  if (currency_ != other.currency_) return Mismatch(currency_, other.currency_);
  std::int64_t out;
  if (__builtin_sub_overflow(minor_, other.minor_, &out)) return Error::Invalid("amount", "Amount is too large.");
  return Money(out, currency_);
}

Result<Money> Money::MultiplyRational(std::int64_t num, std::int64_t den) const {
  if (den == 0) return Error::Invalid("factor", "Division by zero.");
  Int128 product = static_cast<Int128>(minor_) * num;
  Int128 d = den;
  if (d < 0) {
    d = -d;
    product = -product;
  }
  Int128 q = product / d;
  Int128 r = product % d;
  if (r != 0 && 2 * (r < 0 ? -r : r) >= d) q += product < 0 ? -1 : 1;
  if (q > INT64_MAX || q < INT64_MIN) return Error::Invalid("amount", "Amount is too large.");
  return Money(static_cast<std::int64_t>(q), currency_);
}

std::string Money::ToString() const {
  int digits = CurrencyMinorDigits(currency_).value_or(2);
  std::int64_t scale = 1;
  for (int i = 0; i < digits; ++i) scale *= 10;
  std::uint64_t abs = minor_ < 0 ? 0 - static_cast<std::uint64_t>(minor_) : static_cast<std::uint64_t>(minor_);
  // Built piecewise: GCC 12 at -O3 reports a false -Wrestrict on chained operator+ here.
  std::string out;
  if (minor_ < 0) out += '-';
  out += std::to_string(abs / static_cast<std::uint64_t>(scale));
  if (digits > 0) {
    std::string frac = std::to_string(abs % static_cast<std::uint64_t>(scale));
    out += '.';
    out.append(static_cast<std::size_t>(digits) - frac.size(), '0');
    out += frac;
  }
  out += ' ';
  out += currency_;
  return out;
}

}  // namespace allmende
