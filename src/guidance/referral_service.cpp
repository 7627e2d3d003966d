#include "guidance/referral_service.hpp"

#include <algorithm>

#include "access/access_log.hpp"
#include "access/access_store.hpp"
#include "calendar/zone.hpp"
#include "clients/client_service.hpp"
#include "common/ids.hpp"
#include "common/validate.hpp"
#include "funding/funding_service.hpp"

namespace allmende::guidance {
namespace {

using storage::Value;

constexpr std::size_t kMaxText = 2000;

constexpr std::string_view kColumns =
    "SELECT f.id, f.region_id, f.client_id, cu.name, c.birth_date, f.purchaser_id, o.name, f.category, f.reason, "
    "f.state, bu.name, f.created_at, du.name, f.decided_at, f.grant_id, f.decision_note FROM referrals f "
    "JOIN users cu ON cu.id = f.client_id JOIN clients c ON c.user_id = f.client_id "
    "JOIN organizations o ON o.id = f.purchaser_id JOIN users bu ON bu.id = f.created_by "
    "LEFT JOIN users du ON du.id = f.decided_by ";

std::vector<Referral> ToReferrals(const std::vector<storage::Row>& rows) {
  std::vector<Referral> out;
  for (const auto& r : rows) {
    out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.OptText(4), r.Text(5), r.Text(6), r.Text(7), r.Text(8),
                   r.Text(9), r.Text(10), r.Text(11), r.OptText(12), r.OptText(13), r.OptText(14), r.OptText(15)});
  }
  return out;
}

}  // namespace

std::vector<Referral> ReferralService::Open(std::vector<Referral> list) const {
  for (auto& f : list) {
    auto reason = cipher_.Open(f.reason);
    f.reason = reason.ok() ? *reason : std::string();
    if (f.decision_note) {
      auto note = cipher_.Open(*f.decision_note);
      f.decision_note = note.ok() ? *note : std::string();
    }
  }
  return list;
}

Result<Referral> ReferralService::Get(storage::Connection& c, const std::string& id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(std::string(kColumns) + "WHERE f.id = $1", {id}));
  auto list = Open(ToReferrals(rows));
  if (list.empty()) return Error::NotFound("There is no such referral.");
  return list.front();
}

Result<Referral> ReferralService::Refer(const access::Actor& actor, const std::string& client_id,
                                        const NewReferral& in) {
  const Timestamp now = clock_.Now();
  return db_.WriteValue<Referral>([&](storage::Connection& c) -> Result<Referral> {
    // Authorized first: a stranger learns nothing, not even whether the client exists.
    ALLMENDE_ASSIGN_OR_RETURN(auto decision, access::Authorize(c, actor.principal, access::Action::kReferralWrite,
                                                               {.client_id = client_id}, now));
    ALLMENDE_ASSIGN_OR_RETURN(std::string region, access::ClientRegion(c, client_id));
    std::vector<FieldError> errors;
    ALLMENDE_ASSIGN_OR_RETURN(auto purchaser,
                              c.QueryOne("SELECT 1 FROM organizations WHERE id = $1 AND region_id = $2 AND kind IN "
                                         "('welfare_area', 'municipality', 'care_insurer')",
                                         {in.purchaser_id, region}));
    if (!purchaser) {
      errors.push_back(
          {"purchaser_id", "Choose the welfare area, a municipality or a care insurer of the client's region."});
    }
    ALLMENDE_ASSIGN_OR_RETURN(auto category,
                              c.QueryOne("SELECT 1 FROM directory_categories WHERE code = $1", {in.category}));
    if (!category) errors.push_back({"category", "A category of the service taxonomy."});
    if (FreeTextProblem(in.reason, kMaxText, true)) {
      errors.push_back({"reason", "Why the client needs an assessment, in 1 to 2,000 characters."});
    }
    if (!errors.empty()) return Error::Invalid(std::move(errors));
    ALLMENDE_ASSIGN_OR_RETURN(auto pending, c.QueryOne("SELECT id FROM referrals WHERE client_id = $1 AND "
                                                       "purchaser_id = $2 AND category = $3 AND state = 'open'",
                                                       {client_id, in.purchaser_id, in.category}));
    if (pending) {
      return Error{ErrorCode::kConflict, "The purchaser has this referral in its queue already.", {}};
    }
    const std::string id = NewId("ref");
    ALLMENDE_TRY(
        c.Execute("INSERT INTO referrals (id, region_id, client_id, purchaser_id, category, reason, state, "
                  "created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8)",
                  {id, region, client_id, in.purchaser_id, in.category, cipher_.Seal(in.reason), decision.actor_id,
                   FormatRfc3339(now)}));
    // The purchaser's officers now reach the client's record, to assess and decide.
    ALLMENDE_TRY(clients::ClientService::EnsureRelation(c, client_id, in.purchaser_id, "purchaser", now));
    return Get(c, id);
  });
}

