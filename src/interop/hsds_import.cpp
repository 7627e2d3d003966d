#include "interop/hsds_import.hpp"

#include <algorithm>

#include "interop/hsds_reading.hpp"

namespace allmende::interop {
namespace {

namespace json = boost::json;
using directory::ImportedProvider;
using directory::ImportedService;

std::string Index(const std::string& path, std::string_view member, std::size_t i) {
  return path + (path.empty() ? "" : ".") + std::string(member) + "[" + std::to_string(i) + "]";
}

std::string LowerAscii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Our kind of provider from HSDS's free-text legal status: what we write reads back, and other
// words are read as well as they can be ("non-profit" is an association).
std::string KindOf(const std::string& legal_status) {
  std::string s = LowerAscii(legal_status);
  if (s.find("volunteer") != std::string::npos) return "volunteer_group";
  for (std::string_view word : {"association", "non-profit", "nonprofit", "not for profit", "charity"}) {
    if (s.find(word) != std::string::npos) return "association";
  }
  return "provider_company";
}

// The locations of an organization by id: what a service_at_location points at.
struct LocationRef {
  std::string code, name, path;
};

class Reader {
 public:
  Reader(const directory::CatalogIndex& catalog, std::vector<FieldError>& warnings)
      : catalog_(catalog), warnings_(warnings) {}

  std::optional<ImportedProvider> Organization(const json::value& v, const std::string& path) {
    ImportedProvider p;
    p.path = path;
    Fields f(p.errors);
    const json::object* o = f.Object(v, path);
    if (!o) return p;
    p.name = f.String(*o, "name", path).value_or("");
    p.paths["name"] = path + ".name";
    p.kind = KindOf(f.String(*o, "legal_status", path).value_or(""));
    p.paths["kind"] = path + ".legal_status";
    ReadIdentifiers(*o, path, f, p);
    ReadContact(*o, path, f, p);
    auto attributes = ReadAttributes(*o, path, f, catalog_.categories());
    p.profile.description = ReadTexts(*o, path, "description", attributes, f, "description", p.paths);
    p.profile.accessibility = ReadTexts(*o, path, "accessibility", attributes, f, "accessibility", p.paths);
    for (const auto& a : attributes) {
      if (a.term.taxonomy == kLanguageTaxonomy && a.link_type == "language") {
        p.paths["languages[" + std::to_string(p.profile.languages.size()) + "]"] = a.path;
        p.profile.languages.push_back(a.term.code);
      } else if (a.term.taxonomy == kDetailTaxonomy && a.term.code == kQualityLabel && a.value) {
        p.paths["quality_labels[" + std::to_string(p.profile.quality_labels.size()) + "]"] = a.path + ".value";
        p.profile.quality_labels.push_back(*a.value);
      } else if (a.term.taxonomy == kDetailTaxonomy && a.term.code == kInsurance && a.value) {
        p.profile.insurance = *a.value;
        p.paths["insurance"] = a.path + ".value";
      } else if (a.term.taxonomy == kDetailTaxonomy && a.term.code == kProviderArea && a.value) {
        AddPlace(catalog_, *a.value, "", a.path + ".value", f, p.profile.area, "area", p.paths);
      }
    }
    std::map<std::string, LocationRef> locations;
    if (const json::array* list = f.Array(*o, "locations", path)) {
      for (std::size_t i = 0; i < list->size(); ++i) {
        const json::value& l = (*list)[i];
        if (!l.is_object()) continue;
        Fields quiet(p.errors);
        std::string at = Index(path, "locations", i);
        if (auto id = quiet.String(l.get_object(), "id", at)) {
          locations[*id] = {quiet.String(l.get_object(), "external_identifier", at).value_or(""),
                            quiet.String(l.get_object(), "name", at).value_or(""), at};
        }
      }
    }
    if (const json::array* services = f.Array(*o, "services", path)) {
      for (std::size_t i = 0; i < services->size(); ++i) {
        if (auto s = Service((*services)[i], Index(path, "services", i), locations))
          p.services.push_back(std::move(*s));
      }
    }
    return p;
  }

