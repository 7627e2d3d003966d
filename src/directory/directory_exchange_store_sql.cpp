#include "directory/directory_exchange_store.hpp"
#include "directory/directory_json.hpp"

namespace allmende::directory {
namespace {

constexpr std::string_view kProviderColumns =
    "SELECT o.id, o.region_id, o.name, o.kind, o.business_id, p.description, p.email, p.phone, p.website, "
    "p.languages, p.area, p.quality_labels, p.insurance, p.accessibility, p.logo_image_id, p.updated_at, p.version "
    "FROM organizations o LEFT JOIN provider_profiles p ON p.organization_id = o.id "
    "WHERE o.kind IN ('provider_company', 'association', 'volunteer_group') ";
constexpr std::string_view kPublishing =
    "AND o.region_id = $1 AND EXISTS (SELECT 1 FROM services s WHERE s.organization_id = o.id "
    "AND s.published_content IS NOT NULL AND s.state <> 'archived') ";
constexpr std::string_view kCountPublishing =
    "SELECT count(*) FROM organizations o WHERE o.kind IN ('provider_company', 'association', 'volunteer_group') "
    "AND o.region_id = $1 AND EXISTS (SELECT 1 FROM services s WHERE s.organization_id = o.id "
    "AND s.published_content IS NOT NULL AND s.state <> 'archived')";
constexpr std::string_view kPublishedOfRange =
    "SELECT s.id, s.region_id, s.organization_id, o.name, s.state, s.published_content, s.published_at, "
    "s.created_at, s.updated_at, s.version FROM services s JOIN organizations o ON o.id = s.organization_id "
    "WHERE s.region_id = $1 AND s.organization_id >= $2 AND s.organization_id <= $3 "
    "AND s.published_content IS NOT NULL AND s.state <> 'archived' ORDER BY s.organization_id, s.id";
constexpr std::string_view kPurchasers =
    "SELECT id, name FROM organizations WHERE region_id = $1 AND kind IN ('welfare_area', 'municipality', 'employer') "
    "ORDER BY id";
constexpr std::string_view kNameWithBusinessId =
    "SELECT name FROM organizations WHERE region_id = $1 AND business_id = $2";

ProviderRecord ProviderFromRow(const storage::Row& r) {
  ProviderRecord out;
  ProviderProfile& p = out.profile;
  p.organization_id = r.Text(0);
  p.region_id = r.Text(1);
  p.name = r.Text(2);
  p.kind = r.Text(3);
  out.business_id = r.OptText(4);
  if (r.IsNull(16)) return out;  // no profile written yet
  p.description = TextFromStored(r.Text(5));
  p.email = r.Text(6);
  p.phone = r.Text(7);
  p.website = r.Text(8);
  p.languages = ListFromStored(r.Text(9));
  p.area = AreaFromStored(r.Text(10));
  p.quality_labels = ListFromStored(r.Text(11));
  p.insurance = r.Text(12);
  p.accessibility = TextFromStored(r.Text(13));
  p.logo_image_id = r.OptText(14);
  p.updated_at = r.Text(15);
  p.version = r.Int(16);
  return out;
}

Result<std::vector<ProviderRecord>> Providers(storage::Connection& c, const std::string& sql,
                                              const storage::Params& params) {
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(sql, params));
  std::vector<ProviderRecord> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(ProviderFromRow(r));
  return out;
}

}  // namespace

Result<std::vector<ProviderRecord>> DirectoryExchangeStore::PublishingProviders(storage::Connection& c,
                                                                                const std::string& region_id,
                                                                                int offset, int limit) {
  return Providers(c, std::string(kProviderColumns) + std::string(kPublishing) + "ORDER BY o.id LIMIT $2 OFFSET $3",
                   {region_id, static_cast<std::int64_t>(limit), static_cast<std::int64_t>(offset)});
}

Result<std::int64_t> DirectoryExchangeStore::CountPublishingProviders(storage::Connection& c,
                                                                      const std::string& region_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kCountPublishing, {region_id}));
  return row ? row->Int(0) : 0;
}

Result<std::vector<Service>> DirectoryExchangeStore::PublishedOfRange(storage::Connection& c,
                                                                      const std::string& region_id,
                                                                      const std::string& first_org,
                                                                      const std::string& last_org) {
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(kPublishedOfRange, {region_id, first_org, last_org}));
  std::vector<Service> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    ALLMENDE_ASSIGN_OR_RETURN(ServiceContent content, ContentFromStored(r.Text(5)));
    out.push_back(Service{.id = r.Text(0),
                          .region_id = r.Text(1),
                          .organization_id = r.Text(2),
                          .organization_name = r.Text(3),
                          .state = r.Text(4),
                          .published = std::move(content),
                          .draft = std::nullopt,
                          .published_at = r.OptText(6),
                          .review_comment = std::nullopt,
                          .created_at = r.Text(7),
                          .updated_at = r.Text(8),
                          .version = r.Int(9)});
  }
  return out;
}

Result<std::optional<ProviderRecord>> DirectoryExchangeStore::Provider(storage::Connection& c,
                                                                       const std::string& organization_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto rows,
                            Providers(c, std::string(kProviderColumns) + "AND o.id = $1", {organization_id}));
  if (rows.empty()) return std::optional<ProviderRecord>();
  return std::optional<ProviderRecord>(std::move(rows.front()));
}

Result<std::vector<ProviderRecord>> DirectoryExchangeStore::AllProviders(storage::Connection& c) {
  return Providers(c, std::string(kProviderColumns) + "ORDER BY o.id", {});
}

Result<std::vector<NamedOrganization>> DirectoryExchangeStore::Purchasers(storage::Connection& c,
                                                                          const std::string& region_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(kPurchasers, {region_id}));
  std::vector<NamedOrganization> out;
  for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1)});
  return out;
}

Result<std::optional<std::string>> DirectoryExchangeStore::NameWithBusinessId(storage::Connection& c,
                                                                              const std::string& region_id,
                                                                              const std::string& business_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kNameWithBusinessId, {region_id, business_id}));
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(row->Text(0));
}

}  // namespace allmende::directory
