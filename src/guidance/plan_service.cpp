#include "guidance/plan_service.hpp"

#include <algorithm>

#include "access/access_log.hpp"
#include "calendar/local_time.hpp"
#include "calendar/zone.hpp"
#include "common/ids.hpp"
#include "common/validate.hpp"
#include "directory/directory_service.hpp"
#include "funding/funding_service.hpp"

namespace allmende::guidance {
namespace {

using storage::Value;

constexpr std::size_t kMaxText = 1000;
constexpr int kMaxDaysAhead = 730;

constexpr std::string_view kColumns =
    "SELECT p.id, p.client_id, p.kind, p.grant_id, p.service_id, p.category, p.title, p.details, p.goal, "
    "p.follow_up_date, p.state, cu.name, p.created_at, uu.name, p.updated_at, p.ended_at, p.version, r.time_zone, "
    "p.region_id FROM plan_items p JOIN users cu ON cu.id = p.created_by JOIN users uu ON uu.id = p.updated_by "
    "JOIN regions r ON r.id = p.region_id ";

// The follow-up day: today or later in the region's zone, at most two years ahead.
void CheckFollowUp(const std::string& day, const std::string& today, std::vector<FieldError>& errors) {
  auto due = calendar::ParseDate(day);
  auto first = calendar::ParseDate(today);
  if (!due || calendar::FormatDate(*due) != day) {
    errors.push_back({"follow_up_date", "Give the day as YYYY-MM-DD."});
  } else if (day < today) {
    errors.push_back({"follow_up_date", "The day is past: give today or a later day."});
  } else if (first && calendar::DayNumber(*due) - calendar::DayNumber(*first) > kMaxDaysAhead) {
    errors.push_back({"follow_up_date", "At most two years ahead."});
  }
}

void CheckGoal(const std::string& goal, std::vector<FieldError>& errors) {
  if (FreeTextProblem(goal, kMaxText, true)) {
    errors.push_back({"goal", "What the client wants to achieve, in 1 to 1,000 characters."});
  }
}

void CheckDetails(const std::string& details, std::vector<FieldError>& errors) {
  if (FreeTextProblem(details, kMaxText, false)) {
    errors.push_back({"details", "At most 1,000 characters, without control characters."});
  }
}

Result<std::string> RegionZone(storage::Connection& c, const std::string& region_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT time_zone FROM regions WHERE id = $1", {region_id}));
  return row ? row->Text(0) : std::string("UTC");
}

Result<bool> IsCategory(storage::Connection& c, const std::string& code) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT 1 FROM directory_categories WHERE code = $1", {code}));
  return row.has_value();
}

// What an item stands for, checked when it is added and when it is taken up again: a grant of the
// client in force today, a service the public sees in the client's region, or an activity with a
// name and a category. Returns the item's category; problems go to `errors`.
Result<std::string> CheckSubject(storage::Connection& c, const std::string& client_id, const std::string& region,
                                 const std::string& today, const NewPlanItem& in, std::vector<FieldError>& errors) {
  std::string category = in.category.value_or("");
  if (in.kind == "grant") {
    std::optional<funding::Grant> grant;
    if (in.grant_id) {
      ALLMENDE_ASSIGN_OR_RETURN(grant, funding::FundingService::FindGrant(c, *in.grant_id));
    }
    if (!grant || grant->client_id != client_id || !funding::FundingService::InForce(*grant, today)) {
      errors.push_back({"grant_id", "Choose one of the client's grants in force."});
    } else if (in.category) {
      if (std::find(grant->categories.begin(), grant->categories.end(), *in.category) == grant->categories.end()) {
        errors.push_back({"category", "A category the grant pays for."});
      }
    } else {
      category = grant->categories.empty() ? std::string() : grant->categories.front();
    }
  } else if (in.kind == "service") {
    std::optional<directory::Service> service;
    if (in.service_id) {
      ALLMENDE_ASSIGN_OR_RETURN(service, directory::DirectoryService::FindPublished(c, *in.service_id));
    }
    if (!service || service->region_id != region) {
      errors.push_back({"service_id", "Choose a published service of the client's region."});
    } else if (in.category && *in.category != service->published->category) {
      errors.push_back({"category", "A service keeps its own category: leave this out."});
    } else {
      category = service->published->category;
    }
  } else if (in.kind == "activity") {
    if (!in.title || PersonNameProblem(*in.title)) {
      errors.push_back({"title", "Name the activity in 1 to 200 characters on one line."});
    }
    if (!in.category) {
      errors.push_back({"category", "Choose the kind of activity from the service taxonomy."});
    } else {
      ALLMENDE_ASSIGN_OR_RETURN(bool known, IsCategory(c, *in.category));
      if (!known) errors.push_back({"category", "A category of the service taxonomy."});
    }
  } else {
    errors.push_back({"kind", "grant, service or activity."});
  }
  if (in.kind != "grant" && in.grant_id) errors.push_back({"grant_id", "Only an item of kind grant names one."});
  if (in.kind != "service" && in.service_id)
    errors.push_back({"service_id", "Only an item of kind service names one."});
  if (in.kind != "activity" && in.title) {
    errors.push_back({"title", "Only an activity has a title; a grant or service is named by itself."});
  }
  return category;
}

// Another active item of the client for the same grant or service (an activity may come twice).
Result<bool> HasActiveTwin(storage::Connection& c, const std::string& client_id, const NewPlanItem& in,
                           const std::string& except_id) {
  if (in.kind == "grant" && in.grant_id) {
    ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT 1 FROM plan_items WHERE client_id = $1 AND state = "
                                                   "'active' AND grant_id = $2 AND id <> $3",
                                                   {client_id, *in.grant_id, except_id}));
    return row.has_value();
  }
  if (in.kind == "service" && in.service_id) {
    ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT 1 FROM plan_items WHERE client_id = $1 AND state = "
                                                   "'active' AND service_id = $2 AND id <> $3",
                                                   {client_id, *in.service_id, except_id}));
    return row.has_value();
  }
  return false;
}

