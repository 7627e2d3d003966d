#include "quality/rating_service.hpp"

#include "access/access_log.hpp"
#include "common/ids.hpp"
#include "common/validate.hpp"
#include "quality/case_rows.hpp"
#include "quality/case_service.hpp"
#include "quality/quality_scores.hpp"

namespace allmende::quality {
namespace {

using storage::Value;

bool Rateable(const std::string& state) { return state == "delivered" || state == "confirmed" || state == "disputed"; }

// A delegate's look at or change of the client's rating is in the client's access log; the
// client's own is not.
Result<void> LogRating(storage::Connection& c, const access::Actor& actor, const access::Decision& d,
                       const std::string& client_id, const std::string& region_id, const std::string& visit_id,
                       const std::string& action, Timestamp now) {
  if (d.relation == "self") return Ok();
  return access::AppendAccess(c, d,
                              {.action = action,
                               .subject_type = "visit",
                               .subject_id = visit_id,
                               .client_id = client_id,
                               .region_id = region_id,
                               .purpose = actor.purpose},
                              actor.request_id, now);
}

}  // namespace

Result<RatingView> RatingService::View(storage::Connection& c, const access::Actor& actor, const std::string& visit_id,
                                       Timestamp now, access::Action action, Subject* subject) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto v, c.QueryOne("SELECT v.id, v.order_id, v.state, v.local_date, COALESCE(v.checked_out_at, v.ends_at), "
                         "v.provider_id, o.client_id, o.category, p.name, o.region_id FROM visits v "
                         "JOIN orders o ON o.id = v.order_id JOIN organizations p ON p.id = v.provider_id "
                         "WHERE v.id = $1",
                         {visit_id}));
  if (!v) return Error::NotFound("There is no such visit.");
  ALLMENDE_ASSIGN_OR_RETURN(
      auto d, access::Authorize(c, actor.principal, action, {.region_id = v->Text(9), .client_id = v->Text(6)}, now));
  if (subject) *subject = Subject{d, v->Text(5), v->Text(6), v->Text(9)};
  RatingView out;
  out.visit_id = v->Text(0);
  out.order_id = v->Text(1);
  out.visit_state = v->Text(2);
  out.local_date = v->Text(3);
  out.category = v->Text(7);
  out.provider_name = v->Text(8);
  const auto ended = ParseRfc3339(v->Text(4)).value_or(now);
  const Timestamp until = ended + std::chrono::hours(24 * kRatingDays);
  out.rate_until = FormatRfc3339(until);
  out.can_rate = Rateable(out.visit_state) && now <= until;
  ALLMENDE_ASSIGN_OR_RETURN(
      auto r, c.QueryOne("SELECT r.id, r.stars, r.comment_sealed, r.created_at, r.updated_at, r.version, "
                         "(SELECT COUNT(*) FROM quality_cases k WHERE k.rating_id = r.id) FROM visit_ratings r "
                         "WHERE r.visit_id = $1",
                         {visit_id}));
  if (r) {
    auto comment = cipher_.Open(r->Text(2));
    out.rating = Rating{r->Text(0),    visit_id,   r->Int(1),  comment.ok() ? *comment : std::string(),
                        r->Int(6) > 0, r->Text(3), r->Text(4), r->Int(5)};
  }
  return out;
}

Result<RatingView> RatingService::Get(const access::Actor& actor, const std::string& visit_id) {
  const Timestamp now = clock_.Now();
  return db_.WriteValue<RatingView>([&](storage::Connection& c) -> Result<RatingView> {
    Subject s;
    ALLMENDE_ASSIGN_OR_RETURN(RatingView view, View(c, actor, visit_id, now, access::Action::kRatingRead, &s));
    ALLMENDE_TRY(LogRating(c, actor, s.decision, s.client_id, s.region_id, visit_id, "rating.read", now));
    return view;
  });
}

