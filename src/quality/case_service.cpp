#include "quality/case_service.hpp"

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <set>

#include "access/access_log.hpp"
#include "common/ids.hpp"
#include "common/validate.hpp"
#include "notifications/notifications.hpp"
#include "quality/attachment_check.hpp"
#include "quality/quality_email.hpp"
#include "quality/quality_scores.hpp"

namespace allmende::quality {
namespace {

using storage::Value;

constexpr std::size_t kMaxText = 4000;
constexpr std::size_t kMaxAttachments = 5;

constexpr std::array<std::string_view, 7> kCategories{"quality_of_work", "punctuality", "conduct", "safety",
                                                      "billing",         "privacy",     "other"};
constexpr std::array<std::string_view, 4> kSeverities{"low", "medium", "high", "critical"};

template <std::size_t N>
bool OneOf(const std::array<std::string_view, N>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// How long a case of each severity may stay open.
std::chrono::hours TimeToClose(const std::string& severity) {
  if (severity == "critical") return std::chrono::hours(24);
  if (severity == "high") return std::chrono::hours(72);
  if (severity == "medium") return std::chrono::hours(24 * 7);
  return std::chrono::hours(24 * 14);
}

bool Legal(const std::string& from, const std::string& to) {
  if (from == "received") return to == "investigating" || to == "closed";
  if (from == "investigating") return to == "action_taken" || to == "closed";
  if (from == "action_taken") return to == "closed";
  return false;
}

bool ClientSideRole(const std::string& role) { return role == "client" || role == "delegate"; }

constexpr std::string_view kColumns =
    "SELECT k.id, k.number, k.region_id, k.kind, k.category, k.severity, k.state, k.description_sealed, "
    "k.client_id, cu.name, k.order_id, k.visit_id, v.local_date, k.provider_id, po.name, o.purchaser_id, "
    "k.filed_by, fu.name, k.filed_as, k.assignee_id, au.name, k.due_at, k.escalated_at, k.upheld, "
    "k.resolution_sealed, k.created_at, k.updated_at, k.closed_at, k.version FROM quality_cases k "
    "LEFT JOIN users cu ON cu.id = k.client_id LEFT JOIN visits v ON v.id = k.visit_id "
    "LEFT JOIN organizations po ON po.id = k.provider_id LEFT JOIN orders o ON o.id = k.order_id "
    "JOIN users fu ON fu.id = k.filed_by LEFT JOIN users au ON au.id = k.assignee_id ";

std::string Opened(const storage::FieldCipher& cipher, const std::string& sealed) {
  auto text = cipher.Open(sealed);
  return text.ok() ? *text : std::string();
}

Case ToCase(const storage::Row& r, const storage::FieldCipher& cipher, const std::string& reader_id,
            const std::string& now) {
  Case k;
  k.id = r.Text(0);
  k.number = r.Int(1);
  k.region_id = r.Text(2);
  k.kind = r.Text(3);
  k.category = r.Text(4);
  k.severity = r.Text(5);
  k.state = r.Text(6);
  k.description = Opened(cipher, r.Text(7));
  k.client_id = r.OptText(8);
  k.client_name = r.OptText(9);
  k.order_id = r.OptText(10);
  k.visit_id = r.OptText(11);
  k.visit_date = r.OptText(12);
  k.provider_id = r.OptText(13);
  k.provider_name = r.OptText(14);
  k.purchaser_id = r.OptText(15);
  k.filed_by = r.Text(16);
  k.filed_by_name = r.Text(17);
  k.filed_as = r.Text(18);
  k.filed_by_me = k.filed_by == reader_id;
  k.assignee_id = r.OptText(19);
  k.assignee_name = r.OptText(20);
  k.due_at = r.Text(21);
  k.escalated_at = r.OptText(22);
  if (!r.IsNull(23)) k.upheld = r.Int(23) != 0;
  if (auto res = r.OptText(24)) k.resolution = Opened(cipher, *res);
  k.created_at = r.Text(25);
  k.updated_at = r.Text(26);
  k.closed_at = r.OptText(27);
  k.version = r.Int(28);
  k.overdue = k.state != "closed" && k.due_at < now;
  return k;
}

Result<void> AddEvent(storage::Connection& c, const storage::FieldCipher& cipher, const std::string& case_id,
                      const std::optional<std::string>& actor_id, const std::string& actor_role,
                      const std::string& kind, const std::optional<std::string>& from,
                      const std::optional<std::string>& to, const std::optional<std::string>& body,
                      const std::string& visibility, const std::string& at) {
  ALLMENDE_TRY(
      c.Execute("INSERT INTO quality_case_events (id, case_id, at, actor_id, actor_role, kind, from_state, to_state, "
                "body_sealed, visibility) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                {NewId("qce"), case_id, at, actor_id ? Value(*actor_id) : Value(nullptr), actor_role, kind,
                 from ? Value(*from) : Value(nullptr), to ? Value(*to) : Value(nullptr),
                 body ? Value(cipher.Seal(*body)) : Value(nullptr), visibility}));
  return Ok();
}

Result<std::int64_t> NextNumber(storage::Connection& c, const std::string& region_id) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto row, c.QueryOne("SELECT COALESCE(MAX(number), 0) + 1 FROM quality_cases WHERE region_id = $1", {region_id}));
  return row ? row->Int(0) : 1;
}

