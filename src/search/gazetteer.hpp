// The places the index understands: which municipality a district or postal code lies in, and
// which places a query's words name ("Hervannassa", "Tammerfors", "Mänttä-Vilppula").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "search/service_index.hpp"
#include "search/text_analyzer.hpp"

namespace allmende::search {

class Gazetteer {
 public:
  // Reads every name of every place in its Finnish base form too, so inflected names match.
  Gazetteer(std::vector<GazetteerPlace> places, const TextAnalyzer& analyzer);

  // The municipality a place code lies in: its own code for a municipality, the district's
  // municipality for a district; empty for a code the gazetteer does not know.
  std::string_view MunicipalityOf(std::string_view code) const;

  // True for a known place of kind "district".
  bool IsDistrict(std::string_view code) const;

  // The districts that list `postal_code`, and the municipalities that list it themselves or
  // hold such a district; empty for an unknown code.
  const std::vector<std::string>& DistrictsWithPostalCode(std::string_view postal_code) const;
  const std::vector<std::string>& MunicipalitiesWithPostalCode(std::string_view postal_code) const;

  // The places that the query words starting at `begin` name, taking as many words (up to three)
  // as the longest name that matches: the words' folded surface forms, the last word also by its
  // base forms. A word that is a known postal code names the districts that list it (or the
  // municipalities, when no district does).
  // word_count is 0 when no place is named there.
  struct NamedPlaces {
    std::size_t word_count = 0;
    std::vector<std::string> codes;
  };
  NamedPlaces Match(const std::vector<const WordForms*>& words, std::size_t begin) const;

  const std::vector<GazetteerPlace>& places() const { return places_; }

 private:
  std::vector<GazetteerPlace> places_;
  std::unordered_map<std::string, std::size_t> by_code_;
  std::unordered_map<std::string, std::vector<std::string>> by_name_key_;  // folded key → codes
  std::unordered_map<std::string, std::vector<std::string>> districts_by_postal_code_;
  std::unordered_map<std::string, std::vector<std::string>> municipalities_by_postal_code_;
};

}  // namespace allmende::search
