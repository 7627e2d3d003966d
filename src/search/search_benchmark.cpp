// Builds a synthetic directory of N services (argument, default 100000) and times the index:
// bulk build, memory, and Search latency per query class, single-threaded.
//
//   search_benchmark [services] [queries_per_class]
//
// The generator is deterministic (a fixed seed), so two runs on one machine see the same data.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>
#include <variant>
#include <vector>

#include "search/service_index.hpp"

namespace allmende::search {
namespace {

using Clock = std::chrono::steady_clock;

class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::size_t Below(std::size_t n) { return static_cast<std::size_t>(Next() % n); }
  bool Chance(int percent) { return Below(100) < static_cast<std::size_t>(percent); }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Below(items.size())];
  }

 private:
  std::uint64_t state_;
};

const std::vector<std::string> kFinnishServices = {
    "Siivous",    "Kotisiivous",  "Ikkunanpesu",    "Kotihoito",   "Ateriapalvelu", "Kauppa-apu",    "Saattajapalvelu",
    "Lumityöt",   "Pihatyöt",     "Hieronta",       "Jalkahoito",  "Kampaamo",      "Fysioterapia",  "Päivätoiminta",
    "Kuljetus",   "Asiointiapu",  "Vaatehuolto",    "Remonttiapu", "Muuttoapu",     "Lastenhoito",   "Kotiapu",
    "Omaishoito", "Turvapuhelin", "Siivouspalvelu", "Kylvetysapu", "Ulkoiluapu",    "Ruokakuljetus", "Tukipalvelu"};
const std::vector<std::string> kFinnishWords = {
    "laadukas",        "edullinen",   "nopea",      "luotettava", "viikoittainen", "kokenut",
    "ystävällinen",    "tarjoamme",   "siivouksen", "kotiin",     "asiakkaan",     "tarpeiden",
    "mukaan",          "teemme",      "palvelemme", "ikäihmisiä", "perheitä",      "arkisin",
    "viikonloppuisin", "kotona",      "asumisen",   "tueksi",     "hoitajamme",    "ovat",
    "koulutettuja",    "sovi",        "käynti",     "kanssamme",  "hinta",         "sisältää",
    "tarvikkeet",      "kodinhoidon", "ikkunoiden", "pesun",      "lisäksi",       "palvelu",
    "kotihoidon",      "ruoan",       "laitto",     "apua",       "kauppa",        "asioinnissa"};
const std::vector<std::string> kSwedishServices = {"Städning",       "Hemstädning",    "Fönstertvätt", "Hemtjänst",
                                                   "Måltidsservice", "Fotvård",        "Massage",      "Transport",
                                                   "Barnpassning",   "Trädgårdsarbete"};
const std::vector<std::string> kSwedishWords = {"vi",       "erbjuder", "städningen", "hemma", "hos",      "dig",
                                                "varje",    "vecka",    "pålitlig",   "snabb", "billig",   "service",
                                                "kunderna", "äldre",    "familjer",   "hjälp", "vardagen", "tjänsten"};
const std::vector<std::string> kEnglishWords = {"cleaning", "home",    "care",     "weekly", "reliable", "affordable",
                                                "service",  "elderly", "families", "help",   "meals",    "delivered",
                                                "trained",  "staff",   "windows",  "washed", "garden",   "work"};
const std::vector<std::string> kSurnames = {"Virtanen", "Korhonen",  "Nieminen", "Mäkinen",  "Hämäläinen",
                                            "Laine",    "Heikkinen", "Koskinen", "Järvinen", "Lehtonen"};
const std::vector<std::string> kSyllables = {"ka", "lo", "mi", "su", "ve", "ra", "ni", "to", "pe", "hu",
                                             "jo", "ta", "ki", "sa", "le", "mo", "ru", "va", "ai", "ny"};