Result<void> NotifyCoordinators(storage::Connection& c, events::EventBus& bus, const std::string& region_id,
                                const std::string& kind, const std::string& case_id, boost::json::object data,
                                Timestamp now, std::vector<std::string> more = {}) {
  std::vector<std::string> audience{"role:coordinator@" + region_id};
  for (auto& m : more) audience.push_back(std::move(m));
  data["case_id"] = case_id;
  return notifications::Add(c, bus,
                            {.region_id = region_id,
                             .audience = std::move(audience),
                             .kind = kind,
                             .subject_type = "quality_case",
                             .subject_id = case_id,
                             .data = boost::json::serialize(data)},
                            now);
}

// "due_at~id" of the last item, for the next page.
std::optional<std::pair<std::string, std::string>> ParseCursor(const std::string& cursor) {
  const auto tilde = cursor.find('~');
  if (tilde == std::string::npos || tilde == 0 || tilde + 1 >= cursor.size() || cursor.size() > 200) {
    return std::nullopt;
  }
  return std::make_pair(cursor.substr(0, tilde), cursor.substr(tilde + 1));
}

}  // namespace

Result<Case> CaseService::Load(storage::Connection& c, const std::string& id, const std::string& reader_id,
                               Timestamp now) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(std::string(kColumns) + "WHERE k.id = $1", {id}));
  if (!row) return Error::NotFound("There is no such case.");
  return ToCase(*row, cipher_, reader_id, FormatRfc3339(now));
}

Result<CaseService::Reader> CaseService::ReaderOf(storage::Connection& c, const access::Actor& actor, const Case& k,
                                                  Timestamp now) {
  if (!actor.principal) return Error::Unauthenticated("Sign in first.");
  Reader r;
  r.filer = k.filed_by == actor.principal->id;
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
  for (const auto& org : {k.provider_id, k.purchaser_id}) {
    if (!org) continue;
    ALLMENDE_ASSIGN_OR_RETURN(auto d, attempt(access::Action::kQualityCaseRead, {.organization_id = *org}));
    if (!d) continue;
    if (d->role == "provider_admin" && org == k.provider_id) r.provider = true;
    if (r.provider || (d->role == "purchaser_officer" && org == k.purchaser_id)) {
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
      return r;
    }
  }
  if (r.filer) {
    r.decision = access::Decision{actor.principal->id, k.filed_as, "", "filer", "quality"};
    return r;
  }
  if (mfa) return *mfa;
  return Error::NotFound("There is no such case.");
}

Result<Case> CaseService::Full(storage::Connection& c, const access::Actor& actor, const std::string& id,
                               const Reader& reader, Timestamp now) {
  ALLMENDE_ASSIGN_OR_RETURN(Case k, Load(c, id, actor.principal->id, now));
  const std::string events_sql =
      "SELECT e.id, e.at, e.kind, COALESCE(u.name, ''), e.actor_role, e.from_state, e.to_state, e.body_sealed, "
      "e.visibility FROM quality_case_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.case_id = $1 " +
      std::string(reader.staff ? "" : "AND e.visibility = 'all' ") + "ORDER BY e.at, e.id";
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(events_sql, {id}));
  for (const auto& r : rows) {
    CaseEvent e{r.Text(0),    r.Text(1),    r.Text(2),    r.Text(3), r.Text(4),
                r.OptText(5), r.OptText(6), std::nullopt, r.Text(8)};
    if (auto body = r.OptText(7)) e.body = Opened(cipher_, *body);
    k.events.push_back(std::move(e));
  }
  ALLMENDE_ASSIGN_OR_RETURN(auto files,
                            c.Query("SELECT id, case_id, file_name, content_type, byte_size, created_at FROM "
                                    "quality_attachments WHERE case_id = $1 ORDER BY created_at, id",
                                    {id}));
  for (const auto& r : files)
    k.attachments.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4), r.Text(5)});
  if (k.client_id && !reader.client_side) {
    // The client's name only to whoever may read the client now (a provider while it delivers to
    // them); each such read is in the client's access log.
    bool may_name = reader.coordinator;
    if (!may_name) {
      auto d = access::Authorize(c, actor.principal, access::Action::kClientRead, {.client_id = *k.client_id}, now);
      may_name = d.ok();
    }
    if (!may_name) k.client_name.reset();
    ALLMENDE_TRY(access::AppendAccess(c, reader.decision,
                                      {.action = "quality.case.read",
                                       .subject_type = "quality_case",
                                       .subject_id = k.id,
                                       .client_id = *k.client_id,
                                       .region_id = k.region_id,
                                       .purpose = actor.purpose},
                                      actor.request_id, now));
  }
  return k;
}

