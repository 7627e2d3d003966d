// Idempotency-Key support for POST: the response to a key is stored in the same transaction as
// the change it describes, so a retried request gets the first answer and never a duplicate.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/time.hpp"
#include "storage/database.hpp"

namespace allmende::storage {

struct StoredResponse {
  int status = 0;
  std::string body;
};

// A stable digest of the request body, for telling a retry from a different request.
std::string RequestDigest(std::string_view body);

// Inside a write transaction: the response stored for (scope, key), or nullopt if the key is
// new. InvalidArgument (field "Idempotency-Key") if the key was used for a different body.
Result<std::optional<StoredResponse>> FindStoredResponse(Connection& c, std::string_view scope, std::string_view key,
                                                         std::string_view request_digest);

// Inside the same write transaction as the change: remembers the response for (scope, key).
Result<void> StoreResponse(Connection& c, std::string_view scope, std::string_view key, std::string_view request_digest,
                           const StoredResponse& response);

// Forgets answers stored before `before`: a retry comes within minutes.
Result<std::int64_t> PurgeIdempotencyKeys(Connection& c, Timestamp before);

// Checks the header value: 1-255 visible ASCII characters.
bool IsValidIdempotencyKey(std::string_view key);

}  // namespace allmende::storage
