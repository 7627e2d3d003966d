// Feedback, complaints and the providers' quality score (issue 21) as main.cpp registers it.
#pragma once

#include <string>

#include "app/module.hpp"
#include "quality/case_service.hpp"
#include "quality/rating_service.hpp"

namespace allmende::quality {

class QualityModule final : public app::Module {
 public:
  QualityModule(storage::Database& db, events::EventBus& bus, const TimeSource& clock,
                const storage::FieldCipher& cipher, const notify::Outbox& outbox, std::string public_url)
      : db_(db),
        cipher_(cipher),
        ratings_(db, bus, clock, cipher),
        cases_(db, bus, clock, cipher, outbox, public_url),
        bus_(bus) {}

  void AddRoutes(http::Router& router) override;
  // quality.escalate every 5 minutes; quality.scores daily.
  void AddJobs(jobs::JobScheduler& scheduler) override;
  // Aino's ratings of the demo's delivered month, and every region's scores.
  Result<void> SeedDemo(app::DemoSeed& seed) override;

 private:
  storage::Database& db_;
  const storage::FieldCipher& cipher_;
  RatingService ratings_;
  CaseService cases_;
  events::EventBus& bus_;
};

}  // namespace allmende::quality