Result<Case> CaseService::File(const access::Actor& actor, const NewCase& in) {
  const Timestamp now = clock_.Now();
  if (!actor.principal) return Error::Unauthenticated("Sign in first.");
  return db_.WriteValue<Case>([&](storage::Connection& c) -> Result<Case> {
    std::optional<std::string> client_id = in.client_id;
    std::optional<std::string> order_id = in.order_id;
    std::optional<std::string> provider_id = in.provider_id;
    std::optional<std::string> purchaser_id;
    std::string region_id;
    if (in.visit_id) {
      ALLMENDE_ASSIGN_OR_RETURN(auto v, c.QueryOne("SELECT order_id FROM visits WHERE id = $1", {*in.visit_id}));
      if (!v) return Error::Invalid("visit_id", "There is no such visit you may report on.");
      if (order_id && *order_id != v->Text(0)) return Error::Invalid("visit_id", "The visit is not of this order.");
      order_id = v->Text(0);
    }
    if (order_id) {
      ALLMENDE_ASSIGN_OR_RETURN(
          auto o,
          c.QueryOne("SELECT client_id, region_id, provider_id, purchaser_id FROM orders WHERE id = $1", {*order_id}));
      const std::string field = in.order_id ? "order_id" : "visit_id";
      if (!o) return Error::Invalid(field, "There is no such order you may report on.");
      if (client_id && *client_id != o->Text(0)) return Error::Invalid(field, "The order is not this client's.");
      client_id = o->Text(0);
      region_id = o->Text(1);
      purchaser_id = o->OptText(3);
      if (provider_id && o->OptText(2) != provider_id) {
        return Error::Invalid("provider_id", "The order's provider is another one.");
      }
      provider_id = o->OptText(2);
    }
    if (!client_id && !in.region_id && !provider_id) client_id = actor.principal->id;  // a client about themself
    if (client_id && region_id.empty()) {
      ALLMENDE_ASSIGN_OR_RETURN(region_id, access::ClientRegion(c, *client_id));
      if (region_id.empty()) return Error::Invalid("client_id", "There is no such client you may report on.");
    }
    if (provider_id && !order_id) {
      ALLMENDE_ASSIGN_OR_RETURN(auto p, c.QueryOne("SELECT region_id FROM organizations WHERE id = $1 AND kind IN "
                                                   "('provider', 'association')",
                                                   {*provider_id}));
      if (!p) return Error::Invalid("provider_id", "There is no such provider.");
      if (region_id.empty()) region_id = p->Text(0);
      if (p->Text(0) != region_id) return Error::Invalid("provider_id", "The provider is of another region.");
    }
    if (region_id.empty()) {
      if (!in.region_id) return Error::Invalid("region_id", "Name the client, the order or the region.");
      region_id = *in.region_id;
    }
    if (in.region_id && *in.region_id != region_id) {
      return Error::Invalid("region_id", "The client, order or provider is of another region.");
    }
    auto decision = access::Authorize(c, actor.principal, access::Action::kQualityCaseFile,
                                      {.region_id = region_id, .client_id = client_id.value_or("")}, now);
    if (!decision.ok()) {
      // Nobody learns of another client's orders by trying.
      if (decision.error().code == ErrorCode::kPermissionDenied && (in.order_id || in.visit_id)) {
        return Error::Invalid(in.order_id ? "order_id" : "visit_id", "There is no such order you may report on.");
      }
      return decision.error();
    }
    std::vector<FieldError> errors;
    if (in.kind != "complaint" && in.kind != "deviation") errors.push_back({"kind", "complaint or deviation."});
    if (!OneOf(kCategories, in.category)) {
      errors.push_back({"category", "quality_of_work, punctuality, conduct, safety, billing, privacy or other."});
    }
    if (!OneOf(kSeverities, in.severity)) errors.push_back({"severity", "low, medium, high or critical."});
    if (FreeTextProblem(in.description, kMaxText, true)) {
      errors.push_back({"description", "Say what happened, in 1 to 4,000 characters."});
    }
    if (!errors.empty()) return Error::Invalid(std::move(errors));
    if (ClientSideRole(decision->role) && in.kind != "complaint") {
      return Error::Invalid("kind", "A client or their delegate files a complaint.");
    }
    if ((decision->role == "provider_admin" || decision->role == "provider_worker") && !order_id) {
      return Error::Invalid("order_id", "Name the order your report is about.");
    }
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
    if (decision->role != "coordinator") {
      ALLMENDE_TRY(NotifyCoordinators(c, bus_, region_id, "quality.case.filed", id,
                                      {{"number", number}, {"kind", in.kind}, {"severity", in.severity}}, now));
    }
    if (client_id) {
      ALLMENDE_TRY(access::AppendAccess(c, *decision,
                                        {.action = "quality.case.file",
                                         .subject_type = "quality_case",
                                         .subject_id = id,
                                         .client_id = *client_id,
                                         .region_id = region_id,
                                         .purpose = actor.purpose},
                                        actor.request_id, now));
    }
    Reader reader;
    reader.decision = *decision;
    reader.filer = true;
    reader.client_side = ClientSideRole(decision->role);
    return Full(c, actor, id, reader, now);
  });
}

