#include "guidance/task_service.hpp"

#include <map>

#include "access/access_log.hpp"
#include "calendar/local_time.hpp"
#include "calendar/zone.hpp"
#include "common/ids.hpp"
#include "common/validate.hpp"

namespace allmende::guidance {
namespace {

using storage::Value;

constexpr std::string_view kColumns =
    "SELECT t.id, t.region_id, t.client_id, cu.name, t.assigned_to, au.name, bu.name, t.title, t.due_date, t.state, "
    "t.done_at, t.created_at, r.time_zone FROM advice_tasks t JOIN users cu ON cu.id = t.client_id "
    "JOIN users au ON au.id = t.assigned_to JOIN users bu ON bu.id = t.created_by "
    "JOIN regions r ON r.id = t.region_id ";

using calendar::TodayIn;

}  // namespace

namespace {

std::vector<Task> ToTasks(const std::vector<storage::Row>& rows, const storage::FieldCipher& cipher, Timestamp now) {
  std::vector<Task> out;
  for (const auto& r : rows) {
    Task t{r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4),     r.Text(5),
           r.Text(6), r.Text(7), r.Text(8), r.Text(9), r.OptText(10), r.Text(11)};
    auto opened = cipher.Open(t.title);
    t.title = opened.ok() ? *opened : std::string();
    t.overdue = t.state == "open" && t.due_date < TodayIn(r.Text(12), now);
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace

Result<Task> TaskService::Add(const access::Actor& actor, const std::string& client_id, const NewTask& in) {
  const Timestamp now = clock_.Now();
  return db_.WriteValue<Task>([&](storage::Connection& c) -> Result<Task> {
    // Authorized first: a stranger learns nothing, not even whether the client exists.
    ALLMENDE_ASSIGN_OR_RETURN(auto decision, access::Authorize(c, actor.principal, access::Action::kAdviceTaskWrite,
                                                               {.client_id = client_id}, now));
    ALLMENDE_ASSIGN_OR_RETURN(std::string region, access::ClientRegion(c, client_id));
    ALLMENDE_ASSIGN_OR_RETURN(auto zone_row, c.QueryOne("SELECT time_zone FROM regions WHERE id = $1", {region}));
    const std::string today = TodayIn(zone_row ? zone_row->Text(0) : "UTC", now);
    std::vector<FieldError> errors;
    if (PersonNameProblem(in.title)) {  // 1–200 characters of valid UTF-8, no control characters
      errors.push_back({"title", "What to do, in 1 to 200 characters on one line."});
    }
    auto due = calendar::ParseDate(in.due_date);
    auto first = calendar::ParseDate(today);
    if (!due) {
      errors.push_back({"due_date", "Give the day as YYYY-MM-DD."});
    } else if (in.due_date < today) {
      errors.push_back({"due_date", "The day is past: give today or a later day."});
    } else if (first && calendar::DayNumber(*due) - calendar::DayNumber(*first) > 730) {
      errors.push_back({"due_date", "At most two years ahead."});
    }
    std::string assignee = in.assigned_to.value_or(decision.actor_id);
    if (in.assigned_to) {
      ALLMENDE_ASSIGN_OR_RETURN(
          auto staff, c.QueryOne("SELECT 1 FROM memberships WHERE user_id = $1 AND region_id = $2 AND revoked_at IS "
                                 "NULL AND role IN ('advisor', 'coordinator')",
                                 {assignee, region}));
      if (!staff) errors.push_back({"assigned_to", "Give an advisor or coordinator of the client's region."});
    }
    if (!errors.empty()) return Error::Invalid(std::move(errors));
    const std::string id = NewId("tsk");
    ALLMENDE_TRY(
        c.Execute("INSERT INTO advice_tasks (id, region_id, client_id, assigned_to, created_by, title, "
                  "due_date, state, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8)",
                  {id, region, client_id, assignee, decision.actor_id, cipher_.Seal(in.title),
                   calendar::FormatDate(*due), FormatRfc3339(now)}));
    ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(std::string(kColumns) + "WHERE t.id = $1", {id}));
    auto tasks = ToTasks(rows, cipher_, now);
    if (tasks.empty()) return Error::Internal("The task could not be read back.");
    return tasks.front();
  });
}

Result<std::vector<Task>> TaskService::OfClient(const access::Actor& actor, const std::string& client_id) {
  const Timestamp now = clock_.Now();
  return db_.ReadValue<std::vector<Task>>([&](storage::Connection& c) -> Result<std::vector<Task>> {
    ALLMENDE_TRY(access::Authorize(c, actor.principal, access::Action::kAdviceTaskRead, {.client_id = client_id}, now));
    ALLMENDE_ASSIGN_OR_RETURN(
        auto rows, c.Query(std::string(kColumns) +
                               "WHERE t.client_id = $1 ORDER BY CASE WHEN t.state = 'open' THEN 0 ELSE 1 END, "
                               "CASE WHEN t.state = 'open' THEN t.due_date ELSE '' END, t.done_at DESC, t.id LIMIT 100",
                           {client_id}));
    return ToTasks(rows, cipher_, now);
  });
}

Result<Task> TaskService::Done(const access::Actor& actor, const std::string& task_id) {
  const Timestamp now = clock_.Now();
  return db_.WriteValue<Task>([&](storage::Connection& c) -> Result<Task> {
    ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(std::string(kColumns) + "WHERE t.id = $1", {task_id}));
    if (rows.empty()) return Error::NotFound("There is no such task.");
    const std::string client_id = rows[0].Text(2);
    auto decision =
        access::Authorize(c, actor.principal, access::Action::kAdviceTaskWrite, {.client_id = client_id}, now);
    if (!decision.ok()) {
      const ErrorCode code = decision.error().code;
      if (code == ErrorCode::kPermissionDenied || code == ErrorCode::kNotFound) {
        return Error::NotFound("There is no such task.");  // another desk's task: not even that it exists
      }
      return std::move(decision).error();  // not signed in, a second factor missing, the database away
    }
    ALLMENDE_ASSIGN_OR_RETURN(auto changed, c.Execute("UPDATE advice_tasks SET state = 'done', done_at = $2, "
                                                      "done_by = $3 WHERE id = $1 AND state = 'open'",
                                                      {task_id, FormatRfc3339(now), decision->actor_id}));
    if (changed > 0) {
      ALLMENDE_TRY(access::AppendAccess(c, *decision,
                                        {.action = "advice.task.write",
                                         .subject_type = "client",
                                         .subject_id = client_id,
                                         .client_id = client_id,
                                         .region_id = rows[0].Text(1),
                                         .purpose = actor.purpose},
                                        actor.request_id, now));
      ALLMENDE_ASSIGN_OR_RETURN(rows, c.Query(std::string(kColumns) + "WHERE t.id = $1", {task_id}));
    }
    return ToTasks(rows, cipher_, now).front();
  });
}

// Lists of several clients' tasks: one entry per region on that region's chain, as the desk's
// client search writes (who listed which region's follow-ups, when, why); opening a client is
// the entry in that client's own log.
Result<void> TaskService::LogList(const std::map<std::string, access::Decision>& by_region, const access::Actor& actor,
                                  const std::string& action, Timestamp now) {
  if (by_region.empty()) return Ok();
  return db_.Write([&](storage::Connection& c) -> Result<void> {
    for (const auto& [region, decision] : by_region) {
      ALLMENDE_TRY(access::AppendAccess(c, decision,
                                        {.action = action,
                                         .subject_type = "region",
                                         .subject_id = region,
                                         .region_id = region,
                                         .purpose = actor.purpose},
                                        actor.request_id, now));
    }
    return Ok();
  });
}

Result<std::vector<Task>> TaskService::Mine(const access::Actor& actor) {
  const Timestamp now = clock_.Now();
  std::map<std::string, access::Decision> by_region;
  auto mine = db_.ReadValue<std::vector<Task>>([&](storage::Connection& c) -> Result<std::vector<Task>> {
    ALLMENDE_ASSIGN_OR_RETURN(
        auto rows, c.Query(std::string(kColumns) +
                               "WHERE t.assigned_to = $1 AND t.state = 'open' ORDER BY t.due_date, t.id LIMIT 200",
                           {actor.principal->id}));
    std::vector<Task> out;
    for (auto& t : ToTasks(rows, cipher_, now)) {
      // Someone who has left the desk no longer sees the names of its clients.
      auto d = access::Authorize(c, actor.principal, access::Action::kAdviceTaskRead, {.client_id = t.client_id}, now);
      if (!d.ok()) continue;
      by_region.emplace(t.region_id, *d);
      out.push_back(std::move(t));
    }
    return out;
  });
  if (!mine.ok()) return mine;
  ALLMENDE_TRY(LogList(by_region, actor, "advice.task.read", now));
  return mine;
}

Result<std::vector<Task>> TaskService::Overdue(const access::Actor& actor, const std::string& region_id) {
  const Timestamp now = clock_.Now();
  std::map<std::string, access::Decision> by_region;
  auto overdue = db_.ReadValue<std::vector<Task>>([&](storage::Connection& c) -> Result<std::vector<Task>> {
    ALLMENDE_ASSIGN_OR_RETURN(auto decision, access::Authorize(c, actor.principal, access::Action::kAdviceTaskBoard,
                                                               {.region_id = region_id}, now));
    by_region.emplace(region_id, decision);
    ALLMENDE_ASSIGN_OR_RETURN(auto zone_row, c.QueryOne("SELECT time_zone FROM regions WHERE id = $1", {region_id}));
    const std::string today = TodayIn(zone_row ? zone_row->Text(0) : "UTC", now);
    ALLMENDE_ASSIGN_OR_RETURN(
        auto rows, c.Query(std::string(kColumns) + "WHERE t.region_id = $1 AND t.state = 'open' AND t.due_date < $2 "
                                                   "ORDER BY t.due_date, t.id LIMIT 200",
                           {region_id, today}));
    return ToTasks(rows, cipher_, now);
  });
  if (!overdue.ok()) return overdue;
  if (overdue->empty()) by_region.clear();  // nothing of anyone was shown
  ALLMENDE_TRY(LogList(by_region, actor, "advice.task.board", now));
  return overdue;
}

}  // namespace allmende::guidance
