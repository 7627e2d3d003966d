#include "calendar/holidays.hpp"

#include <algorithm>
#include <cstdint>

namespace allmende::calendar {
namespace {

enum class Region { kFinland, kBadenWuerttemberg, kNordrheinWestfalen, kDenmark };

Result<Region> FindRegion(std::string_view country, std::string_view subdivision) {
  if (country == "FI" || country == "DK") {
    if (!subdivision.empty()) {
      return Error::Invalid("subdivision", "Holidays in " + std::string(country) +
                                               " are the same everywhere; "
                                               "leave the subdivision empty.");
    }
    return country == "FI" ? Region::kFinland : Region::kDenmark;
  }
  if (country == "DE") {
    if (subdivision == "BW") return Region::kBadenWuerttemberg;
    if (subdivision == "NW") return Region::kNordrheinWestfalen;
    return Error::Invalid("subdivision", "Holidays in DE are known for the subdivisions BW and NW.");
  }
  return Error::Invalid("country", "Holidays are known for FI, DE and DK.");
}

LocalDate Plus(LocalDate date, int days) { return FromDayNumber(DayNumber(date) + days); }

// The first day on or after `date` that is ISO weekday `weekday`.
LocalDate OnOrAfter(LocalDate date, int weekday) { return Plus(date, (weekday - Weekday(date) + 7) % 7); }

constexpr int kFriday = 5;
constexpr int kSaturday = 6;

class HolidayList {
 public:
  explicit HolidayList(int year) : year_(year) {}
  void Add(unsigned month, unsigned day, const char* name) { days_.emplace_back(LocalDate{year_, month, day}, name); }
  void Add(LocalDate date, const char* name) { days_.emplace_back(date, name); }
  std::vector<std::pair<LocalDate, std::string>> Sorted() && {
    std::stable_sort(days_.begin(), days_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return std::move(days_);
  }

 private:
  int year_;
  std::vector<std::pair<LocalDate, std::string>> days_;
};

std::vector<std::pair<LocalDate, std::string>> Finland(int year, LocalDate easter) {
  HolidayList list(year);
  list.Add(1, 1, "New Year's Day");
  list.Add(1, 6, "Epiphany");
  list.Add(Plus(easter, -2), "Good Friday");
  list.Add(easter, "Easter Sunday");
  list.Add(Plus(easter, 1), "Easter Monday");
  list.Add(5, 1, "May Day");
  list.Add(Plus(easter, 39), "Ascension Day");
  list.Add(Plus(easter, 49), "Whit Sunday");
  list.Add(OnOrAfter({year, 6, 19}, kFriday), "Midsummer Eve");
  list.Add(OnOrAfter({year, 6, 20}, kSaturday), "Midsummer Day");
  list.Add(OnOrAfter({year, 10, 31}, kSaturday), "All Saints' Day");
  list.Add(12, 6, "Independence Day");
  list.Add(12, 24, "Christmas Eve");
  list.Add(12, 25, "Christmas Day");
  list.Add(12, 26, "Boxing Day");
  return std::move(list).Sorted();
}

std::vector<std::pair<LocalDate, std::string>> Germany(int year, LocalDate easter, bool with_epiphany) {
  HolidayList list(year);
  list.Add(1, 1, "New Year's Day");
  if (with_epiphany) list.Add(1, 6, "Epiphany");
  list.Add(Plus(easter, -2), "Good Friday");
  list.Add(Plus(easter, 1), "Easter Monday");
  list.Add(5, 1, "Labour Day");
  list.Add(Plus(easter, 39), "Ascension Day");
  list.Add(Plus(easter, 50), "Whit Monday");
  list.Add(Plus(easter, 60), "Corpus Christi");
  list.Add(10, 3, "German Unity Day");
  list.Add(11, 1, "All Saints' Day");
  list.Add(12, 25, "Christmas Day");
  list.Add(12, 26, "St Stephen's Day");
  return std::move(list).Sorted();
}

std::vector<std::pair<LocalDate, std::string>> Denmark(int year, LocalDate easter) {
  HolidayList list(year);
  list.Add(1, 1, "New Year's Day");
  list.Add(Plus(easter, -3), "Maundy Thursday");
  list.Add(Plus(easter, -2), "Good Friday");
  list.Add(easter, "Easter Sunday");
  list.Add(Plus(easter, 1), "Easter Monday");
  // Abolished by the act of 28 February 2023 from 2024 on.
  if (year <= 2023) list.Add(Plus(easter, 26), "Great Prayer Day");
  list.Add(Plus(easter, 39), "Ascension Day");
  list.Add(Plus(easter, 49), "Whit Sunday");
  list.Add(Plus(easter, 50), "Whit Monday");
  list.Add(6, 5, "Constitution Day");
  list.Add(12, 24, "Christmas Eve");
  list.Add(12, 25, "Christmas Day");
  list.Add(12, 26, "Boxing Day");
  return std::move(list).Sorted();
}

}  // namespace

LocalDate EasterSunday(int year) {
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return {year, static_cast<unsigned>(month), static_cast<unsigned>(day)};
}

Result<void> CheckHolidayRegion(std::string_view country, std::string_view subdivision) {
  ALLMENDE_TRY(FindRegion(country, subdivision));
  return Ok();
}

Result<std::vector<std::pair<LocalDate, std::string>>> PublicHolidays(std::string_view country,
                                                                      std::string_view subdivision, int year) {
  ALLMENDE_ASSIGN_OR_RETURN(Region region, FindRegion(country, subdivision));
  if (year < 1 || year > 9999) return Error::Invalid("year", "Holidays are known for years 1 to 9999.");
  const LocalDate easter = EasterSunday(year);
  switch (region) {
    case Region::kFinland:
      return Finland(year, easter);
    case Region::kBadenWuerttemberg:
      return Germany(year, easter, /*with_epiphany=*/true);
    case Region::kNordrheinWestfalen:
      return Germany(year, easter, /*with_epiphany=*/false);
    case Region::kDenmark:
      return Denmark(year, easter);
  }
  return Error::Internal("Unknown holiday region.");
}

Result<bool> IsPublicHoliday(std::string_view country, std::string_view subdivision, LocalDate date) {
  if (!IsValid(date)) return Error::Invalid("date", "Not a date in years 1 to 9999.");
  ALLMENDE_ASSIGN_OR_RETURN(auto holidays, PublicHolidays(country, subdivision, date.year));
  return std::any_of(holidays.begin(), holidays.end(), [&](const auto& h) { return h.first == date; });
}

}  // namespace allmende::calendar
