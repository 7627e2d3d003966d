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

std::optional<FinnishIdentityCode> ParseFinnishIdentityCode(std::string_view input, std::string* problem) {
  auto fail = [&](const char* why) {
    if (problem) *problem = why;
    return std::optional<FinnishIdentityCode>();
  };
  while (!input.empty() && (input.front() == ' ' || input.front() == '\t')) input.remove_prefix(1);
  while (!input.empty() && (input.back() == ' ' || input.back() == '\t')) input.remove_suffix(1);
  std::string code;
  for (char ch : input) code.push_back(ch >= 'a' && ch <= 'z' ? static_cast<char>(ch - 'a' + 'A') : ch);
  if (code.size() != 11) return fail("An identity code has 11 characters: DDMMYYCZZZQ.");
  std::string_view c(code);
  if (!AllDigits(c.substr(0, 6)) || !AllDigits(c.substr(7, 3))) {
    return fail(
        "An identity code has the birth date DDMMYY, a century sign and three digits before the check character.");
  }
  int century = 0;
  switch (c[6]) {
    case '+':
      century = 1800;
      break;
    case '-':
    case 'Y':
    case 'X':
    case 'W':
    case 'V':
    case 'U':
      century = 1900;
      break;
    case 'A':
    case 'B':
    case 'C':
    case 'D':
    case 'E':
    case 'F':
      century = 2000;
      break;
    default:
      return fail("The seventh character is the century sign: +, -, Y, X, W, V, U or A–F.");
  }
  auto number = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (c[i] - '0');
    return v;
  };
  int day = number(0, 2), month = number(2, 2), year = century + number(4, 2);
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1] + (month == 2 && leap ? 1 : 0)) {
    return fail("The first six digits are no date (DDMMYY).");
  }
  if (number(7, 3) < 2) return fail("The individual number runs from 002.");
  static constexpr std::string_view kCheck = "0123456789ABCDEFHJKLMNPRSTUVWXY";
  long long nine = static_cast<long long>(number(0, 6)) * 1000 + number(7, 3);
  if (c[10] != kCheck[static_cast<std::size_t>(nine % 31)])
    return fail("The check character does not match: a digit may be mistyped.");
  // DD and MM as typed (checked above), the year from the century sign.
  std::string date = std::to_string(year) + "-" + code.substr(2, 2) + "-" + code.substr(0, 2);
  return FinnishIdentityCode{code, date};
}

std::string MaskFinnishIdentityCode(std::string_view code) {
  if (code.size() < 7) return "****";
  return std::string(code.substr(0, 7)) + "****";
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
