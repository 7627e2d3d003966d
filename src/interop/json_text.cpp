#include "interop/json_text.hpp"

#include <boost/json.hpp>
#include <charconv>
#include <cmath>

#include "common/json.hpp"

namespace allmende::interop {
namespace {

void Append(std::string& out, const boost::json::value& v) {
  switch (v.kind()) {
    case boost::json::kind::null:
      out += "null";
      return;
    case boost::json::kind::bool_:
      out += v.get_bool() ? "true" : "false";
      return;
    case boost::json::kind::int64:
      out += std::to_string(v.get_int64());
      return;
    case boost::json::kind::uint64:
      out += std::to_string(v.get_uint64());
      return;
    case boost::json::kind::double_: {
      double d = v.get_double();
      if (!std::isfinite(d)) {
        out += "null";  // JSON has no infinity; we never write one
        return;
      }
      char buffer[32];
      auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, d);
      out.append(buffer, ec == std::errc() ? end : buffer);
      return;
    }
    case boost::json::kind::string:
      out += '"';
      AppendJsonEscaped(out, v.get_string());
      out += '"';
      return;
    case boost::json::kind::array: {
      out += '[';
      bool first = true;
      for (const auto& item : v.get_array()) {
        if (!first) out += ',';
        first = false;
        Append(out, item);
      }
      out += ']';
      return;
    }
    case boost::json::kind::object: {
      out += '{';
      bool first = true;
      for (const auto& [key, item] : v.get_object()) {
        if (!first) out += ',';
        first = false;
        out += '"';
        AppendJsonEscaped(out, key);
        out += "\":";
        Append(out, item);
      }
      out += '}';
      return;
    }
  }
}

}  // namespace

std::string JsonText(const boost::json::value& value) {
  std::string out;
  Append(out, value);
  return out;
}

}  // namespace allmende::interop
