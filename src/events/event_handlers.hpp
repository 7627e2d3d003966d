// GET /api/v1/events: Server-Sent Events with the live updates the caller may see.
#pragma once

#include <functional>

#include "events/event_bus.hpp"
#include "server/router.hpp"

namespace allmende::events {

// Keys a principal has through its organizations ("org:<id>", "role:<role>@<region>"); main.cpp
// supplies them from the memberships, which this layer does not know.
using MembershipKeys = std::function<std::vector<std::string>(const http::Principal&)>;

void AddEventRoutes(http::Router& router, EventBus& bus, MembershipKeys membership_keys = {});

// The subscription keys of a principal: what audiences it belongs to.
std::vector<std::string> AudienceKeys(const http::Principal& principal);

}  // namespace allmende::events
