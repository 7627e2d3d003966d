// Follow-up tasks of the advice desk (issue 20): "call back in two weeks" with a due day, on the
// assigned advisor's list and, once overdue, on the coordinators' board of the region. The title
// is sealed at rest; the routes about one client declare client data (the request guard logs
// each look in the client's access log).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "common/time.hpp"
#include "storage/database.hpp"
#include "storage/field_cipher.hpp"

namespace allmende::guidance {

struct NewTask {
  std::string title;                       // 1–200 characters
  std::string due_date;                    // YYYY-MM-DD, today or later in the region's zone
  std::optional<std::string> assigned_to;  // an advisor or coordinator of the region; default the caller
};

struct Task {
  std::string id;
  std::string region_id;
  std::string client_id;
  std::string client_name;
  std::string assigned_to;
  std::string assigned_to_name;
  std::string created_by_name;
  std::string title;  // opened for the reader
  std::string due_date;
  std::string state;  // open, done
  std::optional<std::string> done_at;
  std::string created_at;
  bool overdue = false;  // open and due before today in the region's zone
};

class TaskService {
 public:
  TaskService(storage::Database& db, const TimeSource& clock, const storage::FieldCipher& cipher)
      : db_(db), clock_(clock), cipher_(cipher) {}

  // 422 at title, due_date or assigned_to.
  Result<Task> Add(const access::Actor& actor, const std::string& client_id, const NewTask& input);
  // Open ones first by due day, then the done ones, newest first; at most 100.
  Result<std::vector<Task>> OfClient(const access::Actor& actor, const std::string& client_id);
  // Marks it done (again: no change). NotFound for a task the caller may not see.
  Result<Task> Done(const access::Actor& actor, const std::string& task_id);
  // The caller's open tasks by due day (at most 200), of clients they may still see.
  Result<std::vector<Task>> Mine(const access::Actor& actor);
  // The region's open tasks due before today, oldest first (at most 200): the coordinators' board.
  Result<std::vector<Task>> Overdue(const access::Actor& actor, const std::string& region_id);

 private:
  Result<void> LogList(const std::map<std::string, access::Decision>& by_region, const access::Actor& actor,
                       const std::string& action, Timestamp now);

  storage::Database& db_;
  const TimeSource& clock_;
  const storage::FieldCipher& cipher_;
};

}  // namespace allmende::guidance
