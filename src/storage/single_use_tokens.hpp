// Single-use secrets (password-reset links, invitations, e-mail verification). Only a digest is
// stored; using a token is one conditional UPDATE, so when two requests (in two processes) use
// the same token at once, the database lets exactly one of them succeed.
#pragma once

#include <string>
#include <string_view>

#include "common/time.hpp"
#include "storage/database.hpp"

namespace allmende::storage {

// Inside a write transaction: makes a token for `purpose` ("password_reset") and `subject_id`,
// valid until `expires_at`. Returns the secret (43 URL-safe characters) to put in a link; it is
// not stored and cannot be recovered.
Result<std::string> IssueSingleUseToken(Connection& c, std::string_view purpose, std::string_view subject_id,
                                        std::string_view region_id, Timestamp now, Timestamp expires_at);

// Inside a write transaction: uses the token and returns its subject_id. NotFound if there is no
// such token for this purpose; Conflict if it was used already (by this or a concurrent request)
// or has expired.
Result<std::string> UseSingleUseToken(Connection& c, std::string_view purpose, std::string_view secret, Timestamp now);

// Like UseSingleUseToken, but leaves the token unused: for checking a link before work that must
// not happen for a bad one.
// Ends every unused token of `purpose` for `subject_id` now (a password change ends the log-ins
// waiting for their second factor).
Result<void> EndSingleUseTokens(Connection& c, std::string_view purpose, std::string_view subject_id, Timestamp now);

// Removes tokens that expired before `before`; a used or expired token is no use to anyone.
Result<std::int64_t> PurgeSingleUseTokens(Connection& c, Timestamp before);

Result<std::string> PeekSingleUseToken(Connection& c, std::string_view purpose, std::string_view secret, Timestamp now);

}  // namespace allmende::storage
