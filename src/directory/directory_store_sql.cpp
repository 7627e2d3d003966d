#include <boost/algorithm/string/split.hpp>

#include "directory/directory_json.hpp"
#include "directory/directory_store.hpp"

namespace allmende::directory {
namespace {

using storage::Value;

constexpr std::string_view kCategories =
    "SELECT code, position, name_fi, name_sv, name_en, name_de, name_da FROM directory_categories ORDER BY position";
constexpr std::string_view kPlaces =
    "SELECT code, kind, municipality_code, name_fi, name_sv, postal_codes FROM directory_places "
    "ORDER BY CASE kind WHEN 'municipality' THEN 0 ELSE 1 END, code";
constexpr std::string_view kProfile =
    "SELECT o.id, o.region_id, o.name, o.kind, p.description, p.email, p.phone, p.website, p.languages, p.area, "
    "p.quality_labels, p.insurance, p.accessibility, p.logo_image_id, p.updated_at, p.version "
    "FROM organizations o LEFT JOIN provider_profiles p ON p.organization_id = o.id WHERE o.id = $1";
constexpr std::string_view kInsertProfile =
    "INSERT INTO provider_profiles (organization_id, region_id, description, email, phone, website, languages, area, "
    "quality_labels, insurance, accessibility, logo_image_id, updated_at, updated_by, version) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 1) ON CONFLICT (organization_id) DO NOTHING";
constexpr std::string_view kUpdateProfile =
    "UPDATE provider_profiles SET description = $3, email = $4, phone = $5, website = $6, languages = $7, area = $8, "
    "quality_labels = $9, insurance = $10, accessibility = $11, logo_image_id = $12, updated_at = $13, "
    "updated_by = $14, version = version + 1 WHERE organization_id = $1 AND region_id = $2 AND version = $15";

constexpr std::string_view kServiceColumns =
    "SELECT s.id, s.region_id, s.organization_id, o.name, s.state, s.published_content, s.draft_content, "
    "s.published_at, s.review_comment, s.created_at, s.updated_at, s.version "
    "FROM services s JOIN organizations o ON o.id = s.organization_id ";
constexpr std::string_view kInsertService =
    "INSERT INTO services (id, region_id, organization_id, state, published_content, draft_content, published_at, "
    "review_comment, created_at, created_by, updated_at, version) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1)";
constexpr std::string_view kUpdateService =
    "UPDATE services SET state = $2, published_content = $3, draft_content = $4, published_at = $5, "
    "review_comment = $6, updated_at = $7, version = version + 1 WHERE id = $1 AND version = $8";
constexpr std::string_view kInsertEvent =
    "INSERT INTO service_events (id, region_id, service_id, action, actor_id, comment, at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7)";
constexpr std::string_view kEvents =
    "SELECT e.id, e.service_id, e.action, e.actor_id, u.name, e.comment, e.at FROM service_events e "
    "JOIN users u ON u.id = e.actor_id WHERE e.service_id = $1 ORDER BY e.at, e.id";
constexpr std::string_view kInsertImage =
    "INSERT INTO directory_images (id, region_id, organization_id, content_type, width, height, byte_size, "
    "data_base64, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
constexpr std::string_view kImageOwner = "SELECT organization_id FROM directory_images WHERE id = $1";
constexpr std::string_view kGetImage =
    "SELECT id, region_id, organization_id, content_type, width, height, byte_size, data_base64, created_at, "
    "created_by FROM directory_images WHERE id = $1";
constexpr std::string_view kChangedSince = "SELECT id FROM services WHERE updated_at >= $1 ORDER BY id";
constexpr std::string_view kRegionByCode = "SELECT id FROM regions WHERE code = $1";
constexpr std::string_view kCountServices = "SELECT count(*) FROM services WHERE region_id = $1";

Value Opt(const std::optional<std::string>& v) { return v ? Value(*v) : Value(nullptr); }

Result<Service> ServiceFromRow(const storage::Row& r) {
  Service s{.id = r.Text(0),
            .region_id = r.Text(1),
            .organization_id = r.Text(2),
            .organization_name = r.Text(3),
            .state = r.Text(4),
            .published = std::nullopt,
            .draft = std::nullopt,
            .published_at = r.OptText(7),
            .review_comment = r.OptText(8),
            .created_at = r.Text(9),
            .updated_at = r.Text(10),
            .version = r.Int(11)};
  if (!r.IsNull(5)) {
    ALLMENDE_ASSIGN_OR_RETURN(s.published, ContentFromStored(r.Text(5)));
  }
  if (!r.IsNull(6)) {
    ALLMENDE_ASSIGN_OR_RETURN(s.draft, ContentFromStored(r.Text(6)));
  }
  return s;
}

Result<std::vector<Service>> Services(storage::Connection& c, std::string sql, const storage::Params& params) {
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(sql, params));
  std::vector<Service> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    ALLMENDE_ASSIGN_OR_RETURN(Service s, ServiceFromRow(r));
    out.push_back(std::move(s));
  }
  return out;
}

