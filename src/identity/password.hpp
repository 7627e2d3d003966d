// Passwords: the policy a new password must meet, and Argon2id hashing (libsodium).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"

namespace allmende::identity {

// The problems of a new password, as messages for the field "password"; empty if it is fine.
// Rules: at least 12 characters (code points), at most 256; not a common password, also once
// leading and trailing digits and symbols are taken off ("Salasana2024!" is "salasana"); not one
// character repeated; not the e-mail address or its local part, nor the person's name.
std::vector<std::string> PasswordProblems(std::string_view password, std::string_view email, std::string_view name);

// Argon2id with libsodium's moderate limits by default. Never fails for valid input; Internal if
// the system is out of memory.
Result<std::string> HashPassword(std::string_view password);

// True if `password` matches `hash`. Takes the same time whether or not it matches.
bool VerifyPassword(std::string_view password, const std::string& hash);

// Spends the time of one verification, for a log-in with an unknown e-mail address, so that the
// answer's timing does not reveal whether an account exists.
void VerifyDummyPassword(std::string_view password);

}  // namespace allmende::identity
