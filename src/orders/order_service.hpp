// Orders: a purchaser, an employer programme or a client (or someone acting for them) orders a
// service for a client; the routing cascade (src/dispatch/routing.hpp) offers it to providers;
// a provider accepts and assigns a worker; visits are planned in the region's time zone. Every
// transition is one transaction with its timeline entry, e-mail (outbox), live event, in-app
// notifications and webhooks.
#pragma once

#include <boost/json/object.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "calendar/recurrence.hpp"
#include "clients/client_types.hpp"
#include "events/event_bus.hpp"
#include "funding/funding_service.hpp"
#include "notify/outbox.hpp"
#include "orders/order_states.hpp"
#include "orders/order_store.hpp"
#include "orders/order_types.hpp"
#include "storage/field_cipher.hpp"
#include "tenancy/region_types.hpp"

namespace allmende::webhooks {
class Emitter;
}

namespace allmende::orders {

// What an order form sends.
// The client's consent to an order placed on their behalf by the advice desk: required then, and
// the provider reaches the client's data only while it holds (src/orders/order_consents.cpp).
struct OrderConsent {
  std::string given_how;                        // phone, in_person, written, digital
  std::string given_by;                         // who gave it, in words
  std::optional<std::string> valid_until = {};  // YYYY-MM-DD, the last day; nullopt: until withdrawn
};

struct NewOrder {
  std::string client_id;
  std::string origin = "shop";  // purchaser, shop, employer
  std::optional<std::string> purchaser_id;
  std::string category;
  std::optional<std::string> service_id;   // a published service (the shop): its provider is asked
  std::optional<std::string> provider_id;  // the client's choice among approved providers
  std::string municipality_code;
  std::optional<std::string> district_code;
  std::string language;
  std::string needs;
  std::string address;
  std::string door_code;
  std::string contact_phone;
  Schedule schedule;
  int duration_minutes = 120;
  std::vector<std::string> grants;
  std::vector<std::string> tasks;
  bool submit = true;  // false: keep it as a draft
  std::optional<OrderConsent> consent = {};
};

// An order as one reader may see it: the provider sees the client's identity and address only
// after it accepted; the client and staff see everything.
struct OrderView {
  Order order;
  bool identity_visible = false;
  std::string viewer;  // client, delegate, staff, purchaser, provider
  std::vector<Visit> visits;
  std::vector<TimelineEntry> timeline;
  std::vector<Offer> offers;  // staff only
  // When the first visit starts: the first planned one, or before acceptance the schedule's first
  // occurrence in the region's zone (public holidays skipped when asked).
  std::optional<std::string> first_visit_at;
};

// A line of a provider's inbox: only what an offer may show before acceptance.
struct InboxItem {
  Offer offer;
  Order order;  // identity fields empty
  std::string district_name;
};

struct Board {
  std::vector<Order> items;
  std::optional<std::string> next_cursor;
  std::map<std::string, std::int64_t> counts;
  std::int64_t overdue_visits = 0;
};

// Names a place code in words ("Orivesi"), empty for an unknown code; the directory's gazetteer
// answers it, in the caller's transaction.
using PlaceNamer = std::function<std::string(storage::Connection& c, const std::string& code)>;

class OrderService {
 public:
  // `webhooks` (may be null: no webhooks) emits the changes to the parties' endpoints.
  OrderService(storage::Database& db, notify::Outbox& outbox, events::EventBus& bus, const TimeSource& clock,
               const storage::FieldCipher& cipher, PlaceNamer place_name, std::string public_url,
               const webhooks::Emitter* webhooks = nullptr);

  // Creates the order and, unless it is a draft, submits and routes it in the same transaction.
  // InvalidArgument naming the field; PermissionDenied unless the actor may order for the client.
  Result<OrderView> Create(const access::Actor& actor, const NewOrder& input);
  // The same inside the caller's write transaction (the shop's sign-up places the first order
  // with the account that it creates).
  Result<OrderView> CreateIn(storage::Connection& c, const access::Actor& actor, const NewOrder& input, Timestamp now);

