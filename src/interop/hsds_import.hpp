// Reads Open Referral HSDS 3.0 organizations into the directory's import records: what
// hsds_export.hpp writes reads back to the same directory, and other publishers' data is read as
// far as our directory can hold it. Pure: no database, no clock.
//
// What is read (everything else HSDS has is ignored):
//   organization  name, description, email, website, legal_status (→ kind), organization_identifiers
//                 (the business id), contacts[0] / phones[0] (email, phone), attributes (texts in
//                 each language, languages spoken, quality labels, insurance, the area served)
//   service       name, description, status (only "active" is imported), languages[].code,
//                 schedules (weekly: byday, opens_at, closes_at), service_areas (a place code, a
//                 postal code or a place's name in extent or name; else service_at_locations'
//                 locations), cost_options (option fixed / hourly / per_visit / minimum_charge,
//                 amount, currency, VAT rate and labour share attributes), funding[].source (the
//                 purchaser whose voucher it accepts), attributes (the category, texts in each
//                 language, lead time, capacity)
#pragma once

#include <boost/json/value.hpp>

#include "directory/catalog_index.hpp"
#include "directory/directory_exchange.hpp"

namespace allmende::interop {

// Reads the page HsdsPage writes ({"contents": [organization, …]}) or a bare array of
// organizations (compiled/organization_package.json). Never fails: a value that cannot be read
// is an error of its record, with its JSON path ("contents[3].services[0].name"); a document
// that is neither form is an error of the batch. `catalog` knows the categories and places.
directory::ImportBatch ReadHsds(const boost::json::value& document, const directory::CatalogIndex& catalog);

}  // namespace allmende::interop
