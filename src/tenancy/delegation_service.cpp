#include "tenancy/delegation_service.hpp"

#include "access/access_log.hpp"
#include "common/ids.hpp"
#include "storage/single_use_tokens.hpp"
#include "tenancy/delegation_email.hpp"
#include "tenancy/delegation_store.hpp"

namespace allmende::tenancy {
namespace {

constexpr auto kInvitationValid = std::chrono::hours(24 * 7);
// Each invitation sends an e-mail to an address the client typed: a bound on how many can wait.
constexpr std::size_t kMaxPendingInvitations = 20;
// …and on how many a day, withdrawn ones included: granting and withdrawing must not become a way
// to send e-mail to any address.
constexpr std::int64_t kMaxInvitationsPerDay = 30;
constexpr std::string_view kScopes[] = {"all", "services", "access_log"};

Error SignIn() { return Error::Unauthenticated("Sign in first."); }

Error NoDelegation(const std::string& id) { return Error::NotFound("There is no delegation " + id + "."); }

Error NoInvitation(const std::string& id) { return Error::NotFound("There is no delegation invitation " + id + "."); }

Error AlreadyDelegated(const std::string& client_name) {
  return Error::Conflict("You can already act for " + client_name +
                         ". To change what you may do or until when, end that delegation first (either of you can), "
                         "then open the link again.");
}

std::string InWords(const std::string& status) { return status == "revoked" ? "withdrawn" : status; }

}  // namespace

DelegationService::DelegationService(storage::Database& db, identity::AuthService& auth, const notify::Outbox& outbox,
                                     const TimeSource& clock, std::string public_url)
    : db_(db), auth_(auth), outbox_(outbox), clock_(clock), public_url_(std::move(public_url)) {}

Result<DelegationInvitation> DelegationService::Grant(const access::Actor& a, const std::string& client_id,
                                                      const NewDelegation& in) {
  Timestamp now = clock_.Now();
  struct Parties {
    std::string region;
    DelegationStore::Person client;
    std::string actor_email;
  };
  // Decide first: someone who may not grant learns nothing, not even which fields are wrong.
  ALLMENDE_ASSIGN_OR_RETURN(Parties parties, db_.ReadValue<Parties>([&](storage::Connection& c) -> Result<Parties> {
    ALLMENDE_ASSIGN_OR_RETURN(std::string region, access::ClientRegion(c, client_id));
    ALLMENDE_TRY(access::Authorize(c, a.principal, access::Action::kDelegationGrant,
                                   {.region_id = region, .client_id = client_id}, now));
    ALLMENDE_ASSIGN_OR_RETURN(auto client, DelegationStore::PersonOf(c, client_id));
    ALLMENDE_ASSIGN_OR_RETURN(auto actor, DelegationStore::PersonOf(c, a.principal->id));
    if (!client) return Error::NotFound("There is no client " + client_id + ".");
    return Parties{region, *client, actor ? actor->email : std::string()};
  }));

  // Only what the caller sent is checked, and the addresses of the client and of the caller
  // (their own): whether the address has an account, or works in the region, is not looked at
  // here, so the answer cannot tell. The advisor's limit on staff applies when the link is used.
  const bool for_someone_else = client_id != a.principal->id;
  std::vector<FieldError> errors;
  std::string email = identity::NormalizeEmail(in.delegate_email);
  if (email.empty()) {
    errors.push_back({"delegate_email", "is not an e-mail address"});
  } else if (email == parties.client.email) {
    errors.push_back({"delegate_email", for_someone_else ? "is the client's own address" : "is your own address"});
  } else if (for_someone_else && email == parties.actor_email) {
    errors.push_back({"delegate_email", "is your own address"});
  }
  bool scope_ok = false;
  for (auto s : kScopes) scope_ok |= s == in.scope;
  if (!scope_ok) {
    errors.push_back({"scope", "must be one of: all, services, access_log"});
  } else if (for_someone_else && in.scope != "services") {
    // On the client's behalf an advisor may only let someone order and follow services: the
    // client alone lets someone read their record's history or act in everything.
    errors.push_back({"scope", "must be services when granted on the client's behalf; the client grants the others"});
  }
  std::optional<std::string> until;
  if (in.valid_until) {
    auto t = ParseRfc3339(*in.valid_until);
    if (!t) {
      errors.push_back({"valid_until", "must be an RFC 3339 date-time"});
    } else if (*t <= now) {
      errors.push_back({"valid_until", "must be in the future"});
    } else {
      until = FormatRfc3339(*t);
    }
  }
  if (!errors.empty()) return Error::Invalid(std::move(errors));

  const std::string now_text = FormatRfc3339(now);
  DelegationInvitation inv{NewId("dli"), parties.region,  client_id, email,    in.scope,
                           until,        a.principal->id, "pending", now_text, FormatRfc3339(now + kInvitationValid)};
  return db_.WriteValue<DelegationInvitation>([&](storage::Connection& c) -> Result<DelegationInvitation> {
    ALLMENDE_TRY(access::AuthorizeAndRecord(c, a, access::Action::kDelegationGrant,
                                            {.region_id = inv.region_id, .client_id = client_id},
                                            {.action = "delegation.grant",
                                             .subject_type = "delegation_invitation",
                                             .subject_id = inv.id,
                                             .client_id = client_id,
                                             .region_id = inv.region_id},
                                            now));
    ALLMENDE_ASSIGN_OR_RETURN(auto waiting, DelegationStore::PendingInvitations(c, client_id, now_text));
    if (waiting.size() >= kMaxPendingInvitations) {
      return Error::Conflict(std::to_string(kMaxPendingInvitations) +
                             " invitations are waiting for an answer; withdraw one before sending another.");
    }
    ALLMENDE_ASSIGN_OR_RETURN(
        auto today, DelegationStore::InvitationsSince(c, client_id, FormatRfc3339(now - std::chrono::hours(24))));
    if (today >= kMaxInvitationsPerDay) {
      return Error::TooManyRequests(
          std::to_string(kMaxInvitationsPerDay) + " invitations were sent in the last 24 hours; try again tomorrow.",
          3600);
    }
    ALLMENDE_TRY(DelegationStore::InsertInvitation(c, inv));
    ALLMENDE_ASSIGN_OR_RETURN(std::string secret, storage::IssueSingleUseToken(c, "delegation", inv.id, inv.region_id,
                                                                               now, now + kInvitationValid));
    auto text = ComposeDelegationInvitation(parties.client.language, parties.client.name, inv.scope,
                                            public_url_ + "/delegation#token=" + secret);
    ALLMENDE_TRY(outbox_.Enqueue(
        c, {.region_id = inv.region_id, .recipient = email, .subject = text.subject, .body = text.body}, now));
    return inv;
  });
}

Result<Delegation> DelegationService::Accept(const access::Actor& a, const DelegationAcceptance& in) {
  Timestamp now = clock_.Now();
  const std::string now_text = FormatRfc3339(now);
  const std::optional<http::Principal>& p = a.principal;
  std::optional<identity::User> newcomer;
  std::string signed_in_email;
  if (p) {
    ALLMENDE_ASSIGN_OR_RETURN(auto me, auth_.Me(*p));
    signed_in_email = me.first.email;
  } else {
    // A newcomer: check the link, then prepare the account for the invited address (the slow
    // password hash) before the transaction that uses the link and creates both.
    if (!in.name || !in.password) {
      return Error::Invalid({{"name", "is required to create your account (or sign in first)"},
                             {"password", "is required to create your account (or sign in first)"}});
    }
    struct Invited {
      std::string email;
      std::string language;
    };
    ALLMENDE_ASSIGN_OR_RETURN(Invited invited, db_.ReadValue<Invited>([&](storage::Connection& c) -> Result<Invited> {
      ALLMENDE_ASSIGN_OR_RETURN(std::string id, storage::PeekSingleUseToken(c, "delegation", in.token, now));
      ALLMENDE_ASSIGN_OR_RETURN(auto inv, DelegationStore::GetInvitation(c, id));
      if (!inv) return Error::NotFound("This link is not valid.");
      ALLMENDE_ASSIGN_OR_RETURN(auto client, DelegationStore::PersonOf(c, inv->client_id));
      // The newcomer read the invitation in the client's language.
      return Invited{inv->email, client ? client->language : std::string("en")};
    }));
    ALLMENDE_ASSIGN_OR_RETURN(newcomer,
                              auth_.PrepareVerifiedUser(invited.email, *in.name, *in.password, invited.language));
  }
  return db_.WriteValue<Delegation>([&](storage::Connection& c) -> Result<Delegation> {
    // The link decides first: of two concurrent acceptances exactly one gets past this line.
    // Any refusal below rolls back, so the link stays usable for the person it was sent to.
    ALLMENDE_ASSIGN_OR_RETURN(std::string invitation_id, storage::UseSingleUseToken(c, "delegation", in.token, now));
    ALLMENDE_ASSIGN_OR_RETURN(auto inv, DelegationStore::GetInvitation(c, invitation_id));
    if (!inv) return Error::NotFound("This link is not valid.");
    if (inv->status != "pending") return Error::Conflict("This invitation was " + InWords(inv->status) + ".");
    ALLMENDE_ASSIGN_OR_RETURN(auto client, DelegationStore::PersonOf(c, inv->client_id));
    const std::string client_name = client ? client->name : inv->client_id;
    if (p && signed_in_email != inv->email) {
      return Error::PermissionDenied("This invitation was sent to another e-mail address; sign in as " + inv->email +
                                     " to accept it.");
    }
    const std::string delegate_id = p ? p->id : newcomer->id;
    if (delegate_id == inv->client_id) return Error::PermissionDenied("You cannot act for yourself.");
    if (inv->granted_by != inv->client_id) {
      // An advisor's invitation must not become a way around the policy or the second factor:
      // people who work in the client's region are the client's own choice only.
      ALLMENDE_ASSIGN_OR_RETURN(bool staff, DelegationStore::WorksInRegion(c, delegate_id, inv->region_id));
      if (staff) {
        return Error::PermissionDenied("You work in an organization of " + client_name + "'s region, so only " +
                                       client_name + " can let you act for them, not an advisor. Ask " + client_name +
                                       " to invite you.");
      }
    }
    if (inv->valid_until && *inv->valid_until <= now_text) {
      return Error::Conflict("The delegation this link offers was to end at " + *inv->valid_until + "; ask " +
                             client_name + " for a new invitation.");
    }
    if (newcomer) ALLMENDE_TRY(auth_.InsertUser(c, *newcomer));
    ALLMENDE_TRY(DelegationStore::CloseEnded(c, inv->client_id, delegate_id, now_text));
    ALLMENDE_ASSIGN_OR_RETURN(bool exists, DelegationStore::HasUnrevoked(c, inv->client_id, delegate_id));
    if (exists) return AlreadyDelegated(client_name);
    Delegation d{NewId("dlg"),     inv->client_id,  {},       delegate_id, {}, inv->scope, now_text,
                 inv->valid_until, inv->granted_by, now_text, std::nullopt};
    auto inserted = DelegationStore::Insert(c, d);
    if (!inserted.ok()) {
      if (inserted.error().code == ErrorCode::kConflict) return AlreadyDelegated(client_name);
      return std::move(inserted).error();
    }
    ALLMENDE_ASSIGN_OR_RETURN(bool accepted,
                              DelegationStore::MarkInvitationAccepted(c, inv->id, delegate_id, d.id, now_text));
    if (!accepted) return Error::Conflict("This invitation is no longer pending.");
    // The delegate's own step, not allowed by a policy grant (the client's grant was recorded
    // when the invitation was made): recorded in the client's log as theirs.
    ALLMENDE_TRY(access::AppendAccess(c,
                                      access::Decision{.actor_id = delegate_id,
                                                       .role = "delegate",
                                                       .organization_id = "",
                                                       .relation = "delegate",
                                                       .purpose = "on_behalf"},
                                      {.action = "delegation.accept",
                                       .subject_type = "delegation",
                                       .subject_id = d.id,
                                       .client_id = inv->client_id,
                                       .region_id = inv->region_id,
                                       .purpose = a.purpose},
                                      a.request_id, now));
    ALLMENDE_ASSIGN_OR_RETURN(auto full, DelegationStore::Get(c, d.id));
    if (!full) return NoDelegation(d.id);
    return std::move(*full);
  });
}

Result<void> DelegationService::Withdraw(const access::Actor& a, const std::string& id) {
  if (!a.principal) return SignIn();
  Timestamp now = clock_.Now();
  const std::string now_text = FormatRfc3339(now);
  return db_.Write([&](storage::Connection& c) -> Result<void> {
    if (!IsValidId("dli", id)) return NoInvitation(id);
    ALLMENDE_ASSIGN_OR_RETURN(auto inv, DelegationStore::GetInvitation(c, id));
    if (!inv || inv->client_id != a.principal->id) return NoInvitation(id);
    ALLMENDE_TRY(access::AuthorizeAndRecord(c, a, access::Action::kDelegationRevoke,
                                            {.region_id = inv->region_id, .client_id = inv->client_id},
                                            {.action = "delegation.withdraw",
                                             .subject_type = "delegation_invitation",
                                             .subject_id = id,
                                             .client_id = inv->client_id,
                                             .region_id = inv->region_id},
                                            now));
    std::string status = inv->status == "pending" && inv->expires_at <= now_text ? "expired" : inv->status;
    if (status != "pending") return Error::Conflict("The invitation was " + InWords(status) + " already.");
    // The link stays in single_use_tokens; acceptance reads the invitation's status in the same
    // transaction and refuses it with "was withdrawn".
    ALLMENDE_ASSIGN_OR_RETURN(bool revoked, DelegationStore::MarkInvitationRevoked(c, id));
    if (!revoked) return Error::Conflict("The invitation is no longer pending.");
    return Ok();
  });
}

Result<MyDelegations> DelegationService::Mine(const std::optional<http::Principal>& p) {
  if (!p) return SignIn();
  const std::string now = FormatRfc3339(clock_.Now());
  return db_.ReadValue<MyDelegations>([&](storage::Connection& c) -> Result<MyDelegations> {
    MyDelegations out;
    ALLMENDE_ASSIGN_OR_RETURN(auto all, DelegationStore::Of(c, p->id));
    for (auto& d : all) (d.client_id == p->id ? out.given : out.received).push_back(std::move(d));
    ALLMENDE_ASSIGN_OR_RETURN(out.pending, DelegationStore::PendingInvitations(c, p->id, now));
    ALLMENDE_ASSIGN_OR_RETURN(std::string region, access::ClientRegion(c, p->id));
    out.may_grant = !region.empty() && p->role != "api_token";
    return out;
  });
}

Result<void> DelegationService::Revoke(const access::Actor& a, const std::string& id) {
  if (!a.principal) return SignIn();
  const http::Principal* p = &*a.principal;
  Timestamp now_time = clock_.Now();
  std::string now = FormatRfc3339(now_time);
  return db_.Write([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_ASSIGN_OR_RETURN(auto found, DelegationStore::Get(c, id));
    if (!found) return NoDelegation(id);
    const Delegation& d = *found;
    if (d.client_id != p->id && d.delegate_id != p->id) return NoDelegation(id);
    if (d.revoked_at || (d.valid_until && *d.valid_until <= now)) {
      return Error::Conflict("The delegation has already ended.");
    }
    ALLMENDE_ASSIGN_OR_RETURN(std::string region, access::ClientRegion(c, d.client_id));
    ALLMENDE_TRY(access::AuthorizeAndRecord(c, a, access::Action::kDelegationRevoke,
                                            {.region_id = region, .client_id = d.client_id},
                                            {.action = "delegation.revoke",
                                             .subject_type = "delegation",
                                             .subject_id = id,
                                             .client_id = d.client_id,
                                             .region_id = region},
                                            now_time));
    ALLMENDE_ASSIGN_OR_RETURN(bool ended, DelegationStore::End(c, id, now, p->id));
    if (!ended) return Error::Conflict("The delegation has already ended.");
    return Ok();
  });
}

Result<bool> DelegationService::MayActFor(const std::string& delegate_id, const std::string& client_id,
                                          const std::string& scope) {
  std::string now = FormatRfc3339(clock_.Now());
  return db_.ReadValue<bool>([&](storage::Connection& c) -> Result<bool> {
    return DelegationStore::Allows(c, delegate_id, client_id, scope, now);
  });
}

}  // namespace allmende::tenancy
