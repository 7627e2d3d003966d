// The e-mails of src/quality/ in the recipient's language: a case's new status or a reply to the
// person who filed it, and the request to rate a confirmed visit (sent by src/orders/).
#pragma once

#include <cstdint>
#include <string>

#include "identity/emails.hpp"

namespace allmende::quality {

// `kind`: changed (the case moved to `state`) or reply (the coordinators answered). `language`
// one of fi, sv, en, de, da (anything else gives English); `link` the case's page.
identity::EmailText ComposeCaseEmail(const std::string& kind, const std::string& language, std::int64_t number,
                                     const std::string& state, const std::string& link);

// "How did the visit go?": `service` names it, `date` is the visit's local date, `link` the
// rating page.
identity::EmailText ComposeRatingRequest(const std::string& language, const std::string& service,
                                         const std::string& date, const std::string& link);

}  // namespace allmende::quality
