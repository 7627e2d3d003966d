// In-app notifications as main.cpp registers them: the reader's routes and the daily purge.
#pragma once

#include "app/module.hpp"
#include "notifications/notifications.hpp"

namespace allmende::notifications {

class NotificationsModule final : public app::Module {
 public:
  NotificationsModule(storage::Database& db, const TimeSource& clock) : service_(db, clock) {}

  // GET /api/v1/notifications, GET /api/v1/notifications/unread-count, POST /api/v1/notifications/read.
  void AddRoutes(http::Router& router) override;
  // notifications.purge: daily, those older than kKeepDays.
  void AddJobs(jobs::JobScheduler& scheduler) override;

 private:
  NotificationService service_;
};

}  // namespace allmende::notifications
