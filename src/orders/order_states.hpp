// The lifecycles of an order and of a visit as tables of allowed transitions. An event that the
// table does not allow from the current state is an illegal transition (409 with the state).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace allmende::orders {

// Order: draft → submitted → routing → offered → accepted → scheduled → in_progress → delivered →
// confirmed; escalated (nobody left to offer to), declined and expired (a shop order's provider
// said no or did not answer), cancelled, failed, disputed. A recurring order stays scheduled
// while its visits go through their own states; a one-off order follows its only visit.
enum class OrderEvent {
  kSubmit,
  kRoute,     // start or restart the cascade
  kOffer,     // offers are out
  kEscalate,  // nobody left: the coordinators' queue
  kAccept,
  kReroute,  // the open offers were declined or ran out: next in the cascade
  kDecline,  // the only provider said no (a shop order)
  kExpire,   // nobody accepted in time
  kAssign,   // a worker is assigned: the visits are scheduled
  kCheckIn,
  kCheckOut,
  kConfirm,
  kDispute,
  kFail,  // client not at home
  kCancel,
};

std::string_view OrderEventName(OrderEvent e);
// The state after `e` from `state`, or nullopt if the table does not allow it.
std::optional<std::string> NextOrderState(std::string_view state, OrderEvent e);
// States in which an order is finished.
bool IsFinalOrderState(std::string_view state);
const std::vector<std::string>& OrderStates();

enum class VisitEvent { kCheckIn, kCheckOut, kConfirm, kDispute, kFail, kCancel };
std::string_view VisitEventName(VisitEvent e);
std::optional<std::string> NextVisitState(std::string_view state, VisitEvent e);

}  // namespace allmende::orders
