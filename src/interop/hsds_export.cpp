#include "interop/hsds_export.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "interop/hsds_vocabulary.hpp"

namespace allmende::interop {
namespace {

namespace json = boost::json;
using directory::LocalizedText;

const std::vector<std::string>& LanguageOrder() {
  static const std::vector<std::string> order{"fi", "sv", "en", "de", "da"};
  return order;
}

// HSDS attributes: a term of ours linked to an entity, with a value where the term needs one.
class Attributes {
 public:
  Attributes(std::string link_id, std::string link_entity, const std::vector<directory::Category>& categories,
             std::string language)
      : link_id_(std::move(link_id)),
        link_entity_(std::move(link_entity)),
        categories_(categories),
        language_(std::move(language)) {}

  void Add(std::string_view taxonomy, const std::string& code, std::string_view link_type,
           const std::optional<std::string>& value) {
    Term term = TermFor(taxonomy, code);
    json::object a{{"id", NameUuid(link_id_ + "/attribute/" + std::to_string(list_.size()))},
                   {"link_id", link_id_},
                   {"link_type", link_type},
                   {"link_entity", link_entity_},
                   {"taxonomy_term_id", TermUuid(taxonomy, code)}};
    if (value) a["value"] = *value;
    json::object t = TermObject(term);
    t.erase("taxonomy");  // the term names its taxonomy by taxonomy_id; GET …/hsds/taxonomies lists them
    a["taxonomy_term"] = std::move(t);
    list_.push_back(std::move(a));
  }
  // Each language's text of a field, so that no translation is lost.
  void Texts(std::string_view field, const LocalizedText& text) {
    for (const auto& [lang, value] : text) Add(kLanguageTaxonomy, lang, field, value);
  }
  json::array Take() { return std::move(list_); }

 private:
  Term TermFor(std::string_view taxonomy, const std::string& code) const {
    static const std::vector<Term> fixed = AllTerms({}, "en");
    if (taxonomy == kCategoryTaxonomy) {
      for (const auto& c : categories_) {
        if (c.code == code) return CategoryTerm(c, language_);
      }
    }
    for (const auto& t : fixed) {
      if (t.taxonomy == taxonomy && t.code == code) return t;
    }
    return {std::string(taxonomy), code, code, code, "en"};
  }

  std::string link_id_;
  std::string link_entity_;
  const std::vector<directory::Category>& categories_;
  std::string language_;
  json::array list_;
};

// "25.5" from 2550 basis points, "24.05" from 2405, "10" from 1000.
std::string Percent(int basis_points) {
  std::string s = std::to_string(basis_points / 100);
  int fraction = basis_points % 100;
  if (fraction == 0) return s;
  if (fraction % 10 == 0) return s + "." + std::to_string(fraction / 10);
  return s + (fraction < 10 ? ".0" : ".") + std::to_string(fraction);
}

std::string PlaceName(const directory::Place& p, const std::string& language) { return MainText(p.name, language); }

// What a place is, in words: "municipality", "district of Tampere".
std::string PlaceDescription(const directory::Place& p, const directory::CatalogIndex& catalog,
                             const std::string& language) {
  if (p.kind != "district") return "municipality (" + p.code + ")";
  const directory::Place* m = catalog.FindPlace(p.municipality_code);
  return "district of " + (m ? PlaceName(*m, language) : p.municipality_code) + " (" + p.code + ")";
}

json::object Location(const directory::Place& p, const std::string& organization_uuid,
                      const directory::CatalogIndex& catalog, const std::string& language) {
  json::object l{{"id", NameUuid("allmende:place:" + p.code)},
                 {"location_type", "physical"},
                 {"organization_id", organization_uuid},
                 {"name", PlaceName(p, language)},
                 {"description", PlaceDescription(p, catalog, language)},
                 {"external_identifier", p.code},
                 {"external_identifier_type", "allmende_place_code"}};
  if (p.name.count("sv") && p.name.at("sv") != PlaceName(p, language)) l["alternate_name"] = p.name.at("sv");
  return l;
}

json::array ServiceAreas(const std::string& service_uuid, const directory::ServiceArea& area,
                         const directory::CatalogIndex& catalog, const std::string& language) {
  json::array out;
  auto add = [&](const std::string& code, std::string name, std::string description) {
    out.push_back({{"id", NameUuid(service_uuid + "/service_area/" + code)},
                   {"service_id", service_uuid},
                   {"name", std::move(name)},
                   {"description", std::move(description)},
                   {"extent", code},
                   {"extent_type", "text"}});
  };
  for (const auto& list : {&area.municipalities, &area.districts}) {
    for (const auto& code : *list) {
      const directory::Place* p = catalog.FindPlace(code);
      add(code, p ? PlaceName(*p, language) : code, p ? PlaceDescription(*p, catalog, language) : code);
    }
  }
  for (const auto& code : area.postal_codes) add(code, code, "postal code area " + code);
  return out;
}

// Opening hours as weekly schedules: days with the same hours share one (byday "MO,TU,WE").
json::array Schedules(const std::string& service_uuid, std::vector<directory::OpeningHours> hours,
                      const std::string& time_zone) {
  static const char* days[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
  std::sort(hours.begin(), hours.end(), [](const auto& a, const auto& b) {
    return std::tie(a.weekday, a.opens, a.closes) < std::tie(b.weekday, b.opens, b.closes);
  });
  std::vector<std::pair<std::pair<std::string, std::string>, std::string>> groups;  // (opens, closes) → byday
  for (const auto& h : hours) {
    if (h.weekday < 0 || h.weekday > 6) continue;
    auto key = std::make_pair(h.opens, h.closes);
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == key; });
    if (it == groups.end()) {
      groups.push_back({key, days[h.weekday]});
    } else {
      it->second += std::string(",") + days[h.weekday];
    }
  }
  json::array out;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const auto& [times, byday] = groups[i];
    out.push_back(
        {{"id", NameUuid(service_uuid + "/schedule/" + std::to_string(i))},
         {"service_id", service_uuid},
         {"freq", "WEEKLY"},
         {"wkst", "MO"},
         {"byday", byday},
         {"opens_at", times.first},
         {"closes_at", times.second},
         {"description", byday + " " + times.first + "-" + times.second + " local time (" + time_zone + ")"}});
  }
  return out;
}

