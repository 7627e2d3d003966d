// What the directory offers the features that exchange it with other systems (src/interop/: Open
// Referral HSDS, FHIR): a region's published directory page by page, the public providers, and an
// import that publishes a batch of providers and services in one transaction and puts them into
// the search index as it commits. In the directory's own types; the formats are interop's.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "common/time.hpp"
#include "directory/catalog_index.hpp"
#include "directory/directory_exchange_store.hpp"
#include "directory/directory_service.hpp"
#include "events/event_bus.hpp"
#include "storage/database.hpp"
#include "tenancy/region_types.hpp"

namespace allmende::directory {

// A provider with its published services, as the public sees them.
struct PublishedProvider {
  ProviderRecord provider;
  std::vector<Service> services;  // published, not archived; by id
};

// One page of a region's published directory.
struct DirectoryPage {
  tenancy::Region region;
  std::vector<PublishedProvider> providers;       // providers with at least one published service, by id
  std::int64_t total_providers = 0;               // on every page together
  std::map<std::string, std::string> purchasers;  // the region's purchasers by id → name (vouchers name them)
};

// A service read from another system's data. `paths` says where each value came from, so that a
// problem is reported where the sender finds it: content fields as DirectoryService::Problems
// names them ("name", "name.fi", "price.amount", "hours[1].opens", "area.municipalities[0]") →
// JSON path ("contents[3].services[0].cost_options[0].amount"). A field without an entry is
// looked up by its parents ("hours[1].opens" → "hours[1]" → "hours"), then the record's `path`.
struct ImportedService {
  std::string path;
  ServiceContent content;                  // texts keyed "" are in the region's default language
  std::vector<std::string> voucher_names;  // purchasers of the region, by name; paths "vouchers[i]"
  std::map<std::string, std::string> paths;
  std::vector<FieldError> errors;  // what could not be read; such a service is not checked further
};

// A provider read from another system's data; `paths` as above, for "name", "kind",
// "business_id" and the profile's fields ("email", "description.sv", "area.districts[1]", …).
struct ImportedProvider {
  std::string path;
  std::string name;
  std::string kind;  // provider_company, association, volunteer_group
  std::optional<std::string> business_id;
  ProviderProfile profile;  // description, email, phone, website, languages, area, quality labels, insurance,
                            // accessibility; texts keyed "" are in the region's default language
  std::map<std::string, std::string> paths;
  std::vector<FieldError> errors;
  std::vector<ImportedService> services;
};

// What an import reads: the providers, and the problems and omissions of the document as a whole.
struct ImportBatch {
  std::vector<ImportedProvider> providers;
  std::vector<FieldError> errors;    // the document's own (not an object, no list of organizations)
  std::vector<FieldError> warnings;  // what the reader left out on purpose (a service that is not active)
};

// What an import did.
struct ImportReport {
  int providers = 0;           // provider records read (new organizations and existing ones)
  int services_published = 0;  // new published services
  int services_unchanged = 0;  // already published by that provider with exactly this content
  // What was left out, with its path (a voucher of an unknown purchaser, …); at most kMaxErrors
  // and a last one saying how many more there were.
  std::vector<FieldError> warnings;
};

class DirectoryExchange {
 public:
  DirectoryExchange(storage::Database& db, DirectoryService& service, CatalogIndex& catalog, events::EventBus& bus,
                    const TimeSource& clock)
      : db_(db), service_(service), catalog_(catalog), bus_(bus), clock_(clock) {}

  // Providers `offset` … `offset + limit - 1` of the region's published directory (providers with
  // a published service, by id), each with its published services, in one snapshot. NotFound
  // for an unknown region.
  Result<DirectoryPage> PublishedPage(const std::string& region_id, int offset, int limit);

  // A provider organization of any region (its profile is public); NotFound otherwise.
  Result<ProviderRecord> Provider(const std::string& organization_id);
  // Every provider organization of every region, by id.
  Result<std::vector<ProviderRecord>> Providers();

  // Publishes the batch's services in the region in one transaction: all or nothing. The
  // actor needs directory.import for the region and must be a person (the history records who
  // published). An organization is found by its name in the region or created; a provider's
  // profile is written only if it has none yet (providers keep their own). A service that its
  // provider already publishes with exactly this content is not published twice, so the same
  // data imported again changes nothing. InvalidArgument lists every problem of every record
  // with its JSON path (at most kMaxErrors; the message gives the count); nothing is stored then.
  // Published services enter this process's search index as the transaction commits and the
  // other processes' by the event bus.
  Result<ImportReport> Import(const access::Actor& actor, const std::string& region_id, const ImportBatch& batch);
  // Whether the actor may import into the region (directory.import), decided in a read of its
  // own: asked before a large body is parsed, so nobody else makes the server do that work.
  Result<void> MayImport(const access::Actor& actor, const std::string& region_id);

  static constexpr std::size_t kMaxErrors = 200;

 private:
  friend class ImportRun;
  storage::Database& db_;
  DirectoryService& service_;
  CatalogIndex& catalog_;
  events::EventBus& bus_;
  const TimeSource& clock_;
};

// The JSON path `paths` holds for a content or profile field, by the field's parents, else
// `fallback` (see ImportedService).
std::string PathOf(const std::map<std::string, std::string>& paths, const std::string& field,
                   const std::string& fallback);

}  // namespace allmende::directory