struct Category {
  std::string code;
  std::vector<std::string> names;
};
const std::vector<Category> kCategories = {
    {"cleaning", {"Siivous", "Städning", "Cleaning", "Reinigung", "Rengøring"}},
    {"home_help", {"Kotiapu", "Hemhjälp", "Home help", "Haushaltshilfe", "Hjemmehjælp"}},
    {"meals", {"Ateriapalvelu", "Måltidsservice", "Meal service", "Mahlzeitendienst", "Madservice"}},
    {"transport", {"Kuljetus", "Transport", "Transport", "Fahrdienst", "Transport"}},
    {"personal_care", {"Henkilökohtainen hoito", "Personlig vård", "Personal care", "Körperpflege", "Personlig pleje"}},
    {"therapy", {"Terapia", "Terapi", "Therapy", "Therapie", "Terapi"}},
    {"garden", {"Pihatyöt", "Trädgårdsarbete", "Garden work", "Gartenarbeit", "Havearbejde"}},
    {"childcare", {"Lastenhoito", "Barnpassning", "Childcare", "Kinderbetreuung", "Børnepasning"}},
    {"errands", {"Asiointiapu", "Ärendehjälp", "Errands", "Besorgungen", "Indkøbshjælp"}},
    {"repairs", {"Remonttiapu", "Reparationer", "Repairs", "Reparaturen", "Reparationer"}},
};

struct Municipality {
  std::string code;
  std::string name;
  std::string swedish;
};
const std::vector<Municipality> kMunicipalities = {{"fi-837", "Tampere", "Tammerfors"},
                                                   {"fi-536", "Nokia", ""},
                                                   {"fi-980", "Ylöjärvi", ""},
                                                   {"fi-211", "Kangasala", ""},
                                                   {"fi-418", "Lempäälä", ""},
                                                   {"fi-604", "Pirkkala", "Birkala"},
                                                   {"fi-562", "Orivesi", ""},
                                                   {"fi-908", "Valkeakoski", ""},
                                                   {"fi-790", "Sastamala", ""},
                                                   {"fi-020", "Akaa", ""},
                                                   {"fi-108", "Hämeenkyrö", "Tavastkyro"},
                                                   {"fi-143", "Ikaalinen", "Ikalis"},
                                                   {"fi-508", "Mänttä-Vilppula", ""},
                                                   {"fi-581", "Parkano", ""},
                                                   {"fi-635", "Pälkäne", ""},
                                                   {"fi-702", "Ruovesi", ""},
                                                   {"fi-887", "Urjala", ""},
                                                   {"fi-922", "Vesilahti", ""},
                                                   {"fi-936", "Virrat", "Virdois"}};
const std::vector<std::pair<std::string, std::string>> kDistricts = {
    {"hervanta", "Hervanta"}, {"kaleva", "Kaleva"},     {"keskusta", "Keskusta"},
    {"tesoma", "Tesoma"},     {"lielahti", "Lielahti"}, {"linnainmaa", "Linnainmaa"}};
const std::vector<std::string> kDistrictPostalCodes = {"33720", "33500", "33100", "33310", "33400", "33580"};

std::vector<GazetteerPlace> Gazetteer() {
  std::vector<GazetteerPlace> places;
  for (const auto& m : kMunicipalities) {
    GazetteerPlace p{m.code, "municipality", m.code, {m.name}, {}};
    if (!m.swedish.empty()) p.names.push_back(m.swedish);
    places.push_back(std::move(p));
  }
  for (std::size_t i = 0; i < kDistricts.size(); ++i) {
    places.push_back(GazetteerPlace{
        "fi-837-" + kDistricts[i].first, "district", "fi-837", {kDistricts[i].second}, {kDistrictPostalCodes[i]}});
  }
  return places;
}

std::string Invented(Random& random) {
  std::string word;
  // 8,400 possible words: a realistic name vocabulary is large but not endless.
  const std::size_t syllables = 2 + random.Below(2);
  for (std::size_t i = 0; i < syllables; ++i) word += random.Pick(kSyllables);
  word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word;
}

std::string Words(Random& random, const std::vector<std::string>& pool, std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) {
    if (!text.empty()) text += ' ';
    text += random.Pick(pool);
  }
  return text + ".";
}

