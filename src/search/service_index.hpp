// The in-memory search index of published services: full text in five languages (Finnish base
// forms and compound parts by Voikko, Snowball stems for sv/de/da/en, ICU case and diacritic
// folding), prefixes while typing, misspellings within two edits, place words that filter by the
// area they name, filters and facet counts on CRoaring bitmaps, BM25 ranking and stable cursors.
//
// Pure: no database, no clock, no I/O. The directory module feeds it from the database at start-up
// and on every publish; the database stays the source of truth.
//
// Thread safety: Search, Suggest and Get may run concurrently with each other and with Put/Remove
// (readers share a lock; a writer takes it alone).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace allmende::search {

// A place of the gazetteer: a municipality or a district of one.
struct GazetteerPlace {
  std::string code;                // "fi-837", "fi-837-hervanta"
  std::string kind;                // municipality, district
  std::string municipality_code;   // a district's municipality; a municipality's own code
  std::vector<std::string> names;  // every name of the place in any language ("Tampere", "Tammerfors")
  std::vector<std::string> postal_codes;
};

// What the index knows of one published service.
struct IndexedService {
  std::string id;  // "svc_…"
  std::string region_id;
  std::string provider_id;
  std::string provider_name;
  std::map<std::string, std::string> name;         // language → text
  std::map<std::string, std::string> description;  // language → text
  std::string category;                            // taxonomy code
  std::vector<std::string> category_names;         // the category's names in every language (matched as text)
  std::vector<std::string> municipalities;         // place codes served entirely
  std::vector<std::string> districts;              // district codes served
  std::vector<std::string> postal_codes;
  std::vector<std::string> languages;  // languages served
  std::vector<std::string> vouchers;   // purchaser organization ids accepted
  std::int64_t price = 0;              // minor units, for filter and sort
  std::uint8_t open_days = 0;          // bit 0 Monday … bit 6 Sunday
  std::optional<double> rating;        // quality score 0..5, if any
  std::string summary_json;            // what a result list shows, serialized by the caller; returned as is
};

enum class Sort { kRelevance, kPriceAscending, kPriceDescending, kRating };

struct Query {
  std::string text;                         // any string, hostile ones included
  std::string region_id;                    // empty: every region
  std::vector<std::string> categories;      // any of (OR); the same for each list below
  std::vector<std::string> municipalities;  // serves any of these municipalities (entirely or a district of it)
  std::vector<std::string> postal_codes;    // serves any of these postal codes (the code, its district or municipality)
  std::vector<std::string> languages;
  std::vector<std::string> vouchers;
  std::optional<std::int64_t> max_price;
  std::optional<int> open_on;  // weekday 0..6
  Sort sort = Sort::kRelevance;
  int limit = 20;      // 1..100
  std::string cursor;  // from a previous page's next_cursor; empty: first page
};

struct FacetCount {
  std::string value;
  std::int64_t count = 0;
};

struct Hit {
  std::string id;
  double score = 0;
  const std::string* summary_json = nullptr;  // valid while the SearchResult lives
};

struct SearchResult {
  std::vector<Hit> hits;
  std::string next_cursor;  // empty: last page
  std::int64_t total = 0;   // matches of the whole query
  // Counts per value over the matches of the query with every filter but the facet's own:
  // "category", "municipality", "language", "price_band" (band codes "0-25", "25-40", "40-60", "60-"
  // in whole euros).
  std::map<std::string, std::vector<FacetCount>> facets;
  std::optional<std::string> did_you_mean;  // the query with misspelt words corrected, when they were
  std::vector<std::string> places;          // place codes the query's words named and filtered by
  std::shared_ptr<const void> keep_alive;   // holds the index snapshot the summaries point into
};

// A bad cursor (not from this index, or tampered) is an error the caller shows as 400.
struct CursorError {
  std::string message;
};

class ServiceIndex {
 public:
  // `places` is the gazetteer whose names are understood as places in queries.
  explicit ServiceIndex(std::vector<GazetteerPlace> places);
  ~ServiceIndex();
  ServiceIndex(const ServiceIndex&) = delete;
  ServiceIndex& operator=(const ServiceIndex&) = delete;

  // Adds the service, or replaces the one with its id. Visible to the next Search.
  void Put(IndexedService service);
  // Removes the service with that id; nothing if there is none.
  void Remove(const std::string& id);
  // Many services at once (start-up); faster than Put one by one.
  void PutAll(std::vector<IndexedService> services);

  // Runs the query. Any text is valid; a malformed cursor is a CursorError.
  std::variant<SearchResult, CursorError> Search(const Query& query) const;

  // Completions for what someone is typing: service names, categories and places that start with
  // the last word, most frequent first, at most `limit`.
  std::vector<std::string> Suggest(const std::string& prefix, const std::string& region_id, int limit) const;

  std::size_t size() const;
  // Bytes the index holds, roughly (for metrics and the benchmark).
  std::size_t MemoryBytes() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace allmende::search
