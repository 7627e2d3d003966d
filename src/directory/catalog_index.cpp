#include "directory/catalog_index.hpp"

#include <boost/json.hpp>
#include <cmath>

#include "directory/directory_json.hpp"
#include "directory/directory_store.hpp"

namespace allmende::directory {
namespace {

constexpr int kLoadBatch = 5000;

}  // namespace

Result<void> CatalogIndex::Load(storage::Database& db) {
  if (loaded()) return Ok();
  std::vector<Category> categories;
  std::vector<Place> places;
  std::unordered_map<std::string, ProviderRating> ratings;
  ALLMENDE_TRY(db.Read([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_ASSIGN_OR_RETURN(categories, DirectoryStore::Categories(c));
    ALLMENDE_ASSIGN_OR_RETURN(places, DirectoryStore::Places(c));
    ALLMENDE_ASSIGN_OR_RETURN(ratings, DirectoryStore::ProviderRatings(c));
    return Ok();
  }));
  {
    std::lock_guard lock(ratings_mu_);
    ratings_ = std::move(ratings);
  }
  // Indexed() reads the taxonomy; nobody else does before loaded_ turns true.
  categories_ = std::move(categories);
  places_ = std::move(places);
  place_at_.clear();
  for (std::size_t i = 0; i < places_.size(); ++i) place_at_[places_[i].code] = i;
  std::vector<search::GazetteerPlace> gazetteer;
  for (const auto& p : places_) {
    search::GazetteerPlace g{p.code, p.kind, p.municipality_code, {}, p.postal_codes};
    for (const auto& [lang, name] : p.name) g.names.push_back(name);
    gazetteer.push_back(std::move(g));
  }
  auto index = std::make_unique<search::ServiceIndex>(std::move(gazetteer));
  std::unordered_map<std::string, std::int64_t> versions;
  // In batches, so a million services never sit in memory twice over as rows.
  std::string after;
  for (;;) {
    ALLMENDE_ASSIGN_OR_RETURN(auto batch, db.ReadValue<std::vector<Service>>([&](storage::Connection& c) {
      return DirectoryStore::PublishedAfter(c, after, kLoadBatch);
    }));
    if (batch.empty()) break;
    after = batch.back().id;
    std::vector<search::IndexedService> docs;
    docs.reserve(batch.size());
    for (const auto& s : batch) {
      docs.push_back(Indexed(s));
      versions[s.id] = s.version;
    }
    index->PutAll(std::move(docs));
    if (static_cast<int>(batch.size()) < kLoadBatch) break;
  }
  index_ = std::move(index);
  {
    std::lock_guard lock(versions_mu_);
    versions_ = std::move(versions);
  }
  loaded_.store(true, std::memory_order_release);
  return Ok();
}

void CatalogIndex::Apply(const Service& s) {
  if (!loaded()) return;  // Load reads it from the database
  // The version check and the change under one lock: of two changes racing here, the older can
  // never land after the newer.
  std::lock_guard lock(versions_mu_);
  auto [it, fresh] = versions_.try_emplace(s.id, s.version);
  if (!fresh) {
    if (it->second > s.version) return;
    it->second = s.version;
  }
  if (s.published && s.state != "archived") {
    index_->Put(Indexed(s));
  } else {
    index_->Remove(s.id);
  }
  generation_.fetch_add(1, std::memory_order_acq_rel);
}

Result<void> CatalogIndex::Refresh(storage::Database& db, const std::string& service_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto service, db.ReadValue<std::optional<Service>>([&](storage::Connection& c) {
    return DirectoryStore::GetService(c, service_id);
  }));
  if (service) Apply(*service);  // services are never deleted
  return Ok();
}

Result<void> CatalogIndex::RefreshProvider(storage::Database& db, const std::string& provider_id) {
  std::unordered_map<std::string, ProviderRating> rating;
  std::vector<std::string> services;
  ALLMENDE_TRY(db.Read([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_ASSIGN_OR_RETURN(rating, DirectoryStore::ProviderRatings(c, provider_id));
    ALLMENDE_ASSIGN_OR_RETURN(services, DirectoryStore::ServicesOf(c, provider_id));
    return Ok();
  }));
  {
    std::lock_guard lock(ratings_mu_);
    if (auto it = rating.find(provider_id); it != rating.end()) {
      ratings_[provider_id] = it->second;
    } else {
      ratings_.erase(provider_id);
    }
  }
  if (!loaded()) return Ok();
  // Applied again at the same version: Apply lets an equal version through.
  for (const auto& id : services) ALLMENDE_TRY(Refresh(db, id));
  return Ok();
}

