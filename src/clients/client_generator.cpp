#include "clients/client_generator.hpp"

#include <array>
#include <random>

#include "clients/client_registry_store.hpp"
#include "common/time.hpp"

namespace allmende::clients {
namespace {

// Surnames are built as most Finnish ones are, a nature word and an ending (Mäki + nen, Koski + la,
// Järvi + salo), a few thousand of them; the commonest (Korhonen, Virtanen) come first with the
// weight they have in the population register, about 0.4 % each. First names are weighted the same
// way among the names of people born in 1925–2008.
constexpr std::array kCommonSurnames{"Korhonen", "Virtanen",  "Mäkinen",  "Nieminen", "Mäkelä",   "Hämäläinen",
                                     "Laine",    "Heikkinen", "Koskinen", "Järvinen", "Lehtonen", "Lehtinen",
                                     "Saarinen", "Salminen",  "Heinonen", "Niemi",    "Heikkilä", "Kinnunen"};
constexpr std::array kStems{"Mäki",  "Koski",  "Järvi",  "Niemi",  "Salo",  "Lahti",  "Lehto", "Laine", "Ranta",
                            "Metsä", "Kallio", "Harju",  "Kivi",   "Vuori", "Saari",  "Aho",   "Pelto", "Hovi",
                            "Vaara", "Suo",    "Laakso", "Kangas", "Korpi", "Oja",    "Lampi", "Lammi", "Rauta",
                            "Honka", "Kuusi",  "Haapa",  "Leppä",  "Tammi", "Pihla",  "Kaski", "Kuja",  "Rinne",
                            "Mutka", "Hiekka", "Nurmi",  "Palo",   "Heino", "Kiiski", "Lohi",  "Virta", "Halla"};
constexpr std::array kEndings{"nen",   "la",    "lä",   "maa",   "ranta", "oja",    "vaara", "salo",  "niemi",
                              "harju", "koski", "mäki", "lahti", "aho",   "kangas", "pää",   "vuori", "järvi"};
constexpr std::array kFinnishWomen{
    "Aino",  "Helmi",   "Anna",   "Maria",   "Liisa",  "Marja",  "Tuula", "Pirjo",      "Ritva",   "Eeva",     "Sirpa",
    "Leena", "Kaarina", "Anneli", "Aila",    "Elina",  "Hilkka", "Raija", "Sinikka",    "Annikki", "Tellervo", "Satu",
    "Päivi", "Anja",    "Irma",   "Terttu",  "Kirsti", "Arja",   "Seija", "Marjatta",   "Helena",  "Tuulikki", "Aune",
    "Lahja", "Impi",    "Sanna",  "Johanna", "Laura",  "Emilia", "Sofia", "Anna-Liisa", "Riitta"};
constexpr std::array kFinnishMen{"Juhani", "Mikko",  "Matti", "Timo",  "Kari",   "Pekka",  "Antti",  "Jukka",
                                 "Heikki", "Veikko", "Tapio", "Olavi", "Kalevi", "Ilmari", "Eino",   "Väinö",
                                 "Seppo",  "Erkki",  "Jorma", "Raimo", "Reijo",  "Esa",    "Jari",   "Toivo",
                                 "Pentti", "Markku", "Hannu", "Risto", "Arto",   "Paavo",  "Aarne",  "Lauri",
                                 "Ville",  "Juha",   "Petri", "Mika",  "Sami",   "Tuomas", "Aleksi", "Onni"};
constexpr std::array kSwedishWomen{"Ebba", "Greta",  "Ingrid",   "Margareta", "Birgitta",     "Karin", "Kerstin",
                                   "Elsa", "Astrid", "Marianne", "Solveig",   "Gunilla",      "Britt", "Maj-Britt",
                                   "Ulla", "Barbro", "Gunvor",   "Siv",       "Ann-Christin", "Linnea"};
constexpr std::array kSwedishMen{"Johan",  "Erik",   "Karl",   "Lars",   "Bengt", "Göran", "Stig",
                                 "Sven",   "Gunnar", "Ragnar", "Holger", "Björn", "Rolf",  "Nils",
                                 "Henrik", "Anders", "Mats",   "Ulf",    "Bo",    "Kurt"};
constexpr std::array kSwedishSurnames{"Lindqvist",  "Johansson", "Andersson", "Karlsson",   "Nyström",   "Lindholm",
                                      "Sjöberg",    "Björklund", "Holmström", "Ekström",    "Lindroos",  "Sundström",
                                      "Forsman",    "Backman",   "Wikström",  "Lundqvist",  "Granqvist", "Åberg",
                                      "Eriksson",   "Nyman",     "Holmberg",  "Lindström",  "Blomqvist", "Stenroos",
                                      "Westerlund", "Grönroos",  "Söderholm", "Strandberg", "Sandström", "Fagerström"};
constexpr std::array kMunicipalities{"fi-837", "fi-837", "fi-837", "fi-837", "fi-837", "fi-536", "fi-980",
                                     "fi-211", "fi-418", "fi-604", "fi-908", "fi-790", "fi-562", "fi-020"};
constexpr std::array kCities{"Tampere",   "Tampere",  "Tampere",  "Tampere",     "Tampere",   "Nokia",   "Ylöjärvi",
                             "Kangasala", "Lempäälä", "Pirkkala", "Valkeakoski", "Sastamala", "Orivesi", "Akaa"};

// A Finnish surname: one of the commonest 7 % of the time (each about 0.4 %), otherwise a stem and
// an ending ("nen" most often).
std::string FinnishSurname(std::mt19937_64& rng) {
  std::uniform_int_distribution<int> percent(0, 99);
  if (percent(rng) < 7) {
    std::uniform_int_distribution<std::size_t> pick(0, kCommonSurnames.size() - 1);
    return kCommonSurnames[pick(rng)];
  }
  std::uniform_int_distribution<std::size_t> stem(0, kStems.size() - 1);
  std::uniform_int_distribution<std::size_t> ending(0, kEndings.size() - 1);
  std::string s = kStems[stem(rng)];
  std::string e = percent(rng) < 40 ? "nen" : kEndings[ending(rng)];
  // Vowel harmony, roughly: back-vowel stems take "la", front-vowel ones "lä".
  if (e == "la" || e == "lä") e = s.find("ä") != std::string::npos || s.find("ö") != std::string::npos ? "lä" : "la";
  return s + e;
}

template <typename List>
const char* Pick(const List& list, std::mt19937_64& rng) {
  // Zipf-like: the k-th entry with weight 1 / (k + 8), so the first is about three times the last.
  static thread_local std::vector<double> weights;
  weights.clear();
  for (std::size_t k = 0; k < list.size(); ++k) weights.push_back(1.0 / static_cast<double>(k + 8));
  std::discrete_distribution<std::size_t> d(weights.begin(), weights.end());
  return list[d(rng)];
}

}  // namespace

Result<void> GenerateClients(storage::Database& db, const std::string& region_id, std::int64_t count,
                             std::uint64_t seed) {
  std::int64_t have = 0;
  ALLMENDE_TRY(db.Read([&](storage::Connection& c) -> Result<void> {
    ALLMENDE_ASSIGN_OR_RETURN(auto row, c.QueryOne("SELECT count(*) FROM clients WHERE user_id LIKE 'usr_gen_%'"));
    have = row ? row->Int(0) : 0;
    return Ok();
  }));
  if (have >= count) return Ok();
  std::mt19937_64 rng(seed * 7919 + 17);
  // The people before `have` were made by an earlier run with the same seed: draw past them.
  std::uniform_int_distribution<int> day_of(0, 84 * 365);  // born 1925–2008
  std::uniform_int_distribution<int> percent(0, 99);
  const std::string now = FormatRfc3339(Now());
  constexpr std::int64_t kBatch = 2000;
  for (std::int64_t start = 0; start < count; start += kBatch) {
    const std::int64_t end = std::min(count, start + kBatch);
    std::vector<std::pair<RegistryRow, std::pair<std::string, std::string>>> people;  // row, (name, language)
    for (std::int64_t i = start; i < end; ++i) {
      const bool swedish = percent(rng) < 6;
      const bool woman = percent(rng) < 55;
      std::string first = swedish ? (woman ? Pick(kSwedishWomen, rng) : Pick(kSwedishMen, rng))
                                  : (woman ? Pick(kFinnishWomen, rng) : Pick(kFinnishMen, rng));
      std::string last = swedish ? std::string(Pick(kSwedishSurnames, rng)) : FinnishSurname(rng);
      const int day = day_of(rng);
      const std::size_t place = static_cast<std::size_t>(percent(rng)) % kMunicipalities.size();
      const int street_number = 1 + percent(rng);
      if (i < have) continue;
      char id[32];
      std::snprintf(id, sizeof id, "usr_gen_%08lld", static_cast<long long>(i));
      const auto born = std::chrono::sys_days{std::chrono::year{1925} / 1 / 1} + std::chrono::days{day};
      const std::chrono::year_month_day ymd{born};
      char date[16];
      std::snprintf(date, sizeof date, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                    static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
      RegistryRow row{id,
                      region_id,
                      now,
                      "system-seed",
                      std::string(date),
                      std::string(swedish ? "Storgatan " : "Kauppakatu ") + std::to_string(street_number),
                      std::string("33100"),
                      std::string(kCities[place]),
                      std::string(kMunicipalities[place])};
      people.push_back({std::move(row), {first + " " + last, swedish ? "sv" : "fi"}});
    }
    if (people.empty()) continue;
    ALLMENDE_TRY(db.Write([&](storage::Connection& c) -> Result<void> {
      for (const auto& [row, who] : people) {
        // Unique phone numbers from the id's number: +358 50 1xx xxxx.
        const std::string phone = "+35850" + std::to_string(1000000 + std::stoll(row.user_id.substr(8)));
        ALLMENDE_TRY(
            c.Execute("INSERT INTO users (id, email, name, phone, language, created_at, updated_at) "
                      "VALUES ($1, NULL, $2, $3, $4, $5, $5)",
                      {row.user_id, who.first, phone, who.second, now}));
        ALLMENDE_TRY(RegistryStore::Insert(c, row));
      }
      return Ok();
    }));
  }
  return Ok();
}

}  // namespace allmende::clients
