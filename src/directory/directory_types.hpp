// The service directory: providers' public profiles, their services, the review that publishes
// them, and the reference data (categories, places) they are described with.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace allmende::directory {

// Text in several languages, by language code (fi, sv, en, de, da); at least one is required
// wherever a name is.
using LocalizedText = std::map<std::string, std::string>;

// A category of the maintained taxonomy (table directory_categories).
struct Category {
  std::string code;  // "cleaning", "home_help", …
  int position = 0;
  LocalizedText name;
};

// A municipality or district of the gazetteer (table directory_places). Codes are national:
// "fi-837" is the municipality of Tampere, "fi-837-hervanta" a district of it.
struct Place {
  std::string code;
  std::string kind;               // municipality, district
  std::string municipality_code;  // a district's municipality; a municipality's own code
  LocalizedText name;             // fi and sv at least where the place has a Swedish name
  std::vector<std::string> postal_codes;
};

// Where a service or provider serves.
struct ServiceArea {
  std::vector<std::string> municipalities;  // place codes served entirely
  std::vector<std::string> districts;       // place codes of districts served (part of a municipality)
  std::vector<std::string> postal_codes;    // five digits
};

// What a service costs. Amounts in minor units (cents) of `currency`, VAT included.
struct Price {
  std::string model;  // fixed, hourly, per_visit
  std::int64_t amount = 0;
  std::string currency = "EUR";
  std::int64_t minimum_charge = 0;  // the least a visit or order costs; 0: none
  int vat_rate_bp = 0;              // basis points: 2550 is 25.5 %
  int labour_share_bp = 0;          // share of the price that is labour (household tax credit), basis points
};

// Opening hours on one weekday: 0 is Monday … 6 Sunday; "08:00" to "16:00" local time.
struct OpeningHours {
  int weekday = 0;
  std::string opens;
  std::string closes;
};

// Everything a provider describes about a service; a draft and a published version each hold one.
struct ServiceContent {
  LocalizedText name;
  LocalizedText description;
  std::string category;  // a Category code
  ServiceArea area;
  std::vector<std::string> languages;  // languages the service is delivered in
  Price price;
  std::vector<std::string> vouchers;  // purchaser organization ids whose vouchers or agreements it accepts
  std::vector<OpeningHours> hours;
  int capacity_per_week = 0;  // visits a week; 0: not stated
  int lead_time_days = 0;     // from order to first delivery
  std::vector<std::string> image_ids;
};

// A provider organization's public profile; the organization itself lives in tenancy.
struct ProviderProfile {
  std::string organization_id;
  std::string region_id;
  std::string name;  // the organization's name (tenancy)
  std::string kind;  // provider_company, association, volunteer_group
  LocalizedText description;
  std::string email;
  std::string phone;
  std::string website;
  std::vector<std::string> languages;
  ServiceArea area;
  std::vector<std::string> quality_labels;  // labels and certificates, as named by their issuers
  std::string insurance;                    // liability insurance, in the provider's words
  LocalizedText accessibility;
  std::optional<std::string> logo_image_id;
  std::string updated_at;
  std::int64_t version = 0;  // 0: no profile written yet
};

// A service and where it is in review: draft → in_review → published → archived, with
// changes_requested back to the provider. A published service keeps its published content while
// its next draft is reviewed.
struct Service {
  std::string id;  // "svc_…"
  std::string region_id;
  std::string organization_id;
  std::string organization_name;
  std::string state;                        // draft, in_review, changes_requested, published, archived
  std::optional<ServiceContent> published;  // what the public sees; nullopt until first published
  std::optional<ServiceContent> draft;      // the provider's working copy; nullopt when none is open
  std::optional<std::string> published_at;
  std::optional<std::string> review_comment;  // the coordinator's, when changes were requested
  std::string created_at;
  std::string updated_at;
  std::int64_t version = 1;
};

// One step in a service's history: who did what, when.
struct ServiceEvent {
  std::string id;
  std::string service_id;
  std::string action;  // created, edited, submitted, changes_requested, published, archived, withdrawn
  std::string actor_id;
  std::string actor_name;
  std::optional<std::string> comment;
  std::string at;
};

// A provider's rating as the shop shows it: the mean of its clients' ratings shrunk toward the
// region's mean (src/quality/quality_score.hpp), and how many ratings it rests on.
struct ProviderRating {
  double rating = 0;
  std::int64_t count = 0;
};

}  // namespace allmende::directory
