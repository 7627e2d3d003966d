#include "clients/client_registry.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "access/access_log.hpp"
#include "clients/client_registry_store.hpp"
#include "clients/client_store.hpp"
#include "clients/name_match.hpp"
#include "common/identifiers.hpp"
#include "common/ids.hpp"
#include "common/validate.hpp"
#include "identity/auth_service.hpp"

namespace allmende::clients {
namespace {

// A name counts as similar for the look-alike warning at this score (every word within an edit).
constexpr double kSimilarName = 0.7;

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

std::optional<std::string> Trimmed(const std::optional<std::string>& v) {
  if (!v) return std::nullopt;
  auto b = v->find_first_not_of(" \t");
  if (b == std::string::npos) return std::nullopt;
  auto e = v->find_last_not_of(" \t");
  return v->substr(b, e - b + 1);
}

void CheckText(std::vector<FieldError>& errors, const char* field, const std::optional<std::string>& v,
               std::size_t max) {
  if (v && (v->size() > max || PersonNameProblem(*v).has_value())) {
    errors.push_back({field, "At most " + std::to_string(max) + " characters, without control characters."});
  }
}

// A phone number as people at the desk say it: national ("040 123 4567" in Finland, "0171 …" in
// Germany, eight digits in Denmark) or international; E.164 or the problem on `field`.
Result<std::string> DeskPhone(const std::string& input, const std::string& country, std::string_view field = "phone") {
  std::string digits;
  for (char ch : input) {
    if (ch != ' ' && ch != '-' && ch != '.' && ch != '(' && ch != ')') digits.push_back(ch);
  }
  if (digits.size() >= 2 && digits[0] == '0' && digits[1] != '0' && (country == "FI" || country == "DE")) {
    return NormalizePhone((country == "FI" ? "+358" : "+49") + digits.substr(1), field);
  }
  if (country == "DK" && digits.size() == 8 && IsDigits(digits)) return NormalizePhone("+45" + digits, field);
  return NormalizePhone(input, field);
}

}  // namespace

std::string IdentityCodeDigest(const storage::FieldCipher& cipher, const std::string& normalized_code) {
  return cipher.KeyedDigest("fi-identity-code:" + normalized_code);
}

std::optional<std::string> BirthDateProblem(const std::string& date, const std::string& today) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-' || !IsDigits(date.substr(0, 4)) ||
      !IsDigits(date.substr(5, 2)) || !IsDigits(date.substr(8, 2)) ||
      !IsValidDate(std::stoi(date.substr(0, 4)), static_cast<unsigned>(std::stoi(date.substr(5, 2))),
                   static_cast<unsigned>(std::stoi(date.substr(8, 2))))) {
    return "Give the birth date as YYYY-MM-DD.";
  }
  if (date < "1890-01-01" || date > today) return "A birth date lies between 1890 and today.";
  return std::nullopt;
}

ClientRegistry::ClientRegistry(storage::Database& db, const TimeSource& clock, const storage::FieldCipher& cipher,
                               events::EventBus& bus, NameIndex& names, int search_per_minute)
    : db_(db), clock_(clock), cipher_(cipher), bus_(bus), names_(names), searches_(search_per_minute) {}

Result<void> ClientRegistry::Throttle(const access::Actor& actor, Timestamp now) {
  if (!actor.principal) return Ok();
  if (int wait = searches_.Take(actor.principal->id, now); wait > 0) {
    Error e{
        ErrorCode::kTooManyRequests, "Too many searches of the client registry in a short time; wait a moment.", {}};
    e.retry_after_seconds = wait;
    return e;
  }
  return Ok();
}

Result<void> ClientRegistry::NameChanged(storage::Connection& c, events::EventBus& bus, const std::string& client_id) {
  ALLMENDE_ASSIGN_OR_RETURN(auto region, RegistryStore::RegionOf(c, client_id));
  if (!region) return Ok();  // not a client: nobody searches for them at the desk
  return bus.Publish(
      c, events::Event{NewId("evt"), kNameTopic, *region, client_id, {kNameAudience}, "{}", FormatRfc3339(Now())});
}

Result<void> ClientRegistry::LoadNames() {
  std::vector<NameIndex::Entry> all;
  ALLMENDE_TRY(db_.Read([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_ASSIGN_OR_RETURN(all, RegistryStore::AllNames(c));
    return Ok();
  }));
  names_.Reset(all);
  return Ok();
}

