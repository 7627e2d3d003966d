// The advice desk (issue 20) as main.cpp registers it: advice topics and contacts with clients.
// The registry itself (register, search, look-alikes) is in src/clients/; ordering on a client's
// behalf with their consent goes through src/orders/.
#pragma once

#include "app/module.hpp"
#include "guidance/guidance_service.hpp"

namespace allmende::guidance {

class GuidanceModule final : public app::Module {
 public:
  GuidanceModule(storage::Database& db, const TimeSource& clock, const storage::FieldCipher& cipher)
      : service_(db, clock, cipher) {}

  // GET /api/v1/advice-topics; GET and POST /api/v1/clients/{id}/contacts.
  void AddRoutes(http::Router& router) override;

 private:
  GuidanceService service_;
};

}  // namespace allmende::guidance
