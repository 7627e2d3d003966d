// What a ServiceIndex holds. The analyser and the gazetteer never change after construction and
// are safe to use without the lock; the corpus is read under a shared lock and written under an
// exclusive one.
#pragma once

#include <shared_mutex>
#include <string>
#include <vector>

#include "search/corpus.hpp"
#include "search/gazetteer.hpp"
#include "search/service_index.hpp"
#include "search/term_dictionary.hpp"
#include "search/text_analyzer.hpp"

namespace allmende::search {

// A place name Suggest may offer.
struct PlaceName {
  std::string key;  // folded
  std::string display;
  std::string code;
};

struct ServiceIndex::State {
  explicit State(std::vector<GazetteerPlace> places);

  TextAnalyzer analyzer;
  Gazetteer gazetteer;
  TermDictionary dictionary;
  std::vector<PlaceName> place_names;  // sorted by key

  mutable std::shared_mutex mutex;
  Corpus corpus;
};

}  // namespace allmende::search
