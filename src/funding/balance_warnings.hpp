// Warnings before a grant runs out or lapses, as in-app notifications to the client and those who
// act for them in services: "grant.low" when a quarter or less of the period's hours, visits or
// amount is left (once per period), "grant.lapsing" when a relief budget's amount lapses within 45
// days (once per lapse date). Run daily by the job funding.balance_warnings.
#pragma once

#include "common/time.hpp"
#include "events/event_bus.hpp"
#include "storage/database.hpp"

namespace allmende::funding {

// Inside the caller's write transaction; returns how many warnings it made.
Result<int> WarnAboutBalances(storage::Connection& c, events::EventBus& bus, Timestamp now);

}  // namespace allmende::funding
