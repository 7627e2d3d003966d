#include "storage/idempotency.hpp"

#include <sodium.h>

#include "common/time.hpp"

namespace allmende::storage {
namespace {

constexpr std::string_view kFind =
    "SELECT request_hash, status, response_body FROM idempotency_keys WHERE scope = $1 AND idempotency_key = $2";
constexpr std::string_view kInsert =
    "INSERT INTO idempotency_keys (scope, idempotency_key, request_hash, status, response_body, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6)";

constexpr std::string_view kPurge = "DELETE FROM idempotency_keys WHERE created_at < $1";

}  // namespace

Result<std::int64_t> PurgeIdempotencyKeys(Connection& c, Timestamp before) {
  return c.Execute(kPurge, {FormatRfc3339(before)});
}

std::string RequestDigest(std::string_view body) {
  unsigned char hash[crypto_generichash_BYTES];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(body.data()), body.size(), nullptr, 0);
  char hex[crypto_generichash_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

bool IsValidIdempotencyKey(std::string_view key) {
  if (key.empty() || key.size() > 255) return false;
  for (char c : key) {
    if (c < 0x21 || c > 0x7E) return false;
  }
  return true;
}

Result<std::optional<StoredResponse>> FindStoredResponse(Connection& c, std::string_view scope, std::string_view key,
                                                         std::string_view request_digest) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kFind, {std::string(scope), std::string(key)}));
  if (!row) return std::optional<StoredResponse>();
  if (row->Text(0) != request_digest) {
    return Error::Invalid("Idempotency-Key", "was already used for a different request; use a new key");
  }
  return std::optional<StoredResponse>(StoredResponse{static_cast<int>(row->Int(1)), row->Text(2)});
}

Result<void> StoreResponse(Connection& c, std::string_view scope, std::string_view key, std::string_view request_digest,
                           const StoredResponse& response) {
  ALLMENDE_TRY(c.Execute(kInsert, {std::string(scope), std::string(key), std::string(request_digest),
                                   std::int64_t{response.status}, response.body, FormatRfc3339(Now())}));
  return Ok();
}

}  // namespace allmende::storage
