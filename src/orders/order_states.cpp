#include "orders/order_states.hpp"

#include <algorithm>

namespace allmende::orders {
namespace {

struct OrderTransition {
  OrderEvent event;
  std::vector<std::string_view> from;
  std::string_view to;
};

const std::vector<OrderTransition>& OrderTable() {
  static const std::vector<OrderTransition> table{
      {OrderEvent::kSubmit, {"draft"}, "submitted"},
      {OrderEvent::kRoute, {"submitted", "routing", "escalated", "offered"}, "routing"},
      {OrderEvent::kOffer, {"routing", "escalated"}, "offered"},
      {OrderEvent::kEscalate, {"routing"}, "escalated"},
      {OrderEvent::kAccept, {"offered"}, "accepted"},
      {OrderEvent::kReroute, {"offered"}, "routing"},
      {OrderEvent::kDecline, {"offered"}, "declined"},
      {OrderEvent::kExpire, {"submitted", "routing", "offered", "escalated"}, "expired"},
      {OrderEvent::kAssign, {"accepted", "scheduled"}, "scheduled"},
      // An admin of the provider may do the visit without assigning anyone: accepted → in progress.
      {OrderEvent::kCheckIn, {"accepted", "scheduled"}, "in_progress"},
      {OrderEvent::kCheckOut, {"in_progress"}, "delivered"},
      {OrderEvent::kConfirm, {"delivered"}, "confirmed"},
      {OrderEvent::kDispute, {"delivered"}, "disputed"},
      {OrderEvent::kFail, {"accepted", "scheduled", "in_progress"}, "failed"},
      {OrderEvent::kCancel,
       {"draft", "submitted", "routing", "offered", "escalated", "accepted", "scheduled"},
       "cancelled"},
  };
  return table;
}

struct VisitTransition {
  VisitEvent event;
  std::vector<std::string_view> from;
  std::string_view to;
};

const std::vector<VisitTransition>& VisitTable() {
  static const std::vector<VisitTransition> table{
      {VisitEvent::kCheckIn, {"planned"}, "in_progress"},        {VisitEvent::kCheckOut, {"in_progress"}, "delivered"},
      {VisitEvent::kConfirm, {"delivered"}, "confirmed"},        {VisitEvent::kDispute, {"delivered"}, "disputed"},
      {VisitEvent::kFail, {"planned", "in_progress"}, "failed"}, {VisitEvent::kCancel, {"planned"}, "cancelled"},
  };
  return table;
}

}  // namespace

std::string_view OrderEventName(OrderEvent e) {
  static constexpr std::string_view names[] = {"submit",    "route",   "offer",   "escalate", "accept",
                                               "reroute",   "decline", "expire",  "assign",   "check_in",
                                               "check_out", "confirm", "dispute", "fail",     "cancel"};
  return names[static_cast<int>(e)];
}

std::optional<std::string> NextOrderState(std::string_view state, OrderEvent e) {
  for (const auto& t : OrderTable()) {
    if (t.event == e && std::find(t.from.begin(), t.from.end(), state) != t.from.end()) return std::string(t.to);
  }
  return std::nullopt;
}

bool IsFinalOrderState(std::string_view state) {
  return state == "confirmed" || state == "declined" || state == "expired" || state == "cancelled" || state == "failed";
}

const std::vector<std::string>& OrderStates() {
  static const std::vector<std::string> states{"draft",    "submitted", "routing",     "offered",   "escalated",
                                               "accepted", "scheduled", "in_progress", "delivered", "confirmed",
                                               "declined", "expired",   "cancelled",   "failed",    "disputed"};
  return states;
}

std::string_view VisitEventName(VisitEvent e) {
  static constexpr std::string_view names[] = {"check_in", "check_out", "confirm", "dispute", "fail", "cancel"};
  return names[static_cast<int>(e)];
}

std::optional<std::string> NextVisitState(std::string_view state, VisitEvent e) {
  for (const auto& t : VisitTable()) {
    if (t.event == e && std::find(t.from.begin(), t.from.end(), state) != t.from.end()) return std::string(t.to);
  }
  return std::nullopt;
}

}  // namespace allmende::orders
