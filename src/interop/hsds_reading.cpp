#include "interop/hsds_reading.hpp"

#include <algorithm>
#include <cmath>
#include <regex>

#include "search/text_folding.hpp"

namespace allmende::interop {
namespace {

namespace json = boost::json;

std::string Index(const std::string& path, std::string_view member, std::size_t i) {
  return path + "." + std::string(member) + "[" + std::to_string(i) + "]";
}

std::string Trim(const std::string& s) {
  auto begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  return s.substr(begin, s.find_last_not_of(" \t\r\n") - begin + 1);
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Which of our taxonomies a term object names, by its taxonomy_id, taxonomy or taxonomy_detail.
std::optional<std::string> TaxonomyOf(const json::object& term) {
  for (std::string_view t : {kCategoryTaxonomy, kLanguageTaxonomy, kDetailTaxonomy}) {
    const json::value* id = term.if_contains("taxonomy_id");
    const json::value* name = term.if_contains("taxonomy");
    const json::value* detail = term.if_contains("taxonomy_detail");
    const json::value* detail_name = detail && detail->is_object() ? detail->get_object().if_contains("name") : nullptr;
    if ((id && id->is_string() && id->get_string() == TaxonomyUuid(t)) ||
        (name && name->is_string() && name->get_string() == t) ||
        (detail_name && detail_name->is_string() && detail_name->get_string() == t)) {
      return std::string(t);
    }
  }
  return std::nullopt;
}

// Cents from an amount in currency units with at most two decimals (39.9 → 3990).
std::optional<std::int64_t> Cents(const json::value& v) {
  if (v.is_int64() && v.get_int64() >= 0 && v.get_int64() <= 10'000'000) return v.get_int64() * 100;
  if (v.is_uint64() && v.get_uint64() <= 10'000'000) return static_cast<std::int64_t>(v.get_uint64()) * 100;
  if (!v.is_double()) return std::nullopt;
  double d = v.get_double();
  if (!std::isfinite(d) || d < 0 || d > 10'000'000) return std::nullopt;
  double cents = std::round(d * 100);
  if (std::fabs(cents - d * 100) > 1e-6) return std::nullopt;
  return static_cast<std::int64_t>(cents);
}

// Basis points from a percentage with at most two decimals, 0 to 100 ("25.5" → 2550).
std::optional<int> BasisPoints(const std::string& text) {
  // Bounded before any regex: libstdc++ matches recursively, one frame per character.
  if (text.size() > 6) return std::nullopt;
  static const std::regex percent("(100|[0-9]{1,2})(?:\\.([0-9]{1,2}))?");
  std::smatch m;
  if (!std::regex_match(text, m, percent)) return std::nullopt;
  int whole = std::stoi(m[1].str());
  std::string fraction = m[2].str();
  if (fraction.size() == 1) fraction += "0";
  int bp = whole * 100 + (fraction.empty() ? 0 : std::stoi(fraction));
  return bp <= 10000 ? std::optional<int>(bp) : std::nullopt;
}

// "HH:MM" of "HH:MM" or "HH:MM:00"; the text as it was otherwise, for the directory to refuse.
std::string Time(const std::string& text) {
  if (text.size() != 8) return text;
  static const std::regex with_seconds("([0-9]{2}:[0-9]{2}):00");
  std::smatch m;
  if (std::regex_match(text, m, with_seconds)) return m[1].str();
  return text;
}

}  // namespace

const json::object* Fields::Object(const json::value& v, const std::string& path) {
  if (v.is_object()) return &v.get_object();
  Error(path, "Expected an object.");
  return nullptr;
}

std::optional<std::string> Fields::String(const json::object& o, std::string_view key, const std::string& path) {
  const json::value* v = o.if_contains(key);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_string()) {
    Error(path + "." + std::string(key), "Expected a string.");
    return std::nullopt;
  }
  return std::string(v->get_string());
}

const json::array* Fields::Array(const json::object& o, std::string_view key, const std::string& path) {
  const json::value* v = o.if_contains(key);
  if (!v || v->is_null()) return nullptr;
  if (!v->is_array()) {
    Error(path + "." + std::string(key), "Expected a list.");
    return nullptr;
  }
  return &v->get_array();
}

std::vector<OurAttribute> ReadAttributes(const json::object& o, const std::string& path, Fields& f,
                                         const std::vector<directory::Category>& categories) {
  std::vector<OurAttribute> out;
  const json::array* list = f.Array(o, "attributes", path);
  if (!list) return out;
  for (std::size_t i = 0; i < list->size(); ++i) {
    std::string at = Index(path, "attributes", i);
    const json::object* a = f.Object((*list)[i], at);
    if (!a) continue;
    // The term by its taxonomy and code where the attribute shows them (what a person edits),
    // else by its id.
    std::optional<TermRef> term;
    const json::value* tv = a->if_contains("taxonomy_term");
    if (tv && !tv->is_null() && !tv->is_object()) f.Error(at + ".taxonomy_term", "Expected an object.");
    if (tv && tv->is_object()) {
      const json::object& t = tv->get_object();
      auto taxonomy = TaxonomyOf(t);
      auto code = f.String(t, "code", at + ".taxonomy_term");
      if (taxonomy && code) term = TermRef{*taxonomy, *code};
      if (auto id = f.String(t, "id", at + ".taxonomy_term"); id && !term) term = TermOfUuid(*id, categories);
    }
    if (auto id = f.String(*a, "taxonomy_term_id", at); id && !term) term = TermOfUuid(*id, categories);
    if (!term) continue;  // someone else's taxonomy
    out.push_back({*term, f.String(*a, "link_type", at).value_or(""), f.String(*a, "value", at), at});
  }
  return out;
}

directory::LocalizedText ReadTexts(const json::object& o, const std::string& path, const std::string& field,
                                   const std::vector<OurAttribute>& attributes, Fields& f, const std::string& prefix,
                                   std::map<std::string, std::string>& paths) {
  directory::LocalizedText text;
  for (const auto& a : attributes) {
    if (a.term.taxonomy != kLanguageTaxonomy || a.link_type != field || !a.value) continue;
    if (text.count(a.term.code)) {
      f.Error(a.path, "The " + field + " has another text in this language.");
      continue;
    }
    text[a.term.code] = *a.value;
    paths[prefix + "." + a.term.code] = a.path + ".value";
  }
  // The object's own member is the text of one of those languages (as exported), or else a text
  // in the region's language (another publisher's, or one edited there).
  if (auto own = f.String(o, field, path); own && !own->empty()) {
    bool translated = std::any_of(text.begin(), text.end(), [&](const auto& t) { return t.second == *own; });
    if (!translated) text[""] = *own;
  }
  paths.emplace(prefix, path + "." + field);
  return text;
}

void AddPlace(const directory::CatalogIndex& catalog, const std::string& code, const std::string& name,
              const std::string& path, Fields& f, directory::ServiceArea& area, const std::string& prefix,
              std::map<std::string, std::string>& paths) {
  auto add = [&](std::vector<std::string>& list, const char* kind, const std::string& value) {
    paths[prefix + "." + kind + "[" + std::to_string(list.size()) + "]"] = path;
    list.push_back(value);
  };
  auto place = [&](const directory::Place& p) {
    add(p.kind == "district" ? area.districts : area.municipalities,
        p.kind == "district" ? "districts" : "municipalities", p.code);
  };
  static const std::regex looks_like_code("[a-z]{2}-[0-9]{3}(-[a-z0-9-]+)?|[0-9]{5}");
  for (const std::string& candidate : {Trim(code), Trim(name)}) {
    if (candidate.empty()) continue;
    if (const directory::Place* p = catalog.FindPlace(candidate)) return place(*p);
    if (candidate.size() == 5 && std::all_of(candidate.begin(), candidate.end(), ::isdigit)) {
      return add(area.postal_codes, "postal_codes", candidate);
    }
    // A code that names no place is a mistake, not a description to read the name instead of.
    if (candidate.size() <= 64 && std::regex_match(candidate, looks_like_code)) {
      return f.Error(path, "There is no place with this code: see GET /api/v1/directory/places.");
    }
  }
  std::string wanted = search::LowerCase(Trim(name));
  std::vector<const directory::Place*> found;
  for (const auto& p : catalog.places()) {
    for (const auto& [lang, n] : p.name) {
      if (!wanted.empty() && search::LowerCase(n) == wanted) {
        found.push_back(&p);
        break;
      }
    }
  }
  // A municipality's name wins over a district of the same name (Orivesi has no district Orivesi).
  auto municipality = std::find_if(found.begin(), found.end(), [](const auto* p) { return p->kind == "municipality"; });
  if (municipality != found.end()) return place(**municipality);
  if (found.size() == 1) return place(*found.front());
  f.Error(path, found.empty() ? "There is no such place: give a place code of GET /api/v1/directory/places, a postal "
                                "code, or the name of a municipality or district."
                              : "Several districts have this name: give the place code.");
}

void ReadPrice(const json::object& service, const std::string& path, Fields& f,
               const std::vector<directory::Category>& categories, directory::Price& price,
               std::map<std::string, std::string>& paths) {
  const json::array* options = f.Array(service, "cost_options", path);
  bool priced = false;
  for (std::size_t i = 0; options && i < options->size(); ++i) {
    std::string at = Index(path, "cost_options", i);
    const json::object* o = f.Object((*options)[i], at);
    if (!o) continue;
    std::string option = Lower(f.String(*o, "option", at).value_or(""));
    const json::value* amount = o->if_contains("amount");
    // A plain value rather than an optional: GCC 12 at -O3 misreads the optional as uninitialized.
    std::int64_t cents = -1;
    if (amount && !amount->is_null()) cents = Cents(*amount).value_or(-1);
    if (cents < 0) f.Error(at + ".amount", "Give the amount as a number of 0 to 10,000,000 with at most two decimals.");
    if (auto currency = f.String(*o, "currency", at)) {
      price.currency = *currency;
      for (char& c : price.currency) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      paths["price.currency"] = at + ".currency";
    }
    if (option == "minimum_charge") {
      price.minimum_charge = std::max<std::int64_t>(cents, 0);
      paths["price.minimum_charge"] = at + ".amount";
      continue;
    }
    if (option != "fixed" && option != "hourly" && option != "per_visit") {
      f.Error(at + ".option", "Use fixed, hourly or per_visit for the price, or minimum_charge.");
      continue;
    }
    if (priced) {
      f.Error(at + ".option", "Give one price (fixed, hourly or per_visit) for a service.");
      continue;
    }
    priced = true;
    price.model = option;
    price.amount = std::max<std::int64_t>(cents, 0);
    paths["price.model"] = at + ".option";
    paths["price.amount"] = at + ".amount";
    for (const auto& a : ReadAttributes(*o, at, f, categories)) {
      bool vat = a.term.code == kVatRate, labour = a.term.code == kLabourShare;
      if (a.term.taxonomy != kDetailTaxonomy || (!vat && !labour)) continue;
      auto bp = BasisPoints(a.value.value_or(""));
      if (!bp) {
        f.Error(a.path + ".value", "Give the percentage as a number from 0 to 100 with at most two decimals (25.5).");
        continue;
      }
      (vat ? price.vat_rate_bp : price.labour_share_bp) = *bp;
      paths[vat ? "price.vat_rate_bp" : "price.labour_share_bp"] = a.path + ".value";
    }
  }
  if (!priced) {
    f.Error(path + ".cost_options", "Give the price as a cost option whose option is fixed, hourly or per_visit.");
  }
}

void ReadHours(const json::object& service, const std::string& path, Fields& f, std::vector<FieldError>& warnings,
               std::vector<directory::OpeningHours>& hours, std::map<std::string, std::string>& paths) {
  static const std::vector<std::string> days{"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
  const json::array* schedules = f.Array(service, "schedules", path);
  paths["hours"] = path + ".schedules";
  for (std::size_t i = 0; schedules && i < schedules->size(); ++i) {
    std::string at = Index(path, "schedules", i);
    const json::object* s = f.Object((*schedules)[i], at);
    if (!s) continue;
    auto opens = f.String(*s, "opens_at", at), closes = f.String(*s, "closes_at", at);
    if (!opens && !closes) {
      warnings.push_back({at, "A schedule without opening and closing times was left out."});
      continue;
    }
    if (auto freq = f.String(*s, "freq", at); freq && Lower(*freq) != "weekly") {
      f.Error(at + ".freq", "Only weekly opening hours can be imported (freq WEEKLY).");
      continue;
    }
    std::string byday = f.String(*s, "byday", at).value_or("");
    std::vector<int> weekdays;
    std::size_t start = 0;
    while (start <= byday.size()) {
      std::size_t comma = std::min(byday.find(',', start), byday.size());
      std::string day = Trim(byday.substr(start, comma - start));
      for (char& c : day) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      auto it = std::find(days.begin(), days.end(), day);
      if (it == days.end()) {
        weekdays.clear();
        break;
      }
      weekdays.push_back(static_cast<int>(it - days.begin()));
      start = comma + 1;
    }
    if (weekdays.empty()) {
      f.Error(at + ".byday", "Name the days as MO, TU, WE, TH, FR, SA, SU, separated by commas.");
      continue;
    }
    for (int day : weekdays) {
      std::string key = "hours[" + std::to_string(hours.size()) + "]";
      hours.push_back({day, Time(opens.value_or("")), Time(closes.value_or(""))});
      paths[key] = at;
      paths[key + ".weekday"] = at + ".byday";
      paths[key + ".opens"] = at + ".opens_at";
      paths[key + ".closes"] = at + ".closes_at";
    }
  }
}

std::optional<int> WholeNumber(const std::string& text) {
  if (text.empty() || text.size() > 9 || !std::all_of(text.begin(), text.end(), ::isdigit)) return std::nullopt;
  return std::stoi(text);
}

}  // namespace allmende::interop