// Keyset pages by (updated_at, id): the cursor is "<updated_at>~<id>" of the last row.
std::pair<std::string, std::string> SplitCursor(const std::string& cursor) {
  auto at = cursor.find('~');
  if (at == std::string::npos) return {"", ""};
  return {cursor.substr(0, at), cursor.substr(at + 1)};
}

ServicePage Page(std::vector<Service> rows, int limit) {
  ServicePage page;
  if (static_cast<int>(rows.size()) > limit) {
    rows.resize(limit);
    page.next_cursor = rows.back().updated_at + "~" + rows.back().id;
  }
  page.items = std::move(rows);
  return page;
}

}  // namespace

Result<std::vector<Category>> DirectoryStore::Categories(storage::Connection& c) {
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(kCategories, {}));
  std::vector<Category> out;
  for (const auto& r : rows) {
    out.push_back({r.Text(0),
                   static_cast<int>(r.Int(1)),
                   {{"fi", r.Text(2)}, {"sv", r.Text(3)}, {"en", r.Text(4)}, {"de", r.Text(5)}, {"da", r.Text(6)}}});
  }
  return out;
}

Result<std::vector<Place>> DirectoryStore::Places(storage::Connection& c) {
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(kPlaces, {}));
  std::vector<Place> out;
  for (const auto& r : rows) {
    Place p{r.Text(0), r.Text(1), r.Text(2), {{"fi", r.Text(3)}}, {}};
    if (auto sv = r.OptText(4)) p.name["sv"] = *sv;
    std::string codes = r.Text(5);
    boost::algorithm::split(p.postal_codes, codes, [](char ch) { return ch == ' '; });
    std::erase(p.postal_codes, std::string());
    out.push_back(std::move(p));
  }
  return out;
}

Result<std::optional<ProviderProfile>> DirectoryStore::Profile(storage::Connection& c,
                                                               const std::string& organization_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kProfile, {organization_id}));
  if (!row) return std::optional<ProviderProfile>();
  const storage::Row& r = *row;
  ProviderProfile p;
  p.organization_id = r.Text(0);
  p.region_id = r.Text(1);
  p.name = r.Text(2);
  p.kind = r.Text(3);
  if (r.IsNull(15)) return std::optional<ProviderProfile>(std::move(p));
  p.description = TextFromStored(r.Text(4));
  p.email = r.Text(5);
  p.phone = r.Text(6);
  p.website = r.Text(7);
  p.languages = ListFromStored(r.Text(8));
  p.area = AreaFromStored(r.Text(9));
  p.quality_labels = ListFromStored(r.Text(10));
  p.insurance = r.Text(11);
  p.accessibility = TextFromStored(r.Text(12));
  p.logo_image_id = r.OptText(13);
  p.updated_at = r.Text(14);
  p.version = r.Int(15);
  return std::optional<ProviderProfile>(std::move(p));
}

