// The pieces hsds_import.cpp reads HSDS with: typed values at JSON paths, our attributes, places,
// prices and opening hours. Each records its problems as FieldErrors with the value's path.
#pragma once

#include <boost/json.hpp>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "directory/catalog_index.hpp"
#include "interop/hsds_vocabulary.hpp"

namespace allmende::interop {

// Typed members of the JSON objects of one record, each problem an error with its path.
class Fields {
 public:
  explicit Fields(std::vector<FieldError>& errors) : errors_(errors) {}

  // The object at `path`; null (and an error) if `v` is none.
  const boost::json::object* Object(const boost::json::value& v, const std::string& path);
  // A member's string; nullopt if absent or null, an error if of another type.
  std::optional<std::string> String(const boost::json::object& o, std::string_view key, const std::string& path);
  // A member's array; null if absent or null, an error if of another type.
  const boost::json::array* Array(const boost::json::object& o, std::string_view key, const std::string& path);
  void Error(std::string path, std::string message) { errors_.push_back({std::move(path), std::move(message)}); }
  std::vector<FieldError>& errors() { return errors_; }

 private:
  std::vector<FieldError>& errors_;
};

// An attribute whose term is one of ours.
struct OurAttribute {
  TermRef term;
  std::string link_type;
  std::optional<std::string> value;
  std::string path;  // of the attribute
};

// The attributes at `path` + ".attributes" whose terms are ours (by taxonomy_term_id, or by the
// term's taxonomy, taxonomy_id or taxonomy_detail.name and code); others are someone else's and ignored.
std::vector<OurAttribute> ReadAttributes(const boost::json::object& o, const std::string& path, Fields& f,
                                         const std::vector<directory::Category>& categories);

// Texts of `field` in each language given by attributes (link_type = field, ISO 639-1 term);
// without any, the object's own member `field` as the text of the region's language ("" key).
// Records the path of each language's text in paths[prefix + "." + lang].
directory::LocalizedText ReadTexts(const boost::json::object& o, const std::string& path, const std::string& field,
                                   const std::vector<OurAttribute>& attributes, Fields& f, const std::string& prefix,
                                   std::map<std::string, std::string>& paths);

// Adds the place that `code` or else `name` names to `area` (a place code, a postal code, or a
// municipality's or district's name in Finnish or Swedish); an error at `path` if none does.
// Records paths[prefix + ".municipalities[i]"] (or districts, postal_codes).
void AddPlace(const directory::CatalogIndex& catalog, const std::string& code, const std::string& name,
              const std::string& path, Fields& f, directory::ServiceArea& area, const std::string& prefix,
              std::map<std::string, std::string>& paths);

// The price from cost_options at `path` + ".cost_options" (paths "price.…").
void ReadPrice(const boost::json::object& service, const std::string& path, Fields& f,
               const std::vector<directory::Category>& categories, directory::Price& price,
               std::map<std::string, std::string>& paths);

// Opening hours from weekly schedules at `path` + ".schedules" (paths "hours[i]…"); a schedule
// without hours is left out with a warning.
void ReadHours(const boost::json::object& service, const std::string& path, Fields& f,
               std::vector<FieldError>& warnings, std::vector<directory::OpeningHours>& hours,
               std::map<std::string, std::string>& paths);

// A whole number of 0 to 1e9 written as digits; nullopt otherwise.
std::optional<int> WholeNumber(const std::string& text);

}  // namespace allmende::interop