Result<void> ClientRegistry::RefreshName(const std::string& client_id) {
  std::optional<NameIndex::Entry> who;
  ALLMENDE_TRY(db_.Read([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_ASSIGN_OR_RETURN(who, RegistryStore::IndexedName(c, client_id));
    return Ok();
  }));
  if (who) {
    names_.Put(who->region_id, client_id, who->name);
  } else {
    names_.Remove(client_id);
  }
  return Ok();
}

Result<std::vector<LookAlike>> ClientRegistry::LookAlikes(storage::Connection& c, const std::string& region_id,
                                                          const std::string& except, const std::string& name,
                                                          const std::optional<std::string>& birth_date,
                                                          const std::optional<std::string>& phone) {
  std::vector<LookAlike> out;
  std::set<std::string> seen{except};
  const auto tokens = NameTokens(name);
  if (birth_date && !tokens.empty()) {
    ALLMENDE_ASSIGN_OR_RETURN(auto same_day, RegistryStore::ByBirthDate(c, region_id, *birth_date, 500));
    for (const auto& h : same_day) {
      if (seen.count(h.id)) continue;
      auto other = NameTokens(h.name);
      // Similar either way round: "Aino Virtanen" and "Aino Maria Virtanen" look alike.
      auto score = tokens.size() <= other.size() ? NameMatchScore(tokens, other) : NameMatchScore(other, tokens);
      if (!score || *score < kSimilarName) continue;
      seen.insert(h.id);
      out.push_back({h.id, h.name, h.birth_date, h.municipality_name, "name_and_birth_date"});
    }
  }
  if (phone && !phone->empty()) {
    ALLMENDE_ASSIGN_OR_RETURN(auto same_phone, RegistryStore::ByPhone(c, region_id, *phone, 20));
    for (const auto& h : same_phone) {
      if (!seen.insert(h.id).second) continue;
      out.push_back({h.id, h.name, h.birth_date, h.municipality_name, "phone"});
    }
  }
  return out;
}

