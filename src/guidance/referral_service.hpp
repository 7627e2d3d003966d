// Referrals (issue 20): the advice desk refers a client to a purchaser of their region (the welfare
// area, a municipality, a care insurer) for a service-need assessment. The referral waits in the
// purchaser officers' queue; making it gives the purchaser the client's record (a purchaser
// relation, as an order would); the officer records the decision (funding's grant form) and closes
// the referral with that grant, or declines it with a note. The client, their delegate and the
// desk see each referral and its outcome. Reason and note are sealed at rest.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "common/time.hpp"
#include "storage/database.hpp"
#include "storage/field_cipher.hpp"

namespace allmende::guidance {

struct NewReferral {
  std::string purchaser_id;
  std::string category;  // of the service taxonomy: what the client may need
  std::string reason;    // 1–2000 characters
};

struct Referral {
  std::string id;
  std::string region_id;
  std::string client_id;
  std::string client_name;
  std::optional<std::string> client_birth_date;
  std::string purchaser_id;
  std::string purchaser_name;
  std::string category;
  std::string reason;  // opened for the reader
  std::string state;   // open, granted, declined
  std::string created_by_name;
  std::string created_at;
  std::optional<std::string> decided_by_name;
  std::optional<std::string> decided_at;
  std::optional<std::string> grant_id;
  std::optional<std::string> decision_note;  // opened
};

struct ReferralDecision {
  std::string outcome;                  // granted, declined
  std::optional<std::string> grant_id;  // granted: the client's grant from this purchaser
  std::optional<std::string> note;      // at most 2000 characters; required when declined
};

class ReferralService {
 public:
  ReferralService(storage::Database& db, const TimeSource& clock, const storage::FieldCipher& cipher)
      : db_(db), clock_(clock), cipher_(cipher) {}

  // 422 at purchaser_id, category or reason. An open referral of the same client to the same
  // purchaser for the same category is 409 (the queue has it already).
  Result<Referral> Refer(const access::Actor& actor, const std::string& client_id, const NewReferral& input);
  // Newest first, at most 100.
  Result<std::vector<Referral>> OfClient(const access::Actor& actor, const std::string& client_id);
  // The purchaser's queue: `state` open (oldest first) or decided (newest first), `limit` (1–200)
  // at a time after `cursor` (the last id of the page before; InvalidArgument on "cursor" for one
  // that is not of this queue).
  struct QueuePage {
    std::vector<Referral> items;
    std::optional<std::string> next_cursor;
  };
  Result<QueuePage> Queue(const access::Actor& actor, const std::string& purchaser_id, const std::string& state,
                          int limit = 50, const std::string& cursor = "");
  // 409 with the current state once decided; 422 at outcome, grant_id or note.
  Result<Referral> Decide(const access::Actor& actor, const std::string& referral_id, const ReferralDecision& input);

 private:
  Result<Referral> Get(storage::Connection& c, const std::string& id);
  std::vector<Referral> Open(std::vector<Referral> list) const;

  storage::Database& db_;
  const TimeSource& clock_;
  const storage::FieldCipher& cipher_;
};

}  // namespace allmende::guidance
