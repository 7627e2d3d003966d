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

// Another record that may be the same person: registered twice, or a relative's record mixed up.
struct LookAlike {
  std::string id;
  std::string name;
  std::optional<std::string> birth_date;
  std::optional<std::string> municipality_name;
  std::string reason;  // name_and_birth_date, phone, identity_code
};

struct ClientRecord {
  std::string id;  // the person's user id
  std::string name;
  std::string email;  // empty: none (a client registered at the desk without an address)
  std::optional<std::string> phone;
  std::string language;
  std::string region_id;
  std::string created_at;
  std::int64_t version = 1;
  std::vector<ClientRelation> relations;
  std::optional<std::string> birth_date = {};
  std::optional<std::string> street = {};
  std::optional<std::string> postal_code = {};
  std::optional<std::string> city = {};
  std::optional<std::string> municipality_code = {};
  std::optional<std::string> municipality_name = {};
  std::optional<std::string> identity_code_masked = {};  // "131052-****"; the code itself is revealed on request
  std::optional<std::string> merged_into = {};
  std::vector<LookAlike> look_alikes = {};  // for the region's staff only
};

// What the advice desk registers: a person known by name and birth date (or identity code).
struct NewClient {
  std::string name;
  std::optional<std::string> birth_date;
  std::optional<std::string> identity_code;
  std::optional<std::string> street;
  std::optional<std::string> postal_code;
  std::optional<std::string> city;
  std::optional<std::string> municipality_code;
  std::optional<std::string> phone;
  std::optional<std::string> email;
  std::optional<std::string> language;  // default: the region's
};

// The advice desk's search: any of the four, combined with AND.
struct ClientQuery {
  std::string q;  // name words, in any order, typos allowed
  std::optional<std::string> birth_date;
  std::optional<std::string> phone;
  std::optional<std::string> identity_code;
  int limit = 20;
};

struct ClientHit {
  std::string id;
  std::string name;
  std::optional<std::string> birth_date;
  std::optional<std::string> municipality_name;
  std::optional<std::string> street;
  std::optional<std::string> phone;
  double score = 0.0;  // 1: the name as written; lower: prefix or typo
};

// A client as an organization's list shows them: who, and how the organization is related.
struct ClientOfOrganization {
  std::string client_id;
  std::string name;
  std::string relation;  // provider, purchaser
  std::string since;
};

}  // namespace allmende::clients