Result<bool> DirectoryStore::SaveProfile(storage::Connection& c, const ProviderProfile& p, const std::string& actor_id,
                                         std::int64_t expected_version) {
  storage::Params params{p.organization_id,
                         p.region_id,
                         StoredText(p.description),
                         p.email,
                         p.phone,
                         p.website,
                         StoredList(p.languages),
                         StoredArea(p.area),
                         StoredList(p.quality_labels),
                         p.insurance,
                         StoredText(p.accessibility),
                         Opt(p.logo_image_id),
                         p.updated_at,
                         actor_id};
  if (expected_version == 0) {
    ALLMENDE_ASSIGN_OR_RETURN(auto n, c.Execute(kInsertProfile, params));
    return n == 1;
  }
  params.emplace_back(expected_version);
  ALLMENDE_ASSIGN_OR_RETURN(auto n, c.Execute(kUpdateProfile, params));
  return n == 1;
}

Result<void> DirectoryStore::InsertService(storage::Connection& c, const Service& s, const std::string& created_by) {
  ALLMENDE_TRY(c.Execute(
      kInsertService,
      {s.id, s.region_id, s.organization_id, s.state, s.published ? Value(StoredContent(*s.published)) : Value(nullptr),
       s.draft ? Value(StoredContent(*s.draft)) : Value(nullptr), Opt(s.published_at), Opt(s.review_comment),
       s.created_at, created_by, s.updated_at}));
  return Ok();
}

Result<std::optional<Service>> DirectoryStore::GetService(storage::Connection& c, const std::string& id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, Services(c, std::string(kServiceColumns) + "WHERE s.id = $1", {id}));
  if (rows.empty()) return std::optional<Service>();
  return std::optional<Service>(std::move(rows.front()));
}

Result<bool> DirectoryStore::UpdateService(storage::Connection& c, const Service& s, std::int64_t expected_version) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto n,
      c.Execute(kUpdateService, {s.id, s.state, s.published ? Value(StoredContent(*s.published)) : Value(nullptr),
                                 s.draft ? Value(StoredContent(*s.draft)) : Value(nullptr), Opt(s.published_at),
                                 Opt(s.review_comment), s.updated_at, expected_version}));
  return n == 1;
}

Result<ServicePage> DirectoryStore::ServicesOf(storage::Connection& c, const std::string& organization_id,
                                               const std::string& state, int limit, const std::string& cursor) {
  auto [at, id] = SplitCursor(cursor);
  std::string sql = std::string(kServiceColumns) +
                    "WHERE s.organization_id = $1 AND (($2 = '' AND s.state <> 'archived') OR s.state = $2) "
                    "AND ($3 = '' OR s.updated_at < $3 OR (s.updated_at = $3 AND s.id < $4)) "
                    "ORDER BY s.updated_at DESC, s.id DESC LIMIT $5";
  ALLMENDE_ASSIGN_OR_RETURN(auto rows,
                            Services(c, sql, {organization_id, state, at, id, static_cast<std::int64_t>(limit + 1)}));
  return Page(std::move(rows), limit);
}

Result<ServicePage> DirectoryStore::ServicesIn(storage::Connection& c, const std::string& region_id,
                                               const std::string& state, int limit, const std::string& cursor) {
  auto [at, id] = SplitCursor(cursor);
  std::string sql = std::string(kServiceColumns) +
                    "WHERE s.region_id = $1 AND s.state = $2 "
                    "AND ($3 = '' OR s.updated_at > $3 OR (s.updated_at = $3 AND s.id > $4)) "
                    "ORDER BY s.updated_at, s.id LIMIT $5";
  ALLMENDE_ASSIGN_OR_RETURN(auto rows,
                            Services(c, sql, {region_id, state, at, id, static_cast<std::int64_t>(limit + 1)}));
  return Page(std::move(rows), limit);
}

