#include "storage/single_use_tokens.hpp"

#include <sodium.h>

#include "storage/idempotency.hpp"

namespace allmende::storage {
namespace {

constexpr std::string_view kEndFor =
    "UPDATE single_use_tokens SET expires_at = $3 WHERE purpose = $1 AND subject_id = $2 AND used_at IS NULL "
    "AND expires_at > $3";
constexpr std::string_view kPurge = "DELETE FROM single_use_tokens WHERE expires_at < $1";
constexpr std::string_view kInsert =
    "INSERT INTO single_use_tokens (token_hash, purpose, subject_id, region_id, expires_at, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6)";
constexpr std::string_view kUse =
    "UPDATE single_use_tokens SET used_at = $1 "
    "WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1 RETURNING subject_id";
constexpr std::string_view kFind =
    "SELECT used_at, expires_at, subject_id FROM single_use_tokens WHERE token_hash = $1 AND purpose = $2";

}  // namespace

Result<std::string> IssueSingleUseToken(Connection& c, std::string_view purpose, std::string_view subject_id,
                                        std::string_view region_id, Timestamp now, Timestamp expires_at) {
  unsigned char raw[32];
  randombytes_buf(raw, sizeof raw);
  char secret[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(secret, sizeof secret, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  Value region = region_id.empty() ? Value(nullptr) : Value(std::string(region_id));
  ALLMENDE_TRY(c.Execute(kInsert, {RequestDigest(secret), std::string(purpose), std::string(subject_id), region,
                                   FormatRfc3339(expires_at), FormatRfc3339(now)}));
  return std::string(secret);
}

Result<std::string> UseSingleUseToken(Connection& c, std::string_view purpose, std::string_view secret, Timestamp now) {
  std::string digest = RequestDigest(secret);
  ALLMENDE_ASSIGN_OR_RETURN(auto used, c.QueryOne(kUse, {FormatRfc3339(now), digest, std::string(purpose)}));
  if (used) return used->Text(0);
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kFind, {digest, std::string(purpose)}));
  if (!row) return Error::NotFound("This link is not valid.");
  if (!row->IsNull(0)) return Error::Conflict("This link has already been used.");
  return Error::Conflict("This link has expired.");
}

Result<std::string> PeekSingleUseToken(Connection& c, std::string_view purpose, std::string_view secret,
                                       Timestamp now) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kFind, {RequestDigest(secret), std::string(purpose)}));
  if (!row) return Error::NotFound("This link is not valid.");
  if (!row->IsNull(0)) return Error::Conflict("This link has already been used.");
  if (row->Text(1) <= FormatRfc3339(now)) return Error::Conflict("This link has expired.");
  return row->Text(2);
}

Result<void> EndSingleUseTokens(Connection& c, std::string_view purpose, std::string_view subject_id, Timestamp now) {
  ALLMENDE_TRY(c.Execute(kEndFor, {std::string(purpose), std::string(subject_id), FormatRfc3339(now)}));
  return Ok();
}

Result<std::int64_t> PurgeSingleUseTokens(Connection& c, Timestamp before) {
  return c.Execute(kPurge, {FormatRfc3339(before)});
}

}  // namespace allmende::storage
