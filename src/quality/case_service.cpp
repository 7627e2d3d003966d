#include "quality/case_service.hpp"

#include <algorithm>
#include <array>
#include <boost/json.hpp>

#include "access/access_log.hpp"
#include "common/ids.hpp"
#include "common/validate.hpp"
#include "notifications/notifications.hpp"
#include "quality/case_rows.hpp"
#include "quality/quality_email.hpp"
#include "quality/quality_scores.hpp"

namespace allmende::quality {

using internal::AddEvent;
using internal::ClientSideRole;
using internal::kMaxText;
using internal::LoadCase;
using internal::NextNumber;
using internal::NotifyCoordinators;
using internal::TimeToClose;
using storage::Value;

namespace {

constexpr std::array<std::string_view, 7> kCategories{"quality_of_work", "punctuality", "conduct", "safety",
                                                      "billing",         "privacy",     "other"};
constexpr std::array<std::string_view, 4> kSeverities{"low", "medium", "high", "critical"};

template <std::size_t N>
bool OneOf(const std::array<std::string_view, N>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool Legal(const std::string& from, const std::string& to) {
  if (from == "received") return to == "investigating" || to == "closed";
  if (from == "investigating") return to == "action_taken" || to == "closed";
  if (from == "action_taken") return to == "closed";
  return false;
}

bool ProviderRole(const std::string& role) { return role == "provider_admin" || role == "provider_worker"; }

Error Stale() {
  return Error{ErrorCode::kPreconditionFailed, "The case has changed since you read it: read it again.", {}};
}

// The same answer for an order that does not exist, is another client's, or is not one the caller
// delivers or pays for: nobody learns of orders by trying.
Error NoSuchOrder(const std::string& field) {
  return Error::Invalid(field, "There is no such order you may report on.");
}

}  // namespace

Result<CaseService::Reader> CaseService::ReaderOf(storage::Connection& c, const access::Actor& actor, const Case& k,
                                                  Timestamp now) {
  if (!actor.principal) return Error::Unauthenticated("Sign in first.");
  Reader r;
  std::optional<Error> mfa;
  auto attempt = [&](access::Action action, const access::Target& target) -> Result<std::optional<access::Decision>> {
    auto d = access::Authorize(c, actor.principal, action, target, now);
    if (d.ok()) return std::optional<access::Decision>(*d);
    if (d.error().code == ErrorCode::kMfaRequired) {
      mfa = d.error();
    } else if (d.error().code != ErrorCode::kPermissionDenied && d.error().code != ErrorCode::kNotFound) {
      return d.error();
    }
    return std::optional<access::Decision>();
  };
  ALLMENDE_ASSIGN_OR_RETURN(auto coordinator, attempt(access::Action::kQualityCaseManage, {.region_id = k.region_id}));
  if (coordinator) {
    r.decision = *coordinator;
    r.staff = r.coordinator = true;
    return r;
  }
  if (k.provider_id && k.kind != "follow_up") {
    ALLMENDE_ASSIGN_OR_RETURN(auto d, attempt(access::Action::kQualityCaseRead, {.organization_id = *k.provider_id}));
    if (d && d->role == "provider_admin") {
      r.decision = *d;
      r.staff = r.provider = true;
      return r;
    }
  }
  if (k.purchaser_id) {
    ALLMENDE_ASSIGN_OR_RETURN(auto d, attempt(access::Action::kQualityCaseRead, {.organization_id = *k.purchaser_id}));
    if (d && d->role == "purchaser_officer") {
      r.decision = *d;
      r.staff = true;
      return r;
    }
  }
  if (k.client_id && ClientSideRole(k.filed_as)) {
    ALLMENDE_ASSIGN_OR_RETURN(auto d, attempt(access::Action::kQualityCaseRead, {.client_id = *k.client_id}));
    if (d && ClientSideRole(d->role)) {
      r.decision = *d;
      r.client_side = true;
      r.filer = k.filed_by == actor.principal->id;
      return r;
    }
  }
  if (k.filed_by == actor.principal->id) {
    // Whoever filed it reads it while they may still report on the client (a worker who left the
    // provider, a delegation revoked: no longer).
    ALLMENDE_ASSIGN_OR_RETURN(auto d, attempt(access::Action::kQualityCaseFile,
                                              {.region_id = k.region_id, .client_id = k.client_id.value_or("")}));
    if (d) {
      r.decision = *d;
      r.filer = true;
      return r;
    }
  }
  if (mfa) return *mfa;
  return Error::NotFound("There is no such case.");
}

Result<void> CaseService::HideClientUnlessReadable(storage::Connection& c, const access::Actor& actor, Case& k,
                                                   bool readable, Timestamp now) {
  if (!k.client_id || readable) return Ok();
  auto d = access::Authorize(c, actor.principal, access::Action::kClientRead, {.client_id = *k.client_id}, now);
  if (d.ok()) return Ok();
  if (d.error().code != ErrorCode::kPermissionDenied && d.error().code != ErrorCode::kMfaRequired) return d.error();
  k.client_name.reset();
  if (ClientSideRole(k.filed_as)) {
    // The client (or their delegate) filed it: their name would say who the client is.
    k.filed_by_name.clear();
    for (auto& e : k.events) {
      if (ClientSideRole(e.actor_role)) e.actor_name.clear();
    }
  }
  return Ok();
}

Result<void> CaseService::LogCase(storage::Connection& c, const access::Actor& actor, const access::Decision& d,
                                  const Case& k, const std::string& action, Timestamp now) {
  if (!k.client_id || (actor.principal && actor.principal->id == *k.client_id)) return Ok();
  return access::AppendAccess(c, d,
                              {.action = action,
                               .subject_type = "quality_case",
                               .subject_id = k.id,
                               .client_id = *k.client_id,
                               .region_id = k.region_id,
                               .purpose = actor.purpose},
                              actor.request_id, now);
}

Result<Case> CaseService::Full(storage::Connection& c, const access::Actor& actor, const std::string& id,
                               const Reader& reader, Timestamp now) {
  ALLMENDE_ASSIGN_OR_RETURN(Case k, LoadCase(c, cipher_, id, actor.principal->id, now));
  const std::string only_all = reader.staff ? "" : "AND e.visibility = 'all' ";
  ALLMENDE_ASSIGN_OR_RETURN(
      auto rows, c.Query("SELECT e.id, e.at, e.kind, COALESCE(u.name, ''), e.actor_role, e.from_state, e.to_state, "
                         "e.body_sealed, e.visibility FROM quality_case_events e LEFT JOIN users u ON u.id = "
                         "e.actor_id WHERE e.case_id = $1 " +
                             only_all + "ORDER BY e.at, e.id",
                         {id}));
  for (const auto& r : rows) {
    CaseEvent e{r.Text(0),    r.Text(1),    r.Text(2),    r.Text(3), r.Text(4),
                r.OptText(5), r.OptText(6), std::nullopt, r.Text(8)};
    if (auto body = r.OptText(7)) e.body = internal::Opened(cipher_, *body);
    k.events.push_back(std::move(e));
  }
  ALLMENDE_ASSIGN_OR_RETURN(
      auto files, c.Query("SELECT id, case_id, file_name, content_type, byte_size, created_at FROM quality_attachments "
                          "WHERE case_id = $1 " +
                              std::string(reader.staff ? "" : "AND visibility = 'all' ") + "ORDER BY created_at, id",
                          {id}));
  for (const auto& r : files) {
    k.attachments.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4), r.Text(5)});
  }
  ALLMENDE_TRY(HideClientUnlessReadable(c, actor, k, reader.coordinator || reader.client_side, now));
  ALLMENDE_TRY(LogCase(c, actor, reader.decision, k, "quality.case.read", now));
  return k;
}