 private:
  void ReadIdentifiers(const json::object& o, const std::string& path, Fields& f, ImportedProvider& p) {
    const json::array* list = f.Array(o, "organization_identifiers", path);
    for (std::size_t i = 0; list && i < list->size(); ++i) {
      std::string at = Index(path, "organization_identifiers", i);
      const json::object* id = f.Object((*list)[i], at);
      if (!id) continue;
      std::string scheme = f.String(*id, "identifier_scheme", at).value_or("");
      std::string type = LowerAscii(f.String(*id, "identifier_type", at).value_or(""));
      bool business = scheme == "FI-PRO" || scheme == "DK-CVR" || type == "business_id" || type == "business id";
      auto value = f.String(*id, "identifier", at);
      if (!business || !value || p.business_id) continue;
      p.business_id = *value;
      p.paths["business_id"] = at + ".identifier";
    }
  }

  // E-mail and phone: the organization's own, else its first contact's.
  void ReadContact(const json::object& o, const std::string& path, Fields& f, ImportedProvider& p) {
    if (auto email = f.String(o, "email", path)) {
      p.profile.email = *email;
      p.paths["email"] = path + ".email";
    }
    if (auto website = f.String(o, "website", path)) {
      p.profile.website = *website;
      p.paths["website"] = path + ".website";
    }
    auto phone_of = [&](const json::object& holder, const std::string& at) {
      const json::array* phones = f.Array(holder, "phones", at);
      if (p.profile.phone.empty() && phones && !phones->empty() && phones->front().is_object()) {
        if (auto number = f.String(phones->front().get_object(), "number", at + ".phones[0]")) {
          p.profile.phone = *number;
          p.paths["phone"] = at + ".phones[0].number";
        }
      }
    };
    phone_of(o, path);
    const json::array* contacts = f.Array(o, "contacts", path);
    if (contacts && !contacts->empty()) {
      std::string at = path + ".contacts[0]";
      if (const json::object* c = f.Object(contacts->front(), at)) {
        if (auto email = f.String(*c, "email", at); email && p.profile.email.empty()) {
          p.profile.email = *email;
          p.paths["email"] = at + ".email";
        }
        phone_of(*c, at);
      }
    }
  }

  std::optional<ImportedService> Service(const json::value& v, const std::string& path,
                                         const std::map<std::string, LocationRef>& locations) {
    ImportedService s;
    s.path = path;
    Fields f(s.errors);
    const json::object* o = f.Object(v, path);
    if (!o) return s;
    if (auto status = f.String(*o, "status", path); status && *status != "active") {
      warnings_.push_back({path + ".status", "Only active services are imported; this one was left out."});
      return std::nullopt;
    }
    directory::ServiceContent& c = s.content;
    auto attributes = ReadAttributes(*o, path, f, catalog_.categories());
    c.name = ReadTexts(*o, path, "name", attributes, f, "name", s.paths);
    c.description = ReadTexts(*o, path, "description", attributes, f, "description", s.paths);
    s.paths["category"] = path + ".attributes";
    for (const auto& a : attributes) {
      if (a.term.taxonomy == kCategoryTaxonomy) {
        if (!c.category.empty()) {
          f.Error(a.path, "Give a service one category.");
          continue;
        }
        c.category = a.term.code;
        s.paths["category"] = a.path;
      } else if (a.term.taxonomy == kDetailTaxonomy &&
                 (a.term.code == kLeadTimeDays || a.term.code == kCapacityPerWeek)) {
        auto n = WholeNumber(a.value.value_or(""));
        if (!n) {
          f.Error(a.path + ".value", "Give a whole number.");
          continue;
        }
        bool lead = a.term.code == kLeadTimeDays;
        (lead ? c.lead_time_days : c.capacity_per_week) = *n;
        s.paths[lead ? "lead_time_days" : "capacity_per_week"] = a.path + ".value";
      }
    }
    if (c.category.empty()) {
      f.Error(path + ".attributes", "Classify the service with one term of the taxonomy " +
                                        std::string(kCategoryTaxonomy) +
                                        " (GET /api/v1/directory/hsds/taxonomy_terms).");
    }
    ReadLanguages(*o, path, f, s);
    ReadArea(*o, path, f, s, locations);
    ReadPrice(*o, path, f, catalog_.categories(), c.price, s.paths);
    ReadHours(*o, path, f, warnings_, c.hours, s.paths);
    if (const json::array* funding = f.Array(*o, "funding", path)) {
      for (std::size_t i = 0; i < funding->size(); ++i) {
        std::string at = Index(path, "funding", i);
        const json::object* fund = f.Object((*funding)[i], at);
        auto source = fund ? f.String(*fund, "source", at) : std::nullopt;
        if (!source || source->empty()) continue;
        s.paths["vouchers[" + std::to_string(s.voucher_names.size()) + "]"] = at + ".source";
        s.voucher_names.push_back(*source);
      }
    }
    return s;
  }

