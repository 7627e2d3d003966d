// The word lists the demo catalog is written from: places with their Finnish inflections, the
// service names and description sentences of each category in five languages, and the parts of
// provider names. Internal to demo_catalog*.cpp and its test; nothing else should depend on it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace allmende::directory::demo {

// The category codes of migration 0010, in its order; the phrase tables below are indexed alike.
inline constexpr std::size_t kCategoryCount = 20;
inline constexpr std::array<std::string_view, kCategoryCount> kCategoryCodes = {
    "home_help",          "cleaning",          "shopping",    "meals",         "safety_alarms",   "home_repairs",
    "transport",          "nursing_care",      "child_care",  "relative_care", "advice_guidance", "digital_help",
    "leisure_activities", "friendship_visits", "garden_yard", "laundry",       "personal_care",   "rehabilitation",
    "foot_care",          "hairdressing"};

enum CategoryIndex : std::size_t {
  kHomeHelp,
  kCleaning,
  kShopping,
  kMeals,
  kSafetyAlarms,
  kHomeRepairs,
  kTransport,
  kNursingCare,
  kChildCare,
  kRelativeCare,
  kAdviceGuidance,
  kDigitalHelp,
  kLeisureActivities,
  kFriendshipVisits,
  kGardenYard,
  kLaundry,
  kPersonalCare,
  kRehabilitation,
  kFootCare,
  kHairdressing,
};

// A municipality or district of migration 0010 with what a sentence or a provider name needs.
struct PlaceWords {
  std::string_view code;          // "fi-837-hervanta"
  std::string_view municipality;  // "fi-837"
  std::string_view name_fi;       // "Hervanta"
  std::string_view genitive_fi;   // "Hervannan"; empty where a provider would not be named after it
  std::string_view locative_fi;   // "Hervannassa", "Orivedellä", "Tampereen keskustassa"
  std::string_view name_sv;       // "Tammerfors"; empty where the place has no Swedish name
  std::string_view postal_codes;  // space-separated, exactly as in migration 0010
  int weight = 0;                 // municipalities: roughly thousands of inhabitants, to spread providers
  std::string_view near;          // municipalities: space-separated codes of neighbours a provider may also serve
};

const std::vector<PlaceWords>& Municipalities();
const std::vector<PlaceWords>& Districts();

// One category's words in one language. names[i] is the same service in every language, so a
// service keeps one index across its translations; openings and details may contain "{loc}".
struct CategoryPhrases {
  std::vector<std::string_view> names;
  std::vector<std::string_view> openings;
  std::vector<std::string_view> details;
};

// Everything a service text needs in one language.
struct LanguagePhrases {
  std::string_view language;  // fi, sv, en, de, da
  std::array<CategoryPhrases, kCategoryCount> categories;
  std::vector<std::string_view> area;     // "{loc}" and nearby
  std::vector<std::string_view> booking;  // how to order
  std::string_view tax_credit;            // the household tax credit applies
  std::string_view voucher;               // the welfare area's voucher is accepted
  std::string_view free_of_charge;
  std::string_view symbolic_fee;
  std::string_view also_swedish;  // "we also serve in Swedish"; in sv: "… in Finnish"
  std::string_view tuesdays;      // free times on Tuesdays (the journeys filter by free day)
  std::string_view for_seniors;   // name qualifier: " senioreille"
};

const LanguagePhrases& FinnishPhrases();
const LanguagePhrases& SwedishPhrases();
const LanguagePhrases& EnglishPhrases();
const LanguagePhrases& GermanPhrases();
const LanguagePhrases& DanishPhrases();

// The parts provider names, profiles and contact details are made of.
struct Surname {
  std::string_view nominative;  // "Virtanen"
  std::string_view genitive;    // "Virtasen"
};

struct ProviderWords {
  std::array<std::vector<std::string_view>, kCategoryCount> trades_fi;  // "Kotisiivous", "Siivouspalvelu"
  std::array<std::vector<std::string_view>, kCategoryCount> trades_sv;  // "Städservice", "Hemhjälp"
  std::vector<std::string_view> brands_fi;                              // "Näsijärven", "Pirkan"
  std::vector<Surname> surnames_fi;
  std::vector<std::string_view> surnames_sv;
  std::vector<std::string_view> associations_fi;  // "Seniorit", "Omaishoitajat"
  std::vector<std::string_view> associations_sv;  // "pensionärsförening": "Tammerfors svenska pensionärsförening rf"
  std::vector<std::string_view> groups_fi;        // "naapuriapu"
  std::vector<std::string_view> groups_sv;        // "Grannhjälpen i"
  std::vector<std::string_view> quality_labels;
  std::vector<std::string_view> values_fi;  // a sentence about how the provider works
  std::vector<std::string_view> values_sv;
  std::vector<std::string_view> association_values_fi;
  std::vector<std::string_view> association_values_sv;
  std::vector<std::string_view> accessibility_fi;
  std::vector<std::string_view> accessibility_sv;  // accessibility_sv[i] translates accessibility_fi[i]
};

const ProviderWords& Words();

// Helpers shared by the generator and the journey catalog (demo_catalog.cpp).

// The place of migration 0010 with this code, or nullptr.
const PlaceWords* FindPlace(std::string_view code);
// "Hervannassa", "i Hervanta", "in Hervanta, Tampere": where a service is, in `language`.
std::string Locative(std::string_view language, const PlaceWords& place);
// `sentence` with every "{loc}" replaced by `locative`, appended to `out` after a space if `out` is not empty.
void AppendSentence(std::string& out, std::string_view sentence, std::string_view locative);
// The name without its legal form ("Hervannan Kotisiivous Oy" → "Hervannan Kotisiivous"), so that
// "… Oy" and "… Ky" count as the same name.
std::string NameStem(std::string_view name);
// "Hervannan Kotisiivous Oy" → "hervannan-kotisiivous": for e-mail addresses and web sites.
std::string Slug(std::string_view name);
// A fictitious Finnish business id with a valid check digit, "<first><six digits>-<check>"; if
// `first` gives no valid check digit (remainder 1), `first` − 1 does. Real ids start with 0–3.
std::string FictitiousBusinessId(int first, std::uint32_t six_digits);

}  // namespace allmende::directory::demo
