#include "directory/demo_catalog.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "common/identifiers.hpp"
#include "common/validate.hpp"
#include "directory/demo_catalog_words.hpp"

namespace allmende::directory {
namespace {

// What migration 0010 inserts, read from the migration itself, so that the generator cannot drift
// from the codes the database holds.
struct ReferenceData {
  std::set<std::string> categories;
  std::map<std::string, std::string> kinds;         // place code → municipality, district
  std::map<std::string, std::string> postal_lists;  // place code → "33100 33200"
  std::set<std::string> postal_codes;
};

std::vector<std::string> QuotedFields(const std::string& line) {
  std::vector<std::string> fields;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] != '\'') continue;
    std::string field;
    for (++i; i < line.size(); ++i) {
      if (line[i] == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
        field += '\'';
        ++i;
      } else if (line[i] == '\'') {
        break;
      } else {
        field += line[i];
      }
    }
    fields.push_back(field);
  }
  return fields;
}

const ReferenceData& Reference() {
  static const ReferenceData data = [] {
    ReferenceData d;
    std::string table;
    // The Finnish reference data, and the German and Danish demo regions' places.
    for (const char* file : {"0010_directory_reference_data.sql", "0014_care_insurers.sql"}) {
      std::ifstream in(std::string(ALLMENDE_SOURCE_DIR) + "/src/storage/migrations/sqlite/" + file);
      table.clear();
      for (std::string line; std::getline(in, line);) {
        if (line.starts_with("INSERT INTO directory_categories")) table = "categories";
        if (line.starts_with("INSERT INTO directory_places")) table = "places";
        if (!line.starts_with("  (")) continue;
        std::vector<std::string> f = QuotedFields(line);
        if (table == "categories") {
          d.categories.insert(f.at(0));
          continue;
        }
        d.kinds[f.at(0)] = f.at(1);
        d.postal_lists[f.at(0)] = f.back();  // postal_codes is the last column and never NULL
        std::istringstream codes(f.back());
        for (std::string code; codes >> code;) d.postal_codes.insert(code);
      }
    }
    return d;
  }();
  return data;
}

const std::vector<std::string> kPurchasers = {"org_welfare_area"};

std::string Fingerprint(const DemoCatalog& c) {
  std::ostringstream out;
  auto texts = [&](const LocalizedText& t) {
    for (const auto& [lang, text] : t) out << lang << '=' << text << '|';
  };
  auto list = [&](const std::vector<std::string>& v) {
    for (const auto& s : v) out << s << ',';
    out << ';';
  };
  auto area = [&](const ServiceArea& a) {
    list(a.municipalities);
    list(a.districts);
    list(a.postal_codes);
  };
  for (const DemoProvider& p : c.providers) {
    out << p.profile.name << p.profile.kind << p.business_id.value_or("-") << p.profile.email << p.profile.phone
        << p.profile.website << p.profile.insurance;
    texts(p.profile.description);
    texts(p.profile.accessibility);
    list(p.profile.languages);
    list(p.profile.quality_labels);
    area(p.profile.area);
  }
  for (const DemoService& s : c.services) {
    const ServiceContent& x = s.content;
    out << s.provider << x.category << x.price.model << x.price.amount << x.price.minimum_charge << x.price.vat_rate_bp
        << x.price.labour_share_bp << x.capacity_per_week << x.lead_time_days;
    texts(x.name);
    texts(x.description);
    area(x.area);
    list(x.languages);
    list(x.vouchers);
    for (const OpeningHours& h : x.hours) out << h.weekday << h.opens << h.closes;
  }
  return out.str();
}

bool OpenOn(const ServiceContent& s, int weekday) {
  return std::any_of(s.hours.begin(), s.hours.end(), [&](const OpeningHours& h) { return h.weekday == weekday; });
}

bool Has(const std::vector<std::string>& v, std::string_view x) { return std::find(v.begin(), v.end(), x) != v.end(); }

