// The directory's rules: providers keep their profile and services; a service is published only
// after a coordinator of the region reviewed it; the public reads only what is published.
//
// A service's states (an illegal step is a 409 naming the current state):
//   draft ──submit──► in_review ──publish──► published ──edit──► draft (published content stays visible)
//     ▲                 │   │                                         …
//     └────withdraw─────┘   └──request_changes──► changes_requested ──edit──► draft
//   any state but archived ──archive──► archived (final)
#pragma once

#include <boost/json/value.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "common/time.hpp"
#include "directory/catalog_index.hpp"
#include "directory/directory_store.hpp"
#include "events/event_bus.hpp"
#include "storage/database.hpp"

namespace allmende::directory {

class DirectoryService {
 public:
  DirectoryService(storage::Database& db, events::EventBus& bus, const TimeSource& clock, CatalogIndex& catalog);

  // --- public ---
  // A provider's profile; NotFound for an organization that is not a provider.
  Result<ProviderProfile> PublicProfile(const std::string& organization_id);
  // A published service (its published content only); NotFound otherwise.
  Result<Service> PublicService(const std::string& id);
  // A provider's published services.
  Result<std::vector<Service>> PublishedOf(const std::string& organization_id);

  // --- a provider's admins (directory.profile.edit / directory.service.edit) ---
  // Replaces the fields `doc` names. PreconditionFailed if `if_match` is not the current version
  // (0 for a profile not yet written); InvalidArgument naming each wrong field.
  Result<ProviderProfile> UpdateProfile(const access::Actor& actor, const std::string& organization_id,
                                        const boost::json::value& doc, std::int64_t if_match);
  // A new service in state draft.
  Result<Service> Create(const access::Actor& actor, const std::string& organization_id,
                         const boost::json::value& content);
  // Replaces the draft with `content` (a published service keeps its published content beside it).
  // Conflict while in review or when archived.
  Result<Service> EditDraft(const access::Actor& actor, const std::string& id, const boost::json::value& content,
                            std::int64_t if_match);
  // draft or changes_requested → in_review. The draft is checked again (InvalidArgument naming
  // what is no longer valid).
  Result<Service> Submit(const access::Actor& actor, const std::string& id, std::int64_t if_match);
  // in_review → draft.
  Result<Service> Withdraw(const access::Actor& actor, const std::string& id, std::int64_t if_match);
  // → archived; it leaves search at once.
  Result<Service> Archive(const access::Actor& actor, const std::string& id, std::int64_t if_match);

  // Stores an image for the provider's services or logo (directory.service.edit). What it is comes
  // from its bytes (image_check.hpp), which are stored without their metadata: InvalidArgument
  // "body" for anything but a whole PNG, JPEG or WebP, "Content-Type" when it is not the type
  // `declared_type` says.
  Result<Image> UploadImage(const access::Actor& actor, const std::string& organization_id, const std::string& bytes,
                            const std::string& declared_type);
  // Any stored image (public: images are shown with what they illustrate). NotFound otherwise.
  Result<Image> GetImage(const std::string& id);

  // --- the provider's people and the region's coordinators (directory.service.read) ---
  Result<Service> Get(const access::Actor& actor, const std::string& id);
  Result<ServicePage> ServicesOf(const access::Actor& actor, const std::string& organization_id,
                                 const std::string& state, int limit, const std::string& cursor);
  Result<std::vector<ServiceEvent>> History(const access::Actor& actor, const std::string& id);

  // --- coordinators of the region (directory.service.review) ---
  // Services waiting for review in the region, oldest first.
  Result<ServicePage> ReviewQueue(const access::Actor& actor, const std::string& region_id, int limit,
                                  const std::string& cursor);
  // in_review → published: the draft becomes what the public sees, in search at once.
  Result<Service> Publish(const access::Actor& actor, const std::string& id, std::int64_t if_match);
  // in_review → changes_requested with the coordinator's comment (required).
  Result<Service> RequestChanges(const access::Actor& actor, const std::string& id, const std::string& comment,
                                 std::int64_t if_match);

  // For seeds and imports (no authorization: the caller decided): a published service of the
  // organization, recorded as published by `actor_id`. Not announced: a server started later
  // reads it when it builds its index.
  Result<Service> PublishDirectly(storage::Connection& c, const std::string& organization_id,
                                  const ServiceContent& content, const std::string& actor_id);

  // For funding and orders, in the caller's transaction: is `code` a category of the taxonomy?
  static Result<bool> IsCategory(storage::Connection& c, const std::string& code);
  // A category's names by language (fi, sv, en, de, da); empty for an unknown code.
  static Result<std::map<std::string, std::string>> CategoryNames(storage::Connection& c, const std::string& code);
  // The Finnish (else first) name of a place of the gazetteer; empty for an unknown code.
  static Result<std::string> PlaceName(storage::Connection& c, const std::string& code);
  // A service as the public sees it (published content only), for an order from the shop;
  // nullopt when there is none published with this id.
  static Result<std::optional<Service>> FindPublished(storage::Connection& c, const std::string& id);

  // The problems of a content, each with its field; empty if it may be published. Unavailable
  // before the catalog is loaded; a database error as itself.
  Result<std::vector<FieldError>> Problems(storage::Connection& c, const std::string& region_id,
                                           const std::string& organization_id, const ServiceContent& content);

 private:
  using Step = std::function<Result<void>(storage::Connection&, Service&)>;
  // Loads the service, authorizes `action` for its organization, checks the version, runs `step`
  // and stores the result with a history entry `event` (and the index and the bus if the public
  // view changed), all in one transaction.
  Result<Service> Change(const access::Actor& actor, const std::string& id, access::Action action,
                         std::int64_t if_match, const std::string& event, const std::optional<std::string>& comment,
                         const Step& step);
  Result<Service> Load(storage::Connection& c, const std::string& id);
  // PermissionDenied if the actor may edit the service's provider: nobody reviews their own.
  Result<void> RefuseOwnService(storage::Connection& c, const access::Actor& actor, const Service& s);
  Result<void> Announce(storage::Connection& c, const Service& s);

  storage::Database& db_;
  events::EventBus& bus_;
  const TimeSource& clock_;
  CatalogIndex& catalog_;
};

// What is wrong with a coordinator's comment; empty if nothing.
std::string CommentProblem(const std::string& comment);

// The problems of a profile, each with its field; empty if it may be saved.
std::vector<FieldError> ProfileProblems(const CatalogIndex& catalog, const ProviderProfile& profile);

// The JSON of a service for its provider and reviewers (drafts included), and for the public
// (published content only).
std::string ServiceJson(const Service& s);
std::string PublicServiceJson(const Service& s, const std::optional<ProviderRating>& rating = std::nullopt);
std::string EventJson(const ServiceEvent& e);
std::string ProfileJson(const ProviderProfile& p);

}  // namespace allmende::directory
