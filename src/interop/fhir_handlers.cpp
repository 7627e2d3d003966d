// The FHIR R4 routes: public reads and searches of the published directory. Their errors are
// OperationOutcomes (fhir::OutcomeResponse), what FHIR clients read, not problem+json.
#include <boost/json.hpp>
#include <charconv>

#include "common/log.hpp"
#include "common/time.hpp"
#include "interop/fhir_resources.hpp"
#include "interop/interop_handlers.hpp"
#include "search/text_folding.hpp"

namespace allmende::interop {
namespace {

namespace json = boost::json;

// Runs a FHIR handler and answers its error as an OperationOutcome. An internal error is logged
// here, since the server never sees it as an error.
http::Handler Fhir(std::function<Result<http::Response>(const http::Request&)> handler) {
  return [handler = std::move(handler)](const http::Request& r) -> Result<http::Response> {
    auto answer = handler(r);
    if (answer.ok()) return answer;
    const Error& e = answer.error();
    if (e.code == ErrorCode::kInternal) {
      log::Error("fhir_request_failed", {{"request_id", r.request_id}, {"path", r.path}, {"error", e.message}});
    }
    return fhir::OutcomeResponse(e, r.request_id);
  };
}

// The language the client prefers (Accept-Language's first tag) if it is one of ours; else fi.
std::string Language(const http::Request& r) {
  std::string tag(r.Header("accept-language").substr(0, 2));
  for (const char* l : {"fi", "sv", "en", "de", "da"}) {
    if (tag == l) return tag;
  }
  return "fi";
}

std::string Folded(std::string_view text) { return search::FoldDiacritics(search::LowerCase(text)); }

// FHIR's string search: the value starts with the parameter (default), contains it
// (name:contains) or equals it (name:exact), ignoring case and accents (except :exact).
struct NameFilter {
  std::string value;
  std::string modifier;  // "", "contains", "exact"
  bool Matches(const std::string& name) const {
    if (modifier == "exact") return name == value;
    std::string n = Folded(name), v = Folded(value);
    return modifier == "contains" ? n.find(v) != std::string::npos : n.rfind(v, 0) == 0;
  }
};

std::optional<NameFilter> NameParam(const http::Request& r) {
  for (const char* modifier : {"", "contains", "exact"}) {
    std::string key = std::string("name") + (*modifier ? ":" : "") + modifier;
    if (auto v = r.QueryParam(key)) return NameFilter{*v, modifier};
  }
  return std::nullopt;
}

struct Paging {
  int count = 20;
  int offset = 0;
};

Result<int> Whole(const http::Request& r, std::string_view name, int fallback, int min, int max) {
  auto text = r.QueryParam(name);
  if (!text) return fallback;
  int value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size() || value < min || value > max) {
    return Error::Invalid(std::string(name),
                          "Give a whole number from " + std::to_string(min) + " to " + std::to_string(max) + ".");
  }
  return value;
}

Result<Paging> PagingOf(const http::Request& r) {
  Paging p;
  ALLMENDE_ASSIGN_OR_RETURN(p.count, Whole(r, "_count", 20, 1, 100));
  ALLMENDE_ASSIGN_OR_RETURN(p.offset, Whole(r, "_offset", 0, 0, 10'000'000));
  return p;
}

std::string Encode(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == ':' || c == '|') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

// The server's address: the configured public URL, else the request's Host (letters, digits,
// dots, hyphens, a port) over http, else localhost.
std::string ServerUrl(const std::string& configured, const http::Request& r) {
  if (!configured.empty()) return configured;
  std::string_view host = r.Header("host");
  bool plain = !host.empty() && host.size() <= 255 && std::all_of(host.begin(), host.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
  });
  return "http://" + std::string(plain ? host : "localhost");
}

std::string FhirBase(const std::string& server_url) { return server_url + "/fhir/R4"; }

// The search's own URL with `_offset` set: the self and next links of a searchset.
std::string PageUrl(const std::string& server_url, const http::Request& r, int offset) {
  std::string url = server_url + r.path + "?";
  for (const auto& [k, v] : r.query) {
    if (k != "_offset") url += Encode(k) + "=" + Encode(v) + "&";
  }
  return url + "_offset=" + std::to_string(offset);
}

