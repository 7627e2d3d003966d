#include "directory/directory_service.hpp"

#include <sodium.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cmath>

#include "common/ids.hpp"
#include "common/validate.hpp"
#include "directory/directory_json.hpp"
#include "directory/image_check.hpp"

namespace allmende::directory {
namespace {

bool IsProviderKind(const std::string& kind) {
  return kind == "provider_company" || kind == "association" || kind == "volunteer_group";
}

Error Stale() {
  return {ErrorCode::kPreconditionFailed, "The service changed meanwhile: reload it and try again.", {}};
}

}  // namespace

DirectoryService::DirectoryService(storage::Database& db, events::EventBus& bus, const TimeSource& clock,
                                   CatalogIndex& catalog)
    : db_(db), bus_(bus), clock_(clock), catalog_(catalog) {}

Result<ProviderProfile> DirectoryService::PublicProfile(const std::string& organization_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto profile, db_.ReadValue<std::optional<ProviderProfile>>([&](storage::Connection& c) {
    return DirectoryStore::Profile(c, organization_id);
  }));
  if (!profile || !IsProviderKind(profile->kind)) return Error::NotFound("There is no such provider.");
  return std::move(*profile);
}

Result<Service> DirectoryService::PublicService(const std::string& id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto s, db_.ReadValue<std::optional<Service>>(
                                        [&](storage::Connection& c) { return DirectoryStore::GetService(c, id); }));
  if (!s || !s->published || s->state == "archived") return Error::NotFound("There is no such service.");
  return std::move(*s);
}

Result<std::vector<Service>> DirectoryService::PublishedOf(const std::string& organization_id) {
  return db_.ReadValue<std::vector<Service>>(
      [&](storage::Connection& c) { return DirectoryStore::PublishedOf(c, organization_id); });
}

Result<void> DirectoryService::RefuseOwnService(storage::Connection& c, const access::Actor& actor, const Service& s) {
  // Someone who also edits the provider's services (a coordinator who is its admin too) does not
  // review them: publishing is the integrator's check on the provider.
  auto own = access::Authorize(c, actor.principal, access::Action::kDirectoryServiceEdit,
                               {.region_id = s.region_id, .organization_id = s.organization_id}, clock_.Now());
  if (own.ok()) return Error::PermissionDenied("You may not review your own organization's service.");
  if (own.error().code != ErrorCode::kPermissionDenied && own.error().code != ErrorCode::kMfaRequired) {
    return std::move(own).error();
  }
  return Ok();
}

Result<ProviderProfile> DirectoryService::UpdateProfile(const access::Actor& actor, const std::string& organization_id,
                                                        const boost::json::value& doc, std::int64_t if_match) {
  if (!catalog_.loaded()) return Error::Unavailable("The directory is starting; try again in a moment.");
  return db_.WriteValue<ProviderProfile>([&](storage::Connection& c) -> Result<ProviderProfile> {
    ALLMENDE_ASSIGN_OR_RETURN(auto current, DirectoryStore::Profile(c, organization_id));
    if (!current || !IsProviderKind(current->kind)) return Error::NotFound("There is no such provider.");
    ALLMENDE_TRY(access::Authorize(c, actor.principal, access::Action::kDirectoryProfileEdit,
                                   {.region_id = current->region_id, .organization_id = organization_id},
                                   clock_.Now()));
    if (current->version != if_match) return Stale();
    std::vector<FieldError> errors;
    ProviderProfile next = ParseProfile(doc, *current, errors);
    if (errors.empty()) errors = ProfileProblems(catalog_, next);
    if (next.logo_image_id && next.logo_image_id != current->logo_image_id) {
      ALLMENDE_ASSIGN_OR_RETURN(auto logo, DirectoryStore::GetImage(c, *next.logo_image_id));
      if (!logo || logo->organization_id != organization_id) {
        errors.push_back({"logo_image_id", "There is no such image of this provider."});
      }
    }
    if (!errors.empty()) return Error::Invalid(std::move(errors));
    if (!next.phone.empty()) next.phone = *NormalizePhone(next.phone);
    next.updated_at = FormatRfc3339(clock_.Now());
    ALLMENDE_ASSIGN_OR_RETURN(bool saved, DirectoryStore::SaveProfile(c, next, actor.principal->id, current->version));
    if (!saved) return Stale();
    next.version = current->version + 1;
    return next;
  });
}

