#include "guidance/plan_service.hpp"

#include <algorithm>

#include "access/access_log.hpp"
#include "calendar/local_time.hpp"
#include "calendar/zone.hpp"
#include "common/ids.hpp"
#include "common/validate.hpp"
#include "directory/directory_store.hpp"
#include "funding/funding_store.hpp"

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

// Several lines are fine (a goal in the client's words); other control characters are not.
bool TextProblem(std::string_view s, bool required) {
  if (s.empty()) return required;
  if (Utf8Characters(s) > kMaxText) return true;
  for (char ch : s) {
    const auto u = static_cast<unsigned char>(ch);
    if ((u < 0x20 && ch != '\n' && ch != '\t') || u == 0x7f) return true;
  }
  return false;
}

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

Result<std::string> RegionZone(storage::Connection& c, const std::string& region_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT time_zone FROM regions WHERE id = $1", {region_id}));
  return row ? row->Text(0) : std::string("UTC");
}

Result<bool> IsCategory(storage::Connection& c, const std::string& code) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT 1 FROM directory_categories WHERE code = $1", {code}));
  return row.has_value();
}

Error NoSuchItem() { return Error::NotFound("There is no such plan item."); }

}  // namespace

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
    // What the item stands for, from the module that owns it.
    if (p.grant_id) {
      ALLMENDE_ASSIGN_OR_RETURN(auto grant, funding::FundingStore::GetGrant(c, *p.grant_id));
      if (grant) {
        p.organization_name = grant->payer_name;
        p.grant_kind = grant->kind;
        p.grant_valid_until = grant->valid_until;
      }
    }
    if (p.service_id) {
      ALLMENDE_ASSIGN_OR_RETURN(auto service, directory::DirectoryStore::GetService(c, *p.service_id));
      if (service) {
        p.organization_name = service->organization_name;
        if (service->published) p.name = service->published->name;
      }
    }
    out.push_back(std::move(p));
  }
  return out;
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
    std::string category = in.category.value_or("");
    if (in.kind == "grant") {
      std::optional<funding::Grant> grant;
      if (in.grant_id) {
        ALLMENDE_ASSIGN_OR_RETURN(grant, funding::FundingStore::GetGrant(c, *in.grant_id));
      }
      if (!grant || grant->client_id != client_id || grant->state != "active" ||
          (grant->valid_until && *grant->valid_until < today)) {
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
        ALLMENDE_ASSIGN_OR_RETURN(service, directory::DirectoryStore::GetService(c, *in.service_id));
      }
      if (!service || service->region_id != region || service->state != "published" || !service->published) {
        errors.push_back({"service_id", "Choose a published service of the client's region."});
      } else {
        category = service->published->category;  // the service's own
      }
    } else if (in.kind == "activity") {
      if (!in.title || PersonNameProblem(*in.title)) {
        errors.push_back({"title", "Name the activity in 1 to 200 characters on one line."});
      }
      if (!in.category) {
        errors.push_back({"category", "Choose the kind of activity from the service taxonomy."});
      }
    } else {
      errors.push_back({"kind", "grant, service or activity."});
    }
    if (in.kind == "activity" && in.category) {
      ALLMENDE_ASSIGN_OR_RETURN(bool known, IsCategory(c, *in.category));
      if (!known) errors.push_back({"category", "A category of the service taxonomy."});
    }
    if (in.kind != "grant" && in.grant_id) errors.push_back({"grant_id", "Only an item of kind grant names one."});
    if (in.kind != "service" && in.service_id) {
      errors.push_back({"service_id", "Only an item of kind service names one."});
    }
    if (in.kind != "activity" && in.title) {
      errors.push_back({"title", "Only an activity has a title; a grant or service is named by itself."});
    }
    if (in.details && TextProblem(*in.details, false)) {
      errors.push_back({"details", "At most 1,000 characters, without control characters."});
    }
    if (TextProblem(in.goal, true)) {
      errors.push_back({"goal", "What the client wants to achieve, in 1 to 1,000 characters."});
    }
    CheckFollowUp(in.follow_up_date, today, errors);
    if (!errors.empty()) return Error::Invalid(std::move(errors));

    if (in.kind != "activity") {
      ALLMENDE_ASSIGN_OR_RETURN(
          auto twin, c.QueryOne("SELECT id FROM plan_items WHERE client_id = $1 AND state = 'active' AND "
                                "(grant_id = $2 OR service_id = $3)",
                                {client_id, Value(in.grant_id.value_or("")), Value(in.service_id.value_or(""))}));
      if (twin) return Error{ErrorCode::kConflict, "This is on the client's plan already.", {}};
    }
    const std::string id = NewId("pln");
    const std::string at = FormatRfc3339(now);
    auto sealed = [&](const std::optional<std::string>& text) {
      return text && !text->empty() ? Value(cipher_.Seal(*text)) : Value(nullptr);
    };
    ALLMENDE_TRY(c.Execute(
        "INSERT INTO plan_items (id, region_id, client_id, kind, grant_id, service_id, category, title, details, "
        "goal, follow_up_date, state, created_by, created_at, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, "
        "$6, $7, $8, $9, $10, $11, 'active', $12, $13, $12, $13)",
        {id, region, client_id, in.kind, in.kind == "grant" ? Value(*in.grant_id) : Value(nullptr),
         in.kind == "service" ? Value(*in.service_id) : Value(nullptr), category, sealed(in.title), sealed(in.details),
         cipher_.Seal(in.goal), in.follow_up_date, decision.actor_id, at}));
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