Error NoSuchItem() { return Error::NotFound("There is no such plan item."); }
Error Stale() { return Error{ErrorCode::kPreconditionFailed, "The plan item changed meanwhile: reload it.", {}}; }
Error Twin() { return Error{ErrorCode::kConflict, "This is on the client's plan already.", {}}; }

}  // namespace

struct PlanService::Writable {
  PlanItem item;
  access::Decision decision;
  std::string today;  // in the region's zone
};

Result<std::vector<PlanItem>> PlanService::Load(storage::Connection& c, const std::string& where,
                                                std::vector<Value> args, Timestamp now) const {
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(std::string(kColumns) + where, std::move(args)));
  std::vector<PlanItem> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    PlanItem p;
    p.id = r.Text(0);
    p.client_id = r.Text(1);
    p.kind = r.Text(2);
    p.grant_id = r.OptText(3);
    p.service_id = r.OptText(4);
    p.category = r.Text(5);
    auto open = [&](std::optional<std::string> sealed) {
      if (!sealed || sealed->empty()) return std::string();
      auto opened = cipher_.Open(*sealed);
      return opened.ok() ? *opened : std::string();
    };
    p.title = open(r.OptText(6));
    p.details = open(r.OptText(7));
    p.goal = open(r.OptText(8));
    p.follow_up_date = r.Text(9);
    p.state = r.Text(10);
    p.created_by_name = r.Text(11);
    p.created_at = r.Text(12);
    p.updated_by_name = r.Text(13);
    p.updated_at = r.Text(14);
    p.ended_at = r.OptText(15);
    p.version = r.Int(16);
    p.follow_up_due = p.state == "active" && p.follow_up_date <= calendar::TodayIn(r.Text(17), now);
    p.region_id = r.Text(18);
    // What the item stands for, from the feature that owns it. A service no longer public keeps
    // its place on the plan without a name (the page says so).
    if (p.grant_id) {
      ALLMENDE_ASSIGN_OR_RETURN(auto grant, funding::FundingService::FindGrant(c, *p.grant_id));
      if (grant) {
        p.organization_name = grant->payer_name;
        p.grant_kind = grant->kind;
        p.grant_valid_until = grant->valid_until;
      }
    }
    if (p.service_id) {
      ALLMENDE_ASSIGN_OR_RETURN(auto service, directory::DirectoryService::FindPublished(c, *p.service_id));
      if (service) {
        p.organization_name = service->organization_name;
        p.name = service->published->name;
      }
    }
    out.push_back(std::move(p));
  }
  return out;
}