Result<Service> DirectoryService::Load(storage::Connection& c, const std::string& id) {
  if (!IsValidId("svc", id)) return Error::NotFound("There is no such service.");
  ALLMENDE_ASSIGN_OR_RETURN(auto s, DirectoryStore::GetService(c, id));
  if (!s) return Error::NotFound("There is no such service.");
  return std::move(*s);
}

Result<Service> DirectoryService::Create(const access::Actor& actor, const std::string& organization_id,
                                         const boost::json::value& doc) {
  std::vector<FieldError> errors;
  ServiceContent content = ParseContent(doc, errors);
  if (!errors.empty()) return Error::Invalid(std::move(errors));
  return db_.WriteValue<Service>([&](storage::Connection& c) -> Result<Service> {
    ALLMENDE_ASSIGN_OR_RETURN(auto provider, DirectoryStore::Profile(c, organization_id));
    if (!provider || !IsProviderKind(provider->kind)) return Error::NotFound("There is no such provider.");
    ALLMENDE_TRY(access::Authorize(c, actor.principal, access::Action::kDirectoryServiceEdit,
                                   {.region_id = provider->region_id, .organization_id = organization_id},
                                   clock_.Now()));
    ALLMENDE_ASSIGN_OR_RETURN(auto problems, Problems(c, provider->region_id, organization_id, content));
    if (!problems.empty()) return Error::Invalid(std::move(problems));
    std::string now = FormatRfc3339(clock_.Now());
    Service s{.id = NewId("svc"),
              .region_id = provider->region_id,
              .organization_id = organization_id,
              .organization_name = provider->name,
              .state = "draft",
              .published = std::nullopt,
              .draft = std::move(content),
              .published_at = std::nullopt,
              .review_comment = std::nullopt,
              .created_at = now,
              .updated_at = now,
              .version = 1};
    ALLMENDE_TRY(DirectoryStore::InsertService(c, s, actor.principal->id));
    ALLMENDE_TRY(DirectoryStore::InsertEvent(
        c, s.region_id, {NewId("sev"), s.id, "created", actor.principal->id, "", std::nullopt, now}));
    return s;
  });
}

Result<Service> DirectoryService::Change(const access::Actor& actor, const std::string& id, access::Action action,
                                         std::int64_t if_match, const std::string& event,
                                         const std::optional<std::string>& comment, const Step& step) {
  return db_.WriteValue<Service>([&](storage::Connection& c) -> Result<Service> {
    ALLMENDE_ASSIGN_OR_RETURN(Service s, Load(c, id));
    ALLMENDE_TRY(access::Authorize(c, actor.principal, action,
                                   {.region_id = s.region_id, .organization_id = s.organization_id}, clock_.Now()));
    if (s.version != if_match) return Stale();
    const bool was_public = s.published && s.state != "archived";
    const std::optional<std::string> published_before = s.published_at;
    ALLMENDE_TRY(step(c, s));
    std::string now = FormatRfc3339(clock_.Now());
    s.updated_at = now;
    ALLMENDE_ASSIGN_OR_RETURN(bool saved, DirectoryStore::UpdateService(c, s, if_match));
    if (!saved) return Stale();
    s.version = if_match + 1;
    ALLMENDE_TRY(DirectoryStore::InsertEvent(c, s.region_id,
                                             {NewId("sev"), s.id, event, actor.principal->id, "", comment, now}));
    const bool is_public = s.published && s.state != "archived";
    if (was_public != is_public || s.published_at != published_before) ALLMENDE_TRY(Announce(c, s));
    return s;
  });
}

Result<void> DirectoryService::Announce(storage::Connection& c, const Service& s) {
  // This process's index changes as the transaction commits, before the answer leaves; the
  // event tells the other server processes, which re-read the service.
  c.OnCommit([this, s] { catalog_.Apply(s); });
  return bus_.Publish(c, events::Event{NewId("evt"),
                                       "directory.service.changed",
                                       s.region_id,
                                       s.id,
                                       {"system:directory", "org:" + s.organization_id},
                                       "{}",
                                       FormatRfc3339(clock_.Now())});
}

Result<Service> DirectoryService::EditDraft(const access::Actor& actor, const std::string& id,
                                            const boost::json::value& doc, std::int64_t if_match) {
  std::vector<FieldError> errors;
  ServiceContent content = ParseContent(doc, errors);
  if (!errors.empty()) return Error::Invalid(std::move(errors));
  return Change(actor, id, access::Action::kDirectoryServiceEdit, if_match, "edited", std::nullopt,
                [&](storage::Connection& c, Service& s) -> Result<void> {
                  if (s.state == "in_review") {
                    return Error::IllegalTransition("The service is in review: withdraw it before editing.", s.state);
                  }
                  if (s.state == "archived") return Error::IllegalTransition("The service is archived.", s.state);
                  ALLMENDE_ASSIGN_OR_RETURN(auto problems, Problems(c, s.region_id, s.organization_id, content));
                  if (!problems.empty()) return Error::Invalid(std::move(problems));
                  s.draft = content;
                  s.state = "draft";
                  return Ok();
                });
}