Result<std::vector<Referral>> ReferralService::OfClient(const access::Actor& actor, const std::string& client_id) {
  const Timestamp now = clock_.Now();
  return db_.ReadValue<std::vector<Referral>>([&](storage::Connection& c) -> Result<std::vector<Referral>> {
    ALLMENDE_ASSIGN_OR_RETURN(auto decision, access::Authorize(c, actor.principal, access::Action::kReferralRead,
                                                               {.client_id = client_id}, now));
    ALLMENDE_ASSIGN_OR_RETURN(
        auto rows,
        c.Query(std::string(kColumns) + "WHERE f.client_id = $1 ORDER BY f.created_at DESC, f.id DESC LIMIT 100",
                {client_id}));
    auto list = ToReferrals(rows);
    if (decision.relation == "purchaser") {
      // A purchaser's officer reads the referrals to their own organizations, not another
      // purchaser's reasons and decisions about the same client.
      ALLMENDE_ASSIGN_OR_RETURN(auto memberships, access::PolicyStore::LiveMemberships(c, decision.actor_id));
      std::erase_if(list, [&](const Referral& f) {
        return std::none_of(memberships.begin(), memberships.end(), [&](const auto& m) {
          return m.role == "purchaser_officer" && m.organization_id == f.purchaser_id;
        });
      });
    }
    return Open(std::move(list));
  });
}

Result<ReferralService::QueuePage> ReferralService::Queue(const access::Actor& actor, const std::string& purchaser_id,
                                                          const std::string& state, int limit,
                                                          const std::string& cursor) {
  const Timestamp now = clock_.Now();
  if (state != "open" && state != "decided") return Error::Invalid("state", "open or decided.");
  if (limit < 1 || limit > 200) return Error::Invalid("limit", "Between 1 and 200.");
  std::optional<access::Decision> decision;
  auto listed = db_.ReadValue<QueuePage>([&](storage::Connection& c) -> Result<QueuePage> {
    ALLMENDE_ASSIGN_OR_RETURN(decision, access::Authorize(c, actor.principal, access::Action::kReferralQueue,
                                                          {.organization_id = purchaser_id}, now));
    const bool open = state == "open";
    // Keyset pages: open ones by (created_at, id) ascending, decided ones by (decided_at, id) descending.
    std::string where =
        open ? "WHERE f.purchaser_id = $1 AND f.state = 'open' " : "WHERE f.purchaser_id = $1 AND f.state <> 'open' ";
    std::vector<Value> args{purchaser_id};
    if (!cursor.empty()) {
      // The cursor's own keys, whatever its state now: an officer decides the items of a page in
      // order, and the page after the last of them must still come.
      ALLMENDE_ASSIGN_OR_RETURN(
          auto after, c.QueryOne(open ? "SELECT created_at FROM referrals WHERE id = $1 AND purchaser_id = $2"
                                      : "SELECT decided_at FROM referrals WHERE id = $1 AND purchaser_id = $2 AND "
                                        "decided_at IS NOT NULL",
                                 {cursor, purchaser_id}));
      if (!after) return Error::Invalid("cursor", "Not a cursor of this queue; start from the first page.");
      args.emplace_back(after->Text(0));
      args.emplace_back(cursor);
      where += open ? "AND (f.created_at, f.id) > ($2, $3) " : "AND (f.decided_at, f.id) < ($2, $3) ";
    }
    where += open ? "ORDER BY f.created_at, f.id" : "ORDER BY f.decided_at DESC, f.id DESC";
    args.emplace_back(std::int64_t{limit} + 1);
    ALLMENDE_ASSIGN_OR_RETURN(
        auto rows, c.Query(std::string(kColumns) + where + " LIMIT $" + std::to_string(args.size()), std::move(args)));
    QueuePage page;
    page.items = Open(ToReferrals(rows));
    if (page.items.size() > static_cast<std::size_t>(limit)) {
      page.items.resize(static_cast<std::size_t>(limit));
      page.next_cursor = page.items.back().id;
    }
    return page;
  });
  if (!listed.ok() || listed->items.empty()) return listed;
  // Names, birth dates and reasons of the listed clients: each client's log says who listed them.
  ALLMENDE_TRY(db_.Write([&](storage::Connection& c) -> Result<void> {
    std::vector<std::string> logged;
    for (const auto& f : listed->items) {
      if (std::find(logged.begin(), logged.end(), f.client_id) != logged.end()) continue;
      logged.push_back(f.client_id);
      ALLMENDE_TRY(access::AppendAccess(c, *decision,
                                        {.action = "referral.queue",
                                         .subject_type = "client",
                                         .subject_id = f.client_id,
                                         .client_id = f.client_id,
                                         .region_id = f.region_id,
                                         .purpose = actor.purpose},
                                        actor.request_id, now));
    }
    return Ok();
  }));
  return listed;
}