  // The consents the client gave for orders placed on their behalf, newest first.
  Result<std::vector<clients::Consent>> ConsentsOf(const access::Actor& actor, const std::string& client_id);
  // Withdraws one: from now on the provider no longer reaches the client's data through it, and
  // the orders placed under it that are still open are cancelled. Conflict if withdrawn already.
  Result<clients::Consent> WithdrawConsent(const access::Actor& actor, const std::string& client_id,
                                           const std::string& consent_id);
  // Inside the sign-up's transaction: makes the new account (input.client_id) a client of the
  // published service's region and places the shop order as that person.
  Result<OrderView> PlaceForNewClient(storage::Connection& c, const NewOrder& input);
  Result<OrderView> Get(const access::Actor& actor, const std::string& id);
  Result<std::vector<Order>> OfClient(const access::Actor& actor, const std::string& client_id);

  Result<OrderView> Submit(const access::Actor& actor, const std::string& id);
  Result<OrderView> Cancel(const access::Actor& actor, const std::string& id, const std::string& reason);
  // The provider of the actor accepts its open offer. Two providers at once: one wins, the other
  // gets Conflict.
  Result<OrderView> Accept(const access::Actor& actor, const std::string& id);
  Result<OrderView> Decline(const access::Actor& actor, const std::string& id, const std::string& reason);
  // A coordinator offers the order to one provider by hand (or restarts the cascade without one).
  Result<OrderView> RouteByHand(const access::Actor& actor, const std::string& id,
                                const std::optional<std::string>& provider_id);
  Result<OrderView> Assign(const access::Actor& actor, const std::string& id, const std::string& worker_id);

  Result<std::vector<InboxItem>> Inbox(const access::Actor& actor, const std::string& provider_id, bool open_only);
  Result<Board> BoardOf(const access::Actor& actor, BoardFilter filter);

  Result<Message> PostMessage(const access::Actor& actor, const std::string& id, const std::string& body);
  Result<std::vector<Message>> MessagesOf(const access::Actor& actor, const std::string& id);

  // Jobs: offers past their deadline move the cascade on; recurring orders get their visits
  // planned ahead over the horizon. Each returns how many orders it moved.
  Result<int> ExpireOffers(storage::Connection& c, Timestamp now);
  // Cancels the open orders whose consent ran out (the provider's access ended with it): an
  // order must not go on without the consent it was placed under. Returns how many.
  Result<int> EndOrdersOfLapsedConsents(storage::Connection& c, Timestamp now);
  Result<int> PlanAhead(storage::Connection& c, Timestamp now);

  // For visits: records a transition of the order that a visit caused (one-off orders), and tells
  // the parties of the visit's new state.
  Result<void> Follow(storage::Connection& c, const std::string& order_id, const std::string& visit_id,
                      const std::string& visit_state, const access::Decision& who, Timestamp now);

  const storage::FieldCipher& cipher() const { return cipher_; }
  storage::Database& db() { return db_; }

