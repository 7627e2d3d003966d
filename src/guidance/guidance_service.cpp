#include "guidance/guidance_service.hpp"

#include <algorithm>

#include "access/access_log.hpp"
#include "common/ids.hpp"
#include "guidance/guidance_store.hpp"

namespace allmende::guidance {
namespace {

constexpr std::size_t kMaxNote = 4000;

bool OneOf(const std::string& v, std::initializer_list<const char*> allowed) {
  return std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return v == a; });
}

}  // namespace

Result<std::vector<AdviceTopic>> GuidanceService::Topics() {
  return db_.ReadValue<std::vector<AdviceTopic>>([](storage::Connection& c) { return GuidanceStore::Topics(c); });
}

Result<Contact> GuidanceService::AddContact(const access::Actor& actor, const std::string& client_id,
                                            const NewContact& in) {
  const Timestamp now = clock_.Now();
  return db_.WriteValue<Contact>([&](storage::Connection& c) -> Result<Contact> {
    // Authorized first: a stranger learns nothing, not even whether the client exists.
    ALLMENDE_ASSIGN_OR_RETURN(auto decision, access::Authorize(c, actor.principal, access::Action::kAdviceContactWrite,
                                                               {.client_id = client_id}, now));
    ALLMENDE_ASSIGN_OR_RETURN(std::string region, access::ClientRegion(c, client_id));
    std::vector<FieldError> errors;
    if (!OneOf(in.channel, {"phone", "service_point", "home_visit", "chat", "email"})) {
      errors.push_back({"channel", "Choose phone, service_point, home_visit, chat or email."});
    }
    if (!OneOf(in.outcome, {"informed", "order_placed", "referred", "follow_up", "no_action"})) {
      errors.push_back({"outcome", "Choose informed, order_placed, referred, follow_up or no_action."});
    }
    if (in.duration_minutes < 0 || in.duration_minutes > 600) {
      errors.push_back({"duration_minutes", "Between 0 and 600 minutes."});
    }
    if (in.note.size() > kMaxNote) errors.push_back({"note", "At most 4,000 characters."});
    ALLMENDE_ASSIGN_OR_RETURN(auto topics, GuidanceStore::Topics(c));
    if (in.topics.empty()) errors.push_back({"topics", "Choose at least one topic."});
    for (const auto& t : in.topics) {
      if (std::none_of(topics.begin(), topics.end(), [&](const AdviceTopic& a) { return a.code == t; })) {
        errors.push_back({"topics", "Unknown topic: " + t.substr(0, 40) + "."});
        break;
      }
    }
    std::string occurred = FormatRfc3339(now);
    if (in.occurred_at) {
      auto at = ParseRfc3339(*in.occurred_at);
      if (!at || *at > now + std::chrono::minutes(5) || *at < now - std::chrono::hours(24 * 366)) {
        errors.push_back({"occurred_at", "Give when it happened (RFC 3339), within the past year."});
      } else {
        occurred = FormatRfc3339(*at);
      }
    }
    if (!errors.empty()) return Error::Invalid(std::move(errors));
    Contact k{NewId("adv"), region,
              client_id,    decision.actor_id,
              "",           decision.organization_id,
              "",           in.channel,
              in.topics,    in.duration_minutes,
              in.outcome,   in.note.empty() ? std::string() : cipher_.Seal(in.note),
              occurred,     FormatRfc3339(now)};
    std::sort(k.topics.begin(), k.topics.end());
    k.topics.erase(std::unique(k.topics.begin(), k.topics.end()), k.topics.end());
    ALLMENDE_TRY(GuidanceStore::InsertContact(c, k));
    ALLMENDE_ASSIGN_OR_RETURN(auto stored, GuidanceStore::GetContact(c, k.id));
    if (!stored) return Error::Internal("The contact could not be read back.");
    Contact saved = std::move(*stored);
    saved.note = in.note;
    return saved;
  });
}

Result<std::vector<Contact>> GuidanceService::Contacts(const access::Actor& actor, const std::string& client_id) {
  const Timestamp now = clock_.Now();
  return db_.ReadValue<std::vector<Contact>>([&](storage::Connection& c) -> Result<std::vector<Contact>> {
    ALLMENDE_TRY(
        access::Authorize(c, actor.principal, access::Action::kAdviceContactRead, {.client_id = client_id}, now));
    ALLMENDE_ASSIGN_OR_RETURN(auto list, GuidanceStore::ContactsOf(c, client_id, 100));
    for (auto& k : list) {
      if (k.note.empty()) continue;
      auto opened = cipher_.Open(k.note);
      k.note = opened.ok() ? *opened : std::string();
    }
    return list;
  });
}

}  // namespace allmende::guidance
