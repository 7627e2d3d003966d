// JSON of the funding feature as the API answers it.
#pragma once

#include <boost/json/fwd.hpp>
#include <string>

#include "funding/funding_service.hpp"

namespace allmende::funding {

std::string RateJson(const Rate& r);
std::string ApprovalJson(const VoucherApproval& a);
std::string GrantJson(const Grant& g);
std::string GrantViewJson(const GrantView& v);
// A split as the API shows it: each share with its rule and rate, and the English explanation.
std::string PricedJson(const PricedDelivery& p, const dispatch::DeliveryLine& line);
boost::json::object SharesObject(const PricedDelivery& p);

}  // namespace allmende::funding