Result<void> PlanService::Insert(storage::Connection& c, const storage::FieldCipher& cipher, const std::string& id,
                                 const std::string& region_id, const std::string& client_id, const NewPlanItem& in,
                                 const std::string& category, const std::string& by, Timestamp at) {
  auto sealed = [&](const std::optional<std::string>& text) {
    return text && !text->empty() ? Value(cipher.Seal(*text)) : Value(nullptr);
  };
  const std::string when = FormatRfc3339(at);
  ALLMENDE_TRY(c.Execute(
      "INSERT INTO plan_items (id, region_id, client_id, kind, grant_id, service_id, category, title, details, "
      "goal, follow_up_date, state, created_by, created_at, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, "
      "$6, $7, $8, $9, $10, $11, 'active', $12, $13, $12, $13)",
      {id, region_id, client_id, in.kind, in.kind == "grant" && in.grant_id ? Value(*in.grant_id) : Value(nullptr),
       in.kind == "service" && in.service_id ? Value(*in.service_id) : Value(nullptr), category,
       in.kind == "activity" ? sealed(in.title) : Value(nullptr), sealed(in.details), cipher.Seal(in.goal),
       in.follow_up_date, by, when}));
  return Ok();
}

Result<PlanItem> PlanService::Add(const access::Actor& actor, const std::string& client_id, const NewPlanItem& in) {
  const Timestamp now = clock_.Now();
  return db_.WriteValue<PlanItem>([&](storage::Connection& c) -> Result<PlanItem> {
    // Authorized first: a stranger learns nothing, not even whether the client exists.
    ALLMENDE_ASSIGN_OR_RETURN(auto decision, access::Authorize(c, actor.principal, access::Action::kPlanWrite,
                                                               {.client_id = client_id}, now));
    ALLMENDE_ASSIGN_OR_RETURN(std::string region, access::ClientRegion(c, client_id));
    ALLMENDE_ASSIGN_OR_RETURN(std::string zone, RegionZone(c, region));
    const std::string today = calendar::TodayIn(zone, now);
    std::vector<FieldError> errors;
    ALLMENDE_ASSIGN_OR_RETURN(std::string category, CheckSubject(c, client_id, region, today, in, errors));
    if (in.details) CheckDetails(*in.details, errors);
    CheckGoal(in.goal, errors);
    CheckFollowUp(in.follow_up_date, today, errors);
    if (!errors.empty()) return Error::Invalid(std::move(errors));
    ALLMENDE_ASSIGN_OR_RETURN(bool twin, HasActiveTwin(c, client_id, in, ""));
    if (twin) return Twin();
    const std::string id = NewId("pln");
    ALLMENDE_TRY(Insert(c, cipher_, id, region, client_id, in, category, decision.actor_id, now));
    ALLMENDE_ASSIGN_OR_RETURN(auto items, Load(c, "WHERE p.id = $1", {id}, now));
    if (items.empty()) return Error::Internal("The plan item could not be read back.");
    return items.front();
  });
}

