#include "events/events_module.hpp"

#include "events/event_handlers.hpp"

namespace allmende::events {

void EventsModule::AddRoutes(http::Router& router) { AddEventRoutes(router, bus_, membership_keys_); }

}  // namespace allmende::events
