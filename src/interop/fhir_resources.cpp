#include "interop/fhir_resources.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "interop/hsds_export.hpp"
#include "interop/hsds_vocabulary.hpp"
#include "server/problem.hpp"

namespace allmende::interop::fhir {
namespace {

namespace json = boost::json;

// The text in the chosen language and the others as translation extensions (FHIR R4's
// http://hl7.org/fhir/StructureDefinition/translation on the element's "_name").
void PutText(json::object& o, std::string_view element, const directory::LocalizedText& text,
             const std::string& language) {
  std::string main = MainText(text, language);
  if (main.empty()) return;
  o[element] = main;
  json::array translations;
  for (const auto& [lang, value] : text) {
    if (value == main || value.empty()) continue;
    translations.push_back({{"url", "http://hl7.org/fhir/StructureDefinition/translation"},
                            {"extension", json::array{json::object{{"url", "lang"}, {"valueCode", lang}},
                                                      json::object{{"url", "content"}, {"valueString", value}}}}});
  }
  if (!translations.empty()) o["_" + std::string(element)] = json::object{{"extension", std::move(translations)}};
}

std::string FhirTime(const std::string& hhmm) { return hhmm == "24:00" ? "23:59:59" : hhmm + ":00"; }

json::array AvailableTimes(std::vector<directory::OpeningHours> hours) {
  static const char* days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  std::sort(hours.begin(), hours.end(), [](const auto& a, const auto& b) {
    return std::tie(a.weekday, a.opens, a.closes) < std::tie(b.weekday, b.opens, b.closes);
  });
  std::vector<std::pair<std::pair<std::string, std::string>, json::array>> groups;
  for (const auto& h : hours) {
    if (h.weekday < 0 || h.weekday > 6) continue;
    auto key = std::make_pair(h.opens, h.closes);
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == key; });
    if (it == groups.end()) {
      groups.push_back({key, json::array{days[h.weekday]}});
    } else {
      it->second.emplace_back(days[h.weekday]);
    }
  }
  json::array out;
  for (auto& [times, day_list] : groups) {
    json::object t{{"daysOfWeek", std::move(day_list)}};
    if (times.first == "00:00" && times.second == "24:00") {
      t["allDay"] = true;
    } else {
      t["availableStartTime"] = FhirTime(times.first);
      t["availableEndTime"] = FhirTime(times.second);
    }
    out.push_back(std::move(t));
  }
  return out;
}

std::string Country(const directory::Place& p) {
  std::string c = p.code.substr(0, p.code.find('-'));
  for (char& ch : c) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return c;
}

std::string IssueCode(ErrorCode code) {
  switch (code) {
    case ErrorCode::kBadRequest:
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kUnsupportedMediaType:
      return "invalid";
    case ErrorCode::kNotFound:
      return "not-found";
    case ErrorCode::kMethodNotAllowed:
      return "not-supported";
    case ErrorCode::kConflict:
    case ErrorCode::kPreconditionFailed:
      return "conflict";
    case ErrorCode::kPermissionDenied:
    case ErrorCode::kMfaRequired:
      return "forbidden";
    case ErrorCode::kUnauthenticated:
      return "login";
    case ErrorCode::kPayloadTooLarge:
    case ErrorCode::kHeadersTooLarge:
      return "too-costly";
    case ErrorCode::kRequestTimeout:
      return "timeout";
    case ErrorCode::kTooManyRequests:
      return "throttled";
    case ErrorCode::kUnavailable:
      return "transient";
    case ErrorCode::kInternal:
      return "exception";
  }
  return "exception";
}

}  // namespace

std::string FhirId(std::string_view id) {
  std::string out(id);
  std::replace(out.begin(), out.end(), '_', '-');
  return out;
}

std::string OurId(std::string_view fhir_id) {
  std::string out(fhir_id);
  if (auto dash = out.find('-'); dash != std::string::npos) out[dash] = '_';
  return out;
}