Result<CasePage> CaseService::Page(storage::Connection& c, const std::string& where, std::vector<Value> args,
                                   const std::string& order, const std::string& cursor, int limit,
                                   const std::string& reader_id, Timestamp now) {
  if (limit < 1 || limit > 200) return Error::Invalid("limit", "Between 1 and 200.");
  // Keyset pages on (key, id): the deadline ascending for open cases, the filing time descending
  // otherwise.
  const bool ascending = order == "due";
  const std::string key = ascending ? "k.due_at" : "k.created_at";
  std::string sql = std::string(kColumns) + "WHERE " + where;
  if (!cursor.empty()) {
    auto parsed = ParseCursor(cursor);
    if (!parsed) return Error::Invalid("cursor", "Use the next_cursor of the previous page.");
    const std::string a = "$" + std::to_string(args.size() + 1);
    const std::string b = "$" + std::to_string(args.size() + 2);
    const std::string cmp = ascending ? ">" : "<";
    sql += " AND (" + key + " " + cmp + " " + a + " OR (" + key + " = " + a + " AND k.id " + cmp + " " + b + "))";
    args.push_back(parsed->first);
    args.push_back(parsed->second);
  }
  sql +=
      " ORDER BY " + key + (ascending ? " ASC, k.id ASC" : " DESC, k.id DESC") + " LIMIT " + std::to_string(limit + 1);
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(sql, args));
  CasePage page;
  const std::string now_text = FormatRfc3339(now);
  for (const auto& r : rows) page.items.push_back(ToCase(r, cipher_, reader_id, now_text));
  if (page.items.size() > static_cast<std::size_t>(limit)) {
    page.items.resize(limit);
    const Case& last = page.items.back();
    page.next_cursor = (ascending ? last.due_at : last.created_at) + "~" + last.id;
  }
  return page;
}

Result<void> CaseService::LogListed(const access::Actor& actor, const std::vector<Case>& cases,
                                    const access::Decision& d, Timestamp now) {
  if (std::none_of(cases.begin(), cases.end(), [](const Case& k) { return k.client_name.has_value(); })) return Ok();
  return db_.Write([&](storage::Connection& c) -> Result<void> {
    for (const auto& k : cases) {
      if (!k.client_id || !k.client_name) continue;
      ALLMENDE_TRY(access::AppendAccess(c, d,
                                        {.action = "quality.case.list",
                                         .subject_type = "quality_case",
                                         .subject_id = k.id,
                                         .client_id = *k.client_id,
                                         .region_id = k.region_id,
                                         .purpose = actor.purpose},
                                        actor.request_id, now));
    }
    return Ok();
  });
}

