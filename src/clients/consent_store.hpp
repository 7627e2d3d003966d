// Consents a client gave for something done on their behalf (client_consents): an order an advisor
// placed for them, and with it the provider's access to what the delivery needs. SQL inside the
// caller's transaction; orders record and withdraw them (src/orders/order_consents.cpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace allmende::clients {

struct Consent {
  std::string id;
  std::string region_id;
  std::string client_id;
  std::string purpose = "order";
  std::optional<std::string> organization_id;    // the provider it lets in (nullopt: whoever accepts the order)
  std::optional<std::string> organization_name;  // read only
  std::optional<std::string> order_id;
  std::string given_how;  // phone, in_person, written, digital
  std::string given_by;   // who gave it, in words ("Aino Virtanen", "Liisa Virtanen, daughter")
  std::string recorded_by;
  std::string recorded_by_name;            // read only
  std::optional<std::string> valid_until;  // RFC 3339; nullopt: until withdrawn
  std::optional<std::string> withdrawn_at;
  std::optional<std::string> withdrawn_by;
  std::optional<std::string> withdrawn_by_name;  // read only
  std::string created_at;

  // active, withdrawn or expired at `now` (RFC 3339).
  std::string StateAt(const std::string& now) const {
    if (withdrawn_at) return "withdrawn";
    if (valid_until && *valid_until <= now) return "expired";
    return "active";
  }
};

class ConsentStore {
 public:
  static Result<void> Insert(storage::Connection& c, const Consent& consent);
  static Result<std::optional<Consent>> Get(storage::Connection& c, const std::string& id);
  // The client's consents, newest first (at most 200).
  static Result<std::vector<Consent>> OfClient(storage::Connection& c, const std::string& client_id);
  // Marks it withdrawn if it is not yet; false if it was.
  static Result<bool> Withdraw(storage::Connection& c, const std::string& id, const std::string& by,
                               const std::string& now);
  // The provider a consent for "whoever accepts" now names (set when the order is accepted).
  static Result<void> SetOrganization(storage::Connection& c, const std::string& id,
                                      const std::string& organization_id);
};

}  // namespace allmende::clients