Result<Service> DirectoryService::Submit(const access::Actor& actor, const std::string& id, std::int64_t if_match) {
  return Change(actor, id, access::Action::kDirectoryServiceEdit, if_match, "submitted", std::nullopt,
                [&](storage::Connection& c, Service& s) -> Result<void> {
                  if (s.state != "draft" && s.state != "changes_requested") {
                    return Error::IllegalTransition("Only a draft can be sent for review.", s.state);
                  }
                  // What was valid when saved may not be now (an image or a purchaser gone): the
                  // provider hears it before the coordinator does.
                  ALLMENDE_ASSIGN_OR_RETURN(auto problems, Problems(c, s.region_id, s.organization_id, *s.draft));
                  if (!problems.empty()) return Error::Invalid(std::move(problems));
                  s.state = "in_review";
                  return Ok();
                });
}

Result<Service> DirectoryService::Withdraw(const access::Actor& actor, const std::string& id, std::int64_t if_match) {
  return Change(actor, id, access::Action::kDirectoryServiceEdit, if_match, "withdrawn", std::nullopt,
                [](storage::Connection&, Service& s) -> Result<void> {
                  if (s.state != "in_review") return Error::IllegalTransition("The service is not in review.", s.state);
                  s.state = "draft";
                  return Ok();
                });
}

Result<Service> DirectoryService::Archive(const access::Actor& actor, const std::string& id, std::int64_t if_match) {
  return Change(actor, id, access::Action::kDirectoryServiceEdit, if_match, "archived", std::nullopt,
                [](storage::Connection&, Service& s) -> Result<void> {
                  if (s.state == "archived")
                    return Error::IllegalTransition("The service is archived already.", s.state);
                  s.state = "archived";
                  s.draft.reset();
                  return Ok();
                });
}

Result<Service> DirectoryService::Publish(const access::Actor& actor, const std::string& id, std::int64_t if_match) {
  return Change(actor, id, access::Action::kDirectoryServiceReview, if_match, "published", std::nullopt,
                [&](storage::Connection& c, Service& s) -> Result<void> {
                  if (s.state != "in_review") {
                    return Error::IllegalTransition("Only a service in review can be published.", s.state);
                  }
                  // The region's reference data or purchasers may have changed since the provider
                  // saved: publish only what is valid now.
                  ALLMENDE_TRY(RefuseOwnService(c, actor, s));
                  ALLMENDE_ASSIGN_OR_RETURN(auto problems, Problems(c, s.region_id, s.organization_id, *s.draft));
                  if (!problems.empty()) return Error::Invalid(std::move(problems));
                  s.published = std::move(s.draft);
                  s.draft.reset();
                  s.state = "published";
                  s.published_at = FormatRfc3339(clock_.Now());
                  s.review_comment.reset();
                  return Ok();
                });
}

Result<Service> DirectoryService::RequestChanges(const access::Actor& actor, const std::string& id,
                                                 const std::string& comment, std::int64_t if_match) {
  if (auto problem = CommentProblem(comment); !problem.empty()) return Error::Invalid("comment", problem);
  return Change(actor, id, access::Action::kDirectoryServiceReview, if_match, "changes_requested", comment,
                [&](storage::Connection& c, Service& s) -> Result<void> {
                  if (s.state != "in_review") {
                    return Error::IllegalTransition("Only a service in review can be sent back.", s.state);
                  }
                  ALLMENDE_TRY(RefuseOwnService(c, actor, s));
                  s.state = "changes_requested";
                  s.review_comment = comment;
                  return Ok();
                });
}

Result<Service> DirectoryService::Get(const access::Actor& actor, const std::string& id) {
  return db_.ReadValue<Service>([&](storage::Connection& c) -> Result<Service> {
    ALLMENDE_ASSIGN_OR_RETURN(Service s, Load(c, id));
    ALLMENDE_TRY(access::Authorize(c, actor.principal, access::Action::kDirectoryServiceRead,
                                   {.region_id = s.region_id, .organization_id = s.organization_id}, clock_.Now()));
    return s;
  });
}

