// TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps) through liboath, and recovery codes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/time.hpp"

namespace allmende::identity {

// A new random secret (160 bits) in base32, as authenticator apps take it.
std::string NewTotpSecret();
// otpauth://totp/Allmende:<email>?secret=…&issuer=Allmende&algorithm=SHA1&digits=6&period=30
std::string TotpUri(const std::string& secret, const std::string& email);
// The time step `code` belongs to, if it is valid at `now` (one step of clock drift either way)
// and newer than `last_step` (a code works once).
std::optional<std::int64_t> VerifyTotp(const std::string& secret, const std::string& code, Timestamp now,
                                       std::int64_t last_step);
// The code of `secret` at `at` (tests and the demo).
std::string TotpCode(const std::string& secret, Timestamp at);

// Ten new recovery codes ("k7fq-2m9x-p4hd") and the digests to store.
std::vector<std::string> NewRecoveryCodes();
// The stored digest of a code as typed (case and dashes do not matter).
std::string RecoveryCodeDigest(const std::string& code);

}  // namespace allmende::identity
