// The generated providers: where they are based, what they do, what they are called and how their
// public profile reads.
#include <algorithm>
#include <cctype>
#include <span>

#include "directory/demo_catalog_generator.hpp"
#include "directory/demo_catalog_words.hpp"

namespace allmende::directory::demo {
namespace {

// How often each category is a provider's trade, by kind, in the order of kCategoryCodes: firms
// clean and help at home; associations visit, advise and organise; volunteers keep company.
constexpr std::array<int, kCategoryCount> kCompanyWeights = {12, 18, 7, 6, 3, 6, 6, 4, 4, 4,
                                                             1,  4,  2, 1, 8, 3, 5, 4, 5, 4};
constexpr std::array<int, kCategoryCount> kAssociationWeights = {0, 0, 6, 3,  0, 1, 5, 0, 1, 6,
                                                                 7, 7, 9, 12, 1, 0, 0, 0, 0, 0};
constexpr std::array<int, kCategoryCount> kGroupWeights = {0, 0, 5, 0, 0, 0, 3, 0, 0, 0, 1, 4, 4, 10, 2, 0, 0, 0, 0, 0};

std::size_t Weighted(Random& random, std::span<const int> weights) {
  int total = 0;
  for (int w : weights) total += w;
  int draw = static_cast<int>(random.Below(static_cast<std::size_t>(total)));
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (draw < weights[i]) return i;
    draw -= weights[i];
  }
  return weights.size() - 1;
}

// Which trades go together, so that no firm offers cleaning, nursing and senior dances at once.
const std::array<std::vector<std::size_t>, kCategoryCount>& Related() {
  static const std::array<std::vector<std::size_t>, kCategoryCount> related = {{
      {kCleaning, kShopping, kLaundry, kPersonalCare, kTransport},     // home_help
      {kHomeHelp, kLaundry, kGardenYard, kHomeRepairs},                // cleaning
      {kHomeHelp, kTransport, kMeals, kCleaning, kFriendshipVisits},   // shopping
      {kShopping, kHomeHelp},                                          // meals
      {kHomeRepairs, kNursingCare, kDigitalHelp},                      // safety_alarms
      {kGardenYard, kCleaning, kSafetyAlarms},                         // home_repairs
      {kShopping, kFriendshipVisits, kLeisureActivities},              // transport
      {kPersonalCare, kRehabilitation, kRelativeCare, kFootCare},      // nursing_care
      {kCleaning, kHomeHelp},                                          // child_care
      {kPersonalCare, kHomeHelp, kAdviceGuidance, kFriendshipVisits},  // relative_care
      {kDigitalHelp, kRelativeCare, kFriendshipVisits},                // advice_guidance
      {kAdviceGuidance, kHomeRepairs, kLeisureActivities},             // digital_help
      {kFriendshipVisits, kTransport, kDigitalHelp},                   // leisure_activities
      {kLeisureActivities, kShopping, kTransport, kDigitalHelp},       // friendship_visits
      {kHomeRepairs, kCleaning},                                       // garden_yard
      {kCleaning, kHomeHelp},                                          // laundry
      {kNursingCare, kHomeHelp, kFootCare, kHairdressing},             // personal_care
      {kNursingCare, kFootCare, kPersonalCare},                        // rehabilitation
      {kHairdressing, kRehabilitation, kPersonalCare},                 // foot_care
      {kFootCare, kPersonalCare},                                      // hairdressing
  }};
  return related;
}

std::span<const int> WeightsFor(ProviderKind kind) {
  switch (kind) {
    case ProviderKind::kCompany:
      return kCompanyWeights;
    case ProviderKind::kAssociation:
      return kAssociationWeights;
    case ProviderKind::kVolunteerGroup:
      break;
  }
  return kGroupWeights;
}

// Each municipality's districts and neighbours as indices, worked out once.
struct Gazetteer {
  std::vector<std::vector<std::size_t>> districts;
  std::vector<std::vector<std::size_t>> near;
  std::vector<int> weights;
  std::size_t tampere = 0;

