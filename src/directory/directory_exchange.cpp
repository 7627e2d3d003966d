#include "directory/directory_exchange.hpp"

#include <algorithm>
#include <set>

#include "common/identifiers.hpp"
#include "common/ids.hpp"
#include "common/validate.hpp"
#include "directory/directory_json.hpp"
#include "directory/directory_store.hpp"
#include "tenancy/organization_service.hpp"
#include "tenancy/region_service.hpp"

namespace allmende::directory {

std::string PathOf(const std::map<std::string, std::string>& paths, const std::string& field,
                   const std::string& fallback) {
  std::string key = field;
  while (!key.empty()) {
    if (auto it = paths.find(key); it != paths.end()) return it->second;
    auto cut = key.find_last_of(".[");
    if (cut == std::string::npos) break;
    key.resize(cut);
  }
  return fallback;
}

namespace {

bool IsProviderKind(const std::string& kind) {
  return kind == "provider_company" || kind == "association" || kind == "volunteer_group";
}

// Texts keyed "" (read without a language) are in the region's default language. False when the
// record gives another text in that language too: which one was meant is the sender's to say.
bool AssignLanguage(LocalizedText& text, const std::string& language) {
  auto it = text.find("");
  if (it == text.end()) return true;
  std::string untagged = std::move(it->second);
  text.erase(it);
  auto [at, fresh] = text.emplace(language, untagged);
  return fresh || at->second == untagged;
}

bool HasControl(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

// A content's problems as one list: DirectoryService::Problems lists them, and refuses some at
// once (over-long lists) as InvalidArgument; both are problems of the record, not of the import.
Result<std::vector<FieldError>> Listed(Result<std::vector<FieldError>> checked) {
  if (!checked.ok() && checked.error().code == ErrorCode::kInvalidArgument) return checked.error().fields;
  return checked;
}

FieldError Conflict(const std::string& field, const std::string& language) {
  return {field, "This text differs from the " + field + " the attributes give in the region's language (" + language +
                     "): give one text per language."};
}

std::size_t CodePoints(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

}  // namespace

// One import inside its transaction: checks every record, stores what is valid, and collects
// every problem so that the answer lists them all.
class ImportRun {
 public:
  ImportRun(DirectoryExchange& x, storage::Connection& c, const tenancy::Region& region, const access::Actor& actor)
      : x_(x), c_(c), region_(region), actor_(actor), actor_id_(actor.principal->id), now_(x.clock_.Now()) {}

  Result<void> LoadPurchasers() {
    ALLMENDE_ASSIGN_OR_RETURN(auto purchasers, DirectoryExchangeStore::Purchasers(c_, region_.id));
    for (auto& p : purchasers) purchasers_.emplace(std::move(p.name), std::move(p.id));
    return Ok();
  }

  Result<void> Provider(const ImportedProvider& p) {
    ++report_.providers;
    const std::size_t errors_before = errors_.size();
    errors_.insert(errors_.end(), p.errors.begin(), p.errors.end());
    auto at = [&](const std::string& field) { return PathOf(p.paths, field, p.path); };
    if (p.name.find_first_not_of(" \t") == std::string::npos || CodePoints(p.name) > 200 || HasControl(p.name)) {
      errors_.push_back({at("name"), "Name the organization in 1 to 200 characters."});
    } else if (auto [it, fresh] = names_.emplace(p.name, p.path); !fresh) {
      errors_.push_back({at("name"), "The organization " + it->second + " of this import has the same name."});
    }
    if (!IsProviderKind(p.kind)) errors_.push_back({at("kind"), "Use a company, an association or a volunteer group."});
    if (p.business_id) ALLMENDE_TRY(CheckBusinessId(p, at("business_id")));
    std::string organization_id;
    if (errors_.size() == errors_before) {
      ALLMENDE_ASSIGN_OR_RETURN(organization_id, Organization(p));
    }
    for (const auto& s : p.services) ALLMENDE_TRY(Service(s, organization_id));
    return Ok();
  }

  std::vector<FieldError>& errors() { return errors_; }
  ImportReport& report() { return report_; }

 private:
  Result<void> CheckBusinessId(const ImportedProvider& p, const std::string& path) {
    if (auto problem = BusinessIdProblem(region_.country, *p.business_id); !problem.empty()) {
      errors_.push_back({path, problem});
      return Ok();
    }
    if (auto [it, fresh] = business_ids_.emplace(*p.business_id, p.path); !fresh) {
      errors_.push_back({path, "The organization " + it->second + " of this import has the same business id."});
      return Ok();
    }
    // A unique index refuses a second organization with this id; asked first, because on
    // PostgreSQL a refused statement ends the whole transaction.
    ALLMENDE_ASSIGN_OR_RETURN(auto holder, DirectoryExchangeStore::NameWithBusinessId(c_, region_.id, *p.business_id));
    if (holder && *holder != p.name) {
      errors_.push_back({path, "Another organization of the region has this business id."});
    }
    return Ok();
  }

  // The organization of the record (found by name or created) with its profile; empty when the
  // record has problems.
  Result<std::string> Organization(const ImportedProvider& p) {
    ALLMENDE_ASSIGN_OR_RETURN(
        auto org, tenancy::OrganizationService::Ensure(c_, region_.id, {p.kind, p.name, p.business_id}, now_));
    if (!IsProviderKind(org.kind)) {
      errors_.push_back({PathOf(p.paths, "name", p.path),
                         "An organization of this name in the region is a " + org.kind + ", not a provider."});
      return std::string();
    }
    const bool created = org.created_at == FormatRfc3339(now_);
    if (!created) {
      // An existing provider gets services only when the record proves it is that provider, and
      // never from someone who edits its services: they go through a coordinator's review.
      if (org.business_id && org.business_id != p.business_id) {
        errors_.push_back({PathOf(p.paths, "name", p.path),
                           "A provider of this name exists in the region with another business id: give its own."});
        return std::string();
      }
      auto own = access::Authorize(c_, actor_.principal, access::Action::kDirectoryServiceEdit,
                                   {.region_id = region_.id, .organization_id = org.id}, now_);
      if (own.ok()) {
        errors_.push_back({PathOf(p.paths, "name", p.path),
                           "You edit this provider's services: send them for review instead of importing them."});
        return std::string();
      }
    }
    ALLMENDE_ASSIGN_OR_RETURN(auto current, DirectoryStore::Profile(c_, org.id));
    if (!current) return Error::Internal("The organization just ensured is missing.");
    if (!created) {
      // A provider's profile is the provider's own to write, written or not.
      report_.warnings.push_back(
          {p.path, "The provider exists already; its profile was kept and only services were added."});
      return org.id;
    }
    ProviderProfile next = p.profile;
    next.organization_id = org.id;
    next.region_id = region_.id;
    next.name = org.name;
    next.kind = org.kind;
    next.logo_image_id.reset();
    auto problems = ProfileProblems(x_.catalog_, next);
    for (auto [field, text] : {std::pair{"description", &next.description}, {"accessibility", &next.accessibility}}) {
      if (!AssignLanguage(*text, region_.default_language))
        problems.push_back(Conflict(field, region_.default_language));
    }
    if (!problems.empty()) {
      for (auto& e : problems) errors_.push_back({PathOf(p.paths, e.field, p.path), std::move(e.message)});
      return std::string();
    }
    if (!next.phone.empty()) next.phone = *NormalizePhone(next.phone);
    next.updated_at = FormatRfc3339(now_);
    ALLMENDE_ASSIGN_OR_RETURN(bool saved, DirectoryStore::SaveProfile(c_, next, actor_id_, 0));
    if (!saved) return Error::Conflict("The provider's profile changed meanwhile: import again.");
    return org.id;
  }

  Result<void> Service(const ImportedService& s, const std::string& organization_id) {
    if (!s.errors.empty()) {
      errors_.insert(errors_.end(), s.errors.begin(), s.errors.end());
      return Ok();
    }
    ServiceContent content = s.content;
    std::vector<FieldError> conflicts;
    for (auto [field, text] : {std::pair{"name", &content.name}, {"description", &content.description}}) {
      if (!AssignLanguage(*text, region_.default_language))
        conflicts.push_back(Conflict(field, region_.default_language));
    }
    for (std::size_t i = 0; i < s.voucher_names.size(); ++i) {
      auto it = purchasers_.find(s.voucher_names[i]);
      if (it != purchasers_.end()) {
        content.vouchers.push_back(it->second);
      } else {
        report_.warnings.push_back({PathOf(s.paths, "vouchers[" + std::to_string(i) + "]", s.path),
                                    "No purchaser of the region has this name: the voucher was left out."});
      }
    }
    std::sort(content.vouchers.begin(), content.vouchers.end());
    content.vouchers.erase(std::unique(content.vouchers.begin(), content.vouchers.end()), content.vouchers.end());
    ALLMENDE_ASSIGN_OR_RETURN(auto problems, Listed(x_.service_.Problems(c_, region_.id, organization_id, content)));
    problems.insert(problems.begin(), conflicts.begin(), conflicts.end());
    for (auto& e : problems) errors_.push_back({PathOf(s.paths, e.field, s.path), std::move(e.message)});
    if (!problems.empty() || organization_id.empty()) return Ok();

    ALLMENDE_ASSIGN_OR_RETURN(auto* published, PublishedOf(organization_id));
    const std::string stored = StoredContent(content);
    if (published->count(stored)) {
      ++report_.services_unchanged;
      return Ok();
    }
    ALLMENDE_ASSIGN_OR_RETURN(auto created, x_.service_.PublishDirectly(c_, organization_id, content, actor_id_));
    published->insert(stored);
    ++report_.services_published;
    // This process's index changes as the transaction commits (never if it rolls back); the
    // event tells the other server processes, which re-read the service.
    c_.OnCommit([&catalog = x_.catalog_, created] {
      if (catalog.loaded()) catalog.Apply(created);
    });
    return x_.bus_.Publish(c_, events::Event{NewId("evt"),
                                             "directory.service.changed",
                                             created.region_id,
                                             created.id,
                                             {"system:directory", "org:" + organization_id},
                                             "{}",
                                             FormatRfc3339(now_)});
  }

  // The stored form of every content the organization publishes (what an import compares with).
  Result<std::set<std::string>*> PublishedOf(const std::string& organization_id) {
    auto it = published_.find(organization_id);
    if (it == published_.end()) {
      ALLMENDE_ASSIGN_OR_RETURN(auto services, DirectoryStore::PublishedOf(c_, organization_id));
      std::set<std::string> contents;
      for (const auto& s : services) contents.insert(StoredContent(*s.published));
      it = published_.emplace(organization_id, std::move(contents)).first;
    }
    return &it->second;
  }

  DirectoryExchange& x_;
  storage::Connection& c_;
  const tenancy::Region& region_;
  const access::Actor& actor_;
  std::string actor_id_;
  Timestamp now_;
  std::map<std::string, std::string> purchasers_;  // name → id
  std::map<std::string, std::string> names_;       // organization name → the record's path
  std::map<std::string, std::string> business_ids_;
  std::map<std::string, std::set<std::string>> published_;
  std::vector<FieldError> errors_;
  ImportReport report_;
};

Result<DirectoryPage> DirectoryExchange::PublishedPage(const std::string& region_id, int offset, int limit) {
  return db_.ReadValue<DirectoryPage>([&](storage::Connection& c) -> Result<DirectoryPage> {
    DirectoryPage page;
    ALLMENDE_ASSIGN_OR_RETURN(page.region, tenancy::RegionService::Get(c, region_id));
    ALLMENDE_ASSIGN_OR_RETURN(page.total_providers, DirectoryExchangeStore::CountPublishingProviders(c, region_id));
    ALLMENDE_ASSIGN_OR_RETURN(auto providers, DirectoryExchangeStore::PublishingProviders(c, region_id, offset, limit));
    ALLMENDE_ASSIGN_OR_RETURN(auto purchasers, DirectoryExchangeStore::Purchasers(c, region_id));
    for (auto& p : purchasers) page.purchasers.emplace(std::move(p.id), std::move(p.name));
    if (providers.empty()) return page;
    ALLMENDE_ASSIGN_OR_RETURN(
        auto services, DirectoryExchangeStore::PublishedOfRange(c, region_id, providers.front().profile.organization_id,
                                                                providers.back().profile.organization_id));
    std::size_t next = 0;
    for (auto& p : providers) {
      PublishedProvider out{std::move(p), {}};
      while (next < services.size() && services[next].organization_id < out.provider.profile.organization_id) ++next;
      while (next < services.size() && services[next].organization_id == out.provider.profile.organization_id) {
        out.services.push_back(std::move(services[next++]));
      }
      page.providers.push_back(std::move(out));
    }
    return page;
  });
}

Result<ProviderRecord> DirectoryExchange::Provider(const std::string& organization_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto found, db_.ReadValue<std::optional<ProviderRecord>>([&](storage::Connection& c) {
    return DirectoryExchangeStore::Provider(c, organization_id);
  }));
  if (!found) return Error::NotFound("There is no such provider.");
  return std::move(*found);
}

Result<std::vector<ProviderRecord>> DirectoryExchange::Providers() {
  return db_.ReadValue<std::vector<ProviderRecord>>(
      [](storage::Connection& c) { return DirectoryExchangeStore::AllProviders(c); });
}

Result<void> DirectoryExchange::MayImport(const access::Actor& actor, const std::string& region_id) {
  return db_.Read([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_TRY(access::Authorize(c, actor.principal, access::Action::kDirectoryImport, {.region_id = region_id},
                                   clock_.Now()));
    return Ok();
  });
}

Result<ImportReport> DirectoryExchange::Import(const access::Actor& actor, const std::string& region_id,
                                               const ImportBatch& batch) {
  return db_.WriteValue<ImportReport>([&](storage::Connection& c) -> Result<ImportReport> {
    ALLMENDE_TRY(access::Authorize(c, actor.principal, access::Action::kDirectoryImport, {.region_id = region_id},
                                   clock_.Now()));
    if (!IsValidId("usr", actor.principal->id)) {
      return Error::PermissionDenied(
          "An import is recorded as published by a person: sign in as one (a token is none).");
    }
    ALLMENDE_ASSIGN_OR_RETURN(tenancy::Region region, tenancy::RegionService::Get(c, region_id));
    ImportRun run(*this, c, region, actor);
    ALLMENDE_TRY(run.LoadPurchasers());
    auto& errors = run.errors();
    errors = batch.errors;
    run.report().warnings = batch.warnings;
    for (const auto& p : batch.providers) ALLMENDE_TRY(run.Provider(p));
    if (!errors.empty()) {
      std::string message = "The import has " + std::to_string(errors.size()) + " problem" +
                            (errors.size() == 1 ? "" : "s") + "; nothing was imported.";
      if (errors.size() > kMaxErrors) {
        message += " The first " + std::to_string(kMaxErrors) + " are listed.";
        errors.resize(kMaxErrors);
      }
      return Error{ErrorCode::kInvalidArgument, std::move(message), std::move(errors)};
    }
    auto& warnings = run.report().warnings;
    if (warnings.size() > kMaxErrors) {
      std::size_t more = warnings.size() - kMaxErrors;
      warnings.resize(kMaxErrors);
      warnings.push_back({"contents", std::to_string(more) + " more warnings are not listed."});
    }
    return std::move(run.report());
  });
}

}  // namespace allmende::directory
