// GET /api/v1/events: Server-Sent Events with the live updates the caller may see.
#pragma once

#include "events/event_bus.hpp"
#include "server/router.hpp"

namespace allmende::events {

void AddEventRoutes(http::Router& router, EventBus& bus);

// The subscription keys of a principal: what audiences it belongs to.
std::vector<std::string> AudienceKeys(const http::Principal& principal);

}  // namespace allmende::events
