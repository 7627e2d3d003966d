#include "directory/demo_catalog.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>
#include <unordered_set>

#include "common/identifiers.hpp"
#include "directory/demo_catalog_generator.hpp"
#include "directory/demo_catalog_words.hpp"

namespace allmende::directory {
namespace demo {

const PlaceWords* FindPlace(std::string_view code) {
  for (const auto* list : {&Municipalities(), &Districts()}) {
    for (const PlaceWords& place : *list) {
      if (place.code == code) return &place;
    }
  }
  return nullptr;
}

std::string Locative(std::string_view language, const PlaceWords& place) {
  const bool district = place.code != place.municipality;
  const PlaceWords& town = district ? *FindPlace(place.municipality) : place;
  const std::string_view town_sv = town.name_sv.empty() ? town.name_fi : town.name_sv;
  // A town centre is named by its town outside Finnish: "Keskusta" means nothing to a Swede.
  const bool centre = place.genitive_fi.empty() && district;
  auto join = [](std::initializer_list<std::string_view> parts) {
    std::string out;
    for (std::string_view part : parts) out += part;
    return out;
  };
  if (language == "fi") return std::string(place.locative_fi);
  if (language == "sv") {
    if (centre) return join({"i ", town_sv, " centrum"});
    return join({"i ", district ? place.name_fi : town_sv});
  }
  if (language == "en") {
    if (centre) return join({"in central ", town.name_fi});
    return district ? join({"in ", place.name_fi, ", ", town.name_fi}) : join({"in ", town.name_fi});
  }
  if (language == "de") {
    if (centre) return join({"im Zentrum von ", town.name_fi});
    return district ? join({"in ", place.name_fi, " (", town.name_fi, ")"}) : join({"in ", town.name_fi});
  }
  if (centre) return join({"i det centrale ", town.name_fi});
  return district ? join({"i ", place.name_fi, ", ", town.name_fi}) : join({"i ", town.name_fi});
}

void AppendSentence(std::string& out, std::string_view sentence, std::string_view locative) {
  if (!out.empty()) out += ' ';
  constexpr std::string_view kMarker = "{loc}";
  for (std::size_t at = sentence.find(kMarker); at != std::string_view::npos; at = sentence.find(kMarker)) {
    out.append(sentence.substr(0, at));
    out.append(locative);
    sentence.remove_prefix(at + kMarker.size());
  }
  out.append(sentence);
}

std::string NameStem(std::string_view name) {
  for (std::string_view form : {" Oy", " Ky", " Tmi", " Ab", " ry", " rf"}) {
    if (name.ends_with(form)) return std::string(name.substr(0, name.size() - form.size()));
  }
  return std::string(name);
}

std::string Slug(std::string_view full_name) {
  const std::string name = NameStem(full_name);
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {
      if (std::isalnum(c)) {
        out += static_cast<char>(std::tolower(c));
      } else if (!out.empty() && out.back() != '-') {
        out += '-';
      }
      continue;
    }
    // The letters of Finnish and Swedish names beyond ASCII, as a host name spells them.
    const std::string_view rest = std::string_view(name).substr(i);
    if (rest.starts_with("ä") || rest.starts_with("Ä") || rest.starts_with("å") || rest.starts_with("Å")) {
      out += 'a';
    } else if (rest.starts_with("ö") || rest.starts_with("Ö")) {
      out += 'o';
    }
    while (i + 1 < name.size() && (static_cast<unsigned char>(name[i + 1]) & 0xC0) == 0x80) ++i;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string FictitiousBusinessId(int first, std::uint32_t six_digits) {
  for (int lead : {first, first - 1}) {
    std::string digits = std::to_string(lead * 1000000 + static_cast<int>(six_digits % 1000000));
    for (char check = '0'; check <= '9'; ++check) {
      std::string id = digits + "-" + check;
      if (IsValidYTunnus(id)) return id;
    }
  }
  return {};  // unreachable: the first digit weighs 7, so two neighbouring leads never both leave remainder 1
}

}  // namespace demo

namespace {

using namespace demo;

enum class Hours { kOffice, kAllDay, kMeals, kFewDays, kLongDays, kGroups };

// What a company's service in a category costs and how much of it it sells, in 2026 euros (cents,
// VAT included). Labour share: the part the household tax credit counts. Health and social care
// (nursing, personal care, respite, rehabilitation, foot care) are VAT-exempt; meals, passenger
// transport and recreation pay 14 %; the rest 25.5 %.
struct Rule {
  std::string_view model;
  int low, high, step;
  int vat_rate_bp;
  int labour_low, labour_high;
  int capacity_low, capacity_high;
  int lead_low, lead_high;
  bool for_seniors;  // "… senioreille" reads well
  Hours hours;
};

constexpr std::array<Rule, kCategoryCount> kRules = {{
    {"hourly", 3800, 5800, 50, 2550, 9000, 10000, 10, 120, 1, 7, true, Hours::kOffice},    // home_help
    {"hourly", 3500, 5500, 50, 2550, 8000, 10000, 10, 150, 2, 14, true, Hours::kOffice},   // cleaning
    {"per_visit", 1800, 3500, 50, 2550, 7000, 9000, 10, 150, 1, 3, true, Hours::kOffice},  // shopping
    {"per_visit", 800, 1200, 10, 1400, 0, 0, 50, 200, 1, 3, true, Hours::kMeals},          // meals
    {"fixed", 2500, 4500, 100, 2550, 0, 0, 20, 200, 3, 10, true, Hours::kAllDay},          // safety_alarms
    {"hourly", 4500, 6500, 50, 2550, 7000, 9000, 5, 60, 2, 14, true, Hours::kOffice},      // home_repairs
    {"per_visit", 1500, 3500, 50, 1400, 0, 0, 20, 150, 1, 2, true, Hours::kOffice},        // transport
    {"hourly", 5500, 8000, 100, 0, 0, 0, 10, 100, 1, 5, false, Hours::kLongDays},          // nursing_care
    {"hourly", 2500, 4000, 50, 2550, 10000, 10000, 5, 60, 1, 7, false, Hours::kLongDays},  // child_care
    {"hourly", 3500, 5000, 50, 0, 10000, 10000, 5, 50, 3, 14, false, Hours::kOffice},      // relative_care
    {"hourly", 4000, 7000, 100, 2550, 0, 0, 10, 80, 1, 7, true, Hours::kOffice},           // advice_guidance
    {"hourly", 3500, 6000, 50, 2550, 5000, 8000, 5, 80, 1, 10, true, Hours::kOffice},      // digital_help
    {"per_visit", 500, 2500, 50, 1400, 0, 0, 10, 200, 1, 7, true, Hours::kGroups},         // leisure_activities
    {"per_visit", 2500, 4000, 50, 2550, 0, 0, 5, 60, 3, 14, true, Hours::kFewDays},        // friendship_visits
    {"hourly", 4000, 5500, 50, 2550, 8500, 10000, 5, 100, 1, 10, false, Hours::kOffice},   // garden_yard
    {"per_visit", 1500, 3500, 50, 2550, 0, 0, 10, 150, 2, 7, true, Hours::kOffice},        // laundry
    {"hourly", 4000, 6000, 50, 0, 10000, 10000, 10, 100, 1, 7, true, Hours::kLongDays},    // personal_care
    {"per_visit", 5500, 9000, 100, 0, 0, 0, 5, 60, 3, 14, true, Hours::kOffice},           // rehabilitation
    {"per_visit", 4500, 7500, 100, 0, 0, 0, 5, 50, 3, 14, true, Hours::kOffice},           // foot_care
    {"per_visit", 3000, 6500, 100, 2550, 0, 0, 5, 40, 3, 14, true, Hours::kOffice},        // hairdressing
}};

int Stepped(Random& random, int low, int high, int step) { return low + step * random.Between(0, (high - low) / step); }

Price PriceFor(Random& random, std::size_t category, ProviderKind kind) {
  Price price;
  if (kind != ProviderKind::kCompany) {
    // Associations and volunteers: free, or a symbolic fee that covers costs, without VAT; a
    // lunch or a childminder hour from an association still costs something.
    price.model = "per_visit";
    if (category == kMeals) {
      price.amount = Stepped(random, 700, 900, 10);
      price.vat_rate_bp = 1400;
    } else if (category == kChildCare) {
      price.model = "hourly";
      price.amount = Stepped(random, 900, 1200, 50);
    } else if (!random.Percent(kind == ProviderKind::kVolunteerGroup ? 85 : 65)) {
      price.amount = Stepped(random, 200, 800, 100);
    }
    return price;
  }
  const Rule& rule = kRules[category];
  price.model = rule.model;
  price.amount = Stepped(random, rule.low, rule.high, rule.step);
  price.vat_rate_bp = rule.vat_rate_bp;
  price.labour_share_bp =
      rule.labour_low == rule.labour_high ? rule.labour_low : Stepped(random, rule.labour_low, rule.labour_high, 100);
  if (price.model == "hourly") {
    const std::size_t minimum = random.Below(4);  // one hour, two hours or none
    price.minimum_charge = minimum < 2 ? price.amount : minimum == 2 ? 2 * price.amount : 0;
  }
  return price;
}

void AddDays(std::vector<OpeningHours>& hours, std::initializer_list<int> days, std::string_view opens,
             std::string_view closes) {
  for (int day : days) hours.push_back({day, std::string(opens), std::string(closes)});
}

std::vector<OpeningHours> HoursFor(Random& random, Hours kind) {
  std::vector<OpeningHours> hours;
  switch (kind) {
    case Hours::kOffice: {
      static constexpr std::array<std::array<std::string_view, 2>, 5> kTimes = {
          {{"08:00", "16:00"}, {"07:30", "15:30"}, {"08:00", "17:00"}, {"09:00", "15:00"}, {"07:00", "19:00"}}};
      const auto& [opens, closes] = kTimes[random.Below(kTimes.size())];
      const std::size_t days = random.Below(100);
      if (days < 80)
        AddDays(hours, {0, 1, 2, 3, 4}, opens, closes);
      else if (days < 88)
        AddDays(hours, {0, 1, 2, 3}, opens, closes);
      else if (days < 92)
        AddDays(hours, {1, 2, 3, 4}, opens, closes);
      else
        AddDays(hours, {0, 2, 4}, opens, closes);
      if (random.Percent(20)) AddDays(hours, {5}, "09:00", "14:00");
      break;
    }
    case Hours::kAllDay:
      AddDays(hours, {0, 1, 2, 3, 4, 5, 6}, "00:00", "24:00");
      break;
    case Hours::kMeals:
      AddDays(hours, {0, 1, 2, 3, 4}, "10:00", "13:30");
      if (random.Percent(20)) AddDays(hours, {5}, "10:00", "12:00");
      break;
    case Hours::kFewDays: {
      const int first = random.Between(0, 3);
      const int second = random.Between(first + 1, 4);
      if (random.Percent(50))
        AddDays(hours, {first, second}, "10:00", "15:00");
      else
        AddDays(hours, {first, second}, "12:00", "18:00");
      break;
    }
    case Hours::kLongDays:
      AddDays(hours, {0, 1, 2, 3, 4}, "07:00", "21:00");
      if (random.Percent(40)) AddDays(hours, {5, 6}, "09:00", "18:00");
      break;
    case Hours::kGroups:
      if (random.Percent(50))
        AddDays(hours, {random.Between(0, 4)}, "10:00", "14:00");
      else
        AddDays(hours, {random.Between(0, 1), random.Between(2, 4)}, "10:00", "14:00");
      break;
  }
  return hours;
}

void AddPostalCodes(std::vector<std::string>& out, std::string_view list) {
  while (!list.empty()) {
    const std::size_t space = list.find(' ');
    const std::string_view code = list.substr(0, space);
    if (std::find(out.begin(), out.end(), code) == out.end()) out.emplace_back(code);
    list = space == std::string_view::npos ? std::string_view{} : list.substr(space + 1);
  }
}

constexpr std::size_t kLanguages = 5;

// Every place's locative in each language, worked out once: a million services would otherwise
// look the same places up a million times.
struct Locatives {
  std::array<const LanguagePhrases*, kLanguages> phrases = {&FinnishPhrases(), &SwedishPhrases(), &EnglishPhrases(),
                                                            &GermanPhrases(), &DanishPhrases()};
  std::vector<std::array<std::string, kLanguages>> towns, districts;

