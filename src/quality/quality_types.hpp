// What src/quality/ keeps and answers: ratings of visits, cases (complaints, deviations and
// follow-ups) with their events and attachments. README.md has the API these map to.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace allmende::quality {

struct Rating {
  std::string id;
  std::string visit_id;
  std::int64_t stars = 0;
  std::string comment;  // opened for the reader
  bool follow_up = false;
  std::string created_at;
  std::string updated_at;
  std::int64_t version = 1;
};

// The rating page: the visit as the client's side sees it, and its rating if given.
struct RatingView {
  std::string visit_id;
  std::string order_id;
  std::string category;
  std::string provider_name;
  std::string local_date;
  std::string visit_state;
  std::string rate_until;  // RFC 3339
  bool can_rate = false;
  std::optional<Rating> rating;
};

// A rating as the provider's admins see it: without the client, the visit or its day (the id and
// the time given are kept for the page's order, never shown).
struct ProviderRating {
  std::string id;
  std::string category;
  std::string month;  // YYYY-MM of the visit
  std::int64_t stars = 0;
  std::string comment;
  std::string created_at;
};

struct NewCase {
  std::string kind;      // complaint, deviation
  std::string category;  // quality_of_work, punctuality, conduct, safety, billing, privacy, other
  std::string severity;  // low, medium, high, critical
  std::string description;
  std::optional<std::string> client_id;
  std::optional<std::string> order_id;
  std::optional<std::string> visit_id;
  std::optional<std::string> provider_id;
  std::optional<std::string> region_id;
};

struct CaseEvent {
  std::string id;
  std::string at;
  std::string kind;  // filed, state, assigned, reply, note, escalated, attachment
  std::string actor_name;
  std::string actor_role;
  std::optional<std::string> from_state;
  std::optional<std::string> to_state;
  std::optional<std::string> body;  // opened for the reader
  std::string visibility;           // all, staff
};

struct Attachment {
  std::string id;
  std::string case_id;
  std::string file_name;
  std::string content_type;
  std::int64_t byte_size = 0;
  std::string created_at;
};

struct Case {
  std::string id;
  std::int64_t number = 0;
  std::string region_id;
  std::string kind;
  std::string category;
  std::string severity;
  std::string state;
  std::string description;  // opened for the reader
  std::optional<std::string> client_id;
  std::optional<std::string> client_name;
  std::optional<std::string> order_id;
  std::optional<std::string> visit_id;
  std::optional<std::string> visit_date;
  std::optional<std::string> provider_id;
  std::optional<std::string> provider_name;
  std::optional<std::string> purchaser_id;  // of the case's order; not shown
  std::string filed_by;                     // not shown: filed_by_me says what the reader needs
  std::string filed_by_name;
  std::string filed_as;
  bool filed_by_me = false;
  std::optional<std::string> assignee_id;
  std::optional<std::string> assignee_name;
  std::string due_at;
  bool overdue = false;
  std::optional<std::string> escalated_at;
  std::optional<bool> upheld;
  std::optional<std::string> resolution;  // opened for the reader
  std::string created_at;
  std::string updated_at;
  std::optional<std::string> closed_at;
  std::int64_t version = 1;
  std::vector<CaseEvent> events;  // only for one case
  std::vector<Attachment> attachments;
};

struct CasePage {
  std::vector<Case> items;
  std::optional<std::string> next_cursor;
};

struct QueueCounts {
  std::int64_t received = 0;
  std::int64_t investigating = 0;
  std::int64_t action_taken = 0;
  std::int64_t overdue = 0;
};

}  // namespace allmende::quality
