// The desk's name search in process, without HTTP or the database: reads "region<TAB>id<TAB>name"
// lines (bench/clients.sh exports them from the seeded database), builds the index and times each
// query of bench/client_queries.txt that has a name, so the index's own cost is seen apart from the
// request's. Usage: name_index_benchmark NAMES_FILE QUERIES_FILE [rounds, default 200]
#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "clients/name_index.hpp"
#include "clients/name_match.hpp"

int main(int argc, char** argv) {
  using namespace allmende::clients;
  using Clock = std::chrono::steady_clock;
  if (argc < 3) {
    std::cerr << "usage: name_index_benchmark NAMES_FILE QUERIES_FILE [rounds]\n";
    return 2;
  }
  const int rounds = argc > 3 ? std::max(1, std::atoi(argv[3])) : 200;
  std::vector<NameIndex::Entry> entries;
  std::string region;
  {
    std::ifstream in(argv[1]);
    std::string line;
    while (std::getline(in, line)) {
      const auto a = line.find('\t');
      const auto b = line.find('\t', a + 1);
      if (a == std::string::npos || b == std::string::npos) continue;
      entries.push_back({line.substr(0, a), line.substr(a + 1, b - a - 1), line.substr(b + 1)});
      if (region.empty()) region = entries.back().region_id;
    }
  }
  NameIndex index;
  const auto built = Clock::now();
  index.Reset(entries);
  std::printf("index of %zu names built in %.2f s\n", entries.size(),
              std::chrono::duration<double>(Clock::now() - built).count());
  std::ifstream queries(argv[2]);
  std::string line;
  double total_us = 0;
  int measured = 0;
  while (std::getline(queries, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto doc = boost::json::parse(line).as_object();
    if (!doc.contains("q")) continue;
    const auto words = NameTokens(std::string(doc.at("q").as_string()));
    std::size_t found = 0;
    const auto start = Clock::now();
    for (int i = 0; i < rounds; ++i) found = index.Find(region, words, 20).size();
    const double us = std::chrono::duration<double, std::micro>(Clock::now() - start).count() / rounds;
    total_us += us;
    ++measured;
    std::printf("%8.1f us  %2zu found  %s\n", us, found, line.c_str());
  }
  if (measured > 0) std::printf("mean %.1f us per name query\n", total_us / measured);
  return 0;
}
