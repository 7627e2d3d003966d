#include "server/problem.hpp"

#include <string>

#include "common/json.hpp"

namespace allmende::http {

int StatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kBadRequest:
      return 400;
    case ErrorCode::kInvalidArgument:
      return 422;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kMethodNotAllowed:
      return 405;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kPermissionDenied:
    case ErrorCode::kMfaRequired:
      return 403;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kPreconditionFailed:
      return 412;
    case ErrorCode::kPayloadTooLarge:
      return 413;
    case ErrorCode::kUnsupportedMediaType:
      return 415;
    case ErrorCode::kHeadersTooLarge:
      return 431;
    case ErrorCode::kRequestTimeout:
      return 408;
    case ErrorCode::kTooManyRequests:
      return 429;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

std::string_view StatusTitle(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 204:
      return "No Content";
    case 304:
      return "Not Modified";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 412:
      return "Precondition Failed";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "Error";
  }
}

Response ProblemResponse(const Error& error, std::string_view request_id, std::string_view instance) {
  int status = StatusFor(error.code);
  std::string detail = error.code == ErrorCode::kInternal ? "An unexpected error occurred. Please quote request id " +
                                                                std::string(request_id) + " when reporting it."
                                                          : error.message;
  std::string type(ErrorCodeName(error.code));
  for (char& c : type) c = c == '_' ? '-' : c;
  std::string body;
  body.reserve(256 + detail.size());
  body += "{\"type\":\"urn:allmende:problem:";
  body += type;
  body += "\",\"title\":\"";
  AppendJsonEscaped(body, StatusTitle(status));
  body += "\",\"status\":";
  body += std::to_string(status);
  body += ",\"detail\":\"";
  AppendJsonEscaped(body, detail);
  body += "\",\"instance\":\"";
  AppendJsonEscaped(body, instance);
  body += "\",\"request_id\":\"";
  AppendJsonEscaped(body, request_id);
  body += "\"";
  if (!error.current_state.empty()) {
    body += ",\"current_state\":\"";
    AppendJsonEscaped(body, error.current_state);
    body += "\"";
  }
  if (!error.fields.empty()) {
    body += ",\"errors\":[";
    for (std::size_t i = 0; i < error.fields.size(); ++i) {
      body += i ? ",{\"field\":\"" : "{\"field\":\"";
      AppendJsonEscaped(body, error.fields[i].field);
      body += "\",\"message\":\"";
      AppendJsonEscaped(body, error.fields[i].message);
      body += "\"}";
    }
    body += "]";
  }
  body += "}";
  Response r;
  r.status = status;
  r.content_type = "application/problem+json";
  if (error.retry_after_seconds > 0) r.headers.emplace_back("Retry-After", std::to_string(error.retry_after_seconds));
  r.body = std::move(body);
  return r;
}

}  // namespace allmende::http
