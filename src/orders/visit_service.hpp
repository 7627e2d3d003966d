// Visits: the worker's day on a phone (address and door code only for visits assigned to the
// worker), check-in and check-out, "client not at home" under the agreement's rule, and the
// client's confirmation or dispute. Each delivery is priced and split across the order's grants
// when it ends (src/funding/).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "orders/order_service.hpp"

namespace allmende::orders {

// A visit with what the reader may see of its order.
struct VisitView {
  Visit visit;
  std::string category;
  std::string client_name;    // empty unless the reader delivers or is the client
  std::string address;        // likewise
  std::string door_code;      // likewise
  std::string contact_phone;  // likewise
  std::string needs;
  std::string explanation;  // the split in words, once priced
};

struct CheckOutInput {
  std::vector<std::string> done_tasks;  // labels of the tasks ticked
  std::string note;
  std::optional<std::string> deviation;
};

// Prices a delivery of `minutes` (started billing units, at least the minimum) at the order's
// price, charged at `charge_bp` (10000: in full; a failed or late-cancelled visit by the
// agreement's rule), splits it across the order's grants and records each grant's draw once.
// Sets the visit's billable minutes, price, charge and split; nothing when the order has no price.
// `work_done`: a delivery, whose labour share counts for the household tax credit; a charge for a
// visit not made (not at home, cancelled late) has no labour in it.
Result<void> PriceVisit(storage::Connection& c, Visit& visit, const Order& order, std::int64_t minutes, int charge_bp,
                        bool work_done, Timestamp now);

class VisitService {
 public:
  VisitService(OrderService& orders, const TimeSource& clock) : orders_(orders), clock_(clock) {}

  // The visits assigned to the actor on `date` (YYYY-MM-DD, the region's; empty: today), in order.
  // Each visit's address read is an access-log entry the client sees.
  Result<std::vector<VisitView>> MyDay(const access::Actor& actor, const std::string& date);
  // A retried check-in or check-out answers the visit as it is and records nothing twice.
  Result<VisitView> CheckIn(const access::Actor& actor, const std::string& visit_id);
  Result<VisitView> CheckOut(const access::Actor& actor, const std::string& visit_id, const CheckOutInput& input);
  // The client was not at home: the visit fails and is charged by the agreement's rule.
  Result<VisitView> NotAtHome(const access::Actor& actor, const std::string& visit_id, const std::string& note);
  Result<VisitView> Confirm(const access::Actor& actor, const std::string& visit_id);
  Result<VisitView> Dispute(const access::Actor& actor, const std::string& visit_id, const std::string& reason);

 private:
  struct Work {
    Visit visit;
    Order order;
    access::Decision decision;
  };
  // Loads the visit and its order; the actor must work for the provider and, unless its admin,
  // be the assigned worker.
  Result<Work> ForWorker(storage::Connection& c, const access::Actor& actor, const std::string& visit_id,
                         Timestamp now);
  Result<VisitView> Finish(storage::Connection& c, Work& w, const std::string& state, Timestamp now);

  OrderService& orders_;
  const TimeSource& clock_;
};

}  // namespace allmende::orders
