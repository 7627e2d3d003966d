// Ratings of visits (README.md "Ratings"): the client or a delegate rates a delivered visit 1–5
// with an optional comment, and may change it for 30 days after the visit ended; a rating of 1 or
// 2 opens one follow-up case for the coordinators. The comment is sealed; the provider's admins
// read ratings without the client's identity.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "access/policy.hpp"
#include "common/time.hpp"
#include "events/event_bus.hpp"
#include "quality/quality_types.hpp"
#include "storage/database.hpp"
#include "storage/field_cipher.hpp"

namespace allmende::quality {

inline constexpr int kRatingDays = 30;

struct ProviderRatingPage {
  std::vector<ProviderRating> items;
  std::optional<std::string> next_cursor;
};

class RatingService {
 public:
  RatingService(storage::Database& db, events::EventBus& bus, const TimeSource& clock,
                const storage::FieldCipher& cipher)
      : db_(db), bus_(bus), clock_(clock), cipher_(cipher) {}

  Result<RatingView> Get(const access::Actor& actor, const std::string& visit_id);
  // The view after rating, and whether the rating is new.
  Result<std::pair<RatingView, bool>> Put(const access::Actor& actor, const std::string& visit_id, std::int64_t stars,
                                          const std::string& comment);
  Result<ProviderRatingPage> OfProvider(const access::Actor& actor, const std::string& provider_id,
                                        const std::string& cursor, int limit);

 private:
  // Who asked, and the visit's provider, client and region.
  struct Subject {
    access::Decision decision;
    std::string provider_id;
    std::string client_id;
    std::string region_id;
  };
  Result<RatingView> View(storage::Connection& c, const access::Actor& actor, const std::string& visit_id,
                          Timestamp now, access::Action action, Subject* subject);

  storage::Database& db_;
  events::EventBus& bus_;
  const TimeSource& clock_;
  const storage::FieldCipher& cipher_;
};

}  // namespace allmende::quality