json::array CostOptions(const std::string& service_uuid, const directory::Price& price,
                        const std::vector<directory::Category>& categories) {
  static const std::map<std::string, std::string> per{
      {"hourly", "per hour"}, {"per_visit", "per visit"}, {"fixed", "fixed price"}};
  json::array out;
  std::string id = NameUuid(service_uuid + "/cost_option/price");
  Attributes details(id, "cost_option", categories, "en");
  details.Add(kDetailTaxonomy, std::string(kVatRate), kVatRate, Percent(price.vat_rate_bp));
  details.Add(kDetailTaxonomy, std::string(kLabourShare), kLabourShare, Percent(price.labour_share_bp));
  auto it = per.find(price.model);
  out.push_back({{"id", id},
                 {"service_id", service_uuid},
                 {"option", price.model},
                 {"currency", price.currency},
                 {"amount", static_cast<double>(price.amount) / 100.0},
                 {"amount_description",
                  (it == per.end() ? price.model : it->second) + ", VAT " + Percent(price.vat_rate_bp) + " % included"},
                 {"attributes", details.Take()}});
  if (price.minimum_charge > 0) {
    out.push_back({{"id", NameUuid(service_uuid + "/cost_option/minimum_charge")},
                   {"service_id", service_uuid},
                   {"option", "minimum_charge"},
                   {"currency", price.currency},
                   {"amount", static_cast<double>(price.minimum_charge) / 100.0},
                   {"amount_description", "the least an order costs"}});
  }
  return out;
}

json::object ServiceObject(const directory::Service& s, const std::string& organization_uuid,
                           const tenancy::Region& region, const std::map<std::string, std::string>& purchasers,
                           const directory::CatalogIndex& catalog, std::set<std::string>& places) {
  const directory::ServiceContent& c = *s.published;
  const std::string& lang = region.default_language;
  std::string id = UuidOfId(s.id);
  json::object o{{"id", id},
                 {"organization_id", organization_uuid},
                 {"name", MainText(c.name, lang)},
                 {"description", MainText(c.description, lang)},
                 {"status", "active"}};
  if (s.published_at) o["last_modified"] = *s.published_at;
  if (c.lead_time_days > 0) o["wait_time"] = std::to_string(c.lead_time_days) + " days from order";
  json::array languages;
  for (const auto& l : c.languages) {
    languages.push_back(
        {{"id", NameUuid(id + "/language/" + l)}, {"service_id", id}, {"name", LanguageName(l)}, {"code", l}});
  }
  o["languages"] = std::move(languages);
  o["schedules"] = Schedules(id, c.hours, region.time_zone);
  o["service_areas"] = ServiceAreas(id, c.area, catalog, lang);
  json::array at_locations;
  for (const auto& list : {&c.area.municipalities, &c.area.districts}) {
    for (const auto& code : *list) {
      if (!catalog.FindPlace(code)) continue;
      places.insert(code);
      at_locations.push_back({{"id", NameUuid(id + "/service_at_location/" + code)},
                              {"service_id", id},
                              {"location_id", NameUuid("allmende:place:" + code)}});
    }
  }
  o["service_at_locations"] = std::move(at_locations);
  o["cost_options"] = CostOptions(id, c.price, catalog.categories());
  json::array funding;
  for (const auto& v : c.vouchers) {
    auto it = purchasers.find(v);
    if (it == purchasers.end()) continue;
    funding.push_back({{"id", NameUuid(id + "/funding/" + v)}, {"service_id", id}, {"source", it->second}});
  }
  o["funding"] = std::move(funding);
  Attributes attributes(id, "service", catalog.categories(), lang);
  attributes.Add(kCategoryTaxonomy, c.category, "category", std::nullopt);
  attributes.Texts("name", c.name);
  attributes.Texts("description", c.description);
  if (c.lead_time_days > 0) {
    attributes.Add(kDetailTaxonomy, std::string(kLeadTimeDays), kLeadTimeDays, std::to_string(c.lead_time_days));
  }
  if (c.capacity_per_week > 0) {
    attributes.Add(kDetailTaxonomy, std::string(kCapacityPerWeek), kCapacityPerWeek,
                   std::to_string(c.capacity_per_week));
  }
  o["attributes"] = attributes.Take();
  return o;
}