  void ReadLanguages(const json::object& o, const std::string& path, Fields& f, ImportedService& s) {
    s.paths["languages"] = path + ".languages";
    const json::array* list = f.Array(o, "languages", path);
    for (std::size_t i = 0; list && i < list->size(); ++i) {
      std::string at = Index(path, "languages", i);
      const json::object* l = f.Object((*list)[i], at);
      if (!l) continue;
      auto code = f.String(*l, "code", at);
      if (!code) {
        f.Error(at + ".code", "Give the language's ISO 639-1 code (fi, sv, en, de, da).");
        continue;
      }
      std::string lower = LowerAscii(*code);
      auto& langs = s.content.languages;
      if (std::find(langs.begin(), langs.end(), lower) != langs.end()) continue;
      s.paths["languages[" + std::to_string(langs.size()) + "]"] = at + ".code";
      langs.push_back(lower);
    }
  }

  // The area from service_areas; without any, from the locations of service_at_locations.
  void ReadArea(const json::object& o, const std::string& path, Fields& f, ImportedService& s,
                const std::map<std::string, LocationRef>& locations) {
    const json::array* areas = f.Array(o, "service_areas", path);
    s.paths["area"] = path + ".service_areas";
    for (std::size_t i = 0; areas && i < areas->size(); ++i) {
      std::string at = Index(path, "service_areas", i);
      const json::object* a = f.Object((*areas)[i], at);
      if (!a) continue;
      auto type = LowerAscii(f.String(*a, "extent_type", at).value_or("text"));
      std::string extent = type == "text" ? f.String(*a, "extent", at).value_or("") : "";
      AddPlace(catalog_, extent, f.String(*a, "name", at).value_or(""), at, f, s.content.area, "area", s.paths);
    }
    if (areas && !areas->empty()) return;
    const json::array* at_locations = f.Array(o, "service_at_locations", path);
    for (std::size_t i = 0; at_locations && i < at_locations->size(); ++i) {
      std::string at = Index(path, "service_at_locations", i);
      const json::object* sal = f.Object((*at_locations)[i], at);
      if (!sal) continue;
      LocationRef ref;
      const json::value* nested = sal->if_contains("location");
      if (nested && nested->is_object()) {
        ref = {f.String(nested->get_object(), "external_identifier", at + ".location").value_or(""),
               f.String(nested->get_object(), "name", at + ".location").value_or(""), at + ".location"};
      } else if (auto id = f.String(*sal, "location_id", at); id && locations.count(*id)) {
        ref = locations.at(*id);
      } else {
        f.Error(at + ".location_id", "There is no location with this id in the organization's locations.");
        continue;
      }
      AddPlace(catalog_, ref.code, ref.name, ref.path, f, s.content.area, "area", s.paths);
    }
  }

  const directory::CatalogIndex& catalog_;
  std::vector<FieldError>& warnings_;
};

}  // namespace

directory::ImportBatch ReadHsds(const json::value& document, const directory::CatalogIndex& catalog) {
  directory::ImportBatch batch;
  const json::array* organizations = nullptr;
  std::string prefix;
  if (document.is_array()) {
    organizations = &document.get_array();
  } else if (document.is_object() && document.get_object().contains("contents") &&
             document.get_object().at("contents").is_array()) {
    organizations = &document.get_object().at("contents").get_array();
    prefix = "contents";
  } else {
    batch.errors.push_back({"contents",
                            "Send the HSDS page of organizations ({\"contents\": [organization, …]}, as "
                            "GET /api/v1/directory/hsds answers) or an array of organizations."});
    return batch;
  }
  Reader reader(catalog, batch.warnings);
  for (std::size_t i = 0; i < organizations->size(); ++i) {
    std::string path = prefix + "[" + std::to_string(i) + "]";
    if (auto p = reader.Organization((*organizations)[i], path)) batch.providers.push_back(std::move(*p));
  }
  return batch;
}

}  // namespace allmende::interop