// One page of `items` (already filtered and ordered) as a searchset.
template <typename T, typename F>
http::Response Searchset(const std::vector<T>& items, const Paging& p, const std::string& server_url,
                         const http::Request& r, F resource) {
  std::vector<json::object> page;
  for (std::size_t i = p.offset; i < items.size() && page.size() < static_cast<std::size_t>(p.count); ++i) {
    page.push_back(resource(items[i]));
  }
  bool more = static_cast<std::size_t>(p.offset) + page.size() < items.size();
  return fhir::FhirResponse(200, fhir::SearchBundle(page, FhirBase(server_url), static_cast<std::int64_t>(items.size()),
                                                    PageUrl(server_url, r, p.offset),
                                                    more ? PageUrl(server_url, r, p.offset + p.count) : ""));
}

// The place a `location` parameter names: a code, "Location/<code>", or a name.
const directory::Place* PlaceParam(const directory::CatalogIndex& catalog, std::string value) {
  if (value.rfind("Location/", 0) == 0) value = value.substr(9);
  if (const directory::Place* p = catalog.FindPlace(value)) return p;
  const directory::Place* district = nullptr;
  for (const auto& p : catalog.places()) {
    for (const auto& [lang, name] : p.name) {
      if (Folded(name) != Folded(value)) continue;
      if (p.kind == "municipality") return &p;
      district = district ? district : &p;
    }
  }
  return district;
}

