#include "billing/billing_service.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>
#include <functional>
#include <set>

#include "access/access_log.hpp"
#include "billing/billing_lines.hpp"
#include "billing/billing_store.hpp"
#include "billing/billing_xlsx.hpp"
#include "calendar/local_time.hpp"
#include "calendar/zone.hpp"
#include "common/ids.hpp"
#include "common/log.hpp"

namespace allmende::billing {
namespace {

constexpr int kMaxRuns = 120;
constexpr int kMaxUnbilled = 500;
constexpr int kMaxLinesPage = 500;

bool IsPurchaserKind(const std::string& kind) {
  return kind == "welfare_area" || kind == "municipality" || kind == "care_insurer" || kind == "employer";
}

std::string CurrencyOf(const std::string& country) { return country == "DK" ? "DKK" : "EUR"; }

bool Digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// "2026-10" → {"2026-10-01", "2026-11-01"}.
std::optional<std::pair<std::string, std::string>> Month(const std::string& period) {
  if (period.size() != 7 || period[4] != '-' || !Digits(period.substr(0, 4)) || !Digits(period.substr(5, 2))) {
    return std::nullopt;
  }
  const int year = std::stoi(period.substr(0, 4));
  const int month = std::stoi(period.substr(5, 2));
  if (year < 2000 || year > 2100 || month < 1 || month > 12) return std::nullopt;
  char start[11], end[11];
  std::snprintf(start, sizeof start, "%04d-%02d-01", year, month);
  std::snprintf(end, sizeof end, "%04d-%02d-01", month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1);
  return std::pair<std::string, std::string>{start, end};
}

std::string CurrencyOfPrice(const std::string& price) {
  try {
    auto doc = boost::json::parse(price);
    if (const auto* c = doc.is_object() ? doc.as_object().if_contains("currency") : nullptr; c && c->is_string()) {
      return std::string(c->as_string());
    }
  } catch (const std::exception&) {
  }
  return "";
}

access::AccessEvent RunEvent(const std::string& action, const BillingRun& run, const access::Actor& actor) {
  return {.action = action,
          .subject_type = "billing_run",
          .subject_id = run.id,
          .region_id = run.region_id,
          .purpose = actor.purpose};
}

// One entry per client named in what the actor reads: the client sees who read their visits'
// billing, when and why.
Result<void> LogClients(storage::Connection& c, const access::Decision& decision, const access::Actor& actor,
                        const BillingRun& run, const std::vector<std::string>& clients, const std::string& action,
                        Timestamp now) {
  for (const auto& client : clients) {
    ALLMENDE_TRY(access::AppendAccess(c, decision,
                                      {.action = action,
                                       .subject_type = "billing_run",
                                       .subject_id = run.id,
                                       .client_id = client,
                                       .region_id = run.region_id,
                                       .purpose = actor.purpose},
                                      actor.request_id, now));
  }
  return Ok();
}

Error Stale() {
  return Error{ErrorCode::kPreconditionFailed, "The run has changed since you read it: read it again.", {}};
}

Result<BillingRun> MustRun(storage::Connection& c, const std::string& run_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto run, BillingStore::Run(c, run_id));
  if (!run) return Error::Internal("The billing run could not be read back.");
  return std::move(*run);
}

}  // namespace

Result<BillingService::Loaded> BillingService::Load(storage::Connection& c, const access::Actor& actor,
                                                    access::Action action, const std::string& run_id, Timestamp now) {
  ALLMENDE_ASSIGN_OR_RETURN(auto run, BillingStore::Run(c, run_id));
  if (!run) return Error::NotFound("There is no such billing run.");
  auto decision = access::Authorize(c, actor.principal, action, {.organization_id = run->purchaser_id}, now);
  if (!decision.ok()) {
    if (decision.error().code == ErrorCode::kPermissionDenied) return Error::NotFound("There is no such billing run.");
    return std::move(decision).error();
  }
  return Loaded{std::move(*run), std::move(*decision)};
}

Result<BillingService::Loaded> BillingService::LoadDraft(storage::Connection& c, const access::Actor& actor,
                                                         const std::string& run_id, std::int64_t version, Timestamp now,
                                                         const char* when_locked) {
  ALLMENDE_ASSIGN_OR_RETURN(Loaded l, Load(c, actor, access::Action::kBillingRun, run_id, now));
  if (l.run.state != "draft") return Error::IllegalTransition(when_locked, l.run.state);
  if (l.run.version != version) return Stale();
  return l;
}