Result<Case> CaseService::File(const access::Actor& actor, const NewCase& in) {
  const Timestamp now = clock_.Now();
  if (!actor.principal) return Error::Unauthenticated("Sign in first.");
  return db_.WriteValue<Case>([&](storage::Connection& c) -> Result<Case> {
    std::optional<std::string> client_id = in.client_id;
    std::optional<std::string> order_id = in.order_id;
    std::optional<std::string> provider_id = in.provider_id;
    std::optional<std::string> order_provider, order_purchaser;
    std::string region_id;
    const std::string order_field = in.order_id ? "order_id" : "visit_id";
    if (in.visit_id) {
      ALLMENDE_ASSIGN_OR_RETURN(auto v, c.QueryOne("SELECT order_id FROM visits WHERE id = $1", {*in.visit_id}));
      if (!v || (order_id && *order_id != v->Text(0))) return NoSuchOrder("visit_id");
      order_id = v->Text(0);
    }
    if (order_id) {
      ALLMENDE_ASSIGN_OR_RETURN(
          auto o,
          c.QueryOne("SELECT client_id, region_id, provider_id, purchaser_id FROM orders WHERE id = $1", {*order_id}));
      if (!o || (client_id && *client_id != o->Text(0))) return NoSuchOrder(order_field);
      client_id = o->Text(0);
      region_id = o->Text(1);
      order_provider = o->OptText(2);
      order_purchaser = o->OptText(3);
      if (provider_id && order_provider != provider_id) {
        return Error::Invalid("provider_id", "Leave it out when you name an order: the order says who delivers it.");
      }
      provider_id = order_provider;
    }
    if (!client_id && !in.region_id) {
      // A client about their own services (a provider named or not).
      ALLMENDE_ASSIGN_OR_RETURN(std::string own_region, access::ClientRegion(c, actor.principal->id));
      if (!own_region.empty()) client_id = actor.principal->id;
    }
    if (client_id && region_id.empty()) {
      ALLMENDE_ASSIGN_OR_RETURN(region_id, access::ClientRegion(c, *client_id));
      if (region_id.empty()) return Error::Invalid("client_id", "There is no such client you may report on.");
    }
    if (provider_id && !order_id) {
      ALLMENDE_ASSIGN_OR_RETURN(auto p, c.QueryOne("SELECT region_id FROM organizations WHERE id = $1 AND kind IN " +
                                                       std::string(kProviderKinds),
                                                   {*provider_id}));
      if (!p) return Error::Invalid("provider_id", "There is no such provider.");
      if (region_id.empty()) region_id = p->Text(0);
      if (p->Text(0) != region_id) return Error::Invalid("provider_id", "There is no such provider in the region.");
    }
    if (region_id.empty()) {
      if (!in.region_id) return Error::Invalid("region_id", "Name the client, the order or the region.");
      region_id = *in.region_id;
    }
    if (in.region_id && *in.region_id != region_id) {
      return Error::Invalid("region_id", "Leave it out, or name the region of what you report on.");
    }
    auto decision = access::Authorize(c, actor.principal, access::Action::kQualityCaseFile,
                                      {.region_id = region_id, .client_id = client_id.value_or("")}, now);
    if (!decision.ok()) {
      if (decision.error().code == ErrorCode::kPermissionDenied && order_id) return NoSuchOrder(order_field);
      return decision.error();
    }
    // A provider reports on the orders it delivers, a purchaser on the orders it pays for.
    if (ProviderRole(decision->role) && (!order_id || order_provider != decision->organization_id)) {
      return order_id ? NoSuchOrder(order_field) : Error::Invalid("order_id", "Name the order your report is about.");
    }
    if (decision->role == "purchaser_officer" && (!order_id || order_purchaser != decision->organization_id)) {
      return order_id ? NoSuchOrder(order_field) : Error::Invalid("order_id", "Name the order your report is about.");
    }
    std::vector<FieldError> errors;
    if (in.kind != "complaint" && in.kind != "deviation") errors.push_back({"kind", "complaint or deviation."});
    if (ClientSideRole(decision->role) && in.kind == "deviation") {
      errors.push_back({"kind", "A client or their delegate files a complaint."});
    }
    if (!OneOf(kCategories, in.category)) {
      errors.push_back({"category", "quality_of_work, punctuality, conduct, safety, billing, privacy or other."});
    }
    if (!OneOf(kSeverities, in.severity)) errors.push_back({"severity", "low, medium, high or critical."});
    if (FreeTextProblem(in.description, kMaxText, true)) {
      errors.push_back({"description", "Say what happened, in 1 to 4,000 characters."});
    }
    if (!errors.empty()) return Error::Invalid(std::move(errors));
    const std::string id = NewId("qca");
    const std::string at = FormatRfc3339(now);
    ALLMENDE_ASSIGN_OR_RETURN(std::int64_t number, NextNumber(c, region_id));
    ALLMENDE_TRY(c.Execute(
        "INSERT INTO quality_cases (id, region_id, number, kind, category, severity, state, client_id, order_id, "
        "visit_id, provider_id, filed_by, filed_as, description_sealed, due_at, created_at, updated_at) VALUES "
        "($1, $2, $3, $4, $5, $6, 'received', $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)",
        {id, region_id, number, in.kind, in.category, in.severity, client_id ? Value(*client_id) : Value(nullptr),
         order_id ? Value(*order_id) : Value(nullptr), in.visit_id ? Value(*in.visit_id) : Value(nullptr),
         provider_id ? Value(*provider_id) : Value(nullptr), actor.principal->id, decision->role,
         cipher_.Seal(in.description), FormatRfc3339(now + TimeToClose(in.severity)), at}));
    ALLMENDE_TRY(AddEvent(c, cipher_, id, actor.principal->id, decision->role, "filed", std::nullopt,
                          std::string("received"), std::nullopt, "all", at));
    // The coordinators hear of it, unless one of them filed it.
    if (decision->role != "coordinator") {
      ALLMENDE_TRY(NotifyCoordinators(c, bus_, region_id, "quality.case.filed", id,
                                      {{"number", number}, {"kind", in.kind}, {"severity", in.severity}}, now));
    }
    ALLMENDE_ASSIGN_OR_RETURN(Case k, LoadCase(c, cipher_, id, actor.principal->id, now));
    ALLMENDE_TRY(LogCase(c, actor, *decision, k, "quality.case.file", now));
    Reader reader;
    reader.decision = *decision;
    reader.filer = true;
    reader.coordinator = reader.staff = decision->role == "coordinator";
    reader.client_side = ClientSideRole(decision->role);
    return Full(c, actor, id, reader, now);
  });
}

