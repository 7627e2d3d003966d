#include "interop/hsds_vocabulary.hpp"

#include <array>
#include <cstdint>
#include <map>

namespace allmende::interop {
namespace {

std::string Hex(const std::array<std::uint8_t, 16>& bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += digits[bytes[i] >> 4];
    out += digits[bytes[i] & 15];
  }
  return out;
}

int CrockfordValue(char c) {
  static const std::string_view alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  auto at = alphabet.find(c);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

std::uint64_t Fnv1a(std::string_view text, std::uint64_t basis) {
  std::uint64_t h = basis;
  for (unsigned char c : text) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

struct LanguageInfo {
  std::string_view code, name, english;
};
constexpr std::array<LanguageInfo, 5> kLanguages{{{"fi", "suomi", "Finnish"},
                                                  {"sv", "svenska", "Swedish"},
                                                  {"en", "English", "English"},
                                                  {"de", "Deutsch", "German"},
                                                  {"da", "dansk", "Danish"}}};

struct DetailInfo {
  std::string_view code, name, description;
};
constexpr std::array<DetailInfo, 7> kDetails{{
    {kVatRate, "VAT rate", "Value added tax included in the cost option's amount, in percent (\"25.5\")."},
    {kLabourShare, "Labour share",
     "Share of the price that is labour (for the household tax credit), in percent (\"100\")."},
    {kLeadTimeDays, "Lead time", "Days from an order to the first delivery."},
    {kCapacityPerWeek, "Capacity per week", "Visits the provider can make a week."},
    {kQualityLabel, "Quality label", "A label or certificate of the provider, as named by its issuer."},
    {kInsurance, "Liability insurance", "The provider's liability insurance, in its own words."},
    {kProviderArea, "Area served",
     "A place the provider serves: a place code of the gazetteer (\"fi-837\") or a postal code."},
}};

}  // namespace

std::string UuidOfId(std::string_view id) {
  auto underscore = id.find('_');
  std::string_view ulid = underscore == std::string_view::npos ? std::string_view() : id.substr(underscore + 1);
  if (ulid.size() != 26 || CrockfordValue(ulid[0]) < 0 || CrockfordValue(ulid[0]) > 7) return NameUuid(id);
  std::array<std::uint8_t, 16> bytes{};
  // 26 characters of 5 bits are 130 bits; the first character holds only the top 3 of the 128.
  unsigned bit = 0;
  for (std::size_t i = 0; i < ulid.size(); ++i) {
    int v = CrockfordValue(ulid[i]);
    if (v < 0) return NameUuid(id);
    for (int b = (i == 0 ? 2 : 4); b >= 0; --b, ++bit) {
      if (v & (1 << b)) bytes[bit / 8] |= static_cast<std::uint8_t>(0x80u >> (bit % 8));
    }
  }
  return Hex(bytes);
}

std::string NameUuid(std::string_view name) {
  std::uint64_t hi = Fnv1a(name, 0xcbf29ce484222325ULL);
  std::uint64_t lo = Fnv1a(name, 0x84222325cbf29ce4ULL ^ hi);
  std::array<std::uint8_t, 16> bytes{};
  for (int i = 0; i < 8; ++i) {
    bytes[i] = static_cast<std::uint8_t>(hi >> (56 - 8 * i));
    bytes[8 + i] = static_cast<std::uint8_t>(lo >> (56 - 8 * i));
  }
  bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0f) | 0x80);  // version 8: custom
  bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3f) | 0x80);  // RFC 9562 variant
  return Hex(bytes);
}

std::string TaxonomyUuid(std::string_view taxonomy) { return NameUuid("allmende:taxonomy:" + std::string(taxonomy)); }

std::string TermUuid(std::string_view taxonomy, std::string_view code) {
  return NameUuid("allmende:taxonomy:" + std::string(taxonomy) + ":term:" + std::string(code));
}

std::string LanguageName(const std::string& code) {
  for (const auto& l : kLanguages) {
    if (l.code == code) return std::string(l.name);
  }
  return code;
}

Term CategoryTerm(const directory::Category& c, const std::string& language) {
  bool has = c.name.count(language) > 0;
  std::string name = has ? c.name.at(language) : c.name.count("en") ? c.name.at("en") : c.code;
  std::string all;
  for (const auto& [lang, text] : c.name) all += (all.empty() ? "" : "; ") + lang + ": " + text;
  return {std::string(kCategoryTaxonomy), c.code, name, all, has ? language : std::string("en")};
}

std::vector<Term> AllTerms(const std::vector<directory::Category>& categories, const std::string& language) {
  std::vector<Term> terms;
  for (const auto& c : categories) terms.push_back(CategoryTerm(c, language));
  for (const auto& l : kLanguages) {
    terms.push_back({std::string(kLanguageTaxonomy), std::string(l.code), std::string(l.name),
                     std::string(l.english) + " (ISO 639-1 " + std::string(l.code) + ")", std::string(l.code)});
  }
  for (const auto& d : kDetails) {
    terms.push_back(
        {std::string(kDetailTaxonomy), std::string(d.code), std::string(d.name), std::string(d.description), "en"});
  }
  return terms;
}

std::vector<boost::json::object> TaxonomyObjects() {
  return {
      {{"id", TaxonomyUuid(kCategoryTaxonomy)},
       {"name", kCategoryTaxonomy},
       {"description", "The service categories of the Allmende directory (home help, cleaning, meals, …)."},
       {"version", "1"}},
      {{"id", TaxonomyUuid(kLanguageTaxonomy)},
       {"name", kLanguageTaxonomy},
       {"description",
        "Two-letter language codes. As an attribute with a value: the value is the linked entity's field named "
        "by link_type in this language; without a value (link_type \"language\"): a language spoken."},
       {"uri", "https://www.loc.gov/standards/iso639-2/php/code_list.php"}},
      {{"id", TaxonomyUuid(kDetailTaxonomy)},
       {"name", kDetailTaxonomy},
       {"description",
        "Values of the Allmende directory that HSDS 3.0 has no field for; the attribute's value holds them."},
       {"version", "1"}},
  };
}

boost::json::object TermObject(const Term& t) {
  return {{"id", TermUuid(t.taxonomy, t.code)},
          {"code", t.code},
          {"name", t.name},
          {"description", t.description},
          {"taxonomy", t.taxonomy},
          {"taxonomy_id", TaxonomyUuid(t.taxonomy)},
          {"language", t.language}};
}

std::optional<TermRef> TermOfUuid(std::string_view uuid, const std::vector<directory::Category>& categories) {
  static const std::map<std::string, TermRef> fixed = [] {
    std::map<std::string, TermRef> m;
    for (const auto& t : AllTerms({}, "en")) m.emplace(TermUuid(t.taxonomy, t.code), TermRef{t.taxonomy, t.code});
    return m;
  }();
  if (auto it = fixed.find(std::string(uuid)); it != fixed.end()) return it->second;
  for (const auto& c : categories) {
    if (TermUuid(kCategoryTaxonomy, c.code) == uuid) return TermRef{std::string(kCategoryTaxonomy), c.code};
  }
  return std::nullopt;
}

}  // namespace allmende::interop
