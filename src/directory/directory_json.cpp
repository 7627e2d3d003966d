#include "directory/directory_json.hpp"

#include <boost/json.hpp>

namespace allmende::directory {
namespace {

namespace json = boost::json;

json::array Strings(const std::vector<std::string>& list) {
  json::array a;
  for (const auto& s : list) a.emplace_back(s);
  return a;
}

// Reads typed values of one JSON object, adding a FieldError with its path for each mistake.
class Reader {
 public:
  Reader(const json::value& doc, std::string prefix, std::vector<FieldError>& errors)
      : prefix_(std::move(prefix)), errors_(errors) {
    object_ = doc.if_object();
    if (!object_)
      errors_.push_back({prefix_.empty() ? "body" : prefix_.substr(0, prefix_.size() - 1), "Expected an object."});
  }

  const json::value* Find(std::string_view name) const {
    if (!object_) return nullptr;
    const json::value* v = object_->if_contains(name);
    return v && !v->is_null() ? v : nullptr;
  }
  std::string Path(std::string_view name) const { return prefix_ + std::string(name); }
  void Error(std::string_view name, std::string message) { errors_.push_back({Path(name), std::move(message)}); }

  void String(std::string_view name, std::string* out) {
    const json::value* v = Find(name);
    if (!v) return;
    if (!v->is_string()) return Error(name, "Expected a string.");
    *out = std::string(v->get_string());
  }
  void Int(std::string_view name, std::int64_t* out) {
    const json::value* v = Find(name);
    if (!v) return;
    if (v->is_int64()) {
      *out = v->get_int64();
    } else if (v->is_uint64() && v->get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
      *out = static_cast<std::int64_t>(v->get_uint64());
    } else {
      Error(name, "Expected a whole number.");
    }
  }
  void Int(std::string_view name, int* out) {
    std::int64_t wide = *out;
    Int(name, &wide);
    if (wide < INT32_MIN || wide > INT32_MAX) return Error(name, "The number is too large.");
    *out = static_cast<int>(wide);
  }
  void List(std::string_view name, std::vector<std::string>* out) {
    const json::value* v = Find(name);
    if (!v) return;
    if (!v->is_array()) return Error(name, "Expected a list of strings.");
    out->clear();
    for (const auto& item : v->get_array()) {
      if (!item.is_string()) return Error(name, "Expected a list of strings.");
      out->emplace_back(item.get_string());
    }
  }
  void Text(std::string_view name, LocalizedText* out) {
    const json::value* v = Find(name);
    if (!v) return;
    if (!v->is_object()) return Error(name, "Expected an object of texts by language, like {\"fi\": \"…\"}.");
    out->clear();
    for (const auto& [lang, text] : v->get_object()) {
      if (!text.is_string()) {
        Error(std::string(name) + "." + std::string(lang), "Expected a string.");
        continue;
      }
      if (!text.get_string().empty()) (*out)[std::string(lang)] = std::string(text.get_string());
    }
  }
  void Area(std::string_view name, ServiceArea* out) {
    const json::value* v = Find(name);
    if (!v) return;
    Reader r(*v, Path(name) + ".", errors_);
    r.List("municipalities", &out->municipalities);
    r.List("districts", &out->districts);
    r.List("postal_codes", &out->postal_codes);
  }