Result<CasePage> CaseService::Mine(const access::Actor& actor, const std::string& cursor, int limit) {
  const Timestamp now = clock_.Now();
  if (!actor.principal) return Error::Unauthenticated("Sign in first.");
  const std::string me = actor.principal->id;
  return db_.WriteValue<CasePage>([&](storage::Connection& c) -> Result<CasePage> {
    // The cases the person filed, and the client's side's about them or the clients they act for
    // now with a delegation for services or for all.
    const std::string where =
        "(k.filed_by = $1 OR (k.filed_as IN ('client', 'delegate') AND (k.client_id = $1 OR k.client_id IN "
        "(SELECT d.client_id FROM delegations d WHERE d.delegate_id = $1 AND d.revoked_at IS NULL AND d.scope IN "
        "('all', 'services') AND d.valid_from <= $2 AND (d.valid_until IS NULL OR d.valid_until > $2)))))";
    ALLMENDE_ASSIGN_OR_RETURN(CasePage page, internal::CasePageWhere(c, cipher_, where, {me, FormatRfc3339(now)}, false,
                                                                     cursor, limit, me, now));
    // Each is read as on its own page: one whose filer is no longer involved drops out.
    std::vector<Case> kept;
    for (auto& k : page.items) {
      auto reader = ReaderOf(c, actor, k, now);
      if (!reader.ok()) {
        if (reader.error().code == ErrorCode::kNotFound || reader.error().code == ErrorCode::kMfaRequired) continue;
        return reader.error();
      }
      ALLMENDE_TRY(HideClientUnlessReadable(c, actor, k, reader->coordinator || reader->client_side, now));
      ALLMENDE_TRY(LogCase(c, actor, reader->decision, k, "quality.case.list", now));
      kept.push_back(std::move(k));
    }
    page.items = std::move(kept);
    return page;
  });
}

