// The advice desk: contacts with clients, noted during or after a call, visit or message. Notes
// are sensitive free text, sealed at rest; reading them is an access-log entry (the routes declare
// client data, so the request guard writes it with the stated purpose).
#pragma once

#include <string>
#include <vector>

#include "access/policy.hpp"
#include "common/time.hpp"
#include "guidance/guidance_types.hpp"
#include "storage/database.hpp"
#include "storage/field_cipher.hpp"

namespace allmende::guidance {

class GuidanceService {
 public:
  GuidanceService(storage::Database& db, const TimeSource& clock, const storage::FieldCipher& cipher)
      : db_(db), clock_(clock), cipher_(cipher) {}

  Result<std::vector<AdviceTopic>> Topics();
  // 422 per field (channel, topics, duration_minutes, outcome, note, occurred_at).
  Result<Contact> AddContact(const access::Actor& actor, const std::string& client_id, const NewContact& input);
  // Newest first, at most 100.
  Result<std::vector<Contact>> Contacts(const access::Actor& actor, const std::string& client_id);

 private:
  storage::Database& db_;
  const TimeSource& clock_;
  const storage::FieldCipher& cipher_;
};

}  // namespace allmende::guidance
