// Every SQL statement of the orders feature, run inside the caller's transaction. Sealed
// columns arrive and leave sealed: the service seals and opens them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "orders/order_types.hpp"
#include "storage/database.hpp"

namespace allmende::orders {

// An order row with its sealed columns as stored.
struct StoredOrder {
  Order order;  // needs, address, door_code, contact_phone hold the sealed text
};

// A provider's inbox line: an open or decided offer with what may be shown before acceptance.
struct InboxLine {
  Offer offer;
  Order order;  // sealed columns as stored; the service decides what leaves
};

struct Contact {
  std::string email;
  std::string name;
  std::string language;
};

struct BoardFilter {
  std::string region_id;
  std::vector<std::string> states;
  std::string municipality_code;
  std::string category;
  std::string provider_id;
  int limit = 50;
  std::string after_updated_at;  // cursor: (updated_at, id) of the last row
  std::string after_id;
};

class OrderStore {
 public:
  // Agreements.
  static Result<void> InsertAgreement(storage::Connection& c, const Agreement& a, const std::string& by);
  static Result<std::optional<Agreement>> GetAgreement(storage::Connection& c, const std::string& id);
  // An organization's agreements as purchaser or provider.
  static Result<std::vector<Agreement>> AgreementsOf(storage::Connection& c, const std::string& organization_id);
  // Active agreements of a purchaser covering `category` on `date`.
  static Result<std::vector<Agreement>> AgreementsFor(storage::Connection& c, const std::string& purchaser_id,
                                                      const std::string& category, const std::string& date);
  static Result<bool> EndAgreement(storage::Connection& c, const std::string& id, const std::string& until,
                                   std::int64_t version, const std::string& now);

  // Orders.
  static Result<void> InsertOrder(storage::Connection& c, const Order& o);
  static Result<std::optional<Order>> GetOrder(storage::Connection& c, const std::string& id);
  // Writes every mutable column; false when the version moved (someone else changed it first).
  static Result<bool> UpdateOrder(storage::Connection& c, const Order& o, std::int64_t expected_version);
  // How many of the client's orders with this provider are not finished (other than `except`).
  static Result<std::int64_t> OpenOrdersWith(storage::Connection& c, const std::string& client_id,
                                             const std::string& provider_id, const std::string& except);
  static Result<std::vector<Order>> OrdersOfClient(storage::Connection& c, const std::string& client_id, int limit);
  // Accepted and scheduled orders after `after_id` (the planner's batches).
  static Result<std::vector<Order>> RecurringOrders(storage::Connection& c, const std::string& after_id, int limit);
  // Who to write to about an order.
  static Result<std::optional<Contact>> ContactOf(storage::Connection& c, const std::string& user_id);
  static Result<std::vector<Order>> Board(storage::Connection& c, const BoardFilter& f);
  // Orders in each of `states` in a region (the board's counts): one index range per state, so
  // the millions of finished orders are never read.
  static Result<std::map<std::string, std::int64_t>> CountByState(storage::Connection& c, const std::string& region_id,
                                                                  const std::vector<std::string>& states);

  // Offers.
  static Result<void> InsertOffer(storage::Connection& c, const Offer& o);
  static Result<std::vector<Offer>> OffersOf(storage::Connection& c, const std::string& order_id);
  // Moves an open offer to `state`; false if it was no longer open (someone decided first).
  static Result<bool> DecideOffer(storage::Connection& c, const std::string& offer_id, const std::string& state,
                                  const std::string& by, const std::string& reason, const std::string& now);
  static Result<std::vector<InboxLine>> Inbox(storage::Connection& c, const std::string& provider_id, bool open_only,
                                              int limit);
  // Orders with an open offer past its deadline at `now`.
  // Orders placed by the advice desk whose consent ran out (past valid_until, not withdrawn) and
  // that can still be cancelled, oldest first, at most `limit`.
  static Result<std::vector<std::string>> OrdersWithLapsedConsent(storage::Connection& c, const std::string& now,
                                                                  int limit);
  static Result<std::vector<std::string>> OrdersWithExpiredOffers(storage::Connection& c, const std::string& now,
                                                                  int limit);
  // When each of `providers` last got an offer in the region (fair rotation): the offer's seq is
  // its time in milliseconds, so no counter row is shared by every order. One index look-up each.
  static Result<std::map<std::string, std::int64_t>> LastOfferSeq(storage::Connection& c, const std::string& region_id,
                                                                  const std::vector<std::string>& providers);
  // Minutes of visits planned for each provider in [from, to) (UTC instants), not cancelled.
  static Result<std::map<std::string, std::int64_t>> PlannedMinutes(storage::Connection& c,
                                                                    const std::string& region_id,
                                                                    const std::string& from, const std::string& to);

  // Visits.
  static Result<bool> InsertVisit(storage::Connection& c, const Visit& v);
  static Result<std::optional<Visit>> GetVisit(storage::Connection& c, const std::string& id);
  static Result<bool> UpdateVisit(storage::Connection& c, const Visit& v, std::int64_t expected_version);
  static Result<std::vector<Visit>> VisitsOf(storage::Connection& c, const std::string& order_id);
  static Result<std::vector<Visit>> WorkerDay(storage::Connection& c, const std::string& worker_id,
                                              const std::string& local_date);
  static Result<std::vector<Visit>> ProviderDay(storage::Connection& c, const std::string& provider_id,
                                                const std::string& local_date);
  // Planned visits whose end passed before `before` (overdue: no check-out).
  static Result<std::int64_t> CountOverdue(storage::Connection& c, const std::string& region_id,
                                           const std::string& before);

  // Timeline and messages.
  static Result<void> InsertTimeline(storage::Connection& c, const std::string& region_id, const std::string& order_id,
                                     const TimelineEntry& e);
  static Result<std::vector<TimelineEntry>> Timeline(storage::Connection& c, const std::string& order_id);
  static Result<void> InsertMessage(storage::Connection& c, const std::string& region_id, const Message& m);
  static Result<std::vector<Message>> Messages(storage::Connection& c, const std::string& order_id);
  static Result<void> MarkRead(storage::Connection& c, const std::string& message_id, const std::string& user_id,
                               const std::string& now);
};

}  // namespace allmende::orders