Result<RunSummary> BillingService::Summary(storage::Connection& c, const BillingRun& run,
                                           const access::Decision& decision, const access::Actor& actor,
                                           Timestamp now) {
  RunSummary s;
  s.run = run;
  ALLMENDE_ASSIGN_OR_RETURN(s.by_payer, BillingStore::ByPayer(c, run.id));
  ALLMENDE_ASSIGN_OR_RETURN(s.by_provider, BillingStore::ByProvider(c, run.id));
  if (run.state != "draft") return s;
  ALLMENDE_ASSIGN_OR_RETURN(
      s.unbilled, BillingStore::Unbilled(c, run.purchaser_id, run.period_start, run.period_end, kMaxUnbilled));
  // What the draft could not bill as stored (Fill left it out): chargeable, yet charged by no run.
  ALLMENDE_ASSIGN_OR_RETURN(auto left, BillingStore::Chargeable(c, run.purchaser_id, run.period_end));
  for (const auto& v : left) {
    if (s.unbilled.size() >= static_cast<std::size_t>(kMaxUnbilled)) break;
    auto problem = Problem(v, run.currency);
    if (!problem) continue;
    s.unbilled.push_back(
        {v.visit_id, v.order_id, v.client_id, v.local_date, v.state, v.provider_name, "", *problem, v.price_cents});
  }
  // A dispute is in the client's words: reading it is in their log.
  std::set<std::string> clients;
  for (const auto& u : s.unbilled) clients.insert(u.client_id);
  ALLMENDE_TRY(LogClients(c, decision, actor, run, {clients.begin(), clients.end()}, "billing.run.read", now));
  return s;
}

std::optional<std::string> BillingService::Problem(const ChargeableVisit& v, const std::string& currency) {
  if (CurrencyOfPrice(v.price) != currency) return std::string("currency");
  if (!LinesOfVisit(v).ok()) return std::string("split");
  return std::nullopt;
}

Result<void> BillingService::Fill(storage::Connection& c, const BillingRun& run, const std::string& now_text) {
  ALLMENDE_TRY(BillingStore::DeleteLines(c, run.id));
  ALLMENDE_ASSIGN_OR_RETURN(auto visits, BillingStore::Chargeable(c, run.purchaser_id, run.period_end));
  std::vector<BillingLine> lines;
  lines.reserve(visits.size() * 2);
  std::int64_t seq = 0;
  for (const auto& v : visits) {
    // A visit that cannot be billed as stored is left unbilled and listed with its problem by
    // Summary: one bad visit does not stop the purchaser's billing.
    if (CurrencyOfPrice(v.price) != run.currency) continue;
    auto of_visit = LinesOfVisit(v);
    if (!of_visit.ok()) {
      log::Warn("billing_visit_split", {{"visit", v.visit_id}, {"run", run.id}, {"error", of_visit.error().message}});
      continue;
    }
    for (auto& l : *of_visit) {
      l.id = NewId("bil");
      l.seq = ++seq;
      lines.push_back(std::move(l));
    }
  }
  ALLMENDE_TRY(BillingStore::InsertLines(c, run.id, lines));
  return BillingStore::SetCollected(c, run.id, now_text);
}

Result<std::vector<BillingRun>> BillingService::Runs(const access::Actor& actor, const std::string& purchaser_id) {
  const Timestamp now = clock_.Now();
  return db_.ReadValue<std::vector<BillingRun>>([&](storage::Connection& c) -> Result<std::vector<BillingRun>> {
    ALLMENDE_TRY(
        access::Authorize(c, actor.principal, access::Action::kBillingRead, {.organization_id = purchaser_id}, now));
    return BillingStore::Runs(c, purchaser_id, kMaxRuns);
  });
}

