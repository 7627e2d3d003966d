// The demo region's directory (shared/JOURNEYS.md): the journeys' own providers and services and
// a generated, realistic remainder, all published.
#pragma once

#include "app/module.hpp"
#include "common/config.hpp"
#include "directory/directory_service.hpp"

namespace allmende::directory {

// Fills the directory of the region "pirkanmaa" up to demo.services services, with the generator's
// demo.seed; does nothing if the region has services already or there are no demo people.
Result<void> SeedDemoDirectory(app::DemoSeed& seed, DirectoryService& service, const DemoConfig& demo);

}  // namespace allmende::directory
