// The service plan of the advice desk (issue 20): the services agreed with a client, each with a
// goal and a follow-up day. An item is one of the client's grants (publicly funded), a published
// service of the directory (self-paid), or an association's or volunteers' activity named in
// words. The desk keeps it; the client and a delegate read it and print it. Title, details and
// goal are sealed at rest; the routes about one client declare client data (the request guard
// logs each look in the client's access log).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "common/time.hpp"
#include "storage/database.hpp"
#include "storage/field_cipher.hpp"

namespace allmende::guidance {

struct NewPlanItem {
  std::string kind = {};                       // grant, service, activity
  std::optional<std::string> grant_id = {};    // kind grant: an active grant of the client
  std::optional<std::string> service_id = {};  // kind service: a published service of the client's region
  std::optional<std::string> category = {};    // activity: required; grant: one of the grant's (default its first)
  std::optional<std::string> title = {};       // activity: its name, 1–200 characters
  std::optional<std::string> details = {};     // where, when, whom to ask: at most 1,000 characters
  std::string goal = {};                       // 1–1,000 characters
  std::string follow_up_date = {};             // YYYY-MM-DD, today or later in the region's zone, within two years
};

// What a PATCH changes; absent fields stay.
struct PlanItemChange {
  std::optional<std::string> goal;
  std::optional<std::string> details;  // "" clears
  std::optional<std::string> follow_up_date;
};

struct PlanItem {
  std::string id;
  std::string client_id;
  std::string region_id;
  std::string kind;
  std::optional<std::string> grant_id;
  std::optional<std::string> service_id;
  std::string category;
  std::string title;                        // activity: its name; otherwise empty
  std::map<std::string, std::string> name;  // service: the published name by language
  std::string organization_name;            // service: the provider; grant: the payer
  std::string grant_kind;                   // grant: voucher, purchased_service, …
  std::optional<std::string> grant_valid_until;
  std::string details;
  std::string goal;
  std::string follow_up_date;
  bool follow_up_due = false;  // active and the follow-up day is today or past (region's zone)
  std::string state;
  std::string created_by_name;
  std::string created_at;
  std::string updated_by_name;
  std::string updated_at;
  std::optional<std::string> ended_at;
  std::int64_t version = 1;
};

struct Plan {
  std::string client_id;
  std::string client_name;
  std::optional<std::string> updated_at;  // the newest change of any item
  std::vector<PlanItem> items;            // active by follow-up day, then the ended ones, newest first
};

class PlanService {
 public:
  PlanService(storage::Database& db, const TimeSource& clock, const storage::FieldCipher& cipher)
      : db_(db), clock_(clock), cipher_(cipher) {}

  // 422 naming the field; 409 when the grant or service is on the plan already (active).
  Result<PlanItem> Add(const access::Actor& actor, const std::string& client_id, const NewPlanItem& input);
  // The whole plan (at most 200 items).
  Result<Plan> Of(const access::Actor& actor, const std::string& client_id);
  // Changes the named fields only (422 when none is named). 412 when `expected_version` is not
  // the item's; NotFound for an item the caller may not see.
  Result<PlanItem> Change(const access::Actor& actor, const std::string& item_id, const PlanItemChange& change,
                          std::int64_t expected_version);
  // Ends an active item (an ended one: unchanged).
  Result<PlanItem> End(const access::Actor& actor, const std::string& item_id, std::int64_t expected_version);
  // Takes an ended item up again, checked as when it was added (its grant still in force, its
  // service still public, not on the plan twice); a new follow-up day when the old one has passed.
  Result<PlanItem> Resume(const access::Actor& actor, const std::string& item_id,
                          const std::optional<std::string>& follow_up_date, std::int64_t expected_version);

  // Writes a new active item as it is (the demo seed; Add checks first).
  static Result<void> Insert(storage::Connection& c, const storage::FieldCipher& cipher, const std::string& id,
                             const std::string& region_id, const std::string& client_id, const NewPlanItem& item,
                             const std::string& category, const std::string& by, Timestamp at);

 private:
  Result<std::vector<PlanItem>> Load(storage::Connection& c, const std::string& where, std::vector<storage::Value> args,
                                     Timestamp now) const;
  // The item the caller may change, with its decision; NotFound for everyone else.
  struct Writable;
  Result<Writable> ForWriting(storage::Connection& c, const access::Actor& actor, const std::string& item_id,
                              Timestamp now) const;
  Result<PlanItem> Finish(storage::Connection& c, const access::Actor& actor, const Writable& w, Timestamp now) const;

  storage::Database& db_;
  const TimeSource& clock_;
  const storage::FieldCipher& cipher_;
};

}  // namespace allmende::guidance
