// A region's published directory as Open Referral HSDS 3.0: the reference API's page of
// organizations (schema/openapi.json, GET /organizations), each organization fully nested as
// schema/compiled/organization.json has it, with its services, their schedules, service areas,
// cost options, languages, funding, service_at_locations and attributes (categories, texts in
// every language, details). Pure: no database, no clock.
#pragma once

#include <boost/json/object.hpp>

#include "directory/catalog_index.hpp"
#include "directory/directory_exchange.hpp"

namespace allmende::interop {

// Which page of how many: HSDS pages count from 1.
struct PageNumber {
  int number = 1;
  int per_page = 100;
};

// The HSDS page: total_items, total_pages, page_number, size, first_page, last_page, empty and
// contents (the organizations). `catalog` names the categories and places.
boost::json::object HsdsPage(const directory::DirectoryPage& page, const directory::CatalogIndex& catalog,
                             PageNumber at);

// One organization with its services (compiled/organization.json).
boost::json::object HsdsOrganization(const directory::PublishedProvider& provider, const tenancy::Region& region,
                                     const std::map<std::string, std::string>& purchasers,
                                     const directory::CatalogIndex& catalog);

// The text in the region's language, else in fi, sv, en, de, da, else any; "" if there is none.
std::string MainText(const directory::LocalizedText& text, const std::string& language);

}  // namespace allmende::interop