Result<RunSummary> BillingService::Create(const access::Actor& actor, const std::string& purchaser_id,
                                          const std::string& period) {
  const Timestamp now = clock_.Now();
  const std::string now_text = FormatRfc3339(now);
  return db_.WriteValue<RunSummary>([&](storage::Connection& c) -> Result<RunSummary> {
    ALLMENDE_ASSIGN_OR_RETURN(auto decision, access::Authorize(c, actor.principal, access::Action::kBillingRun,
                                                               {.organization_id = purchaser_id}, now));
    ALLMENDE_ASSIGN_OR_RETURN(auto purchaser, BillingStore::PurchaserOf(c, purchaser_id));
    if (!purchaser) return Error::NotFound("There is no such organization.");
    if (!IsPurchaserKind(purchaser->kind)) {
      return Error::Conflict("Only a purchaser's visits are billed here: " + purchaser->name + " is not one.");
    }
    auto month = Month(period);
    if (!month) return Error::Invalid("period", "Give the month as YYYY-MM, for example 2026-10.");
    const std::string today = calendar::TodayIn(purchaser->time_zone, now);
    if (month->second > today) {
      return Error::Invalid(
          "period", "A month is billed once it has ended: " + period + " can be billed from " + month->second + " on.");
    }
    ALLMENDE_ASSIGN_OR_RETURN(auto draft, BillingStore::Draft(c, purchaser_id));
    if (draft) {
      return Error::IllegalTransition(
          "The draft run for " + draft->period_start.substr(0, 7) + " is still open: lock it or discard it first.",
          "draft");
    }
    BillingRun run;
    run.id = NewId("brun");
    run.region_id = purchaser->region_id;
    run.purchaser_id = purchaser_id;
    run.period_start = month->first;
    run.period_end = month->second;
    run.currency = CurrencyOf(purchaser->country);
    run.created_by = decision.actor_id;
    run.created_at = now_text;
    ALLMENDE_TRY(BillingStore::InsertRun(c, run));
    ALLMENDE_TRY(Fill(c, run, now_text));
    ALLMENDE_TRY(access::AppendAccess(c, decision, RunEvent("billing.run.create", run, actor), actor.request_id, now));
    ALLMENDE_ASSIGN_OR_RETURN(run, MustRun(c, run.id));
    return Summary(c, run, decision, actor, now);
  });
}

Result<RunSummary> BillingService::Get(const access::Actor& actor, const std::string& run_id) {
  const Timestamp now = clock_.Now();
  // A write: the summary's list of disputes is in each disputing client's log.
  return db_.WriteValue<RunSummary>([&](storage::Connection& c) -> Result<RunSummary> {
    ALLMENDE_ASSIGN_OR_RETURN(Loaded l, Load(c, actor, access::Action::kBillingRead, run_id, now));
    return Summary(c, l.run, l.decision, actor, now);
  });
}

Result<RunSummary> BillingService::Collect(const access::Actor& actor, const std::string& run_id,
                                           std::int64_t version) {
  const Timestamp now = clock_.Now();
  const std::string now_text = FormatRfc3339(now);
  return db_.WriteValue<RunSummary>([&](storage::Connection& c) -> Result<RunSummary> {
    ALLMENDE_ASSIGN_OR_RETURN(Loaded l, LoadDraft(c, actor, run_id, version, now, "A locked run never changes."));
    ALLMENDE_TRY(Fill(c, l.run, now_text));
    ALLMENDE_TRY(
        access::AppendAccess(c, l.decision, RunEvent("billing.run.collect", l.run, actor), actor.request_id, now));
    ALLMENDE_ASSIGN_OR_RETURN(auto run, MustRun(c, run_id));
    return Summary(c, run, l.decision, actor, now);
  });
}

Result<RunSummary> BillingService::Lock(const access::Actor& actor, const std::string& run_id, std::int64_t version) {
  const Timestamp now = clock_.Now();
  return db_.WriteValue<RunSummary>([&](storage::Connection& c) -> Result<RunSummary> {
    ALLMENDE_ASSIGN_OR_RETURN(Loaded l, LoadDraft(c, actor, run_id, version, now, "The run is locked already."));
    // What is locked is what the totals say, to the cent.
    ALLMENDE_ASSIGN_OR_RETURN(auto sum, BillingStore::Sum(c, run_id));
    if (sum.first != l.run.total_cents || sum.second != l.run.line_count) {
      return Error::Internal("The run's lines do not add up to its total.");
    }
    ALLMENDE_ASSIGN_OR_RETURN(bool locked,
                              BillingStore::Lock(c, run_id, version, l.decision.actor_id, FormatRfc3339(now)));
    if (!locked) return Stale();
    ALLMENDE_TRY(
        access::AppendAccess(c, l.decision, RunEvent("billing.run.lock", l.run, actor), actor.request_id, now));
    ALLMENDE_ASSIGN_OR_RETURN(auto run, MustRun(c, run_id));
    return Summary(c, run, l.decision, actor, now);
  });
}

