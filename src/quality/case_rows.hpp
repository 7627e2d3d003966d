// Internal to src/quality/: the SQL and small rules the case files share (case_service.cpp, the
// workflow; case_files.cpp, attachments; case_follow_ups.cpp, the jobs and the rating's
// follow-up). Not for other features.
#pragma once

#include <boost/json.hpp>
#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/time.hpp"
#include "events/event_bus.hpp"
#include "quality/quality_types.hpp"
#include "storage/database.hpp"
#include "storage/field_cipher.hpp"

namespace allmende::quality::internal {

inline constexpr std::size_t kMaxText = 4000;
inline constexpr std::size_t kMaxAttachments = 5;

// How long a case of `severity` may stay open: 24 hours (critical), 3 days (high), 7 (medium), 14.
std::chrono::hours TimeToClose(const std::string& severity);
// A client, or a delegate acting for one.
bool ClientSideRole(const std::string& role);
// A sealed text opened; empty if it cannot be.
std::string Opened(const storage::FieldCipher& cipher, const std::string& sealed);

// The case with the names of its client, provider, filer and assignee; NotFound if there is none.
Result<Case> LoadCase(storage::Connection& c, const storage::FieldCipher& cipher, const std::string& id,
                      const std::string& reader_id, Timestamp now);
// Cases `where` (an SQL condition on `k`, with its parameters `args`) in keyset pages: `by_due`
// orders by deadline ascending, otherwise by filing time descending; `limit` 1–200.
Result<CasePage> CasePageWhere(storage::Connection& c, const storage::FieldCipher& cipher, const std::string& where,
                               std::vector<storage::Value> args, bool by_due, const std::string& cursor, int limit,
                               const std::string& reader_id, Timestamp now);

Result<void> AddEvent(storage::Connection& c, const storage::FieldCipher& cipher, const std::string& case_id,
                      const std::optional<std::string>& actor_id, const std::string& actor_role,
                      const std::string& kind, const std::optional<std::string>& from,
                      const std::optional<std::string>& to, const std::optional<std::string>& body,
                      const std::string& visibility, const std::string& at);
// The region's next case number.
Result<std::int64_t> NextNumber(storage::Connection& c, const std::string& region_id);
// A notification about case `case_id` to the region's coordinators and the keys in `more`.
Result<void> NotifyCoordinators(storage::Connection& c, events::EventBus& bus, const std::string& region_id,
                                const std::string& kind, const std::string& case_id, boost::json::object data,
                                Timestamp now, std::vector<std::string> more = {});

// "key~id" of a keyset page's last item; nullopt for anything else.
std::optional<std::pair<std::string, std::string>> ParseKeysetCursor(const std::string& cursor);

}  // namespace allmende::quality::internal
