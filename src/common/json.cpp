#include "common/json.hpp"

#include <algorithm>
#include <boost/json/parser.hpp>
#include <boost/json/stream_parser.hpp>
#include <cstdio>

namespace allmende {

Result<boost::json::value> ParseJson(std::string_view text) {
  boost::json::stream_parser parser;
  boost::system::error_code ec;
  std::size_t consumed = parser.write_some(text.data(), text.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    // write_some stops at the offending character; `consumed` counts the characters before it.
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < consumed && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
      return Error::BadRequest("The request body is empty; a JSON document was expected.");
    }
    return Error::BadRequest("Invalid JSON at line " + std::to_string(line) + ", column " + std::to_string(column) +
                             " (byte " + std::to_string(consumed) + "): " + ec.message() + ".");
  }
  return parser.release();
}

StringCheck MaxLength(std::size_t n) {
  return [n](const std::string& s) -> std::string {
    // Count code points, not bytes: "Hervannan kotipalvelu" in any script has the same limit.
    std::size_t count = 0;
    for (unsigned char c : s) count += (c & 0xC0) != 0x80;
    return count > n ? "must be at most " + std::to_string(n) + " characters" : "";
  };
}

StringCheck NotBlank() {
  return [](const std::string& s) -> std::string {
    return s.find_first_not_of(" \t\r\n") == std::string::npos ? "must not be blank" : "";
  };
}

StringCheck OneOf(std::vector<std::string> allowed) {
  return [allowed = std::move(allowed)](const std::string& s) -> std::string {
    for (const auto& a : allowed) {
      if (a == s) return "";
    }
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    return "must be one of: " + list;
  };
}

JsonFields::JsonFields(const boost::json::value& doc, std::string prefix) : prefix_(std::move(prefix)) {
  object_ = doc.if_object();
  if (!object_) errors_.push_back({prefix_.empty() ? "$" : prefix_, "must be a JSON object"});
}

const boost::json::value* JsonFields::Find(std::string_view name, bool required) {
  if (!object_) return nullptr;
  asked_.emplace_back(name);
  auto it = object_->find(name);
  if (it == object_->end() || (!required && it->value().is_null())) {
    if (required) errors_.push_back({Path(name), "is required"});
    return nullptr;
  }
  return &it->value();
}

void JsonFields::Required(std::string_view name, std::string* out, const StringCheck& check) {
  const auto* v = Find(name, true);
  if (!v) return;
  if (!v->is_string()) {
    errors_.push_back({Path(name), "must be a string"});
    return;
  }
  *out = std::string(v->get_string());
  if (check) {
    if (auto m = check(*out); !m.empty()) errors_.push_back({Path(name), m});
  }
}

void JsonFields::Optional(std::string_view name, std::optional<std::string>* out, const StringCheck& check) {
  const auto* v = Find(name, false);
  if (!v) return;
  if (!v->is_string()) {
    errors_.push_back({Path(name), "must be a string"});
    return;
  }
  *out = std::string(v->get_string());
  if (check) {
    if (auto m = check(**out); !m.empty()) errors_.push_back({Path(name), m});
  }
}

void JsonFields::Optional(std::string_view name, std::vector<std::string>* out, std::size_t max_items,
                          std::size_t max_length) {
  const auto* v = Find(name, false);
  if (!v) return;
  if (!v->is_array()) {
    errors_.push_back({Path(name), "must be a list of strings"});
    return;
  }
  const auto& a = v->get_array();
  if (a.size() > max_items) {
    errors_.push_back({Path(name), "may have at most " + std::to_string(max_items) + " items"});
    return;
  }
  std::vector<std::string> items;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!a[i].is_string() || a[i].get_string().size() > max_length) {
      errors_.push_back({Path(name) + "[" + std::to_string(i) + "]",
                         "must be a string of at most " + std::to_string(max_length) + " characters"});
      return;
    }
    items.emplace_back(a[i].get_string());
  }
  *out = std::move(items);
}

namespace {
std::string IntegerRange(std::int64_t min, std::int64_t max) {
  if (min == INT64_MIN && max == INT64_MAX) return "must be an integer";
  if (max == INT64_MAX) return "must be an integer of at least " + std::to_string(min);
  if (min == INT64_MIN) return "must be an integer of at most " + std::to_string(max);
  return "must be an integer from " + std::to_string(min) + " to " + std::to_string(max);
}

std::optional<std::int64_t> AsInteger(const boost::json::value& v) {
  if (v.is_int64()) return v.get_int64();
  if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    return static_cast<std::int64_t>(v.get_uint64());
  }
  if (v.is_double()) {
    double d = v.get_double();
    // 3.0 is an integer in JSON's number model; 3.5 is not.
    if (d > -9.2e18 && d < 9.2e18 && d == static_cast<double>(static_cast<std::int64_t>(d))) {
      return static_cast<std::int64_t>(d);
    }
  }
  return std::nullopt;
}
}  // namespace

void JsonFields::Required(std::string_view name, std::int64_t* out, std::int64_t min, std::int64_t max) {
  const auto* v = Find(name, true);
  if (!v) return;
  auto n = AsInteger(*v);
  if (!n || *n < min || *n > max) {
    errors_.push_back({Path(name), IntegerRange(min, max)});
    return;
  }
  *out = *n;
}

void JsonFields::Optional(std::string_view name, std::optional<std::int64_t>* out, std::int64_t min, std::int64_t max) {
  const auto* v = Find(name, false);
  if (!v) return;
  auto n = AsInteger(*v);
  if (!n || *n < min || *n > max) {
    errors_.push_back({Path(name), IntegerRange(min, max)});
    return;
  }
  *out = n;
}

void JsonFields::Required(std::string_view name, bool* out) {
  const auto* v = Find(name, true);
  if (!v) return;
  if (!v->is_bool()) {
    errors_.push_back({Path(name), "must be true or false"});
    return;
  }
  *out = v->get_bool();
}

void JsonFields::Optional(std::string_view name, std::optional<bool>* out) {
  const auto* v = Find(name, false);
  if (!v) return;
  if (!v->is_bool()) {
    errors_.push_back({Path(name), "must be true or false"});
    return;
  }
  *out = v->get_bool();
}

void JsonFields::AddError(std::string_view name, std::string message) {
  errors_.push_back({Path(name), std::move(message)});
}

void JsonFields::RejectOthers() {
  if (!object_) return;
  for (const auto& [key, value] : *object_) {
    if (std::find(asked_.begin(), asked_.end(), std::string_view(key)) == asked_.end()) {
      errors_.push_back({Path(key), "is not a field of this request"});
    }
  }
}

Result<void> JsonFields::Finish() {
  if (errors_.empty()) return Ok();
  return Error::Invalid(std::move(errors_));
}

void AppendJsonEscaped(std::string& out, std::string_view s) {
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out.push_back(ch);
        }
    }
  }
}

}  // namespace allmende