Result<void> BillingService::Discard(const access::Actor& actor, const std::string& run_id, std::int64_t version) {
  const Timestamp now = clock_.Now();
  return db_.Write([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_ASSIGN_OR_RETURN(Loaded l, LoadDraft(c, actor, run_id, version, now, "A locked run is kept."));
    ALLMENDE_TRY(BillingStore::DeleteLines(c, run_id));
    ALLMENDE_TRY(BillingStore::DeleteRun(c, run_id));
    return access::AppendAccess(c, l.decision, RunEvent("billing.run.discard", l.run, actor), actor.request_id, now);
  });
}

Result<LinePage> BillingService::Lines(const access::Actor& actor, const std::string& run_id, const std::string& cursor,
                                       int limit) {
  if (limit < 1 || limit > kMaxLinesPage) return Error::Invalid("limit", "Between 1 and 500.");
  std::int64_t after = 0;
  if (!cursor.empty()) {
    if (cursor.size() > 12 || !Digits(cursor)) return Error::Invalid("cursor", "Not a cursor of this list.");
    after = std::stoll(cursor);
  }
  const Timestamp now = clock_.Now();
  return db_.WriteValue<LinePage>([&](storage::Connection& c) -> Result<LinePage> {
    ALLMENDE_ASSIGN_OR_RETURN(Loaded l, Load(c, actor, access::Action::kBillingRead, run_id, now));
    LinePage page;
    ALLMENDE_ASSIGN_OR_RETURN(page.lines, BillingStore::Lines(c, run_id, after, limit + 1));
    if (page.lines.size() > static_cast<std::size_t>(limit)) {
      page.lines.resize(static_cast<std::size_t>(limit));
      page.next_cursor = std::to_string(page.lines.back().seq);
    }
    std::set<std::string> clients;
    for (const auto& line : page.lines) clients.insert(line.client_id);
    ALLMENDE_TRY(LogClients(c, l.decision, actor, l.run, {clients.begin(), clients.end()}, "billing.lines.read", now));
    return page;
  });
}

Result<std::pair<BillingRun, std::string>> BillingService::Csv(const access::Actor& actor, const std::string& run_id) {
  return Export(actor, run_id, "billing.export",
                [](const LockedRun& r) -> Result<std::string> { return LinesCsv(r.run, r.lines); });
}

Result<std::pair<BillingRun, std::string>> BillingService::Xlsx(const access::Actor& actor, const std::string& run_id) {
  return Export(actor, run_id, "billing.export", [](const LockedRun& r) -> Result<std::string> {
    return LinesXlsx(r.run, r.by_payer, r.by_provider, r.lines);
  });
}

Result<std::pair<BillingRun, std::string>> BillingService::Export(
    const access::Actor& actor, const std::string& run_id, const char* action,
    const std::function<Result<std::string>(const LockedRun&)>& write) {
  const Timestamp now = clock_.Now();
  LockedRun locked;
  ALLMENDE_TRY(db_.Write([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_ASSIGN_OR_RETURN(Loaded l, Load(c, actor, access::Action::kBillingRead, run_id, now));
    if (l.run.state != "locked") {
      return Error::IllegalTransition("A run is exported once it is locked: its lines may still change.", l.run.state);
    }
    ALLMENDE_ASSIGN_OR_RETURN(locked.lines, BillingStore::Lines(c, run_id, 0, static_cast<int>(l.run.line_count) + 1));
    ALLMENDE_ASSIGN_OR_RETURN(locked.by_payer, BillingStore::ByPayer(c, run_id));
    ALLMENDE_ASSIGN_OR_RETURN(locked.by_provider, BillingStore::ByProvider(c, run_id));
    std::set<std::string> clients;
    for (const auto& line : locked.lines) clients.insert(line.client_id);
    ALLMENDE_TRY(LogClients(c, l.decision, actor, l.run, {clients.begin(), clients.end()}, action, now));
    locked.run = std::move(l.run);
    return Ok();
  }));
  // Written after the transaction: a locked run never changes, and the writer is not held.
  ALLMENDE_ASSIGN_OR_RETURN(std::string bytes, write(locked));
  return std::make_pair(std::move(locked.run), std::move(bytes));
}