Result<Plan> PlanService::Of(const access::Actor& actor, const std::string& client_id) {
  const Timestamp now = clock_.Now();
  return db_.ReadValue<Plan>([&](storage::Connection& c) -> Result<Plan> {
    ALLMENDE_TRY(access::Authorize(c, actor.principal, access::Action::kPlanRead, {.client_id = client_id}, now));
    Plan plan;
    plan.client_id = client_id;
    ALLMENDE_ASSIGN_OR_RETURN(auto name, c.QueryOne("SELECT name FROM users WHERE id = $1", {client_id}));
    if (name) plan.client_name = name->Text(0);
    ALLMENDE_ASSIGN_OR_RETURN(
        plan.items,
        Load(c,
             "WHERE p.client_id = $1 ORDER BY CASE WHEN p.state = 'active' THEN 0 ELSE 1 END, "
             "CASE WHEN p.state = 'active' THEN p.follow_up_date ELSE '' END, p.ended_at DESC, p.created_at, p.id "
             "LIMIT 200",
             {client_id}, now));
    for (const auto& item : plan.items) {
      if (!plan.updated_at || item.updated_at > *plan.updated_at) plan.updated_at = item.updated_at;
    }
    return plan;
  });
}

Result<PlanService::Writable> PlanService::ForWriting(storage::Connection& c, const access::Actor& actor,
                                                      const std::string& item_id, Timestamp now) const {
  ALLMENDE_ASSIGN_OR_RETURN(auto client, c.QueryOne("SELECT client_id FROM plan_items WHERE id = $1", {item_id}));
  if (!client) return NoSuchItem();
  // Authorized before anything of the item is read or opened.
  auto decision =
      access::Authorize(c, actor.principal, access::Action::kPlanWrite, {.client_id = client->Text(0)}, now);
  if (!decision.ok()) {
    const ErrorCode code = decision.error().code;
    if (code == ErrorCode::kPermissionDenied || code == ErrorCode::kNotFound) return NoSuchItem();
    return std::move(decision).error();  // not signed in, a second factor missing, the database away
  }
  ALLMENDE_ASSIGN_OR_RETURN(auto found, Load(c, "WHERE p.id = $1", {item_id}, now));
  if (found.empty()) return NoSuchItem();
  ALLMENDE_ASSIGN_OR_RETURN(std::string zone, RegionZone(c, found.front().region_id));
  return Writable{std::move(found.front()), *decision, calendar::TodayIn(zone, now)};
}

// The entry in the client's log (the routes name the item, not the client) and the item as it is now.
Result<PlanItem> PlanService::Finish(storage::Connection& c, const access::Actor& actor, const Writable& w,
                                     Timestamp now) const {
  ALLMENDE_TRY(access::AppendAccess(c, w.decision,
                                    {.action = "plan.write",
                                     .subject_type = "client",
                                     .subject_id = w.item.client_id,
                                     .client_id = w.item.client_id,
                                     .region_id = w.item.region_id,
                                     .purpose = actor.purpose},
                                    actor.request_id, now));
  ALLMENDE_ASSIGN_OR_RETURN(auto items, Load(c, "WHERE p.id = $1", {w.item.id}, now));
  if (items.empty()) return NoSuchItem();
  return items.front();
}

Result<PlanItem> PlanService::Change(const access::Actor& actor, const std::string& item_id,
                                     const PlanItemChange& change, std::int64_t expected_version) {
  const Timestamp now = clock_.Now();
  return db_.WriteValue<PlanItem>([&](storage::Connection& c) -> Result<PlanItem> {
    ALLMENDE_ASSIGN_OR_RETURN(Writable w, ForWriting(c, actor, item_id, now));
    std::vector<FieldError> errors;
    if (!change.goal && !change.details && !change.follow_up_date) {
      errors.push_back({"goal", "Name what to change: goal, details or follow_up_date."});
    }
    if (change.goal) CheckGoal(*change.goal, errors);
    if (change.details) CheckDetails(*change.details, errors);
    // A new day must lie ahead; the unchanged one may have passed (the item is due for follow-up).
    if (change.follow_up_date && *change.follow_up_date != w.item.follow_up_date) {
      CheckFollowUp(*change.follow_up_date, w.today, errors);
    }
    if (!errors.empty()) return Error::Invalid(std::move(errors));
    if (w.item.version != expected_version) return Stale();
    // Only the fields named are written: a value that could not be opened is never overwritten.
    std::string sets;
    std::vector<Value> args{item_id, expected_version, w.decision.actor_id, FormatRfc3339(now)};
    auto set = [&](std::string_view column, Value value) {
      args.push_back(std::move(value));
      sets += ", " + std::string(column) + " = $" + std::to_string(args.size());
    };
    if (change.goal) set("goal", cipher_.Seal(*change.goal));
    if (change.details) set("details", change.details->empty() ? Value(nullptr) : Value(cipher_.Seal(*change.details)));
    if (change.follow_up_date) set("follow_up_date", *change.follow_up_date);
    ALLMENDE_ASSIGN_OR_RETURN(auto changed, c.Execute("UPDATE plan_items SET updated_by = $3, updated_at = $4, "
                                                      "version = version + 1" +
                                                          sets + " WHERE id = $1 AND version = $2",
                                                      std::move(args)));
    if (changed == 0) return Stale();
    return Finish(c, actor, w, now);
  });
}