std::optional<ProviderRating> CatalogIndex::RatingOf(const std::string& provider_id) const {
  std::lock_guard lock(ratings_mu_);
  auto it = ratings_.find(provider_id);
  if (it == ratings_.end()) return std::nullopt;
  return it->second;
}

Result<void> CatalogIndex::RefreshChangedSince(storage::Database& db, const std::string& at) {
  ALLMENDE_ASSIGN_OR_RETURN(auto ids, db.ReadValue<std::vector<std::string>>(
                                          [&](storage::Connection& c) { return DirectoryStore::ChangedSince(c, at); }));
  for (const auto& id : ids) ALLMENDE_TRY(Refresh(db, id));
  return Ok();
}

const Category* CatalogIndex::FindCategory(const std::string& code) const {
  for (const auto& c : categories_) {
    if (c.code == code) return &c;
  }
  return nullptr;
}

const Place* CatalogIndex::FindPlace(const std::string& code) const {
  auto it = place_at_.find(code);
  return it == place_at_.end() ? nullptr : &places_[it->second];
}

std::string CatalogIndex::SummaryJson(const Service& s, const ServiceContent& c,
                                      const std::optional<ProviderRating>& rating) {
  boost::json::object o;
  o["id"] = s.id;
  o["name"] = TextObject(c.name);
  o["provider"] = {{"id", s.organization_id}, {"name", s.organization_name}};
  o["category"] = c.category;
  boost::json::object price = ContentObject(c)["price"].as_object();
  o["price"] = std::move(price);
  boost::json::array langs;
  for (const auto& l : c.languages) langs.emplace_back(l);
  o["languages"] = std::move(langs);
  o["area"] = AreaObject(c.area);
  boost::json::array days;
  std::uint8_t mask = 0;
  for (const auto& h : c.hours) {
    if (h.weekday >= 0 && h.weekday < 7) mask |= static_cast<std::uint8_t>(1u << h.weekday);
  }
  for (int d = 0; d < 7; ++d) {
    if (mask & (1u << d)) days.emplace_back(d);
  }
  o["open_days"] = std::move(days);
  o["lead_time_days"] = c.lead_time_days;
  boost::json::array vouchers;
  for (const auto& v : c.vouchers) vouchers.emplace_back(v);
  o["vouchers"] = std::move(vouchers);
  o["image_id"] = c.image_ids.empty() ? boost::json::value(nullptr) : boost::json::value(c.image_ids.front());
  o["rating"] = rating ? boost::json::value(std::round(rating->rating * 10.0) / 10.0) : boost::json::value(nullptr);
  o["rating_count"] = rating ? rating->count : 0;
  o["published_at"] = s.published_at ? boost::json::value(*s.published_at) : nullptr;
  return boost::json::serialize(o);
}

search::IndexedService CatalogIndex::Indexed(const Service& s) const {
  const ServiceContent& c = *s.published;
  search::IndexedService d;
  d.id = s.id;
  d.region_id = s.region_id;
  d.provider_id = s.organization_id;
  d.provider_name = s.organization_name;
  d.name = c.name;
  d.description = c.description;
  d.category = c.category;
  if (const Category* cat = FindCategory(c.category)) {
    for (const auto& [lang, name] : cat->name) d.category_names.push_back(name);
  }
  d.municipalities = c.area.municipalities;
  d.districts = c.area.districts;
  d.postal_codes = c.area.postal_codes;
  d.languages = c.languages;
  d.vouchers = c.vouchers;
  d.price = c.price.amount;
  for (const auto& h : c.hours) {
    if (h.weekday >= 0 && h.weekday < 7) d.open_days |= static_cast<std::uint8_t>(1u << h.weekday);
  }
  const auto rating = RatingOf(s.organization_id);
  if (rating) d.rating = rating->rating;
  d.summary_json = SummaryJson(s, c, rating);
  return d;
}

}  // namespace allmende::directory
