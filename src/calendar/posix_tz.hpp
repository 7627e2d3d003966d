// The POSIX TZ rule a TZif file carries in its footer ("EET-2EEST,M3.5.0/3,M10.5.0/4"), which says how
// a zone keeps time after the last transition listed in the file. The date library reads only the
// listed transitions (Debian's files list them up to 2037), so zone.cpp applies this rule after them.
// Internal to the calendar library; declared here for its tests.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace allmende::calendar {

struct PosixTzRule {
  // The day and local time of one change between standard and daylight time.
  struct Change {
    enum class Kind {
      kMonthWeekDay,  // Mm.w.d: weekday d (0 = Sunday) of week w (1..5, 5 = the last) of month m
      kJulian,        // Jn: day n (1..365) of the year, February 29 never counted
      kDayOfYear,     // n: day n (0..365) of the year, February 29 counted
    } kind = Kind::kMonthWeekDay;
    int month = 0;
    int week = 0;
    int weekday = 0;
    int day = 0;
    std::int32_t time = 7200;  // seconds after local midnight; may be negative or past 24 hours
  };
  std::int32_t std_offset = 0;  // seconds east of UTC
  bool has_dst = false;
  std::int32_t dst_offset = 0;  // seconds east of UTC
  Change dst_start;             // in standard time
  Change dst_end;               // in daylight time
};

// Parses a TZ string as zic writes it into TZif footers. Nullopt for anything else, including a
// daylight-time name without the rules for when it applies (which POSIX leaves to the implementation).
std::optional<PosixTzRule> ParsePosixTz(std::string_view text);

// The offset east of UTC, in seconds, that the rule gives at `utc_seconds` since 1970-01-01T00:00Z;
// for instants in years 1..9999.
std::int32_t OffsetAt(const PosixTzRule& rule, std::int64_t utc_seconds);

}  // namespace allmende::calendar