Result<PlanItem> PlanService::End(const access::Actor& actor, const std::string& item_id,
                                  std::int64_t expected_version) {
  const Timestamp now = clock_.Now();
  return db_.WriteValue<PlanItem>([&](storage::Connection& c) -> Result<PlanItem> {
    ALLMENDE_ASSIGN_OR_RETURN(Writable w, ForWriting(c, actor, item_id, now));
    if (w.item.state == "ended") return w.item;  // ended once
    if (w.item.version != expected_version) return Stale();
    const std::string at = FormatRfc3339(now);
    ALLMENDE_ASSIGN_OR_RETURN(auto changed,
                              c.Execute("UPDATE plan_items SET state = 'ended', ended_at = $3, updated_by = $4, "
                                        "updated_at = $3, version = version + 1 WHERE id = $1 AND version = $2",
                                        {item_id, expected_version, at, w.decision.actor_id}));
    if (changed == 0) return Stale();
    return Finish(c, actor, w, now);
  });
}

Result<PlanItem> PlanService::Resume(const access::Actor& actor, const std::string& item_id,
                                     const std::optional<std::string>& follow_up_date, std::int64_t expected_version) {
  const Timestamp now = clock_.Now();
  return db_.WriteValue<PlanItem>([&](storage::Connection& c) -> Result<PlanItem> {
    ALLMENDE_ASSIGN_OR_RETURN(Writable w, ForWriting(c, actor, item_id, now));
    if (w.item.state == "active") {
      return Error::IllegalTransition("The item is on the plan already (active).", "active");
    }
    // Checked as if added today: the grant may have ended, the service may be gone.
    NewPlanItem again{.kind = w.item.kind,
                      .grant_id = w.item.grant_id,
                      .service_id = w.item.service_id,
                      .category = w.item.kind == "service" ? std::nullopt : std::optional(w.item.category),
                      .title = w.item.kind == "activity" ? std::optional(w.item.title) : std::nullopt};
    std::vector<FieldError> errors;
    ALLMENDE_TRY(CheckSubject(c, w.item.client_id, w.item.region_id, w.today, again, errors));
    const std::string day = follow_up_date.value_or(w.item.follow_up_date);
    if (!follow_up_date && day < w.today) {
      errors.push_back({"follow_up_date", "The follow-up day has passed: give a new one."});
    } else {
      CheckFollowUp(day, w.today, errors);
    }
    if (!errors.empty()) return Error::Invalid(std::move(errors));
    ALLMENDE_ASSIGN_OR_RETURN(bool twin, HasActiveTwin(c, w.item.client_id, again, item_id));
    if (twin) return Twin();
    if (w.item.version != expected_version) return Stale();
    ALLMENDE_ASSIGN_OR_RETURN(auto changed,
                              c.Execute("UPDATE plan_items SET state = 'active', ended_at = NULL, follow_up_date = $3, "
                                        "updated_by = $4, updated_at = $5, version = version + 1 WHERE id = $1 AND "
                                        "version = $2",
                                        {item_id, expected_version, day, w.decision.actor_id, FormatRfc3339(now)}));
    if (changed == 0) return Stale();
    return Finish(c, actor, w, now);
  });
}

}  // namespace allmende::guidance