Result<Referral> ReferralService::Decide(const access::Actor& actor, const std::string& referral_id,
                                         const ReferralDecision& in) {
  const Timestamp now = clock_.Now();
  return db_.WriteValue<Referral>([&](storage::Connection& c) -> Result<Referral> {
    ALLMENDE_ASSIGN_OR_RETURN(auto row,
                              c.QueryOne("SELECT purchaser_id, client_id, region_id, state, category FROM referrals "
                                         "WHERE id = $1",
                                         {referral_id}));
    if (!row) return Error::NotFound("There is no such referral.");
    auto decision =
        access::Authorize(c, actor.principal, access::Action::kReferralDecide, {.organization_id = row->Text(0)}, now);
    if (!decision.ok()) return Error::NotFound("There is no such referral.");  // another purchaser's: not even that
    if (row->Text(3) != "open") {
      return Error::IllegalTransition("The referral was decided already (" + row->Text(3) + ").", row->Text(3));
    }
    std::vector<FieldError> errors;
    if (in.outcome != "granted" && in.outcome != "declined") errors.push_back({"outcome", "granted or declined."});
    if (in.note && FreeTextProblem(*in.note, kMaxText, false)) {
      errors.push_back({"note", "At most 2,000 characters."});
    }
    if (in.outcome == "declined" && (!in.note || FreeTextProblem(*in.note, kMaxText, true))) {
      errors.push_back({"note", "Say why the referral is declined: the client and the desk read it."});
    }
    if (in.outcome == "granted") {
      // The decision this referral became: the purchaser's for this client, in force, for the
      // type of service that was asked about.
      std::optional<funding::Grant> grant;
      if (in.grant_id) {
        ALLMENDE_ASSIGN_OR_RETURN(grant, funding::FundingService::FindGrant(c, *in.grant_id));
      }
      const std::string& category = row->Text(4);
      ALLMENDE_ASSIGN_OR_RETURN(auto zone, c.QueryOne("SELECT time_zone FROM regions WHERE id = $1", {row->Text(2)}));
      const std::string today = calendar::TodayIn(zone ? zone->Text(0) : "UTC", now);
      if (!grant || grant->client_id != row->Text(1) || grant->payer_id != row->Text(0) ||
          !funding::FundingService::InForce(*grant, today) ||
          std::find(grant->categories.begin(), grant->categories.end(), category) == grant->categories.end()) {
        errors.push_back({"grant_id",
                          "Name the decision in force that your organization recorded for this client for this "
                          "type of service."});
      }
    }
    if (!errors.empty()) return Error::Invalid(std::move(errors));
    ALLMENDE_TRY(c.Execute(
        "UPDATE referrals SET state = $2, decided_by = $3, decided_at = $4, grant_id = $5, decision_note = $6 "
        "WHERE id = $1",
        {referral_id, in.outcome, decision->actor_id, FormatRfc3339(now),
         in.outcome == "granted" ? Value(*in.grant_id) : Value(nullptr),
         in.note && !in.note->empty() ? Value(cipher_.Seal(*in.note)) : Value(nullptr)}));
    ALLMENDE_TRY(access::AppendAccess(c, *decision,
                                      {.action = "referral.decide",
                                       .subject_type = "client",
                                       .subject_id = row->Text(1),
                                       .client_id = row->Text(1),
                                       .region_id = row->Text(2),
                                       .purpose = actor.purpose},
                                      actor.request_id, now));
    if (in.outcome == "declined") {
      // The referral gave the purchaser the client's record; declined, that ends unless the
      // purchaser pays for something of hers or has another of her referrals open.
      ALLMENDE_ASSIGN_OR_RETURN(auto grants, funding::FundingService::GrantsOfClient(c, row->Text(1)));
      const bool pays = std::any_of(grants.begin(), grants.end(), [&](const funding::Grant& g) {
        return g.payer_id == row->Text(0) && g.state == "active";
      });
      ALLMENDE_ASSIGN_OR_RETURN(auto other,
                                c.QueryOne("SELECT 1 FROM referrals WHERE client_id = $1 AND purchaser_id = "
                                           "$2 AND state = 'open' AND id <> $3",
                                           {row->Text(1), row->Text(0), referral_id}));
      if (!pays && !other) {
        ALLMENDE_TRY(clients::ClientService::EndRelation(c, row->Text(1), row->Text(0), "purchaser", now));
      }
    }
    return Get(c, referral_id);
  });
}

}  // namespace allmende::guidance
