// Demo data for the service directory: the providers and services of the demo region's journeys
// (shared/JOURNEYS.md), and a generator of any number more for search and load tests. Pure: no
// database, no clock, no I/O; the same arguments give the same catalog on every machine.
//
// Categories and places are the codes of migration 0010 (directory_categories, directory_places);
// e-mail addresses and web sites use the reserved .example domain; generated business ids start
// with 8 or 9 and the journeys' with 6 or 7 (real ones start with 0–3), except Hervannan
// Kotisiivous Oy's, which is the one tenancy's demo organizations give it. Phone numbers are
// well-formed Finnish numbers that may exist: send nothing to them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "directory/directory_types.hpp"

namespace allmende::directory {

struct DemoProvider {
  ProviderProfile profile;                 // organization_id and region_id left empty; name and kind filled
  std::optional<std::string> business_id;  // Finnish Y-tunnus with a valid check digit; none for volunteer groups
};

struct DemoService {
  std::size_t provider = 0;  // index into DemoCatalog::providers
  ServiceContent content;    // image_ids empty
};

struct DemoCatalog {
  std::vector<DemoProvider> providers;
  std::vector<DemoService> services;
};

// The hand-written providers of the journeys: "Hervannan Kotisiivous Oy" (Jussi's cleaning company
// in Hervanta, Finnish, accepting the vouchers of `voucher_purchaser_ids`, free times on Tuesdays),
// "Ystäväpalvelu Tampere ry" (Hanna's friendship visits, free or for a symbolic fee), a second
// voucher cleaner so that Aino can compare, three Swedish-speaking cleaners open on Tuesdays and
// Swedish shopping help for Ebba ("städning", "inköpshjälp", "matkassen hem"), and a small Finnish
// provider in Orivesi that serves in no Swedish (journey 5's escalation). The same every call.
DemoCatalog JourneyCatalog(const std::vector<std::string>& voucher_purchaser_ids);

// The German ("zollernalbkreis": a recognised everyday-support provider paid from the relief
// amount) and Danish ("vestegnen": a home-help provider approved under free choice) demo regions'
// providers and services; empty for any other region.
DemoCatalog OtherCountryCatalog(const std::string& region_code);

// `providers` providers and `services` services spread over them: each provider has at least one
// service when there are enough, a tenth of them offer about a third of the rest, and there are
// no services when `providers` is 0. Names are unique among themselves and with JourneyCatalog's
// (past about 5,000 providers some carry a number); business ids are unique for up to a million
// providers. About half of the cleaning, home help, meal and shopping services of companies accept
// the vouchers of `voucher_purchaser_ids`. The same seed gives the same catalog on every machine.
// Cost in Release: 2–4 µs and about 2 KB per service (demo_catalog_benchmark.cpp).
DemoCatalog GenerateCatalog(std::size_t providers, std::size_t services, std::uint64_t seed,
                            const std::vector<std::string>& voucher_purchaser_ids);

}  // namespace allmende::directory
