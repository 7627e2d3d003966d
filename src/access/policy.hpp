// The one authorization policy. Every handler that touches anything beyond public reference data
// asks Authorize() before it reads or writes; the decision says through which role, organization
// and relation the request was allowed, which is what the access log records.
//
// Default deny: an action is allowed only by one of the grants listed for it in policy.cpp.
// A grant names who (the client, a delegate, an organization role, a token scope, a platform
// admin, anyone signed in) and where (the target organization, the target region, the client's
// region, an organization assigned to the client as provider or purchaser).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/time.hpp"
#include "server/http.hpp"
#include "storage/database.hpp"

namespace allmende::access {

enum class Action {
  kRegionCreate,
  kUserCreate,
  kOrganizationCreate,
  kOrganizationRead,
  kOrganizationUpdate,
  kMembersRead,
  kMembersManage,  // remove members, invite, revoke invitations
  kTokensManage,
  kWebhooksManage,          // an organization's webhook endpoints, their delivery log and replays
  kClientRead,              // a client's record
  kClientUpdate,            // change a client's record
  kClientList,              // the clients an organization pays for or serves
  kClientAccessLogRead,     // who has seen the client's data
  kDelegationGrant,         // let someone act for the client
  kDelegationRevoke,        // end it (the client or the delegate)
  kAccessLogSearch,         // the whole log of a region
  kDirectoryProfileEdit,    // a provider's public profile
  kDirectoryServiceEdit,    // create, edit, submit, withdraw and archive a provider's services
  kDirectoryServiceRead,    // a provider's drafts and their review history
  kDirectoryServiceReview,  // publish a submitted service or ask for changes
  kDirectoryImport,         // publish a batch of providers and services from another system (HSDS)
  kFundingRatesManage,      // amounts and rates by law, per region and date
  kVoucherApprove,          // a purchaser approves a provider for its vouchers
  kGrantManage,             // record a funding decision for a client
  kGrantRead,               // a client's grants and balances
  kAgreementManage,         // a purchaser's framework agreements
  kAgreementRead,           // agreements of one's own organization
  kOrderCreate,             // order a service for a client
  kOrderRead,               // an order, its visits, timeline and messages (and write in its thread)
  kOrderCancel,             // cancel an order or a visit
  kOrderConfirm,            // the client confirms or disputes a visit
  kOrderRoute,              // coordinators route an order by hand
  kOrderBoard,              // the coordinators' board of a region
  kOfferRespond,            // a provider's inbox: see offers, accept or decline them
  kOrderAssign,             // a provider assigns a worker to an accepted order
  kVisitWork,               // a worker's day: check in and out of visits assigned to them
  kClientRegister,          // the advice desk registers a person as a client of its region
  kClientSearch,            // the advice desk finds clients of its region by name, birth date, phone, code
  kClientIdentityReveal,    // show a client's identity code in full (each reveal is logged)
  kClientMerge,             // merge two records of the same person
  kAdviceContactWrite,      // note a call, visit or message with a client
  kAdviceContactRead,       // a client's advice contacts with their notes
  kConsentRead,             // the consents a client gave
  kConsentWithdraw,         // the client (or their delegate) withdraws a consent
  kAssessmentFormWrite,     // a coordinator publishes a new version of a needs-assessment form
  kAssessmentWrite,         // a needs assessment of a client: by the advisor, the client or a delegate
  kAssessmentRead,          // a client's needs assessments with their answers
  kAdviceTaskWrite,         // a follow-up task about a client: add one, mark it done
  kAdviceTaskRead,          // a client's follow-up tasks
  kAdviceTaskBoard,         // the coordinators' board of a region's overdue follow-up tasks
  kReferralWrite,           // the advice desk refers a client to a purchaser for a service-need assessment
  kReferralRead,            // a client's referrals and their outcome
  kReferralQueue,           // a purchaser's queue of referrals
  kReferralDecide,          // a purchaser officer records the outcome of a referral
  kPlanWrite,               // the desk keeps a client's service plan: add, change or end an item
  kPlanRead,                // a client's service plan
  kBillingRun,              // a purchaser's billing runs: collect a period, collect again, lock, discard
  kBillingRead,             // a purchaser's billing runs, their lines and exports
  kRatingWrite,             // rate a visit of the client (the client's side)
  kRatingRead,              // a visit's rating page (the client's side)
  kQualityCaseFile,         // file a complaint or deviation about a client's order, or about a region's provider
  kQualityCaseRead,         // read a case about the client or about one's organization
  kQualityCaseManage,       // the region's cases: the queue, assign, move, reply
  kQualityProvider,         // a provider's own ratings and the cases about it
  kBillingStatement,        // a provider's statements: its lines of the purchasers' locked runs
  kBillingOwn,              // a client's own shares of the locked runs
};

// "client.read", "members.manage", … as in the access log and the docs.
std::string_view ActionName(Action action);
// Every action, for tests and docs.
const std::vector<Action>& AllActions();

// What a request is about; empty fields are not part of it.
struct Target {
  std::string region_id = {};
  std::string organization_id = {};
  std::string client_id = {};
};

// Who acts in a request, with what the access log needs besides the principal.
struct Actor {
  std::optional<http::Principal> principal;
  std::string request_id = {};
  std::string purpose = {};  // stated in X-Access-Purpose; empty: the decision's default

