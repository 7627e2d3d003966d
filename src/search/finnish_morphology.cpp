#include "search/finnish_morphology.hpp"

#include <libvoikko/voikko.h>

#include <algorithm>

#include "search/text_folding.hpp"

namespace allmende::search {
namespace {

constexpr std::size_t kMaxAnalysedBytes = 48;

std::string WithoutMarks(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c != '=' && c != '-') out += c;
  }
  return out;
}

// One "+surface(base)" element of WORDBASES.
struct WordBase {
  std::string surface;
  std::string base;
};

std::vector<WordBase> ParseWordBases(std::string_view text) {
  std::vector<WordBase> elements;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] != '+') {
      ++i;
      continue;
    }
    ++i;
    WordBase element;
    while (i < text.size() && text[i] != '(' && text[i] != '+') element.surface += text[i++];
    if (i < text.size() && text[i] == '(') {
      ++i;
      while (i < text.size() && text[i] != ')') element.base += text[i++];
      if (i < text.size()) ++i;
    }
    elements.push_back(std::move(element));
  }
  return elements;
}

}  // namespace

std::vector<std::string> CompoundPartsFromWordBases(std::string_view word_bases, std::string_view base_form,
                                                    std::string_view structure) {
  // Derivational suffixes ("+us(+us)") and bare pieces ("+lli" of "+edu(etu)+lli+nen(+nen)")
  // belong to the part before them: siivo + us is "siivous".
  std::vector<WordBase> parts;
  for (auto& element : ParseWordBases(word_bases)) {
    if (element.surface.empty() || element.surface == "-") continue;
    if (element.base.empty() || element.base.front() == '+') {
      if (parts.empty()) continue;
      parts.back().surface += element.surface;
      parts.back().base.clear();
      continue;
    }
    parts.push_back(std::move(element));
  }
  // STRUCTURE starts each compound part with "=": a reading whose parts it does not confirm is no
  // compound ("edullinen" is edu + lli + nen but one word).
  const auto marked = static_cast<std::size_t>(std::count(structure.begin(), structure.end(), '='));
  if (parts.size() < 2 || parts.size() != marked) return {};

  std::vector<std::string> out;
  std::string prefix;
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    const std::string& chosen = parts[i].base.empty() ? parts[i].surface : parts[i].base;
    out.push_back(WithoutMarks(LowerCase(chosen)));
    prefix += WithoutMarks(LowerCase(parts[i].surface));
  }
  // The last part inflects with the whole word, so its base form is the rest of the compound's
  // base form; WORDBASES only has the stem of a derived last part ("palvel" of "palvelu").
  const std::string whole = WithoutMarks(LowerCase(base_form));
  if (whole.size() > prefix.size() && whole.compare(0, prefix.size(), prefix) == 0) {
    out.push_back(whole.substr(prefix.size()));
  } else {
    const WordBase& last = parts.back();
    out.push_back(WithoutMarks(LowerCase(last.base.empty() ? last.surface : last.base)));
  }
  std::erase_if(out, [](const std::string& part) { return CodePointCount(part) < 2; });
  if (out.size() < 2) return {};
  return out;
}

FinnishMorphology::FinnishMorphology() {
  const char* error = nullptr;
  VoikkoHandle* handle = voikkoInit(&error, "fi", nullptr);
  if (handle != nullptr) {
    available_ = true;
    idle_.push_back(handle);
    all_.push_back(handle);
  }
}

FinnishMorphology::~FinnishMorphology() {
  for (VoikkoHandle* handle : all_) voikkoTerminate(handle);
}

VoikkoHandle* FinnishMorphology::Borrow() const {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      VoikkoHandle* handle = idle_.back();
      idle_.pop_back();
      return handle;
    }
  }
  // Loading takes a fraction of a millisecond once the dictionary is in the page cache; done
  // outside the lock so other threads keep analysing.
  const char* error = nullptr;
  VoikkoHandle* handle = voikkoInit(&error, "fi", nullptr);
  if (handle != nullptr) {
    std::lock_guard lock(mutex_);
    all_.push_back(handle);
  }
  return handle;
}

void FinnishMorphology::Return(VoikkoHandle* handle) const {
  std::lock_guard lock(mutex_);
  idle_.push_back(handle);
}

FinnishMorphology::Analysis FinnishMorphology::Analyze(std::string_view lower_word) const {
  Analysis result;
  if (!available_ || lower_word.empty() || lower_word.size() > kMaxAnalysedBytes) return result;
  if (std::any_of(lower_word.begin(), lower_word.end(), [](char c) { return c >= '0' && c <= '9'; })) return result;
  const std::string word(lower_word);
  VoikkoHandle* handle = Borrow();
  if (handle == nullptr) return result;
  voikko_mor_analysis** analyses = voikkoAnalyzeWordCstr(handle, word.c_str());
  for (std::size_t i = 0; analyses != nullptr && analyses[i] != nullptr; ++i) {
    char* base = voikko_mor_analysis_value_cstr(analyses[i], "BASEFORM");
    char* bases = voikko_mor_analysis_value_cstr(analyses[i], "WORDBASES");
    char* structure = voikko_mor_analysis_value_cstr(analyses[i], "STRUCTURE");
    if (base != nullptr) {
      std::string form = WithoutMarks(LowerCase(base));
      if (!form.empty() &&
          std::find(result.base_forms.begin(), result.base_forms.end(), form) == result.base_forms.end()) {
        result.base_forms.push_back(std::move(form));
      }
      if (bases != nullptr && structure != nullptr) {
        auto parts = CompoundPartsFromWordBases(bases, base, structure);
        if (!parts.empty() &&
            std::find(result.compounds.begin(), result.compounds.end(), parts) == result.compounds.end()) {
          result.compounds.push_back(std::move(parts));
        }
      }
    }
    if (base != nullptr) voikko_free_mor_analysis_value_cstr(base);
    if (bases != nullptr) voikko_free_mor_analysis_value_cstr(bases);
    if (structure != nullptr) voikko_free_mor_analysis_value_cstr(structure);
  }
  if (analyses != nullptr) voikko_free_mor_analysis(analyses);
  Return(handle);
  return result;
}

}  // namespace allmende::search