Result<QueuePage> CaseService::Queue(const access::Actor& actor, const std::string& region_id, const std::string& state,
                                     const std::string& kind, const std::string& cursor, int limit) {
  const Timestamp now = clock_.Now();
  if (state != "open" && state != "closed" && state != "all") return Error::Invalid("state", "open, closed or all.");
  if (!kind.empty() && kind != "complaint" && kind != "deviation" && kind != "follow_up") {
    return Error::Invalid("kind", "complaint, deviation or follow_up.");
  }
  auto read = [&](storage::Connection& c) -> Result<QueuePage> {
    ALLMENDE_ASSIGN_OR_RETURN(auto decision, access::Authorize(c, actor.principal, access::Action::kQualityCaseManage,
                                                               {.region_id = region_id}, now));
    std::string where = "k.region_id = $1";
    std::vector<Value> args{region_id};
    if (state == "open") where += " AND k.state <> 'closed'";
    if (state == "closed") where += " AND k.state = 'closed'";
    if (!kind.empty()) {
      where += " AND k.kind = $2";
      args.push_back(kind);
    }
    QueuePage out;
    // `limit` 0: the counts alone (the board's card), which name no client.
    if (limit != 0) {
      ALLMENDE_ASSIGN_OR_RETURN(out.page, internal::CasePageWhere(c, cipher_, where, std::move(args), state == "open",
                                                                  cursor, limit, actor.principal->id, now));
      for (const auto& k : out.page.items) ALLMENDE_TRY(LogCase(c, actor, decision, k, "quality.case.list", now));
    }
    ALLMENDE_ASSIGN_OR_RETURN(auto counts,
                              c.Query("SELECT state, COUNT(*), SUM(CASE WHEN due_at < $2 THEN 1 ELSE 0 END) FROM "
                                      "quality_cases WHERE region_id = $1 AND state <> 'closed' GROUP BY state",
                                      {region_id, FormatRfc3339(now)}));
    for (const auto& r : counts) {
      const std::string s = r.Text(0);
      if (s == "received") out.counts.received = r.Int(1);
      if (s == "investigating") out.counts.investigating = r.Int(1);
      if (s == "action_taken") out.counts.action_taken = r.Int(1);
      out.counts.overdue += r.Int(2);
    }
    return out;
  };
  // The counts alone write nothing; a page writes its access-log entries.
  if (limit == 0) return db_.ReadValue<QueuePage>(read);
  return db_.WriteValue<QueuePage>(read);
}