std::string IdentifierScheme(const std::string& country) {
  if (country == "FI") return "FI-PRO";  // org-id.guide: Finnish Patent and Registration Office
  if (country == "DK") return "DK-CVR";
  return "";
}

}  // namespace

std::string MainText(const LocalizedText& text, const std::string& language) {
  if (auto it = text.find(language); it != text.end()) return it->second;
  for (const auto& l : LanguageOrder()) {
    if (auto it = text.find(l); it != text.end()) return it->second;
  }
  return text.empty() ? std::string() : text.begin()->second;
}

json::object HsdsOrganization(const directory::PublishedProvider& provider, const tenancy::Region& region,
                              const std::map<std::string, std::string>& purchasers,
                              const directory::CatalogIndex& catalog) {
  const directory::ProviderProfile& p = provider.provider.profile;
  const std::string& lang = region.default_language;
  std::string id = UuidOfId(p.organization_id);
  static const std::map<std::string, std::string> legal{
      {"provider_company", "company"}, {"association", "association"}, {"volunteer_group", "volunteer group"}};
  json::object o{{"id", id}, {"name", p.name}, {"description", MainText(p.description, lang)}};
  if (!p.email.empty()) o["email"] = p.email;
  if (!p.website.empty()) o["website"] = p.website;
  if (auto it = legal.find(p.kind); it != legal.end()) o["legal_status"] = it->second;
  if (provider.provider.business_id) {
    json::object identifier{{"id", NameUuid(id + "/identifier/business_id")},
                            {"organization_id", id},
                            {"identifier_type", "business_id"},
                            {"identifier", *provider.provider.business_id}};
    if (auto scheme = IdentifierScheme(region.country); !scheme.empty()) identifier["identifier_scheme"] = scheme;
    o["organization_identifiers"] = json::array{std::move(identifier)};
  }
  if (!p.email.empty() || !p.phone.empty()) {
    std::string contact = NameUuid(id + "/contact/0");
    json::object c{{"id", contact}, {"organization_id", id}, {"name", p.name}};
    if (!p.email.empty()) c["email"] = p.email;
    if (!p.phone.empty()) {
      c["phones"] = json::array{json::object{
          {"id", NameUuid(id + "/phone/0")}, {"contact_id", contact}, {"organization_id", id}, {"number", p.phone}}};
    }
    o["contacts"] = json::array{std::move(c)};
  }
  Attributes attributes(id, "organization", catalog.categories(), lang);
  attributes.Texts("description", p.description);
  attributes.Texts("accessibility", p.accessibility);
  for (const auto& l : p.languages) attributes.Add(kLanguageTaxonomy, l, "language", std::nullopt);
  for (const auto& label : p.quality_labels)
    attributes.Add(kDetailTaxonomy, std::string(kQualityLabel), kQualityLabel, label);
  if (!p.insurance.empty()) attributes.Add(kDetailTaxonomy, std::string(kInsurance), kInsurance, p.insurance);
  for (const auto& list : {&p.area.municipalities, &p.area.districts, &p.area.postal_codes}) {
    for (const auto& code : *list) attributes.Add(kDetailTaxonomy, std::string(kProviderArea), kProviderArea, code);
  }
  o["attributes"] = attributes.Take();
  std::set<std::string> places;
  json::array services;
  for (const auto& s : provider.services) {
    if (s.published) services.push_back(ServiceObject(s, id, region, purchasers, catalog, places));
  }
  json::array locations;
  for (const auto& code : places) {
    if (const directory::Place* place = catalog.FindPlace(code))
      locations.push_back(Location(*place, id, catalog, lang));
  }
  o["locations"] = std::move(locations);
  o["services"] = std::move(services);
  return o;
}

json::object HsdsPage(const directory::DirectoryPage& page, const directory::CatalogIndex& catalog, PageNumber at) {
  json::array contents;
  for (const auto& p : page.providers) contents.push_back(HsdsOrganization(p, page.region, page.purchasers, catalog));
  std::int64_t total = page.total_providers;
  std::int64_t pages = total == 0 ? 0 : (total + at.per_page - 1) / at.per_page;
  return {{"total_items", total},         {"total_pages", pages},
          {"page_number", at.number},     {"size", static_cast<std::int64_t>(contents.size())},
          {"first_page", at.number == 1}, {"last_page", at.number >= pages},
          {"empty", contents.empty()},    {"contents", std::move(contents)}};
}

}  // namespace allmende::interop
