// Live updates as main.cpp registers them: GET /api/v1/events.
#pragma once

#include "app/module.hpp"
#include "events/event_bus.hpp"

namespace allmende::events {

class EventsModule final : public app::Module {
 public:
  explicit EventsModule(EventBus& bus) : bus_(bus) {}
  void AddRoutes(http::Router& router) override;
  void Stop() override { bus_.Stop(); }

 private:
  EventBus& bus_;
};

}  // namespace allmende::events