Result<CasePage> CaseService::OfProvider(const access::Actor& actor, const std::string& provider_id,
                                         const std::string& state, const std::string& cursor, int limit) {
  const Timestamp now = clock_.Now();
  if (!state.empty() && state != "open" && state != "closed" && state != "all") {
    return Error::Invalid("state", "open, closed or all.");
  }
  return db_.WriteValue<CasePage>([&](storage::Connection& c) -> Result<CasePage> {
    ALLMENDE_ASSIGN_OR_RETURN(auto decision, access::Authorize(c, actor.principal, access::Action::kQualityProvider,
                                                               {.organization_id = provider_id}, now));
    // Follow-ups of low ratings are the coordinators' alone: they would say who rated low.
    std::string where = "k.provider_id = $1 AND k.kind <> 'follow_up'";
    if (state == "open") where += " AND k.state <> 'closed'";
    if (state == "closed") where += " AND k.state = 'closed'";
    ALLMENDE_ASSIGN_OR_RETURN(auto page, internal::CasePageWhere(c, cipher_, where, {provider_id}, false, cursor, limit,
                                                                 actor.principal->id, now));
    for (auto& k : page.items) {
      ALLMENDE_TRY(HideClientUnlessReadable(c, actor, k, false, now));
      ALLMENDE_TRY(LogCase(c, actor, decision, k, "quality.case.list", now));
    }
    return page;
  });
}

