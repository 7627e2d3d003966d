#include <boost/json.hpp>
#include <charconv>

#include "common/json.hpp"
#include "interop/hsds_export.hpp"
#include "interop/hsds_import.hpp"
#include "interop/hsds_vocabulary.hpp"
#include "interop/interop_handlers.hpp"
#include "interop/json_text.hpp"

namespace allmende::interop {
namespace {

namespace json = boost::json;

// What one import may hold. Reading a record costs far more memory than its JSON text, so the
// counts are bounded before it is read: 20,000 services is about 140 MB of export.
constexpr std::size_t kMaxImportValues = 3'000'000;
constexpr std::size_t kMaxImportServices = 20'000;

Result<void> WithinImportLimits(const json::value& doc) {
  std::size_t values = 0;
  std::vector<const json::value*> pending{&doc};
  while (!pending.empty()) {
    const json::value* v = pending.back();
    pending.pop_back();
    if (++values > kMaxImportValues) {
      return Error::Invalid("body", "The file is too large for one import: split it by organizations.");
    }
    if (const auto* a = v->if_array()) {
      for (const auto& item : *a) pending.push_back(&item);
    } else if (const auto* o = v->if_object()) {
      for (const auto& [key, item] : *o) pending.push_back(&item);
    }
  }
  const json::array* organizations = doc.if_array();
  if (const auto* o = doc.if_object()) {
    if (const auto* contents = o->if_contains("contents")) organizations = contents->if_array();
  }
  std::size_t services = 0;
  for (std::size_t i = 0; organizations && i < organizations->size(); ++i) {
    const auto* org = (*organizations)[i].if_object();
    const auto* list = org ? org->if_contains("services") : nullptr;
    if (list && list->is_array()) services += list->get_array().size();
  }
  if (services > kMaxImportServices) {
    return Error::Invalid("body", "Import at most 20,000 services at once: split the file by organizations.");
  }
  return Ok();
}

// A whole-number query parameter from `min` to `max`; `fallback` when absent.
Result<int> NumberParam(const http::Request& r, std::string_view name, int fallback, int min, int max) {
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

Result<std::string> RegionParam(const http::Request& r) {
  auto region = r.QueryParam("region_id");
  if (!region || region->empty()) return Error::Invalid("region_id", "Name the region (region_id).");
  return *region;
}

std::string ReportJson(const directory::ImportReport& report) {
  json::array warnings;
  for (const auto& w : report.warnings) warnings.push_back({{"field", w.field}, {"message", w.message}});
  return json::serialize(json::object{{"providers", report.providers},
                                      {"services_published", report.services_published},
                                      {"services_unchanged", report.services_unchanged},
                                      {"warnings", std::move(warnings)}});
}

// The reference API's page of `items` (all on one page: our taxonomies are short).
std::string ListPage(json::array items) {
  bool empty = items.empty();
  std::int64_t size = static_cast<std::int64_t>(items.size());
  return json::serialize(json::object{{"total_items", size},
                                      {"total_pages", empty ? 0 : 1},
                                      {"page_number", 1},
                                      {"size", size},
                                      {"first_page", true},
                                      {"last_page", true},
                                      {"empty", empty},
                                      {"contents", std::move(items)}});
}

}  // namespace

void AddHsdsRoutes(http::Router& router, directory::DirectoryExchange& exchange,
                   const directory::CatalogIndex& catalog) {
  router.Add("GET", "/api/v1/directory/hsds",
             [&exchange, &catalog](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_TRY(Ready(catalog));
               ALLMENDE_ASSIGN_OR_RETURN(std::string region, RegionParam(r));
               ALLMENDE_ASSIGN_OR_RETURN(int page, NumberParam(r, "page", 1, 1, 1'000'000));
               ALLMENDE_ASSIGN_OR_RETURN(int per_page, NumberParam(r, "per_page", 100, 1, 500));
               ALLMENDE_ASSIGN_OR_RETURN(auto directory,
                                         exchange.PublishedPage(region, (page - 1) * per_page, per_page));
               return http::JsonText(200, JsonText(HsdsPage(directory, catalog, {page, per_page})));
             },
             {.access = http::Access::kPublic});

  router.Add("GET", "/api/v1/directory/hsds/taxonomies",
             [](const http::Request&) -> Result<http::Response> {
               json::array items;
               for (auto& t : TaxonomyObjects()) items.push_back(std::move(t));
               return http::JsonText(200, ListPage(std::move(items)));
             },
             {.access = http::Access::kPublic, .run_on_io_thread = true});

  router.Add("GET", "/api/v1/directory/hsds/taxonomy_terms",
             [&catalog](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_TRY(Ready(catalog));
               std::string language = r.QueryParam("language").value_or("en");
               json::array items;
               for (const auto& t : AllTerms(catalog.categories(), language)) items.push_back(TermObject(t));
               return http::JsonText(200, ListPage(std::move(items)));
             },
             {.access = http::Access::kPublic, .run_on_io_thread = true});

  router.Add("POST", "/api/v1/directory/hsds/import",
             [&exchange, &catalog](const http::Request& r) -> Result<http::Response> {
               ALLMENDE_TRY(Ready(catalog));
               ALLMENDE_ASSIGN_OR_RETURN(auto actor, access::Actor::Of(r));
               ALLMENDE_ASSIGN_OR_RETURN(std::string region, RegionParam(r));
               ALLMENDE_TRY(exchange.MayImport(actor, region));  // before the body costs anything
               ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(r.body));
               ALLMENDE_TRY(WithinImportLimits(doc));
               ALLMENDE_ASSIGN_OR_RETURN(auto report, exchange.Import(actor, region, ReadHsds(doc, catalog)));
               return http::JsonText(200, ReportJson(report));
             },
             {.access = http::Access::kPolicy,
              .action = "directory.import",
              .body_limit = kImportBodyLimit,
              .json_body = true});
}

}  // namespace allmende::interop
