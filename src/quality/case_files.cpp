// Files on a case (README.md "Cases"): checked by content before the write, sealed at rest, and
// shown as the uploader's messages are: a provider's or purchaser's file to the staff handling
// the case, everyone else's to all who read it.
#include <set>

#include "access/access_log.hpp"
#include "common/ids.hpp"
#include "quality/attachment_check.hpp"
#include "quality/case_rows.hpp"
#include "quality/case_service.hpp"

namespace allmende::quality {

Result<Attachment> CaseService::Attach(const access::Actor& actor, const std::string& id, const std::string& file_name,
                                       const std::string& content_type, const std::string& bytes) {
  const Timestamp now = clock_.Now();
  if (!actor.principal) return Error::Unauthenticated("Sign in first.");
  // Whoever may not write on the case learns nothing of the file's problems; the file is checked
  // outside the write, which holds the single writer.
  ALLMENDE_TRY(db_.Read([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_ASSIGN_OR_RETURN(Case k, internal::LoadCase(c, cipher_, id, actor.principal->id, now));
    ALLMENDE_TRY(ReaderOf(c, actor, k, now));
    return Ok();
  }));
  static const std::set<std::string> kTypes{"image/png", "image/jpeg", "image/webp", "application/pdf"};
  if (!kTypes.contains(content_type)) {
    return Error{ErrorCode::kUnsupportedMediaType, "Attach a PNG, JPEG or WebP image or a PDF.", {}};
  }
  if (bytes.size() > kAttachmentLimit) return Error{ErrorCode::kPayloadTooLarge, "At most 5 MB a file.", {}};
  auto checked = CheckAttachment(bytes, content_type);
  if (!checked) {
    return Error::Invalid("file", content_type == "application/pdf"
                                      ? "The file is not a whole PDF, or it carries scripts, actions, other files or "
                                        "encodings that cannot be checked."
                                      : "The file is not a whole image of the type it was sent as.");
  }
  const std::string sealed = cipher_.Seal(storage::EncodeBase64(checked->bytes));
  return db_.WriteValue<Attachment>([&](storage::Connection& c) -> Result<Attachment> {
    ALLMENDE_ASSIGN_OR_RETURN(Case k, internal::LoadCase(c, cipher_, id, actor.principal->id, now));
    ALLMENDE_ASSIGN_OR_RETURN(Reader reader, ReaderOf(c, actor, k, now));
    if (k.state == "closed") return Error::IllegalTransition("The case is closed.", k.state);
    ALLMENDE_ASSIGN_OR_RETURN(auto count,
                              c.QueryOne("SELECT COUNT(*) FROM quality_attachments WHERE case_id = $1", {id}));
    if (count && count->Int(0) >= static_cast<std::int64_t>(internal::kMaxAttachments)) {
      return Error::Conflict("A case has at most 5 files.");
    }
    const std::string visibility = reader.staff && !reader.coordinator ? "staff" : "all";
    Attachment a{NewId("qat"),
                 id,
                 CleanFileName(file_name),
                 checked->content_type,
                 static_cast<std::int64_t>(checked->bytes.size()),
                 FormatRfc3339(now)};
    ALLMENDE_TRY(c.Execute(
        "INSERT INTO quality_attachments (id, case_id, file_name, content_type, byte_size, "
        "data_sealed, visibility, uploaded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
        "$9)",
        {a.id, id, a.file_name, a.content_type, a.byte_size, sealed, visibility, actor.principal->id, a.created_at}));
    ALLMENDE_TRY(internal::AddEvent(c, cipher_, id, actor.principal->id, reader.decision.role, "attachment",
                                    std::nullopt, std::nullopt, a.file_name, visibility, a.created_at));
    ALLMENDE_TRY(LogCase(c, actor, reader.decision, k, "quality.case.update", now));
    return a;
  });
}

Result<AttachmentFile> CaseService::Download(const access::Actor& actor, const std::string& attachment_id) {
  const Timestamp now = clock_.Now();
  if (!actor.principal) return Error::Unauthenticated("Sign in first.");
  return db_.WriteValue<AttachmentFile>([&](storage::Connection& c) -> Result<AttachmentFile> {
    ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT id, case_id, file_name, content_type, byte_size, "
                                                   "created_at, data_sealed, visibility FROM quality_attachments "
                                                   "WHERE id = $1",
                                                   {attachment_id}));
    if (!row) return Error::NotFound("There is no such file.");
    ALLMENDE_ASSIGN_OR_RETURN(Case k, internal::LoadCase(c, cipher_, row->Text(1), actor.principal->id, now));
    auto reader = ReaderOf(c, actor, k, now);
    if (!reader.ok()) {
      if (reader.error().code == ErrorCode::kNotFound) return Error::NotFound("There is no such file.");
      return reader.error();
    }
    if (row->Text(7) != "all" && !reader->staff) return Error::NotFound("There is no such file.");
    if (k.client_id && *k.client_id != actor.principal->id) {
      ALLMENDE_TRY(access::AppendAccess(c, reader->decision,
                                        {.action = "quality.attachment.read",
                                         .subject_type = "quality_attachment",
                                         .subject_id = attachment_id,
                                         .client_id = *k.client_id,
                                         .region_id = k.region_id,
                                         .purpose = actor.purpose},
                                        actor.request_id, now));
    }
    auto opened = cipher_.Open(row->Text(6));
    auto bytes = opened.ok() ? storage::DecodeBase64(*opened) : std::nullopt;
    if (!bytes) return Error::Internal("A stored attachment could not be read.");
    return AttachmentFile{{row->Text(0), row->Text(1), row->Text(2), row->Text(3), row->Int(4), row->Text(5)},
                          std::move(*bytes)};
  });
}

}  // namespace allmende::quality
