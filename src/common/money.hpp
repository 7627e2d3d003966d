// Money: integer minor units with an ISO 4217 currency. Never a floating-point amount.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.hpp"

namespace allmende {

class Money {
 public:
  // Returns InvalidArgument (field "currency") if the code is not a supported ISO 4217 code.
  static Result<Money> Of(std::int64_t minor_units, std::string_view currency);
  // Zero in a currency known to be valid.
  static Money Zero(std::string_view currency);

  std::int64_t minor_units() const { return minor_; }
  const std::string& currency() const { return currency_; }

  // Sums and differences of one currency; InvalidArgument on a currency mismatch or on overflow.
  Result<Money> Plus(const Money& other) const;
  Result<Money> Minus(const Money& other) const;

  // Multiplies by a rational factor num/den, rounding half away from zero once. Used for VAT
  // and for time units (minutes / 60). InvalidArgument on overflow or den == 0.
  Result<Money> MultiplyRational(std::int64_t num, std::int64_t den) const;

  // "12.50 EUR": a locale-free form for logs and exports; the UI formats for the reader.
  std::string ToString() const;

  bool operator==(const Money&) const = default;

 private:
  Money(std::int64_t minor, std::string currency) : minor_(minor), currency_(std::move(currency)) {}
  std::int64_t minor_;
  std::string currency_;
};

// Digits after the decimal point for a supported currency (EUR 2, SEK 2, DKK 2, ...), or
// nullopt if the code is not supported.
std::optional<int> CurrencyMinorDigits(std::string_view currency);

}  // namespace allmende
