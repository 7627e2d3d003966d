// Generated clients for benchmarks (`allmende seed --clients N`): people with realistic Finnish and
// Swedish names (common surnames common, as in the population register's statistics), birth
// dates, municipalities of Pirkanmaa and unique phone numbers, registered and indexed as the desk
// registers them. Deterministic: the same seed gives the same people.
#pragma once

#include <cstdint>
#include <string>

#include "storage/database.hpp"

namespace allmende::clients {

// Adds clients to the region until it has `count` generated ones (ids "usr_gen_<n>"); idempotent.
Result<void> GenerateClients(storage::Database& db, const std::string& region_id, std::int64_t count,
                             std::uint64_t seed);

}  // namespace allmende::clients
