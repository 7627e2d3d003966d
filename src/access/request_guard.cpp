#include "access/request_guard.hpp"

#include <boost/json.hpp>

#include "access/access_log.hpp"
#include "access/policy.hpp"
#include "common/log.hpp"
#include "storage/idempotency.hpp"

namespace allmende::access {
namespace {

using http::Access;

// Errors after which the request's transaction must not commit: a collision (PostgreSQL retries
// the whole request), an outage or a bug. After any other error (a wrong field, a denied
// action) what the handler's services recorded on purpose stays, e.g. a wrong code counted.
bool RollsBack(const Error& e) {
  return e.code == ErrorCode::kConflict || e.code == ErrorCode::kUnavailable || e.code == ErrorCode::kInternal;
}

// Whose data a client route touches, as its declaration says.
std::string ClientOf(const http::Route& route, const http::Request& r) {
  std::string_view where = route.options.client;
  if (where.front() == '{') return std::string(r.Param(where.substr(1, where.size() - 2)));
  if (where.front() == '?') {
    if (auto q = r.QueryParam(where.substr(1)); q && !q->empty()) return *q;
  }
  return r.principal ? r.principal->id : std::string();
}

// The answer as kept for replays: `field` (a secret shown once) set to null.
std::string WithoutSecret(const std::string& body, std::string_view field) {
  if (field.empty()) return body;
  boost::system::error_code ec;
  boost::json::value doc = boost::json::parse(body, ec);
  if (ec || !doc.is_object()) return body;
  if (auto* v = doc.as_object().if_contains(field)) *v = nullptr;
  return boost::json::serialize(doc);
}

// Kept answers hold what the request returned, sealed fields opened: they are sealed in turn.
Result<http::Response> Replay(const storage::StoredResponse& stored, const storage::FieldCipher* cipher) {
  std::string body = stored.body;
  if (cipher) {
    ALLMENDE_ASSIGN_OR_RETURN(body, cipher->Open(body));
  }
  http::Response out = stored.status == 204 ? http::NoContent() : http::JsonText(stored.status, body);
  out.status = stored.status;
  return out.WithHeader("Idempotent-Replayed", "true");
}

}  // namespace

void RequestGuard::Install(http::Router& router) {
  for (const auto& route : router.Routes()) {
    if (route->options.access == Access::kPolicy && !ActionNamed(route->options.action)) {
      throw std::logic_error("route " + http::RouteName(*route) + " names action '" +
                             std::string(route->options.action) + "', which the policy does not have");
    }
  }
  router.SetGuard([this](const http::Route& route, const http::Request& r) { return Run(route, r); });
}

Result<http::Response> RequestGuard::Run(const http::Route& route, const http::Request& r) {
  const http::RouteOptions& o = route.options;
  if (o.access != Access::kPublic && !r.principal) return Error::Unauthenticated("Sign in first.");
  std::optional<Action> action = o.access == Access::kPolicy ? ActionNamed(o.action) : std::nullopt;

  std::string key;
  if (r.method == "POST" && o.idempotency_exempt.empty()) {
    key = std::string(r.Header("idempotency-key"));
    if (!key.empty() && !storage::IsValidIdempotencyKey(key)) {
      return Error::Invalid("Idempotency-Key", "must be 1-255 visible ASCII characters");
    }
  }
  AuthorizationProbe probe;
  auto checked = [&](Result<http::Response> result) -> Result<http::Response> {
    if (result.ok() && action && result->status < 300 && !probe.Allowed(*action)) {
      log::Error("route_skipped_policy", {{"route", http::RouteName(route)}, {"action", std::string(o.action)}});
      return Error::Internal("The handler of " + http::RouteName(route) + " was not authorized.");
    }
    return result;
  };
  if (key.empty() && o.client.empty()) return checked(route.handler(r));

  ALLMENDE_ASSIGN_OR_RETURN(Actor actor, Actor::Of(r));
  if (key.empty() && (r.method == "GET" || r.method == "HEAD") && db_.SerializesWriters()) {
    // A look at a client's data with one writer (SQLite): decided in a read, the handler's reads
    // run beside everyone else's, and the access-log entry is committed (durably, in a shared
    // group commit) before the answer leaves. No data reaches the caller without its entry, and
    // the single writer is held for one insert, not for the whole request. (With writers side by
    // side, PostgreSQL, the look and its entry are one transaction below: fewer round trips.)
    const std::string client = ClientOf(route, r);
    Timestamp now = clock_.Now();
    Decision d;
    std::string region;
    ALLMENDE_TRY(db_.Read([&](storage::Connection& c) -> Result<void> {
      ALLMENDE_ASSIGN_OR_RETURN(d, Authorize(c, r.principal, *action, {.client_id = client}, now));
      ALLMENDE_ASSIGN_OR_RETURN(region, ClientRegion(c, client));
      return Ok();
    }));
    Result<http::Response> result = checked(route.handler(r));
    if (!result.ok() || d.relation == "self") return result;  // the client's own looks are theirs
    ALLMENDE_TRY(db_.Write([&](storage::Connection& c) {
      return AppendAccess(c, d,
                          {.action = std::string(o.action),
                           .subject_type = "client",
                           .subject_id = client,
                           .client_id = client,
                           .region_id = region,
                           .purpose = actor.purpose},
                          r.request_id, now);
    }));
    return result;
  }

  // Keys are the caller's: a person's or token's id, or for an anonymous caller its address, so
  // that nobody replays another's answer. The digest covers the query and the body.
  const std::string scope =
      (r.principal ? r.principal->id : "anonymous@" + r.remote_address) + " " + r.method + " " + r.path;
  std::string query;
  for (const auto& [k, v] : r.query) query += k + "=" + v + "&";
  const std::string signed_body = query + "\n" + r.body;
  const std::string digest = key.empty() ? std::string()
                             : cipher_   ? cipher_->KeyedDigest(signed_body)
                                         : storage::RequestDigest(signed_body);
  std::optional<Result<http::Response>> outcome;
  const storage::Isolation isolation =
      o.read_committed ? storage::Isolation::kReadCommitted : storage::Isolation::kSerializable;
  auto done = db_.RunRequest(
      [&](storage::Connection& c) -> Result<void> {
        outcome.reset();
        if (!key.empty()) {
          ALLMENDE_ASSIGN_OR_RETURN(auto stored, storage::FindStoredResponse(c, scope, key, digest));
          if (stored) {
            outcome.emplace(Replay(*stored, cipher_));
            return Ok();
          }
        }
        if (!o.client.empty()) {
          const std::string client = ClientOf(route, r);
          Timestamp now = clock_.Now();
          ALLMENDE_ASSIGN_OR_RETURN(Decision d, Authorize(c, r.principal, *action, {.client_id = client}, now));
          // The client's own looks are theirs; every other look is in the log they read.
          if (d.relation != "self") {
            ALLMENDE_ASSIGN_OR_RETURN(std::string region, ClientRegion(c, client));
            ALLMENDE_TRY(AppendAccess(c, d,
                                      {.action = std::string(o.action),
                                       .subject_type = "client",
                                       .subject_id = client,
                                       .client_id = client,
                                       .region_id = region,
                                       .purpose = actor.purpose},
                                      r.request_id, now));
          }
        }
        Result<http::Response> result = checked(route.handler(r));
        if (!result.ok()) {
          if (RollsBack(result.error())) return std::move(result).error();
          outcome.emplace(std::move(result));
          return Ok();
        }
        if (!key.empty() && result->status >= 200 && result->status < 300 && !result->stream) {
          std::string kept = WithoutSecret(result->body, o.secret_field);
          if (cipher_) kept = cipher_->Seal(kept);
          ALLMENDE_TRY(storage::StoreResponse(c, scope, key, digest, {result->status, std::move(kept)}));
        }
        outcome.emplace(std::move(result));
        return Ok();
      },
      isolation);
  if (!done.ok()) return std::move(done).error();
  return std::move(*outcome);
}

}  // namespace allmende::access
