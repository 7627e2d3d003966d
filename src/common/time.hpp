// Time as the API speaks it: RFC 3339 in UTC, millisecond precision ("2026-11-23T08:15:00.000Z").
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace allmende {

using Clock = std::chrono::system_clock;
using Timestamp = std::chrono::time_point<Clock, std::chrono::milliseconds>;

// The current time, truncated to milliseconds.
Timestamp Now();

// "YYYY-MM-DDTHH:MM:SS.mmmZ". Always UTC, always 24 characters for years 0000-9999.
std::string FormatRfc3339(Timestamp t);

// Parses RFC 3339 date-time ("2026-11-23T10:15:00+02:00", "…Z", fractional seconds optional)
// and converts it to UTC. Returns nullopt for anything else, including invalid dates (Feb 30).
std::optional<Timestamp> ParseRfc3339(std::string_view text);

// Where "now" comes from, so that schedulers and deadlines can be tested with a clock the test
// moves. Thread-safe.
class TimeSource {
 public:
  virtual ~TimeSource() = default;
  virtual Timestamp Now() const = 0;
};

class SystemTimeSource final : public TimeSource {
 public:
  Timestamp Now() const override;
};

// A clock that stands still until the test moves it.
class ManualTimeSource final : public TimeSource {
 public:
  explicit ManualTimeSource(Timestamp start) : ms_(start.time_since_epoch().count()) {}
  Timestamp Now() const override { return Timestamp(std::chrono::milliseconds(ms_.load())); }
  void Advance(std::chrono::milliseconds d) { ms_ += d.count(); }
  void Set(Timestamp t) { ms_ = t.time_since_epoch().count(); }

 private:
  std::atomic<std::int64_t> ms_;
};

// Days since 1970-01-01 for a proleptic Gregorian date; valid for years 1..9999.
std::int64_t DaysFromCivil(int year, unsigned month, unsigned day);

// True if the date exists (2024-02-29 yes, 2025-02-29 no).
bool IsValidDate(int year, unsigned month, unsigned day);

}  // namespace allmende