 private:
  const json::object* object_ = nullptr;
  std::string prefix_;
  std::vector<FieldError>& errors_;
};

}  // namespace

json::object TextObject(const LocalizedText& text) {
  json::object o;
  for (const auto& [lang, t] : text) o[lang] = t;
  return o;
}

json::object AreaObject(const ServiceArea& area) {
  return {{"municipalities", Strings(area.municipalities)},
          {"districts", Strings(area.districts)},
          {"postal_codes", Strings(area.postal_codes)}};
}

json::object ContentObject(const ServiceContent& c) {
  json::object o;
  o["name"] = TextObject(c.name);
  o["description"] = TextObject(c.description);
  o["category"] = c.category;
  o["area"] = AreaObject(c.area);
  o["languages"] = Strings(c.languages);
  o["price"] = {{"model", c.price.model},
                {"amount", c.price.amount},
                {"currency", c.price.currency},
                {"minimum_charge", c.price.minimum_charge},
                {"vat_rate_bp", c.price.vat_rate_bp},
                {"labour_share_bp", c.price.labour_share_bp}};
  o["vouchers"] = Strings(c.vouchers);
  json::array hours;
  for (const auto& h : c.hours) hours.push_back({{"weekday", h.weekday}, {"opens", h.opens}, {"closes", h.closes}});
  o["hours"] = std::move(hours);
  o["capacity_per_week"] = c.capacity_per_week;
  o["lead_time_days"] = c.lead_time_days;
  o["image_ids"] = Strings(c.image_ids);
  return o;
}

json::object ProfileObject(const ProviderProfile& p) {
  json::object o;
  o["organization_id"] = p.organization_id;
  o["region_id"] = p.region_id;
  o["name"] = p.name;
  o["kind"] = p.kind;
  o["description"] = TextObject(p.description);
  o["email"] = p.email;
  o["phone"] = p.phone;
  o["website"] = p.website;
  o["languages"] = Strings(p.languages);
  o["area"] = AreaObject(p.area);
  o["quality_labels"] = Strings(p.quality_labels);
  o["insurance"] = p.insurance;
  o["accessibility"] = TextObject(p.accessibility);
  o["logo_image_id"] = p.logo_image_id ? json::value(*p.logo_image_id) : nullptr;
  o["updated_at"] = p.updated_at.empty() ? json::value(nullptr) : json::value(p.updated_at);
  o["version"] = p.version;
  return o;
}

json::object CategoryObject(const Category& c) { return {{"code", c.code}, {"name", TextObject(c.name)}}; }

json::object PlaceObject(const Place& p) {
  return {{"code", p.code},
          {"kind", p.kind},
          {"municipality_code", p.municipality_code},
          {"name", TextObject(p.name)},
          {"postal_codes", Strings(p.postal_codes)}};
}

ServiceContent ParseContent(const json::value& doc, std::vector<FieldError>& errors) {
  ServiceContent c;
  Reader r(doc, "", errors);
  r.Text("name", &c.name);
  r.Text("description", &c.description);
  r.String("category", &c.category);
  r.Area("area", &c.area);
  r.List("languages", &c.languages);
  if (const json::value* price = r.Find("price")) {
    Reader p(*price, "price.", errors);
    p.String("model", &c.price.model);
    p.Int("amount", &c.price.amount);
    p.String("currency", &c.price.currency);
    p.Int("minimum_charge", &c.price.minimum_charge);
    p.Int("vat_rate_bp", &c.price.vat_rate_bp);
    p.Int("labour_share_bp", &c.price.labour_share_bp);
  }
  r.List("vouchers", &c.vouchers);
  if (const json::value* hours = r.Find("hours")) {
    if (!hours->is_array()) {
      r.Error("hours", "Expected a list of opening hours.");
    } else {
      for (std::size_t i = 0; i < hours->get_array().size(); ++i) {
        OpeningHours h;
        h.weekday = -1;  // required: a missing weekday must not become Monday
        Reader e(hours->get_array()[i], "hours[" + std::to_string(i) + "].", errors);
        e.Int("weekday", &h.weekday);
        e.String("opens", &h.opens);
        e.String("closes", &h.closes);
        c.hours.push_back(std::move(h));
      }
    }
  }
  r.Int("capacity_per_week", &c.capacity_per_week);
  r.Int("lead_time_days", &c.lead_time_days);
  r.List("image_ids", &c.image_ids);
  return c;
}

ProviderProfile ParseProfile(const json::value& doc, ProviderProfile p, std::vector<FieldError>& errors) {
  Reader r(doc, "", errors);
  r.Text("description", &p.description);
  r.String("email", &p.email);
  r.String("phone", &p.phone);
  r.String("website", &p.website);
  r.List("languages", &p.languages);
  r.Area("area", &p.area);
  r.List("quality_labels", &p.quality_labels);
  r.String("insurance", &p.insurance);
  r.Text("accessibility", &p.accessibility);
  if (const json::value* logo = r.Find("logo_image_id")) {
    if (logo->is_string()) {
      p.logo_image_id = std::string(logo->get_string());
    } else {
      r.Error("logo_image_id", "Expected a string.");
    }
  } else if (doc.is_object() && doc.as_object().contains("logo_image_id")) {
    p.logo_image_id.reset();  // null removes the logo
  }
  return p;
}

std::string StoredContent(const ServiceContent& content) { return json::serialize(ContentObject(content)); }

Result<ServiceContent> ContentFromStored(std::string_view text) {
  boost::system::error_code ec;
  json::value doc = json::parse(text, ec);
  std::vector<FieldError> errors;
  ServiceContent c = ec ? ServiceContent{} : ParseContent(doc, errors);
  if (ec || !errors.empty()) return Error::Internal("A stored service is damaged.");
  return c;
}

std::string StoredText(const LocalizedText& text) { return json::serialize(TextObject(text)); }

LocalizedText TextFromStored(std::string_view text) {
  boost::system::error_code ec;
  json::value doc = json::parse(text, ec);
  LocalizedText out;
  if (ec || !doc.is_object()) return out;
  for (const auto& [lang, t] : doc.get_object()) {
    if (t.is_string()) out[std::string(lang)] = std::string(t.get_string());
  }
  return out;
}

std::string StoredList(const std::vector<std::string>& list) { return json::serialize(Strings(list)); }

std::vector<std::string> ListFromStored(std::string_view text) {
  boost::system::error_code ec;
  json::value doc = json::parse(text, ec);
  std::vector<std::string> out;
  if (ec || !doc.is_array()) return out;
  for (const auto& v : doc.get_array()) {
    if (v.is_string()) out.emplace_back(v.get_string());
  }
  return out;
}

std::string StoredArea(const ServiceArea& area) { return json::serialize(AreaObject(area)); }

ServiceArea AreaFromStored(std::string_view text) {
  boost::system::error_code ec;
  json::value doc = json::parse(text, ec);
  ServiceArea out;
  std::vector<FieldError> errors;
  if (ec || !doc.is_object()) return out;
  {
    Reader self(doc, "", errors);
    self.List("municipalities", &out.municipalities);
    self.List("districts", &out.districts);
    self.List("postal_codes", &out.postal_codes);
  }
  return out;
}

}  // namespace allmende::directory
