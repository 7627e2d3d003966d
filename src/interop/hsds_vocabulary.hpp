// The identifiers and taxonomies our HSDS 3.0 documents use.
//
// HSDS wants every object's id to be a UUID. Our own records (organizations, services) carry a
// ULID after their prefix, whose 128 bits are written as a UUID; objects we do not store on their
// own (a schedule, a cost option, a taxonomy term) get a UUID derived from a name that says what
// they are ("svc_…/schedule/0"), so two exports of the same data carry the same ids.
//
// Three taxonomies classify and extend what HSDS has no field for, through HSDS attributes:
//   allmende_service_categories  our categories (directory_categories), link_type "category"
//   ISO 639-1                    languages: a text in a language (link_type = the field it
//                                translates, value = the text), or a language spoken (link_type "language")
//   allmende_details             values HSDS has no field for (VAT rate, labour share, lead time,
//                                capacity, quality labels, insurance, a provider's own area)
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "directory/directory_types.hpp"

namespace allmende::interop {

inline constexpr std::string_view kCategoryTaxonomy = "allmende_service_categories";
inline constexpr std::string_view kLanguageTaxonomy = "ISO 639-1";
inline constexpr std::string_view kDetailTaxonomy = "allmende_details";

// The detail terms (taxonomy allmende_details).
inline constexpr std::string_view kVatRate = "vat_rate";          // percent included in the amount, "25.5"
inline constexpr std::string_view kLabourShare = "labour_share";  // percent of the price that is labour
inline constexpr std::string_view kLeadTimeDays = "lead_time_days";
inline constexpr std::string_view kCapacityPerWeek = "capacity_per_week";
inline constexpr std::string_view kQualityLabel = "quality_label";
inline constexpr std::string_view kInsurance = "insurance";
inline constexpr std::string_view kProviderArea = "service_area";  // a place a provider serves (code or postal code)

// The UUID of one of our ids: the ULID after the prefix as 128 bits ("svc_01J…" → "0191…-…");
// a string that is no such id gets NameUuid(id).
std::string UuidOfId(std::string_view id);
// A UUID derived from `name` (a 128-bit FNV-1a hash marked as version 8, RFC 9562): the same
// name always gives the same UUID.
std::string NameUuid(std::string_view name);

// The UUID of a taxonomy, and of one of its terms.
std::string TaxonomyUuid(std::string_view taxonomy);
std::string TermUuid(std::string_view taxonomy, std::string_view code);

// A language's own name ("suomi", "svenska"); the code itself for one we do not know.
std::string LanguageName(const std::string& code);

// A taxonomy term of ours, as HSDS describes it.
struct Term {
  std::string taxonomy;  // one of the three above
  std::string code;
  std::string name;
  std::string description;
  std::string language;  // of `name`
};

// The term of a category, named in `language` if it has a name in it (else in English).
Term CategoryTerm(const directory::Category& category, const std::string& language);
// Every term of our taxonomies: the categories (named in `language` where they have it), the
// five languages, the details.
std::vector<Term> AllTerms(const std::vector<directory::Category>& categories, const std::string& language);
// The HSDS taxonomy objects of the three taxonomies (schema/taxonomy.json).
std::vector<boost::json::object> TaxonomyObjects();
// The HSDS taxonomy_term object of a term (schema/taxonomy_term.json).
boost::json::object TermObject(const Term& term);

// The term a taxonomy_term id names, if it is one of ours: its taxonomy and code.
struct TermRef {
  std::string taxonomy;
  std::string code;
};
std::optional<TermRef> TermOfUuid(std::string_view uuid, const std::vector<directory::Category>& categories);

}  // namespace allmende::interop