  Gazetteer() {
    const auto& towns = Municipalities();
    districts.resize(towns.size());
    near.resize(towns.size());
    auto index_of = [&](std::string_view code) {
      return static_cast<std::size_t>(
          std::find_if(towns.begin(), towns.end(), [&](const PlaceWords& p) { return p.code == code; }) -
          towns.begin());
    };
    for (std::size_t d = 0; d < Districts().size(); ++d) districts[index_of(Districts()[d].municipality)].push_back(d);
    for (std::size_t t = 0; t < towns.size(); ++t) {
      weights.push_back(towns[t].weight);
      std::string_view list = towns[t].near;
      while (!list.empty()) {
        const std::size_t space = list.find(' ');
        near[t].push_back(index_of(list.substr(0, space)));
        list = space == std::string_view::npos ? std::string_view{} : list.substr(space + 1);
      }
    }
    tampere = index_of("fi-837");
  }
};

const Gazetteer& Places() {
  static const Gazetteer gazetteer;
  return gazetteer;
}

ProviderPlan Plan(Random& random) {
  ProviderPlan plan;
  const std::size_t kind = random.Below(100);
  plan.kind = kind < 75   ? ProviderKind::kCompany
              : kind < 95 ? ProviderKind::kAssociation
                          : ProviderKind::kVolunteerGroup;
  plan.swedish = random.Percent(10);
  plan.finnish = !plan.swedish || random.Percent(80);
  plan.bilingual = !plan.swedish && random.Percent(25);
  plan.english = random.Percent(plan.kind == ProviderKind::kCompany ? 22 : 10);
  plan.german = random.Percent(3);
  plan.danish = random.Percent(2);
  // Swedish-speaking Pirkanmaa lives mostly in Tampere.
  plan.home = plan.swedish && random.Percent(70) ? Places().tampere : Weighted(random, Places().weights);
  std::vector<std::size_t> pool = Places().districts[plan.home];
  for (std::size_t n = pool.empty() ? 0 : static_cast<std::size_t>(random.Between(1, 4)); n > 0 && !pool.empty(); --n) {
    const std::size_t pick = random.Below(pool.size());
    plan.districts.push_back(pool[pick]);
    pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(pick));
  }
  plan.district_focus = !plan.districts.empty() && random.Percent(40);
  for (std::size_t neighbour : Places().near[plan.home]) {
    if (random.Percent(plan.kind == ProviderKind::kCompany ? 30 : 10)) plan.near.push_back(neighbour);
  }
  const int trades = plan.kind == ProviderKind::kCompany       ? random.Between(1, 3)
                     : plan.kind == ProviderKind::kAssociation ? random.Between(1, 2)
                                                               : 1;
  plan.specialties.push_back(Weighted(random, WeightsFor(plan.kind)));
  for (int attempt = 0; attempt < 8 && static_cast<int>(plan.specialties.size()) < trades; ++attempt) {
    const std::size_t category = RelatedCategory(random, plan.kind, plan.specialties.front());
    if (std::find(plan.specialties.begin(), plan.specialties.end(), category) == plan.specialties.end()) {
      plan.specialties.push_back(category);
    }
  }
  return plan;
}

std::string Cat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view part : parts) out += part;
  return out;
}

// "Hervannan", "Tampereen": the home town, or one of its districts that a business could be named after.
std::string_view PlaceGenitive(Random& random, const ProviderPlan& plan) {
  if (!plan.districts.empty() && random.Percent(35)) {
    const PlaceWords& district = Districts()[random.Pick(plan.districts)];
    if (!district.genitive_fi.empty()) return district.genitive_fi;
  }
  return Municipalities()[plan.home].genitive_fi;
}

std::string_view TownSv(const ProviderPlan& plan) {
  const PlaceWords& town = Municipalities()[plan.home];
  return town.name_sv.empty() ? town.name_fi : town.name_sv;
}