Result<ClientRecord> ClientRegistry::Register(const access::Actor& actor, const std::string& region_id,
                                              const NewClient& raw) {
  const Timestamp now = clock_.Now();
  const std::string now_text = FormatRfc3339(now);
  NewClient in = raw;
  in.street = Trimmed(in.street);
  in.postal_code = Trimmed(in.postal_code);
  in.city = Trimmed(in.city);
  in.municipality_code = Trimmed(in.municipality_code);
  in.email = Trimmed(in.email);
  in.phone = Trimmed(in.phone);
  in.identity_code = Trimmed(in.identity_code);
  in.birth_date = Trimmed(in.birth_date);

  auto made = db_.WriteValue<ClientRecord>([&](storage::Connection& c) -> Result<ClientRecord> {
    ALLMENDE_ASSIGN_OR_RETURN(auto decision, access::Authorize(c, actor.principal, access::Action::kClientRegister,
                                                               {.region_id = region_id}, now));
    // Who may register is decided before what they sent is judged.
    std::vector<FieldError> errors;
    if (auto problem = PersonNameProblem(in.name)) errors.push_back({"name", *problem});
    std::optional<FinnishIdentityCode> code;
    if (in.identity_code) {
      std::string problem;
      code = ParseFinnishIdentityCode(*in.identity_code, &problem);
      if (!code) errors.push_back({"identity_code", problem});
    }
    if (in.birth_date) {
      if (auto problem = BirthDateProblem(*in.birth_date, now_text.substr(0, 10))) {
        errors.push_back({"birth_date", *problem});
      } else if (code && code->birth_date != *in.birth_date) {
        errors.push_back({"identity_code", "The identity code gives the birth date " + code->birth_date +
                                               ", not the one given: check both."});
      }
    } else if (code) {
      in.birth_date = code->birth_date;
      if (auto problem = BirthDateProblem(*in.birth_date, now_text.substr(0, 10))) {
        errors.push_back({"identity_code", "The code gives the birth date " + *in.birth_date + ". " + *problem});
      }
    } else {
      errors.push_back(
          {"birth_date", "Give the birth date (or the identity code): it tells people of one name apart."});
    }
    if (in.email) {
      auto normal = identity::NormalizeEmail(*in.email);
      if (normal.empty()) errors.push_back({"email", "This does not look like an e-mail address."});
      in.email = normal;
    }
    if (in.language && !IsLanguage(*in.language)) errors.push_back({"language", LanguageProblem()});
    CheckText(errors, "address.street", in.street, 200);
    CheckText(errors, "address.city", in.city, 100);
    if (in.municipality_code && in.municipality_code->size() > 40) {
      errors.push_back({"address.municipality_code", "No municipality has this code."});
    }
    if (in.postal_code && in.postal_code->size() > 10)
      errors.push_back({"address.postal_code", "A postal code has 4 or 5 digits."});
    if (!errors.empty()) return Error::Invalid(std::move(errors));
    ALLMENDE_ASSIGN_OR_RETURN(auto region, RegistryStore::RegionCountry(c, region_id));
    if (!region) return Error::NotFound("There is no such region.");
    const auto& [country, default_language] = *region;
    std::vector<FieldError> problems;
    if (in.phone) {
      auto normal = DeskPhone(*in.phone, country);
      if (normal.ok()) {
        in.phone = *normal;
      } else {
        problems.push_back(normal.error().fields.at(0));
      }
    }
    if (in.postal_code) {
      const std::size_t digits = country == "DK" ? 4 : 5;
      if (in.postal_code->size() != digits || !IsDigits(*in.postal_code)) {
        problems.push_back({"address.postal_code", "A postal code here has " + std::to_string(digits) + " digits."});
      }
    }
    if (in.municipality_code) {
      ALLMENDE_ASSIGN_OR_RETURN(auto place, RegistryStore::MunicipalityName(c, *in.municipality_code));
      std::string prefix = country == "FI" ? "fi-" : country == "DE" ? "de-" : "dk-";
      if (!place || in.municipality_code->rfind(prefix, 0) != 0) {
        problems.push_back({"address.municipality_code", "No municipality of this region's country has this code."});
      }
    }
    std::optional<std::string> digest;
    if (code) {
      if (country != "FI") {
        problems.push_back({"identity_code", "A Finnish identity code is recorded for clients in Finland only."});
      } else {
        digest = IdentityCodeDigest(cipher_, code->code);
      }
    }
    if (!problems.empty()) return Error::Invalid(std::move(problems));
    // Only a registration that is right in every other field learns whether the code is taken,
    // so that a deliberately wrong field cannot turn this into a free test of codes.
    if (digest) {
      ALLMENDE_ASSIGN_OR_RETURN(auto holder, RegistryStore::ClientWithIdentityDigest(c, *digest));
      if (holder) {
        return Error::Invalid("identity_code",
                              "A client with this identity code is registered already: search for them by the code.");
      }
    }

    ALLMENDE_ASSIGN_OR_RETURN(identity::User user, identity::AuthService::AddPersonWithoutAccount(
                                                       c, in.name, in.email.value_or(""), in.phone,
                                                       in.language.value_or(default_language), now));
    RegistryRow row{user.id,
                    region_id,
                    now_text,
                    decision.actor_id,
                    in.birth_date,
                    in.street,
                    in.postal_code,
                    in.city,
                    in.municipality_code,
                    code ? std::optional<std::string>(cipher_.Seal(code->code)) : std::nullopt,
                    digest,
                    code ? std::optional<std::string>(MaskFinnishIdentityCode(code->code)) : std::nullopt};
    ALLMENDE_TRY(RegistryStore::Insert(c, row));
    ALLMENDE_TRY(NameChanged(c, bus_, user.id));
    ALLMENDE_TRY(access::AppendAccess(c, decision,
                                      {.action = "client.register",
                                       .subject_type = "client",
                                       .subject_id = user.id,
                                       .client_id = user.id,
                                       .region_id = region_id,
                                       .purpose = actor.purpose},
                                      actor.request_id, now));
    ALLMENDE_ASSIGN_OR_RETURN(auto record, ClientStore::Get(c, user.id));
    if (!record) return Error::Internal("The new client could not be read back.");
    ALLMENDE_ASSIGN_OR_RETURN(record->look_alikes,
                              LookAlikes(c, region_id, user.id, user.name, in.birth_date, in.phone));
    return std::move(*record);
  });
  // Found by the next search in this process at once (read after the commit, so that a rename
  // committed meanwhile is not overwritten); other processes follow the event.
  if (made.ok()) (void)RefreshName(made->id);
  return made;
}