Result<CasePage> CaseService::Mine(const access::Actor& actor, const std::string& cursor, int limit) {
  const Timestamp now = clock_.Now();
  if (!actor.principal) return Error::Unauthenticated("Sign in first.");
  const std::string me = actor.principal->id;
  return db_.ReadValue<CasePage>([&](storage::Connection& c) -> Result<CasePage> {
    // The cases the person filed, and the client's side's about them or the clients they act for
    // now with a delegation for services or for all.
    const std::string where =
        "(k.filed_by = $1 OR (k.filed_as IN ('client', 'delegate') AND (k.client_id = $1 OR k.client_id IN "
        "(SELECT d.client_id FROM delegations d WHERE d.delegate_id = $1 AND d.revoked_at IS NULL AND d.scope IN "
        "('all', 'services') AND d.valid_from <= $2 AND (d.valid_until IS NULL OR d.valid_until > $2)))))";
    return Page(c, where, {me, FormatRfc3339(now)}, "created", cursor, limit, me, now);
  });
}

Result<QueuePage> CaseService::Queue(const access::Actor& actor, const std::string& region_id, const std::string& state,
                                     const std::string& kind, const std::string& cursor, int limit) {
  const Timestamp now = clock_.Now();
  if (state != "open" && state != "closed" && state != "all") return Error::Invalid("state", "open, closed or all.");
  if (!kind.empty() && kind != "complaint" && kind != "deviation" && kind != "follow_up") {
    return Error::Invalid("kind", "complaint, deviation or follow_up.");
  }
  access::Decision decision;
  auto listed = db_.ReadValue<QueuePage>([&](storage::Connection& c) -> Result<QueuePage> {
    ALLMENDE_ASSIGN_OR_RETURN(decision, access::Authorize(c, actor.principal, access::Action::kQualityCaseManage,
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
      ALLMENDE_ASSIGN_OR_RETURN(out.page, Page(c, where, std::move(args), state == "open" ? "due" : "created", cursor,
                                               limit, actor.principal->id, now));
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
  });
  if (!listed.ok()) return listed;
  ALLMENDE_TRY(LogListed(actor, listed->page.items, decision, now));
  return listed;
}

Result<CasePage> CaseService::OfProvider(const access::Actor& actor, const std::string& provider_id,
                                         const std::string& state, const std::string& cursor, int limit) {
  const Timestamp now = clock_.Now();
  if (!state.empty() && state != "open" && state != "closed" && state != "all") {
    return Error::Invalid("state", "open, closed or all.");
  }
  access::Decision decision;
  auto listed = db_.ReadValue<CasePage>([&](storage::Connection& c) -> Result<CasePage> {
    ALLMENDE_ASSIGN_OR_RETURN(decision, access::Authorize(c, actor.principal, access::Action::kQualityProvider,
                                                          {.organization_id = provider_id}, now));
    std::string where = "k.provider_id = $1";
    if (state == "open") where += " AND k.state <> 'closed'";
    if (state == "closed") where += " AND k.state = 'closed'";
    ALLMENDE_ASSIGN_OR_RETURN(auto page,
                              Page(c, where, {provider_id}, "created", cursor, limit, actor.principal->id, now));
    // The client's name only while the provider delivers to them.
    for (auto& k : page.items) {
      if (!k.client_id) continue;
      auto d = access::Authorize(c, actor.principal, access::Action::kClientRead, {.client_id = *k.client_id}, now);
      if (!d.ok()) k.client_name.reset();
    }
    return page;
  });
  if (!listed.ok()) return listed;
  ALLMENDE_TRY(LogListed(actor, listed->items, decision, now));
  return listed;
}

Result<Case> CaseService::Get(const access::Actor& actor, const std::string& id) {
  const Timestamp now = clock_.Now();
  if (!actor.principal) return Error::Unauthenticated("Sign in first.");
  return db_.WriteValue<Case>([&](storage::Connection& c) -> Result<Case> {
    ALLMENDE_ASSIGN_OR_RETURN(Case k, Load(c, id, actor.principal->id, now));
    ALLMENDE_ASSIGN_OR_RETURN(Reader reader, ReaderOf(c, actor, k, now));
    return Full(c, actor, id, reader, now);
  });
}

Result<std::pair<Case, CaseService::Reader>> CaseService::LoadForCoordinator(storage::Connection& c,
                                                                             const access::Actor& actor,
                                                                             const std::string& id,
                                                                             std::int64_t version, Timestamp now) {
  if (!actor.principal) return Error::Unauthenticated("Sign in first.");
  ALLMENDE_ASSIGN_OR_RETURN(Case k, Load(c, id, actor.principal->id, now));
  ALLMENDE_ASSIGN_OR_RETURN(Reader reader, ReaderOf(c, actor, k, now));
  if (!reader.coordinator) {
    if (reader.staff || reader.client_side || reader.filer) {
      return Error::PermissionDenied("Only the region's coordinators handle a case.");
    }
    return Error::NotFound("There is no such case.");
  }
  if (k.version != version) {
    return Error{ErrorCode::kPreconditionFailed, "The case has changed since you read it: read it again.", {}};
  }
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
    if (to == "closed") {
      std::vector<FieldError> closing;
      if (FreeTextProblem(resolution, kMaxText, true)) {
        closing.push_back({"resolution", "Say what was found and done, in 1 to 4,000 characters."});
      }
      if (k.kind != "follow_up" && !upheld) {
        closing.push_back({"upheld", "Say whether the complaint was upheld (true or false)."});
      }
      if (!closing.empty()) return Error::Invalid(std::move(closing));
    } else if (!resolution.empty() || upheld) {
      return Error::Invalid(resolution.empty() ? "upheld" : "resolution", "Only when closing.");
    }
    const std::string at = FormatRfc3339(now);
    const bool closing = to == "closed";
    ALLMENDE_ASSIGN_OR_RETURN(
        auto changed,
        c.Execute(
            "UPDATE quality_cases SET state = $2, updated_at = $3, version = version + 1, closed_at = $4, "
            "resolution_sealed = $5, upheld = $6, assignee_id = COALESCE(assignee_id, $7) "
            "WHERE id = $1 AND version = $8",
            {id, to, at, closing ? Value(at) : Value(nullptr),
             closing ? Value(cipher_.Seal(resolution)) : Value(nullptr),
             closing && upheld ? Value(std::int64_t{*upheld ? 1 : 0}) : Value(nullptr), actor.principal->id, version}));
    if (changed != 1) {
      return Error{ErrorCode::kPreconditionFailed, "The case has changed since you read it: read it again.", {}};
    }
    if (!note.empty()) {
      ALLMENDE_TRY(AddEvent(c, cipher_, id, actor.principal->id, reader.decision.role, "note", std::nullopt,
                            std::nullopt, note, "staff", at));
    }
    ALLMENDE_TRY(AddEvent(c, cipher_, id, actor.principal->id, reader.decision.role, "state", k.state, to,
                          closing ? std::optional<std::string>(resolution) : std::nullopt, "all", at));
    k.state = to;
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
    ALLMENDE_ASSIGN_OR_RETURN(
        auto who, c.QueryOne("SELECT u.name FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.user_id = $1 "
                             "AND m.region_id = $2 AND m.role IN ('coordinator', 'advisor') AND m.revoked_at IS NULL",
                             {assignee_id, k.region_id}));
    if (!who) return Error::Invalid("assignee_id", "A coordinator or advisor of the region.");
    const std::string at = FormatRfc3339(now);
    ALLMENDE_ASSIGN_OR_RETURN(auto changed, c.Execute("UPDATE quality_cases SET assignee_id = $2, updated_at = $3, "
                                                      "version = version + 1 WHERE id = $1 AND version = $4",
                                                      {id, assignee_id, at, version}));
    if (changed != 1) {
      return Error{ErrorCode::kPreconditionFailed, "The case has changed since you read it: read it again.", {}};
    }
    ALLMENDE_TRY(AddEvent(c, cipher_, id, actor.principal->id, reader.decision.role, "assigned", std::nullopt,
                          std::nullopt, who->Text(0), "staff", at));
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
    ALLMENDE_ASSIGN_OR_RETURN(Case k, Load(c, id, actor.principal->id, now));
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
    if (reader.coordinator && shown == "all") {
      ALLMENDE_TRY(TellFiler(c, k, "quality.case.reply", actor.principal->id, now));
    } else if (!reader.coordinator) {
      // Whoever handles it hears of the addition.
      std::vector<std::string> audience;
      if (k.assignee_id) {
        audience.push_back("user:" + *k.assignee_id);
      } else {
        audience.push_back("role:coordinator@" + k.region_id);
      }
      ALLMENDE_TRY(notifications::Add(
          c, bus_,
          {.region_id = k.region_id,
           .audience = std::move(audience),
           .kind = "quality.case.message",
           .subject_type = "quality_case",
           .subject_id = id,
           .data = boost::json::serialize(boost::json::object{{"case_id", id}, {"number", k.number}})},
          now));
    }
    return Full(c, actor, id, reader, now);
  });
}