  Actor(std::optional<http::Principal> p) : principal(std::move(p)) {}  // NOLINT: seeds and tests
  Actor(const http::Principal& p) : principal(p) {}                     // NOLINT
  Actor(std::nullopt_t) {}                                              // NOLINT
  // The actor of a request; InvalidArgument on "X-Access-Purpose" when the stated purpose is unusable.
  static Result<Actor> Of(const http::Request& request);
};

// How a request was allowed.
struct Decision {
  std::string actor_id;
  std::string role;             // an organization role, or client, delegate, platform_admin, api_token, user
  std::string organization_id;  // the membership's or token's organization, if any
  std::string relation;         // self, delegate, region_staff, assigned_provider, purchaser, org_admin, platform, any
  // The default purpose for the access log, by relation ("own_use", "service_delivery", …).
  std::string purpose;
};

// Roles that need a second factor: advisor, coordinator, purchaser officer, provider admin,
// auditor, organization admin; platform admins likewise.
bool IsStaffRole(std::string_view role);

// Decides `action` on `target` for the principal. Unauthenticated without one; MfaRequired when
// only a staff grant would allow it and the session has not shown a second factor;
// PermissionDenied otherwise. Reads memberships, delegations and client relations in the
// caller's transaction (so a revoked delegation stops working at once).
Result<Decision> Authorize(storage::Connection& c, const std::optional<http::Principal>& principal, Action action,
                           const Target& target, Timestamp now);

// The audience keys a person answers to, for live updates and notifications: "user:<id>", and for
// each live membership "org:<organization>", "role:<role>@<region>" and "role:<role>@<organization>".
Result<std::vector<std::string>> AudienceKeys(storage::Connection& c, const std::string& user_id);

// The region of client `client_id`; empty if there is no such client.
Result<std::string> ClientRegion(storage::Connection& c, const std::string& client_id);

// The action named `name` ("client.read"), or nullopt.
std::optional<Action> ActionNamed(std::string_view name);

// Watches, on this thread while it lives, which actions Authorize allowed: the request guard
// uses it to check that a handler was authorized by the action its route declares.
class AuthorizationProbe {
 public:
  AuthorizationProbe();
  ~AuthorizationProbe();
  AuthorizationProbe(const AuthorizationProbe&) = delete;
  AuthorizationProbe& operator=(const AuthorizationProbe&) = delete;
  bool Allowed(Action action) const;
  void Record(Action action) { allowed_.push_back(action); }
  // Decisions made in this request, by action and target: the guard's and the service's check of
  // the same thing in one transaction ask the database once.
  const Decision* Cached(const std::string& key) const;
  void Remember(std::string key, const Decision& decision) { cached_.emplace_back(std::move(key), decision); }

 private:
  std::vector<Action> allowed_;
  std::vector<std::pair<std::string, Decision>> cached_;
  AuthorizationProbe* outer_;
};

}  // namespace allmende::access
