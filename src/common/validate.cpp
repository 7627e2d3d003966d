#include "common/validate.hpp"

#include <algorithm>

namespace allmende {

Result<std::string> NormalizePhone(std::string_view input, std::string_view field) {
  std::string out;
  for (char c : input) {
    if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '\t') continue;
    out.push_back(c);
  }
  if (out.starts_with("00")) out = "+" + out.substr(2);
  const bool digits_only = out.size() > 1 && out.find_first_not_of("0123456789", 1) == std::string::npos;
  const std::size_t digits = out.empty() ? 0 : out.size() - 1;
  if (out.empty() || out.front() != '+' || !digits_only || digits < 8 || digits > 15 || out[1] == '0') {
    return Error::Invalid(std::string(field),
                          "must be a phone number in international form with its country code, e.g. +358 40 123 4567");
  }
  return out;
}

std::size_t Utf8Characters(std::string_view text) {
  std::size_t n = 0;
  for (char ch : text) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  return n;
}

bool FreeTextProblem(std::string_view text, std::size_t max_characters, bool required) {
  bool visible = false;
  for (char ch : text) {
    const auto u = static_cast<unsigned char>(ch);
    if ((u < 0x20 && ch != '\n' && ch != '\t' && ch != '\r') || u == 0x7f) return true;
    visible |= ch != ' ' && ch != '\n' && ch != '\t' && ch != '\r';
  }
  if (required && !visible) return true;
  return Utf8Characters(text) > max_characters;
}

std::optional<std::string> PersonNameProblem(std::string_view name) {
  std::size_t characters = 0;
  bool visible = false;
  for (std::size_t i = 0; i < name.size();) {
    auto b = static_cast<unsigned char>(name[i]);
    std::size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > name.size()) return "must be valid UTF-8 text";
    for (std::size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(name[i + k]) >> 6) != 0x2) return "must be valid UTF-8 text";
    }
    if (len == 1 && (b < 0x20 || b == 0x7F)) return "must not contain control characters";
    if (len > 1 || b != ' ') visible = true;
    i += len;
    ++characters;
  }
  if (!visible || characters > 200) return "must be 1-200 characters";
  return std::nullopt;
}

const std::vector<std::string_view>& Languages() {
  static const std::vector<std::string_view> languages{"fi", "sv", "en", "de", "da"};
  return languages;
}

bool IsLanguage(std::string_view code) {
  const auto& l = Languages();
  return std::find(l.begin(), l.end(), code) != l.end();
}

std::string LanguageProblem() { return "must be one of: fi, sv, en, de, da"; }

}  // namespace allmende