Result<PlanItem> PlanService::Change(const access::Actor& actor, const std::string& item_id,
                                     const PlanItemChange& change, std::int64_t expected_version) {
  const Timestamp now = clock_.Now();
  return db_.WriteValue<PlanItem>([&](storage::Connection& c) -> Result<PlanItem> {
    ALLMENDE_ASSIGN_OR_RETURN(auto found, Load(c, "WHERE p.id = $1", {item_id}, now));
    if (found.empty()) return NoSuchItem();
    const PlanItem& item = found.front();
    auto decision =
        access::Authorize(c, actor.principal, access::Action::kPlanWrite, {.client_id = item.client_id}, now);
    if (!decision.ok()) {
      const ErrorCode code = decision.error().code;
      if (code == ErrorCode::kPermissionDenied || code == ErrorCode::kNotFound) return NoSuchItem();
      return std::move(decision).error();  // not signed in, a second factor missing, the database away
    }
    ALLMENDE_ASSIGN_OR_RETURN(std::string region, access::ClientRegion(c, item.client_id));
    ALLMENDE_ASSIGN_OR_RETURN(std::string zone, RegionZone(c, region));
    const std::string today = calendar::TodayIn(zone, now);
    std::vector<FieldError> errors;
    if (change.goal && TextProblem(*change.goal, true)) {
      errors.push_back({"goal", "What the client wants to achieve, in 1 to 1,000 characters."});
    }
    if (change.details && TextProblem(*change.details, false)) {
      errors.push_back({"details", "At most 1,000 characters, without control characters."});
    }
    if (change.state && *change.state != "active" && *change.state != "ended") {
      errors.push_back({"state", "active or ended."});
    }
    const std::string state = change.state.value_or(item.state);
    // A new day must lie ahead; an unchanged one may have passed (the item is due for follow-up).
    if (change.follow_up_date && *change.follow_up_date != item.follow_up_date) {
      CheckFollowUp(*change.follow_up_date, today, errors);
    } else if (state == "active" && item.state == "ended" && item.follow_up_date < today && !change.follow_up_date) {
      errors.push_back({"follow_up_date", "Give a new follow-up day when the item is taken up again."});
    }
    if (!errors.empty()) return Error::Invalid(std::move(errors));
    if (item.version != expected_version) {
      return Error{ErrorCode::kPreconditionFailed, "The plan item changed meanwhile: reload it.", {}};
    }
    const std::string at = FormatRfc3339(now);
    const std::string goal = change.goal.value_or(item.goal);
    const std::string details = change.details.value_or(item.details);
    const std::string day = change.follow_up_date.value_or(item.follow_up_date);
    std::optional<std::string> ended_at = item.ended_at;
    if (state == "ended" && item.state != "ended") ended_at = at;
    if (state == "active") ended_at.reset();
    ALLMENDE_ASSIGN_OR_RETURN(
        auto changed,
        c.Execute("UPDATE plan_items SET goal = $3, details = $4, follow_up_date = $5, state = $6, ended_at = $7, "
                  "updated_by = $8, updated_at = $9, version = version + 1 WHERE id = $1 AND version = $2",
                  {item_id, expected_version, cipher_.Seal(goal),
                   details.empty() ? Value(nullptr) : Value(cipher_.Seal(details)), day, state,
                   ended_at ? Value(*ended_at) : Value(nullptr), decision->actor_id, at}));
    if (changed == 0) return Error{ErrorCode::kPreconditionFailed, "The plan item changed meanwhile: reload it.", {}};
    // The route names the item, not the client: the entry in the client's log is written here.
    ALLMENDE_TRY(access::AppendAccess(c, *decision,
                                      {.action = "plan.write",
                                       .subject_type = "client",
                                       .subject_id = item.client_id,
                                       .client_id = item.client_id,
                                       .region_id = region,
                                       .purpose = actor.purpose},
                                      actor.request_id, now));
    ALLMENDE_ASSIGN_OR_RETURN(auto items, Load(c, "WHERE p.id = $1", {item_id}, now));
    if (items.empty()) return NoSuchItem();
    return items.front();
  });
}

}  // namespace allmende::guidance
