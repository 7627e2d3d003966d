#include "search/cursor_codec.hpp"

#include <bit>
#include <cmath>
#include <cstring>
#include <optional>

namespace allmende::search {
namespace {

constexpr std::uint8_t kVersion = 1;
constexpr std::size_t kMaxCursorChars = 65536;
constexpr std::uint64_t kMaxTerms = 4096;
constexpr std::uint64_t kMaxAlternatives = 64;
constexpr std::uint64_t kMaxSlots = 64;
constexpr std::uint64_t kMaxSlotTerms = 256;
constexpr std::uint64_t kMaxString = 8192;
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::uint64_t Hash(std::string_view bytes, std::uint64_t h = 0xcbf29ce484222325ULL) {
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

class Writer {
 public:
  void Byte(std::uint8_t b) { out_ += static_cast<char>(b); }
  void Varint(std::uint64_t v) {
    while (v >= 0x80) {
      Byte(static_cast<std::uint8_t>(v | 0x80));
      v >>= 7;
    }
    Byte(static_cast<std::uint8_t>(v));
  }
  void Fixed(std::uint64_t v) {
    for (int i = 0; i < 8; ++i) Byte(static_cast<std::uint8_t>(v >> (8 * i)));
  }
  void Double(double d) { Fixed(std::bit_cast<std::uint64_t>(d)); }
  void String(std::string_view s) {
    Varint(s.size());
    out_ += s;
  }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool Byte(std::uint8_t& b) {
    if (at_ >= in_.size()) return false;
    b = static_cast<std::uint8_t>(in_[at_++]);
    return true;
  }
  bool Varint(std::uint64_t& v, std::uint64_t max) {
    v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      std::uint8_t b = 0;
      if (!Byte(b)) return false;
      v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
      if ((b & 0x80) == 0) return v <= max;
    }
    return false;
  }
  bool Fixed(std::uint64_t& v) {
    v = 0;
    for (int i = 0; i < 8; ++i) {
      std::uint8_t b = 0;
      if (!Byte(b)) return false;
      v |= static_cast<std::uint64_t>(b) << (8 * i);
    }
    return true;
  }
  bool FiniteDouble(double& d) {
    std::uint64_t bits = 0;
    if (!Fixed(bits)) return false;
    d = std::bit_cast<double>(bits);
    return std::isfinite(d);
  }
  bool String(std::string& s, std::uint64_t max) {
    std::uint64_t size = 0;
    if (!Varint(size, max) || size > in_.size() - at_) return false;
    s.assign(in_.substr(at_, size));
    at_ += size;
    return true;
  }
  bool done() const { return at_ == in_.size(); }

 private:
  std::string_view in_;
  std::size_t at_ = 0;
};

std::string Base64Url(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() * 4 + 2) / 3);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t v = (static_cast<std::uint8_t>(bytes[i]) << 16) |
                            (static_cast<std::uint8_t>(bytes[i + 1]) << 8) | static_cast<std::uint8_t>(bytes[i + 2]);
    for (int shift = 18; shift >= 0; shift -= 6) out += kAlphabet[(v >> shift) & 63];
  }
  const std::size_t rest = bytes.size() - i;
  if (rest > 0) {
    std::uint32_t v = static_cast<std::uint8_t>(bytes[i]) << 16;
    if (rest == 2) v |= static_cast<std::uint8_t>(bytes[i + 1]) << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    if (rest == 2) out += kAlphabet[(v >> 6) & 63];
  }
  return out;
}

int Base64Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-') return 62;
  if (c == '_') return 63;
  return -1;
}

// Strict: only the url alphabet, no padding, and the unused low bits of the last character zero,
// so every cursor has exactly one spelling.
std::optional<std::string> FromBase64Url(std::string_view text) {
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  out.reserve(text.size() * 3 / 4);
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    const int v = Base64Value(c);
    if (v < 0) return std::nullopt;
    buffer = (buffer << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  if ((buffer & ((1u << bits) - 1)) != 0) return std::nullopt;
  return out;
}

bool ReadPlan(Reader& in, QueryPlan& plan) {
  std::uint64_t count = 0;
  std::uint8_t flag = 0;
  if (!in.Varint(plan.doc_count, 0xffffffffULL) || !in.FiniteDouble(plan.average_length) || plan.average_length <= 0 ||
      !in.Byte(flag) || flag > 1) {
    return false;
  }
  plan.any_word = flag == 1;
  if (!in.Varint(count, kMaxTerms)) return false;
  plan.terms.resize(count);
  for (auto& term : plan.terms) {
    if (!in.String(term.text, 256) || !in.Varint(term.document_frequency, plan.doc_count)) return false;
  }
  if (!in.Varint(count, kMaxQueryWords)) return false;
  plan.words.resize(count);
  for (auto& word : plan.words) {
    if (!in.Varint(count, kMaxAlternatives)) return false;
    word.alternatives.resize(count);
    for (auto& alternative : word.alternatives) {
      if (!in.Byte(alternative.weight_tenths) || alternative.weight_tenths > 10 || !in.Varint(count, kMaxSlots) ||
          count == 0) {
        return false;
      }
      alternative.slots.resize(count);
      if (!in.Varint(alternative.merged_frequency, plan.doc_count)) return false;
      for (auto& slot : alternative.slots) {
        if (!in.Varint(count, kMaxSlotTerms) || count == 0) return false;
        slot.resize(count);
        for (auto& term : slot) {
          std::uint64_t index = 0;
          if (plan.terms.empty() || !in.Varint(index, plan.terms.size() - 1)) return false;
          term = static_cast<std::uint16_t>(index);
        }
      }
    }
  }
  if (!in.Byte(flag) || flag > 1) return false;
  if (flag == 1) {
    std::string text;
    if (!in.String(text, kMaxString)) return false;
    plan.did_you_mean = std::move(text);
  }
  return true;
}

}  // namespace