Result<ServicePage> DirectoryService::ServicesOf(const access::Actor& actor, const std::string& organization_id,
                                                 const std::string& state, int limit, const std::string& cursor) {
  static const std::vector<std::string> states{"", "draft", "in_review", "changes_requested", "published", "archived"};
  if (std::find(states.begin(), states.end(), state) == states.end()) {
    return Error::Invalid("state", "Use draft, in_review, changes_requested, published or archived.");
  }
  return db_.ReadValue<ServicePage>([&](storage::Connection& c) -> Result<ServicePage> {
    ALLMENDE_ASSIGN_OR_RETURN(auto provider, DirectoryStore::Profile(c, organization_id));
    if (!provider || !IsProviderKind(provider->kind)) return Error::NotFound("There is no such provider.");
    ALLMENDE_TRY(access::Authorize(c, actor.principal, access::Action::kDirectoryServiceRead,
                                   {.region_id = provider->region_id, .organization_id = organization_id},
                                   clock_.Now()));
    return DirectoryStore::ServicesOf(c, organization_id, state, limit, cursor);
  });
}

Result<std::vector<ServiceEvent>> DirectoryService::History(const access::Actor& actor, const std::string& id) {
  return db_.ReadValue<std::vector<ServiceEvent>>([&](storage::Connection& c) -> Result<std::vector<ServiceEvent>> {
    ALLMENDE_ASSIGN_OR_RETURN(Service s, Load(c, id));
    ALLMENDE_TRY(access::Authorize(c, actor.principal, access::Action::kDirectoryServiceRead,
                                   {.region_id = s.region_id, .organization_id = s.organization_id}, clock_.Now()));
    return DirectoryStore::Events(c, id);
  });
}

Result<ServicePage> DirectoryService::ReviewQueue(const access::Actor& actor, const std::string& region_id, int limit,
                                                  const std::string& cursor) {
  return db_.ReadValue<ServicePage>([&](storage::Connection& c) -> Result<ServicePage> {
    ALLMENDE_TRY(access::Authorize(c, actor.principal, access::Action::kDirectoryServiceReview,
                                   {.region_id = region_id}, clock_.Now()));
    return DirectoryStore::ServicesIn(c, region_id, "in_review", limit, cursor);
  });
}

Result<Service> DirectoryService::PublishDirectly(storage::Connection& c, const std::string& organization_id,
                                                  const ServiceContent& content, const std::string& actor_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto provider, DirectoryStore::Profile(c, organization_id));
  if (!provider || !IsProviderKind(provider->kind)) return Error::NotFound("There is no such provider.");
  ALLMENDE_ASSIGN_OR_RETURN(auto problems, Problems(c, provider->region_id, organization_id, content));
  if (!problems.empty()) return Error::Invalid(std::move(problems));
  std::string now = FormatRfc3339(clock_.Now());
  Service s{.id = NewId("svc"),
            .region_id = provider->region_id,
            .organization_id = organization_id,
            .organization_name = provider->name,
            .state = "published",
            .published = content,
            .draft = std::nullopt,
            .published_at = now,
            .review_comment = std::nullopt,
            .created_at = now,
            .updated_at = now,
            .version = 1};
  ALLMENDE_TRY(DirectoryStore::InsertService(c, s, actor_id));
  ALLMENDE_TRY(
      DirectoryStore::InsertEvent(c, s.region_id, {NewId("sev"), s.id, "published", actor_id, "", std::nullopt, now}));
  return s;
}

