// Result<T> and Error: errors as values across every layer of Allmende.
#pragma once

#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace allmende {

// What went wrong, in the vocabulary of the API. Exactly one function (server/problem.cpp)
// turns a code into an HTTP status.
enum class ErrorCode {
  kBadRequest,            // the request could not be read: malformed syntax, invalid JSON
  kInvalidArgument,       // the request was read but a field is wrong; see Error::fields
  kNotFound,              // the thing asked for does not exist (or is invisible to the caller)
  kMethodNotAllowed,      // the path exists but not with this method
  kConflict,              // the state of the thing forbids the change, or someone else won
  kPermissionDenied,      // authenticated, but not allowed
  kMfaRequired,           // allowed only after a second factor, which this session has not shown
  kUnauthenticated,       // no valid credentials
  kPreconditionFailed,    // If-Match did not match
  kPayloadTooLarge,       // body over the route's limit
  kUnsupportedMediaType,  // wrong Content-Type
  kHeadersTooLarge,       // request header block over the limit
  kRequestTimeout,        // the client did not send the request within the deadline
  kTooManyRequests,       // throttled
  kUnavailable,           // a dependency (the database) is not reachable now; retry later
  kInternal,              // a bug or an unexpected failure; details go to the log only
};

// Stable machine name of a code ("not_found"), used in problem types and logs.
std::string_view ErrorCodeName(ErrorCode code);

// One wrong field of a request: a JSON path ("address.postal_code", "items[2].quantity").
struct FieldError {
  std::string field;
  std::string message;
  bool operator==(const FieldError&) const = default;
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::vector<FieldError> fields;  // set for kInvalidArgument
  int retry_after_seconds = 0;     // set for kTooManyRequests and kUnavailable: the Retry-After header
  std::string current_state = {};  // set for a transition the state machine forbids: the state it is in

  static Error BadRequest(std::string m) { return {ErrorCode::kBadRequest, std::move(m), {}}; }
  static Error Invalid(std::vector<FieldError> f) {
    return {ErrorCode::kInvalidArgument, "The request has invalid fields.", std::move(f)};
  }
  static Error Invalid(std::string field, std::string message) {
    return Invalid(std::vector<FieldError>{{std::move(field), std::move(message)}});
  }
  static Error NotFound(std::string m) { return {ErrorCode::kNotFound, std::move(m), {}}; }
  static Error Conflict(std::string m) { return {ErrorCode::kConflict, std::move(m), {}}; }
  // A transition the state machine does not allow from `state` (409 naming the current state).
  static Error IllegalTransition(std::string m, std::string state) {
    return {ErrorCode::kConflict, std::move(m), {}, 0, std::move(state)};
  }
  static Error PermissionDenied(std::string m) { return {ErrorCode::kPermissionDenied, std::move(m), {}}; }
  static Error MfaRequired(std::string m) { return {ErrorCode::kMfaRequired, std::move(m), {}}; }
  static Error Unauthenticated(std::string m) { return {ErrorCode::kUnauthenticated, std::move(m), {}}; }
  static Error Unavailable(std::string m) { return {ErrorCode::kUnavailable, std::move(m), {}}; }
  static Error Internal(std::string m) { return {ErrorCode::kInternal, std::move(m), {}}; }
  static Error TooManyRequests(std::string m, int retry_after) {
    return {ErrorCode::kTooManyRequests, std::move(m), {}, retry_after};
  }
};

// Either a T or an Error. Check with `ok()` / `operator bool` before `value()`.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const& { return std::get<1>(v_); }
  Error&& error() && { return std::get<1>(std::move(v_)); }

 private:
  std::variant<T, Error> v_;
};

// Result<void>: success carries nothing.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const& { return error_; }
  Error&& error() && { return std::move(error_); }

 private:
  Error error_;
  bool ok_ = true;
};

inline Result<void> Ok() { return {}; }

}  // namespace allmende

// Evaluates a Result expression and returns its error from the enclosing function if it failed.
#define ALLMENDE_TRY(expr)                            \
  do {                                                \
    auto allmende_try_result_ = (expr);               \
    if (!allmende_try_result_.ok()) {                 \
      return std::move(allmende_try_result_).error(); \
    }                                                 \
  } while (false)

#define ALLMENDE_CONCAT_INNER(a, b) a##b
#define ALLMENDE_CONCAT(a, b) ALLMENDE_CONCAT_INNER(a, b)
// Declares `lhs` from a Result's value or returns its error: ALLMENDE_ASSIGN_OR_RETURN(auto row, q.One());
#define ALLMENDE_ASSIGN_OR_RETURN(lhs, expr) \
  ALLMENDE_ASSIGN_OR_RETURN_IMPL(ALLMENDE_CONCAT(allmende_result_, __LINE__), lhs, expr)
#define ALLMENDE_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                                   \
  if (!tmp.ok()) return std::move(tmp).error();        \
  lhs = std::move(tmp).value()
