// The texts of the e-mails identity sends, in the recipient's language.
#pragma once

#include <string>

namespace allmende::identity {

enum class EmailKind {
  kPasswordReset,
  kSetPassword,
  kVerifyEmail,
  kLockedOut,
  kInvitation,
  kSecondFactorOn,
  kSecondFactorOff,
  kSecondFactorLocked,
};

struct EmailText {
  std::string subject;
  std::string body;
};

// `language` is one of fi, sv, en, de, da (anything else gives English); `link` may be empty
// for kinds without one; `detail` fills the {} of texts that name something (the organization
// of an invitation).
EmailText ComposeEmail(EmailKind kind, const std::string& language, const std::string& name, const std::string& link,
                       const std::string& detail = "");

}  // namespace allmende::identity
