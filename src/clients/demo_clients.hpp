// Demo data: the clients of shared/JOURNEYS.md, who serves and pays for them, and the advisor's
// first look at Aino's record (a real read, so her "who has seen my data" page is not empty).
#pragma once

#include <map>
#include <string>

#include "events/event_bus.hpp"
#include "storage/database.hpp"
#include "storage/field_cipher.hpp"

namespace allmende::clients {

// `users` maps the demo e-mail addresses to user ids. Idempotent. `cipher` seals identity codes;
// `bus` tells the name indexes of running servers.
Result<void> SeedDemoClients(storage::Database& db, events::EventBus& bus, const storage::FieldCipher& cipher,
                             const std::map<std::string, std::string>& users);

}  // namespace allmende::clients
