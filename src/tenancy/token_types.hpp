// Organization API tokens: what is stored of one (never its secret) and what a new one asks for.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace allmende::tenancy {

struct ApiToken {
  std::string id;  // "tok_…"
  std::string organization_id;
  std::string name;
  std::vector<std::string> scopes;
  std::string prefix;  // the first characters of the secret, to recognise it
  std::string created_by;
  std::string created_by_name;
  std::string created_at;
  std::string expires_at;
  std::optional<std::string> last_used_at;
  std::optional<std::string> revoked_at;
};

struct NewApiToken {
  std::string name;
  std::vector<std::string> scopes;
  std::int64_t expires_in_days = 90;
};

}  // namespace allmende::tenancy