Result<Case> CaseService::Get(const access::Actor& actor, const std::string& id) {
  const Timestamp now = clock_.Now();
  if (!actor.principal) return Error::Unauthenticated("Sign in first.");
  return db_.WriteValue<Case>([&](storage::Connection& c) -> Result<Case> {
    ALLMENDE_ASSIGN_OR_RETURN(Case k, LoadCase(c, cipher_, id, actor.principal->id, now));
    ALLMENDE_ASSIGN_OR_RETURN(Reader reader, ReaderOf(c, actor, k, now));
    return Full(c, actor, id, reader, now);
  });
}

Result<std::pair<Case, CaseService::Reader>> CaseService::LoadForCoordinator(storage::Connection& c,
                                                                             const access::Actor& actor,
                                                                             const std::string& id,
                                                                             std::int64_t version, Timestamp now) {
  if (!actor.principal) return Error::Unauthenticated("Sign in first.");
  ALLMENDE_ASSIGN_OR_RETURN(Case k, LoadCase(c, cipher_, id, actor.principal->id, now));
  ALLMENDE_ASSIGN_OR_RETURN(Reader reader, ReaderOf(c, actor, k, now));
  if (!reader.coordinator) return Error::PermissionDenied("Only the region's coordinators handle a case.");
  if (k.version != version) return Stale();
  return std::make_pair(std::move(k), reader);
}

Result<Case> CaseService::Transition(const access::Actor& actor, const std::string& id, std::int64_t version,
                                     const std::string& to, const std::string& note, const std::string& resolution,
                                     std::optional<bool> upheld) {
  const Timestamp now = clock_.Now();
  std::vector<FieldError> errors;
  if (to != "investigating" && to != "action_taken" && to != "closed") {
    errors.push_back({"to", "investigating, action_taken or closed."});
  }
  if (FreeTextProblem(note, kMaxText, false)) errors.push_back({"note", "At most 4,000 characters."});
  if (!errors.empty()) return Error::Invalid(std::move(errors));
  return db_.WriteValue<Case>([&](storage::Connection& c) -> Result<Case> {
    ALLMENDE_ASSIGN_OR_RETURN(auto loaded, LoadForCoordinator(c, actor, id, version, now));
    auto& [k, reader] = loaded;
    if (!Legal(k.state, to)) {
      return Error::IllegalTransition("A case that is " + k.state + " cannot move to " + to + ".", k.state);
    }
    const bool closing = to == "closed";
    if (closing) {
      std::vector<FieldError> missing;
      if (FreeTextProblem(resolution, kMaxText, true)) {
        missing.push_back({"resolution", "Say what was found and done, in 1 to 4,000 characters."});
      }
      if (k.kind != "follow_up" && !upheld) {
        missing.push_back({"upheld", "Say whether the complaint was upheld (true or false)."});
      }
      if (!missing.empty()) return Error::Invalid(std::move(missing));
    } else if (!resolution.empty() || upheld) {
      return Error::Invalid(resolution.empty() ? "upheld" : "resolution", "Only when closing.");
    }
    const std::string at = FormatRfc3339(now);
    ALLMENDE_ASSIGN_OR_RETURN(
        auto changed,
        c.Execute(
            "UPDATE quality_cases SET state = $2, updated_at = $3, version = version + 1, closed_at = $4, "
            "resolution_sealed = $5, upheld = $6, assignee_id = COALESCE(assignee_id, $7) "
            "WHERE id = $1 AND version = $8",
            {id, to, at, closing ? Value(at) : Value(nullptr),
             closing ? Value(cipher_.Seal(resolution)) : Value(nullptr),
             closing && upheld ? Value(std::int64_t{*upheld ? 1 : 0}) : Value(nullptr), actor.principal->id, version}));
    if (changed != 1) return Stale();
    if (!note.empty()) {
      ALLMENDE_TRY(AddEvent(c, cipher_, id, actor.principal->id, reader.decision.role, "note", std::nullopt,
                            std::nullopt, note, "staff", at));
    }
    ALLMENDE_TRY(AddEvent(c, cipher_, id, actor.principal->id, reader.decision.role, "state", k.state, to,
                          closing ? std::optional<std::string>(resolution) : std::nullopt, "all", at));
    k.state = to;
    ALLMENDE_TRY(LogCase(c, actor, reader.decision, k, "quality.case.update", now));
    ALLMENDE_TRY(TellFiler(c, k, "quality.case.changed", actor.principal->id, now));
    if (closing && k.provider_id) ALLMENDE_TRY(RecomputeProvider(c, bus_, *k.provider_id, now));
    return Full(c, actor, id, reader, now);
  });
}

