#include <sodium.h>

#include <algorithm>
#include <boost/algorithm/string/split.hpp>
#include <boost/json.hpp>
#include <charconv>

#include "common/json.hpp"
#include "common/time.hpp"
#include "directory/directory_handlers.hpp"
#include "directory/directory_json.hpp"

namespace allmende::directory {
namespace {

// "a,b" and repeated parameters both give a list.
std::vector<std::string> ListParam(const http::Request& r, std::string_view name) {
  std::vector<std::string> out;
  for (const auto& [k, v] : r.query) {
    if (k != name) continue;
    std::vector<std::string> parts;
    boost::algorithm::split(parts, v, [](char c) { return c == ','; });
    for (auto& p : parts) {
      if (!p.empty() && out.size() < 50) out.push_back(std::move(p));
    }
  }
  return out;
}

// A weekday from "mon".."sun", "0".."6" or a date "2026-12-01".
std::optional<int> Weekday(const std::string& text) {
  static const std::vector<std::string> names{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  for (int i = 0; i < 7; ++i) {
    if (text == names[i]) return i;
  }
  if (text.size() == 1 && text[0] >= '0' && text[0] <= '6') return text[0] - '0';
  if (auto day = ParseRfc3339(text + "T12:00:00Z")) {
    auto days = std::chrono::floor<std::chrono::days>(*day);
    return static_cast<int>(std::chrono::weekday(days).iso_encoding()) - 1;
  }
  return std::nullopt;
}

// The longest prefix of `s`, at most `max` bytes, that is whole UTF-8: a cut never splits a
// character, and bytes that are no UTF-8 end it.
std::string Utf8Prefix(const std::string& s, std::size_t max) {
  std::size_t at = 0;
  while (at < s.size()) {
    auto lead = static_cast<unsigned char>(s[at]);
    std::size_t n = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || at + n > s.size() || at + n > max) break;
    bool whole = true;
    for (std::size_t k = 1; k < n; ++k) whole &= (static_cast<unsigned char>(s[at + k]) & 0xC0) == 0x80;
    if (!whole) break;
    at += n;
  }
  return s.substr(0, at);
}

// Everything the answer depends on, in one canonical string (lists sorted: "a,b" and "b,a" are
// the same search).
std::string CacheKey(const search::Query& q) {
  std::string key;
  key.reserve(q.text.size() + q.cursor.size() + 64);
  auto add = [&key](std::string_view part) {
    key += part;
    key += '\x1f';
  };
  auto list = [&](std::vector<std::string> values) {
    std::sort(values.begin(), values.end());
    for (const auto& v : values) {
      key += v;
      key += ',';
    }
    key += '\x1f';
  };
  add(q.text);
  add(q.region_id);
  list(q.categories);
  list(q.municipalities);
  list(q.postal_codes);
  list(q.languages);
  list(q.vouchers);
  add(q.max_price ? std::to_string(*q.max_price) : "");
  add(q.open_on ? std::to_string(*q.open_on) : "");
  add(std::to_string(static_cast<int>(q.sort)));
  add(std::to_string(q.limit));
  add(q.cursor);
  return key;
}

constexpr std::size_t kMaxQueryBytes = 256;

std::string CursorSignature(const storage::FieldCipher& cipher, const std::string& cursor) {
  return cipher.KeyedDigest("search-cursor:" + cursor).substr(0, 32);
}

Error Starting() {
  Error e = Error::Unavailable("The directory is starting; try again in a moment.");
  e.retry_after_seconds = 5;
  return e;
}

}  // namespace

Result<search::Query> SearchQueryOf(const http::Request& r, const storage::FieldCipher* cipher) {
  search::Query q;
  std::vector<FieldError> errors;
  q.text = r.QueryParam("q").value_or("");
  // Nobody types more; a longer text only buys an attacker more work per request.
  if (q.text.size() > kMaxQueryBytes) q.text = Utf8Prefix(q.text, kMaxQueryBytes);
  q.region_id = r.QueryParam("region_id").value_or("");
  q.categories = ListParam(r, "category");
  q.municipalities = ListParam(r, "municipality");
  q.postal_codes = ListParam(r, "postal_code");
  q.languages = ListParam(r, "language");
  q.vouchers = ListParam(r, "voucher");
  if (auto max = r.QueryParam("max_price")) {
    std::int64_t cents = 0;
    auto [end, ec] = std::from_chars(max->data(), max->data() + max->size(), cents);
    if (ec != std::errc() || end != max->data() + max->size() || cents < 0) {
      errors.push_back({"max_price", "Give the highest price in cents, like 4500 for 45.00 €."});
    } else {
      q.max_price = cents;
    }
  }
  if (auto day = r.QueryParam("open_on")) {
    q.open_on = Weekday(*day);
    if (!q.open_on) errors.push_back({"open_on", "Give a weekday (mon … sun) or a date (2026-12-01)."});
  }
  std::string sort = r.QueryParam("sort").value_or("relevance");
  if (sort == "relevance") {
    q.sort = search::Sort::kRelevance;
  } else if (sort == "price") {
    q.sort = search::Sort::kPriceAscending;
  } else if (sort == "price_desc") {
    q.sort = search::Sort::kPriceDescending;
  } else if (sort == "rating") {
    q.sort = search::Sort::kRating;
  } else {
    errors.push_back({"sort", "Sort by relevance, price, price_desc or rating."});
  }
  auto limit = http::LimitParam(r, 20);
  if (!limit.ok() || *limit < 1 || *limit > 100) {
    errors.push_back({"limit", "must be an integer from 1 to 100"});
  } else {
    q.limit = *limit;
  }
  q.cursor = r.QueryParam("cursor").value_or("");
  if (cipher && !q.cursor.empty()) {
    auto dot = q.cursor.rfind('.');
    if (dot == std::string::npos || q.cursor.substr(dot + 1) != CursorSignature(*cipher, q.cursor.substr(0, dot))) {
      errors.push_back({"cursor", "This cursor is not from this search; start again from the first page."});
    } else {
      q.cursor.resize(dot);
    }
  }
  if (!errors.empty()) return Error::Invalid(std::move(errors));
  return q;
}

std::string SearchResultJson(const search::SearchResult& result, const CatalogIndex& catalog,
                             const storage::FieldCipher* cipher) {
  std::string body = "{\"items\":[";
  for (std::size_t i = 0; i < result.hits.size(); ++i) {
    if (i) body += ',';
    body += *result.hits[i].summary_json;
  }
  body += "],\"next_cursor\":";
  if (result.next_cursor.empty()) {
    body += "null";
  } else {
    body += '"';
    AppendJsonEscaped(body, result.next_cursor);
    if (cipher) body += "." + CursorSignature(*cipher, result.next_cursor);
    body += '"';
  }
  boost::json::object facets;
  for (const auto& [name, counts] : result.facets) {
    boost::json::array a;
    for (const auto& f : counts) a.push_back({{"value", f.value}, {"count", f.count}});
    facets[name] = std::move(a);
  }
  boost::json::array places;
  for (const auto& code : result.places) {
    const Place* p = catalog.FindPlace(code);
    places.push_back({{"code", code}, {"name", p ? TextObject(p->name) : boost::json::object()}});
  }
  body += ",\"total\":" + std::to_string(result.total);
  body += ",\"facets\":" + boost::json::serialize(facets);
  body += ",\"places\":" + boost::json::serialize(places);
  body += ",\"did_you_mean\":";
  // The correction comes from the query or, on later pages, from the cursor the caller sent
  // back: only whole UTF-8 of it is echoed.
  std::string correction = result.did_you_mean ? Utf8Prefix(*result.did_you_mean, 1000) : "";
  if (!correction.empty()) {
    body += '"';
    AppendJsonEscaped(body, correction);
    body += '"';
  } else {
    body += "null";
  }
  return body + "}";
}

void AddPublicRoutes(http::Router& router, DirectoryService& service, const CatalogIndex& catalog, SearchCache& cache,
                     const storage::FieldCipher& cipher) {
  router.Add("GET", "/api/v1/services",
             [&catalog, &cache, &cipher](const http::Request& r) -> Result<http::Response> {
               if (!catalog.loaded()) return Starting();
               ALLMENDE_ASSIGN_OR_RETURN(search::Query q, SearchQueryOf(r, &cipher));
               // Read before searching: a change during the search makes the answer stale at once.
               const std::uint64_t generation = catalog.generation();
               const std::string key = CacheKey(q);
               if (auto answer = cache.Find(key, generation)) return http::JsonText(200, std::move(*answer));
               auto found = catalog.index().Search(q);
               if (auto* bad = std::get_if<search::CursorError>(&found)) return Error::Invalid("cursor", bad->message);
               std::string answer = SearchResultJson(std::get<search::SearchResult>(found), catalog, &cipher);
               cache.Store(key, generation, answer);
               return http::JsonText(200, std::move(answer));
             },
             {.access = http::Access::kPublic, .run_on_io_thread = true});

  router.Add("GET", "/api/v1/services/suggestions",
             [&catalog](const http::Request& r) -> Result<http::Response> {
               if (!catalog.loaded()) return Starting();
               std::string q = Utf8Prefix(r.QueryParam("q").value_or(""), 200);
               auto words = catalog.index().Suggest(q, r.QueryParam("region_id").value_or(""), 8);
               return http::JsonText(200, http::ItemsJson(words, [](const std::string& w) {
                                       std::string s = "\"";
                                       AppendJsonEscaped(s, w);
                                       return s + "\"";
                                     }));
             },
             {.access = http::Access::kPublic, .run_on_io_thread = true});

  router.Add("GET", "/api/v1/services/{id}",
             [&service, &catalog](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_ASSIGN_OR_RETURN(Service s, service.PublicService(std::string(r.Param("id"))));
               return http::JsonText(200, PublicServiceJson(s, catalog.RatingOf(s.organization_id)));
             },
             {.access = http::Access::kPublic});

  router.Add("GET", "/api/v1/providers/{id}",
             [&service, &catalog](const http::Request& r) -> Result<http::Response> {
               std::string id(r.Param("id"));
               ALLMENDE_ASSIGN_OR_RETURN(ProviderProfile p, service.PublicProfile(id));
               ALLMENDE_ASSIGN_OR_RETURN(auto services, service.PublishedOf(id));
               boost::json::object o = ProfileObject(p);
               boost::json::array list;
               for (const auto& s : services) {
                 list.push_back(boost::json::parse(CatalogIndex::SummaryJson(s, *s.published, catalog.RatingOf(id))));
               }
               o["services"] = std::move(list);
               return http::JsonText(200, boost::json::serialize(o));
             },
             {.access = http::Access::kPublic});

  router.Add(
      "GET", "/api/v1/images/{id}",
      [&service](const http::Request& r) -> Result<http::Response> {
        ALLMENDE_ASSIGN_OR_RETURN(Image image, service.GetImage(std::string(r.Param("id"))));
        std::string bytes(image.data_base64.size(), '\0');
        std::size_t size = 0;
        if (sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), image.data_base64.data(),
                              image.data_base64.size(), nullptr, &size, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
          return Error::Internal("A stored image is damaged.");
        }
        bytes.resize(size);
        http::Response response;
        response.content_type = image.content_type;
        response.body = std::move(bytes);
        // Never rendered as a document, even opened on its own; an id's bytes never change.
        response.WithHeader("Content-Security-Policy", "default-src 'none'; sandbox")
            .WithHeader("Content-Disposition", "inline")
            .WithHeader("Cache-Control", "public, max-age=31536000, immutable");
        return response;
      },
      {.access = http::Access::kPublic});

  router.Add("GET", "/api/v1/directory/categories",
             [&catalog](const http::Request&) -> Result<http::Response> {
               if (!catalog.loaded()) return Starting();
               return http::JsonText(200, http::ItemsJson(catalog.categories(), [](const Category& c) {
                                       return boost::json::serialize(CategoryObject(c));
                                     }));
             },
             {.access = http::Access::kPublic, .run_on_io_thread = true});

  router.Add("GET", "/api/v1/directory/places",
             [&catalog](const http::Request&) -> Result<http::Response> {
               if (!catalog.loaded()) return Starting();
               return http::JsonText(200, http::ItemsJson(catalog.places(), [](const Place& p) {
                                       return boost::json::serialize(PlaceObject(p));
                                     }));
             },
             {.access = http::Access::kPublic, .run_on_io_thread = true});
}

}  // namespace allmende::directory