std::string CandidateName(Random& random, const ProviderPlan& plan, bool fallback) {
  const ProviderWords& w = Words();
  const std::size_t trade_category = random.Pick(plan.specialties);
  const std::size_t pattern = random.Below(100);
  if (plan.kind != ProviderKind::kCompany) {
    // Few words and most of them in Tampere: past the first tries, any district of the home town
    // (or, in Finnish, a lake or landmark) tells two associations apart.
    const std::vector<std::size_t>& districts = Places().districts[plan.home];
    const PlaceWords* district = fallback && !districts.empty() ? &Districts()[random.Pick(districts)] : nullptr;
    const std::string_view sv_place = district ? district->name_fi : TownSv(plan);
    std::string_view fi_place = PlaceGenitive(random, plan);
    if (fallback)
      fi_place = district && !district->genitive_fi.empty() ? district->genitive_fi : random.Pick(w.brands_fi);
    if (plan.kind == ProviderKind::kAssociation) {
      if (plan.swedish) return Cat({sv_place, " svenska ", random.Pick(w.associations_sv), " rf"});
      return Cat({fi_place, " ", random.Pick(w.associations_fi), " ry"});
    }
    if (plan.swedish) return Cat({random.Pick(w.groups_sv), " ", sv_place});
    return Cat({fi_place, " ", random.Pick(w.groups_fi)});
  }
  if (plan.swedish) {
    const std::string_view trade = random.Pick(w.trades_sv[trade_category]);
    const std::string_view surname = random.Pick(w.surnames_sv);
    if (fallback) return Cat({trade, " ", surname, " & ", random.Pick(w.surnames_sv), " Ab"});
    if (pattern < 50) return Cat({TownSv(plan), " ", trade, " Ab"});
    if (pattern < 80) return Cat({trade, " ", surname, " Ab"});
    return Cat({surname, "s ", trade, random.Percent(50) ? " Ab" : ""});
  }
  const std::string_view trade = random.Pick(w.trades_fi[trade_category]);
  const Surname& surname = random.Pick(w.surnames_fi);
  const std::string_view form = random.Percent(80) ? " Oy" : " Ky";
  if (fallback) return Cat({trade, " ", surname.nominative, " & ", random.Pick(w.surnames_fi).nominative, form});
  if (pattern < 40) return Cat({PlaceGenitive(random, plan), " ", trade, form});
  if (pattern < 60) return Cat({random.Pick(w.brands_fi), " ", trade, form});
  if (pattern < 80) return Cat({trade, " ", surname.nominative, form});
  const std::size_t small = random.Below(3);
  return Cat({surname.genitive, " ", trade, small == 0 ? " Ky" : small == 1 ? " Tmi" : ""});
}

std::string UniqueName(Random& random, const ProviderPlan& plan, std::unordered_set<std::string>& taken) {
  std::string name;
  for (int attempt = 0; attempt < 24; ++attempt) {
    name = CandidateName(random, plan, attempt >= 8);
    if (taken.insert(NameStem(name)).second) return name;
  }
  // Past tens of thousands of providers the word lists run out; a number keeps names apart.
  const std::string stem = NameStem(name);
  const std::string form = name.substr(stem.size());
  for (int n = 2;; ++n) {
    std::string numbered = Cat({stem, " ", std::to_string(n)});
    if (taken.insert(numbered).second) return numbered + form;
  }
}

// "kotisiivous, pihatyöt ja kauppa-apu": the first service name of each specialty, lower-cased
// (every such name starts with an ASCII letter).
std::string TradeList(const LanguagePhrases& phrases, const ProviderPlan& plan, std::string_view conjunction) {
  std::string out;
  for (std::size_t i = 0; i < plan.specialties.size(); ++i) {
    if (i > 0) out += i + 1 == plan.specialties.size() ? conjunction : ", ";
    std::string name(phrases.categories[plan.specialties[i]].names.front());
    name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
    out += name;
  }
  return out;
}

std::string Digits(Random& random, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += static_cast<char>('0' + random.Below(10));
  return out;
}

