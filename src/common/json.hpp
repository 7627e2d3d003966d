// Typed JSON request parsing that collects every field error instead of stopping at the first.
//
//   ALLMENDE_ASSIGN_OR_RETURN(auto doc, ParseJson(request.body));   // 400 with the position
//   JsonFields f(doc);
//   RegionInput in;
//   f.Required("code", &in.code, MaxLength(32));
//   f.Optional("time_zone", &in.time_zone);
//   ALLMENDE_TRY(f.Finish());                                        // 422 with errors[]
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"

namespace allmende {

// Parses a JSON text. On a syntax error returns BadRequest whose message names the line,
// column and byte offset of the first bad character ("Invalid JSON at line 1, column 9 ...").
Result<boost::json::value> ParseJson(std::string_view text);

// A check on a parsed string value: returns an error message, or empty if the value is fine.
using StringCheck = std::function<std::string(const std::string&)>;
StringCheck MaxLength(std::size_t n);
StringCheck NotBlank();
StringCheck OneOf(std::vector<std::string> allowed);

// Reads typed fields of one JSON object, remembering each problem as a FieldError.
class JsonFields {
 public:
  // `prefix` is put before each field name in errors ("address." for a nested object).
  explicit JsonFields(const boost::json::value& doc, std::string prefix = "");

  void Required(std::string_view name, std::string* out, const StringCheck& check = nullptr);
  void Optional(std::string_view name, std::optional<std::string>* out, const StringCheck& check = nullptr);
  void Required(std::string_view name, std::int64_t* out, std::int64_t min = INT64_MIN, std::int64_t max = INT64_MAX);
  void Optional(std::string_view name, std::optional<std::int64_t>* out, std::int64_t min = INT64_MIN,
                std::int64_t max = INT64_MAX);
  void Required(std::string_view name, bool* out);
  void Optional(std::string_view name, std::optional<bool>* out);
  // A list of strings, at most `max_items` of at most `max_length` bytes each; absent or null
  // leaves `out` as it is.
  void Optional(std::string_view name, std::vector<std::string>* out, std::size_t max_items = 100,
                std::size_t max_length = 200);

  // Records an error for each field of the object that no Required/Optional call asked for (a
  // typo such as "gaol" is refused instead of ignored). Call after reading every field.
  void RejectOthers();

  // Records an error for a field the caller checked itself (a cross-field rule).
  void AddError(std::string_view name, std::string message);

  // Ok if no field had a problem; otherwise InvalidArgument listing every FieldError.
  Result<void> Finish();

  bool is_object() const { return object_ != nullptr; }

 private:
  const boost::json::value* Find(std::string_view name, bool required);
  std::string Path(std::string_view name) const { return prefix_ + std::string(name); }

  const boost::json::object* object_ = nullptr;
  std::string prefix_;
  std::vector<FieldError> errors_;
  std::vector<std::string> asked_;
};

// Escapes a string for inclusion in a JSON document (without the surrounding quotes).
void AppendJsonEscaped(std::string& out, std::string_view s);

}  // namespace allmende