 private:
  struct Loaded {
    Order order;
    access::Decision decision;
  };
  // Cancels an opened order: its open offers withdrawn, planned visits cancelled (a late one
  // charged by the agreement's rule), the parties notified.
  Result<void> CancelLoaded(storage::Connection& c, Loaded& l, const std::string& reason, Timestamp now);
  // A consent as the desk records it with an order; 422 on consent.* when a field is wrong.
  static Result<clients::Consent> ConsentFor(const OrderConsent& in, const tenancy::Region& region, Timestamp now);
  // Loads the order, opens its sealed fields and authorizes `action` on its client.
  Result<Loaded> Open(storage::Connection& c, const access::Actor& actor, access::Action action, const std::string& id,
                      Timestamp now);
  Result<OrderView> View(storage::Connection& c, const access::Actor& actor, Loaded loaded, Timestamp now);
  // Moves the order by `event`; IllegalTransition with the current state when the table refuses.
  Result<void> Transition(storage::Connection& c, Order& o, OrderEvent event, const access::Decision& who,
                          const std::optional<std::string>& note, const std::string& audience, Timestamp now);
  // Runs the cascade: offers to the next providers, or escalates (or declines a shop order).
  Result<void> RouteNext(storage::Connection& c, Order& o, const access::Decision& who, Timestamp now);
  Result<void> PlanVisits(storage::Connection& c, const Order& o, Timestamp now);
  // A confirmed visit asks the client's side for a rating (src/quality/): in-app, and by e-mail
  // to the client in their language.
  Result<void> AskForRating(storage::Connection& c, const Order& o, const std::string& visit_id,
                            const std::string& local_date, Timestamp now);
  // The service's name by language: the published service's, else its category's.
  Result<std::map<std::string, std::string>> ServiceNames(storage::Connection& c, const Order& o);
  Result<void> Notify(storage::Connection& c, const Order& o, const std::string& kind, Timestamp now);
  // In-app notifications and webhooks of a change (order_signals.cpp), in its transaction.
  Result<void> Signal(storage::Connection& c, const Order& o, std::string_view event, const std::string& from,
                      const access::Decision& who, Timestamp now);
  Result<void> SignalVisit(storage::Connection& c, const Order& o, const std::string& visit_id,
                           const std::string& visit_state, const access::Decision& who, Timestamp now);
  Result<void> SignalOffer(storage::Connection& c, const Order& o, const Offer& offer, Timestamp now);
  // Decides an open offer (accepted, declined, expired, withdrawn) and tells the provider's
  // systems (offer.closed); false if it was no longer open.
  Result<bool> CloseOffer(storage::Connection& c, const Order& o, const Offer& offer, const std::string& state,
                          const std::string& by, const std::string& reason, Timestamp now);
  Result<void> SignalMessage(storage::Connection& c, const Order& o, const std::string& message_id,
                             const access::Decision& who, Timestamp now);
  Result<void> Announce(storage::Connection& c, const Order& o, const std::string& kind,
                        std::vector<std::string> audience, const access::Decision& who, boost::json::object data,
                        Timestamp now);
  Result<void> EmitToParties(storage::Connection& c, const Order& o, const std::string& type,
                             const boost::json::object& data, Timestamp now);
  Result<void> Save(storage::Connection& c, Order& o, std::int64_t version);

  storage::Database& db_;
  notify::Outbox& outbox_;
  events::EventBus& bus_;
  const TimeSource& clock_;
  const storage::FieldCipher& cipher_;
  PlaceNamer place_name_;
  std::string public_url_;
  const webhooks::Emitter* webhooks_ = nullptr;
};

// The order's schedule as the calendar expands it; InvalidArgument naming "schedule.…".
Result<calendar::Recurrence> ToRecurrence(const Schedule& s, const std::string& country);

// The checks of an order form that need no database: InvalidArgument listing every wrong field;
// the contact phone in E.164 when it is valid.
Result<std::string> CheckNewOrder(const NewOrder& input);

// Whether the reader allowed by `d` may open this order of the client: a provider only the ones
// it delivers (a worker only those assigned to them), a purchaser only those it pays for.
bool MayOpen(const access::Decision& d, const Order& o, const std::string& user_id);

// An offer's place in fair rotation: its time in tenths of milliseconds (offers of one order made
// in the same instant follow it by one each), so no counter row is shared by every order.
inline std::int64_t OfferSeq(Timestamp now) { return now.time_since_epoch().count() * 10; }

// When an offer must be answered: `response` from now, but an hour before the order's first
// visit starts, and never less than ten minutes from now.
Timestamp OfferDeadline(storage::Connection& c, const Order& o, Timestamp now, std::chrono::minutes response);

// Today's date (YYYY-MM-DD) in `zone`.
std::string LocalToday(Timestamp now, const std::string& zone);

// A sealed column's text, or empty when it cannot be opened.
std::string OpenSealed(const storage::FieldCipher& cipher, const std::string& stored);

// The decision the system acts under (jobs, the cascade): shown as "system" in timelines.
access::Decision SystemDecision();

}  // namespace allmende::orders
