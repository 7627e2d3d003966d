// One validator per value type that people type, used by every endpoint that accepts it, so
// that two screens never disagree about a phone number or a name. Business ids: identifiers.hpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"

namespace allmende {

// A phone number in international form. Spaces, hyphens, dots and parentheses are dropped and a
// leading 00 becomes +; the result is E.164: "+" and 8 to 15 digits, the first not 0.
// InvalidArgument on `field` otherwise.
Result<std::string> NormalizePhone(std::string_view input, std::string_view field = "phone");

// A person's name: valid UTF-8, 1 to 200 characters (code points, not bytes), not only spaces, no
// control characters. The problem, or nullopt.
std::optional<std::string> PersonNameProblem(std::string_view name);
// Free text people write (a goal, a reason, a note): up to `max_characters` characters, line
// breaks and tabs allowed, no other control characters; when `required`, not empty or only
// white space. True if it breaks one of these rules. (JSON parsing already refused invalid UTF-8.)
bool FreeTextProblem(std::string_view text, std::size_t max_characters, bool required);
// The characters (code points) of UTF-8 text, for limits people count in characters: "ä" is one.
std::size_t Utf8Characters(std::string_view text);

// The languages the platform speaks: fi, sv, en, de, da.
const std::vector<std::string_view>& Languages();
bool IsLanguage(std::string_view code);
// "must be one of: fi, sv, en, de, da"
std::string LanguageProblem();

}  // namespace allmende
