// The advice desk (issue 20) as main.cpp registers it: advice topics, contacts with clients and
// needs assessments. The registry itself (register, search, look-alikes) is in src/clients/;
// ordering on a client's behalf with their consent goes through src/orders/.
#pragma once

#include "app/module.hpp"
#include "guidance/assessment_service.hpp"
#include "guidance/guidance_service.hpp"
#include "guidance/plan_service.hpp"
#include "guidance/referral_service.hpp"
#include "guidance/task_service.hpp"

namespace allmende::guidance {

class GuidanceModule final : public app::Module {
 public:
  GuidanceModule(storage::Database& db, const TimeSource& clock, const storage::FieldCipher& cipher)
      : service_(db, clock, cipher),
        assessments_(db, clock, cipher),
        tasks_(db, clock, cipher),
        referrals_(db, clock, cipher),
        plans_(db, clock, cipher),
        cipher_(cipher) {}

  // GET /api/v1/advice-topics; GET and POST /api/v1/clients/{id}/contacts; assessments; tasks;
  // referrals; the service plan.
  void AddRoutes(http::Router& router) override;
  // The demo region's needs-assessment form in two versions, Aino's first assessment and her plan.
  Result<void> SeedDemo(app::DemoSeed& seed) override;

 private:
  GuidanceService service_;
  AssessmentService assessments_;
  TaskService tasks_;
  ReferralService referrals_;
  PlanService plans_;
  const storage::FieldCipher& cipher_;
};

// The needs-assessment routes (assessment_handlers.cpp).
void AddAssessmentRoutes(http::Router& router, AssessmentService& service);
// The follow-up task routes (task_handlers.cpp).
void AddTaskRoutes(http::Router& router, TaskService& service);
// The referral routes (referral_handlers.cpp).
void AddReferralRoutes(http::Router& router, ReferralService& service);

// The service plan routes (plan_handlers.cpp).
void AddPlanRoutes(http::Router& router, PlanService& service);

// Aino's service plan (plan_demo.cpp): once, if she has none.
Result<void> SeedDemoPlan(storage::Connection& c, const storage::FieldCipher& cipher, const std::string& region_id,
                          const std::string& client_id, const std::string& advisor_id, Timestamp now);

// The demo form "coping_at_home" (version 1 without, version 2 with the question on loneliness).
FormDefinition DemoAssessmentForm(int version);

}  // namespace allmende::guidance
