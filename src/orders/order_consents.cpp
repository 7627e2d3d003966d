// Consents to orders the advice desk places on a client's behalf: recorded with the order, listed
// to the client and their delegate, withdrawn by them. A withdrawn or expired consent ends the
// provider's access to the client's data (the policy reads client_relations.consent_id), and a
// withdrawal cancels the orders still open under it.
#include <algorithm>

#include "calendar/local_time.hpp"
#include "calendar/zone.hpp"
#include "clients/client_service.hpp"
#include "common/ids.hpp"
#include "common/validate.hpp"
#include "orders/order_service.hpp"

namespace allmende::orders {

Result<clients::Consent> OrderService::ConsentFor(const OrderConsent& in, const tenancy::Region& region,
                                                  Timestamp now) {
  static const std::vector<std::string> ways{"phone", "in_person", "written", "digital"};
  std::vector<FieldError> errors;
  if (std::find(ways.begin(), ways.end(), in.given_how) == ways.end()) {
    errors.push_back({"consent.given_how", "Choose phone, in_person, written or digital."});
  }
  if (auto problem = PersonNameProblem(in.given_by)) errors.push_back({"consent.given_by", *problem});
  clients::Consent k;
  k.id = NewId("cns");
  k.given_how = in.given_how;
  k.given_by = in.given_by;
  if (in.valid_until) {
    // The consent holds through its last day in the region's time zone.
    auto last = calendar::ParseDate(*in.valid_until);
    const std::string today = LocalToday(now, region.time_zone);
    if (!last || *in.valid_until < today) {
      errors.push_back({"consent.valid_until", "Give the last day as YYYY-MM-DD, today or later."});
    } else {
      auto end = calendar::ToUtc(region.time_zone, calendar::FromDayNumber(calendar::DayNumber(*last) + 1),
                                 calendar::LocalTime{0, 0});
      if (!end.ok()) return std::move(end).error();
      k.valid_until = FormatRfc3339(*end);
    }
  }
  if (!errors.empty()) return Error::Invalid(std::move(errors));
  return k;
}

Result<std::vector<clients::Consent>> OrderService::ConsentsOf(const access::Actor& actor,
                                                               const std::string& client_id) {
  Timestamp now = clock_.Now();
  return db_.ReadValue<std::vector<clients::Consent>>(
      [&](storage::Connection& c) -> Result<std::vector<clients::Consent>> {
        ALLMENDE_TRY(
            access::Authorize(c, actor.principal, access::Action::kConsentRead, {.client_id = client_id}, now));
        return clients::ClientService::ConsentsOfClient(c, client_id);
      });
}

Result<clients::Consent> OrderService::WithdrawConsent(const access::Actor& actor, const std::string& client_id,
                                                       const std::string& consent_id) {
  Timestamp now = clock_.Now();
  return db_.WriteValue<clients::Consent>([&](storage::Connection& c) -> Result<clients::Consent> {
    ALLMENDE_ASSIGN_OR_RETURN(auto decision, access::Authorize(c, actor.principal, access::Action::kConsentWithdraw,
                                                               {.client_id = client_id}, now));
    ALLMENDE_ASSIGN_OR_RETURN(auto consent, clients::ClientService::FindConsent(c, consent_id));
    if (!consent || consent->client_id != client_id) return Error::NotFound("The client has no such consent.");
    ALLMENDE_ASSIGN_OR_RETURN(bool withdrawn,
                              clients::ClientService::WithdrawConsent(c, consent_id, decision.actor_id, now));
    if (!withdrawn) return Error::IllegalTransition("This consent was withdrawn already.", "withdrawn");
    // The order placed under it ends too, unless it ended already: nobody may go on delivering
    // to the client on a consent they took back.
    if (consent->order_id) {
      ALLMENDE_ASSIGN_OR_RETURN(auto order, OrderStore::GetOrder(c, *consent->order_id));
      if (order && !IsFinalOrderState(order->state) && NextOrderState(order->state, OrderEvent::kCancel)) {
        ALLMENDE_ASSIGN_OR_RETURN(Loaded l, Open(c, actor, access::Action::kOrderCancel, *consent->order_id, now));
        ALLMENDE_TRY(CancelLoaded(c, l, "consent withdrawn", now));
      }
    }
    ALLMENDE_ASSIGN_OR_RETURN(auto changed, clients::ClientService::FindConsent(c, consent_id));
    if (!changed) return Error::Internal("The consent could not be read back.");
    return std::move(*changed);
  });
}

Result<int> OrderService::EndOrdersOfLapsedConsents(storage::Connection& c, Timestamp now) {
  ALLMENDE_ASSIGN_OR_RETURN(auto ids, OrderStore::OrdersWithLapsedConsent(c, FormatRfc3339(now), 200));
  int ended = 0;
  for (const auto& id : ids) {
    ALLMENDE_ASSIGN_OR_RETURN(auto order, OrderStore::GetOrder(c, id));
    if (!order || !NextOrderState(order->state, OrderEvent::kCancel)) continue;
    Loaded l{std::move(*order), SystemDecision()};
    ALLMENDE_TRY(CancelLoaded(c, l, "consent expired", now));
    ++ended;
  }
  return ended;
}

}  // namespace allmende::orders
