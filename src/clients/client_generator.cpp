#include "clients/client_generator.hpp"

#include <array>
#include <random>

#include "clients/client_registry_store.hpp"
#include "common/time.hpp"

namespace allmende::clients {
namespace {

// Weighted lists: the first names are more common than the last (a Zipf-like draw picks them).
constexpr std::array kFinnishWomen{"Aino",   "Helmi", "Anna",    "Maria",   "Liisa",    "Marja",      "Tuula", "Pirjo",
                                   "Ritva",  "Eeva",  "Sirpa",   "Leena",   "Kaarina",  "Anneli",     "Aila",  "Elina",
                                   "Hilkka", "Raija", "Sinikka", "Annikki", "Tellervo", "Anna-Liisa", "Satu",  "Päivi"};
constexpr std::array kFinnishMen{"Juhani", "Mikko",  "Matti", "Timo",  "Kari",   "Pekka",  "Antti", "Jukka",
                                 "Heikki", "Veikko", "Tapio", "Olavi", "Kalevi", "Ilmari", "Eino",  "Väinö",
                                 "Seppo",  "Erkki",  "Jorma", "Raimo", "Reijo",  "Esa",    "Jari",  "Toivo"};
constexpr std::array kFinnishSurnames{
    "Virtanen",    "Korhonen", "Mäkinen",  "Nieminen",   "Mäkelä",   "Hämäläinen", "Laine",     "Heikkinen",
    "Koskinen",    "Järvinen", "Lehtonen", "Lehtinen",   "Saarinen", "Salminen",   "Heinonen",  "Niemi",
    "Heikkilä",    "Kinnunen", "Salonen",  "Turunen",    "Salo",     "Laitinen",   "Tuominen",  "Rantanen",
    "Karjalainen", "Jokinen",  "Mattila",  "Savolainen", "Lahtinen", "Ahonen",     "Ojala",     "Leinonen",
    "Hiltunen",    "Kallio",   "Lindholm", "Hakala",     "Pitkänen", "Kettunen",   "Ketola",    "Lappalainen",
    "Räsänen",     "Väisänen", "Toivonen", "Peltonen",   "Honkanen", "Pesonen",    "Laaksonen", "Hirvonen"};
constexpr std::array kSwedishWomen{"Ebba", "Greta",  "Ingrid",   "Margareta", "Birgitta", "Karin", "Kerstin",
                                   "Elsa", "Astrid", "Marianne", "Solveig",   "Gunilla",  "Britt", "Maj-Britt"};
constexpr std::array kSwedishMen{"Johan", "Erik",   "Karl",   "Lars",   "Bengt", "Göran", "Stig",
                                 "Sven",  "Gunnar", "Ragnar", "Holger", "Björn", "Rolf",  "Nils"};
constexpr std::array kSwedishSurnames{"Lindqvist", "Johansson", "Andersson", "Karlsson",  "Nyström",   "Lindholm",
                                      "Sjöberg",   "Björklund", "Holmström", "Ekström",   "Lindroos",  "Sundström",
                                      "Forsman",   "Backman",   "Wikström",  "Lundqvist", "Granqvist", "Åberg"};
constexpr std::array kMunicipalities{"fi-837", "fi-837", "fi-837", "fi-837", "fi-837", "fi-536", "fi-980",
                                     "fi-211", "fi-418", "fi-604", "fi-908", "fi-790", "fi-562", "fi-020"};
constexpr std::array kCities{"Tampere",   "Tampere",  "Tampere",  "Tampere",     "Tampere",   "Nokia",   "Ylöjärvi",
                             "Kangasala", "Lempäälä", "Pirkkala", "Valkeakoski", "Sastamala", "Orivesi", "Akaa"};

template <typename List>
const char* Pick(const List& list, std::mt19937_64& rng) {
  // Zipf-like: the k-th entry with weight 1 / (k + 2).
  static thread_local std::vector<double> weights;
  weights.clear();
  for (std::size_t k = 0; k < list.size(); ++k) weights.push_back(1.0 / static_cast<double>(k + 2));
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
      std::string last = swedish ? Pick(kSwedishSurnames, rng) : Pick(kFinnishSurnames, rng);
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
        ALLMENDE_TRY(RegistryStore::IndexName(c, region_id, row.user_id, who.first));
      }
      return Ok();
    }));
  }
  return Ok();
}

}  // namespace allmende::clients
