#include "common/identifiers.hpp"

#include <algorithm>

namespace allmende {
namespace {

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool IsValidYTunnus(std::string_view id) {
  if (id.size() != 9 || id[7] != '-' || !AllDigits(id.substr(0, 7)) || !AllDigits(id.substr(8))) return false;
  static constexpr int kWeights[] = {7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 7; ++i) sum += (id[static_cast<std::size_t>(i)] - '0') * kWeights[i];
  int remainder = sum % 11;
  if (remainder == 1) return false;
  int check = remainder == 0 ? 0 : 11 - remainder;
  return id[8] - '0' == check;
}

bool IsValidCvr(std::string_view id) {
  if (id.size() != 8 || !AllDigits(id) || id[0] == '0') return false;
  static constexpr int kWeights[] = {2, 7, 6, 5, 4, 3, 2, 1};
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += (id[static_cast<std::size_t>(i)] - '0') * kWeights[i];
  return sum % 11 == 0;
}

bool IsValidIk(std::string_view id) { return id.size() == 9 && AllDigits(id); }

bool IsValidKvnr(std::string_view id) {
  if (id.size() != 10 || id[0] < 'A' || id[0] > 'Z' || !AllDigits(id.substr(1))) return false;
  // The letter becomes its two-digit position (A = 01); the ten digits before the check digit are
  // weighted 1, 2, 1, 2, … and the digit sums of the products added up.
  const int letter = id[0] - 'A' + 1;
  int digits[10] = {letter / 10, letter % 10};
  for (int i = 0; i < 8; ++i) digits[2 + i] = id[static_cast<std::size_t>(1 + i)] - '0';
  int sum = 0;
  for (int i = 0; i < 10; ++i) {
    int product = digits[i] * (i % 2 == 0 ? 1 : 2);
    sum += product / 10 + product % 10;
  }
  return id[9] - '0' == sum % 10;
}

std::string BusinessIdProblem(std::string_view country, std::string_view id) {
  if (country == "FI" && !IsValidYTunnus(id)) return "is not a valid Finnish business id (Y-tunnus), e.g. 1572860-0";
  if (country == "DK" && !IsValidCvr(id)) return "is not a valid CVR number (8 digits)";
  if (country == "DE" && !IsValidIk(id)) return "is not a valid Institutionskennzeichen (9 digits)";
  return "";
}

}  // namespace allmende
