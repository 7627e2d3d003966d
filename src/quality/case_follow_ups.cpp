// The rating's follow-up and the escalation job of cases (README.md "Cases", "Escalation").
#include <boost/json.hpp>

#include "common/ids.hpp"
#include "quality/case_rows.hpp"
#include "quality/case_service.hpp"

namespace allmende::quality {

using internal::AddEvent;
using internal::NextNumber;
using internal::NotifyCoordinators;
using internal::TimeToClose;

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
  std::string description = internal::Opened(cipher, r->Text(6));
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