DemoProvider Profile(Random& random, const ProviderPlan& plan, std::string name, std::string business_id) {
  const ProviderWords& w = Words();
  const PlaceWords& town = Municipalities()[plan.home];
  DemoProvider provider;
  ProviderProfile& p = provider.profile;
  p.name = std::move(name);
  const bool company = plan.kind == ProviderKind::kCompany;
  p.kind = company ? "provider_company" : plan.kind == ProviderKind::kAssociation ? "association" : "volunteer_group";
  if (plan.kind != ProviderKind::kVolunteerGroup) provider.business_id = std::move(business_id);
  const int year = company                                   ? random.Between(1988, 2023)
                   : plan.kind == ProviderKind::kAssociation ? random.Between(1948, 2015)
                                                             : random.Between(2012, 2024);
  const std::string founded = std::to_string(year);
  const std::size_t values = random.Below(company ? w.values_fi.size() : w.association_values_fi.size());
  if (plan.finnish) {
    const std::string_view what = company ? (random.Percent(50) ? "perheyritys" : "palveluyritys")
                                  : plan.kind == ProviderKind::kAssociation ? "yhdistys"
                                                                            : "vapaaehtoisryhmä";
    p.description["fi"] = Cat({p.name, " on vuonna ", founded, " perustettu ", what, " ", town.locative_fi, ". ",
                               plan.specialties.size() == 1 ? "Palveluihimme kuuluu " : "Palveluihimme kuuluvat ",
                               TradeList(FinnishPhrases(), plan, " ja "), ". ",
                               company ? w.values_fi[values] : w.association_values_fi[values]});
  }
  if (plan.swedish || plan.bilingual) {
    p.description["sv"] = Cat({p.name, " grundades ", founded, " och verkar ", Locative("sv", town),
                               ". Till våra tjänster hör ", TradeList(SwedishPhrases(), plan, " och "), ". ",
                               company ? w.values_sv[values] : w.association_values_sv[values]});
  }
  if (plan.english) {
    p.description["en"] = Cat({p.name, " was founded in ", founded, " and works ", Locative("en", town),
                               ". Our services include ", TradeList(EnglishPhrases(), plan, " and "), "."});
  }
  const std::string slug = Slug(p.name);
  p.email = Cat({"info@", slug, ".example"});
  p.website = Cat({"https://", slug, ".example"});
  // Mobile prefixes, or the Pirkanmaa area code 3; E.164 as NormalizePhone would store it.
  static const std::vector<std::string_view> kMobile = {"40", "41", "44", "45", "50"};
  p.phone = random.Percent(60) ? Cat({"+358", random.Pick(kMobile), Digits(random, 7)}) : "+3583" + Digits(random, 7);
  if (plan.swedish) p.languages.push_back("sv");
  if (plan.finnish) p.languages.push_back("fi");
  if (plan.bilingual) p.languages.push_back("sv");
  if (plan.english) p.languages.push_back("en");
  if (plan.german) p.languages.push_back("de");
  if (plan.danish) p.languages.push_back("da");
  if (plan.district_focus) {
    for (std::size_t d : plan.districts) p.area.districts.emplace_back(Districts()[d].code);
  } else {
    p.area.municipalities.emplace_back(town.code);
    for (std::size_t neighbour : plan.near) p.area.municipalities.emplace_back(Municipalities()[neighbour].code);
  }
  if (company) {
    const bool cleans =
        std::find(plan.specialties.begin(), plan.specialties.end(), kCleaning) != plan.specialties.end();
    for (std::size_t n = random.Below(3); n > 0; --n) {
      const std::string_view label = random.Pick(w.quality_labels);
      if (label.starts_with("Joutsenmerkki") && !cleans) continue;
      if (std::find(p.quality_labels.begin(), p.quality_labels.end(), label) == p.quality_labels.end()) {
        p.quality_labels.emplace_back(label);
      }
    }
    static const std::vector<std::string_view> kSums = {"500 000", "1 000 000", "2 000 000"};
    const std::string_view sum = random.Pick(kSums);
    p.insurance = plan.swedish ? Cat({"Ansvarsförsäkring, försäkringsbelopp ", sum,
                                      " €; de anställda har lagstadgad olycksfallsförsäkring."})
                               : Cat({"Toiminnan vastuuvakuutus, vakuutusmäärä ", sum,
                                      " €; työntekijät on vakuutettu lakisääteisellä tapaturmavakuutuksella."});
  } else {
    p.insurance = plan.swedish ? "De frivilliga är försäkrade mot olycksfall och skadeståndsansvar."
                               : "Vapaaehtoiset on vakuutettu tapaturman ja vastuun varalta.";
  }
  const std::size_t access = random.Below(w.accessibility_fi.size());
  if (plan.finnish) p.accessibility["fi"] = std::string(w.accessibility_fi[access]);
  if (plan.swedish || plan.bilingual) p.accessibility["sv"] = std::string(w.accessibility_sv[access]);
  return provider;
}

}  // namespace

std::size_t RelatedCategory(Random& random, ProviderKind kind, std::size_t category) {
  std::array<std::size_t, kCategoryCount> fitting{};
  std::size_t count = 0;
  for (std::size_t related : Related()[category]) {
    if (WeightsFor(kind)[related] > 0) fitting[count++] = related;
  }
  return count == 0 ? category : fitting[random.Below(count)];
}

void GenerateProviders(std::size_t count, Random& random, std::uint32_t id_offset,
                       std::unordered_set<std::string>& taken, std::vector<DemoProvider>& providers,
                       std::vector<ProviderPlan>& plans) {
  for (std::size_t i = 0; i < count; ++i) {
    ProviderPlan plan = Plan(random);
    std::string name = UniqueName(random, plan, taken);
    // 7919 is prime to 10^6, so the first million providers get a million different numbers.
    const auto six_digits = static_cast<std::uint32_t>((i * 7919 + id_offset) % 1000000);
    providers.push_back(Profile(random, plan, std::move(name), FictitiousBusinessId(9, six_digits)));
    plans.push_back(std::move(plan));
  }
}

}  // namespace allmende::directory::demo
