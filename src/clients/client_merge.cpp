// Merging two records of the same person (ClientRegistry::Merge): the checks that they are one
// person and the coordinator's, then RegistryStore::Merge moves every reference.
#include "access/access_log.hpp"
#include "clients/client_registry.hpp"
#include "clients/client_registry_store.hpp"
#include "clients/client_store.hpp"

namespace allmende::clients {

Result<ClientRecord> ClientRegistry::Merge(const access::Actor& actor, const std::string& keep,
                                           const std::string& duplicate) {
  const Timestamp now = clock_.Now();
  auto done = db_.WriteValue<ClientRecord>([&](storage::Connection& c) -> Result<ClientRecord> {
    ALLMENDE_ASSIGN_OR_RETURN(
        auto decision, access::Authorize(c, actor.principal, access::Action::kClientMerge, {.client_id = keep}, now));
    if (duplicate.empty()) return Error::Invalid("duplicate_id", "Name the record that goes into this one.");
    if (duplicate == keep) return Error::Invalid("duplicate_id", "A record cannot be merged into itself.");
    // The duplicate must be the coordinator's to merge as well; a stranger's id is not found.
    auto other = access::Authorize(c, actor.principal, access::Action::kClientMerge, {.client_id = duplicate}, now);
    if (!other.ok()) return Error::Invalid("duplicate_id", "No client of your region has this id.");
    ALLMENDE_ASSIGN_OR_RETURN(auto kept, ClientStore::Get(c, keep));
    ALLMENDE_ASSIGN_OR_RETURN(auto gone, ClientStore::Get(c, duplicate));
    if (!kept || !gone) return Error::NotFound("No such client.");
    if (kept->merged_into || gone->merged_into) {
      return Error::IllegalTransition("One of the records was merged already.", "merged");
    }
    if (kept->region_id != gone->region_id) return Error::Invalid("duplicate_id", "The records are of two regions.");
    // Two birth dates or two identity codes are two people, however alike their names.
    if (kept->birth_date && gone->birth_date && kept->birth_date != gone->birth_date) {
      return Error::Conflict("The records have different birth dates: they are two people.");
    }
    if (kept->identity_code_masked && gone->identity_code_masked) {
      ALLMENDE_ASSIGN_OR_RETURN(auto kept_code, RegistryStore::SealedIdentityCode(c, keep));
      ALLMENDE_ASSIGN_OR_RETURN(auto gone_code, RegistryStore::SealedIdentityCode(c, duplicate));
      ALLMENDE_ASSIGN_OR_RETURN(std::string a, cipher_.Open(kept_code.value_or("")));
      ALLMENDE_ASSIGN_OR_RETURN(std::string b, cipher_.Open(gone_code.value_or("")));
      if (a != b) return Error::Conflict("The records have different identity codes: they are two people.");
    }
    ALLMENDE_ASSIGN_OR_RETURN(bool has_account, RegistryStore::HasAccount(c, duplicate));
    if (has_account) {
      return Error::Conflict(
          "The record that would go has an account its person signs in with: merge it the other way round.");
    }
    const std::string now_text = FormatRfc3339(now);
    ALLMENDE_TRY(RegistryStore::Merge(c, duplicate, keep, now_text));
    ALLMENDE_TRY(NameChanged(c, bus_, duplicate));
    for (const auto& id : {keep, duplicate}) {
      ALLMENDE_TRY(access::AppendAccess(c, decision,
                                        {.action = "client.merge",
                                         .subject_type = "client",
                                         .subject_id = id == keep ? duplicate : keep,
                                         .client_id = id,
                                         .region_id = kept->region_id,
                                         .purpose = actor.purpose},
                                        actor.request_id, now));
    }
    ALLMENDE_ASSIGN_OR_RETURN(auto merged, ClientStore::Get(c, keep));
    if (!merged) return Error::Internal("The merged record could not be read back.");
    ALLMENDE_ASSIGN_OR_RETURN(merged->look_alikes, LookAlikes(c, merged->region_id, merged->id, merged->name,
                                                              merged->birth_date, merged->phone));
    return std::move(*merged);
  });
  if (done.ok()) names_.Remove(duplicate);  // no longer found here; other processes follow the event
  return done;
}

}  // namespace allmende::clients
