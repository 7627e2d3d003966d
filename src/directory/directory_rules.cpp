// What a service's content and a provider's profile must satisfy before they are stored.
#include <algorithm>
#include <regex>

#include "common/validate.hpp"
#include "directory/directory_service.hpp"
#include "tenancy/organization_service.hpp"

namespace allmende::directory {
namespace {

// The languages texts are written in (the platform's five).
const std::vector<std::string>& TextLanguages() {
  static const std::vector<std::string> langs{"fi", "sv", "en", "de", "da"};
  return langs;
}

constexpr std::size_t kMaxVouchers = 50;
constexpr std::size_t kMaxLanguages = 20;
constexpr std::size_t kMaxHours = 21;
constexpr std::size_t kMaxErrors = 50;

std::size_t CodePoints(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

bool IsBlank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

bool HasControl(const std::string& s, bool allow_newlines) {
  return std::any_of(s.begin(), s.end(), [&](char ch) {
    auto c = static_cast<unsigned char>(ch);
    if (allow_newlines && (c == '\n' || c == '\t' || c == '\r')) return false;
    return c < 0x20 || c == 0x7f;
  });
}

void CheckText(const LocalizedText& text, const std::string& field, std::size_t max, bool multiline,
               std::vector<FieldError>& errors) {
  for (const auto& [lang, t] : text) {
    std::string path = field + "." + lang;
    if (std::find(TextLanguages().begin(), TextLanguages().end(), lang) == TextLanguages().end()) {
      errors.push_back({path, "Write texts in fi, sv, en, de or da."});
    } else if (CodePoints(t) > max) {
      errors.push_back({path, "Keep it under " + std::to_string(max) + " characters."});
    } else if (HasControl(t, multiline)) {
      errors.push_back({path, "Remove the control characters."});
    }
  }
}

bool IsTime(const std::string& t) {
  if (t.size() != 5) return false;
  static const std::regex hhmm("([01][0-9]|2[0-3]):[0-5][0-9]|24:00");
  return std::regex_match(t, hhmm);
}

bool IsPostalCode(const std::string& p) {
  return p.size() == 5 && std::all_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string CommentProblem(const std::string& comment) {
  if (IsBlank(comment) || CodePoints(comment) > 4000 || HasControl(comment, true)) {
    return "Say in up to 4000 characters what the provider should change.";
  }
  return "";
}

void CheckArea(const CatalogIndex& catalog, const ServiceArea& area, const std::string& field,
               std::vector<FieldError>& errors) {
  for (std::size_t i = 0; i < area.municipalities.size(); ++i) {
    const Place* p = catalog.FindPlace(area.municipalities[i]);
    if (!p || p->kind != "municipality") {
      errors.push_back({field + ".municipalities[" + std::to_string(i) + "]", "There is no such municipality."});
    }
  }
  for (std::size_t i = 0; i < area.districts.size(); ++i) {
    const Place* p = catalog.FindPlace(area.districts[i]);
    if (!p || p->kind != "district") {
      errors.push_back({field + ".districts[" + std::to_string(i) + "]", "There is no such district."});
    }
  }
  for (std::size_t i = 0; i < area.postal_codes.size(); ++i) {
    if (!IsPostalCode(area.postal_codes[i])) {
      errors.push_back({field + ".postal_codes[" + std::to_string(i) + "]", "A postal code has five digits."});
    }
  }
  if (area.municipalities.size() + area.districts.size() + area.postal_codes.size() > 500) {
    errors.push_back({field, "Name at most 500 places."});
  }
}

void CheckLanguages(const std::vector<std::string>& languages, const std::string& field,
                    std::vector<FieldError>& errors) {
  for (std::size_t i = 0; i < languages.size(); ++i) {
    if (!IsLanguage(languages[i])) errors.push_back({field + "[" + std::to_string(i) + "]", LanguageProblem()});
  }
}

Result<std::vector<FieldError>> DirectoryService::Problems(storage::Connection& c, const std::string& region_id,
                                                           const std::string& organization_id,
                                                           const ServiceContent& s) {
  if (!catalog_.loaded()) return Error::Unavailable("The directory is starting; try again in a moment.");
  std::vector<FieldError> errors;
  // Long lists are refused before any element is looked at: each costs a query in a write.
  if (s.vouchers.size() > kMaxVouchers) return Error::Invalid("vouchers", "Name at most 50 purchasers.");
  if (s.languages.size() > kMaxLanguages) return Error::Invalid("languages", "Name at most 20 languages.");
  if (s.hours.size() > kMaxHours) return Error::Invalid("hours", "Give at most three periods a day.");
  CheckText(s.name, "name", 120, false, errors);
  CheckText(s.description, "description", 4000, true, errors);
  bool named = std::any_of(s.name.begin(), s.name.end(), [](const auto& kv) { return !IsBlank(kv.second); });
  if (!named) errors.push_back({"name", "Give the service a name in at least one language."});
  if (!catalog_.FindCategory(s.category)) errors.push_back({"category", "Choose a category of the list."});
  CheckArea(catalog_, s.area, "area", errors);
  if (s.area.municipalities.empty() && s.area.districts.empty() && s.area.postal_codes.empty()) {
    errors.push_back({"area", "Name at least one municipality, district or postal code served."});
  }
  CheckLanguages(s.languages, "languages", errors);
  if (s.languages.empty()) errors.push_back({"languages", "Name at least one language the service is given in."});
  static const std::vector<std::string> models{"fixed", "hourly", "per_visit"};
  if (std::find(models.begin(), models.end(), s.price.model) == models.end()) {
    errors.push_back({"price.model", "Choose fixed, hourly or per_visit."});
  }
  if (s.price.amount < 0 || s.price.amount > 100'000'000) {
    errors.push_back({"price.amount", "Give the price in cents, from 0 to 1,000,000.00."});
  }
  static const std::vector<std::string> currencies{"EUR", "DKK", "SEK"};
  if (std::find(currencies.begin(), currencies.end(), s.price.currency) == currencies.end()) {
    errors.push_back({"price.currency", "Use EUR, DKK or SEK."});
  }
  if (s.price.minimum_charge < 0 || s.price.minimum_charge > 100'000'000) {
    errors.push_back({"price.minimum_charge", "Give the minimum charge in cents, from 0 to 1,000,000.00."});
  }
  if (s.price.vat_rate_bp < 0 || s.price.vat_rate_bp > 10000) {
    errors.push_back({"price.vat_rate_bp", "Give the VAT rate in basis points, from 0 to 10000 (25.5 % is 2550)."});
  }
  if (s.price.labour_share_bp < 0 || s.price.labour_share_bp > 10000) {
    errors.push_back({"price.labour_share_bp", "Give the labour share in basis points, from 0 to 10000."});
  }
  for (std::size_t i = 0; i < s.vouchers.size(); ++i) {
    ALLMENDE_ASSIGN_OR_RETURN(auto org, tenancy::OrganizationService::Find(c, s.vouchers[i]));
    bool purchaser = org && org->region_id == region_id &&
                     (org->kind == "welfare_area" || org->kind == "municipality" || org->kind == "employer");
    if (!purchaser) {
      errors.push_back({"vouchers[" + std::to_string(i) + "]", "This is no purchaser of the region."});
    }
  }
  for (std::size_t i = 0; i < s.hours.size(); ++i) {
    const auto& h = s.hours[i];
    std::string at = "hours[" + std::to_string(i) + "].";
    if (h.weekday < 0 || h.weekday > 6) errors.push_back({at + "weekday", "Use 0 for Monday to 6 for Sunday."});
    if (!IsTime(h.opens)) errors.push_back({at + "opens", "Write the time as HH:MM."});
    if (!IsTime(h.closes)) errors.push_back({at + "closes", "Write the time as HH:MM."});
    if (IsTime(h.opens) && IsTime(h.closes) && h.closes <= h.opens) {
      errors.push_back({at + "closes", "Closing comes after opening."});
    }
  }
  if (s.capacity_per_week < 0 || s.capacity_per_week > 100000) {
    errors.push_back({"capacity_per_week", "Give a number from 0 to 100000."});
  }
  if (s.lead_time_days < 0 || s.lead_time_days > 365) {
    errors.push_back({"lead_time_days", "Give a number of days from 0 to 365."});
  }
  if (s.image_ids.size() > 8) errors.push_back({"image_ids", "Add at most eight images."});
  for (std::size_t i = 0; i < s.image_ids.size() && i < 8; ++i) {
    ALLMENDE_ASSIGN_OR_RETURN(auto owner, DirectoryStore::ImageOwner(c, s.image_ids[i]));
    if (owner != organization_id) {
      errors.push_back({"image_ids[" + std::to_string(i) + "]", "There is no such image of this provider."});
    }
  }
  if (errors.size() > kMaxErrors) errors.resize(kMaxErrors);
  return errors;
}

std::vector<FieldError> ProfileProblems(const CatalogIndex& catalog, const ProviderProfile& p) {
  std::vector<FieldError> errors;
  CheckText(p.description, "description", 4000, true, errors);
  CheckText(p.accessibility, "accessibility", 1000, true, errors);
  for (const auto& [field, value] : {std::pair<const char*, const std::string*>{"email", &p.email},
                                     {"phone", &p.phone},
                                     {"website", &p.website},
                                     {"insurance", &p.insurance}}) {
    if (HasControl(*value, false)) errors.push_back({field, "Remove the control characters."});
  }
  if (!p.email.empty() && (p.email.size() > 254 || p.email.find('@') == std::string::npos ||
                           p.email.find_first_of(" \t\r\n<>\"") != std::string::npos)) {
    errors.push_back({"email", "Write an e-mail address like info@example.fi."});
  }
  if (!p.phone.empty() && !NormalizePhone(p.phone).ok()) {
    errors.push_back({"phone", "Write the phone number with its country code, like +358 40 123 4567."});
  }
  if (!p.website.empty() && (p.website.size() > 300 || p.website.rfind("https://", 0) != 0 ||
                             p.website.find_first_of(" \t\r\n<>\"") != std::string::npos)) {
    errors.push_back({"website", "Write an address that starts with https://."});
  }
  CheckLanguages(p.languages, "languages", errors);
  CheckArea(catalog, p.area, "area", errors);
  if (p.quality_labels.size() > 20) errors.push_back({"quality_labels", "Name at most 20 labels."});
  for (std::size_t i = 0; i < p.quality_labels.size(); ++i) {
    if (CodePoints(p.quality_labels[i]) > 80 || IsBlank(p.quality_labels[i]) ||
        HasControl(p.quality_labels[i], false)) {
      errors.push_back({"quality_labels[" + std::to_string(i) + "]", "Name the label in 1 to 80 characters."});
    }
  }
  if (CodePoints(p.insurance) > 500) errors.push_back({"insurance", "Keep it under 500 characters."});
  return errors;
}

}  // namespace allmende::directory
