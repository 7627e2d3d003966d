#include "quality/quality_module.hpp"

#include "jobs/job_scheduler.hpp"
#include "quality/quality_handlers.hpp"
#include "quality/quality_scores.hpp"

namespace allmende::quality {

void QualityModule::AddRoutes(http::Router& router) { AddQualityRoutes(router, ratings_, cases_, db_); }

void QualityModule::AddJobs(jobs::JobScheduler& scheduler) {
  scheduler.Register("quality.escalate",
                     [this](storage::Connection& c, const jobs::Job&, Timestamp now) -> Result<void> {
                       ALLMENDE_TRY(CaseService::EscalateOverdue(c, bus_, now));
                       return Ok();
                     });
  scheduler.Every("quality.escalate", std::chrono::minutes(5));
  scheduler.Register("quality.scores", [this](storage::Connection& c, const jobs::Job&, Timestamp now) -> Result<void> {
    ALLMENDE_ASSIGN_OR_RETURN(auto regions, c.Query("SELECT id FROM regions ORDER BY id"));
    for (const auto& r : regions) ALLMENDE_TRY(RecomputeRegion(c, bus_, r.Text(0), now));
    return Ok();
  });
  scheduler.Every("quality.scores", std::chrono::hours(24));
}

Result<void> QualityModule::SeedDemo(app::DemoSeed& seed) {
  // Aino rated the first two visits of her delivered month the day after each (the orders module
  // seeded them on its history clock): 5 and 4 stars.
  auto aino = seed.users.find("aino.virtanen@allmende.demo");
  if (aino != seed.users.end()) {
    ALLMENDE_ASSIGN_OR_RETURN(auto visits, db_.ReadValue<std::vector<storage::Row>>([&](storage::Connection& c) {
      return c.Query(
          "SELECT v.id, v.checked_out_at FROM visits v JOIN orders o ON o.id = v.order_id WHERE o.client_id = $1 "
          "AND v.state = 'confirmed' AND v.checked_out_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
          "visit_ratings r WHERE r.order_id = o.id) ORDER BY v.starts_at LIMIT 2",
          {aino->second});
    }));
    static constexpr std::array<std::pair<int, const char*>, 2> kRatings{
        {{5, "Kiitos, koti on taas siisti ja Aleksi oli ystävällinen."}, {4, ""}}};
    for (std::size_t i = 0; i < visits.size(); ++i) {
      auto out = ParseRfc3339(visits[i].Text(1));
      if (!out) continue;
      ManualTimeSource then(*out + std::chrono::hours(24));
      RatingService at_the_time(db_, bus_, then, cipher_);
      http::Principal p{aino->second, "user"};
      access::Actor actor(p);
      actor.request_id = "seed";
      ALLMENDE_TRY(at_the_time.Put(actor, visits[i].Text(0), kRatings[i].first, kRatings[i].second));
    }
  }
  return db_.Write([this](storage::Connection& c) -> Result<void> {
    ALLMENDE_ASSIGN_OR_RETURN(auto regions, c.Query("SELECT id FROM regions ORDER BY id"));
    for (const auto& r : regions) ALLMENDE_TRY(RecomputeRegion(c, bus_, r.Text(0), Now()));
    return Ok();
  });
}

}  // namespace allmende::quality
