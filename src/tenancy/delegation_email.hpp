// The e-mail that offers a delegation, in the client's language. It is the same whether or not
// the address has an account: the link lets the owner of the mailbox sign in or create one.
#pragma once

#include <string>

#include "identity/emails.hpp"

namespace allmende::tenancy {

// `language` is one of fi, sv, en, de, da (anything else gives English); `client_name` names who
// offers it, `scope` (all, services, access_log) what the delegate may do, `link` the single-use
// link valid 7 days.
identity::EmailText ComposeDelegationInvitation(const std::string& language, const std::string& client_name,
                                                const std::string& scope, const std::string& link);

}  // namespace allmende::tenancy