Result<std::vector<StatementRun>> BillingService::Statements(const access::Actor& actor,
                                                             const std::string& provider_id) {
  const Timestamp now = clock_.Now();
  return db_.ReadValue<std::vector<StatementRun>>([&](storage::Connection& c) -> Result<std::vector<StatementRun>> {
    ALLMENDE_TRY(access::Authorize(c, actor.principal, access::Action::kBillingStatement,
                                   {.organization_id = provider_id}, now));
    return BillingStore::Statements(c, provider_id, "", 120);
  });
}

Result<Statement> BillingService::StatementOf(const access::Actor& actor, const std::string& provider_id,
                                              const std::string& run_id) {
  const Timestamp now = clock_.Now();
  return db_.ReadValue<Statement>([&](storage::Connection& c) -> Result<Statement> {
    ALLMENDE_TRY(access::Authorize(c, actor.principal, access::Action::kBillingStatement,
                                   {.organization_id = provider_id}, now));
    ALLMENDE_ASSIGN_OR_RETURN(auto runs, BillingStore::Statements(c, provider_id, run_id, 1));
    if (runs.empty()) return Error::NotFound("There is no such statement.");
    Statement s;
    s.run = std::move(runs.front());
    s.provider_id = provider_id;
    ALLMENDE_ASSIGN_OR_RETURN(auto name, c.QueryOne("SELECT name FROM organizations WHERE id = $1", {provider_id}));
    s.provider_name = name ? name->Text(0) : "";
    ALLMENDE_ASSIGN_OR_RETURN(s.by_payer, BillingStore::ByPayer(c, run_id, provider_id));
    return s;
  });
}

Result<LinePage> BillingService::StatementLines(const access::Actor& actor, const std::string& provider_id,
                                                const std::string& run_id, const std::string& cursor, int limit) {
  if (limit < 1 || limit > kMaxLinesPage) return Error::Invalid("limit", "Between 1 and 500.");
  std::int64_t after = 0;
  if (!cursor.empty()) {
    if (cursor.size() > 12 || !Digits(cursor)) return Error::Invalid("cursor", "Not a cursor of this list.");
    after = std::stoll(cursor);
  }
  const Timestamp now = clock_.Now();
  return db_.WriteValue<LinePage>([&](storage::Connection& c) -> Result<LinePage> {
    ALLMENDE_ASSIGN_OR_RETURN(auto decision, access::Authorize(c, actor.principal, access::Action::kBillingStatement,
                                                               {.organization_id = provider_id}, now));
    ALLMENDE_ASSIGN_OR_RETURN(auto runs, BillingStore::Statements(c, provider_id, run_id, 1));
    if (runs.empty()) return Error::NotFound("There is no such statement.");
    ALLMENDE_ASSIGN_OR_RETURN(auto run, MustRun(c, run_id));
    LinePage page;
    ALLMENDE_ASSIGN_OR_RETURN(page.lines, BillingStore::Lines(c, run_id, after, limit + 1, provider_id));
    if (page.lines.size() > static_cast<std::size_t>(limit)) {
      page.lines.resize(static_cast<std::size_t>(limit));
      page.next_cursor = std::to_string(page.lines.back().seq);
    }
    std::set<std::string> clients;
    for (const auto& line : page.lines) clients.insert(line.client_id);
    ALLMENDE_TRY(LogClients(c, decision, actor, run, {clients.begin(), clients.end()}, "billing.statement.read", now));
    return page;
  });
}

Result<std::vector<ClientShare>> BillingService::SharesOf(const access::Actor& actor, const std::string& client_id) {
  const Timestamp now = clock_.Now();
  return db_.ReadValue<std::vector<ClientShare>>([&](storage::Connection& c) -> Result<std::vector<ClientShare>> {
    ALLMENDE_TRY(access::Authorize(c, actor.principal, access::Action::kBillingOwn, {.client_id = client_id}, now));
    return BillingStore::ClientShares(c, client_id, 500);
  });
}

}  // namespace allmende::billing
