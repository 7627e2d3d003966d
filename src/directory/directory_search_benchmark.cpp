// The search index on a real directory, in process: how long the index takes to build from the
// database, how much memory it holds, and each query class's latency without HTTP — the figure
// bench/search.sh puts beside the HTTP figures, so the server's overhead is a ratio.
//
//   directory_search_benchmark --data DIR | --database URL  [--queries bench/search_queries.txt] [--rounds 200]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>

#include "directory/catalog_index.hpp"
#include "directory/directory_handlers.hpp"
#include "storage/open_database.hpp"

namespace {

using namespace allmende;
using Steady = std::chrono::steady_clock;

std::string Decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i] == '+' ? ' ' : s[i];
    }
  }
  return out;
}

http::Request RequestOf(const std::string& line) {
  http::Request r;
  std::size_t start = 0;
  while (start <= line.size()) {
    std::size_t end = line.find('&', start);
    if (end == std::string::npos) end = line.size();
    std::string pair = line.substr(start, end - start);
    auto eq = pair.find('=');
    if (eq != std::string::npos) r.query.emplace_back(Decode(pair.substr(0, eq)), Decode(pair.substr(eq + 1)));
    start = end + 1;
  }
  return r;
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

long RssKb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  storage::DatabaseOptions options;
  std::string queries_file = "bench/search_queries.txt";
  int rounds = 200;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--data") options.data_dir = argv[i + 1];
    if (flag == "--database") options.url = argv[i + 1];
    if (flag == "--queries") queries_file = argv[i + 1];
    if (flag == "--rounds") rounds = std::stoi(argv[i + 1]);
  }
  auto db = storage::OpenDatabase(options);
  if (!db.ok()) {
    std::cerr << db.error().message << "\n";
    return 1;
  }
  long rss_before = RssKb();
  directory::CatalogIndex catalog;
  auto started = Steady::now();
  auto loaded = catalog.Load(**db);
  if (!loaded.ok()) {
    std::cerr << loaded.error().message << "\n";
    return 1;
  }
  double build_s = std::chrono::duration<double>(Steady::now() - started).count();
  std::cout << "services " << catalog.index().size() << "  build " << build_s << " s  index "
            << catalog.index().MemoryBytes() / (1024 * 1024) << " MiB (own estimate)  rss growth "
            << (RssKb() - rss_before) / 1024 << " MiB\n";

  // Classes are the comment lines of the query file.
  std::vector<std::pair<std::string, std::vector<std::string>>> classes;
  std::ifstream in(queries_file);
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    if (line[0] == '#') {
      if (line.find(':') == std::string::npos) classes.push_back({line.substr(2), {}});
      continue;
    }
    if (classes.empty()) classes.push_back({"queries", {}});
    classes.back().second.push_back(line);
  }
  std::vector<double> all_index, all_json;
  std::cout << "class                 queries  index p50 µs  p99 µs   + JSON p50 µs  p99 µs\n";
  for (const auto& [name, lines] : classes) {
    std::vector<double> index_us, json_us;
    for (int round = 0; round < rounds; ++round) {
      for (const auto& line : lines) {
        http::Request r = RequestOf(line + "&limit=20");
        auto t0 = Steady::now();
        auto q = directory::SearchQueryOf(r, nullptr);
        if (!q.ok()) continue;
        auto found = catalog.index().Search(*q);
        auto t1 = Steady::now();
        if (auto* result = std::get_if<search::SearchResult>(&found)) {
          std::string body = directory::SearchResultJson(*result, catalog, nullptr);
          if (body.empty()) return 1;
        }
        auto t2 = Steady::now();
        index_us.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
        json_us.push_back(std::chrono::duration<double, std::micro>(t2 - t0).count());
      }
    }
    all_index.insert(all_index.end(), index_us.begin(), index_us.end());
    all_json.insert(all_json.end(), json_us.begin(), json_us.end());
    std::printf("%-22s %7zu  %12.0f %7.0f   %13.0f %7.0f\n", name.c_str(), lines.size(), Percentile(index_us, 0.5),
                Percentile(index_us, 0.99), Percentile(json_us, 0.5), Percentile(json_us, 0.99));
  }
  std::printf("%-22s %7s  %12.0f %7.0f   %13.0f %7.0f\n", "all", "", Percentile(all_index, 0.5),
              Percentile(all_index, 0.99), Percentile(all_json, 0.5), Percentile(all_json, 0.99));
  double mean = 0;
  for (double v : all_json) mean += v;
  mean /= std::max<std::size_t>(1, all_json.size());
  std::printf("one core, in process: %.0f searches/s (mean %.0f µs with JSON)\n", 1e6 / mean, mean);
  return 0;
}
