// Wall-clock time in a region's zone ↔ UTC instants, with the IANA time zone database of the OS
// (/usr/share/zoneinfo, read through howardhinnant-date). Thread-safe; a zone's data is read once.
#pragma once

#include <string_view>
#include <utility>

#include "calendar/local_time.hpp"
#include "common/result.hpp"
#include "common/time.hpp"

namespace allmende::calendar {

// Ok for an IANA zone name the database knows ("Europe/Helsinki", "UTC"); InvalidArgument on field
// "time_zone" otherwise. Internal if the database itself cannot be read.
Result<void> CheckZone(std::string_view zone);

// The UTC instant of wall-clock `time` on `date` in `zone`.
// - In a spring-forward gap the time moves forward by the length of the gap: 02:30 on a day whose
//   clocks jump from 02:00 to 03:00 is taken as 03:30 (the same instant as 03:30 that day).
// - In an autumn overlap, where the time happens twice, the EARLIER instant (still summer time) is taken.
// InvalidArgument on "time_zone" for an unknown zone, "date" for an invalid date, "time" for an invalid time.
Result<Timestamp> ToUtc(std::string_view zone, LocalDate date, LocalTime time);

// The wall-clock date and time of `instant` in `zone`; seconds are cut off (10:59:59.9 is 10:59).
// InvalidArgument on "time_zone" for an unknown zone and on "instant" for one outside
// 0001-01-02..9999-12-30 UTC (so that the local date is always valid).
Result<std::pair<LocalDate, LocalTime>> ToLocal(std::string_view zone, Timestamp instant);

// Today in `zone` as YYYY-MM-DD; the UTC day when the zone cannot be read.
std::string TodayIn(std::string_view zone, Timestamp now);

}  // namespace allmende::calendar
