// The policy's table: for each action, the grants that allow it (who, where, through which
// relation, with which default purpose). Internal to src/access: policy.cpp decides with it,
// policy_rules.cpp holds it so that a new action is one entry in one place.
#pragma once

#include <string_view>
#include <vector>

#include "access/policy.hpp"

namespace allmende::access::internal {

// Who a grant is for.
enum class Who {
  kAnySignedIn,    // any person or token
  kPlatformAdmin,  // platform admin (session with a second factor, or the bootstrap token)
  kSelf,           // the person themself: the target client is the principal
  kClient,         // likewise, and the person is a client of a region (has a row in clients)
  kDelegate,       // someone the client delegated to, with one of `names` as scope
  kMember,         // a member with one of `names` as role, in an organization `where` says
  kToken,          // an organization API token with one of `names` as scope, its organization `where` says
};

// Which organizations a membership or token must belong to.
enum class Where {
  kAnywhere,
  kTargetOrganization,
  kTargetRegion,     // an organization of the target region
  kClientRegion,     // an organization of the client's region
  kClientProvider,   // an organization assigned to the client as provider now
  kClientPurchaser,  // an organization paying for the client's services now
};

struct Grant {
  Who who;
  std::vector<std::string_view> names = {};
  Where where = Where::kAnywhere;
  std::string_view relation = {};
  std::string_view purpose = {};
};

// What an action does to the client it names (Target::client_id).
enum class Effect {
  kOther,
  // Adds to or changes the client's record: refused (409, current_state "merged") on a record
  // merged into another, whose data now lives on the kept record (a desk with the old record open).
  kChangesClient,
};

struct Rule {
  Action action;
  std::string_view name;
  std::vector<Grant> grants;
  Effect effect = Effect::kOther;
};

// Every action's rule, one per action.
const std::vector<Rule>& Rules();

}  // namespace allmende::access::internal
