#include "common/ids.hpp"

#include <sys/random.h>

#include <array>
#include <mutex>
#include <stdexcept>

namespace allmende {
namespace {

constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

int CrockfordValue(char c) {
  for (std::size_t i = 0; i < kCrockford.size(); ++i) {
    if (kCrockford[i] == c) return static_cast<int>(i);
  }
  return -1;
}

// 128 bits as (hi 64, lo 64): time in the top 48 bits of hi, random in the rest.
std::string Encode(std::string_view prefix, std::uint64_t ms, std::uint64_t rand_hi16, std::uint64_t rand_lo64) {
  std::uint64_t hi = (ms << 16) | (rand_hi16 & 0xFFFF);
  std::uint64_t lo = rand_lo64;
  std::string out;
  out.reserve(prefix.size() + 1 + 26);
  out.append(prefix);
  out.push_back('_');
  // 26 characters of 5 bits = 130 bits; the first character carries the top 3 bits.
  std::array<char, 26> chars{};
  for (int i = 25; i >= 0; --i) {
    chars[i] = kCrockford[lo & 0x1F];
    lo = (lo >> 5) | ((hi & 0x1F) << 59);
    hi >>= 5;
  }
  out.append(chars.data(), chars.size());
  return out;
}

std::uint64_t RandomU64() {
  std::uint64_t v = 0;
  while (getrandom(&v, sizeof v, 0) != static_cast<ssize_t>(sizeof v)) {
  }
  return v;
}

}  // namespace

std::string NewIdAt(std::string_view prefix, std::chrono::system_clock::time_point at, std::uint64_t random_hi,
                    std::uint64_t random_lo) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count();
  return Encode(prefix, static_cast<std::uint64_t>(ms), random_hi, random_lo);
}

std::string NewId(std::string_view prefix) {
  static std::mutex mu;
  static std::uint64_t last_ms = 0, last_hi = 0, last_lo = 0;
  auto ms = static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count());
  std::uint64_t hi, lo;
  {
    std::lock_guard lock(mu);
    if (ms <= last_ms) {
      // Same (or a stepped-back) millisecond: keep the last time and count up the random part.
      ms = last_ms;
      hi = last_hi;
      lo = last_lo + 1;
      if (lo == 0) hi = (hi + 1) & 0xFFFF;
    } else {
      hi = RandomU64() & 0x7FFF;  // top bit clear leaves room to count up
      lo = RandomU64();
    }
    last_ms = ms;
    last_hi = hi;
    last_lo = lo;
  }
  return Encode(prefix, ms, hi, lo);
}

bool IsValidId(std::string_view prefix, std::string_view id) {
  if (id.size() != prefix.size() + 27 || id.substr(0, prefix.size()) != prefix || id[prefix.size()] != '_') {
    return false;
  }
  auto body = id.substr(prefix.size() + 1);
  if (CrockfordValue(body[0]) < 0 || CrockfordValue(body[0]) > 7) return false;
  for (char c : body) {
    if (CrockfordValue(c) < 0) return false;
  }
  return true;
}

std::chrono::system_clock::time_point IdTime(std::string_view id) {
  auto body = id.substr(id.size() - 26);
  std::uint64_t ms = 0;
  for (int i = 0; i < 10; ++i) ms = (ms << 5) | static_cast<std::uint64_t>(CrockfordValue(body[i]));
  return std::chrono::system_clock::time_point(std::chrono::milliseconds(ms));
}

}  // namespace allmende