IndexedService Generate(Random& random, std::size_t n) {
  IndexedService s;
  s.id = "svc_" + std::to_string(1000000000 + n);
  s.region_id = random.Chance(90) ? "reg_pirkanmaa" : "reg_uusimaa";
  s.provider_id = "org_" + std::to_string(random.Below(n / 5 + 1));
  s.provider_name = random.Pick(kSurnames) + " " + Invented(random) + (random.Chance(50) ? " Oy" : " Ky");
  const Category& category = random.Pick(kCategories);
  s.category = category.code;
  s.category_names = category.names;
  s.name["fi"] = random.Pick(kFinnishServices) + " " + Invented(random);
  s.description["fi"] = Words(random, kFinnishWords, 12 + random.Below(14));
  s.languages = {"fi"};
  if (random.Chance(40)) {
    s.name["sv"] = random.Pick(kSwedishServices) + " " + Invented(random);
    s.description["sv"] = Words(random, kSwedishWords, 10 + random.Below(10));
    s.languages.push_back("sv");
  }
  if (random.Chance(15)) {
    s.description["en"] = Words(random, kEnglishWords, 10 + random.Below(10));
    s.languages.push_back("en");
  }
  if (random.Chance(40)) {
    s.districts.push_back("fi-837-" + random.Pick(kDistricts).first);
  } else {
    s.municipalities.push_back(random.Pick(kMunicipalities).code);
    if (random.Chance(30)) s.municipalities.push_back(random.Pick(kMunicipalities).code);
  }
  if (random.Chance(10)) s.postal_codes.push_back(random.Pick(kDistrictPostalCodes));
  if (random.Chance(50)) s.vouchers.push_back(random.Chance(50) ? "org_tampere" : "org_nokia");
  s.price = static_cast<std::int64_t>(1500 + random.Below(8000));
  s.open_days = static_cast<std::uint8_t>(random.Below(128));
  if (random.Chance(70)) s.rating = static_cast<double>(random.Below(51)) / 10.0;
  s.summary_json = "{\"id\":\"" + s.id + "\",\"name\":\"" + s.name["fi"] + "\"}";
  return s;
}

// CPU time of this thread: unlike the wall clock, it leaves out the time other processes on a
// shared machine take the core away.
double ThreadMicros() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e6 + static_cast<double>(t.tv_nsec) / 1e3;
}

// CPU time of all threads of the process (user and system), in seconds.
double ProcessSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

long StatusKilobytes(const char* field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(field, 0) == 0) return std::atol(line.c_str() + std::string(field).size());
  }
  return -1;
}

struct QueryClass {
  std::string name;
  std::vector<Query> queries;
};

std::vector<QueryClass> QueryClasses(std::size_t per_class, const std::vector<std::string>& rare_words) {
  Random random(7);
  auto text = [](std::string t) {
    Query q;
    q.text = std::move(t);
    return q;
  };
  const std::vector<std::string> broad = {"siivous", "kotihoito", "palvelu", "apua", "städning", "cleaning"};
  const std::vector<std::string> places = {"Hervannassa", "Nokialla",   "Tampereella", "Tammerfors",
                                           "Lempäälässä", "Orivedellä", "Kalevassa",   "Ylöjärvellä"};
  const std::vector<std::string> pairs = {"kotisiivous edullinen", "siivous ikkunoiden", "kotihoito ikäihmisiä",
                                          "ateriapalvelu kotiin",  "hemstädning varje",  "fysioterapia kokenut"};
  const std::vector<std::string> prefixes = {"kotisii", "ikkun", "ateriap", "hier", "städ", "jalkah", "lastenh"};
  const std::vector<std::string> typos = {"siivos",   "kotihoitto",  "ikunanpesu", "ateriaplvelu",
                                          "hierotna", "fysoterapia", "lumitöyt"};
  std::vector<QueryClass> classes(7);
  classes[0].name = "broad term";
  classes[1].name = "term + place";
  classes[2].name = "rare term";
  classes[3].name = "two terms";
  classes[4].name = "prefix";
  classes[5].name = "misspelling";
  classes[6].name = "filters only";
  for (std::size_t i = 0; i < per_class; ++i) {
    classes[0].queries.push_back(text(random.Pick(broad)));
    classes[1].queries.push_back(text(random.Pick(broad) + " " + random.Pick(places)));
    classes[2].queries.push_back(text(random.Pick(rare_words)));
    classes[3].queries.push_back(text(random.Pick(pairs)));
    classes[4].queries.push_back(text(random.Pick(prefixes)));
    classes[5].queries.push_back(text(random.Pick(typos) + " "));
    Query filters;
    filters.categories = {random.Pick(kCategories).code};
    filters.municipalities = {random.Pick(kMunicipalities).code};
    if (random.Chance(50)) filters.languages = {"sv"};
    if (random.Chance(50)) filters.max_price = static_cast<std::int64_t>(2500 + random.Below(5000));
    if (random.Chance(30)) filters.sort = Sort::kPriceAscending;
    classes[6].queries.push_back(filters);
  }
  return classes;
}

}  // namespace
}  // namespace allmende::search

