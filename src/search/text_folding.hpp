// Words out of arbitrary bytes, and the two foldings every term goes through: Unicode full case
// folding (ICU) and the removal of diacritics, so that "lempaala" meets "Lempäälä".
//
// Nothing here throws or reads memory past its input, whatever the bytes: invalid UTF-8 and
// control characters are separators.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace allmende::search {

// A word of a text as written: letters and digits, hyphen-joined runs kept together
// ("Mänttä-Vilppula"), with the runs between hyphens in `parts` (empty when there is no hyphen).
struct TextWord {
  std::string text;                // original case, valid UTF-8
  std::vector<std::string> parts;  // "Mänttä", "Vilppula"; empty for a plain word
};

// Calls `visit(word, parts)` for each word of `text` as SplitWords finds them, with views into
// `text` (a joined word keeps its hyphens as written) and without allocating per word. Returns
// the number of words visited.
std::size_t ForEachWord(std::string_view text, std::size_t max_words, std::size_t max_word_chars,
                        const std::function<void(std::string_view, const std::vector<std::string_view>&)>& visit);

// Splits `text` into words: maximal runs of letters, digits and combining marks; a hyphen between
// two such runs joins them. At most `max_words` words are returned; a word longer than
// `max_word_chars` code points is cut there. Invalid UTF-8 separates words.
std::vector<TextWord> SplitWords(std::string_view text, std::size_t max_words, std::size_t max_word_chars);

// True when the last code point of `text` belongs to a word (nothing, not even a space, follows
// the last word).
bool EndsInWord(std::string_view text);

// Full Unicode case folding (ß → ss) and NFC of a valid UTF-8 word; the form Voikko and Snowball
// read. ASCII takes a fast path without ICU.
std::string LowerCase(std::string_view word);

// `lower` (from LowerCase) without diacritics: NFD, combining marks removed, NFC, and the letters
// that carry no combining mark folded by hand (ø → o, æ → ae, đ → d, ł → l, þ → th).
// Also drops everything that is neither letter nor digit (the hyphen of a joined word).
std::string FoldDiacritics(std::string_view lower);

// FoldDiacritics(LowerCase(word)): the key under which a surface word is indexed.
std::string FoldWord(std::string_view word);

// Number of code points of valid UTF-8.
std::size_t CodePointCount(std::string_view utf8);

}  // namespace allmende::search
