// The provider's inbox, the coordinators' board and an order's message thread.
#include <boost/json.hpp>

#include "access/access_log.hpp"
#include "common/ids.hpp"
#include "orders/order_service.hpp"

namespace allmende::orders {

Result<std::vector<InboxItem>> OrderService::Inbox(const access::Actor& actor, const std::string& provider_id,
                                                   bool open_only) {
  Timestamp now = clock_.Now();
  return db_.ReadValue<std::vector<InboxItem>>([&](storage::Connection& c) -> Result<std::vector<InboxItem>> {
    ALLMENDE_TRY(
        access::Authorize(c, actor.principal, access::Action::kOfferRespond, {.organization_id = provider_id}, now));
    ALLMENDE_ASSIGN_OR_RETURN(auto lines, OrderStore::Inbox(c, provider_id, open_only, 100));
    std::vector<InboxItem> out;
    for (auto& line : lines) {
      InboxItem item;
      item.offer = std::move(line.offer);
      item.order = std::move(line.order);
      // Before acceptance an offer shows the service, the district, the time and the needs, never who.
      const bool accepted = item.offer.state == "accepted";
      // The needs describe the task to whoever may still take it; a closed offer shows none.
      item.order.needs = item.offer.state == "open" ? OpenSealed(cipher_, item.order.needs) : std::string();
      item.order.address = item.order.door_code = item.order.contact_phone = "";
      if (!accepted) {
        item.order.client_id.clear();
        item.order.client_name.clear();
        item.order.ordered_by.clear();
        item.order.grants.clear();
      }
      const std::string place = item.order.district_code.value_or(item.order.municipality_code);
      item.district_name = place_name_ ? place_name_(c, place) : place;
      out.push_back(std::move(item));
    }
    return out;
  });
}

Result<Board> OrderService::BoardOf(const access::Actor& actor, BoardFilter filter) {
  Timestamp now = clock_.Now();
  if (filter.states.empty()) filter.states = {"submitted", "routing", "offered", "escalated", "disputed"};
  if (filter.states.size() > 5) return Error::Invalid("state", "Choose at most five states.");
  for (const auto& s : filter.states) {
    const auto& all = OrderStates();
    if (std::find(all.begin(), all.end(), s) == all.end()) return Error::Invalid("state", "Unknown state " + s + ".");
  }
  return db_.ReadValue<Board>([&](storage::Connection& c) -> Result<Board> {
    ALLMENDE_TRY(
        access::Authorize(c, actor.principal, access::Action::kOrderBoard, {.region_id = filter.region_id}, now));
    Board b;
    const int limit = filter.limit;
    filter.limit = limit + 1;
    ALLMENDE_ASSIGN_OR_RETURN(b.items, OrderStore::Board(c, filter));
    if (static_cast<int>(b.items.size()) > limit) {
      b.items.resize(static_cast<std::size_t>(limit));
      b.next_cursor = b.items.back().updated_at + "~" + b.items.back().id;
    }
    for (auto& o : b.items) o.needs = o.address = o.door_code = o.contact_phone = "";
    // The states that need someone: what the board counts whatever its filter shows.
    static const std::vector<std::string> kAttention{"submitted", "routing",  "offered",
                                                     "escalated", "accepted", "disputed"};
    ALLMENDE_ASSIGN_OR_RETURN(b.counts, OrderStore::CountByState(c, filter.region_id, kAttention));
    ALLMENDE_ASSIGN_OR_RETURN(b.overdue_visits, OrderStore::CountOverdue(c, filter.region_id, FormatRfc3339(now)));
    return b;
  });
}

Result<Message> OrderService::PostMessage(const access::Actor& actor, const std::string& id, const std::string& body) {
  Timestamp now = clock_.Now();
  return db_.WriteValue<Message>([&](storage::Connection& c) -> Result<Message> {
    ALLMENDE_ASSIGN_OR_RETURN(Loaded l, Open(c, actor, access::Action::kOrderRead, id, now));
    if (body.empty() || body.size() > 4000) return Error::Invalid("body", "Write 1 to 4000 characters.");
    Message m{NewId("omsg"), id, actor.principal->id, "", l.decision.role, cipher_.Seal(body), FormatRfc3339(now), {}};
    ALLMENDE_TRY(OrderStore::InsertMessage(c, l.order.region_id, m));
    std::vector<std::string> audience{"user:" + l.order.client_id, "role:coordinator@" + l.order.region_id};
    if (l.order.provider_id) audience.push_back("org:" + *l.order.provider_id);
    ALLMENDE_TRY(
        bus_.Publish(c, events::Event{NewId("evt"), "order.message", l.order.region_id, id, audience,
                                      boost::json::serialize(boost::json::object{{"message_id", m.id}}), m.at}));
    ALLMENDE_TRY(SignalMessage(c, l.order, m.id, l.decision, now));
    m.body = body;
    m.read_by.push_back(actor.principal->id);
    ALLMENDE_TRY(OrderStore::MarkRead(c, m.id, actor.principal->id, m.at));
    return m;
  });
}

Result<std::vector<Message>> OrderService::MessagesOf(const access::Actor& actor, const std::string& id) {
  Timestamp now = clock_.Now();
  return db_.WriteValue<std::vector<Message>>([&](storage::Connection& c) -> Result<std::vector<Message>> {
    ALLMENDE_ASSIGN_OR_RETURN(Loaded l, Open(c, actor, access::Action::kOrderRead, id, now));
    ALLMENDE_ASSIGN_OR_RETURN(auto messages, OrderStore::Messages(c, id));
    for (auto& m : messages) {
      m.body = OpenSealed(cipher_, m.body);
      if (std::find(m.read_by.begin(), m.read_by.end(), actor.principal->id) == m.read_by.end()) {
        ALLMENDE_TRY(OrderStore::MarkRead(c, m.id, actor.principal->id, FormatRfc3339(now)));
        m.read_by.push_back(actor.principal->id);
      }
    }
    if (l.decision.relation != "self") {
      ALLMENDE_TRY(access::AppendAccess(c, l.decision,
                                        {.action = "order.messages.read",
                                         .subject_type = "order",
                                         .subject_id = id,
                                         .client_id = l.order.client_id,
                                         .region_id = l.order.region_id,
                                         .purpose = actor.purpose},
                                        actor.request_id, now));
    }
    return messages;
  });
}

}  // namespace allmende::orders
