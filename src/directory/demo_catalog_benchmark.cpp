// Times the demo catalog generator: `demo_catalog_benchmark [services] [providers] [seed]`; without
// arguments, the demo's size (200 providers, 1,000 services) and a million services by one provider
// and by 50,000. Build in Release; one core.
#include <chrono>
#include <cstdio>
#include <string>

#include "directory/demo_catalog.hpp"

namespace {

void Time(std::size_t providers, std::size_t services, std::uint64_t seed) {
  const auto started = std::chrono::steady_clock::now();
  allmende::directory::DemoCatalog catalog =
      allmende::directory::GenerateCatalog(providers, services, seed, {"org_welfare_area"});
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::size_t text_bytes = 0;
  for (const auto& s : catalog.services) {
    for (const auto& [lang, text] : s.content.description) text_bytes += text.size();
  }
  std::printf("%9zu providers %9zu services  %8.3f s  %6.2f µs/service  %7.1f MiB of descriptions\n", providers,
              services, seconds, seconds * 1e6 / static_cast<double>(services ? services : 1),
              static_cast<double>(text_bytes) / (1024.0 * 1024.0));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1) {
    const std::size_t services = std::stoul(argv[1]);
    const std::size_t providers = argc > 2 ? std::stoul(argv[2]) : std::max<std::size_t>(1, services / 20);
    Time(providers, services, argc > 3 ? std::stoull(argv[3]) : 1);
    return 0;
  }
  Time(200, 1000, 1);
  Time(1, 1000000, 1);
  Time(50000, 1000000, 1);
  return 0;
}
