// The transitions of an order after it is placed: cancel, accept (one provider wins), decline,
// route by hand, assign a worker. Part of OrderService (order_service.hpp).
#include <algorithm>

#include "access/access_store.hpp"
#include "clients/client_service.hpp"
#include "common/ids.hpp"
#include "directory/directory_service.hpp"
#include "jobs/job_scheduler.hpp"
#include "orders/order_service.hpp"
#include "orders/visit_service.hpp"
#include "tenancy/organization_service.hpp"

namespace allmende::orders {

Result<OrderView> OrderService::Cancel(const access::Actor& actor, const std::string& id, const std::string& reason) {
  if (reason.size() > 500) return Error::Invalid("reason", "At most 500 characters.");
  Timestamp now = clock_.Now();
  return db_.WriteValue<OrderView>([&](storage::Connection& c) -> Result<OrderView> {
    ALLMENDE_ASSIGN_OR_RETURN(Loaded l, Open(c, actor, access::Action::kOrderCancel, id, now));
    ALLMENDE_TRY(CancelLoaded(c, l, reason, now));
    return View(c, actor, std::move(l), now);
  });
}

Result<void> OrderService::CancelLoaded(storage::Connection& c, Loaded& l, const std::string& reason, Timestamp now) {
  const std::string& id = l.order.id;
  {
    const std::int64_t version = l.order.version;
    ALLMENDE_TRY(Transition(c, l.order, OrderEvent::kCancel, l.decision,
                            reason.empty() ? std::nullopt : std::optional<std::string>(reason), "all", now));
    ALLMENDE_ASSIGN_OR_RETURN(auto offers, OrderStore::OffersOf(c, id));
    for (const auto& f : offers) {
      if (f.state == "open") {
        ALLMENDE_TRY(CloseOffer(c, l.order, f, "withdrawn", l.decision.actor_id, "order cancelled", now));
      }
    }
    // Planned visits are cancelled; one that starts within the agreement's notice is charged.
    ALLMENDE_ASSIGN_OR_RETURN(auto visits, OrderStore::VisitsOf(c, id));
    for (auto v : visits) {
      if (v.state != "planned") continue;
      const std::int64_t visit_version = v.version;
      v.state = "cancelled";
      auto starts = ParseRfc3339(v.starts_at);
      if (l.order.price && starts && *starts > now &&
          *starts - now < std::chrono::hours(l.order.price->late_cancel_hours)) {
        v.failure_reason =
            "cancelled less than " + std::to_string(l.order.price->late_cancel_hours) + " h before the visit";
        // The agreement's rule charges part of the planned visit, split across the grants.
        ALLMENDE_TRY(
            PriceVisit(c, v, l.order, l.order.duration_minutes, l.order.price->late_cancel_charge_bp, false, now));
      }
      v.updated_at = FormatRfc3339(now);
      ALLMENDE_TRY(OrderStore::UpdateVisit(c, v, visit_version));
    }
    ALLMENDE_TRY(Save(c, l.order, version));
    ALLMENDE_TRY(Notify(c, l.order, "cancelled", now));
  }
  return Ok();
}

Result<OrderView> OrderService::Accept(const access::Actor& actor, const std::string& id) {
  Timestamp now = clock_.Now();
  return db_.WriteValue<OrderView>([&](storage::Connection& c) -> Result<OrderView> {
    ALLMENDE_ASSIGN_OR_RETURN(auto o, OrderStore::GetOrder(c, id));
    if (!o) return Error::NotFound("There is no such order.");
    ALLMENDE_ASSIGN_OR_RETURN(auto offers, OrderStore::OffersOf(c, id));
    // The actor's organization among the providers the order was offered to.
    std::optional<Offer> mine;
    std::optional<access::Decision> decision;
    for (const auto& f : offers) {
      auto d = access::Authorize(c, actor.principal, access::Action::kOfferRespond,
                                 {.region_id = o->region_id, .organization_id = f.provider_id}, now);
      if (d.ok()) {
        if (!mine || f.state == "open") mine = f, decision = *d;
      } else if (d.error().code == ErrorCode::kMfaRequired || d.error().code == ErrorCode::kUnauthenticated) {
        return std::move(d).error();
      }
    }
    if (!mine) return Error::PermissionDenied("This order was not offered to your organization.");
    if (mine->state != "open" || o->state != "offered") {
      return Error::IllegalTransition("This offer is no longer open: the order is " + o->state + ".", o->state);
    }
    ALLMENDE_ASSIGN_OR_RETURN(bool won, CloseOffer(c, *o, *mine, "accepted", decision->actor_id, "", now));
    if (!won) return Error::IllegalTransition("Another provider accepted first.", "accepted");
    for (const auto& f : offers) {
      if (f.state == "open" && f.id != mine->id) {
        ALLMENDE_TRY(CloseOffer(c, *o, f, "withdrawn", "system", "another provider accepted", now));
      }
    }
    const std::int64_t version = o->version;
    o->provider_id = mine->provider_id;
    ALLMENDE_ASSIGN_OR_RETURN(auto provider, tenancy::OrganizationService::Find(c, mine->provider_id));
    if (provider) o->provider_name = provider->name;
    // The price the order is delivered at: the agreement's, or the published service's.
    OrderPrice price;
    if (o->purchaser_id && o->origin != "shop") {
      ALLMENDE_ASSIGN_OR_RETURN(auto agreements,
                                OrderStore::AgreementsFor(c, *o->purchaser_id, o->category, o->schedule.start_date));
      for (const auto& a : agreements) {
        if (a.provider_id != mine->provider_id) continue;
        o->agreement_id = a.id;
        price.model = a.price_model;
        price.amount_cents = a.price_cents;
        price.currency = a.currency;
        price.billing_unit_minutes = a.billing_unit_minutes;
        price.minimum_minutes = a.minimum_minutes;
        price.late_cancel_hours = a.late_cancel_hours;
        price.late_cancel_charge_bp = a.late_cancel_charge_bp;
        price.no_show_charge_bp = a.no_show_charge_bp;
        break;
      }
    } else if (o->service_id) {
      ALLMENDE_ASSIGN_OR_RETURN(auto s, directory::DirectoryService::FindPublished(c, *o->service_id));
      if (s) {
        const auto& p = s->published->price;
        price.model = p.model == "hourly" ? "hourly" : "per_visit";
        price.amount_cents = p.amount;
        price.currency = p.currency;
        price.billing_unit_minutes = 15;
        price.minimum_minutes = 0;
        price.minimum_cents = p.minimum_charge;
        price.labour_share_bp = p.labour_share_bp;
      }
    }
    if (price.model.empty()) {
      return Error::Conflict(
          "No price for this order: your organization has no agreement or published service for it.");
    }
    o->price = price;
    ALLMENDE_TRY(Transition(c, *o, OrderEvent::kAccept, *decision, std::nullopt, "all", now));
    // The provider now serves this client: what a delivery needs becomes visible to it.
    // Ordered by the advice desk: the provider's access holds only while the client's consent does.
    if (o->consent_id) ALLMENDE_TRY(clients::ClientService::ConsentNamesProvider(c, *o->consent_id, mine->provider_id));
    ALLMENDE_TRY(
        clients::ClientService::EnsureRelation(c, o->client_id, mine->provider_id, "provider", now, o->consent_id));
    ALLMENDE_TRY(PlanVisits(c, *o, now));
    o->next_deadline.reset();
    ALLMENDE_TRY(Save(c, *o, version));
    ALLMENDE_TRY(Notify(c, *o, "accepted", now));
    ALLMENDE_ASSIGN_OR_RETURN(Loaded l, Open(c, actor, access::Action::kOrderRead, id, now));
    return View(c, actor, std::move(l), now);
  });
}

Result<OrderView> OrderService::Decline(const access::Actor& actor, const std::string& id, const std::string& reason) {
  if (reason.size() > 500) return Error::Invalid("reason", "At most 500 characters.");
  Timestamp now = clock_.Now();
  return db_.WriteValue<OrderView>([&](storage::Connection& c) -> Result<OrderView> {
    ALLMENDE_ASSIGN_OR_RETURN(auto o, OrderStore::GetOrder(c, id));
    if (!o) return Error::NotFound("There is no such order.");
    ALLMENDE_ASSIGN_OR_RETURN(auto offers, OrderStore::OffersOf(c, id));
    std::optional<Offer> mine;
    std::optional<access::Decision> decision;
    bool others_open = false, offered_to_actor = false;
    for (const auto& f : offers) {
      auto d = access::Authorize(c, actor.principal, access::Action::kOfferRespond,
                                 {.region_id = o->region_id, .organization_id = f.provider_id}, now);
      if (!d.ok() && (d.error().code == ErrorCode::kMfaRequired || d.error().code == ErrorCode::kUnauthenticated)) {
        return std::move(d).error();
      }
      offered_to_actor |= d.ok();
      if (d.ok() && f.state == "open") {
        mine = f, decision = *d;
      } else if (f.state == "open") {
        others_open = true;
      }
    }
    if (!offered_to_actor) return Error::PermissionDenied("This order was not offered to your organization.");
    if (!mine) {
      return Error::IllegalTransition("Your organization has no open offer for this order.", o->state);
    }
    ALLMENDE_TRY(CloseOffer(c, *o, *mine, "declined", decision->actor_id, reason, now));
    const std::int64_t version = o->version;
    ALLMENDE_TRY(OrderStore::InsertTimeline(
        c, o->region_id, o->id,
        {NewId("otl"), FormatRfc3339(now), decision->actor_id, decision->role, "declined_offer", o->state, o->state,
         reason.empty() ? std::nullopt : std::optional<std::string>(reason), "staff"}));
    if (!others_open) {
      ALLMENDE_TRY(Transition(c, *o, OrderEvent::kReroute, *decision, std::nullopt, "staff", now));
      ALLMENDE_TRY(RouteNext(c, *o, SystemDecision(), now));
    }
    o->updated_at = FormatRfc3339(now);
    ALLMENDE_TRY(Save(c, *o, version));
    OrderView v;
    v.order = std::move(*o);
    v.order.needs = v.order.address = v.order.door_code = v.order.contact_phone = "";
    v.viewer = "provider";
    return v;
  });
}

Result<OrderView> OrderService::RouteByHand(const access::Actor& actor, const std::string& id,
                                            const std::optional<std::string>& provider_id) {
  Timestamp now = clock_.Now();
  return db_.WriteValue<OrderView>([&](storage::Connection& c) -> Result<OrderView> {
    ALLMENDE_ASSIGN_OR_RETURN(auto o, OrderStore::GetOrder(c, id));
    if (!o) return Error::NotFound("There is no such order.");
    ALLMENDE_ASSIGN_OR_RETURN(auto decision, access::Authorize(c, actor.principal, access::Action::kOrderRoute,
                                                               {.region_id = o->region_id}, now));
    const std::int64_t version = o->version;
    ALLMENDE_ASSIGN_OR_RETURN(auto offers, OrderStore::OffersOf(c, id));
    ALLMENDE_TRY(Transition(c, *o, OrderEvent::kRoute, decision, "routed by hand", "staff", now));
    for (const auto& f : offers) {
      if (f.state == "open") {
        ALLMENDE_TRY(CloseOffer(c, *o, f, "withdrawn", decision.actor_id, "routed by hand", now));
      }
    }
    if (!provider_id) {
      ALLMENDE_TRY(RouteNext(c, *o, decision, now));
    } else {
      ALLMENDE_ASSIGN_OR_RETURN(auto org, tenancy::OrganizationService::Find(c, *provider_id));
      static const std::vector<std::string> kProviders{"provider_company", "association", "volunteer_group"};
      if (!org || org->region_id != o->region_id ||
          std::find(kProviders.begin(), kProviders.end(), org->kind) == kProviders.end()) {
        return Error::Invalid("provider_id", "No provider of this region has this id.");
      }
      // A purchaser's order goes only to a provider it has an agreement with: the price is the
      // agreement's.
      if (o->purchaser_id && o->origin != "shop") {
        ALLMENDE_ASSIGN_OR_RETURN(auto agreements,
                                  OrderStore::AgreementsFor(c, *o->purchaser_id, o->category, o->schedule.start_date));
        if (std::none_of(agreements.begin(), agreements.end(),
                         [&](const Agreement& a) { return a.provider_id == *provider_id; })) {
          return Error::Invalid("provider_id", "The purchaser has no agreement with this provider for this service.");
        }
      }
      if (std::any_of(offers.begin(), offers.end(), [&](const Offer& f) { return f.provider_id == *provider_id; })) {
        return Error::Invalid("provider_id", "This provider already had this order; choose another.");
      }
      const std::int64_t seq = OfferSeq(now);
      Offer f{NewId("ofr"),
              o->region_id,
              o->id,
              *provider_id,
              seq,
              "open",
              FormatRfc3339(now),
              FormatRfc3339(OfferDeadline(c, *o, now, std::chrono::hours(24))),
              std::nullopt,
              std::nullopt};
      ALLMENDE_TRY(OrderStore::InsertOffer(c, f));
      ALLMENDE_TRY(SignalOffer(c, *o, f, now));
      ALLMENDE_TRY(jobs::JobScheduler::Schedule(c, "orders.expire_offers", "offer:" + f.id,
                                                OfferDeadline(c, *o, now, std::chrono::hours(24)), now, "{}",
                                                o->region_id));
      o->escalation_reason.reset();
      o->escalation_code.reset();
      o->next_deadline = f.deadline;
      ALLMENDE_TRY(Transition(c, *o, OrderEvent::kOffer, decision, "offered to " + org->name, "staff", now));
    }
    ALLMENDE_TRY(Save(c, *o, version));
    ALLMENDE_ASSIGN_OR_RETURN(Loaded l, Open(c, actor, access::Action::kOrderRead, id, now));
    return View(c, actor, std::move(l), now);
  });
}

Result<OrderView> OrderService::Assign(const access::Actor& actor, const std::string& id,
                                       const std::string& worker_id) {
  Timestamp now = clock_.Now();
  return db_.WriteValue<OrderView>([&](storage::Connection& c) -> Result<OrderView> {
    ALLMENDE_ASSIGN_OR_RETURN(auto o, OrderStore::GetOrder(c, id));
    if (!o || !o->provider_id) return Error::NotFound("There is no such order.");
    ALLMENDE_ASSIGN_OR_RETURN(auto decision,
                              access::Authorize(c, actor.principal, access::Action::kOrderAssign,
                                                {.region_id = o->region_id, .organization_id = *o->provider_id}, now));
    ALLMENDE_ASSIGN_OR_RETURN(auto memberships, access::PolicyStore::LiveMemberships(c, worker_id));
    const bool works_here = std::any_of(memberships.begin(), memberships.end(), [&](const auto& m) {
      return m.organization_id == *o->provider_id && (m.role == "provider_worker" || m.role == "provider_admin");
    });
    if (!works_here) return Error::Invalid("worker_id", "This person does not work for your organization.");
    const std::int64_t version = o->version;
    o->worker_id = worker_id;
    ALLMENDE_TRY(Transition(c, *o, OrderEvent::kAssign, decision, std::nullopt, "provider", now));
    ALLMENDE_ASSIGN_OR_RETURN(auto visits, OrderStore::VisitsOf(c, id));
    for (auto v : visits) {
      if (v.state != "planned") continue;
      const std::int64_t visit_version = v.version;
      v.worker_id = worker_id;
      v.updated_at = FormatRfc3339(now);
      ALLMENDE_TRY(OrderStore::UpdateVisit(c, v, visit_version));
    }
    ALLMENDE_TRY(Save(c, *o, version));
    ALLMENDE_ASSIGN_OR_RETURN(Loaded l, Open(c, actor, access::Action::kOrderRead, id, now));
    return View(c, actor, std::move(l), now);
  });
}

}  // namespace allmende::orders