Result<Image> DirectoryService::UploadImage(const access::Actor& actor, const std::string& organization_id,
                                            const std::string& bytes, const std::string& declared_type) {
  // Checked and encoded before the write, which holds the single writer; a problem is told only
  // after the caller is known to be allowed.
  std::optional<CheckedImage> checked = CheckImage(bytes);
  std::string encoded;
  if (checked) {
    encoded.assign(sodium_base64_encoded_len(checked->bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(encoded.data(), encoded.size(), reinterpret_cast<const unsigned char*>(checked->bytes.data()),
                      checked->bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    encoded.resize(encoded.size() - 1);  // the terminating NUL
  }
  return db_.WriteValue<Image>([&](storage::Connection& c) -> Result<Image> {
    ALLMENDE_ASSIGN_OR_RETURN(auto provider, DirectoryStore::Profile(c, organization_id));
    if (!provider || !IsProviderKind(provider->kind)) return Error::NotFound("There is no such provider.");
    ALLMENDE_TRY(access::Authorize(c, actor.principal, access::Action::kDirectoryServiceEdit,
                                   {.region_id = provider->region_id, .organization_id = organization_id},
                                   clock_.Now()));
    if (!checked) {
      return Error::Invalid("body", "Send a whole PNG, JPEG or WebP image of at most 25 million pixels.");
    }
    if (declared_type != checked->info.content_type) {
      return Error::Invalid("Content-Type",
                            "The image is " + checked->info.content_type + ", not " + declared_type + ".");
    }
    Image image{NewId("img"),
                provider->region_id,
                organization_id,
                checked->info.content_type,
                checked->info.width,
                checked->info.height,
                static_cast<std::int64_t>(checked->bytes.size()),
                std::move(encoded),
                FormatRfc3339(clock_.Now()),
                actor.principal->id};
    ALLMENDE_TRY(DirectoryStore::InsertImage(c, image));
    image.data_base64.clear();
    return image;
  });
}

Result<Image> DirectoryService::GetImage(const std::string& id) {
  if (!IsValidId("img", id)) return Error::NotFound("There is no such image.");
  ALLMENDE_ASSIGN_OR_RETURN(auto image, db_.ReadValue<std::optional<Image>>(
                                            [&](storage::Connection& c) { return DirectoryStore::GetImage(c, id); }));
  if (!image) return Error::NotFound("There is no such image.");
  return std::move(*image);
}

// --- JSON ---

std::string ServiceJson(const Service& s) {
  boost::json::object o;
  o["id"] = s.id;
  o["region_id"] = s.region_id;
  o["provider"] = {{"id", s.organization_id}, {"name", s.organization_name}};
  o["state"] = s.state;
  o["published"] = s.published ? boost::json::value(ContentObject(*s.published)) : nullptr;
  o["draft"] = s.draft ? boost::json::value(ContentObject(*s.draft)) : nullptr;
  o["published_at"] = s.published_at ? boost::json::value(*s.published_at) : nullptr;
  o["review_comment"] = s.review_comment ? boost::json::value(*s.review_comment) : nullptr;
  o["created_at"] = s.created_at;
  o["updated_at"] = s.updated_at;
  o["version"] = s.version;
  return boost::json::serialize(o);
}

std::string PublicServiceJson(const Service& s, const std::optional<ProviderRating>& rating) {
  boost::json::object o = ContentObject(*s.published);
  o["id"] = s.id;
  o["region_id"] = s.region_id;
  o["provider"] = {{"id", s.organization_id}, {"name", s.organization_name}};
  o["published_at"] = s.published_at ? boost::json::value(*s.published_at) : nullptr;
  o["rating"] = rating ? boost::json::value(std::round(rating->rating * 10.0) / 10.0) : boost::json::value(nullptr);
  o["rating_count"] = rating ? rating->count : 0;
  return boost::json::serialize(o);
}

std::string EventJson(const ServiceEvent& e) {
  boost::json::object o{
      {"id", e.id}, {"action", e.action}, {"actor_id", e.actor_id}, {"actor_name", e.actor_name}, {"at", e.at}};
  o["comment"] = e.comment ? boost::json::value(*e.comment) : nullptr;
  return boost::json::serialize(o);
}

std::string ProfileJson(const ProviderProfile& p) { return boost::json::serialize(ProfileObject(p)); }

Result<bool> DirectoryService::IsCategory(storage::Connection& c, const std::string& code) {
  ALLMENDE_ASSIGN_OR_RETURN(auto categories, DirectoryStore::Categories(c));
  return std::any_of(categories.begin(), categories.end(), [&](const Category& k) { return k.code == code; });
}

Result<std::map<std::string, std::string>> DirectoryService::CategoryNames(storage::Connection& c,
                                                                           const std::string& code) {
  ALLMENDE_ASSIGN_OR_RETURN(auto categories, DirectoryStore::Categories(c));
  for (const auto& k : categories) {
    if (k.code == code) return k.name;
  }
  return std::map<std::string, std::string>();
}

Result<std::string> DirectoryService::PlaceName(storage::Connection& c, const std::string& code) {
  ALLMENDE_ASSIGN_OR_RETURN(auto places, DirectoryStore::Places(c));
  for (const auto& p : places) {
    if (p.code != code || p.name.empty()) continue;
    auto fi = p.name.find("fi");
    return fi != p.name.end() ? fi->second : p.name.begin()->second;
  }
  return std::string();
}

Result<std::optional<Service>> DirectoryService::FindPublished(storage::Connection& c, const std::string& id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto s, DirectoryStore::GetService(c, id));
  if (!s || !s->published || s->state == "archived") return std::optional<Service>();
  return s;
}

}  // namespace allmende::directory
