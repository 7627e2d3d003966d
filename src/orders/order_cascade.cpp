// The routing cascade's database side: who the candidates are, what the pure engine decides,
// the offers it makes, and the escalation reason in words.
#include <algorithm>
#include <cctype>

#include "access/access_store.hpp"
#include "calendar/local_time.hpp"
#include "calendar/zone.hpp"
#include "common/ids.hpp"
#include "directory/directory_service.hpp"
#include "dispatch/routing.hpp"
#include "funding/funding_store.hpp"
#include "jobs/job_scheduler.hpp"
#include "orders/order_service.hpp"
#include "quality/quality_scores.hpp"
#include "tenancy/region_service.hpp"

namespace allmende::orders {
namespace {

// Whether `address` names postal code `code` as a word of its own ("Insinöörinkatu 48, 33720
// Tampere" names 33720, not 3372): a service may serve single postal code areas.
bool HasPostalCode(const std::string& address, const std::string& code) {
  if (code.empty()) return false;
  for (auto at = address.find(code); at != std::string::npos; at = address.find(code, at + 1)) {
    const bool before = at == 0 || !std::isdigit(static_cast<unsigned char>(address[at - 1]));
    const std::size_t end = at + code.size();
    const bool after = end == address.size() || !std::isdigit(static_cast<unsigned char>(address[end]));
    if (before && after) return true;
  }
  return false;
}

bool In(const std::vector<std::string>& list, const std::string& v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

std::string LanguageName(const std::string& code) {
  if (code == "fi") return "Finnish";
  if (code == "sv") return "Swedish";
  if (code == "de") return "German";
  if (code == "da") return "Danish";
  if (code == "en") return "English";
  return code;
}

// The reason in words, e.g. "no provider with capacity in Orivesi serving in Swedish".
std::string ReasonInWords(const std::string& code, const std::string& place, const std::string& category,
                          const std::string& language) {
  const bool lang = code.find("language") != std::string::npos;
  const bool cap = code.find("capacity") != std::string::npos;
  const bool hours = code.find("hours") != std::string::npos;
  const bool declined = code.find("declined") != std::string::npos;
  if (code == "no_candidates" || code == "agreement") {
    return "no provider with an agreement for " + category + " in " + place;
  }
  if (code == "area") return "no provider serves " + place;
  if (code == "service") return "no provider in " + place + " offers " + category;
  if (code == "voucher") return "no provider in " + place + " is approved for the client's voucher";
  std::string s = "no provider";
  if (cap) s += " with capacity";
  s += " in " + place;
  if (lang) s += " serving in " + LanguageName(language);
  if (hours) s += (lang ? " and" : "") + std::string(" open at the requested time");
  if (declined && !cap && !lang && !hours) return "every provider in " + place + " declined or did not answer";
  if (declined) s += " (others declined or did not answer)";
  return s;
}

// The UTC bounds of the ISO week (Monday 00:00 to the next Monday) that holds `date` in `zone`.
std::pair<std::string, std::string> WeekOf(const std::string& date, const std::string& zone) {
  auto d = calendar::ParseDate(date);
  if (!d) return {date, date};
  std::int32_t monday = calendar::DayNumber(*d) - (calendar::Weekday(*d) - 1);
  auto from = calendar::ToUtc(zone, calendar::FromDayNumber(monday), {0, 0});
  auto to = calendar::ToUtc(zone, calendar::FromDayNumber(monday + 7), {0, 0});
  if (!from.ok() || !to.ok()) return {date, date};
  return {FormatRfc3339(*from), FormatRfc3339(*to)};
}

}  // namespace

Timestamp OfferDeadline(storage::Connection& c, const Order& o, Timestamp now, std::chrono::minutes response) {
  Timestamp deadline = now + response;
  // An answer is due an hour before the first visit starts (but gets ten minutes at least).
  auto region = tenancy::RegionService::Get(c, o.region_id);
  auto day = calendar::ParseDate(o.schedule.start_date);
  auto time = calendar::ParseTime(o.schedule.window_start);
  if (region.ok() && day && time) {
    auto first = calendar::ToUtc(region->time_zone, *day, *time);
    if (first.ok()) deadline = std::min(deadline, *first - std::chrono::hours(1));
  }
  return std::max(deadline, now + std::chrono::minutes(10));
}

Result<void> OrderService::RouteNext(storage::Connection& c, Order& o, const access::Decision& who, Timestamp now) {
  ALLMENDE_ASSIGN_OR_RETURN(auto region, tenancy::RegionService::Get(c, o.region_id));
  ALLMENDE_ASSIGN_OR_RETURN(auto offers, OrderStore::OffersOf(c, o.id));

  auto [week_from, week_to] = WeekOf(o.schedule.start_date, region.time_zone);
  ALLMENDE_ASSIGN_OR_RETURN(auto planned, OrderStore::PlannedMinutes(c, o.region_id, week_from, week_to));
  // Continuity: the providers serving the client now.
  ALLMENDE_ASSIGN_OR_RETURN(auto relations, access::PolicyStore::CurrentRelations(c, o.client_id, FormatRfc3339(now)));
  std::vector<std::string> earlier;
  for (const auto& r : relations) {
    if (r.relation == "provider") earlier.push_back(r.organization_id);
  }

  // The voucher (or free-choice) grant the order draws on, if any: its payer's approvals count.
  std::optional<std::string> voucher_payer;
  for (const auto& gid : o.grants) {
    ALLMENDE_ASSIGN_OR_RETURN(auto g, funding::FundingStore::GetGrant(c, gid));
    if (g && (g->kind == "voucher" || g->kind == "free_choice")) {
      voucher_payer = g->payer_id;
      break;
    }
  }

  // The providers' quality scores (src/quality/); one not scored yet counts as the region's
  // average.
  ALLMENDE_ASSIGN_OR_RETURN(auto scores, quality::RegionScores(c, o.region_id));
  int average_score = 500;
  if (!scores.empty()) {
    long long sum = 0;
    for (const auto& [id, score] : scores) sum += score;
    average_score = static_cast<int>(sum / static_cast<long long>(scores.size()));
  }

  std::vector<dispatch::Candidate> candidates;
  std::map<std::string, int> response_minutes;
  int offer_count = 1;
  auto fill_common = [&](dispatch::Candidate& k) -> Result<void> {
    k.previous_provider = In(earlier, k.provider_id);
    auto score = scores.find(k.provider_id);
    k.quality_score_permille = score == scores.end() ? average_score : score->second;
    k.declined_or_expired = std::any_of(offers.begin(), offers.end(), [&](const Offer& f) {
      return f.provider_id == k.provider_id && f.state != "open";
    });
    if (voucher_payer) {
      ALLMENDE_ASSIGN_OR_RETURN(k.voucher_approved,
                                funding::FundingStore::IsApproved(c, *voucher_payer, k.provider_id, o.category));
    }
    return Ok();
  };

  if (o.purchaser_id && o.origin != "shop") {
    ALLMENDE_ASSIGN_OR_RETURN(auto agreements,
                              OrderStore::AgreementsFor(c, *o.purchaser_id, o.category, o.schedule.start_date));
    for (const auto& a : agreements) {
      dispatch::Candidate k;
      k.provider_id = a.provider_id;
      k.has_agreement = true;
      k.has_published_service = true;  // the agreement names the service
      k.agreement_rank = a.rank;
      k.offers_service = true;
      k.serves_area = In(a.municipalities, o.municipality_code);
      k.languages = a.languages;
      auto p = planned.find(a.provider_id);
      const std::int64_t used = p == planned.end() ? 0 : p->second;
      k.capacity_left_minutes = std::max<std::int64_t>(0, a.weekly_capacity_minutes - used);
      k.load_permille = a.weekly_capacity_minutes > 0
                            ? static_cast<int>(std::min<std::int64_t>(1000, used * 1000 / a.weekly_capacity_minutes))
                            : 1000;
      ALLMENDE_TRY(fill_common(k));
      response_minutes[a.provider_id] = a.response_minutes;
      offer_count = std::max(offer_count, a.offer_count);
      candidates.push_back(std::move(k));
    }
  } else if (o.service_id) {
    ALLMENDE_ASSIGN_OR_RETURN(auto service, directory::DirectoryService::FindPublished(c, *o.service_id));
    if (service) {
      const auto& content = *service->published;
      const std::string address = content.area.postal_codes.empty() ? "" : OpenSealed(cipher_, o.address);
      dispatch::Candidate k;
      k.provider_id = service->organization_id;
      k.has_published_service = true;
      k.offers_service = content.category == o.category;
      k.serves_area = In(content.area.municipalities, o.municipality_code) ||
                      (o.district_code && In(content.area.districts, *o.district_code)) ||
                      std::any_of(content.area.postal_codes.begin(), content.area.postal_codes.end(),
                                  [&](const std::string& code) { return HasPostalCode(address, code); });
      k.languages = content.languages;
      k.capacity_left_minutes = 1'000'000;  // the provider decides when it accepts
      ALLMENDE_TRY(fill_common(k));
      candidates.push_back(std::move(k));
    }
  }

  // Fair rotation: when each candidate last got an offer.
  std::vector<std::string> ids;
  for (const auto& k : candidates) ids.push_back(k.provider_id);
  ALLMENDE_ASSIGN_OR_RETURN(auto last_seq, OrderStore::LastOfferSeq(c, o.region_id, ids));
  for (auto& k : candidates) {
    auto seq = last_seq.find(k.provider_id);
    k.last_offered_seq = seq == last_seq.end() ? 0 : seq->second;
  }

  dispatch::RoutingRequest request;
  request.language = o.language;
  request.minutes_needed = o.duration_minutes;
  request.needs_agreement = o.purchaser_id.has_value() && o.origin != "shop";
  request.needs_voucher_approval = voucher_payer.has_value();
  request.client_choice = o.chosen_provider_id;
  request.offer_count = offer_count;
  request.ranking_limit = 20;  // offers go to the first few; ranking all costs more than it tells
  const dispatch::RoutingDecision decision = dispatch::Route(request, candidates);

  if (!decision.offer_to.empty()) {
    std::optional<std::string> first_deadline;
    std::int64_t seq = OfferSeq(now);
    for (const auto& provider : decision.offer_to) {
      ++seq;
      auto minutes = response_minutes.count(provider) ? response_minutes[provider] : 24 * 60;
      const Timestamp deadline = OfferDeadline(c, o, now, std::chrono::minutes(minutes));
      Offer f{NewId("ofr"), o.region_id, o.id, provider, seq, "open", FormatRfc3339(now), FormatRfc3339(deadline),
              std::nullopt, std::nullopt};
      ALLMENDE_TRY(OrderStore::InsertOffer(c, f));
      ALLMENDE_TRY(SignalOffer(c, o, f, now));
      if (!first_deadline || f.deadline < *first_deadline) first_deadline = f.deadline;
      // The deadline moves the cascade on even if nobody looks: a job at that moment.
      ALLMENDE_TRY(
          jobs::JobScheduler::Schedule(c, "orders.expire_offers", "offer:" + f.id, deadline, now, "{}", o.region_id));
    }
    o.escalation_reason.reset();
    o.escalation_code.reset();
    o.next_deadline = first_deadline;
    return Transition(c, o, OrderEvent::kOffer, who, std::nullopt, "staff", now);
  }

  // Nobody left. A shop order asked one provider: it is declined (or expired) for the client. If
  // that provider could not be asked at all (not at this address, not in this language), the
  // order is refused as it is placed, naming what does not fit, and nothing is written.
  if (o.origin == "shop" && offers.empty()) {
    const std::string& code = decision.escalation_reason_code;
    if (code.find("area") != std::string::npos) {
      std::string place = place_name_ ? place_name_(c, o.municipality_code) : o.municipality_code;
      return Error::Invalid("address", "The provider does not serve this address (" + place + ").");
    }
    if (code.find("language") != std::string::npos) {
      return Error::Invalid("language", "The provider does not serve in " + LanguageName(o.language) + ".");
    }
    return Error::Invalid("service_id", "The provider cannot take this order now; choose another service.");
  }
  if (o.origin == "shop") {
    const bool expired = std::any_of(offers.begin(), offers.end(), [](const Offer& f) { return f.state == "expired"; });
    o.next_deadline.reset();
    ALLMENDE_TRY(Transition(c, o, expired ? OrderEvent::kExpire : OrderEvent::kDecline, who, std::nullopt, "all", now));
    return Notify(c, o, expired ? "expired" : "declined", now);
  }
  std::string place = place_name_ ? place_name_(c, o.municipality_code) : o.municipality_code;
  o.escalation_reason = ReasonInWords(decision.escalation_reason_code, place, o.category, o.language);
  o.escalation_code = decision.escalation_reason_code;
  o.next_deadline.reset();
  return Transition(c, o, OrderEvent::kEscalate, who, o.escalation_reason, "staff", now);
}

Result<int> OrderService::ExpireOffers(storage::Connection& c, Timestamp now) {
  ALLMENDE_ASSIGN_OR_RETURN(auto ids, OrderStore::OrdersWithExpiredOffers(c, FormatRfc3339(now), 200));
  int moved = 0;
  const access::Decision system = SystemDecision();
  for (const auto& id : ids) {
    ALLMENDE_ASSIGN_OR_RETURN(auto order, OrderStore::GetOrder(c, id));
    if (!order) continue;
    ALLMENDE_ASSIGN_OR_RETURN(auto offers, OrderStore::OffersOf(c, id));
    bool any_open_left = false;
    for (const auto& f : offers) {
      if (f.state != "open") continue;
      if (f.deadline <= FormatRfc3339(now)) {
        ALLMENDE_TRY(CloseOffer(c, *order, f, "expired", "system", "no answer before the deadline", now));
      } else {
        any_open_left = true;
      }
    }
    if (order->state != "offered" || any_open_left) continue;
    const std::int64_t version = order->version;
    ALLMENDE_TRY(Transition(c, *order, OrderEvent::kReroute, system, "the offer ran out", "staff", now));
    ALLMENDE_TRY(RouteNext(c, *order, system, now));
    ALLMENDE_TRY(Save(c, *order, version));
    ++moved;
  }
  return moved;
}

}  // namespace allmende::orders
