// A query's text turned into what the index looks up: the places its words name (a filter), and
// for every other word the ways it may match a doc.
//
// A word matches a doc by any of its alternatives; an alternative needs a term of each of its
// slots. The word's own forms (surface, base forms, stems in all five languages) are one
// alternative of one slot; each compound reading ("kotisiivous": koti + siivous) and a hyphenated
// word's parts are alternatives of several slots, so a compound matches a doc that has all its
// parts but not one that merely has "koti"; the last word while typing adds the words it
// begins; a word with no match at all is corrected within two edits.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "search/corpus.hpp"
#include "search/gazetteer.hpp"
#include "search/text_analyzer.hpp"

namespace allmende::search {

inline constexpr std::size_t kMaxQueryWords = 32;
inline constexpr std::size_t kMaxQueryWordChars = 64;
inline constexpr std::size_t kMaxPrefixExpansion = 50;

struct PlannedTerm {
  std::string text;
  std::uint64_t document_frequency = 0;  // live docs with the term when page one was planned
};

struct PlannedAlternative {
  std::uint8_t weight_tenths = 10;                // share of the word's score this way earns
  std::vector<std::vector<std::uint16_t>> slots;  // indexes into QueryPlan::terms
  // Nonzero for the words a typed prefix begins: the slot is scored as one term that this many
  // live docs have, at frequency one, so fifty prefix words cost one pass over the candidates.
  std::uint64_t merged_frequency = 0;
  // The docs of a merged slot, once someone computed them for this request (not in a cursor).
  std::shared_ptr<const Roaring> merged_docs;
};

struct PlannedWord {
  std::vector<PlannedAlternative> alternatives;  // none: the word matches nothing
};

// Everything page one decided that later pages must repeat: the terms and their statistics, so a
// doc scores the same on every page, and whether the words were OR-ed.
struct QueryPlan {
  std::vector<PlannedTerm> terms;
  std::vector<PlannedWord> words;
  bool any_word = false;  // the words' AND matched nothing, so any word matches
  std::uint64_t doc_count = 0;
  double average_length = 1.0;
  std::optional<std::string> did_you_mean;
};

// One word of the query's text part.
struct QueryWord {
  std::size_t position = 0;      // index in ParsedQuery::written
  WordForms forms;               // in every language
  std::vector<WordForms> parts;  // of a hyphenated word
  bool typing = false;           // the last word, with no separator after it: also a prefix
};

struct ParsedQuery {
  std::vector<std::string> written;  // every word as written, places included
  std::vector<std::string> places;   // codes of the places named
  std::vector<QueryWord> words;      // the text part: neither place nor stop word
};

// Splits `text` (any bytes) into at most kMaxQueryWords words, takes out the words that name
// places and, when other words remain, stop words ("in", "och", "und", …).
ParsedQuery ParseQuery(std::string_view text, const TextAnalyzer& analyzer, const Gazetteer& gazetteer);

// The docs (dead ones included) with any term of the alternative's single slot.
std::shared_ptr<const Roaring> MergedDocs(const Corpus& corpus, const QueryPlan& plan,
                                          const PlannedAlternative& alternative);

// Looks the words up in `corpus` as described above and freezes its statistics.
QueryPlan PlanQuery(const ParsedQuery& parsed, const Corpus& corpus);

}  // namespace allmende::search
