// The opaque cursor of a result page: base64url of a versioned binary record holding the last
// hit's sort key and the plan of page one (its terms, their document frequencies, the corpus
// size and mean length), closed by a checksum.
//
// The checksum catches corruption and casual edits, not a forger: a cursor grants nothing, and
// every field is range-checked on the way in, so the worst a forged cursor does is rank a page
// differently.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "search/query_plan.hpp"
#include "search/service_index.hpp"

namespace allmende::search {

// Where the previous page ended, in the sort's total order (only the fields of its sort count).
struct CursorKey {
  double score = 0;
  std::int64_t price = 0;
  bool has_rating = false;
  double rating = 0;
  std::string id;
};

struct Cursor {
  std::uint64_t query_fingerprint = 0;  // of everything in the query but the cursor and the limit
  QueryPlan plan;
  CursorKey last;
};

// A fingerprint of the query's text, filters and sort, so a cursor only continues its own query.
std::uint64_t QueryFingerprint(const Query& query);

std::string EncodeCursor(const Cursor& cursor);

// The cursor, or why it is not one (bad base64url, wrong version, wrong checksum, a field out of
// range). Never throws, whatever `text` is.
std::variant<Cursor, std::string> DecodeCursor(std::string_view text);

}  // namespace allmende::search
