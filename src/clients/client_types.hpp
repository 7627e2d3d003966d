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

// A consent a client gave for something done on their behalf (client_consents): an order the
// advice desk placed for them, and with it the provider's access to what the delivery needs.
struct Consent {
  std::string id;
  std::string region_id;
  std::string client_id;
  std::string purpose = "order";
  std::optional<std::string> organization_id;    // the provider it lets in (nullopt: whoever accepts the order)
  std::optional<std::string> organization_name;  // read only
  std::optional<std::string> order_id;
  std::string given_how;  // phone, in_person, written, digital
  std::string given_by;   // who gave it, in words ("Aino Virtanen", "Liisa Virtanen, daughter")
  std::string recorded_by;
  std::string recorded_by_name;            // read only
  std::optional<std::string> valid_until;  // RFC 3339; nullopt: until withdrawn
  std::optional<std::string> withdrawn_at;
  std::optional<std::string> withdrawn_by;
  std::optional<std::string> withdrawn_by_name;  // read only
  std::string created_at;

  // active, withdrawn or expired at `now` (RFC 3339).
  std::string StateAt(const std::string& now) const {
    if (withdrawn_at) return "withdrawn";
    if (valid_until && *valid_until <= now) return "expired";
    return "active";
  }
};

}  // namespace allmende::clients
