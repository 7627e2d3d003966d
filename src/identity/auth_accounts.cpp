// Accounts: made by a platform admin, prepared for a newcomer whom a link lets in, and the demo
// people. Part of AuthService (auth_service.hpp); log-in and sessions are in auth_service.cpp.
#include "access/access_log.hpp"
#include "common/ids.hpp"
#include "common/validate.hpp"
#include "identity/auth_service.hpp"
#include "identity/emails.hpp"
#include "identity/identity_store.hpp"
#include "identity/password.hpp"

namespace allmende::identity {

Result<User> AuthService::CreateUser(const access::Actor& actor, const NewUser& in) {
  const std::optional<http::Principal>& principal = actor.principal;
  ALLMENDE_TRY(db_.Read([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_TRY(access::Authorize(c, principal, access::Action::kUserCreate, {}, clock_.Now()));
    return Ok();
  }));
  std::vector<FieldError> errors;
  std::string email = NormalizeEmail(in.email);
  if (email.empty()) errors.push_back({"email", "is not an e-mail address"});
  if (auto problem = PersonNameProblem(in.name)) errors.push_back({"name", *problem});
  if (!IsLanguage(in.language)) errors.push_back({"language", LanguageProblem()});
  std::optional<std::string> phone = in.phone;
  if (phone && !phone->empty()) {
    auto normal = NormalizePhone(*phone);
    if (normal.ok()) {
      phone = *normal;
    } else {
      errors.push_back(normal.error().fields.at(0));
    }
  } else {
    phone.reset();
  }
  if (in.platform_role && *in.platform_role != "platform_admin") {
    errors.push_back({"platform_role", "must be platform_admin or absent"});
  }
  if (in.password) {
    for (auto& p : PasswordProblems(*in.password, email, in.name)) errors.push_back({"password", p});
  }
  if (!errors.empty()) return Error::Invalid(std::move(errors));
  std::optional<std::string> hash;
  if (in.password) {
    ALLMENDE_ASSIGN_OR_RETURN(hash, HashPassword(*in.password));
  }
  Timestamp now = clock_.Now();
  std::string now_text = FormatRfc3339(now);
  User user{NewId("usr"), email,    in.name,  phone, in.language, hash, in.platform_role,
            std::nullopt, now_text, now_text, 1};
  return db_.WriteValue<User>([&](storage::Connection& c) -> Result<User> {
    ALLMENDE_TRY(access::AuthorizeAndRecord(c, actor, access::Action::kUserCreate, {},
                                            {.action = "user.create", .subject_type = "user", .subject_id = user.id},
                                            now));
    auto inserted = UserStore::Insert(c, user);
    if (!inserted.ok()) {
      if (inserted.error().code == ErrorCode::kConflict) return Error::Invalid("email", "already has an account");
      return std::move(inserted).error();
    }
    if (hash) {
      ALLMENDE_TRY(SendLink(c, user, static_cast<int>(EmailKind::kVerifyEmail), "email_verification",
                            std::chrono::minutes(72 * 60), "/verify-email", now));
    } else {
      ALLMENDE_TRY(SendLink(c, user, static_cast<int>(EmailKind::kSetPassword), "set_password",
                            std::chrono::minutes(72 * 60), "/reset-password", now));
    }
    return user;
  });
}

Result<User> AuthService::PrepareVerifiedUser(const std::string& email_text, const std::string& name,
                                              const std::string& password, const std::string& language) {
  std::vector<FieldError> errors;
  std::string email = NormalizeEmail(email_text);
  if (email.empty()) errors.push_back({"email", "is not an e-mail address"});
  if (auto problem = PersonNameProblem(name)) errors.push_back({"name", *problem});
  if (!IsLanguage(language)) errors.push_back({"language", LanguageProblem()});
  for (auto& p : PasswordProblems(password, email, name)) errors.push_back({"password", p});
  if (!errors.empty()) return Error::Invalid(std::move(errors));
  ALLMENDE_ASSIGN_OR_RETURN(std::string hash, HashPassword(password));
  std::string now = FormatRfc3339(clock_.Now());
  return User{NewId("usr"), email, name, std::nullopt, language, hash, std::nullopt, now, now, now, 1};
}

Result<void> AuthService::InsertUser(storage::Connection& c, const User& user) {
  auto inserted = UserStore::Insert(c, user);
  if (!inserted.ok() && inserted.error().code == ErrorCode::kConflict) {
    return Error::Invalid("email", "already has an account: sign in and accept the invitation");
  }
  return inserted;
}

Result<std::optional<User>> AuthService::FindByEmail(const std::string& email) {
  std::string normalized = NormalizeEmail(email);
  return db_.ReadValue<std::optional<User>>(
      [&](storage::Connection& c) { return UserStore::GetByEmail(c, normalized); });
}

Result<User> AuthService::EnsureUser(const NewUser& in, bool verified) {
  std::string email = NormalizeEmail(in.email);
  if (email.empty()) return Error::Invalid("email", "is not an e-mail address");
  std::optional<std::string> hash;
  if (in.password) {
    ALLMENDE_ASSIGN_OR_RETURN(hash, HashPassword(*in.password));
  }
  std::string now = FormatRfc3339(clock_.Now());
  return db_.WriteValue<User>([&](storage::Connection& c) -> Result<User> {
    ALLMENDE_ASSIGN_OR_RETURN(auto existing, UserStore::GetByEmail(c, email));
    if (existing) {
      if (hash) ALLMENDE_TRY(UserStore::SetPassword(c, existing->id, *hash, now));
      if (in.demo_account) ALLMENDE_TRY(UserStore::MarkDemoAccount(c, existing->id));
      return RequireUser(c, existing->id);
    }
    User user{NewId("usr"),
              email,
              in.name,
              in.phone,
              in.language,
              hash,
              in.platform_role,
              verified ? std::optional<std::string>(now) : std::nullopt,
              now,
              now,
              1};
    ALLMENDE_TRY(UserStore::Insert(c, user));
    if (in.demo_account) ALLMENDE_TRY(UserStore::MarkDemoAccount(c, user.id));
    return RequireUser(c, user.id);
  });
}

Result<User> AuthService::PrepareNewCustomer(const std::string& email, const std::string& name,
                                             const std::string& password, const std::string& language,
                                             const std::optional<std::string>& phone) {
  std::optional<std::string> normal_phone;
  std::vector<FieldError> errors;
  if (phone && !phone->empty()) {
    auto normal = NormalizePhone(*phone);
    if (normal.ok()) {
      normal_phone = *normal;
    } else {
      errors.push_back(normal.error().fields.at(0));
    }
  }
  auto user = PrepareVerifiedUser(email, name, password, language);
  if (!user.ok()) {
    for (const auto& f : user.error().fields) errors.push_back(f);
    return Error::Invalid(std::move(errors));
  }
  if (!errors.empty()) return Error::Invalid(std::move(errors));
  user->email_verified_at.reset();
  user->phone = normal_phone;
  return user;
}

Result<User> AuthService::AddPersonWithoutAccount(storage::Connection& c, const std::string& name,
                                                  const std::string& email, const std::optional<std::string>& phone,
                                                  const std::string& language, Timestamp now) {
  if (!email.empty()) {
    ALLMENDE_ASSIGN_OR_RETURN(auto existing, UserStore::GetByEmail(c, email));
    if (existing) {
      return Error::Invalid("email", "A person with this e-mail address has an account: search for them instead.");
    }
  }
  const std::string at = FormatRfc3339(now);
  User user{NewId("usr"), email, name, phone, language, std::nullopt, std::nullopt, std::nullopt, at, at, 1};
  ALLMENDE_TRY(UserStore::Insert(c, user));
  return user;
}

}  // namespace allmende::identity