Result<std::vector<LookAlike>> ClientRegistry::LookAlikesOf(const access::Actor& actor, const std::string& region_id,
                                                            const NewClient& person) {
  const Timestamp now = clock_.Now();
  std::optional<access::Decision> decision;
  auto found = db_.ReadValue<std::vector<LookAlike>>([&](storage::Connection& c) -> Result<std::vector<LookAlike>> {
    ALLMENDE_ASSIGN_OR_RETURN(
        decision, access::Authorize(c, actor.principal, access::Action::kClientSearch, {.region_id = region_id}, now));
    ALLMENDE_TRY(Throttle(actor, now));
    if (auto problem = PersonNameProblem(person.name)) return Error::Invalid("name", *problem);
    std::optional<std::string> birth_date = Trimmed(person.birth_date);
    if (birth_date) {
      if (auto problem = BirthDateProblem(*birth_date, FormatRfc3339(now).substr(0, 10))) {
        return Error::Invalid("birth_date", *problem);
      }
    }
    std::optional<std::string> phone = Trimmed(person.phone);
    if (phone) {
      ALLMENDE_ASSIGN_OR_RETURN(auto region, RegistryStore::RegionCountry(c, region_id));
      ALLMENDE_ASSIGN_OR_RETURN(phone, DeskPhone(*phone, region ? region->first : ""));
    }
    return LookAlikes(c, region_id, "", person.name, birth_date, phone);
  });
  if (!found.ok()) return std::move(found).error();
  ALLMENDE_TRY(LogSearch(*decision, actor, region_id, now));
  return std::move(found).value();
}

Result<std::vector<ClientHit>> ClientRegistry::Find(storage::Connection& c, const std::string& region_id,
                                                    const ClientQuery& q, const std::optional<std::string>& phone,
                                                    const std::optional<std::string>& identity_digest) {
  const auto words = NameTokens(q.q);
  std::vector<ClientHit> found;
  bool scored = false;  // by the name index
  if (identity_digest) {
    ALLMENDE_ASSIGN_OR_RETURN(found, RegistryStore::ByIdentityDigest(c, region_id, *identity_digest));
  } else if (q.birth_date) {
    ALLMENDE_ASSIGN_OR_RETURN(found, RegistryStore::ByBirthDate(c, region_id, *q.birth_date, 2000));
  } else if (phone) {
    ALLMENDE_ASSIGN_OR_RETURN(found, RegistryStore::ByPhone(c, region_id, *phone, 200));
  } else {
    if (!names_.ready()) {
      Error e = Error::Unavailable("The name index is being read; search by birth date, phone or code meanwhile.");
      e.retry_after_seconds = 5;
      return e;
    }
    // The index has scored the names already: the rows read give the lines (sorted below). A
    // rename not yet applied to the index shows the new name with the old name's score.
    auto matches = names_.Find(region_id, words, static_cast<std::size_t>(q.limit));
    std::vector<std::string> ids;
    ids.reserve(matches.size());
    for (const auto& m : matches) ids.push_back(m.client_id);
    ALLMENDE_ASSIGN_OR_RETURN(auto rows, RegistryStore::Hits(c, ids));
    std::unordered_map<std::string, ClientHit*> by_id;
    for (auto& h : rows) by_id.emplace(h.id, &h);
    for (const auto& m : matches) {
      auto it = by_id.find(m.client_id);
      if (it == by_id.end()) continue;  // merged or gone since the index was read
      it->second->score = m.score;
      found.push_back(std::move(*it->second));
    }
    scored = true;
  }
  // Every criterion given must hold; the name scores the order.
  std::vector<ClientHit> out;
  for (auto& h : found) {
    if (q.birth_date && h.birth_date != q.birth_date) continue;
    if (phone && h.phone != phone) continue;
    if (scored) {
      out.push_back(std::move(h));
      continue;
    }
    h.score = 1.0;
    if (!words.empty()) {
      auto score = NameMatchScore(words, NameTokens(h.name));
      if (!score) continue;
      h.score = *score;
    }
    out.push_back(std::move(h));
  }
  std::sort(out.begin(), out.end(), [](const ClientHit& a, const ClientHit& b) {
    if (a.score != b.score) return a.score > b.score;
    return std::tie(a.name, a.id) < std::tie(b.name, b.id);
  });
  if (out.size() > static_cast<std::size_t>(q.limit)) out.resize(static_cast<std::size_t>(q.limit));
  return out;
}

Result<void> ClientRegistry::LogSearch(const access::Decision& decision, const access::Actor& actor,
                                       const std::string& region_id, Timestamp now) {
  // One entry on the region's chain per person, organization, role and purpose for each minute in
  // which they search, written before the first answer of that minute: the auditor sees who
  // searched the registry, when and why. A result line identifies a person (name, birth date,
  // municipality) without opening their record; opening it is the entry in the client's own log.
  // The price: how many searches followed within the minute, and when, is not recorded (at most
  // clients.search_per_minute, 120 by default, per person and process). An entry per search cost
  // half of a search's CPU (bench/clients.sh), as a durable write on every keystroke.
  std::string key = decision.actor_id + '\n' + decision.organization_id + '\n' + decision.role + '\n' + region_id +
                    '\n' + actor.purpose;
  {
    std::lock_guard lock(logged_mu_);
    auto it = logged_.find(key);
    if (it != logged_.end() && now >= it->second && now - it->second < kSearchLogWindow) return Ok();
  }
  ALLMENDE_TRY(db_.Write([&](storage::Connection& c) -> Result<void> {
    return access::AppendAccess(c, decision,
                                {.action = "client.search",
                                 .subject_type = "region",
                                 .subject_id = region_id,
                                 .region_id = region_id,
                                 .purpose = actor.purpose},
                                actor.request_id, now);
  }));
  std::lock_guard lock(logged_mu_);
  if (logged_.size() > kSearchLogKeys) {
    std::erase_if(logged_, [&](const auto& e) { return now - e.second >= kSearchLogWindow; });
  }
  logged_[std::move(key)] = now;
  return Ok();
}

