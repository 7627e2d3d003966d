// Finnish base forms and compound parts by Voikko (the fi dictionary of voikko-fi).
//
// Voikko handles are not thread-safe, so each analysis borrows one from a pool that grows to the
// number of threads analysing at once; handles live as long as the morphology.
#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

struct VoikkoHandle;

namespace allmende::search {

class FinnishMorphology {
 public:
  // Loads the Finnish dictionary. When it is missing, available() is false and every analysis
  // is empty; nothing is logged.
  FinnishMorphology();
  ~FinnishMorphology();
  FinnishMorphology(const FinnishMorphology&) = delete;
  FinnishMorphology& operator=(const FinnishMorphology&) = delete;

  bool available() const { return available_; }

  struct Analysis {
    // Base forms of every reading, lower-case, with hyphens and Voikko's "=" removed ("hervanta",
    // "orivesi", "mänttävilppula").
    std::vector<std::string> base_forms;
    // Each reading that is a compound, as its parts' base forms: "kotisiivouksen" → {koti, siivous}.
    std::vector<std::vector<std::string>> compounds;
  };

  // Analyses one lower-case word. Safe from any thread. Empty when Voikko does not know the word
  // (or is unavailable); words with digits or over 48 bytes are not analysed.
  Analysis Analyze(std::string_view lower_word) const;

 private:
  VoikkoHandle* Borrow() const;
  void Return(VoikkoHandle* handle) const;

  bool available_ = false;
  mutable std::mutex mutex_;
  mutable std::vector<VoikkoHandle*> idle_;
  mutable std::vector<VoikkoHandle*> all_;
};

// Splits Voikko's WORDBASES attribute ("+koti(koti)+siivo(siivo)+us(+us)") of a reading whose
// base form is `base_form` and STRUCTURE `structure` ("=pppp=ppppppp") into compound parts
// ({"koti", "siivous"}); empty when STRUCTURE does not mark as many parts, or fewer than two.
// Exposed for tests.
std::vector<std::string> CompoundPartsFromWordBases(std::string_view word_bases, std::string_view base_form,
                                                    std::string_view structure);

}  // namespace allmende::search
