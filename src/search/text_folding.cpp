#include "search/text_folding.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace allmende::search {
namespace {

bool IsAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

bool IsWordChar(UChar32 c, bool inside_word) {
  if (c < 0) return false;
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  if (u_isalnum(c)) return true;
  // A combining mark belongs to the letter before it (decomposed "a" + U+0308 is "ä").
  if (!inside_word) return false;
  const auto type = u_charType(c);
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}

bool IsJoiningHyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011; }

// Letters that NFD leaves whole but readers type without their stroke or ligature.
const char* FoldedLetter(UChar32 c) {
  switch (c) {
    case 0x00F8:  // ø
      return "o";
    case 0x00E6:  // æ
      return "ae";
    case 0x0153:  // œ
      return "oe";
    case 0x0111:  // đ
    case 0x00F0:  // ð
      return "d";
    case 0x0142:  // ł
      return "l";
    case 0x00FE:  // þ
      return "th";
    case 0x0131:  // dotless ı
      return "i";
    default:
      return nullptr;
  }
}

}  // namespace

std::size_t ForEachWord(std::string_view text, std::size_t max_words, std::size_t max_word_chars,
                        const std::function<void(std::string_view, const std::vector<std::string_view>&)>& visit) {
  std::size_t visited = 0;
  if (max_words == 0) return visited;
  std::vector<std::string_view> parts;
  std::size_t part_begin = 0;
  std::size_t part_end = 0;  // one past the last byte taken into the part; == part_begin: empty
  std::size_t chars = 0;
  enum class State { kOutside, kInWord, kAfterHyphen } state = State::kOutside;

  auto finish_part = [&] {
    if (part_end > part_begin) parts.push_back(text.substr(part_begin, part_end - part_begin));
    part_end = part_begin;
  };
  auto finish_word = [&] {
    finish_part();
    if (!parts.empty()) {
      const std::size_t begin = static_cast<std::size_t>(parts.front().data() - text.data());
      const std::size_t end = static_cast<std::size_t>(parts.back().data() - text.data()) + parts.back().size();
      if (parts.size() == 1) parts.clear();
      visit(text.substr(begin, end - begin), parts);
      ++visited;
    }
    parts.clear();
    chars = 0;
    state = State::kOutside;
  };

  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int64_t>(text.size());
  int64_t i = 0;
  while (i < length && visited < max_words) {
    const auto start = static_cast<std::size_t>(i);
    UChar32 c = 0;
    // U8_NEXT wants int32_t offsets; walk the text in windows so a huge input cannot overflow them.
    const int32_t window = static_cast<int32_t>(std::min<int64_t>(length - i, 1 << 20));
    int32_t offset = 0;
    U8_NEXT(bytes + i, offset, window, c);
    i += offset;
    if (IsWordChar(c, state == State::kInWord)) {
      if (state != State::kInWord) {
        part_begin = start;
        part_end = start;
      }
      if (chars < max_word_chars) {
        part_end = static_cast<std::size_t>(i);
        ++chars;
      }
      state = State::kInWord;
    } else if (IsJoiningHyphen(c) && state == State::kInWord) {
      finish_part();
      state = State::kAfterHyphen;
    } else if (state != State::kOutside) {
      finish_word();
    }
  }
  if (visited < max_words) finish_word();
  return visited;
}

std::vector<TextWord> SplitWords(std::string_view text, std::size_t max_words, std::size_t max_word_chars) {
  std::vector<TextWord> words;
  ForEachWord(text, max_words, max_word_chars, [&](std::string_view word, const std::vector<std::string_view>& parts) {
    TextWord out{std::string(word), {}};
    for (auto part : parts) out.parts.emplace_back(part);
    words.push_back(std::move(out));
  });
  return words;
}

bool EndsInWord(std::string_view text) {
  if (text.empty()) return false;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(std::min<std::size_t>(text.size(), 1 << 20));
  const std::size_t start = text.size() - static_cast<std::size_t>(length);
  int32_t offset = length;
  UChar32 c = 0;
  U8_PREV(bytes + start, 0, offset, c);
  return IsWordChar(c, true);
}

std::string LowerCase(std::string_view word) {
  if (IsAscii(word)) {
    std::string out(word);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  // fromUTF8 replaces invalid bytes with U+FFFD and never throws.
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  u.foldCase();
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_SUCCESS(status)) {
    icu::UnicodeString normalized = nfc->normalize(u, status);
    if (U_SUCCESS(status)) u = std::move(normalized);
  }
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string FoldDiacritics(std::string_view lower) {
  std::string out;
  out.reserve(lower.size());
  if (IsAscii(lower)) {
    for (char c : lower) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
    }
    return out;
  }
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(lower.data(), static_cast<int32_t>(lower.size())));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_SUCCESS(status)) {
    icu::UnicodeString decomposed = nfd->normalize(u, status);
    if (U_SUCCESS(status)) u = std::move(decomposed);
  }
  icu::UnicodeString kept;
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (const char* folded = FoldedLetter(c)) {
      kept.append(icu::UnicodeString(folded));
      continue;
    }
    if (u_isalnum(c)) kept.append(c);
  }
  status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_SUCCESS(status)) {
    icu::UnicodeString composed = nfc->normalize(kept, status);
    if (U_SUCCESS(status)) kept = std::move(composed);
  }
  kept.toUTF8String(out);
  return out;
}

std::string FoldWord(std::string_view word) { return FoldDiacritics(LowerCase(word)); }

std::size_t CodePointCount(std::string_view utf8) {
  std::size_t count = 0;
  for (unsigned char c : utf8) {
    if ((c & 0xC0) != 0x80) ++count;
  }
  return count;
}

}  // namespace allmende::search