std::uint64_t QueryFingerprint(const Query& query) {
  Writer w;
  w.String(query.text);
  w.String(query.region_id);
  for (const auto* list :
       {&query.categories, &query.municipalities, &query.postal_codes, &query.languages, &query.vouchers}) {
    w.Varint(list->size());
    for (const auto& value : *list) w.String(value);
  }
  w.Byte(query.max_price ? 1 : 0);
  w.Fixed(static_cast<std::uint64_t>(query.max_price.value_or(0)));
  w.Byte(query.open_on ? 1 : 0);
  w.Fixed(static_cast<std::uint64_t>(static_cast<std::int64_t>(query.open_on.value_or(0))));
  w.Byte(static_cast<std::uint8_t>(query.sort));
  return Hash(w.bytes());
}

std::string EncodeCursor(const Cursor& cursor) {
  Writer w;
  w.Byte(kVersion);
  w.Fixed(cursor.query_fingerprint);
  const QueryPlan& plan = cursor.plan;
  w.Varint(plan.doc_count);
  w.Double(plan.average_length);
  w.Byte(plan.any_word ? 1 : 0);
  w.Varint(plan.terms.size());
  for (const auto& term : plan.terms) {
    w.String(term.text);
    w.Varint(term.document_frequency);
  }
  w.Varint(plan.words.size());
  for (const auto& word : plan.words) {
    w.Varint(word.alternatives.size());
    for (const auto& alternative : word.alternatives) {
      w.Byte(alternative.weight_tenths);
      w.Varint(alternative.slots.size());
      w.Varint(alternative.merged_frequency);
      for (const auto& slot : alternative.slots) {
        w.Varint(slot.size());
        for (std::uint16_t term : slot) w.Varint(term);
      }
    }
  }
  w.Byte(plan.did_you_mean ? 1 : 0);
  if (plan.did_you_mean) w.String(*plan.did_you_mean);
  w.Double(cursor.last.score);
  w.Fixed(static_cast<std::uint64_t>(cursor.last.price));
  w.Byte(cursor.last.has_rating ? 1 : 0);
  w.Double(cursor.last.rating);
  w.String(cursor.last.id);
  w.Fixed(Hash(w.bytes()));
  return Base64Url(w.bytes());
}

std::variant<Cursor, std::string> DecodeCursor(std::string_view text) {
  if (text.size() > kMaxCursorChars) return std::string("cursor too long");
  auto bytes = FromBase64Url(text);
  if (!bytes || bytes->size() < 9) return std::string("cursor is not base64url");
  const std::string_view payload(bytes->data(), bytes->size() - 8);
  Reader tail(std::string_view(*bytes).substr(payload.size()));
  std::uint64_t checksum = 0;
  if (!tail.Fixed(checksum) || checksum != Hash(payload)) return std::string("cursor checksum does not match");

  Reader in(payload);
  Cursor cursor;
  std::uint8_t version = 0;
  std::uint8_t has_rating = 0;
  std::uint64_t price = 0;
  const bool ok = in.Byte(version) && version == kVersion && in.Fixed(cursor.query_fingerprint) &&
                  ReadPlan(in, cursor.plan) && in.FiniteDouble(cursor.last.score) && in.Fixed(price) &&
                  in.Byte(has_rating) && has_rating <= 1 && in.FiniteDouble(cursor.last.rating) &&
                  in.String(cursor.last.id, 1024) && in.done();
  if (!ok) return std::string("cursor is malformed");
  cursor.last.price = static_cast<std::int64_t>(price);
  cursor.last.has_rating = has_rating == 1;
  return cursor;
}

}  // namespace allmende::search