Result<Case> CaseService::Assign(const access::Actor& actor, const std::string& id, std::int64_t version,
                                 const std::string& assignee_id) {
  const Timestamp now = clock_.Now();
  return db_.WriteValue<Case>([&](storage::Connection& c) -> Result<Case> {
    ALLMENDE_ASSIGN_OR_RETURN(auto loaded, LoadForCoordinator(c, actor, id, version, now));
    auto& [k, reader] = loaded;
    if (k.state == "closed") return Error::IllegalTransition("A closed case is not assigned.", k.state);
    // A coordinator of the region: the one role that reads and moves the region's cases.
    ALLMENDE_ASSIGN_OR_RETURN(
        auto who, c.QueryOne("SELECT u.name FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.user_id = $1 "
                             "AND m.region_id = $2 AND m.role = 'coordinator' AND m.revoked_at IS NULL",
                             {assignee_id, k.region_id}));
    if (!who) return Error::Invalid("assignee_id", "A coordinator of the region.");
    const std::string at = FormatRfc3339(now);
    ALLMENDE_ASSIGN_OR_RETURN(auto changed, c.Execute("UPDATE quality_cases SET assignee_id = $2, updated_at = $3, "
                                                      "version = version + 1 WHERE id = $1 AND version = $4",
                                                      {id, assignee_id, at, version}));
    if (changed != 1) return Stale();
    ALLMENDE_TRY(AddEvent(c, cipher_, id, actor.principal->id, reader.decision.role, "assigned", std::nullopt,
                          std::nullopt, who->Text(0), "staff", at));
    ALLMENDE_TRY(LogCase(c, actor, reader.decision, k, "quality.case.update", now));
    if (assignee_id != actor.principal->id) {
      ALLMENDE_TRY(notifications::Add(c, bus_,
                                      {.region_id = k.region_id,
                                       .audience = {"user:" + assignee_id},
                                       .kind = "quality.case.assigned",
                                       .subject_type = "quality_case",
                                       .subject_id = id,
                                       .data = boost::json::serialize(boost::json::object{
                                           {"case_id", id}, {"number", k.number}, {"severity", k.severity}})},
                                      now));
    }
    return Full(c, actor, id, reader, now);
  });
}

