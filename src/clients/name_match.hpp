// Typo-tolerant matching of people's names, for the advice desk's client search.
//
// A name is folded word by word (search/text_folding.hpp: case and diacritics, so "Sjöberg" and
// "sjoberg" meet) and indexed under each word and, for words of four letters or more, each form
// with one letter left out: a deletion neighbourhood. A query word of four letters or more looked
// up the same way meets every indexed word within one edit (a letter wrong, missing, extra, or two
// swapped), whatever the order of first and last name; shorter words meet exactly or as the start
// of a word. The candidates are then scored here, in memory, on the words themselves.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace allmende::clients {

// The folded words of a name, in order and each once: at most 8, each at most 40 letters. A
// hyphenated word gives its parts and the whole ("anna", "liisa", "annaliisa").
std::vector<std::string> NameTokens(std::string_view name);

struct NameKey {
  std::string key;
  std::string token;   // the folded word the key came from
  bool whole = false;  // the key is the word itself (not a deletion)
};

// The keys a name is indexed under: each word whole and, when it has 4 letters or more, each
// form with one letter left out. Without duplicates.
std::vector<NameKey> NameKeys(std::string_view name);

// The keys to look up for one folded query word, by the same rule.
std::vector<std::string> QueryKeys(std::string_view token);

// Edit distance with adjacent swaps (optimal string alignment) over code points; any value above
// `max` is returned as max + 1.
int EditDistance(std::string_view a, std::string_view b, int max);

// How well one query word matches one name word: 1.0 the same word, 0.8 the start of it (two
// letters or more), 0.7 one edit away, 0.5 two edits away (words of 6 letters or more), else 0.
double WordMatchScore(std::string_view query, std::string_view word);

// The best mean score when each query word is matched to a different name word, from
// score[q * names + w] (WordMatchScore's scale); nullopt when a query word can have none. At most
// 8 name words.
std::optional<double> BestAssignment(const double* score, std::size_t queries, std::size_t names);

// How well the query's words match a name's words (both NameTokens), each query word against a
// different name word by WordMatchScore: the mean over the query's words, or nullopt when one of
// them matches nothing.
std::optional<double> NameMatchScore(const std::vector<std::string>& query, const std::vector<std::string>& name);

}  // namespace allmende::clients
