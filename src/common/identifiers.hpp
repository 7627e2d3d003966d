// Identifiers users type and we must check (shared/DOMAIN.md): a clear error on a wrong one.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace allmende {

// Finnish business id (Y-tunnus) "1234567-8": weights 7 9 10 5 8 4 2; remainder 0 → check 0,
// remainder 1 → invalid, otherwise 11 − remainder.
bool IsValidYTunnus(std::string_view id);

// Danish CVR number: 8 digits, weights 2 7 6 5 4 3 2 1, weighted sum divisible by 11.
bool IsValidCvr(std::string_view id);

// German Institutionskennzeichen (IK) of a provider billing a Pflegekasse: 9 digits.
bool IsValidIk(std::string_view id);

// German health insurance number (Krankenversichertennummer) as care insurers use it: a capital
// letter and nine digits, the last a check digit.
bool IsValidKvnr(std::string_view id);

// A Finnish personal identity code (henkilötunnus) "DDMMYYCZZZQ": the century sign (+ 1800s;
// - Y X W V U 1900s; A B C D E F 2000s), a real date, an individual number 002–999 and the check
// character Q = DDMMYYZZZ mod 31 in "0123456789ABCDEFHJKLMNPRSTUVWXY". Lower-case letters and
// surrounding spaces are accepted and normalized away.
struct FinnishIdentityCode {
  std::string code;        // normalized: upper case, no spaces
  std::string birth_date;  // YYYY-MM-DD
};
// The code and the birth date it gives, or the problem in words.
std::optional<FinnishIdentityCode> ParseFinnishIdentityCode(std::string_view input, std::string* problem = nullptr);
// "140342-****": the birth date part as written and the rest hidden.
std::string MaskFinnishIdentityCode(std::string_view code);

// The problem with a business id for an organization in `country` (FI, DE, DK), or empty.
std::string BusinessIdProblem(std::string_view country, std::string_view id);

}  // namespace allmende