Result<Case> CaseService::Message(const access::Actor& actor, const std::string& id, const std::string& body,
                                  const std::string& visibility) {
  const Timestamp now = clock_.Now();
  if (FreeTextProblem(body, kMaxText, true)) return Error::Invalid("body", "Write 1 to 4,000 characters.");
  if (!visibility.empty() && visibility != "all" && visibility != "staff") {
    return Error::Invalid("visibility", "all or staff.");
  }
  if (!actor.principal) return Error::Unauthenticated("Sign in first.");
  return db_.WriteValue<Case>([&](storage::Connection& c) -> Result<Case> {
    ALLMENDE_ASSIGN_OR_RETURN(Case k, LoadCase(c, cipher_, id, actor.principal->id, now));
    ALLMENDE_ASSIGN_OR_RETURN(Reader reader, ReaderOf(c, actor, k, now));
    if (k.state == "closed") return Error::IllegalTransition("The case is closed.", k.state);
    std::string shown = visibility;
    if (reader.coordinator) {
      if (shown.empty()) shown = "all";
    } else if (reader.staff) {
      // The provider's statement and the purchaser's remarks are for the staff handling it.
      if (shown == "all") return Error::Invalid("visibility", "Your statement is seen by the coordinators (staff).");
      shown = "staff";
    } else {
      if (shown == "staff") return Error::Invalid("visibility", "Your message is seen by everyone on the case (all).");
      shown = "all";
    }
    const std::string at = FormatRfc3339(now);
    ALLMENDE_TRY(AddEvent(c, cipher_, id, actor.principal->id, reader.decision.role, shown == "all" ? "reply" : "note",
                          std::nullopt, std::nullopt, body, shown, at));
    ALLMENDE_TRY(c.Execute("UPDATE quality_cases SET updated_at = $2 WHERE id = $1", {id, at}));
    ALLMENDE_TRY(LogCase(c, actor, reader.decision, k, "quality.case.update", now));
    if (reader.coordinator && shown == "all") {
      ALLMENDE_TRY(TellFiler(c, k, "quality.case.reply", actor.principal->id, now));
    } else if (!reader.coordinator) {
      // The coordinators hear of the addition, the one handling it by name.
      std::vector<std::string> more;
      if (k.assignee_id) more.push_back("user:" + *k.assignee_id);
      ALLMENDE_TRY(NotifyCoordinators(c, bus_, k.region_id, "quality.case.message", id, {{"number", k.number}}, now,
                                      std::move(more)));
    }
    return Full(c, actor, id, reader, now);
  });
}

Result<void> CaseService::TellFiler(storage::Connection& c, const Case& k, const std::string& kind,
                                    const std::string& actor_id, Timestamp now) {
  std::vector<std::string> people;
  // Whoever filed it, while they may still report on the client (or the region).
  http::Principal filer{k.filed_by, "user"};
  filer.mfa_verified = true;
  auto involved = access::Authorize(c, filer, access::Action::kQualityCaseFile,
                                    {.region_id = k.region_id, .client_id = k.client_id.value_or("")}, now);
  if (involved.ok()) people.push_back(k.filed_by);
  if (k.client_id && ClientSideRole(k.filed_as) && *k.client_id != k.filed_by) people.push_back(*k.client_id);
  std::erase(people, actor_id);
  if (people.empty()) return Ok();
  std::vector<std::string> audience;
  for (const auto& p : people) audience.push_back("user:" + p);
  ALLMENDE_TRY(notifications::Add(c, bus_,
                                  {.region_id = k.region_id,
                                   .audience = audience,
                                   .kind = kind,
                                   .subject_type = "quality_case",
                                   .subject_id = k.id,
                                   .data = boost::json::serialize(boost::json::object{
                                       {"case_id", k.id}, {"number", k.number}, {"state", k.state}})},
                                  now));
  for (const auto& p : people) {
    ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT email, language FROM users WHERE id = $1", {p}));
    // A client registered at the advice desk may have no e-mail address: the desk phones them.
    if (!row || row->Text(0).empty()) continue;
    auto text = ComposeCaseEmail(kind == "quality.case.reply" ? "reply" : "changed", row->Text(1), k.number, k.state,
                                 public_url_ + "/cases/" + k.id);
    ALLMENDE_TRY(outbox_.Enqueue(
        c, {.region_id = k.region_id, .recipient = row->Text(0), .subject = text.subject, .body = text.body}, now));
  }
  return Ok();
}

}  // namespace allmende::quality
