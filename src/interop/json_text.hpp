// JSON text of a document, with numbers as people write them: Boost.JSON writes 39.9 as
// "3.99E1", which is valid JSON but not what an exported price should look like.
#pragma once

#include <boost/json/value.hpp>
#include <string>

namespace allmende::interop {

// The compact JSON text of `value`; doubles in their shortest round-trip form ("39.9", "40").
std::string JsonText(const boost::json::value& value);

}  // namespace allmende::interop