Result<std::pair<RatingView, bool>> RatingService::Put(const access::Actor& actor, const std::string& visit_id,
                                                       std::int64_t stars, const std::string& comment) {
  const Timestamp now = clock_.Now();
  return db_.WriteValue<std::pair<RatingView, bool>>([&](storage::Connection& c)
                                                         -> Result<std::pair<RatingView, bool>> {
    Subject subject;
    ALLMENDE_ASSIGN_OR_RETURN(RatingView view, View(c, actor, visit_id, now, access::Action::kRatingWrite, &subject));
    const access::Decision& decision = subject.decision;
    const std::string& provider_id = subject.provider_id;
    std::vector<FieldError> errors;
    if (stars < 1 || stars > 5) errors.push_back({"stars", "From 1 (poor) to 5 (excellent)."});
    if (FreeTextProblem(comment, 1000, false)) errors.push_back({"comment", "At most 1,000 characters."});
    if (!errors.empty()) return Error::Invalid(std::move(errors));
    if (!view.can_rate) {
      return Error::IllegalTransition(Rateable(view.visit_state) ? "The time to rate this visit has passed."
                                                                 : "Only a delivered visit can be rated.",
                                      view.visit_state);
    }
    // The same rating again (a double tap, a retry) changes nothing.
    if (view.rating && view.rating->stars == stars && view.rating->comment == comment) {
      return std::make_pair(std::move(view), false);
    }
    ALLMENDE_TRY(LogRating(c, actor, decision, subject.client_id, subject.region_id, visit_id, "rating.write", now));
    const std::string at = FormatRfc3339(now);
    std::string rating_id;
    const bool created = !view.rating.has_value();
    if (created) {
      rating_id = NewId("rat");
      ALLMENDE_ASSIGN_OR_RETURN(
          auto row, c.QueryOne("SELECT region_id, order_id, provider_id FROM visits WHERE id = $1", {visit_id}));
      ALLMENDE_ASSIGN_OR_RETURN(auto order, c.QueryOne("SELECT client_id FROM orders WHERE id = $1", {row->Text(1)}));
      ALLMENDE_TRY(
          c.Execute("INSERT INTO visit_ratings (id, region_id, visit_id, order_id, provider_id, client_id, "
                    "rated_by, stars, comment_sealed, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, "
                    "$6, $7, $8, $9, $10, $10)",
                    {rating_id, row->Text(0), visit_id, row->Text(1), row->Text(2), order->Text(0), decision.actor_id,
                     stars, cipher_.Seal(comment), at}));
    } else {
      rating_id = view.rating->id;
      ALLMENDE_TRY(
          c.Execute("UPDATE visit_ratings SET stars = $2, comment_sealed = $3, rated_by = $4, updated_at = "
                    "$5, version = version + 1 WHERE id = $1",
                    {rating_id, stars, cipher_.Seal(comment), decision.actor_id, at}));
    }
    if (stars <= 2) {
      ALLMENDE_TRY(CaseService::OpenFollowUp(c, bus_, cipher_, rating_id, decision.actor_id, decision.role, now));
    }
    ALLMENDE_TRY(RecomputeProvider(c, bus_, provider_id, now));
    ALLMENDE_ASSIGN_OR_RETURN(RatingView after, View(c, actor, visit_id, now, access::Action::kRatingWrite, nullptr));
    return std::make_pair(std::move(after), created);
  });
}

Result<ProviderRatingPage> RatingService::OfProvider(const access::Actor& actor, const std::string& provider_id,
                                                     const std::string& cursor, int limit) {
  const Timestamp now = clock_.Now();
  if (limit < 1 || limit > 200) return Error::Invalid("limit", "Between 1 and 200.");
  return db_.ReadValue<ProviderRatingPage>([&](storage::Connection& c) -> Result<ProviderRatingPage> {
    ALLMENDE_TRY(
        access::Authorize(c, actor.principal, access::Action::kQualityProvider, {.organization_id = provider_id}, now));
    std::string sql =
        "SELECT r.id, o.category, v.local_date, r.stars, r.comment_sealed, r.created_at FROM visit_ratings r "
        "JOIN visits v ON v.id = r.visit_id JOIN orders o ON o.id = r.order_id WHERE r.provider_id = $1";
    std::vector<Value> args{provider_id};
    if (!cursor.empty()) {
      // Sealed: the time a rating was given would point to the visit.
      auto opened = cipher_.Open(cursor);
      auto parsed = opened.ok() ? internal::ParseKeysetCursor(*opened) : std::nullopt;
      if (!parsed) return Error::Invalid("cursor", "Use the next_cursor of the previous page.");
      sql += " AND (r.created_at < $2 OR (r.created_at = $2 AND r.id < $3))";
      args.push_back(parsed->first);
      args.push_back(parsed->second);
    }
    sql += " ORDER BY r.created_at DESC, r.id DESC LIMIT " + std::to_string(limit + 1);
    ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(sql, args));
    ProviderRatingPage page;
    for (const auto& r : rows) {
      // The month of the visit, not its day and not the visit: the provider could tell the client
      // from its own list of visits.
      page.items.push_back(
          {r.Text(0), r.Text(1), r.Text(2).substr(0, 7), r.Int(3), internal::Opened(cipher_, r.Text(4)), r.Text(5)});
    }
    if (page.items.size() > static_cast<std::size_t>(limit)) {
      page.items.resize(limit);
      page.next_cursor = cipher_.Seal(page.items.back().created_at + "~" + page.items.back().id);
    }
    return page;
  });
}

}  // namespace allmende::quality