// The ids of the published services a HealthcareService search matches, by id: the index
// filters by category and place, the names are checked against what it indexed.
Result<std::vector<std::string>> MatchingServices(const directory::CatalogIndex& catalog, const http::Request& r) {
  search::Query q;
  q.limit = 100;
  if (auto category = r.QueryParam("service-category")) {
    std::string code = *category;
    if (auto bar = code.find('|'); bar != std::string::npos) {
      if (code.substr(0, bar) != fhir::kCategorySystem) return std::vector<std::string>();
      code = code.substr(bar + 1);
    }
    q.categories.push_back(code);
  }
  if (auto location = r.QueryParam("location")) {
    const directory::Place* place = PlaceParam(catalog, *location);
    if (!place) return std::vector<std::string>();
    if (place->kind == "municipality") {
      q.municipalities.push_back(place->code);
    } else {
      q.postal_codes = place->postal_codes;
      if (q.postal_codes.empty()) return std::vector<std::string>();
    }
  }
  auto name = NameParam(r);
  std::vector<std::string> ids;
  // Every page re-runs the query: an anonymous search may walk at most this many matches (the
  // most relevant), so it cannot make the server rank the whole directory again and again.
  constexpr std::size_t kMaxMatches = 1000;
  for (int pages = 0; pages < 50; ++pages) {
    auto found = catalog.index().Search(q);
    if (auto* bad = std::get_if<search::CursorError>(&found)) return Error::Internal(bad->message);
    const auto& result = std::get<search::SearchResult>(found);
    for (const auto& hit : result.hits) {
      if (name) {
        auto summary = json::parse(*hit.summary_json);
        bool matches = false;
        for (const auto& [lang, text] : summary.at("name").as_object()) {
          matches = matches || (text.is_string() && name->Matches(std::string(text.get_string())));
        }
        if (!matches) continue;
      }
      ids.push_back(hit.id);
    }
    if (result.next_cursor.empty() || ids.size() >= kMaxMatches) break;
    q.cursor = result.next_cursor;
  }
  if (ids.size() > kMaxMatches) ids.resize(kMaxMatches);
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace

void AddFhirRoutes(http::Router& router, directory::DirectoryExchange& exchange, directory::DirectoryService& service,
                   const directory::CatalogIndex& catalog, const std::string& public_url) {
  const std::string started = FormatRfc3339(Now());
  router.Add("GET", "/fhir/R4/metadata", Fhir([public_url, started](const http::Request& r) -> Result<http::Response> {
               return fhir::FhirResponse(200, fhir::CapabilityStatement(FhirBase(ServerUrl(public_url, r)), started));
             }),
             {.access = http::Access::kPublic, .run_on_io_thread = true});

  router.Add("GET", "/fhir/R4/HealthcareService/{id}",
             Fhir([&service, &catalog](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_TRY(Ready(catalog));
               ALLMENDE_ASSIGN_OR_RETURN(auto s, service.PublicService(fhir::OurId(r.Param("id"))));
               return fhir::FhirResponse(200, fhir::HealthcareServiceResource(s, catalog, Language(r)));
             }),
             {.access = http::Access::kPublic});

  router.Add("GET", "/fhir/R4/HealthcareService",
             Fhir([&service, &catalog, public_url](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_TRY(Ready(catalog));
               ALLMENDE_ASSIGN_OR_RETURN(Paging paging, PagingOf(r));
               ALLMENDE_ASSIGN_OR_RETURN(auto ids, MatchingServices(catalog, r));
               std::string language = Language(r);
               std::vector<json::object> resources;
               for (std::size_t i = paging.offset;
                    i < ids.size() && resources.size() < static_cast<std::size_t>(paging.count); ++i) {
                 auto s = service.PublicService(ids[i]);
                 if (s.ok()) {
                   resources.push_back(fhir::HealthcareServiceResource(*s, catalog, language));
                 } else if (s.error().code != ErrorCode::kNotFound) {  // archived since the index answered: left out
                   return s.error();
                 }
               }
               bool more =
                   static_cast<std::size_t>(paging.offset) + static_cast<std::size_t>(paging.count) < ids.size();
               std::string server = ServerUrl(public_url, r);
               return fhir::FhirResponse(
                   200, fhir::SearchBundle(resources, FhirBase(server), static_cast<std::int64_t>(ids.size()),
                                           PageUrl(server, r, paging.offset),
                                           more ? PageUrl(server, r, paging.offset + paging.count) : ""));
             }),
             {.access = http::Access::kPublic});

  router.Add("GET", "/fhir/R4/Organization/{id}", Fhir([&exchange](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(auto p, exchange.Provider(fhir::OurId(r.Param("id"))));
               return fhir::FhirResponse(200, fhir::OrganizationResource(p, Language(r)));
             }),
             {.access = http::Access::kPublic});

  router.Add(
      "GET", "/fhir/R4/Organization", Fhir([&exchange, public_url](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(Paging paging, PagingOf(r));
        ALLMENDE_ASSIGN_OR_RETURN(auto providers, exchange.Providers());
        if (auto name = NameParam(r)) {
          std::erase_if(providers, [&](const auto& p) { return !name->Matches(p.profile.name); });
        }
        std::string language = Language(r);
        return Searchset(providers, paging, ServerUrl(public_url, r), r,
                         [&](const directory::ProviderRecord& p) { return fhir::OrganizationResource(p, language); });
      }),
      {.access = http::Access::kPublic});

  router.Add("GET", "/fhir/R4/Location/{id}", Fhir([&catalog](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_TRY(Ready(catalog));
               const directory::Place* p = catalog.FindPlace(std::string(r.Param("id")));
               if (!p) return Error::NotFound("There is no such place.");
               return fhir::FhirResponse(200, fhir::LocationResource(*p, catalog));
             }),
             {.access = http::Access::kPublic, .run_on_io_thread = true});

  router.Add("GET", "/fhir/R4/Location", Fhir([&catalog, public_url](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_TRY(Ready(catalog));
               ALLMENDE_ASSIGN_OR_RETURN(Paging paging, PagingOf(r));
               std::vector<const directory::Place*> places;
               auto name = NameParam(r);
               for (const auto& p : catalog.places()) {
                 bool matches = !name;
                 for (const auto& [lang, n] : p.name) matches = matches || name->Matches(n);
                 if (matches) places.push_back(&p);
               }
               return Searchset(places, paging, ServerUrl(public_url, r), r,
                                [&](const directory::Place* p) { return fhir::LocationResource(*p, catalog); });
             }),
             {.access = http::Access::kPublic, .run_on_io_thread = true});
}

}  // namespace allmende::interop
