// Warnings before a grant runs out or lapses (the funding issue's "warned about before they run
// out or lapse"): a daily pass over the grants in force tells the client and those acting for them,
// in-app, once per period or lapse date.
#include "funding/balance_warnings.hpp"

#include <boost/json.hpp>

#include "calendar/local_time.hpp"
#include "calendar/zone.hpp"
#include "funding/funding_service.hpp"
#include "funding/funding_store.hpp"
#include "notifications/notifications.hpp"
#include "tenancy/delegation_store.hpp"
#include "tenancy/region_service.hpp"

namespace allmende::funding {
namespace {

constexpr int kLapseNoticeDays = 45;

// The client and whoever acts for them in services (delegation scope all or services, in force).
Result<std::vector<std::string>> ClientSide(storage::Connection& c, const std::string& client_id,
                                            const std::string& now) {
  std::vector<std::string> keys{"user:" + client_id};
  ALLMENDE_ASSIGN_OR_RETURN(auto delegations, tenancy::DelegationStore::Of(c, client_id));
  for (const auto& d : delegations) {
    const bool in_force = !d.revoked_at && d.valid_from <= now && (!d.valid_until || now <= *d.valid_until);
    if (d.client_id == client_id && in_force && (d.scope == "all" || d.scope == "services")) {
      keys.push_back("user:" + d.delegate_id);
    }
  }
  return keys;
}

// Whether a notification of `kind` about `grant_id` was made since `since` (one per period).
Result<bool> Warned(storage::Connection& c, const std::string& kind, const std::string& grant_id,
                    const std::string& since) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto row,
      c.QueryOne("SELECT COUNT(*) FROM notifications WHERE kind = $1 AND subject_id = $2 AND created_at >= $3",
                 {kind, grant_id, since}));
  return row && row->Int(0) > 0;
}

}  // namespace

Result<int> WarnAboutBalances(storage::Connection& c, events::EventBus& bus, Timestamp now) {
  int warned = 0;
  std::string after;
  const std::string at = FormatRfc3339(now);
  for (;;) {
    // The date that matters is each region's; grants are read in force on the UTC date, then
    // checked on their region's date.
    ALLMENDE_ASSIGN_OR_RETURN(auto batch, FundingStore::ActiveOn(c, at.substr(0, 10), after, 200));
    if (batch.empty()) break;
    for (const auto& g : batch) {
      after = g.id;
      ALLMENDE_ASSIGN_OR_RETURN(auto region, tenancy::RegionService::Get(c, g.region_id));
      auto local = calendar::ToLocal(region.time_zone, now);
      if (!local.ok()) continue;
      const std::string today = calendar::FormatDate(local->first);
      ALLMENDE_ASSIGN_OR_RETURN(Balance b, FundingService::BalanceOn(c, g, today));
      std::optional<std::pair<std::string, boost::json::object>> warning;  // kind, data
      std::string since = b.period_start + "T00:00:00.000Z";
      if (g.kind == "periodic_budget") {
        // Amounts that lapse within the notice, once per lapse date.
        for (const auto& l : b.lapses) {
          auto on = calendar::ParseDate(l.on);
          if (!on || l.amount_cents <= 0) continue;
          const int days = static_cast<int>(calendar::DayNumber(*on) - calendar::DayNumber(local->first));
          if (days >= 0 && days <= kLapseNoticeDays) {
            warning = {"grant.lapsing",
                       {{"lapses_on", l.on}, {"amount_cents", l.amount_cents}, {"currency", g.currency}}};
            since = calendar::FormatDate(calendar::FromDayNumber(calendar::DayNumber(*on) - kLapseNoticeDays - 1)) +
                    "T00:00:00.000Z";
            break;
          }
        }
      } else if (g.kind != "free_choice" && b.granted > 0 && b.remaining * 4 <= b.granted) {
        // (A free-choice decision is hours a week, used up each week by design: no warning.)
        // A quarter or less left of the period's hours, visits or amount.
        warning = {
            "grant.low",
            {{"remaining", b.remaining}, {"granted", b.granted}, {"unit", b.unit}, {"period_end", b.period_end}}};
        if (b.unit == "cents") warning->second["currency"] = g.currency;
      }
      if (!warning) continue;
      ALLMENDE_ASSIGN_OR_RETURN(bool done, Warned(c, warning->first, g.id, since));
      if (done) continue;
      ALLMENDE_ASSIGN_OR_RETURN(auto audience, ClientSide(c, g.client_id, at));
      warning->second["kind"] = g.kind;
      warning->second["payer_name"] = g.payer_name;
      warning->second["client_id"] = g.client_id;
      ALLMENDE_TRY(notifications::Add(c, bus,
                                      {.region_id = g.region_id,
                                       .audience = std::move(audience),
                                       .kind = warning->first,
                                       .subject_type = "grant",
                                       .subject_id = g.id,
                                       .data = boost::json::serialize(warning->second)},
                                      now));
      ++warned;
    }
  }
  return warned;
}

}  // namespace allmende::funding
