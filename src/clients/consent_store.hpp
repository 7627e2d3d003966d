// Consents a client gave for something done on their behalf (client_consents): an order an advisor
// placed for them, and with it the provider's access to what the delivery needs. SQL inside the
// caller's transaction; other features reach them through ClientService.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "clients/client_types.hpp"
#include "storage/database.hpp"

namespace allmende::clients {

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
