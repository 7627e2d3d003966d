// A small gazetteer of Pirkanmaa and helpers that tests of the search index share.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

#include "search/service_index.hpp"

namespace allmende::search::fixture {

inline std::vector<GazetteerPlace> PirkanmaaGazetteer() {
  return {
      {"fi-837", "municipality", "fi-837", {"Tampere", "Tammerfors"}, {}},
      {"fi-837-hervanta", "district", "fi-837", {"Hervanta"}, {"33720"}},
      {"fi-837-kaleva", "district", "fi-837", {"Kaleva"}, {"33500"}},
      {"fi-562", "municipality", "fi-562", {"Orivesi"}, {}},
      {"fi-418", "municipality", "fi-418", {"Lempäälä"}, {}},
      {"fi-508", "municipality", "fi-508", {"Mänttä-Vilppula"}, {}},
  };
}

// A service with a Finnish name and nothing else but what a result needs.
inline IndexedService Service(std::string id, std::string finnish_name, std::string finnish_description = "") {
  IndexedService s;
  s.id = id;
  s.region_id = "reg_pirkanmaa";
  s.provider_id = "org_" + id;
  s.provider_name = "Yritys Oy";
  s.name = {{"fi", std::move(finnish_name)}};
  if (!finnish_description.empty()) s.description = {{"fi", std::move(finnish_description)}};
  s.category = "other";
  s.languages = {"fi"};
  s.summary_json = "{\"id\":\"" + id + "\"}";
  return s;
}

inline IndexedService Localized(std::string id, std::string language, std::string name) {
  IndexedService s = Service(std::move(id), "");
  s.name = {{std::move(language), std::move(name)}};
  return s;
}

inline Query Text(std::string text) {
  Query q;
  q.text = std::move(text);
  return q;
}

// Runs the query; a CursorError fails the test and gives an empty result.
inline SearchResult RunQuery(const ServiceIndex& index, const Query& query) {
  auto result = index.Search(query);
  if (auto* error = std::get_if<CursorError>(&result)) {
    ADD_FAILURE() << "cursor error: " << error->message;
    return {};
  }
  return std::get<SearchResult>(std::move(result));
}

inline std::vector<std::string> Ids(const SearchResult& result) {
  std::vector<std::string> ids;
  for (const auto& hit : result.hits) ids.push_back(hit.id);
  return ids;
}

inline std::vector<std::string> Find(const ServiceIndex& index, std::string text) {
  return Ids(RunQuery(index, Text(std::move(text))));
}

}  // namespace allmende::search::fixture
