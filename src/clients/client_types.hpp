// The client record: a person who receives services in a region, and the organizations that serve
// or pay for them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace allmende::clients {

struct ClientRelation {
  std::string organization_id;
  std::string organization_name;
  std::string relation;  // provider, purchaser
  std::string valid_from;
  std::optional<std::string> valid_until;
};

struct ClientRecord {
  std::string id;  // the person's user id
  std::string name;
  std::string email;
  std::optional<std::string> phone;
  std::string language;
  std::string region_id;
  std::string created_at;
  std::int64_t version = 1;
  std::vector<ClientRelation> relations;
};

// A client as an organization's list shows them: who, and how the organization is related.
struct ClientOfOrganization {
  std::string client_id;
  std::string name;
  std::string relation;  // provider, purchaser
  std::string since;
};

}  // namespace allmende::clients
