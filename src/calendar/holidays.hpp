// Public holidays of the platform's countries, computed from their calendar rules (no tables to
// keep up to date). The rules are today's, applied to every year (proleptic), except Denmark's Great
// Prayer Day, which is included up to 2023 only; older rule changes (Finland before 1991, German Unity
// Day before 1990) are not modelled.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "calendar/local_time.hpp"
#include "common/result.hpp"

namespace allmende::calendar {

// Easter Sunday of `year` (1..9999) in the Gregorian calendar, by the anonymous Gregorian algorithm.
LocalDate EasterSunday(int year);

// The holidays of `country` (ISO 3166-1 alpha-2) and `subdivision` (the ISO 3166-2 part after the dash):
// - "FI", subdivision "": New Year's Day, Epiphany, Good Friday, Easter Sunday, Easter Monday, May Day,
//   Ascension Day, Whit Sunday, Midsummer Eve (Friday Jun 19–25), Midsummer Day (Saturday Jun 20–26),
//   All Saints' Day (Saturday Oct 31–Nov 6), Independence Day, Christmas Eve, Christmas Day, Boxing Day.
//   Midsummer Eve and Christmas Eve are not statutory but nearly everything is closed.
// - "DE", "BW" (Baden-Württemberg, e.g. Zollernalbkreis): New Year's Day, Epiphany, Good Friday, Easter
//   Monday, Labour Day, Ascension Day, Whit Monday, Corpus Christi, German Unity Day, All Saints' Day,
//   Christmas Day, St Stephen's Day. "DE", "NW" (Nordrhein-Westfalen, e.g. Kreis Soest): the same
//   without Epiphany.
// - "DK", subdivision "": New Year's Day, Maundy Thursday, Good Friday, Easter Sunday, Easter Monday,
//   Great Prayer Day (up to 2023), Ascension Day, Whit Sunday, Whit Monday, Christmas Day, Boxing Day,
//   and the customary days off Constitution Day (Jun 5) and Christmas Eve, which are included because
//   care visits are not planned on them as a rule.
// InvalidArgument on "country" for another country, on "subdivision" for a subdivision the country does
// not have here (FI and DK take none, DE needs one), on "date" for an invalid date.
Result<bool> IsPublicHoliday(std::string_view country, std::string_view subdivision, LocalDate date);

// Every holiday of `year` as above with its English name, in date order. Two holidays on one day
// (Ascension on May Day in 2008) are two entries. Errors as IsPublicHoliday, and on "year" outside 1..9999.
Result<std::vector<std::pair<LocalDate, std::string>>> PublicHolidays(std::string_view country,
                                                                      std::string_view subdivision, int year);

// Ok if PublicHolidays accepts `country` and `subdivision`; its errors otherwise.
Result<void> CheckHolidayRegion(std::string_view country, std::string_view subdivision);

}  // namespace allmende::calendar