Result<std::vector<ClientHit>> ClientRegistry::Search(const access::Actor& actor, const std::string& region_id,
                                                      const ClientQuery& raw) {
  const Timestamp now = clock_.Now();
  ClientQuery q = raw;
  // The search reads in a read transaction (it must not hold the writer while it scores); the
  // entries for what it showed are written after it, in a short write.
  std::optional<access::Decision> decision;
  auto found = db_.ReadValue<std::vector<ClientHit>>([&](storage::Connection& c) -> Result<std::vector<ClientHit>> {
    ALLMENDE_ASSIGN_OR_RETURN(
        decision, access::Authorize(c, actor.principal, access::Action::kClientSearch, {.region_id = region_id}, now));
    ALLMENDE_TRY(Throttle(actor, now));
    std::vector<FieldError> errors;
    if (q.q.size() > 200) errors.push_back({"q", "At most 200 characters."});
    if (q.limit < 1 || q.limit > 50) errors.push_back({"limit", "Between 1 and 50."});
    q.birth_date = Trimmed(q.birth_date);
    if (q.birth_date) {
      if (auto problem = BirthDateProblem(*q.birth_date, FormatRfc3339(now).substr(0, 10))) {
        errors.push_back({"birth_date", *problem});
      }
    }
    std::optional<std::string> phone = Trimmed(q.phone);
    std::optional<std::string> digest;
    if (auto text = Trimmed(q.identity_code)) {
      std::string problem;
      auto code = ParseFinnishIdentityCode(*text, &problem);
      if (code) {
        digest = IdentityCodeDigest(cipher_, code->code);
      } else {
        errors.push_back({"identity_code", problem});
      }
    }
    if (!errors.empty()) return Error::Invalid(std::move(errors));
    if (NameTokens(q.q).empty() && !q.birth_date && !phone && !digest) {
      return Error::Invalid("q", "Give a name, a birth date, a phone number or an identity code.");
    }
    std::optional<std::string> e164;
    if (phone) {
      ALLMENDE_ASSIGN_OR_RETURN(auto region, RegistryStore::RegionCountry(c, region_id));
      ALLMENDE_ASSIGN_OR_RETURN(e164, DeskPhone(*phone, region ? region->first : ""));
    }
    return Find(c, region_id, q, e164, digest);
  });
  if (!found.ok()) return std::move(found).error();
  ALLMENDE_TRY(LogSearch(*decision, actor, region_id, now));
  return std::move(found).value();
}

Result<std::string> ClientRegistry::RevealIdentityCode(const access::Actor& actor, const std::string& client_id) {
  const Timestamp now = clock_.Now();
  return db_.WriteValue<std::string>([&](storage::Connection& c) -> Result<std::string> {
    // Authorized first: a stranger learns nothing, not even whether the client exists.
    ALLMENDE_ASSIGN_OR_RETURN(
        auto decision,
        access::Authorize(c, actor.principal, access::Action::kClientIdentityReveal, {.client_id = client_id}, now));
    ALLMENDE_ASSIGN_OR_RETURN(std::string region, access::ClientRegion(c, client_id));
    ALLMENDE_ASSIGN_OR_RETURN(auto sealed, RegistryStore::SealedIdentityCode(c, client_id));
    if (!sealed) return Error::NotFound("No identity code is recorded for this client.");
    ALLMENDE_ASSIGN_OR_RETURN(std::string code, cipher_.Open(*sealed));
    ALLMENDE_TRY(access::AppendAccess(c, decision,
                                      {.action = "client.identity_code.reveal",
                                       .subject_type = "client",
                                       .subject_id = client_id,
                                       .client_id = client_id,
                                       .region_id = region,
                                       .purpose = actor.purpose},
                                      actor.request_id, now));
    return code;
  });
}

}  // namespace allmende::clients
