// SQL of the advice desk's records, inside the caller's transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "guidance/guidance_types.hpp"
#include "storage/database.hpp"

namespace allmende::guidance {

class GuidanceStore {
 public:
  static Result<std::vector<AdviceTopic>> Topics(storage::Connection& c);
  // `contact.note` as stored (sealed).
  static Result<void> InsertContact(storage::Connection& c, const Contact& contact);
  static Result<std::optional<Contact>> GetContact(storage::Connection& c, const std::string& id);
  // The client's contacts, newest first, at most `limit`; notes as stored.
  static Result<std::vector<Contact>> ContactsOf(storage::Connection& c, const std::string& client_id, int limit);
};

}  // namespace allmende::guidance