Result<std::unordered_map<std::string, ProviderRating>> DirectoryStore::ProviderRatings(
    storage::Connection& c, const std::string& provider_id) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto rows, c.Query("SELECT provider_id, rating_milli, rating_count FROM provider_quality WHERE rating_milli IS "
                         "NOT NULL AND ($1 = '' OR provider_id = $1)",
                         {provider_id}));
  std::unordered_map<std::string, ProviderRating> out;
  for (const auto& r : rows) out[r.Text(0)] = {static_cast<double>(r.Int(1)) / 1000.0, r.Int(2)};
  return out;
}

Result<std::vector<std::string>> DirectoryStore::ServicesOf(storage::Connection& c,
                                                            const std::string& organization_id) {
  ALLMENDE_ASSIGN_OR_RETURN(
      auto rows, c.Query("SELECT id FROM services WHERE organization_id = $1 ORDER BY id", {organization_id}));
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.Text(0));
  return out;
}

Result<std::vector<Service>> DirectoryStore::PublishedAfter(storage::Connection& c, const std::string& after_id,
                                                            int limit) {
  return Services(c,
                  std::string(kServiceColumns) +
                      "WHERE s.published_content IS NOT NULL AND s.state <> 'archived' AND s.id > $1 "
                      "ORDER BY s.id LIMIT $2",
                  {after_id, static_cast<std::int64_t>(limit)});
}

Result<std::vector<std::string>> DirectoryStore::ChangedSince(storage::Connection& c, const std::string& at) {
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(kChangedSince, {at}));
  std::vector<std::string> ids;
  for (const auto& r : rows) ids.push_back(r.Text(0));
  return ids;
}

Result<std::vector<Service>> DirectoryStore::PublishedOf(storage::Connection& c, const std::string& organization_id) {
  return Services(c,
                  std::string(kServiceColumns) +
                      "WHERE s.organization_id = $1 AND s.published_content IS NOT NULL AND s.state <> 'archived' "
                      "ORDER BY s.id",
                  {organization_id});
}

Result<void> DirectoryStore::InsertEvent(storage::Connection& c, const std::string& region_id, const ServiceEvent& e) {
  ALLMENDE_TRY(c.Execute(kInsertEvent, {e.id, region_id, e.service_id, e.action, e.actor_id, Opt(e.comment), e.at}));
  return Ok();
}

Result<std::vector<ServiceEvent>> DirectoryStore::Events(storage::Connection& c, const std::string& service_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto rows, c.Query(kEvents, {service_id}));
  std::vector<ServiceEvent> out;
  for (const auto& r : rows) {
    out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.OptText(5), r.Text(6)});
  }
  return out;
}

Result<std::optional<std::string>> DirectoryStore::RegionIdByCode(storage::Connection& c, const std::string& code) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kRegionByCode, {code}));
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(row->Text(0));
}

Result<std::int64_t> DirectoryStore::CountServices(storage::Connection& c, const std::string& region_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kCountServices, {region_id}));
  return row ? row->Int(0) : 0;
}

Result<void> DirectoryStore::InsertImage(storage::Connection& c, const Image& i) {
  ALLMENDE_TRY(c.Execute(
      kInsertImage, {i.id, i.region_id, i.organization_id, i.content_type, static_cast<std::int64_t>(i.width),
                     static_cast<std::int64_t>(i.height), i.byte_size, i.data_base64, i.created_at, i.created_by}));
  return Ok();
}

Result<std::string> DirectoryStore::ImageOwner(storage::Connection& c, const std::string& id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kImageOwner, {id}));
  return row ? row->Text(0) : std::string();
}

Result<std::optional<Image>> DirectoryStore::GetImage(storage::Connection& c, const std::string& id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne(kGetImage, {id}));
  if (!row) return std::optional<Image>();
  const storage::Row& r = *row;
  return std::optional<Image>(Image{r.Text(0), r.Text(1), r.Text(2), r.Text(3), static_cast<int>(r.Int(4)),
                                    static_cast<int>(r.Int(5)), r.Int(6), r.Text(7), r.Text(8), r.Text(9)});
}

}  // namespace allmende::directory
