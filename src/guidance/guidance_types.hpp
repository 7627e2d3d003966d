// The advice desk's own records: contacts with clients (calls, visits, chats, e-mails) and the
// taxonomy of what they are about.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace allmende::guidance {

struct AdviceTopic {
  std::string code;
  std::map<std::string, std::string> names;  // language → name
};

struct NewContact {
  std::string channel;  // phone, service_point, home_visit, chat, email
  std::vector<std::string> topics;
  int duration_minutes = 0;
  std::string outcome;                     // informed, order_placed, referred, follow_up, no_action
  std::string note;                        // sensitive free text: sealed at rest
  std::optional<std::string> occurred_at;  // RFC 3339; default: now
};

struct Contact {
  std::string id;
  std::string region_id;
  std::string client_id;
  std::string advisor_id;
  std::string advisor_name;
  std::string organization_id;
  std::string organization_name;
  std::string channel;
  std::vector<std::string> topics;
  int duration_minutes = 0;
  std::string outcome;
  std::string note;  // opened for the reader
  std::string occurred_at;
  std::string created_at;
};

}  // namespace allmende::guidance
