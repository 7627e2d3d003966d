#include "calendar/zone.hpp"

#include <date/tz.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "calendar/posix_tz.hpp"

namespace allmende::calendar {
namespace {

// Where Debian's date library (built with USE_OS_TZDB) reads the zones; the footers are read there too.
constexpr std::string_view kZoneInfoDir = "/usr/share/zoneinfo/";
// 10000-01-01T00:00:00Z. The date library ends a zone's last period far beyond it; no earlier period does.
constexpr std::int64_t kYear10000 = 253402300800;
constexpr std::int64_t kDay = 86400;
// A zone's file is a few kilobytes; reading stops here whatever the file is.
constexpr std::streamsize kMaxZoneFileBytes = 1 << 20;

struct Zone {
  const date::time_zone* tz;
  std::optional<PosixTzRule> footer;  // the rule after the file's last transition, if the file has one
};

std::optional<PosixTzRule> ReadFooter(const std::string& name) {
  std::ifstream in(std::string(kZoneInfoDir) + name, std::ios::binary);
  if (!in) return std::nullopt;
  in.seekg(0, std::ios::end);
  const std::streamsize size = std::min<std::streamsize>(in.tellg(), kMaxZoneFileBytes);
  in.seekg(0);
  std::string bytes(static_cast<std::size_t>(std::max<std::streamsize>(size, 0)), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  // TZif version 2 and later end in "\n<TZ string>\n".
  if (bytes.size() < 6 || bytes.compare(0, 4, "TZif") != 0 || bytes[4] < '2' || bytes.back() != '\n') {
    return std::nullopt;
  }
  const std::size_t start = bytes.rfind('\n', bytes.size() - 2);
  if (start == std::string::npos) return std::nullopt;
  return ParsePosixTz(std::string_view(bytes).substr(start + 1, bytes.size() - start - 2));
}

// The zone of that name, looked up once and kept. Bounded: only names the database knows are kept
// (some 600 zones and their links).
Result<const Zone*> FindZone(std::string_view name) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<Zone>, std::less<>> zones;
  {
    std::lock_guard lock(mutex);
    if (auto it = zones.find(name); it != zones.end()) return it->second.get();
  }
  try {
    date::get_tzdb();  // loads the database once; failing here is not the caller's fault
  } catch (const std::exception& e) {
    return Error::Internal(std::string("The time zone database cannot be read: ") + e.what());
  }
  const date::time_zone* tz = nullptr;
  try {
    tz = date::locate_zone(name);
  } catch (const std::exception&) {
    return Error::Invalid("time_zone", "Unknown time zone; use an IANA name such as Europe/Helsinki.");
  }
  auto zone = std::make_unique<Zone>(Zone{tz, ReadFooter(tz->name())});
  std::lock_guard lock(mutex);
  auto [it, inserted] = zones.try_emplace(std::string(name), std::move(zone));
  return it->second.get();
}

// Seconds east of UTC in `zone` at `utc` (seconds since 1970). May throw from the date library.
std::int64_t OffsetAt(const Zone& zone, std::int64_t utc) {
  const date::sys_info info = zone.tz->get_info(date::sys_seconds{std::chrono::seconds{utc}});
  if (zone.footer && info.end.time_since_epoch().count() >= kYear10000) return OffsetAt(*zone.footer, utc);
  return info.offset.count();
}

// `local` is seconds since 1970-01-01T00:00 on the wall clock. Assumes at most one transition within
// two days of it, which holds for every zone in use today.
std::int64_t LocalToUtc(const Zone& zone, std::int64_t local) {
  const std::int64_t before = OffsetAt(zone, local - 2 * kDay);
  const std::int64_t after = OffsetAt(zone, local + 2 * kDay);
  const std::int64_t with_before = local - before;
  const std::int64_t with_after = local - after;
  const bool before_fits = OffsetAt(zone, with_before) == before;
  const bool after_fits = OffsetAt(zone, with_after) == after;
  if (before_fits && after_fits) return std::min(with_before, with_after);  // overlap: the earlier
  if (after_fits) return with_after;
  // Either only the old offset fits, or the time lies in a gap: read with the offset from before
  // the gap, it lands as far past the transition as it lies past the gap's start.
  return with_before;
}

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

Result<void> CheckZone(std::string_view zone) {
  ALLMENDE_TRY(FindZone(zone));
  return Ok();
}

Result<Timestamp> ToUtc(std::string_view zone, LocalDate date, LocalTime time) {
  ALLMENDE_ASSIGN_OR_RETURN(const Zone* z, FindZone(zone));
  if (!IsValid(date)) return Error::Invalid("date", "Not a date in years 1 to 9999.");
  if (!IsValid(time)) return Error::Invalid("time", "Not a time of day (00:00 to 23:59).");
  const std::int64_t local = std::int64_t{DayNumber(date)} * kDay + time.hour * 3600 + time.minute * 60;
  try {
    return Timestamp(std::chrono::seconds(LocalToUtc(*z, local)));
  } catch (const std::exception& e) {
    return Error::Internal(std::string("Time zone conversion failed: ") + e.what());
  }
}

Result<std::pair<LocalDate, LocalTime>> ToLocal(std::string_view zone, Timestamp instant) {
  ALLMENDE_ASSIGN_OR_RETURN(const Zone* z, FindZone(zone));
  const std::int64_t utc = FloorDiv(instant.time_since_epoch().count(), 1000);
  const std::int64_t utc_day = FloorDiv(utc, kDay);
  if (utc_day < DayNumber({1, 1, 2}) || utc_day > DayNumber({9999, 12, 30})) {
    return Error::Invalid("instant", "Only instants from 0001-01-02 to 9999-12-30 can be converted.");
  }
  try {
    const std::int64_t local = utc + OffsetAt(*z, utc);
    const std::int64_t day = FloorDiv(local, kDay);
    const std::int64_t second_of_day = local - day * kDay;
    return std::pair{FromDayNumber(static_cast<std::int32_t>(day)),
                     LocalTime{static_cast<int>(second_of_day / 3600), static_cast<int>(second_of_day / 60 % 60)}};
  } catch (const std::exception& e) {
    return Error::Internal(std::string("Time zone conversion failed: ") + e.what());
  }
}

std::string TodayIn(std::string_view zone, Timestamp now) {
  auto local = ToLocal(zone, now);
  return local.ok() ? FormatDate(local->first) : FormatRfc3339(now).substr(0, 10);
}

}  // namespace allmende::calendar
