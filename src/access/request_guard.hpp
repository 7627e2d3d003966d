// The request guard: what makes a route's declaration (src/server/router.hpp, RouteOptions) true
// for every request, so that no handler can skip the policy, the access log or idempotency.
//
//  - kSignedIn and kPolicy routes answer 401 without a principal.
//  - kPolicy routes: the handler must have been authorized by the declared action (by its
//    service's Authorize call, or by the guard for client routes); a 2xx answer without that is
//    a bug and becomes 500 with a log line naming the route.
//  - Client routes (`client` set): the guard authorizes the action for that client and appends
//    the access-log entry. A change (PATCH, POST…) runs with its entry in one request
//    transaction; a look (GET) on SQLite is authorized in a read, and its entry committed durably before
//    the answer leaves, so no data reaches anyone without its entry.
//  - POST with Idempotency-Key: the first 2xx answer is stored in the request transaction with
//    the change it describes; a retry with the same key and body gets it again (with
//    `Idempotent-Replayed: true`), a retry with another body 400 on "Idempotency-Key".
#pragma once

#include <stdexcept>

#include "common/time.hpp"
#include "server/router.hpp"
#include "storage/database.hpp"
#include "storage/field_cipher.hpp"

namespace allmende::access {

class RequestGuard {
 public:
  // `cipher` keys the digest of stored request bodies (a body may hold a password); null in tests.
  RequestGuard(storage::Database& db, const TimeSource& clock, const storage::FieldCipher* cipher = nullptr)
      : db_(db), clock_(clock), cipher_(cipher) {}

  // Checks every route of `router` against the policy (an action it does not know throws
  // std::logic_error: start-up fails) and makes the router run its routes through this guard.
  void Install(http::Router& router);

  Result<http::Response> Run(const http::Route& route, const http::Request& request);

 private:
  storage::Database& db_;
  const TimeSource& clock_;
  const storage::FieldCipher* cipher_;
};

}  // namespace allmende::access
