// The e-mails an order sends to the client (or whoever placed it), in the recipient's language.
#pragma once

#include <string>

#include "identity/emails.hpp"

namespace allmende::orders {

// `kind`: placed, accepted, declined, expired, cancelled. `language` one of fi, sv, en, de, da
// (anything else gives English); `service` names what was ordered, `provider` who delivers (may
// be empty), `first_visit` the first visit's local date and time ("2026-12-01 10:00"), `link` the
// order's page. `by_desk`: the advice desk placed the order for the client with their consent,
// which the placed mail says.
identity::EmailText ComposeOrderEmail(const std::string& kind, const std::string& language, const std::string& service,
                                      const std::string& provider, const std::string& first_visit,
                                      const std::string& link, bool by_desk = false);

}  // namespace allmende::orders