std::size_t CodePoints(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

TEST(DemoCatalogTest, ReadsTheReferenceDataFromMigration0010) {
  EXPECT_EQ(Reference().categories.size(), demo::kCategoryCount);
  EXPECT_EQ(Reference().kinds.at("fi-837"), "municipality");
  EXPECT_EQ(Reference().kinds.at("fi-837-hervanta"), "district");
  EXPECT_TRUE(Reference().postal_codes.contains("33720"));
}

TEST(DemoCatalogTest, WordListsNameTheMigrationsCodesAndPostalCodes) {
  for (std::string_view code : demo::kCategoryCodes) EXPECT_TRUE(Reference().categories.contains(std::string(code)));
  for (const auto* places : {&demo::Municipalities(), &demo::Districts()}) {
    for (const demo::PlaceWords& p : *places) {
      const std::string code(p.code);
      ASSERT_TRUE(Reference().kinds.contains(code)) << code;
      EXPECT_EQ(Reference().kinds.at(code), p.code == p.municipality ? "municipality" : "district") << code;
      EXPECT_EQ(Reference().postal_lists.at(code), p.postal_codes) << code;
    }
  }
  // Every Finnish place has its words (the German and Danish demo places are not generated into).
  std::size_t finnish = 0;
  for (const auto& [code, kind] : Reference().kinds) finnish += code.starts_with("fi-");
  EXPECT_EQ(demo::Municipalities().size() + demo::Districts().size(), finnish);
}

TEST(DemoCatalogTest, EachServiceNameHasATranslationInEveryLanguage) {
  for (const auto* phrases :
       {&demo::SwedishPhrases(), &demo::EnglishPhrases(), &demo::GermanPhrases(), &demo::DanishPhrases()}) {
    for (std::size_t c = 0; c < demo::kCategoryCount; ++c) {
      EXPECT_EQ(phrases->categories[c].names.size(), demo::FinnishPhrases().categories[c].names.size())
          << phrases->language << " " << demo::kCategoryCodes[c];
    }
  }
}

TEST(DemoCatalogTest, SameSeedGivesTheSameCatalog) {
  EXPECT_EQ(Fingerprint(GenerateCatalog(60, 400, 7, kPurchasers)),
            Fingerprint(GenerateCatalog(60, 400, 7, kPurchasers)));
  EXPECT_EQ(Fingerprint(JourneyCatalog(kPurchasers)), Fingerprint(JourneyCatalog(kPurchasers)));
}

TEST(DemoCatalogTest, DifferentSeedsGiveDifferentCatalogs) {
  EXPECT_NE(Fingerprint(GenerateCatalog(60, 400, 7, kPurchasers)),
            Fingerprint(GenerateCatalog(60, 400, 8, kPurchasers)));
}

TEST(DemoCatalogTest, CountsAreHonouredAndEveryProviderOffersSomething) {
  DemoCatalog c = GenerateCatalog(37, 500, 1, kPurchasers);
  ASSERT_EQ(c.providers.size(), 37u);
  ASSERT_EQ(c.services.size(), 500u);
  std::vector<int> offered(37);
  for (const DemoService& s : c.services) {
    ASSERT_LT(s.provider, 37u);
    ++offered[s.provider];
  }
  EXPECT_EQ(std::count(offered.begin(), offered.end(), 0), 0);
  EXPECT_TRUE(GenerateCatalog(0, 10, 1, kPurchasers).services.empty());
  EXPECT_EQ(GenerateCatalog(5, 0, 1, kPurchasers).providers.size(), 5u);
}

// The catalogs the remaining tests look at: the journeys' and a demo-sized generated one.
const std::vector<DemoCatalog>& Catalogs() {
  static const std::vector<DemoCatalog> catalogs = {
      JourneyCatalog(kPurchasers), GenerateCatalog(400, 4000, 42, kPurchasers), OtherCountryCatalog("zollernalbkreis"),
      OtherCountryCatalog("vestegnen")};
  return catalogs;
}

TEST(DemoCatalogTest, EveryServiceIsNamedAndCategorisedFromTheReferenceData) {
  for (const DemoCatalog& c : Catalogs()) {
    for (const DemoService& s : c.services) {
      EXPECT_TRUE(Reference().categories.contains(s.content.category)) << s.content.category;
      ASSERT_FALSE(s.content.name.empty());
      for (const auto& [lang, name] : s.content.name) {
        EXPECT_TRUE(IsLanguage(lang)) << lang;
        EXPECT_FALSE(name.empty());
        EXPECT_LE(CodePoints(name), 120u) << name;
        EXPECT_TRUE(s.content.description.contains(lang)) << name;
      }
      for (const auto& [lang, text] : s.content.description) EXPECT_LE(CodePoints(text), 4000u);
      ASSERT_FALSE(s.content.languages.empty());
      for (const std::string& lang : s.content.languages) EXPECT_TRUE(IsLanguage(lang)) << lang;
    }
  }
}

TEST(DemoCatalogTest, GeneratedDescriptionsHaveTwoToFourSentences) {
  for (const DemoService& s : Catalogs()[1].services) {
    for (const auto& [lang, text] : s.content.description) {
      const auto sentences = std::count(text.begin(), text.end(), '.');
      EXPECT_GE(sentences, 2) << text;
      EXPECT_LE(sentences, 4) << text;
    }
  }
}

TEST(DemoCatalogTest, AreasNameOnlyPlacesAndPostalCodesOfTheReferenceData) {
  auto check = [](const ServiceArea& area, bool must_name_a_place) {
    if (must_name_a_place) {
      EXPECT_FALSE(area.municipalities.empty() && area.districts.empty());
    }
    for (const std::string& code : area.municipalities) {
      ASSERT_TRUE(Reference().kinds.contains(code)) << code;
      EXPECT_EQ(Reference().kinds.at(code), "municipality") << code;
    }
    for (const std::string& code : area.districts) {
      ASSERT_TRUE(Reference().kinds.contains(code)) << code;
      EXPECT_EQ(Reference().kinds.at(code), "district") << code;
    }
    for (const std::string& code : area.postal_codes) EXPECT_TRUE(Reference().postal_codes.contains(code)) << code;
  };
  for (const DemoCatalog& c : Catalogs()) {
    for (const DemoService& s : c.services) check(s.content.area, true);
    for (const DemoProvider& p : c.providers) check(p.profile.area, false);
  }
}

TEST(DemoCatalogTest, BusinessIdsHaveValidCheckDigitsAndAreUnique) {
  std::set<std::string> seen;
  const DemoCatalog generated = GenerateCatalog(3000, 3000, 3, kPurchasers);
  for (const DemoCatalog* c : {&generated, &Catalogs()[0]}) {
    for (const DemoProvider& p : c->providers) {
      if (p.profile.kind == "volunteer_group") {
        EXPECT_FALSE(p.business_id) << p.profile.name;
        continue;
      }
      if (!p.business_id) continue;  // Ystäväpalvelu Tampere ry, as tenancy's demo organizations have it
      EXPECT_TRUE(IsValidYTunnus(*p.business_id)) << *p.business_id;
      EXPECT_TRUE(seen.insert(*p.business_id).second) << *p.business_id;
    }
  }
  for (const DemoProvider& p : generated.providers) {
    if (p.business_id) {
      EXPECT_TRUE(p.business_id->starts_with('8') || p.business_id->starts_with('9'));
    }
  }
}

TEST(DemoCatalogTest, ProviderNamesAreUniqueAmongThemselvesAndWithTheJourneys) {
  std::set<std::string> names;
  const DemoCatalog generated = GenerateCatalog(3000, 3000, 5, kPurchasers);
  for (const DemoCatalog* c : {&generated, &Catalogs()[0]}) {
    for (const DemoProvider& p : c->providers) EXPECT_TRUE(names.insert(p.profile.name).second) << p.profile.name;
  }
}

TEST(DemoCatalogTest, ContactDetailsUseTheReservedDomainAndInternationalPhoneNumbers) {
  for (const DemoCatalog& c : Catalogs()) {
    for (const DemoProvider& p : c.providers) {
      EXPECT_TRUE(p.profile.email.starts_with("info@") && p.profile.email.ends_with(".example")) << p.profile.email;
      EXPECT_TRUE(p.profile.website.starts_with("https://") && p.profile.website.ends_with(".example"));
      Result<std::string> phone = NormalizePhone(p.profile.phone);
      ASSERT_TRUE(phone.ok()) << p.profile.phone;
      EXPECT_EQ(*phone, p.profile.phone);
      EXPECT_FALSE(p.profile.languages.empty());
      for (const std::string& lang : p.profile.languages) EXPECT_TRUE(IsLanguage(lang));
      EXPECT_LE(CodePoints(p.profile.insurance), 500u);
      for (const auto& [lang, text] : p.profile.accessibility) EXPECT_LE(CodePoints(text), 1000u);
      for (const std::string& label : p.profile.quality_labels) EXPECT_LE(CodePoints(label), 80u);
    }
  }
}

TEST(DemoCatalogTest, PricesFollowTheCategoryAndTheProvidersKind) {
  const DemoCatalog& c = Catalogs()[1];
  for (const DemoService& s : c.services) {
    const Price& price = s.content.price;
    EXPECT_TRUE(price.model == "hourly" || price.model == "per_visit" || price.model == "fixed");
    EXPECT_GE(price.amount, 0);
    EXPECT_LE(price.labour_share_bp, 10000);
    EXPECT_EQ(price.currency, "EUR");
    if (price.amount == 0) {
      EXPECT_EQ(price.vat_rate_bp, 0);
    }
    if (s.content.category == "meals") {
      EXPECT_EQ(price.vat_rate_bp, 1400);
    }
    const bool company = c.providers[s.provider].profile.kind == "provider_company";
    if (company && s.content.category == "cleaning") {
      EXPECT_EQ(price.model, "hourly");
      EXPECT_GE(price.amount, 3500);
      EXPECT_LE(price.amount, 5500);
      EXPECT_EQ(price.vat_rate_bp, 2550);
      EXPECT_GE(price.labour_share_bp, 8000);
    }
    if (company && s.content.category == "safety_alarms") {
      EXPECT_EQ(price.model, "fixed");
    }
    if (!company && s.content.category == "friendship_visits") {
      EXPECT_LE(price.amount, 800);
    }
  }
}

TEST(DemoCatalogTest, HoursCapacityAndLeadTimeAreWithinTheirRanges) {
  for (const DemoCatalog& c : Catalogs()) {
    for (const DemoService& s : c.services) {
      ASSERT_FALSE(s.content.hours.empty());
      for (const OpeningHours& h : s.content.hours) {
        EXPECT_GE(h.weekday, 0);
        EXPECT_LE(h.weekday, 6);
        EXPECT_EQ(h.opens.size(), 5u);
        EXPECT_EQ(h.closes.size(), 5u);
        EXPECT_LT(h.opens, h.closes);
      }
      EXPECT_GE(s.content.capacity_per_week, 5);
      EXPECT_LE(s.content.capacity_per_week, 200);
      EXPECT_GE(s.content.lead_time_days, 0);  // 0: the same day
      EXPECT_LE(s.content.lead_time_days, 14);
      EXPECT_TRUE(s.content.image_ids.empty());
    }
  }
}

TEST(DemoCatalogTest, AboutHalfOfTheCompaniesVoucherServicesAcceptTheGivenPurchasers) {
  const DemoCatalog& c = Catalogs()[1];
  int eligible = 0;
  int accepting = 0;
  for (const DemoService& s : c.services) {
    const std::string& category = s.content.category;
    const bool voucher_category =
        category == "cleaning" || category == "home_help" || category == "meals" || category == "shopping";
    if (voucher_category && c.providers[s.provider].profile.kind == "provider_company") {
      ++eligible;
      if (!s.content.vouchers.empty()) ++accepting;
    } else {
      EXPECT_TRUE(s.content.vouchers.empty()) << category;
    }
    if (!s.content.vouchers.empty()) {
      EXPECT_EQ(s.content.vouchers, kPurchasers);
    }
  }
  ASSERT_GT(eligible, 200);
  EXPECT_NEAR(static_cast<double>(accepting) / eligible, 0.5, 0.1);
  for (const DemoService& s : GenerateCatalog(50, 500, 42, {}).services) EXPECT_TRUE(s.content.vouchers.empty());
}

TEST(DemoCatalogTest, MostServicesAreInFinnishAndAboutAThirdAlsoInSwedish) {
  std::map<std::string, int> by_language;
  const auto& services = Catalogs()[1].services;
  for (const DemoService& s : services) {
    for (const auto& [lang, name] : s.content.name) ++by_language[lang];
  }
  const double n = static_cast<double>(services.size());
  EXPECT_GT(by_language["fi"] / n, 0.8);
  EXPECT_NEAR(by_language["sv"] / n, 0.33, 0.08);
  EXPECT_GT(by_language["en"] / n, 0.05);
  EXPECT_GT(by_language["de"] + by_language["da"], 0);
}

TEST(DemoCatalogTest, JourneyHervantaCleanerAcceptsTheVoucherAndHasTuesdays) {
  const DemoCatalog& c = Catalogs()[0];
  auto found = std::find_if(c.services.begin(), c.services.end(), [&](const DemoService& s) {
    return c.providers[s.provider].profile.name == "Hervannan Kotisiivous Oy" && s.content.category == "cleaning" &&
           Has(s.content.area.districts, "fi-837-hervanta") && s.content.vouchers == kPurchasers;
  });
  ASSERT_NE(found, c.services.end());
  EXPECT_TRUE(OpenOn(found->content, 1));
  EXPECT_EQ(found->content.languages, std::vector<std::string>({"fi", "en"}));
}

TEST(DemoCatalogTest, JourneyOffersEbbaThreeSwedishCleanersOpenOnTuesdays) {
  const DemoCatalog& c = Catalogs()[0];
  std::set<std::size_t> providers;
  for (const DemoService& s : c.services) {
    if (s.content.category != "cleaning" || !Has(s.content.languages, "sv") || !OpenOn(s.content, 1)) continue;
    if (!Has(s.content.area.municipalities, "fi-837")) continue;
    const std::string text = Lower(s.content.name.at("sv") + " " + s.content.description.at("sv"));
    if (text.find("städning") != std::string::npos) providers.insert(s.provider);
  }
  EXPECT_GE(providers.size(), 3u);
}

TEST(DemoCatalogTest, JourneyOffersShoppingHelpInSwedish) {
  int found = 0;
  for (const DemoService& s : Catalogs()[0].services) {
    if (s.content.category != "shopping" || !s.content.name.contains("sv")) continue;
    const std::string text = Lower(s.content.name.at("sv") + " " + s.content.description.at("sv"));
    if (text.find("inköpshjälp") != std::string::npos && text.find("matkassen") != std::string::npos) ++found;
  }
  EXPECT_GE(found, 2);
}

TEST(DemoCatalogTest, JourneyFriendshipVisitsAreFreeOrSymbolic) {
  const DemoCatalog& c = Catalogs()[0];
  int free = 0;
  for (const DemoService& s : c.services) {
    if (c.providers[s.provider].profile.name != "Ystäväpalvelu Tampere ry") continue;
    EXPECT_EQ(s.content.category, "friendship_visits");
    EXPECT_LE(s.content.price.amount, 500);
    EXPECT_EQ(s.content.price.vat_rate_bp, 0);
    if (s.content.price.amount == 0) ++free;
  }
  EXPECT_GE(free, 1);
}

TEST(DemoCatalogTest, JourneyHasNobodyServingOrivesiInSwedish) {
  const DemoCatalog& c = Catalogs()[0];
  int in_orivesi = 0;
  for (const DemoService& s : c.services) {
    if (!Has(s.content.area.municipalities, "fi-562")) continue;
    ++in_orivesi;
    EXPECT_FALSE(Has(s.content.languages, "sv"));
  }
  EXPECT_GE(in_orivesi, 1);
}

}  // namespace
}  // namespace allmende::directory
