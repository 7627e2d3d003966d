// Live updates as main.cpp registers them: GET /api/v1/events.
#pragma once

#include "app/module.hpp"
#include "events/event_bus.hpp"
#include "events/event_handlers.hpp"

namespace allmende::events {

class EventsModule final : public app::Module {
 public:
  explicit EventsModule(EventBus& bus, MembershipKeys membership_keys = {})
      : bus_(bus), membership_keys_(std::move(membership_keys)) {}
  void AddRoutes(http::Router& router) override;
  void Stop() override { bus_.Stop(); }

 private:
  EventBus& bus_;
  MembershipKeys membership_keys_;
};

}  // namespace allmende::events