Result<Attachment> CaseService::Attach(const access::Actor& actor, const std::string& id, const std::string& file_name,
                                       const std::string& content_type, const std::string& bytes) {
  const Timestamp now = clock_.Now();
  if (!actor.principal) return Error::Unauthenticated("Sign in first.");
  // Whoever may not write on the case learns nothing of the file's problems; the check of the
  // file runs outside the write, which holds the single writer.
  ALLMENDE_TRY(db_.Read([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_ASSIGN_OR_RETURN(Case k, Load(c, id, actor.principal->id, now));
    ALLMENDE_TRY(ReaderOf(c, actor, k, now));
    return Ok();
  }));
  static const std::set<std::string> kTypes{"image/png", "image/jpeg", "image/webp", "application/pdf"};
  if (!kTypes.contains(content_type)) {
    return Error{ErrorCode::kUnsupportedMediaType, "Attach a PNG, JPEG or WebP image or a PDF.", {}};
  }
  if (bytes.size() > kAttachmentLimit) return Error{ErrorCode::kPayloadTooLarge, "At most 5 MB a file.", {}};
  auto checked = CheckAttachment(bytes, content_type);
  if (!checked) {
    return Error::Invalid("file", content_type == "application/pdf"
                                      ? "The file is not a whole PDF, or it carries scripts, actions or files."
                                      : "The file is not a whole image of the type it was sent as.");
  }
  return db_.WriteValue<Attachment>([&](storage::Connection& c) -> Result<Attachment> {
    ALLMENDE_ASSIGN_OR_RETURN(Case k, Load(c, id, actor.principal->id, now));
    ALLMENDE_ASSIGN_OR_RETURN(Reader reader, ReaderOf(c, actor, k, now));
    if (k.state == "closed") return Error::IllegalTransition("The case is closed.", k.state);
    ALLMENDE_ASSIGN_OR_RETURN(auto count,
                              c.QueryOne("SELECT COUNT(*) FROM quality_attachments WHERE case_id = $1", {id}));
    if (count && count->Int(0) >= static_cast<std::int64_t>(kMaxAttachments)) {
      return Error::Conflict("A case has at most 5 files.");
    }
    Attachment a{NewId("qat"),
                 id,
                 CleanFileName(file_name),
                 checked->content_type,
                 static_cast<std::int64_t>(checked->bytes.size()),
                 FormatRfc3339(now)};
    ALLMENDE_TRY(
        c.Execute("INSERT INTO quality_attachments (id, case_id, file_name, content_type, byte_size, "
                  "data_base64, uploaded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                  {a.id, id, a.file_name, a.content_type, a.byte_size, storage::EncodeBase64(checked->bytes),
                   actor.principal->id, a.created_at}));
    ALLMENDE_TRY(AddEvent(c, cipher_, id, actor.principal->id, reader.decision.role, "attachment", std::nullopt,
                          std::nullopt, a.file_name, "all", a.created_at));
    return a;
  });
}

