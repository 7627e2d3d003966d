// Route() for one order among 1,000 candidates (goal: p99 under 50 µs). Runs the Google Benchmark cases, then times
// single calls of each case and prints p50/p90/p99/max, because the goal is a percentile, not a mean:
//   build/dispatch-release/src/dispatch/routing_benchmark [--benchmark_repetitions=5] [--percentile_calls=N]
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "dispatch/routing.hpp"

namespace allmende::dispatch {
namespace {

constexpr int kCandidates = 1000;

// An id shaped like the platform's ("org_" + 26 base32 characters), long enough to live on the heap.
std::string ProviderId(std::mt19937_64& rng) {
  static constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  std::string id = "org_01J";
  while (id.size() < 30) id += kAlphabet[rng() % 32];
  return id;
}

// share_in_area of the candidates serve the order's area; of those, some lack the language or the capacity.
std::vector<Candidate> Candidates(double share_in_area, bool with_agreements) {
  std::mt19937_64 rng(2025);
  std::uniform_real_distribution<double> unit(0, 1);
  std::vector<Candidate> out;
  out.reserve(kCandidates);
  for (int i = 0; i < kCandidates; ++i) {
    Candidate c;
    c.provider_id = ProviderId(rng);
    c.has_agreement = with_agreements && unit(rng) < 0.3;
    c.agreement_rank = c.has_agreement ? 1 + static_cast<int>(rng() % 3) : 0;
    c.has_published_service = true;
    c.serves_area = unit(rng) < share_in_area;
    c.offers_service = unit(rng) < 0.9;
    c.languages = unit(rng) < 0.3 ? std::vector<std::string>{"fi", "sv", "en"} : std::vector<std::string>{"fi"};
    c.capacity_left_minutes = static_cast<std::int64_t>(rng() % 2400);
    c.voucher_approved = true;
    c.quality_score_permille = static_cast<int>(rng() % 1001);
    c.load_permille = static_cast<int>(rng() % 1001);
    c.previous_provider = unit(rng) < 0.01;
    c.last_offered_seq = static_cast<std::int64_t>(rng() % 5000);
    out.push_back(std::move(c));
  }
  return out;
}

struct Case {
  const char* name;
  RoutingRequest request;
  std::vector<Candidate> candidates;
};

std::vector<Case> Cases() {
  RoutingRequest any;
  any.minutes_needed = 0;
  RoutingRequest finnish;
  finnish.language = "fi";
  finnish.minutes_needed = 120;
  finnish.offer_count = 3;
  RoutingRequest swedish = finnish;
  swedish.language = "sv";
  swedish.minutes_needed = 2400;  // nobody has that much left: escalation
  RoutingRequest any_top20 = any;
  any_top20.ranking_limit = 20;
  RoutingRequest finnish_top20 = finnish;
  finnish_top20.ranking_limit = 20;
  std::vector<Candidate> everyone = Candidates(1.0, true);
  for (Candidate& c : everyone) c.offers_service = true;
  std::vector<Case> cases;
  cases.push_back({"all_1000_eligible", any, everyone});
  cases.push_back({"all_1000_eligible_top20", any_top20, everyone});
  cases.push_back({"area_10pct_fi_120min", finnish, Candidates(0.1, true)});
  cases.push_back({"area_50pct_fi_120min", finnish, Candidates(0.5, true)});
  cases.push_back({"area_50pct_fi_120min_top20", finnish_top20, Candidates(0.5, true)});
  cases.push_back({"none_eligible_escalation", swedish, Candidates(0.5, false)});
  return cases;
}

void BM_Route(benchmark::State& state, const Case* c) {
  for (auto _ : state) {
    RoutingDecision d = Route(c->request, c->candidates);
    benchmark::DoNotOptimize(d);
  }
  state.counters["eligible"] = static_cast<double>(Route(c->request, c->candidates).eligible_count);
}

void PrintPercentiles(const std::vector<Case>& cases, int calls) {
  std::printf("\nSingle-call latency, %d calls per case, %d candidates:\n", calls, kCandidates);
  std::printf("%-30s %9s %9s %9s %9s %9s\n", "case", "eligible", "p50 us", "p90 us", "p99 us", "max us");
  std::vector<double> micros(static_cast<std::size_t>(calls));
  for (const Case& c : cases) {
    std::size_t eligible = 0;
    for (int i = 0; i < 100; ++i) eligible = Route(c.request, c.candidates).eligible_count;  // warm up
    for (double& us : micros) {
      auto start = std::chrono::steady_clock::now();
      {
        RoutingDecision d = Route(c.request, c.candidates);
        benchmark::DoNotOptimize(d);
      }  // freeing the decision is part of the caller's cost
      us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
    }
    std::sort(micros.begin(), micros.end());
    auto at = [&](double q) { return micros[static_cast<std::size_t>(q * (micros.size() - 1))]; };
    std::printf("%-30s %9zu %9.2f %9.2f %9.2f %9.2f\n", c.name, eligible, at(0.5), at(0.9), at(0.99), micros.back());
  }
}

}  // namespace
}  // namespace allmende::dispatch

int main(int argc, char** argv) {
  using allmende::dispatch::Case;
  int calls = 20000;
  std::vector<char*> args;
  for (int i = 0; i < argc; ++i) {
    if (std::strncmp(argv[i], "--percentile_calls=", 19) == 0) {
      calls = std::max(1, std::atoi(argv[i] + 19));
    } else {
      args.push_back(argv[i]);
    }
  }
  int benchmark_argc = static_cast<int>(args.size());
  const std::vector<Case> cases = allmende::dispatch::Cases();
  for (const Case& c : cases) {
    benchmark::RegisterBenchmark((std::string("Route/") + c.name).c_str(), allmende::dispatch::BM_Route, &c)
        ->Unit(benchmark::kMicrosecond);
  }
  benchmark::Initialize(&benchmark_argc, args.data());
  if (benchmark::ReportUnrecognizedArguments(benchmark_argc, args.data())) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  allmende::dispatch::PrintPercentiles(cases, calls);
  return 0;
}