json::object HealthcareServiceResource(const directory::Service& s, const directory::CatalogIndex& catalog,
                                       const std::string& language) {
  const directory::ServiceContent& c = *s.published;
  json::object r{{"resourceType", "HealthcareService"}, {"id", FhirId(s.id)}};
  if (s.published_at) r["meta"] = {{"lastUpdated", *s.published_at}};
  r["active"] = true;
  r["providedBy"] = {{"reference", "Organization/" + FhirId(s.organization_id)}, {"display", s.organization_name}};
  json::object coding{{"system", kCategorySystem}, {"code", c.category}};
  if (const directory::Category* cat = catalog.FindCategory(c.category)) {
    if (auto name = MainText(cat->name, language); !name.empty()) coding["display"] = name;
  }
  r["category"] = json::array{json::object{{"coding", json::array{std::move(coding)}}}};
  PutText(r, "name", c.name, language);
  PutText(r, "extraDetails", c.description, language);
  json::array coverage;
  for (const auto& list : {&c.area.municipalities, &c.area.districts}) {
    for (const auto& code : *list) {
      json::object ref{{"reference", "Location/" + code}};
      if (const directory::Place* p = catalog.FindPlace(code)) ref["display"] = MainText(p->name, language);
      coverage.push_back(std::move(ref));
    }
  }
  for (const auto& code : c.area.postal_codes) {
    coverage.push_back(json::object{{"type", "Location"},
                                    {"identifier", json::object{{"system", kPostalCodeSystem}, {"value", code}}},
                                    {"display", "postal code " + code}});
  }
  if (!coverage.empty()) r["coverageArea"] = std::move(coverage);
  json::array languages;
  for (const auto& l : c.languages) {
    json::object coding{{"system", "urn:ietf:bcp:47"}, {"code", l}, {"display", LanguageName(l)}};
    languages.push_back(json::object{{"coding", json::array{std::move(coding)}}});
  }
  if (!languages.empty()) r["communication"] = std::move(languages);
  if (auto times = AvailableTimes(c.hours); !times.empty()) r["availableTime"] = std::move(times);
  return r;
}

json::object OrganizationResource(const directory::ProviderRecord& provider, const std::string& language) {
  const directory::ProviderProfile& p = provider.profile;
  json::object r{{"resourceType", "Organization"}, {"id", FhirId(p.organization_id)}};
  if (provider.business_id) {
    r["identifier"] = json::array{json::object{{"system", kBusinessIdSystem}, {"value", *provider.business_id}}};
  }
  r["active"] = true;
  bool community = p.kind == "association" || p.kind == "volunteer_group";
  r["type"] = json::array{json::object{
      {"coding", json::array{json::object{{"system", "http://terminology.hl7.org/CodeSystem/organization-type"},
                                          {"code", community ? "cg" : "prov"},
                                          {"display", community ? "Community Group" : "Healthcare Provider"}}}}}};
  r["name"] = p.name;
  json::array telecom;
  if (!p.phone.empty()) telecom.push_back({{"system", "phone"}, {"value", p.phone}});
  if (!p.email.empty()) telecom.push_back({{"system", "email"}, {"value", p.email}});
  if (!p.website.empty()) telecom.push_back({{"system", "url"}, {"value", p.website}});
  if (!telecom.empty()) r["telecom"] = std::move(telecom);
  if (auto description = MainText(p.description, language); !description.empty()) {
    // R4's Organization has no description; the core extension for it is R5's, so it travels as
    // the narrative a reader shows.
    std::string div = "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>";
    for (char ch : description) {
      if (ch == '<') {
        div += "&lt;";
      } else if (ch == '>') {
        div += "&gt;";
      } else if (ch == '&') {
        div += "&amp;";
      } else {
        div += ch;
      }
    }
    r["text"] = {{"status", "generated"}, {"div", div + "</p></div>"}};
  }
  return r;
}

json::object LocationResource(const directory::Place& p, const directory::CatalogIndex& catalog) {
  json::object r{{"resourceType", "Location"},
                 {"id", p.code},
                 {"identifier", json::array{json::object{{"system", kPlaceSystem}, {"value", p.code}}}},
                 {"status", "active"},
                 {"name", MainText(p.name, "fi")}};
  json::array alias;
  for (const auto& [lang, name] : p.name) {
    if (name != MainText(p.name, "fi")) alias.emplace_back(name);
  }
  if (!alias.empty()) r["alias"] = std::move(alias);
  r["description"] = p.kind == "district" ? "district" : "municipality";
  r["mode"] = "instance";
  r["physicalType"] = {
      {"coding", json::array{json::object{{"system", "http://terminology.hl7.org/CodeSystem/location-physical-type"},
                                          {"code", "area"},
                                          {"display", "Area"}}}}};
  const directory::Place* municipality = p.kind == "district" ? catalog.FindPlace(p.municipality_code) : &p;
  json::object address{{"type", "physical"}, {"country", Country(p)}};
  if (municipality) address["city"] = MainText(municipality->name, "fi");
  if (p.postal_codes.size() == 1) address["postalCode"] = p.postal_codes.front();
  r["address"] = std::move(address);
  if (p.kind == "district" && municipality) {
    r["partOf"] = {{"reference", "Location/" + municipality->code}, {"display", MainText(municipality->name, "fi")}};
  }
  return r;
}