Result<AttachmentFile> CaseService::Download(const access::Actor& actor, const std::string& attachment_id) {
  const Timestamp now = clock_.Now();
  if (!actor.principal) return Error::Unauthenticated("Sign in first.");
  return db_.WriteValue<AttachmentFile>([&](storage::Connection& c) -> Result<AttachmentFile> {
    ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT id, case_id, file_name, content_type, byte_size, "
                                                   "created_at, data_base64 FROM quality_attachments WHERE id = $1",
                                                   {attachment_id}));
    if (!row) return Error::NotFound("There is no such file.");
    ALLMENDE_ASSIGN_OR_RETURN(Case k, Load(c, row->Text(1), actor.principal->id, now));
    auto reader = ReaderOf(c, actor, k, now);
    if (!reader.ok()) {
      if (reader.error().code == ErrorCode::kNotFound) return Error::NotFound("There is no such file.");
      return reader.error();
    }
    if (k.client_id && !reader->client_side) {
      ALLMENDE_TRY(access::AppendAccess(c, reader->decision,
                                        {.action = "quality.attachment.read",
                                         .subject_type = "quality_attachment",
                                         .subject_id = attachment_id,
                                         .client_id = *k.client_id,
                                         .region_id = k.region_id,
                                         .purpose = actor.purpose},
                                        actor.request_id, now));
    }
    auto bytes = storage::DecodeBase64(row->Text(6));
    if (!bytes) return Error::Internal("A stored attachment could not be read.");
    return AttachmentFile{{row->Text(0), row->Text(1), row->Text(2), row->Text(3), row->Int(4), row->Text(5)},
                          std::move(*bytes)};
  });
}

