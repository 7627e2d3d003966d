// Prefixed, time-sortable identifiers: "reg_01JD3M5Q8Z4X9K2V7N6B5C4D3E".
//
// The part after the prefix is a ULID (48-bit millisecond time, 80 random bits, Crockford
// base32), so ids sort by creation time as plain strings, which keeps B-tree inserts at the
// right edge and makes cursor pagination by id stable.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace allmende {

// Returns a new id "<prefix>_<ulid>". Ids made by one process are strictly increasing, even
// within one millisecond. Thread-safe; never blocks on I/O.
std::string NewId(std::string_view prefix);

// Same, at a given time (for tests and deterministic demo data with a seeded random part).
std::string NewIdAt(std::string_view prefix, std::chrono::system_clock::time_point at, std::uint64_t random_hi,
                    std::uint64_t random_lo);

// True if `id` is "<prefix>_" followed by 26 Crockford base32 characters whose first is 0-7.
bool IsValidId(std::string_view prefix, std::string_view id);

// The creation time encoded in a valid id.
std::chrono::system_clock::time_point IdTime(std::string_view id);

}  // namespace allmende