  Locatives() {
    for (const auto& [places, out] : {std::pair{&Municipalities(), &towns}, std::pair{&Districts(), &districts}}) {
      for (const PlaceWords& place : *places) {
        auto& row = out->emplace_back();
        for (std::size_t l = 0; l < kLanguages; ++l) row[l] = Locative(phrases[l]->language, place);
      }
    }
  }
};

DemoService ServiceFor(Random& random, std::size_t provider, const ProviderPlan& plan,
                       const std::vector<std::string>& voucher_purchaser_ids, const Locatives& locatives) {
  DemoService service;
  service.provider = provider;
  ServiceContent& c = service.content;
  const std::size_t specialty = random.Pick(plan.specialties);
  const std::size_t category = random.Percent(90) ? specialty : RelatedCategory(random, plan.kind, specialty);
  const Rule& rule = kRules[category];
  c.category = std::string(kCategoryCodes[category]);

  const std::array<std::string, kLanguages>* where = &locatives.towns[plan.home];
  if (!plan.districts.empty() && (plan.district_focus || random.Percent(25))) {
    const std::size_t count =
        std::min<std::size_t>(plan.districts.size(), static_cast<std::size_t>(random.Between(1, 3)));
    const std::size_t start = random.Below(plan.districts.size());
    const bool postal = random.Percent(30);
    for (std::size_t k = 0; k < count; ++k) {
      const std::size_t d = plan.districts[(start + k) % plan.districts.size()];
      c.area.districts.emplace_back(Districts()[d].code);
      if (postal) AddPostalCodes(c.area.postal_codes, Districts()[d].postal_codes);
      if (k == 0) where = &locatives.districts[d];
    }
  } else {
    c.area.municipalities.emplace_back(Municipalities()[plan.home].code);
    for (std::size_t neighbour : plan.near) {
      if (random.Percent(60)) c.area.municipalities.emplace_back(Municipalities()[neighbour].code);
    }
  }

  const std::array<bool, kLanguages> written = {
      plan.finnish && (!plan.swedish || random.Percent(85)),
      plan.swedish || random.Percent(plan.bilingual ? 85 : 5),
      random.Percent(plan.english ? 75 : 2),
      plan.german && random.Percent(80),
      plan.danish && random.Percent(80),
  };
  const bool serves_swedish = written[1] && (plan.swedish || plan.bilingual);
  if (written[0]) c.languages.emplace_back("fi");
  if (serves_swedish) c.languages.emplace_back("sv");
  for (std::size_t l = 2; l < kLanguages; ++l) {
    if (written[l]) c.languages.emplace_back(locatives.phrases[l]->language);
  }

  c.price = PriceFor(random, category, plan.kind);
  const bool voucher_category =
      category == kCleaning || category == kHomeHelp || category == kMeals || category == kShopping;
  if (plan.kind == ProviderKind::kCompany && voucher_category && random.Percent(50)) c.vouchers = voucher_purchaser_ids;
  c.hours = HoursFor(random, rule.hours);
  const bool open_tuesday =
      std::any_of(c.hours.begin(), c.hours.end(), [](const OpeningHours& h) { return h.weekday == 1; });
  c.capacity_per_week = random.Between(rule.capacity_low, rule.capacity_high);
  c.lead_time_days = random.Between(rule.lead_low, rule.lead_high);

  // Every choice is drawn once, so that the translations of one service say the same thing.
  const std::size_t variant = random.Below(FinnishPhrases().categories[category].names.size());
  const std::size_t qualifier = random.Below(100);
  const std::size_t opening = random.Below(2);
  const std::size_t detail = random.Below(3);
  const bool second_detail = random.Percent(45);
  const std::size_t practical = random.Below(4);
  const bool tuesdays = open_tuesday && (category == kCleaning || category == kHomeHelp) && random.Percent(25);
  for (std::size_t l = 0; l < kLanguages; ++l) {
    if (!written[l]) continue;
    const LanguagePhrases& ph = *locatives.phrases[l];
    const CategoryPhrases& words = ph.categories[category];
    const std::string& loc = (*where)[l];
    std::string name(words.names[variant % words.names.size()]);
    if (qualifier < 22) {
      name += ' ';
      name += loc;
    } else if (qualifier < 32 && rule.for_seniors) {
      name += ph.for_seniors;
    }
    std::string text;
    text.reserve(480);
    AppendSentence(text, words.openings[opening % words.openings.size()], loc);
    AppendSentence(text, words.details[detail % words.details.size()], loc);
    int sentences = 2;
    if (second_detail && words.details.size() > 1) {
      AppendSentence(text, words.details[(detail + 1) % words.details.size()], loc);
      ++sentences;
    }
    std::string_view closing;
    if (!c.vouchers.empty())
      closing = ph.voucher;
    else if (c.price.amount == 0)
      closing = ph.free_of_charge;
    else if (plan.kind != ProviderKind::kCompany)
      closing = ph.symbolic_fee;
    else if (c.price.labour_share_bp > 0 && practical < 2)
      closing = ph.tax_credit;
    else if (practical == 2)
      closing = ph.area[opening % ph.area.size()];
    else if (practical == 3)
      closing = ph.booking[detail % ph.booking.size()];
    if (!closing.empty()) {
      AppendSentence(text, closing, loc);
      ++sentences;
    }
    // Finnish text tells it is also served in Swedish, and Swedish text that it is also in Finnish.
    const bool other_language = (l == 0 && serves_swedish) || (l == 1 && plan.swedish && written[0]);
    if (sentences < 4 && tuesdays)
      AppendSentence(text, ph.tuesdays, loc);
    else if (sentences < 4 && other_language)
      AppendSentence(text, ph.also_swedish, loc);
    c.name.emplace(ph.language, std::move(name));
    c.description.emplace(ph.language, std::move(text));
  }
  return service;
}

}  // namespace

DemoCatalog GenerateCatalog(std::size_t providers, std::size_t services, std::uint64_t seed,
                            const std::vector<std::string>& voucher_purchaser_ids) {
  Random random(seed);
  DemoCatalog catalog;
  std::unordered_set<std::string> taken;
  for (const DemoProvider& journey : JourneyCatalog({}).providers) taken.insert(NameStem(journey.profile.name));
  std::vector<ProviderPlan> plans;
  catalog.providers.reserve(providers);
  plans.reserve(providers);
  GenerateProviders(providers, random, static_cast<std::uint32_t>(random.Below(1000000)), taken, catalog.providers,
                    plans);
  if (providers == 0) return catalog;
  const Locatives locatives;
  catalog.services.reserve(services);
  for (std::size_t i = 0; i < services; ++i) {
    // One each first; then a long tail, as in a real directory: a tenth of the providers offer
    // about a third of the services.
    std::size_t provider = i < providers ? i : random.Below(providers);
    if (i >= providers && random.Percent(25)) provider = random.Below(std::max<std::size_t>(1, providers / 10));
    catalog.services.push_back(ServiceFor(random, provider, plans[provider], voucher_purchaser_ids, locatives));
  }
  return catalog;
}

}  // namespace allmende::directory
