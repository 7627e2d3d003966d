// Who hears of an order's change besides its timeline and e-mail: in-app notifications (with the
// unread count of each person's bell) and the organizations' signed webhooks. Both are written in
// the transaction of the change. Notifications name no client to a provider before acceptance:
// their data is codes and ids, worded by the reader's web UI.
#include <algorithm>
#include <boost/json.hpp>

#include "notifications/notifications.hpp"
#include "orders/order_service.hpp"
#include "orders/order_store.hpp"
#include "webhooks/webhooks.hpp"

namespace allmende::orders {
namespace {

// The people of the order's client side: the client and whoever ordered for them.
std::vector<std::string> ClientSide(const Order& o) {
  std::vector<std::string> keys{"user:" + o.client_id};
  if (o.ordered_by != o.client_id) keys.push_back("user:" + o.ordered_by);
  return keys;
}

std::string ProviderStaff(const std::string& provider_id) { return "role:provider_admin@" + provider_id; }
std::string PurchaserStaff(const std::string& purchaser_id) { return "role:purchaser_officer@" + purchaser_id; }
std::string Coordinators(const Order& o) { return "role:coordinator@" + o.region_id; }

// The audience of a change, without the person who made it.
std::vector<std::string> Without(std::vector<std::string> keys, const access::Decision& who) {
  std::erase(keys, "user:" + who.actor_id);
  if (!who.organization_id.empty()) std::erase(keys, "role:" + who.role + "@" + who.organization_id);
  if (who.role == "coordinator")
    std::erase_if(keys, [](const std::string& k) { return k.starts_with("role:coordinator@"); });
  return keys;
}

}  // namespace

Result<void> OrderService::Announce(storage::Connection& c, const Order& o, const std::string& kind,
                                    std::vector<std::string> audience, const access::Decision& who,
                                    boost::json::object data, Timestamp now) {
  audience = Without(std::move(audience), who);
  // Whoever ordered for the client hears of it only while they may still read the order (a
  // revoked delegation, an officer who left): staff are reached through their role keys anyway.
  const std::string orderer = "user:" + o.ordered_by;
  if (o.ordered_by != o.client_id && std::find(audience.begin(), audience.end(), orderer) != audience.end()) {
    http::Principal p{o.ordered_by, "user"};
    p.mfa_verified = true;
    auto allowed =
        access::Authorize(c, p, access::Action::kOrderRead, {.region_id = o.region_id, .client_id = o.client_id}, now);
    if (!allowed.ok()) std::erase(audience, orderer);
  }
  if (audience.empty()) return Ok();
  data["category"] = o.category;
  data["state"] = o.state;
  return notifications::Add(c, bus_,
                            {.region_id = o.region_id,
                             .audience = std::move(audience),
                             .kind = kind,
                             .subject_type = "order",
                             .subject_id = o.id,
                             .data = boost::json::serialize(data)},
                            now);
}

Result<void> OrderService::EmitToParties(storage::Connection& c, const Order& o, const std::string& type,
                                         const boost::json::object& data, Timestamp now) {
  if (!webhooks_) return Ok();
  const std::string body = boost::json::serialize(data);
  if (o.purchaser_id) ALLMENDE_TRY(webhooks_->Emit(c, o.region_id, *o.purchaser_id, type, body, now));
  if (o.provider_id && o.provider_id != o.purchaser_id) {
    ALLMENDE_TRY(webhooks_->Emit(c, o.region_id, *o.provider_id, type, body, now));
  }
  return Ok();
}

Result<void> OrderService::Signal(storage::Connection& c, const Order& o, std::string_view event,
                                  const std::string& from, const access::Decision& who, Timestamp now) {
  ALLMENDE_TRY(EmitToParties(
      c, o, "order.changed",
      {{"order_id", o.id}, {"event", event}, {"state", o.state}, {"previous_state", from}, {"category", o.category}},
      now));
  auto with = [](std::vector<std::string> keys, std::initializer_list<std::optional<std::string>> more) {
    for (const auto& k : more) {
      if (k) keys.push_back(*k);
    }
    return keys;
  };
  const std::optional<std::string> provider =
      o.provider_id ? std::optional<std::string>(ProviderStaff(*o.provider_id)) : std::nullopt;
  const std::optional<std::string> purchaser =
      o.purchaser_id && o.origin != "shop" ? std::optional<std::string>(PurchaserStaff(*o.purchaser_id)) : std::nullopt;
  if (event == "accept") {
    return Announce(c, o, "order.accepted", with(ClientSide(o), {purchaser}), who,
                    {{"provider_name", o.provider_name.value_or("")}}, now);
  }
  if (event == "assign") return Announce(c, o, "order.scheduled", ClientSide(o), who, {}, now);
  if (event == "escalate") {
    std::string place = place_name_ ? place_name_(c, o.municipality_code) : o.municipality_code;
    return Announce(c, o, "order.escalated", {Coordinators(o)}, who,
                    {{"escalation_code", o.escalation_code.value_or("")}, {"place", place}}, now);
  }
  if (event == "cancel")
    return Announce(c, o, "order.cancelled", with(ClientSide(o), {provider, purchaser}), who, {}, now);
  if (event == "decline") return Announce(c, o, "order.declined", ClientSide(o), who, {}, now);
  if (event == "expire") return Announce(c, o, "order.expired", ClientSide(o), who, {}, now);
  if (event == "check_out") return Announce(c, o, "order.delivered", ClientSide(o), who, {}, now);
  if (event == "dispute") return Announce(c, o, "order.disputed", with({Coordinators(o)}, {provider}), who, {}, now);
  if (event == "fail") return Announce(c, o, "order.failed", with(ClientSide(o), {purchaser}), who, {}, now);
  return Ok();
}

Result<void> OrderService::SignalVisit(storage::Connection& c, const Order& o, const std::string& visit_id,
                                       const std::string& visit_state, const access::Decision& who, Timestamp now) {
  ALLMENDE_TRY(
      EmitToParties(c, o, "visit.changed", {{"order_id", o.id}, {"visit_id", visit_id}, {"state", visit_state}}, now));
  // A one-off order follows its visit and is announced by Signal; a recurring one stays scheduled
  // while each visit asks for its confirmation or tells of a dispute.
  if (o.schedule.frequency == "once") return Ok();
  const std::optional<std::string> provider =
      o.provider_id ? std::optional<std::string>(ProviderStaff(*o.provider_id)) : std::nullopt;
  boost::json::object data{{"visit_id", visit_id}};
  if (visit_state == "delivered") return Announce(c, o, "order.delivered", ClientSide(o), who, data, now);
  if (visit_state == "failed") return Announce(c, o, "order.failed", ClientSide(o), who, data, now);
  if (visit_state == "disputed") {
    std::vector<std::string> keys{Coordinators(o)};
    if (provider) keys.push_back(*provider);
    return Announce(c, o, "order.disputed", keys, who, data, now);
  }
  return Ok();
}

Result<void> OrderService::SignalOffer(storage::Connection& c, const Order& o, const Offer& f, Timestamp now) {
  // Before acceptance the provider learns the service, the place and the deadline, not who.
  std::string place = place_name_ ? place_name_(c, o.district_code.value_or(o.municipality_code)) : "";
  if (place.empty() && place_name_) place = place_name_(c, o.municipality_code);
  boost::json::object data{{"order_id", o.id},
                           {"offer_id", f.id},
                           {"category", o.category},
                           {"municipality_code", o.municipality_code},
                           {"deadline", f.deadline}};
  if (webhooks_) {
    ALLMENDE_TRY(webhooks_->Emit(c, o.region_id, f.provider_id, "offer.created", boost::json::serialize(data), now));
  }
  return notifications::Add(
      c, bus_,
      {.region_id = o.region_id,
       .audience = {ProviderStaff(f.provider_id)},
       .kind = "order.offered",
       .subject_type = "order",
       .subject_id = o.id,
       .data = boost::json::serialize(boost::json::object{{"category", o.category},
                                                          {"state", "offered"},
                                                          {"place", place},
                                                          {"place_code", o.district_code.value_or(o.municipality_code)},
                                                          {"deadline", f.deadline},
                                                          {"offer_id", f.id}})},
      now);
}

Result<bool> OrderService::CloseOffer(storage::Connection& c, const Order& o, const Offer& f, const std::string& state,
                                      const std::string& by, const std::string& reason, Timestamp now) {
  ALLMENDE_ASSIGN_OR_RETURN(bool decided, OrderStore::DecideOffer(c, f.id, state, by, reason, FormatRfc3339(now)));
  if (decided && webhooks_) {
    boost::json::object data{{"order_id", o.id}, {"offer_id", f.id}, {"state", state}, {"reason", reason}};
    ALLMENDE_TRY(webhooks_->Emit(c, o.region_id, f.provider_id, "offer.closed", boost::json::serialize(data), now));
  }
  return decided;
}

Result<void> OrderService::SignalMessage(storage::Connection& c, const Order& o, const std::string& message_id,
                                         const access::Decision& who, Timestamp now) {
  ALLMENDE_TRY(EmitToParties(c, o, "order.message", {{"order_id", o.id}, {"message_id", message_id}}, now));
  std::vector<std::string> keys = ClientSide(o);
  keys.push_back(Coordinators(o));
  if (o.provider_id) keys.push_back(ProviderStaff(*o.provider_id));
  if (o.purchaser_id && o.origin != "shop") keys.push_back(PurchaserStaff(*o.purchaser_id));
  return Announce(c, o, "order.message", keys, who, {{"from_role", who.role}, {"message_id", message_id}}, now);
}

}  // namespace allmende::orders