int main(int argc, char** argv) {
  using namespace allmende::search;
  const std::size_t services = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 100000;
  const std::size_t per_class = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 2000;

  // Generated and loaded in slices of 100,000, as a start-up reads them page by page, so the
  // generator's copies do not count in the memory figures.
  constexpr std::size_t kSlice = 100000;
  Random random(42);
  ServiceIndex index(Gazetteer());
  std::vector<std::string> rare_words;
  double generate_s = 0;
  double build_s = 0;
  double build_cpu_s = 0;
  for (std::size_t begin = 0; begin < services; begin += kSlice) {
    auto started = Clock::now();
    std::vector<IndexedService> slice;
    for (std::size_t i = begin; i < std::min(services, begin + kSlice); ++i) {
      slice.push_back(Generate(random, i));
      if (i % 997 == 0)
        rare_words.push_back(slice.back().provider_name.substr(slice.back().provider_name.find(' ') + 1));
    }
    generate_s += std::chrono::duration<double>(Clock::now() - started).count();
    started = Clock::now();
    const double cpu_started = ProcessSeconds();
    index.PutAll(std::move(slice));
    build_s += std::chrono::duration<double>(Clock::now() - started).count();
    build_cpu_s += ProcessSeconds() - cpu_started;
  }
  std::printf("services             %zu (generated in %.2f s, not counted below)\n", index.size(), generate_s);
  std::printf("build (PutAll)       %.2f s wall, %.2f s CPU (both threads)\n", build_s, build_cpu_s);
  std::printf("MemoryBytes          %.1f MiB\n", static_cast<double>(index.MemoryBytes()) / 1048576.0);
  std::printf("RSS                  %.1f MiB (peak %.1f MiB)\n",
              static_cast<double>(StatusKilobytes("VmRSS:")) / 1024.0,
              static_cast<double>(StatusKilobytes("VmHWM:")) / 1024.0);

  std::printf("\n%-14s %8s %8s %8s %8s | %8s %8s %8s | %9s\n", "query class", "p50 µs", "p99 µs", "mean µs", "max µs",
              "cpu p50", "cpu p99", "cpu mean", "matches");
  for (auto& query_class : QueryClasses(per_class, rare_words)) {
    std::vector<double> wall;
    std::vector<double> cpu;
    double total_matches = 0;
    for (const auto& query : query_class.queries) {
      // A result is destroyed before the next query starts, as in a request handler.
      const auto t0 = Clock::now();
      const double c0 = ThreadMicros();
      auto result = index.Search(query);
      cpu.push_back(ThreadMicros() - c0);
      wall.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
      if (auto* r = std::get_if<SearchResult>(&result)) total_matches += static_cast<double>(r->total);
    }
    auto stats = [](std::vector<double>& v) {
      std::sort(v.begin(), v.end());
      double sum = 0;
      for (double x : v) sum += x;
      auto at = [&](double q) {
        return v[std::min(v.size() - 1, static_cast<std::size_t>(q * static_cast<double>(v.size())))];
      };
      return std::array<double, 4>{at(0.50), at(0.99), sum / static_cast<double>(v.size()), v.back()};
    };
    const auto w = stats(wall);
    const auto c = stats(cpu);
    std::printf("%-14s %8.0f %8.0f %8.0f %8.0f | %8.0f %8.0f %8.0f | %9.0f\n", query_class.name.c_str(), w[0], w[1],
                w[2], w[3], c[0], c[1], c[2], total_matches / static_cast<double>(wall.size()));
  }
  return 0;
}