json::object CapabilityStatement(const std::string& base_url, const std::string& date) {
  auto param = [](const char* name, const char* type, const char* doc) {
    return json::object{{"name", name}, {"type", type}, {"documentation", doc}};
  };
  auto resource = [](const char* type, json::array params) {
    return json::object{
        {"type", type},
        {"interaction", json::array{json::object{{"code", "read"}}, json::object{{"code", "search-type"}}}},
        {"searchParam", std::move(params)}};
  };
  json::array resources{
      resource("HealthcareService",
               {param("name", "string", "Starts with, in any language, ignoring case and accents (:contains, :exact)."),
                param("service-category", "token",
                      "A category code, with or without the system urn:allmende:service-category."),
                param("location", "reference", "A place served: its code (fi-837), Location/fi-837, or its name."),
                param("_count", "number", "Results per page, 1 to 100 (default 20)."),
                param("_offset", "number", "Results to skip (the next link sets it).")}),
      resource("Organization", {param("name", "string", "Starts with, ignoring case and accents (:contains, :exact)."),
                                param("_count", "number", "Results per page, 1 to 100 (default 20)."),
                                param("_offset", "number", "Results to skip.")}),
      resource("Location", {param("name", "string", "Starts with, in Finnish or Swedish, ignoring case and accents."),
                            param("_count", "number", "Results per page, 1 to 100 (default 20)."),
                            param("_offset", "number", "Results to skip.")}),
  };
  return {{"resourceType", "CapabilityStatement"},
          {"status", "active"},
          {"date", date},
          {"publisher", "Allmende"},
          {"kind", "instance"},
          {"software", {{"name", "Allmende"}}},
          {"implementation", {{"description", "The published service directory, read only"}, {"url", base_url}}},
          {"fhirVersion", "4.0.1"},
          {"format", json::array{"json"}},
          {"rest", json::array{json::object{
                       {"mode", "server"},
                       {"documentation", "Public: published services, their providers and the places they serve."},
                       {"resource", std::move(resources)}}}}};
}

json::object SearchBundle(const std::vector<json::object>& resources, const std::string& base_url, std::int64_t total,
                          const std::string& self, const std::string& next) {
  json::array links{json::object{{"relation", "self"}, {"url", self}}};
  if (!next.empty()) links.push_back({{"relation", "next"}, {"url", next}});
  json::array entries;
  for (const auto& r : resources) {
    entries.push_back({{"fullUrl", base_url + "/" + std::string(r.at("resourceType").as_string()) + "/" +
                                       std::string(r.at("id").as_string())},
                       {"resource", r},
                       {"search", {{"mode", "match"}}}});
  }
  json::object bundle{{"resourceType", "Bundle"}, {"type", "searchset"}, {"total", total}, {"link", std::move(links)}};
  if (!entries.empty()) bundle["entry"] = std::move(entries);
  return bundle;
}

json::object OperationOutcome(const Error& error, std::string_view request_id) {
  json::array issues;
  std::string diagnostics =
      error.code == ErrorCode::kInternal
          ? "An unexpected error occurred. Please quote request id " + std::string(request_id) + " when reporting it."
          : error.message;
  if (error.fields.empty()) {
    issues.push_back({{"severity", "error"}, {"code", IssueCode(error.code)}, {"diagnostics", diagnostics}});
  }
  for (const auto& f : error.fields) {
    issues.push_back({{"severity", "error"},
                      {"code", IssueCode(error.code)},
                      {"diagnostics", f.message},
                      {"expression", json::array{f.field}}});
  }
  return {{"resourceType", "OperationOutcome"}, {"issue", std::move(issues)}};
}

http::Response FhirResponse(int status, const json::value& resource) {
  http::Response r;
  r.status = status;
  r.content_type = std::string(kContentType);
  r.body = json::serialize(resource);
  return r;
}

http::Response OutcomeResponse(const Error& error, std::string_view request_id) {
  http::Response r = FhirResponse(http::StatusFor(error.code), OperationOutcome(error, request_id));
  if (error.retry_after_seconds > 0) r.headers.emplace_back("Retry-After", std::to_string(error.retry_after_seconds));
  return r;
}

}  // namespace allmende::interop::fhir
