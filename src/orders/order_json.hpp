// JSON of the orders feature: what the store keeps in JSON columns and what the API answers.
#pragma once

#include <boost/json/fwd.hpp>
#include <string>
#include <vector>

#include "clients/client_types.hpp"
#include "common/result.hpp"
#include "orders/order_types.hpp"

namespace allmende::orders {

std::string StringListJson(const std::vector<std::string>& list);
std::vector<std::string> StringListFrom(const std::string& text);

std::string ScheduleJson(const Schedule& s);
Schedule ScheduleFrom(const std::string& text);
// Reads a schedule from a request body's "schedule"; InvalidArgument per field ("schedule.weekdays").
Result<Schedule> ParseSchedule(const boost::json::value& v);

std::string PriceJson(const OrderPrice& p);
std::optional<OrderPrice> PriceFrom(const std::optional<std::string>& text);

// An order; `details` adds who it is for and what only its parties may see (client id and name,
// grants, address, door code, phone). Lists, the board and the provider's inbox leave it out.
boost::json::object OrderObject(const Order& o, bool details);
// A consent with its state at `now` (active, withdrawn, expired).
boost::json::object ConsentObject(const clients::Consent& k, const std::string& now);
std::string VisitJson(const Visit& v);
boost::json::object VisitObject(const Visit& v);
std::string MessageJson(const Message& m);
std::string AgreementJson(const Agreement& a);
std::string OfferJson(const Offer& o);
std::string TimelineJson(const TimelineEntry& e);

}  // namespace allmende::orders
