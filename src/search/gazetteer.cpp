#include "search/gazetteer.hpp"

#include <algorithm>

#include "search/text_folding.hpp"

namespace allmende::search {
namespace {

constexpr std::size_t kLongestNameWords = 3;

void AddUnique(std::vector<std::string>& list, const std::string& value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

const std::vector<std::string>& Lookup(const std::unordered_map<std::string, std::vector<std::string>>& map,
                                       std::string_view key) {
  static const std::vector<std::string> kNone;
  auto it = map.find(std::string(key));
  return it == map.end() ? kNone : it->second;
}

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

Gazetteer::Gazetteer(std::vector<GazetteerPlace> places, const TextAnalyzer& analyzer) : places_(std::move(places)) {
  for (std::size_t i = 0; i < places_.size(); ++i) by_code_.emplace(places_[i].code, i);
  for (const auto& place : places_) {
    for (const auto& name : place.names) {
      auto words = SplitWords(name, kLongestNameWords, 64);
      if (words.empty()) continue;
      std::string prefix;
      for (std::size_t i = 0; i + 1 < words.size(); ++i) prefix += FoldWord(words[i].text);
      auto last = analyzer.Analyze(words.back().text, Language::kFinnish);
      AddUnique(by_name_key_[prefix + last->surface], place.code);
      for (const auto& lemma : last->lemmas) AddUnique(by_name_key_[prefix + lemma], place.code);
    }
    for (const auto& postal_code : place.postal_codes) {
      if (place.kind == "district") {
        AddUnique(districts_by_postal_code_[postal_code], place.code);
        if (!place.municipality_code.empty()) {
          AddUnique(municipalities_by_postal_code_[postal_code], place.municipality_code);
        }
      } else {
        AddUnique(municipalities_by_postal_code_[postal_code], place.code);
      }
    }
  }
}

std::string_view Gazetteer::MunicipalityOf(std::string_view code) const {
  auto it = by_code_.find(std::string(code));
  if (it == by_code_.end()) return {};
  const GazetteerPlace& place = places_[it->second];
  return place.municipality_code.empty() ? std::string_view(place.code) : std::string_view(place.municipality_code);
}

bool Gazetteer::IsDistrict(std::string_view code) const {
  auto it = by_code_.find(std::string(code));
  return it != by_code_.end() && places_[it->second].kind == "district";
}

const std::vector<std::string>& Gazetteer::DistrictsWithPostalCode(std::string_view postal_code) const {
  return Lookup(districts_by_postal_code_, postal_code);
}

const std::vector<std::string>& Gazetteer::MunicipalitiesWithPostalCode(std::string_view postal_code) const {
  return Lookup(municipalities_by_postal_code_, postal_code);
}

Gazetteer::NamedPlaces Gazetteer::Match(const std::vector<const WordForms*>& words, std::size_t begin) const {
  NamedPlaces named;
  if (begin >= words.size()) return named;
  const std::size_t longest = std::min(kLongestNameWords, words.size() - begin);
  for (std::size_t count = longest; count >= 1; --count) {
    std::string prefix;
    for (std::size_t i = begin; i + 1 < begin + count; ++i) prefix += words[i]->surface;
    const WordForms& last = *words[begin + count - 1];
    std::vector<std::string> keys{prefix + last.surface};
    for (const auto& lemma : last.lemmas) keys.push_back(prefix + lemma);
    for (const auto& key : keys) {
      auto it = by_name_key_.find(key);
      if (it == by_name_key_.end()) continue;
      for (const auto& code : it->second) AddUnique(named.codes, code);
    }
    if (!named.codes.empty()) {
      named.word_count = count;
      return named;
    }
  }
  if (IsDigits(words[begin]->surface)) {
    const auto& districts = DistrictsWithPostalCode(words[begin]->surface);
    named.codes = districts.empty() ? MunicipalitiesWithPostalCode(words[begin]->surface) : districts;
    if (!named.codes.empty()) named.word_count = 1;
  }
  return named;
}

}  // namespace allmende::search
