// Complaints, deviations and follow-ups (README.md "Cases"): filed by whoever was involved in a
// delivery, taken by the region's coordinators from received to closed with replies to the person
// who filed it, escalated when overdue. Descriptions, replies, notes, files and the resolution are
// sealed; every read or change of a case naming a client by anyone but the client themself is in
// the client's access log.
#pragma once

#include <optional>
#include <string>

#include "access/policy.hpp"
#include "common/time.hpp"
#include "events/event_bus.hpp"
#include "notify/outbox.hpp"
#include "quality/quality_types.hpp"
#include "storage/database.hpp"
#include "storage/field_cipher.hpp"

namespace allmende::quality {

struct QueuePage {
  CasePage page;
  QueueCounts counts;
};

struct AttachmentFile {
  Attachment attachment;
  std::string bytes;
};

class CaseService {
 public:
  CaseService(storage::Database& db, events::EventBus& bus, const TimeSource& clock, const storage::FieldCipher& cipher,
              const notify::Outbox& outbox, std::string public_url)
      : db_(db), bus_(bus), clock_(clock), cipher_(cipher), outbox_(outbox), public_url_(std::move(public_url)) {}

  // 422 naming the field; the coordinators are notified.
  Result<Case> File(const access::Actor& actor, const NewCase& in);
  // The caller's cases, and the client's side's about the clients they act for, newest first.
  Result<CasePage> Mine(const access::Actor& actor, const std::string& cursor, int limit);
  // `state`: open (by deadline), closed or all (newest first); `kind` empty for every kind.
  Result<QueuePage> Queue(const access::Actor& actor, const std::string& region_id, const std::string& state,
                          const std::string& kind, const std::string& cursor, int limit);
  // The cases about a provider, for its admins, newest first.
  Result<CasePage> OfProvider(const access::Actor& actor, const std::string& provider_id, const std::string& state,
                              const std::string& cursor, int limit);
  Result<Case> Get(const access::Actor& actor, const std::string& id);
  Result<Case> Transition(const access::Actor& actor, const std::string& id, std::int64_t version,
                          const std::string& to, const std::string& note, const std::string& resolution,
                          std::optional<bool> upheld);
  Result<Case> Assign(const access::Actor& actor, const std::string& id, std::int64_t version,
                      const std::string& assignee_id);
  // `visibility` empty: the default for the writer (a coordinator's reply is `all`).
  Result<Case> Message(const access::Actor& actor, const std::string& id, const std::string& body,
                       const std::string& visibility);
  // A file on the case (case_files.cpp): the staff's for the staff, everyone else's for all.
  Result<Attachment> Attach(const access::Actor& actor, const std::string& id, const std::string& file_name,
                            const std::string& content_type, const std::string& bytes);
  Result<AttachmentFile> Download(const access::Actor& actor, const std::string& attachment_id);

  // The job: open cases past their deadline are escalated once; how many (case_follow_ups.cpp).
  static Result<std::int64_t> EscalateOverdue(storage::Connection& c, events::EventBus& bus, Timestamp now);
  // A follow-up for a rating of 1 or 2, in the rating's transaction (rating_service.cpp).
  static Result<std::string> OpenFollowUp(storage::Connection& c, events::EventBus& bus,
                                          const storage::FieldCipher& cipher, const std::string& rating_id,
                                          const std::string& rated_by, const std::string& rated_as, Timestamp now);

 private:
  // How the reader relates to a case.
  struct Reader {
    access::Decision decision;
    bool staff = false;        // a coordinator of the region, the provider's admin or the purchaser's officer
    bool coordinator = false;  // … a coordinator of the region
    bool provider = false;     // … an admin of the provider the case is about
    bool filer = false;        // filed it, and is still involved with the client (or the region)
    bool client_side = false;  // the client or a delegate, of a case the client's side filed
  };
  // NotFound for whoever may not read the case (MfaRequired for staff without the second factor).
  // A provider's admins never read a follow-up: it would name who rated them low.
  Result<Reader> ReaderOf(storage::Connection& c, const access::Actor& actor, const Case& k, Timestamp now);
  // The case with its events and attachments as `reader` may see them; the read is logged.
  Result<Case> Full(storage::Connection& c, const access::Actor& actor, const std::string& id, const Reader& reader,
                    Timestamp now);
  // The client's name and the client-side filer's only to whoever may read the client now.
  static Result<void> HideClientUnlessReadable(storage::Connection& c, const access::Actor& actor, Case& k,
                                               bool readable, Timestamp now);
  // An entry in the client's access log for `action` on the case, unless the client acts
  // themself or the case names no client.
  static Result<void> LogCase(storage::Connection& c, const access::Actor& actor, const access::Decision& d,
                              const Case& k, const std::string& action, Timestamp now);
  Result<std::pair<Case, Reader>> LoadForCoordinator(storage::Connection& c, const access::Actor& actor,
                                                     const std::string& id, std::int64_t version, Timestamp now);
  // Notifies and e-mails whoever filed it (while still involved) and the client, not the actor.
  Result<void> TellFiler(storage::Connection& c, const Case& k, const std::string& kind, const std::string& actor_id,
                         Timestamp now);

  storage::Database& db_;
  events::EventBus& bus_;
  const TimeSource& clock_;
  const storage::FieldCipher& cipher_;
  const notify::Outbox& outbox_;
  std::string public_url_;
};

}  // namespace allmende::quality