Result<void> CaseService::TellFiler(storage::Connection& c, const Case& k, const std::string& kind,
                                    const std::string& actor_id, Timestamp now) {
  std::vector<std::string> people{k.filed_by};
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

Result<std::int64_t> CaseService::EscalateOverdue(storage::Connection& c, events::EventBus& bus, Timestamp now) {
  const std::string at = FormatRfc3339(now);
  ALLMENDE_ASSIGN_OR_RETURN(
      auto rows, c.Query("SELECT k.id, k.region_id, k.number, k.severity, o.purchaser_id FROM quality_cases k "
                         "LEFT JOIN orders o ON o.id = k.order_id WHERE k.state <> 'closed' AND k.escalated_at IS "
                         "NULL AND k.due_at < $1 ORDER BY k.due_at LIMIT 500",
                         {at}));
  std::int64_t n = 0;
  for (const auto& r : rows) {
    const std::string id = r.Text(0);
    ALLMENDE_ASSIGN_OR_RETURN(auto changed,
                              c.Execute("UPDATE quality_cases SET escalated_at = $2, updated_at = $2, version = "
                                        "version + 1 WHERE id = $1 AND escalated_at IS NULL",
                                        {id, at}));
    if (changed != 1) continue;
    ALLMENDE_TRY(
        c.Execute("INSERT INTO quality_case_events (id, case_id, at, actor_id, actor_role, kind, "
                  "visibility) VALUES ($1, $2, $3, NULL, 'platform', 'escalated', 'staff')",
                  {NewId("qce"), id, at}));
    std::vector<std::string> more;
    if (auto purchaser = r.OptText(4)) more.push_back("role:purchaser_officer@" + *purchaser);
    ALLMENDE_TRY(NotifyCoordinators(c, bus, r.Text(1), "quality.case.escalated", id,
                                    {{"number", r.Int(2)}, {"severity", r.Text(3)}}, now, std::move(more)));
    ++n;
  }
  return n;
}

Result<std::string> CaseService::OpenFollowUp(storage::Connection& c, events::EventBus& bus,
                                              const storage::FieldCipher& cipher, const std::string& rating_id,
                                              const std::string& rated_by, const std::string& rated_as, Timestamp now) {
  ALLMENDE_ASSIGN_OR_RETURN(auto existing,
                            c.QueryOne("SELECT id FROM quality_cases WHERE rating_id = $1", {rating_id}));
  if (existing) return existing->Text(0);
  ALLMENDE_ASSIGN_OR_RETURN(auto r, c.QueryOne("SELECT region_id, visit_id, order_id, provider_id, client_id, stars, "
                                               "comment_sealed FROM visit_ratings WHERE id = $1",
                                               {rating_id}));
  if (!r) return Error::Internal("The rating to follow up is gone.");
  const std::string region_id = r->Text(0);
  const std::int64_t stars = r->Int(5);
  std::string description = Opened(cipher, r->Text(6));
  if (description.empty()) description = "Rated " + std::to_string(stars) + " of 5.";
  const std::string severity = stars <= 1 ? "high" : "medium";
  const std::string id = NewId("qca");
  const std::string at = FormatRfc3339(now);
  ALLMENDE_ASSIGN_OR_RETURN(std::int64_t number, NextNumber(c, region_id));
  ALLMENDE_TRY(c.Execute(
      "INSERT INTO quality_cases (id, region_id, number, kind, category, severity, state, client_id, order_id, "
      "visit_id, provider_id, rating_id, filed_by, filed_as, description_sealed, due_at, created_at, updated_at) "
      "VALUES ($1, $2, $3, 'follow_up', 'low_rating', $4, 'received', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, "
      "$14)",
      {id, region_id, number, severity, r->Text(4), r->Text(2), r->Text(1), r->Text(3), rating_id, rated_by, rated_as,
       cipher.Seal(description), FormatRfc3339(now + TimeToClose(severity)), at}));
  ALLMENDE_TRY(AddEvent(c, cipher, id, rated_by, rated_as, "filed", std::nullopt, std::string("received"), std::nullopt,
                        "all", at));
  ALLMENDE_ASSIGN_OR_RETURN(auto order, c.QueryOne("SELECT category FROM orders WHERE id = $1", {r->Text(2)}));
  ALLMENDE_TRY(NotifyCoordinators(
      c, bus, region_id, "quality.follow_up", id,
      {{"number", number}, {"stars", stars}, {"category", order ? order->Text(0) : std::string()}}, now));
  return id;
}

}  // namespace allmende::quality
