// The JSON of the directory's types: what the API answers, what it accepts, and how content is
// stored (the same shape everywhere, so a stored draft is exactly what its editor sent).
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "directory/directory_types.hpp"

namespace allmende::directory {

boost::json::object ContentObject(const ServiceContent& content);
boost::json::object ProfileObject(const ProviderProfile& profile);
boost::json::object CategoryObject(const Category& category);
boost::json::object PlaceObject(const Place& place);
boost::json::object AreaObject(const ServiceArea& area);
boost::json::object TextObject(const LocalizedText& text);

// Reads content from a request's JSON. Adds a FieldError (field path like "price.amount" or
// "hours[1].opens") for every value of the wrong type or shape; the rules of the domain (a known
// category, a place of the gazetteer) are the service's to check.
ServiceContent ParseContent(const boost::json::value& doc, std::vector<FieldError>& errors);
// Likewise for a profile; fields the document leaves out keep their value in `base`.
ProviderProfile ParseProfile(const boost::json::value& doc, ProviderProfile base, std::vector<FieldError>& errors);

// Content as stored in the database, and back. Stored JSON was written by ContentObject, so
// reading it back fails only on a damaged row (Internal).
std::string StoredContent(const ServiceContent& content);
Result<ServiceContent> ContentFromStored(std::string_view json);
std::string StoredText(const LocalizedText& text);
LocalizedText TextFromStored(std::string_view json);
std::string StoredList(const std::vector<std::string>& list);
std::vector<std::string> ListFromStored(std::string_view json);
std::string StoredArea(const ServiceArea& area);
ServiceArea AreaFromStored(std::string_view json);

}  // namespace allmende::directory
