// RFC 9457 problem details: the one place that turns an Error into an HTTP status and body.
#pragma once

#include <string_view>

#include "common/result.hpp"
#include "server/http.hpp"

namespace allmende::http {

// The HTTP status for an error code. Nothing else in the code base chooses an error status.
int StatusFor(ErrorCode code);

// An application/problem+json response. For kInternal the detail is replaced by a generic text
// naming the request id, so no SQL, path or stack ever reaches the client.
Response ProblemResponse(const Error& error, std::string_view request_id, std::string_view instance);

// The reason phrase of a status ("Not Found").
std::string_view StatusTitle(int status);

}  // namespace allmende::http
